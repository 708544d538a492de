"""``jpnlp build``: an entity-annotated Hugging Face dataset and spaCy training data from a corpus.

Documents stream through the pipeline one at a time (in ``workers``
processes when asked), rows go straight to per-split Parquet shards, DocBin
and CoNLL writers, and the whole output is written into a temporary folder
beside the target and renamed into place only when complete: an interrupted
or failed build never leaves half a dataset and never touches the previous
one.  See ``card.py`` for what the dataset card says and ``rows.py`` for the
row schema.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..document import Document, prepare
from ..errors import InputError, OutputError, UsageError, printable
from ..hf import iter_hf_documents
from ..io import (
    RawDocument,
    inside,
    is_stdin,
    json_line,
    make_temp,
    output_target,
    read_inputs,
    replace_dir,
    with_doc_date,
)  # fmt: skip
from .agreement import agreement
from .engines import ENGINES, check_workers
from .exclude import EvalText, default_sets
from .memory import system_arrow_pool
from .rows import ENTITY_ATTRS, LABELS, align_sentences, document_row, sentence_row
from .sources import collection_name, collections, corpus_files, provenance, read_corpus
from .splits import SPLITS, SplitConfig

DEFAULT_NAME = "jpnlp-arms-control"


@dataclass
class BuildResult:
    path: Path
    split_rows: dict[str, int]
    documents: int
    failed: list[dict[str, str]] = field(default_factory=list)
    retokenized: int = 0
    entity_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    resumed: int = 0  # documents taken from an interrupted build's journal
    excluded: dict[str, int] = field(default_factory=dict)  # train/validation sentences of an evaluation set


# -- per-document work (runs in worker processes) -----------------------------

_NLP = None
_EVAL_TEXT: Any = None  # jpnlp.dataset.exclude.EvalText of this worker (None: nothing excluded)


def _init_worker(glossary: str | None, fast: bool = False, eval_text: Any = None) -> None:
    global _NLP, _EVAL_TEXT
    _EVAL_TEXT = eval_text  # evaluation sentences this worker keeps out of train and validation
    from ..pipeline import default_pipeline, load, warm_up
    from .writers import docbin_vocab

    # the dataset keeps GiNZA's analysis (CoNLL-U, DocBins): load it whole
    _NLP = load(glossary=glossary, fast=fast) if glossary else default_pipeline(fast, analysis=True)
    warm_up(_NLP)  # before the workers fork: they share its compiled patterns
    docbin_vocab()  # made once here: forked workers share it


def _gold_for(document: Document, gold_dir: Path | None) -> list[tuple[int, int, str, dict[str, Any]]] | None:
    if gold_dir is None:
        return None
    for stem in (document.doc_id, document.doc_id.rsplit(".", 1)[0]):
        ent = gold_dir / f"{Path(stem).name}.entities.jsonl"
        seg = gold_dir / f"{Path(stem).name}.segments.jsonl"
        if ent.exists() and seg.exists():
            from ..evaluate import corpus_gold, read_jsonl

            gold = corpus_gold(document.text, read_jsonl(seg), read_jsonl(ent))
            return [(m.start, m.end, m.label, {"en": m.en, "value": m.value}) for m in gold]
    return None


class GoldMismatchError(InputError):
    """Corrections of a document whose text is not the document's: the whole build stops."""


def _reviewed_gold(
    document: Document, review: dict[str, Any]
) -> tuple[list[tuple[int, int, str, dict[str, Any]]], list[dict[str, Any]]]:
    """The entities and votes of a reviewer's corrections (a :mod:`jpnlp.review` record) of ``document``."""
    if review["text"] != document.text:
        at = next((i for i, (a, b) in enumerate(zip(review["text"], document.text)) if a != b),
                  min(len(review["text"]), len(document.text)))  # fmt: skip
        raise GoldMismatchError(None, f"document {document.doc_id!r}: the corrected text is not the document's "
                                f"text (they differ from offset {at}): export the document again")  # fmt: skip
    meta = document.meta or {}
    context = {"doc_date": document.doc_date, "doc_title": meta.get("title"), "source": meta.get("source")}
    ents = [(e["start"], e["end"], e["label"], e) for e in review["entities"]]
    votes = [{**context, **v} for v in review["votes"] if v.get("start") is not None]  # no offsets: no sentence
    return ents, votes


