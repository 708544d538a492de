"""One document's dataset outputs, encoded where the document was processed.

:func:`finished` turns a document's result (the rows :func:`jpnlp.dataset.process_document`
gives, which the resume journal keeps) into what each writer appends as it is: the
journal line, the Arrow table of every split's Parquet rows and of the flat tables,
each split's one-sentence DocBins, CoNLL and CoNLL-U text, and the entity counts the
card reports.  It runs in the worker, beside the pipeline, so the main process of a
many-worker build only appends finished pieces in input order; a one-worker build
runs the very same function, so the files are the same bytes whatever the number of
workers.  Only these pieces cross the process boundary, never a spaCy ``Doc``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

from .rows import with_rule_votes
from .splits import SplitConfig, assign
from .writers import (
    DOCUMENTS,
    FLAT_TABLES,
    DocBinPart,
    conll_id_line,
    conll_sentence,
    conllu_sentence,
    docbin_part,
    docbin_vocab,
    document_table_row,
    encode_rows,
    features,
    flat_rows,
)  # fmt: skip

# what a result keeps besides its rows (the rest of a journal value is encoded, not sent as it is)
_META = ("doc_id", "sentences", "retokenized", "reviewed", "error", "path", "gold_error")


class _Ipc(bytes):
    """An Arrow table as an Arrow IPC stream, the way it crosses a process boundary (see :class:`_FastPickle`)."""


def _pack(value: Any) -> Any:
    import pyarrow as pa

    if isinstance(value, pa.Table):
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, value.schema) as writer:
            writer.write_table(value)
        return _Ipc(sink.getvalue().to_pybytes())
    if isinstance(value, dict) and any(isinstance(v, pa.Table) for v in value.values()):
        return {k: _pack(v) for k, v in value.items()}
    return value


def _unpack(value: Any) -> Any:
    import pyarrow as pa

    if isinstance(value, _Ipc):
        return pa.ipc.open_stream(value).read_all()  # the same schema (metadata too) and values
    if isinstance(value, dict) and any(isinstance(v, _Ipc) for v in value.values()):
        return {k: _unpack(v) for k, v in value.items()}
    return value


def _rebuild(cls: type, values: list[Any]) -> Any:
    return cls(*map(_unpack, values))


class _FastPickle:
    """Pickles the Arrow tables among a dataclass's fields as IPC streams.

    pyarrow pickles a table by rebuilding every array of every nested column in Python: for a document's rows
    (lists of structs of twenty fields) that took about as long as writing them, in the worker and again in the
    main process — a few percent of a document's whole work, paid only with more than one worker.  An IPC stream
    is one C++ call each way, about fifty times faster, and reads back the same schema and values.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), [_pack(getattr(self, f.name)) for f in fields(self)])  # type: ignore[arg-type]


@dataclass(frozen=True)
class SplitPart(_FastPickle):
    """What one document adds to one split's files."""

    rows: Any  # pyarrow.Table of the split's Parquet rows
    docbins: DocBinPart
    conll: str
    conll_ids: str
    conllu: str
    labels: dict[str, int]  # entities by label


@dataclass(frozen=True)
class Encoded(_FastPickle):
    """What one document adds to the dataset, ready to append."""

    splits: dict[str, SplitPart]
    tables: dict[str, Any]  # flat table name -> pyarrow.Table
    document: Any  # pyarrow.Table: the document's row of documents.parquet
    mentions: dict[str, int]  # glossary id -> mentions outside the gold split
    excluded: dict[str, int]  # split -> sentences left out as an evaluation set's


def finished(
    key: str | None, res: dict[str, Any], split: SplitConfig, by_document: bool, eval_text: Any = None
) -> dict[str, Any]:
    """A document's result as the main process appends it: its journal line (``key`` given: a new result, not
    one read back from the journal), its counts and error, and its encoded outputs (none for a failed one)."""
    from ..journal import entry_line

    out = {k: res[k] for k in _META if k in res}
    if key is not None:
        out["journal"] = entry_line(key, res)
    if "error" not in res and "gold_error" not in res:
        out["encoded"] = encode(res, split, by_document, eval_text)
    return out


def writes(res: dict[str, Any], split: SplitConfig, by_document: bool) -> Iterator[tuple[str, dict[str, Any]]]:
    """The (split, row) pairs a document's rows go to, in the order they are written."""
    for row, gold_row in res["rows"]:
        split_name = assign(split, res["doc_id"], None if by_document else row["block_index"])
        # hand-made labels (the corpus's gold, a reviewer's corrections) are what models learn from; test keeps
        # jpnlp's labels to compare with gold
        corrected = gold_row is not None and split_name != "test"
        if corrected and not res.get("reviewed"):
            gold_row = with_rule_votes(gold_row, row)  # the corpus gold does not mark tallies
        yield split_name, gold_row if corrected else row
        if gold_row is not None and split_name == "test":
            yield "gold", gold_row


def _trainable(pairs: list[tuple[str, dict[str, Any]]], eval_text: Any) -> tuple[list[tuple[str, dict[str, Any]]], Counter[str]]:
    """The pairs without an evaluation set's sentences in train and validation (never trained on), and how many."""
    kept, dropped = [], Counter[str]()
    for name, row in pairs:
        if eval_text is not None and name in ("train", "validation") and row["text"] in eval_text:
            dropped[name] += 1
        else:
            kept.append((name, row))
    return kept, dropped


def encode(res: dict[str, Any], split: SplitConfig, by_document: bool, eval_text: Any = None) -> Encoded:
    """Everything a document adds to the dataset's files, encoded."""
    pairs, dropped = _trainable(list(writes(res, split, by_document)), eval_text)
    by_split: dict[str, list[dict[str, Any]]] = {}
    for name, row in pairs:
        by_split.setdefault(name, []).append(row)
    tables = {t: encode_rows(FLAT_TABLES[t], [r for name, row in pairs for r in flat_rows(t, name, row)])
              for t in FLAT_TABLES}  # fmt: skip
    mentions = Counter(e["id"] for name, row in pairs if name != "gold" for e in row["entities"] if e["id"])
    document = document_table_row(res.get("document") or {"doc_id": res["doc_id"]})
    return Encoded(
        {name: _split_part(rows) for name, rows in by_split.items()},
        tables,
        encode_rows(DOCUMENTS, [document]),
        dict(mentions),
        dict(dropped),
    )


def _split_part(rows: list[dict[str, Any]]) -> SplitPart:
    with_tokens = [r for r in rows if r["tokens"]]
    return SplitPart(
        rows=encode_rows(_features(), rows),
        docbins=docbin_part(docbin_vocab(), rows),
        conll="".join(conll_sentence(r) for r in with_tokens),
        conll_ids="".join(conll_id_line(r) for r in with_tokens),
        conllu="".join(conllu_sentence(r) for r in rows),
        labels=dict(Counter(e["label"] for r in rows for e in r["entities"])),
    )


@cache
def _features() -> Any:
    return features()
