"""Writers for the dataset formats: Parquet shards, flat entity and vote tables, spaCy DocBin, CoNLL, CoNLL-U.

All writers stream: rows come in one at a time and shards are flushed at a
fixed size, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import ClassLabel, Features, List, Value

from .rows import DOCUMENT_FIELDS, ENTITY_FIELDS, TAG_NAMES

SHARD_ROWS = 50_000  # rows per Parquet shard (and sentences per DocBin shard: DOCBIN_ROWS)
BATCH_ROWS = 500  # rows held in memory before they are written as a row group
DOCBIN_ROWS = 1_000


def _entity_features() -> dict[str, Any]:
    typed = {"start": Value("int32"), "end": Value("int32"), "raw_start": Value("int64"), "raw_end": Value("int64"),
             "anaphor": Value("bool"), "en_conf": Value("float32")}  # fmt: skip
    return {k: typed.get(k, Value("string")) for k in ENTITY_FIELDS}


def _vote_features() -> dict[str, Any]:
    return {
        "for": Value("int32"), "against": Value("int32"), "abstain": Value("int32"), "other": Value("int32"),
        "total": Value("int32"), "result": Value("string"), "body": Value("string"), "body_ja": Value("string"),
        "date": Value("string"), "subject_ja": Value("string"), "subject_en": Value("string"),
        "text": Value("string"), "start": Value("int32"), "end": Value("int32"), "notes": List(Value("string")),
        "doc_date": Value("string"), "doc_title": Value("string"), "source": Value("string"),
    }  # fmt: skip


def features() -> Features:
    """The dataset's features (column types), the same for every split."""
    entity, vote = _entity_features(), _vote_features()
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
            "lemmas": List(Value("string")),
            "pos": List(Value("string")),
            "tags": List(Value("string")),
            "heads": List(Value("int32")),
            "deps": List(Value("string")),
            "entities": List(entity),
            "votes": List(vote),
            "reviewed": Value("bool"),
            "label_source": Value("string"),
            "ginza_agreement": Value("float32"),
            "corpus": Value("string"),
            "license": Value("string"),
            "source_url": Value("string"),
        }
    )


_WHERE = {"split": Value("string"), "row_id": Value("string"), "doc_id": Value("string"),
          "sentence_index": Value("int32")}  # fmt: skip
FLAT_TABLES = {
    "entities": Features({**_WHERE, **_entity_features()}),
    "votes": Features({**_WHERE, "sentence": Value("string"), **_vote_features()}),
}
DOCUMENTS = Features({**{k: Value("string") for k in DOCUMENT_FIELDS}, "sentences": Value("int32"), "meta": Value("string")})