def process_document(raw: RawDocument, gold_dir: Path | None, review: dict[str, Any] | None = None) -> dict[str, Any]:
    """The rows of one document (each with its gold row, where there is hand-made gold); runs in a worker.

    ``review`` is a reviewer's corrections of the document (:mod:`jpnlp.review`): its gold rows carry them.
    The split is assigned later, when the rows are written, so a document's result does not depend on
    the rest of the corpus and can be kept in the resume journal.
    """
    from ..pipeline import annotate, default_pipeline

    nlp = _NLP or default_pipeline(analysis=True)
    document = prepare(raw)
    doc = annotate(document, nlp)
    align_sentences(doc, document.sentences)
    split_tokens = doc.user_data.get("jpnlp_split_tokens", 0)
    ents = [(e.start_char, e.end_char, e.label_, {k: getattr(e._, k) for k in ENTITY_ATTRS}) for e in doc.ents]
    votes = [t.to_dict() for t in (doc._.votes or [])]
    gold, gold_votes = _reviewed_gold(document, review) if review is not None else (_gold_for(document, gold_dir), votes)
    out: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    ginza = doc.user_data.get("jpnlp_ginza_ents")  # None in fast mode: no GiNZA entities to agree with
    where = provenance(document.meta)
    for sent in document.sentences:
        in_sent = [x for x in ents if sent.start <= x[0] and x[1] <= sent.end]
        agree = None if ginza is None else agreement(
            [x[:3] for x in in_sent], [x for x in ginza if sent.start <= x[0] and x[1] <= sent.end]
        )
        extra = {**where, "ginza_agreement": agree}
        v = [t for t in votes if sent.start <= t["start"] and t["end"] <= sent.end]
        gold_row = None
        if gold is not None:
            g = [x for x in gold if sent.start <= x[0] and x[1] <= sent.end]
            gv = [t for t in gold_votes if sent.start <= t["start"] and t["end"] <= sent.end]
            gold_row = sentence_row(document, doc, sent, g, gv, reviewed=True) | extra
        out.append((sentence_row(document, doc, sent, in_sent, v) | extra, gold_row))
    return {"doc_id": document.doc_id, "rows": out, "retokenized": split_tokens, "sentences": len(document.sentences),
            "document": document_row(document), "reviewed": review is not None}  # fmt: skip


def _safe_process(args: tuple[RawDocument, Path | None, dict[str, Any] | None, str, SplitConfig, bool]) -> dict[str, Any]:
    """A document's result, encoded for the main process to append (:func:`jpnlp.dataset.encode.finished`)."""
    from .encode import finished

    raw, gold_dir, review, key, split, by_document = args
    return finished(key, _result(raw, gold_dir, review), split, by_document, _EVAL_TEXT)


def _result(raw: RawDocument, gold_dir: Path | None, review: dict[str, Any] | None) -> dict[str, Any]:
    try:
        return process_document(raw, gold_dir, review)
    except GoldMismatchError as e:  # not one bad document: the --gold file does not fit the corpus
        return {"doc_id": raw.doc_id, "gold_error": e.message}
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the build
        return {"doc_id": raw.doc_id, "error": f"{type(e).__name__}: {e}", "path": raw.path}


# -- inputs -------------------------------------------------------------------


