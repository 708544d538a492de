"""Writers for the dataset formats: Parquet shards, flat entity and vote tables, spaCy DocBin, CoNLL, CoNLL-U.

All writers stream: rows come in one at a time and shards are flushed at a
fixed size, so memory stays flat whatever the corpus size.  Each writer also
takes rows already encoded elsewhere (an Arrow table, CoNLL text, one-sentence
DocBins: see :mod:`jpnlp.dataset.encode`) and only appends them: a build with
many workers encodes in the workers, and the files are the same bytes either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from datasets import ClassLabel, Features, List, Value

from .rows import DOCUMENT_FIELDS, ENTITY_FIELDS, TAG_NAMES
from .memory import release_freed

SHARD_ROWS = 50_000  # rows per Parquet shard (and sentences per DocBin shard: DOCBIN_ROWS)
BATCH_ROWS = 500  # rows held in memory before they are written as a row group
# sentences per DocBin shard: a shard is held whole until written, and its serialized bytes beside it, so this bounds
# a build's memory (1,000 made the driver's peak grow 10.5% from 1x to 50x the corpus, 500 5.3%: benchmarks/bench_memory.py)
DOCBIN_ROWS = 500


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


class Batches:
    """Arrow tables buffered until ``batch_rows`` rows, then handed on in pieces of exactly ``batch_rows`` rows.

    Row groups therefore fall every ``batch_rows`` rows however the rows arrive (one by one, or a document's
    table at a time), so the Parquet bytes do not depend on how the work was divided.  Every ``MAX_TABLES``
    tables the buffer is packed into one: a table a document (the ``documents`` table's one row) would otherwise
    each keep its own buffers and schema until the batch fills, thousands of documents later.
    """

    MAX_TABLES = 64

    def __init__(self, schema: pa.Schema, batch_rows: int) -> None:
        self.schema, self.batch_rows = schema, batch_rows
        self.tables: list[pa.Table] = []
        self.rows = 0

    def add(self, table: pa.Table) -> list[pa.Table]:
        """Buffer ``table``; return the full batches it completes."""
        if table.num_rows:
            self.tables.append(table)
            self.rows += table.num_rows
            if len(self.tables) >= self.MAX_TABLES:
                self.tables = [self._take().combine_chunks()]
        out = []
        while self.rows >= self.batch_rows:
            whole = self._take()
            out.append(whole.slice(0, self.batch_rows).combine_chunks())
            rest = whole.slice(self.batch_rows)
            self.tables, self.rows = ([rest] if rest.num_rows else []), rest.num_rows
        return out

    def rest(self) -> pa.Table | None:
        """What is left (fewer than ``batch_rows`` rows), or ``None``."""
        if not self.rows:
            return None
        whole = self._take().combine_chunks()
        self.tables, self.rows = [], 0
        return whole

    def _take(self) -> pa.Table:
        return self.tables[0] if len(self.tables) == 1 else pa.concat_tables(self.tables)


def encode_rows(features: Features, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table of ``features`` (what the Parquet writers append)."""
    return pa.Table.from_pylist([features.encode_example(r) for r in rows], schema=features.arrow_schema)


class TableWriter:
    """One flat Parquet table (``entities.parquet``, ``votes.parquet``) written in row groups as rows come."""

    def __init__(self, path: Path, table: str, batch_rows: int = 5_000) -> None:
        self.path, self.table, self.batch_rows = path, table, batch_rows
        self.features = DOCUMENTS if table == "documents" else FLAT_TABLES[table]
        self._writer = pq.ParquetWriter(path, self.features.arrow_schema, compression="zstd", write_statistics=False)
        self._batches = Batches(self.features.arrow_schema, batch_rows)
        self.rows = 0

    def add(self, split: str, row: dict[str, Any]) -> None:
        self.add_table(encode_rows(self.features, flat_rows(self.table, split, row)))

    def add_document(self, row: dict[str, Any]) -> None:
        """A row of the ``documents`` table (see :func:`jpnlp.dataset.rows.document_row`)."""
        self.add_table(encode_rows(self.features, [document_table_row(row)]))

    def add_table(self, table: pa.Table) -> None:
        """Rows already encoded (:func:`encode_rows`), appended as they are."""
        for batch in self._batches.add(table):
            self._write(batch)

    def _write(self, batch: pa.Table) -> None:
        self._writer.write_table(batch)
        self.rows += batch.num_rows

    def close(self) -> None:
        rest = self._batches.rest()
        if rest is not None:
            self._write(rest)
        self._writer.close()


def document_table_row(row: dict[str, Any]) -> dict[str, Any]:
    """A :func:`~jpnlp.dataset.rows.document_row` with exactly the ``documents`` table's fields."""
    return {k: row.get(k) for k in DOCUMENTS}


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
        self.paths: list[Path] = []
        self.rows = 0
        self._in_shard = 0
        self._writer: pq.ParquetWriter | None = None
        self.features = features()
        self._schema = self.features.arrow_schema
        self._batches = Batches(self._schema, batch_rows)

    def add(self, row: dict[str, Any]) -> None:
        self.add_table(encode_rows(self.features, [row]))

    def add_table(self, table: pa.Table) -> None:
        """Rows already encoded (:func:`encode_rows` of :func:`features`), appended as they are."""
        self.rows += table.num_rows
        for batch in self._batches.add(table):
            self._flush(batch)

    def _flush(self, batch: pa.Table | None) -> None:
        if batch is None:
            return
        if self._writer is None:
            path = self.directory / f"{self.split}-{len(self.paths):05d}.parquet"
            self._writer = pq.ParquetWriter(path, self._schema, compression="zstd", write_statistics=False)
            self.paths.append(path)
        self._writer.write_table(batch)
        self._in_shard += batch.num_rows
        if self._in_shard >= self.shard_rows:
            self._writer.close()
            self._writer, self._in_shard = None, 0

    def close(self) -> list[Path]:
        self._flush(self._batches.rest())
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
        if row["tokens"]:
            self.add_text(row["doc_id"], conll_sentence(row), conll_id_line(row))

    def add_text(self, doc_id: str, text: str, ids: str) -> None:
        """Sentences of one document already written out (:func:`conll_sentence`), and their ids' lines."""
        if not text:
            return
        if doc_id != self.last_doc:
            self.fh.write(f"{self.DOCSTART}\n\n")
            self.last_doc = doc_id
        self.fh.write(text)
        self.ids.write(ids)

    def close(self) -> None:
        self.fh.close()
        self.ids.close()


def conll_sentence(row: dict[str, Any]) -> str:
    """A row's ``token<TAB>tag`` lines and the blank line after them (see :class:`ConllWriter`)."""
    lines = [
        f"{part}\t{tag if n == 0 or tag == 'O' else 'I-' + tag[2:]}\n"
        for tok, tag in zip(row["tokens"], row["ner_tags"])
        for n, part in enumerate(tok.split())
    ]
    return "".join(lines) + "\n"


def conll_id_line(row: dict[str, Any]) -> str:
    """A row's line of ``{split}.ids``."""
    return _field(row["id"]) + "\n"


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
        self.add_text(conllu_sentence(row))

    def add_text(self, text: str) -> None:
        """Sentences already written out (:func:`conllu_sentence`)."""
        self.fh.write(text)

    def close(self) -> None:
        self.fh.close()


def conllu_sentence(row: dict[str, Any]) -> str:
    """A row's CoNLL-U block, its blank line included; empty for a row without words (see :class:`ConllUWriter`)."""
    kept = [i for i, t in enumerate(row["tokens"]) if t.strip()]
    if not kept:
        return ""
    after = _whitespace_after(row, kept)
    text = "".join(_field(row["tokens"][i]) + after[i] for i in kept)
    # the comment line holds no tab or line break (MISC's SpacesAfter keeps the exact whitespace)
    out = [f"# sent_id = {_field(row['id'])}\n# text = {' '.join(text.split(chr(9)))}\n"]
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
        out.append("\t".join(cols) + "\n")
    return "".join(out) + "\n"


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


@cache
def docbin_vocab() -> Any:
    """The vocab the dataset's Docs are made with, one per process (tokens are given: no tokenizer needed)."""
    import spacy

    return spacy.blank("xx").vocab


def new_docbin():  # type: ignore[no-untyped-def]
    """An empty DocBin of the attributes the dataset keeps."""
    from spacy.tokens import DocBin

    attrs = ["ORTH", "SPACY", "LEMMA", "POS", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID"]
    return DocBin(attrs=attrs, store_user_data=False)


@dataclass(frozen=True)
class DocBinPart:
    """Sentences as :meth:`DocBin.add` stores them, made elsewhere and packed to cross a process boundary cheaply
    (one array for all their tokens, not a DocBin per sentence); :meth:`DocBinWriter.add_part` appends them."""

    tokens: Any  # numpy array: every sentence's token rows, stacked
    spaces: Any
    lengths: list[int]
    flags: list[dict[str, Any]]
    cats: list[dict[str, Any]]
    span_groups: list[bytes]
    strings: list[list[str]]  # each sentence's strings


def docbin_part(vocab: Any, rows: list[dict[str, Any]]) -> DocBinPart:
    """The sentences of ``rows`` that have tokens, as a :class:`DocBinPart`."""
    import numpy

    bins = []
    for row in rows:
        if row["tokens"]:
            one = new_docbin()
            one.add(row_doc(vocab, row))
            bins.append(one)
    width = len(new_docbin().attrs)
    return DocBinPart(
        tokens=numpy.vstack([b.tokens[0] for b in bins]) if bins else numpy.zeros((0, width), dtype="uint64"),
        spaces=numpy.vstack([b.spaces[0] for b in bins]) if bins else numpy.zeros((0, 1), dtype=bool),
        lengths=[len(b.tokens[0]) for b in bins],
        flags=[b.flags[0] for b in bins],
        cats=[b.cats[0] for b in bins],
        span_groups=[b.span_groups[0] for b in bins],
        strings=[list(b.strings) for b in bins],
    )


class DocBinWriter:
    """spaCy training data: one Doc per sentence with its entities, for ``spacy train``.

    Written as a folder of DocBin shards (``{split}/NNNNN.spacy``, flushed every ``shard_docs`` sentences, so memory
    stays flat); ``spacy train`` reads a folder as one corpus (``--paths.train data/NAME/spacy/train``).
    Sentences may come made elsewhere (:func:`docbin_part`): appending them stores what :meth:`DocBin.add` would
    have, so a shard is the same bytes whether its Docs were made here or in a worker.
    """

    def __init__(self, directory: Path, shard_docs: int = DOCBIN_ROWS) -> None:
        self.directory = directory
        self.shard_docs = shard_docs
        self.shards = 0
        self.docbin = new_docbin()

    def add(self, row: dict[str, Any]) -> None:
        self.add_part(docbin_part(docbin_vocab(), [row]))

    def add_part(self, part: DocBinPart) -> None:
        """Sentences made elsewhere, in order (what :meth:`DocBin.merge` does, one sentence at a time, so that
        shards still close every ``shard_docs`` sentences)."""
        start = 0
        for i, n in enumerate(part.lengths):
            d = self.docbin
            d.tokens.append(part.tokens[start : start + n])
            d.spaces.append(part.spaces[start : start + n])
            start += n
            d.flags.append(part.flags[i])
            d.cats.append(part.cats[i])
            d.span_groups.append(part.span_groups[i])
            d.strings.update(part.strings[i])
            if len(d) >= self.shard_docs:
                self._flush()

    def _flush(self) -> None:
        if len(self.docbin):
            self.directory.mkdir(parents=True, exist_ok=True)
            self.docbin.to_disk(self.directory / f"{self.shards:05d}.spacy")
            self.shards += 1
            self.docbin = new_docbin()
            release_freed()  # the shard's arrays and its serialized bytes go back to the system, not to a heap that grows

    def close(self) -> None:
        self._flush()
