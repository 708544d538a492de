"""Writers for the dataset formats: Parquet shards, spaCy DocBin, CoNLL IOB2.

All writers stream: rows come in one at a time and shards are flushed at a
fixed size, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import ClassLabel, Features, List, Value

from .rows import ENTITY_FIELDS, TAG_NAMES

SHARD_ROWS = 50_000  # rows per Parquet shard (and sentences per DocBin shard: DOCBIN_ROWS)
BATCH_ROWS = 500  # rows held in memory before they are written as a row group
DOCBIN_ROWS = 1_000


def features() -> Features:
    """The dataset's features (column types), the same for every split."""
    ints = {"start": Value("int32"), "end": Value("int32"), "raw_start": Value("int64"), "raw_end": Value("int64")}
    entity = {k: ints.get(k, Value("string")) for k in ENTITY_FIELDS}
    vote = {
        "for": Value("int32"), "against": Value("int32"), "abstain": Value("int32"), "other": Value("int32"),
        "total": Value("int32"), "result": Value("string"), "body": Value("string"), "body_ja": Value("string"),
        "date": Value("string"), "subject_ja": Value("string"), "subject_en": Value("string"),
        "text": Value("string"), "start": Value("int32"), "end": Value("int32"),
    }  # fmt: skip
    return Features(
        {
            "id": Value("string"),
            "doc_id": Value("string"),
            "sentence_index": Value("int32"),
            "block": Value("string"),
            "block_index": Value("int32"),
            "text": Value("string"),
            "raw_text": Value("string"),
            "raw_start": Value("int64"),
            "raw_end": Value("int64"),
            "tokens": List(Value("string")),
            "spaces": List(Value("bool")),
            "ner_tags": List(ClassLabel(names=list(TAG_NAMES))),
            "entities": List(entity),
            "votes": List(vote),
        }
    )


class ShardWriter:
    """Writes one split's rows to ``{split}-NNNNN.parquet`` shards; :meth:`close` names them ``-of-N``.

    Rows are buffered only up to ``batch_rows`` and then written as a row group of the open shard, so memory
    stays flat whatever the corpus size; a shard closes at ``shard_rows`` rows.
    """

    def __init__(self, directory: Path, split: str, shard_rows: int = SHARD_ROWS, batch_rows: int = BATCH_ROWS) -> None:
        self.directory = directory
        self.split = split
        self.shard_rows = shard_rows
        self.batch_rows = batch_rows
        self.buffer: list[dict[str, Any]] = []
        self.paths: list[Path] = []
        self.rows = 0
        self._in_shard = 0
        self._writer: pq.ParquetWriter | None = None
        self._features = features()
        self._schema = self._features.arrow_schema

    def add(self, row: dict[str, Any]) -> None:
        self.buffer.append(self._features.encode_example(row))
        self.rows += 1
        if len(self.buffer) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        if not self.buffer:
            return
        if self._writer is None:
            path = self.directory / f"{self.split}-{len(self.paths):05d}.parquet"
            self._writer = pq.ParquetWriter(path, self._schema, compression="zstd", write_statistics=False)
            self.paths.append(path)
        self._writer.write_table(pa.Table.from_pylist(self.buffer, schema=self._schema))
        self._in_shard += len(self.buffer)
        self.buffer = []
        if self._in_shard >= self.shard_rows:
            self._writer.close()
            self._writer, self._in_shard = None, 0

    def close(self) -> list[Path]:
        self._flush()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        n = len(self.paths)
        final = []
        for i, p in enumerate(self.paths):
            target = p.with_name(f"{self.split}-{i:05d}-of-{n:05d}.parquet")
            p.rename(target)
            final.append(target)
        return final


class ConllWriter:
    """CoNLL-style IOB2: ``token<TAB>tag`` per line, a blank line after each sentence, ``-DOCSTART-`` per document."""

    def __init__(self, path: Path) -> None:
        self.fh = path.open("w", encoding="utf-8", newline="\n")
        self.last_doc: str | None = None

    def add(self, row: dict[str, Any]) -> None:
        if row["doc_id"] != self.last_doc:
            self.fh.write("-DOCSTART-\tO\n\n")
            self.last_doc = row["doc_id"]
        for tok, tag in zip(row["tokens"], row["ner_tags"]):
            self.fh.write(f"{tok}\t{tag}\n")
        self.fh.write("\n")

    def close(self) -> None:
        self.fh.close()


class DocBinWriter:
    """spaCy training data: one Doc per sentence with its entities, for ``spacy train``.

    Written as a folder of DocBin shards (``{split}/NNNNN.spacy``, flushed every ``shard_docs`` sentences, so memory
    stays flat); ``spacy train`` reads a folder as one corpus (``--paths.train data/NAME/spacy/train``).
    """

    def __init__(self, directory: Path, shard_docs: int = DOCBIN_ROWS) -> None:
        import spacy

        self.directory = directory
        self.shard_docs = shard_docs
        self.vocab = spacy.blank("xx").vocab  # tokens are given; no tokenizer needed
        self.shards = 0
        self.docbin = self._new()

    @staticmethod
    def _new():  # type: ignore[no-untyped-def]
        from spacy.tokens import DocBin

        return DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)

    def add(self, row: dict[str, Any]) -> None:
        from spacy.tokens import Doc

        if not row["tokens"]:
            return
        doc = Doc(self.vocab, words=row["tokens"], spaces=row["spaces"], ents=list(row["ner_tags"]))
        self.docbin.add(doc)
        if len(self.docbin) >= self.shard_docs:
            self._flush()

    def _flush(self) -> None:
        if len(self.docbin):
            self.directory.mkdir(parents=True, exist_ok=True)
            self.docbin.to_disk(self.directory / f"{self.shards:05d}.spacy")
            self.shards += 1
            self.docbin = self._new()

    def close(self) -> None:
        self._flush()