def _manifest(corpus: Path) -> list[dict[str, Any]]:
    """The documents a corpus's ``manifest.json`` describes, checked whole (a bad one fails before any work)."""
    from ..io import manifest_meta

    m = corpus / "manifest.json"
    if not m.is_file():
        return []
    try:
        documents = json.loads(m.read_text(encoding="utf-8")).get("documents", [])
    except (ValueError, AttributeError, UnicodeDecodeError):
        raise InputError(m, "not a valid manifest (expected {\"documents\": [...]})") from None
    if not isinstance(documents, list):
        raise InputError(m, "not a valid manifest: 'documents' must be a list")
    for i, d in enumerate(documents, 1):
        if not isinstance(d, dict) or not isinstance(d.get("doc_id"), str):
            raise InputError(m, f"not a valid manifest: document {i} needs a text 'doc_id'")
        wrong = [k for k in ("language", "source_format", "sha256", "provenance") if not isinstance(d.get(k, ""), str)]
        if wrong:  # the dataset card shows these as text
            raise InputError(m, f"not a valid manifest: document {i}: {wrong[0]!r} must be text")
    manifest_meta(corpus)  # dates, known fields and the files themselves
    return documents


# -- the build ----------------------------------------------------------------


def build_dataset(
    inputs: list[str | os.PathLike[str]] | None = None,
    output: str | os.PathLike[str] = "data",
    name: str = DEFAULT_NAME,
    *,
    overwrite: bool = False,
    workers: int = 1,
    split: SplitConfig | None = None,
    gold: bool | str | os.PathLike[str] = True,
    from_hf: str | None = None,
    text_column: str = "text",
    glossary: str | None = None,
    progress: bool = False,
    fast: bool = False,
    resume: bool = False,
    engine: str = "local",
    ray_address: str | None = None,
    doc_date: str | None = None,
    id_column: str | None = None,
    date_column: str | None = None,
    full: bool = False,
    exclude: list[str | os.PathLike[str]] | None = None,
) -> BuildResult:
    """Build the dataset; returns where it went and what it holds.

    ``fast=True`` runs without GiNZA's neural components (see :func:`jpnlp.pipeline.load`).
    Finished documents are kept in a journal beside the output until the build succeeds;
    ``resume=True`` skips those an interrupted build already did (see :mod:`jpnlp.journal`).
    ``engine="ray"`` streams the documents to a pool of Ray actors (``ray_address`` names a cluster).
    ``doc_date`` (YYYY-MM-DD) is the date of every document that its manifest entry does not date.
    ``from_hf`` reads a dataset on disk offline (see :mod:`jpnlp.hf`): ``text_column`` holds the texts,
    ``id_column`` and ``date_column`` the ids and dates, the other columns become each document's metadata.
    ``full=True`` also reads every real-text collection ``<corpus>/real/*/`` (see :mod:`.sources`).
    Sentences of an evaluation set (``tests/data/real/*.jsonl`` and the ``exclude`` files: see :mod:`.exclude`)
    are dropped from ``train`` and ``validation``; ``BuildResult.excluded`` counts them.
    ``gold`` is ``True`` for the corpus's ``annotations/`` folder, ``False`` for none, or a path: a folder of
    ``<doc>.segments.jsonl``/``<doc>.entities.jsonl``, or a corrected file (or folder of them) that ``jpnlp import``
    wrote or any :mod:`jpnlp.review` format reads; corrections also replace the silver rows of their sentences in
    ``train`` and ``validation``.
    """
    from ..glossary import Glossary
    from ..journal import Journal

    split = split or SplitConfig()
    inputs = [Path(p) for p in (inputs or ([] if from_hf else ["corpus"]))]
    # Workers open these by path (on Ray, in other processes and perhaps on other machines): make them absolute.
    glossary = str(Path(glossary).resolve()) if glossary else None
    out_dir = Path(output)
    final = out_dir / check_name(name)
    check_target(final, overwrite, inputs)
    # Bad settings fail here, in one line, before any work or any file (a worker could not report them).
    if glossary:
        Glossary.load(glossary)
    for d in (p for p in inputs if p.is_dir()):
        for folder in [d, *(collections(d) if full else [])]:
            _manifest(folder)
    eval_text = EvalText([*default_sets(), *(Path(p) for p in exclude or [])])
    gold_path, reviewed = _gold_option(gold)
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    check_workers(workers, engine)
    files = corpus_files(inputs, full) if inputs and not is_stdin(inputs) else None
    made_out_dir = not out_dir.exists()
    journal_dir = journal_path(out_dir, name)
    new_journal = not journal_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        tmp, lock = make_temp(final, folder=True)  # locked: a later build sweeps it away only if this one was killed
    except OSError as e:
        raise OutputError(final, f"cannot write: {e.strerror or e}") from None
    journal = None
    try:
        for sub in ("data", "spacy", "conll", "conllu"):
            (tmp / sub).mkdir(parents=True)
        journal = Journal(journal_dir, resume=resume, valid=_valid_entry)
        options = _Options(
            workers, split, gold is not False, from_hf, text_column, glossary, progress, fast, engine, ray_address,
            doc_date, id_column, date_column, gold_path, full, eval_text,
        )
        with system_arrow_pool():
            result = _build_into(tmp, final, inputs, files, name, journal, options, reviewed)
        replace_dir(tmp, final)
        journal.discard()
        result.path = final
        return result
    except OSError as e:  # a full disk, a vanished folder: one clear line, the previous dataset untouched
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(final, f"cannot write: {e.strerror or e}") from None
    except (InputError, UsageError):  # bad input or settings: nothing to resume, so nothing is left behind
        shutil.rmtree(tmp, ignore_errors=True)
        if journal is not None and new_journal:
            journal.discard()
        if made_out_dir:
            with contextlib.suppress(OSError):
                out_dir.rmdir()
        raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        os.close(lock)
        if journal is not None:
            journal.close()


