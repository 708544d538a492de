"""The ``jpnlp extract`` record: one JSON object per document, a stable schema.

=============  =================================================================
field          meaning
=============  =================================================================
doc_id         document id (path relative to the input directory, no suffix)
doc_date       the document's date (ISO), given or from its dateline; null if unknown
meta           what is known of the document: front matter, its manifest entry (title, source, url, …)
text           the normalized text (blocks joined by a blank line)
sentences      ``start``, ``end`` (in ``text``), ``raw_start``, ``raw_end``
entities       ``start``, ``end``, ``text``, ``label``, ``raw_start``, ``raw_end``,
               ``raw_text``, ``en``, ``en_full``, ``id``, ``value``, ``role``
               (plus ``anaphor``, ``mod``, ``wikidata``, ``en_source`` and
               ``en_conf``: where the English name came from and how
               often names from there are right, see :mod:`jpnlp.english`)
votes          vote tallies (the ``jpnlp votes`` record of each, see :mod:`jpnlp.votes`)
config         normalization config, pipeline and model versions
=============  =================================================================

:meth:`jpnlp.document.Document.from_dict` loads a record (to correct it in Python) and
:meth:`~jpnlp.document.Document.to_dict` writes it back unchanged.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from spacy.language import Language

from . import __version__
from .document import RECORD_SCHEMA, Document
from .io import RawDocument, json_line
from .pipeline import PIPELINE_VERSION

SCHEMA_VERSION = RECORD_SCHEMA
SHARD_NAME = re.compile(r"extract-\d{5}(-of-\d{5})?\.jsonl")


def document_record(doc: Document, nlp: Language | None = None, model: str | None = None) -> dict[str, Any]:
    """The JSON-ready record of a processed document (``model``: the trained model that found the spans)."""
    from .pipeline import describe

    return {
        **doc.to_dict(),
        "config": {
            "schema": SCHEMA_VERSION,
            "jpnlp": __version__,
            "pipeline": PIPELINE_VERSION,
            **describe(nlp, model),
            "normalize": doc.config.to_dict(),
            "layout": doc.layout,
            "encoding": doc.encoding,
        },
    }


# -- whole runs: many documents to JSON Lines, isolated, resumable -----------


def record_line(raw: RawDocument, nlp: Language, model: str | None = None, layout: str = "auto") -> str:
    """One document's record as a JSON line (with its newline)."""
    from .document import prepare
    from .pipeline import process

    document = prepare(raw, layout=layout)  # type: ignore[arg-type]
    return json_line(document_record(process(document, nlp, model=model), nlp, model))


def safe_lines(
    raws: Iterable[RawDocument], nlp: Language, model: str | None = None, layout: str = "auto",
    on_error: Callable[[RawDocument, str], None] | None = None,
) -> Iterator[str]:  # fmt: skip
    """:func:`record_line` for each document; a document that fails is reported to ``on_error`` and skipped."""
    for raw in raws:
        try:
            yield record_line(raw, nlp, model, layout)
        except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
            if on_error is not None:
                on_error(raw, f"{type(e).__name__}: {e}")


@dataclass
class ExtractResult:
    output: Path
    documents: int = 0
    resumed: int = 0  # taken from an interrupted run's journal
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path or doc_id, reason)
    files: list[Path] = field(default_factory=list)


def check_shard_folder(output: str | os.PathLike[str], inputs: Iterable[Path] = ()) -> None:
    """``--shard-docs`` replaces ``output`` only if it is missing, empty or an earlier folder of shards.

    Anything else (a file, a folder holding other files, a folder holding an input) is a :class:`UsageError`.
    """
    from .errors import UsageError, printable
    from .io import inside, output_target

    target = output_target(output)
    shown = printable(str(output))
    if target.exists():
        if not target.is_dir():
            raise UsageError(f"{shown}: is a file; --shard-docs writes a folder there")
        others = sorted(p.name for p in target.iterdir() if not (SHARD_NAME.fullmatch(p.name) and p.is_file()))
        if others:
            raise UsageError(
                f"{shown}: exists and holds more than jpnlp extract shards ({printable(others[0])}); "
                "not replacing it: remove it or choose another -o"
            )
    for f in inputs:
        if inside(f, target):
            raise UsageError(f"{shown}: holds the input {printable(str(f))}; choose another -o")


def journal_path(output: str | os.PathLike[str]) -> Path:
    """Where ``extract -o OUTPUT`` keeps its resume journal."""
    out = Path(output)
    return out.with_name(f".{out.name}.journal")


