"""The ``jpnlp extract`` record: one JSON object per document, a stable schema.

=============  =================================================================
field          meaning
=============  =================================================================
doc_id         document id (path relative to the input directory, no suffix)
doc_date       the document's date (ISO), given or from its dateline; null if unknown
text           the normalized text (blocks joined by a blank line)
sentences      ``start``, ``end`` (in ``text``), ``raw_start``, ``raw_end``
entities       ``start``, ``end``, ``text``, ``label``, ``raw_start``, ``raw_end``,
               ``raw_text``, ``en``, ``en_full``, ``id``, ``value``, ``role``
               (plus ``anaphor`` and ``mod``)
votes          vote tallies (the ``jpnlp votes`` record of each, see :mod:`jpnlp.votes`)
config         normalization config, pipeline and model versions
=============  =================================================================
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from spacy.language import Language

from . import __version__
from .document import Document
from .io import RawDocument
from .pipeline import PIPELINE_VERSION

SCHEMA_VERSION = "1"


def document_record(doc: Document, nlp: Language | None = None, model: str | None = None) -> dict[str, Any]:
    """The JSON-ready record of a processed document (``model``: the trained model that found the spans)."""
    from .pipeline import describe

    return {
        "doc_id": doc.doc_id,
        "doc_date": doc.doc_date,
        "text": doc.text,
        "sentences": [
            {"start": s.start, "end": s.end, "raw_start": s.raw_start, "raw_end": s.raw_end} for s in doc.sentences
        ],
        "entities": [e.to_dict() for e in doc.entities],
        "votes": [t.to_dict() for t in doc.votes],
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
    return json.dumps(document_record(process(document, nlp, model=model), nlp, model), ensure_ascii=False) + "\n"


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
) -> ExtractResult:
    """Write the records of ``raws`` to ``output``, streaming, in input order; resumable.

    ``shard_docs > 0`` makes ``output`` a folder of ``extract-NNNNN-of-NNNNN.jsonl`` files of that many
    documents each.  Each finished record also goes to a journal (:mod:`jpnlp.journal`) keyed by the
    document's content hash and ``settings``; ``resume=True`` takes the records of an interrupted run
    from it instead of processing those documents again.  The output appears only when the run ends.
    """
    from .journal import Journal, content_key, settings_key

    skey = settings_key({"pipeline": PIPELINE_VERSION, "layout": layout, **settings})
    result = ExtractResult(Path(output))
    journal: Journal | None = None
    try:
        with _sink(Path(output), shard_docs) as sink:  # first: an unwritable output is the error to report
            journal = Journal(journal_path(output), resume=resume)
            for raw in raws:
                key = content_key(skey, raw.doc_id, raw.text, raw.doc_date)
                if key in journal:
                    entry = journal.get(key)
                    result.resumed += 1
                else:
                    try:
                        entry = {"line": record_line(raw, nlp, model, layout)}
                    except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
                        entry = {"error": f"{type(e).__name__}: {e}"}
                    journal.add(key, entry)
                if "error" in entry:
                    result.failed.append((raw.path or raw.doc_id, entry["error"]))
                    if on_error is not None:
                        on_error(raw, entry["error"])
                    continue
                sink.write(entry["line"])
                result.documents += 1
        result.files = sink.files
    finally:
        if journal is not None:
            journal.close()
    if journal is not None:
        journal.discard()
    return result


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