def _gold_option(gold: bool | str | os.PathLike[str]) -> tuple[str | None, dict[str, dict[str, Any]]]:
    """``--gold PATH``: a folder of hand-made annotations (its path), or corrections read and checked now
    (by document id), so that a bad file stops the build before any work."""
    if isinstance(gold, bool):
        return None, {}
    path = Path(gold)
    if not path.exists():
        raise InputError(path, "no such file or folder (--gold)")
    if path.is_dir() and any(path.glob("*.segments.jsonl")):
        return str(path.resolve()), {}
    from ..review.gold import read_gold

    return str(path.resolve()), read_gold(path)


def _review_for(reviewed: dict[str, dict[str, Any]], doc_id: str) -> dict[str, Any] | None:
    """The corrections of a document: by its id, or its id without the last suffix (``a.ja`` → ``a``)."""
    return reviewed.get(doc_id) or reviewed.get(doc_id.rsplit(".", 1)[0])


def _warn_unmatched(reviewed: dict[str, dict[str, Any]], doc_ids: list[str]) -> None:
    """Corrections of documents the build did not read are worth a warning: a renamed file, the wrong folder."""
    import warnings

    from ..errors import JpnlpWarning

    used = {r["id"] for r in (_review_for(reviewed, d) for d in doc_ids) if r is not None}
    unused = sorted(set(reviewed) - used)
    if unused:
        more = f" and {len(unused) - 3} more" if len(unused) > 3 else ""
        warnings.warn(f"--gold: {len(unused)} corrected document(s) match no input: "
                      f"{', '.join(map(repr, unused[:3]))}{more}", JpnlpWarning, stacklevel=2)  # fmt: skip


def check_name(name: str) -> str:
    """A dataset name is one plain folder name: not empty, no separator, not hidden (jpnlp's own folders are)."""
    if not name or name.startswith(".") or any(c in name for c in "/\\\0"):
        raise UsageError(f"--name {printable(name)!r}: must be a plain folder name (no '/', not starting with '.')")
    return name