def flat_rows(table: str, split: str, row: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a flat table (one per mention or tally) that a dataset row contributes."""
    where = {"split": split, "row_id": row["id"], "doc_id": row["doc_id"], "sentence_index": row["sentence_index"]}
    if table == "entities":
        return [{**where, **e} for e in row["entities"]]
    return [{**where, "sentence": row["text"], **v} for v in row["votes"]]


class TableWriter:
    """One flat Parquet table (``entities.parquet``, ``votes.parquet``) written in row groups as rows come."""

    def __init__(self, path: Path, table: str, batch_rows: int = 5_000) -> None:
        self.path, self.table, self.batch_rows = path, table, batch_rows
        self._features = DOCUMENTS if table == "documents" else FLAT_TABLES[table]
        self._writer = pq.ParquetWriter(path, self._features.arrow_schema, compression="zstd", write_statistics=False)
        self.buffer: list[dict[str, Any]] = []
        self.rows = 0

    def add(self, split: str, row: dict[str, Any]) -> None:
        for r in flat_rows(self.table, split, row):
            self.buffer.append(self._features.encode_example(r))
        if len(self.buffer) >= self.batch_rows:
            self._flush()

    def add_document(self, row: dict[str, Any]) -> None:
        """A row of the ``documents`` table (see :func:`jpnlp.dataset.rows.document_row`)."""
        self.buffer.append(self._features.encode_example({k: row.get(k) for k in self._features}))
        if len(self.buffer) >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self.buffer:
            self._writer.write_table(pa.Table.from_pylist(self.buffer, schema=self._features.arrow_schema))
            self.rows += len(self.buffer)
            self.buffer = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


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
    """CoNLL-2003-style NER: ``token<TAB>tag`` per line, a blank line after each sentence.

    Documents start with ``-DOCSTART- -X- O O``, the delimiter ``spacy convert -c ner`` splits on (readers of
    the CoNLL-2003 files skip any line that starts with ``-DOCSTART-``).  A token never holds whitespace: one
    that does (``New York``) is written as its parts, the first keeping the tag and the rest continuing it.
    Sentence ids are not comments (``spacy convert`` would read ``#`` as a token): ``{split}.ids`` beside the file
    holds the row id of each sentence, one per line, in the same order.
    """

    DOCSTART = "-DOCSTART- -X- O O"

    def __init__(self, path: Path) -> None:
        self.fh = path.open("w", encoding="utf-8", newline="\n")
        self.ids = path.with_suffix(".ids").open("w", encoding="utf-8", newline="\n")
        self.last_doc: str | None = None

    def add(self, row: dict[str, Any]) -> None:
        if not row["tokens"]:
            return
        if row["doc_id"] != self.last_doc:
            self.fh.write(f"{self.DOCSTART}\n\n")
            self.last_doc = row["doc_id"]
        for tok, tag in zip(row["tokens"], row["ner_tags"]):
            for n, part in enumerate(tok.split()):
                self.fh.write(f"{part}\t{tag if n == 0 or tag == 'O' else 'I-' + tag[2:]}\n")
        self.fh.write("\n")
        self.ids.write(_field(row["id"]) + "\n")

    def close(self) -> None:
        self.fh.close()
        self.ids.close()


def _field(s: str) -> str:
    """A CoNLL-U column value: no tabs or line breaks inside, ``_`` when empty."""
    return " ".join(s.split()) if s.strip() else "_"


def _whitespace_after(row: dict[str, Any], kept: list[int]) -> dict[int, str]:
    """The text between each kept token and the next: its own space and the whitespace tokens after it (which
    CoNLL-U does not allow as words; UD's ``SpacesAfter`` carries them)."""
    tokens, spaces = row["tokens"], row["spaces"]
    after = {kept[-1]: ""}  # nothing after the sentence's last word
    for i, nxt in pairwise(kept):
        after[i] = (" " if spaces[i] else "") + "".join(tokens[j] + (" " if spaces[j] else "") for j in range(i + 1, nxt))
    return after


def _kept_head(heads: list[int], i: int, number: dict[int, int]) -> int:
    """The head of token ``i`` among kept tokens: a whitespace token's place is taken by its own head."""
    head, seen = heads[i], {i}
    while head not in number and head not in seen:
        seen.add(head)
        head = heads[head]
    return head if head in number else i


def _escape(ws: str) -> str:
    return ws.replace("\\", "\\\\").replace(" ", "\\s").replace("\t", "\\t").replace("\n", "\\n")


class ConllUWriter:
    """CoNLL-U: ``# sent_id`` (the row id) and ``# text``, then one line per token with GiNZA's lemma, UPOS,
    tag, head and relation (``_`` in fast mode, which has no analysis); MISC holds ``SpaceAfter=No`` (or UD's
    ``SpacesAfter=\\s\\s`` where a run of spaces follows: whitespace is never a word) and ``NE=B-TREATY``-style IOB2
    tags.  The forms and SpaceAfter/SpacesAfter rebuild ``# text``."""

    def __init__(self, path: Path) -> None:
        self.fh = path.open("w", encoding="utf-8", newline="\n")

    def add(self, row: dict[str, Any]) -> None:
        kept = [i for i, t in enumerate(row["tokens"]) if t.strip()]
        if not kept:
            return
        after = _whitespace_after(row, kept)
        text = "".join(_field(row["tokens"][i]) + after[i] for i in kept)
        # the comment line holds no tab or line break (MISC's SpacesAfter keeps the exact whitespace)
        self.fh.write(f"# sent_id = {_field(row['id'])}\n# text = {' '.join(text.split(chr(9)))}\n")
        number = {i: n + 1 for n, i in enumerate(kept)}
        parsed = any(row["deps"])
        for i in kept:
            head = _kept_head(row["heads"], i, number)
            space = [] if after[i] == " " else ["SpaceAfter=No"] if not after[i] else [f"SpacesAfter={_escape(after[i])}"]
            misc = [*space, *([] if row["ner_tags"][i] == "O" else [f"NE={row['ner_tags'][i]}"])]
            cols = [str(number[i]), _field(row["tokens"][i]), _field(row["lemmas"][i]), _field(row["pos"][i]),
                    _field(row["tags"][i]), "_", str(0 if head == i else number[head]) if parsed else "_",
                    ("root" if head == i else _field(row["deps"][i])) if parsed else "_",
                    "_", "|".join(misc) or "_"]  # fmt: skip
            self.fh.write("\t".join(cols) + "\n")
        self.fh.write("\n")

    def close(self) -> None:
        self.fh.close()


def row_doc(vocab: Any, row: dict[str, Any]) -> Any:
    """The spaCy Doc of a row: its tokens, GiNZA's analysis where there is one, and its entities with their
    knowledge-base ids as ``kb_id_`` — the Wikidata QID where the glossary entry has one, else the glossary id, as
    the linker sets them — (from the IOB2 tags where an entity does not fall on token boundaries)."""
    from spacy.tokens import Doc

    parsed = any(row["deps"])
    doc = Doc(
        vocab, words=row["tokens"], spaces=row["spaces"],
        lemmas=row["lemmas"] if parsed else None, pos=row["pos"] if parsed and all(row["pos"]) else None,
        tags=row["tags"] if parsed else None,
        heads=row["heads"] if parsed else None, deps=row["deps"] if parsed else None,
        ents=list(row["ner_tags"]),
    )  # fmt: skip
    spans = [doc.char_span(e["start"], e["end"], label=e["label"], kb_id=e.get("wikidata") or e["id"] or "")
             for e in row["entities"]]  # fmt: skip
    if all(spans) and len(spans) == len(doc.ents):
        doc.ents = spans
    return doc


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

        attrs = ["ORTH", "SPACY", "LEMMA", "POS", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID"]
        return DocBin(attrs=attrs, store_user_data=False)

    def add(self, row: dict[str, Any]) -> None:
        if not row["tokens"]:
            return
        self.docbin.add(row_doc(self.vocab, row))
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