def extract_to(
    raws: Iterable[RawDocument],
    output: str | os.PathLike[str],
    nlp: Language,
    *,
    settings: dict[str, Any],
    model: str | None = None,
    layout: str = "auto",
    resume: bool = False,
    shard_docs: int = 0,
    on_error: Callable[[RawDocument, str], None] | None = None,
    check: Callable[[], None] | None = None,
    workers: int = 1,
    pipeline: tuple[str | None, bool] = (None, False),
) -> ExtractResult:
    """Write the records of ``raws`` to ``output``, streaming, in input order; resumable.

    ``shard_docs > 0`` makes ``output`` a folder of ``extract-NNNNN-of-NNNNN.jsonl`` files of that many
    documents each.  Each finished record also goes to a journal (:mod:`jpnlp.journal`) keyed by the
    document's content hash and ``settings``; ``resume=True`` takes the records of an interrupted run
    from it instead of processing those documents again.  The output appears only when the run ends.
    ``check`` runs before the output is put in place; if it raises, the earlier output and no journal remain.
    ``workers > 1`` processes documents in that many processes: forked ones share ``nlp``, others each load the
    pipeline from ``pipeline`` (glossary path, fast).  A worker makes the record line and its journal line; this
    process appends them in input order, so the output is the same bytes as with one worker.
    """
    from .dataset.engines import forks, map_ordered
    from .journal import Journal, content_key, settings_key

    if shard_docs > 0:
        check_shard_folder(output)
    skey = settings_key({"pipeline": PIPELINE_VERSION, "layout": layout, **settings})
    result = ExtractResult(Path(output))
    journal: Journal | None = None
    try:
        with _sink(Path(output), shard_docs) as sink:  # first: an unwritable output is the error to report
            journal = Journal(journal_path(output), resume=resume, valid=_valid_entry)
            sent: deque[tuple[RawDocument, str, dict[str, str] | None]] = deque()  # in input order

            def items() -> Iterator[tuple[RawDocument | None, str, str | None, str]]:
                for raw in raws:
                    key = content_key(skey, raw.doc_id, raw.text, raw.doc_date, raw.meta)
                    cached = journal.get(key) if key in journal else None
                    sent.append((raw, key, cached))
                    # a journaled document is not sent to a worker: only its place in the order is
                    yield (None if cached is not None else raw), key, model, layout

            # forked workers inherit this process's pipeline; others load their own
            inherit = workers <= 1 or forks()
            init, init_args = (_use_pipeline, (nlp,)) if inherit else (_load_pipeline, pipeline)
            for done in map_ordered(_record_entry, items(), init, init_args, workers=workers):
                raw, key, cached = sent.popleft()
                if cached is not None:
                    entry = cached
                    result.resumed += 1
                else:
                    entry = done["entry"]
                    journal.add_line(key, done["journal"])
                if "error" in entry:
                    result.failed.append((raw.path or raw.doc_id, entry["error"]))
                    if on_error is not None:
                        on_error(raw, entry["error"])
                    continue
                sink.write(entry["line"])
                result.documents += 1
            if check is not None:
                try:
                    check()
                except BaseException:
                    journal.discard()  # a run that read nothing leaves nothing behind
                    raise
        result.files = sink.files
    finally:
        if journal is not None:
            journal.close()
    if journal is not None:
        journal.discard()
    return result


_NLP: Language | None = None  # the pipeline of this process's records (one per worker process)


def _use_pipeline(nlp: Language) -> None:
    global _NLP
    _NLP = nlp


def _load_pipeline(glossary: str | None, fast: bool) -> None:
    from .pipeline import default_pipeline, load

    _use_pipeline(load(glossary=glossary, fast=fast, analysis=False) if glossary else default_pipeline(fast))


def _record_entry(item: tuple[RawDocument | None, str, str | None, str]) -> dict[str, Any]:
    """A document's journal entry (its record line, or why it failed) and the journal line that keeps it,
    both made here, in the worker; nothing for a document the journal already has (``raw`` is ``None``)."""
    from .journal import entry_line

    raw, key, model, layout = item
    if raw is None:
        return {}
    try:
        entry = {"line": record_line(raw, _NLP, model, layout)}  # type: ignore[arg-type]
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
        entry = {"error": f"{type(e).__name__}: {e}"}
    return {"entry": entry, "journal": entry_line(key, entry)}


def _valid_entry(value: Any) -> bool:
    """A journaled document: ``{"line": one JSON line}`` or ``{"error": reason}``."""
    if not isinstance(value, dict) or len(value) != 1:
        return False
    if isinstance(value.get("error"), str):
        return True
    line = value.get("line")
    return isinstance(line, str) and line.endswith("\n") and line.count("\n") == 1 and line.startswith("{")


class _JsonlSink:
    """One JSON Lines file, or a folder of shards; written beside the target and renamed into place."""

    def __init__(self, target: Path, shard_docs: int, stack: contextlib.ExitStack) -> None:
        from .io import atomic_dir, atomic_write

        self.target = target
        self.shard_docs = shard_docs
        self.files: list[Path] = []
        self._in_shard = 0
        if shard_docs > 0:
            self.folder = stack.enter_context(atomic_dir(target))
            self.fh: IO[str] | None = None
            self._stack = stack
        else:
            self.fh = stack.enter_context(atomic_write(target))
            self.files = [target]

    def write(self, line: str) -> None:
        if self.shard_docs > 0:
            if self.fh is None or self._in_shard >= self.shard_docs:
                self._next_shard()
            self._in_shard += 1
        assert self.fh is not None
        self.fh.write(line)

    def _next_shard(self) -> None:
        if self.fh is not None:
            self.fh.close()
        path = self.folder / f"extract-{len(self.files):05d}.jsonl"
        self.fh = path.open("w", encoding="utf-8", newline="")
        self.files.append(path)
        self._in_shard = 0

    def finish(self) -> None:
        if self.shard_docs <= 0:
            return
        if self.fh is not None:
            self.fh.close()
        n = len(self.files)
        named = []
        for i, p in enumerate(self.files):
            named.append(p.rename(p.with_name(f"extract-{i:05d}-of-{n:05d}.jsonl")))
        self.files = [self.target / p.name for p in named]  # where they will be once the folder is in place


@contextlib.contextmanager
def _sink(target: Path, shard_docs: int) -> Iterator[_JsonlSink]:
    with contextlib.ExitStack() as stack:
        sink = _JsonlSink(target, shard_docs, stack)
        yield sink
        sink.finish()