def check_target(final: Path, overwrite: bool, inputs: list[Path]) -> None:
    """Refuse, before any work, to replace what is not an earlier build (a dataset has ``build.json``)."""
    if final.is_symlink():
        raise UsageError(f"{printable(str(final))}: is a symbolic link; not replacing it")
    output_target(final)  # a file where a folder must go: named, before anything is made
    if final.exists():
        if not overwrite:
            raise OutputError(final, "already exists; pass --overwrite to replace it")
        if not (final.is_dir() and (final / "build.json").is_file()):
            raise UsageError(
                f"{printable(str(final))}: exists and is not a dataset built by jpnlp (no build.json); "
                "--overwrite replaces only an earlier build"
            )
    for p in inputs:
        if inside(p, final):
            shown = printable(str(final))
            raise UsageError(f"{shown}: holds the input {printable(str(p))}; choose another -o or --name")


def _valid_entry(value: Any) -> bool:
    """A journaled document: its rows (see :func:`process_document`) or why it failed."""
    if not isinstance(value, dict) or not isinstance(value.get("doc_id"), str):
        return False
    if "error" in value:
        return isinstance(value["error"], str)
    rows = value.get("rows")
    return (
        isinstance(rows, list)
        and all(isinstance(r, list) and len(r) == 2 and isinstance(r[0], dict) for r in rows)
        and isinstance(value.get("sentences"), int)
        and isinstance(value.get("retokenized"), int)
    )


def journal_path(output: str | os.PathLike[str], name: str = DEFAULT_NAME) -> Path:
    """Where a build of ``name`` under ``output`` keeps its resume journal."""
    return Path(output) / f".{name}.journal"


@dataclass(frozen=True)
class _Options:
    workers: int
    split: SplitConfig
    gold: bool
    from_hf: str | None
    text_column: str
    glossary: str | None
    progress: bool
    fast: bool
    engine: str
    ray_address: str | None
    doc_date: str | None = None
    id_column: str | None = None
    date_column: str | None = None
    gold_path: str | None = None  # --gold PATH
    full: bool = False  # --full: the real-text collections too
    eval_text: Any = None  # EvalText: sentences never to train on


def _settings(options: _Options, gold_dir: Path | None) -> str:
    """The key of everything besides the text that shapes a document's rows (see :mod:`jpnlp.journal`)."""
    from importlib import metadata

    from ..journal import file_digest, settings_key, tree_digest
    from ..pipeline import PIPELINE_VERSION

    try:
        model = "none" if options.fast else f"ja_ginza {metadata.version('ja_ginza')}"
    except metadata.PackageNotFoundError:
        model = "ja_ginza"
    return settings_key(
        {
            "pipeline": PIPELINE_VERSION,
            "model": model,
            "glossary": file_digest(options.glossary),
            "gold": tree_digest(gold_dir),
        }
    )


def _build_into(
    tmp: Path, final: Path, inputs: list[Path], files: list[tuple[Path, Path | None]] | None, name: str,
    journal: Any, options: _Options, reviewed: dict[str, dict[str, Any]] | None = None,
) -> BuildResult:  # fmt: skip
    from ..glossary import Glossary, default_glossary
    from ..journal import content_key
    from ..pipeline import PIPELINE_VERSION
    from .card import render
    from .disk import DiskWriter
    from .encode import Encoded, finished
    from .engines import map_ordered
    from .writers import FLAT_TABLES, ConllUWriter, ConllWriter, DocBinWriter, ShardWriter, TableWriter

    split, from_hf, fast, glossary = options.split, options.from_hf, options.fast, options.glossary
    corpus_dirs = [p for p in inputs if p.is_dir()]
    reviewed = reviewed or {}
    if options.gold_path is not None:
        gold_dir = None if reviewed else Path(options.gold_path)
    else:
        gold_dir = (
            next((d.resolve() / "annotations" for d in corpus_dirs if (d / "annotations").is_dir()), None)
            if options.gold
            else None
        )
    settings = _settings(options, Path(options.gold_path) if options.gold_path else gold_dir)

    def raw_documents() -> Iterator[RawDocument | InputError]:
        if from_hf:
            hf_docs = iter_hf_documents(from_hf, options.text_column, options.id_column, options.date_column)
            yield from with_doc_date(hf_docs, options.doc_date)
        if files is not None:
            yield from with_doc_date(read_corpus(files), options.doc_date)
        elif inputs:
            yield from with_doc_date(read_inputs(["-"]), options.doc_date)

    done = set(journal.index)  # what an interrupted build already did (empty without --resume)
    # Pass 1 reads every input once into a snapshot on disk: per document, in input order, its plan (a key, or
    # why it cannot be read) and, for a document still to do, the document itself.  The work reads the snapshot,
    # never the inputs again, so a file added, edited or deleted meanwhile cannot make the two disagree (nor stdin
    # be read twice); and what this process keeps per document is a few counters, not a list as long as the corpus.
    spool = tmp / ".inputs.pickle"
    n_plan = n_resumed = 0
    matched: list[str] = []  # ids of the documents that have corrections (as many as the corrections at most)
    with spool.open("wb") as fh:
        for item in raw_documents():
            n_plan += 1
            if isinstance(item, InputError):
                pickle.dump(_Planned(None, Path(item.path).stem, item.path, item.message), fh, _PICKLE)
                continue
            key = content_key(settings, item.doc_id, item.text, item.doc_date, item.meta)
            n_resumed += key in done
            if reviewed and _review_for(reviewed, item.doc_id) is not None:
                matched.append(item.doc_id)
            pickle.dump(_Planned(key, item.doc_id, item.path or "", "", None if key in done else item), fh, _PICKLE)
    n_docs = n_plan if not from_hf else None
    by_document = n_docs is not None and n_docs >= split.min_documents

    # Pass 2: the documents still to do, from the snapshot, to the engine; results come back in input order,
    # encoded (a worker assigns the splits and writes the rows out: this process only appends what it gets).
    def tasks() -> Iterator[tuple[RawDocument, Path | None, dict[str, Any] | None, str, SplitConfig, bool]]:
        for planned in _read_spool(spool):
            if planned.raw is not None:
                yield (planned.raw, gold_dir, _review_for(reviewed, planned.raw.doc_id), planned.key, split, by_document)

    splits = [*SPLITS, "gold"] if gold_dir is not None or reviewed else list(SPLITS)
    shards = {s: ShardWriter(tmp / "data", s) for s in splits}
    disks = {s: DiskWriter(tmp / "disk" / s, s, shards[s].features) for s in splits}  # save_to_disk's files
    docbins = {s: DocBinWriter(tmp / "spacy" / s) for s in splits}
    conlls = {s: ConllWriter(tmp / "conll" / f"{s}.conll") for s in splits}
    conllus = {s: ConllUWriter(tmp / "conllu" / f"{s}.conllu") for s in splits}
    tables = [TableWriter(tmp / f"{t}.parquet", t) for t in FLAT_TABLES]
    documents = TableWriter(tmp / "documents.parquet", "documents")
    counts: dict[str, Counter[str]] = {s: Counter() for s in splits}
    mentions: Counter[str] = Counter()
    failed: list[dict[str, str]] = []
    retokenized = n_ok = sentences = 0

    excluded: Counter[str] = Counter()  # train/validation sentences of an evaluation set, never trained on

    def append(doc_id: str, encoded: Encoded) -> None:
        for split_name, part in encoded.splits.items():
            shards[split_name].add_table(part.rows)
            disks[split_name].add_table(part.rows)
            docbins[split_name].add_part(part.docbins)
            conlls[split_name].add_text(doc_id, part.conll, part.conll_ids)
            conllus[split_name].add_text(part.conllu)
            counts[split_name].update(part.labels)
        excluded.update(encoded.excluded)
        for t in tables:
            t.add_table(encoded.tables[t.table])
        documents.add_table(encoded.document)
        mentions.update(encoded.mentions)

    bar = _Bar(options.progress, n_plan, resumed=n_resumed)
    started = time.perf_counter()
    results = map_ordered(
        _safe_process, tasks(), _init_worker, (glossary, fast, options.eval_text),
        workers=options.workers, engine=options.engine, address=options.ray_address,
    )  # fmt: skip
    try:
        for key, doc_id, path, error, _ in _read_spool(spool):
            if key is None:
                failed.append({"doc_id": doc_id, "path": path, "error": error})
                bar.update(sentences, time.perf_counter() - started)
                continue
            if key in done:
                res = finished(None, journal.get(key), split, by_document, options.eval_text)  # as a worker would
            else:
                res = next(results)
                journal.add_line(key, res["journal"])
            bar.update(sentences + res.get("sentences", 0), time.perf_counter() - started, resumed=key in done)
            if "gold_error" in res:
                raise InputError(options.gold_path, res["gold_error"])
            if "error" in res:
                failed.append({"doc_id": res["doc_id"], "path": res.get("path") or "", "error": res["error"]})
                continue
            n_ok += 1
            sentences += res["sentences"]
            retokenized += res["retokenized"]
            append(res["doc_id"], res["encoded"])
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the worker pool (or Ray) even when the loop ended early
        bar.close()
    spool.unlink()
    for w in (*docbins.values(), *conlls.values(), *conllus.values(), *tables, documents):
        w.close()
    # Splits without rows are left out (an empty Parquet split would not load).
    splits = [s for s in splits if shards[s].rows]
    for s, w in shards.items():
        if not w.rows:
            shutil.rmtree(tmp / "spacy" / s, ignore_errors=True)
            (tmp / "conll" / f"{s}.conll").unlink(missing_ok=True)
            (tmp / "conll" / f"{s}.ids").unlink(missing_ok=True)
            (tmp / "conllu" / f"{s}.conllu").unlink(missing_ok=True)
    paths = {s: shards[s].close() for s in splits}
    if n_ok == 0:
        raise InputError(", ".join(str(p) for p in inputs) or from_hf, "no document could be processed")

    # The same data as a DatasetDict saved with save_to_disk: its Arrow files were written as the rows came.
    split_rows = {s: disks[s].close(_stable_fingerprint(paths[s])) for s in splits}
    (tmp / "disk" / "dataset_dict.json").write_text(json.dumps({"splits": splits}), encoding="utf-8")
    split_bytes = {s: sum(p.stat().st_size for p in paths[s]) for s in splits}

    g: Glossary = Glossary.load(glossary) if glossary else default_glossary()
    _write_glossary(tmp / "glossary.parquet", g, mentions)

    documents = _card_documents(inputs, options.full)
    nlp_meta = "none (fast mode: Sudachi tokens and rules)" if fast else _model_name()
    build = {
        "jpnlp": _version(),
        "pipeline": PIPELINE_VERSION,
        "model": nlp_meta,
        "split_unit": "document" if by_document else "paragraph",
        "seed": split.seed,
        "ratios": f"{split.train}/{split.validation}/{split.test}",
        "retokenized": retokenized,
        "normalize": json.dumps(_normalize_config(), ensure_ascii=False),
        "excluded": f"{excluded['train']} train and {excluded['validation']} validation sentences",
    }
    entity_counts = {s: {label: counts[s].get(label, 0) for label in LABELS} for s in splits}
    (tmp / "README.md").write_text(
        render(name, split_rows, split_bytes, entity_counts, documents, build), encoding="utf-8"
    )
    report = {
        "name": name,
        "documents": n_ok,
        "failed": len(failed),
        "sentences": sentences,
        "split_rows": split_rows,
        "entity_counts": entity_counts,
        "retokenized_tokens": retokenized,
        "excluded": {"train": excluded["train"], "validation": excluded["validation"],
                     "sets": [f.as_posix() for f in options.eval_text.files] if options.eval_text else []},
        "build": build,
    }
    (tmp / "build.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if failed:
        with (tmp / "errors.jsonl").open("w", encoding="utf-8") as fh:
            for f in failed:
                fh.write(json_line(f))
    _warn_unmatched(reviewed, matched)
    return BuildResult(final, split_rows, n_ok, failed, retokenized, entity_counts, n_resumed, dict(excluded))


_PICKLE = pickle.HIGHEST_PROTOCOL


class _Planned(NamedTuple):
    """One document of the snapshot: its key (None: unreadable, ``error`` says why), and the document if to do."""

    key: str | None
    doc_id: str
    path: str
    error: str
    raw: RawDocument | None = None


def _read_spool(spool: Path) -> Iterator[_Planned]:
    """The snapshot's documents in input order, one at a time."""
    with spool.open("rb") as fh:
        while True:
            try:
                yield pickle.load(fh)  # our own file, written by pass 1
            except EOFError:
                return


def _card_documents(inputs: list[Path], full: bool) -> list[dict[str, Any]]:
    """The manifest entries of every folder read, each with the collection it belongs to."""
    out: list[dict[str, Any]] = []
    for d in (p for p in inputs if p.is_dir()):
        out += [{**e, "corpus": "default"} for e in _manifest(d)]
        for folder in collections(d) if full else []:
            name = collection_name(folder)
            out += [{**e, "doc_id": f"{name}/{e['doc_id']}", "corpus": name} for e in _manifest(folder)]
    return out


def _write_glossary(path: Path, glossary: Any, mentions: Counter[str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {"id": e.id, "label": e.label, "en": e.en, "en_full": e.en_full, "ja": list(e.ja), "abbr": list(e.abbr),
         "wikidata": e.wikidata, "mention_count": mentions.get(e.id, 0)}
        for e in sorted(glossary, key=lambda e: e.id)
        if e.label in ("TREATY", "LEADER")
    ]  # fmt: skip
    schema = pa.schema(
        [("id", pa.string()), ("label", pa.string()), ("en", pa.string()), ("en_full", pa.string()),
         ("ja", pa.list_(pa.string())), ("abbr", pa.list_(pa.string())), ("wikidata", pa.string()),
         ("mention_count", pa.int64())]
    )  # fmt: skip
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, compression="zstd", write_statistics=False)


def _version() -> str:
    from .. import __version__

    return __version__


def _stable_fingerprint(parquet: list[Path]) -> str:
    """The fingerprint ``state.json`` records: ``save_to_disk`` draws one from the temporary cache path; the rows'
    own digest instead makes rebuilding the same rows give byte-identical files (``datasets`` only uses it for
    caching)."""
    digest = hashlib.sha256()
    for p in parquet:
        with p.open("rb") as fh:  # in pieces: a shard can be large
            for piece in iter(lambda: fh.read(1 << 20), b""):
                digest.update(piece)
    return digest.hexdigest()[:16]


def _model_name() -> str:
    # From the installed package's meta.json: the parent process need not load GiNZA (workers did).
    import spacy.util

    try:
        meta = spacy.util.get_model_meta(next(spacy.util.get_package_path("ja_ginza").glob("ja_ginza-*")))
    except (StopIteration, OSError, ValueError):
        from ..pipeline import default_pipeline

        meta = default_pipeline().meta
    return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"


def _normalize_config() -> dict[str, Any]:
    from ..normalize import NormalizeConfig

    return NormalizeConfig().to_dict()


class _Bar:
    """A progress bar on stderr: documents done of the total, throughput and ETA.

    Documents taken from a resume journal count as done but not in the rate, so the
    ETA reflects the documents that still need the pipeline.
    """

    def __init__(self, enabled: bool, total: int | None, resumed: int = 0) -> None:
        self.progress = None
        self.docs = 0  # processed in this run (not resumed)
        if enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.progress = Progress(
                TextColumn("building"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(), console=Console(stderr=True), transient=True,
            )  # fmt: skip
            self.progress.start()
            note = f"{resumed} resumed" if resumed else ""
            self.task = self.progress.add_task("docs", total=total, rate=note)

    def update(self, sentences: int, elapsed: float = 0.0, resumed: bool = False) -> None:
        if not resumed:
            self.docs += 1
        if self.progress is not None:
            rate = f"{self.docs / elapsed:.1f} docs/s, {sentences / elapsed:.0f} sentences/s" if elapsed else ""
            self.progress.update(self.task, advance=1, rate=rate)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
