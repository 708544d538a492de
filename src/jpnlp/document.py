"""The document model: raw text → repaired blocks → normalized text → sentences.

:func:`prepare` runs the text stages (layout, normalize, segment) and returns
a :class:`Document` of plain dataclasses.  ``Document.text`` is the
normalized text of all blocks joined by a blank line; every offset a
:class:`Block` or :class:`Sentence` carries is either into that text
(``start``/``end``) or into the decoded raw text (``raw_start``/``raw_end``).
Offsets are computed once, where the text changes, and composed — never
recovered by searching for strings.
"""

from __future__ import annotations

import os
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from . import layout as layout_mod
from .docdate import check_doc_date, detect_doc_date
from .io import RawDocument, read_path
from .meta import front_matter, merge_meta
from .normalize import NormalizeConfig, OffsetMap, normalize_with_map
from .segment import MAX_CHARS, split_sentences

BLOCK_SEPARATOR = "\n\n"
RECORD_SCHEMA = "1"  # the version of the ``jpnlp extract`` record (:meth:`Document.to_dict`)
# A footnote marker attached to the word before it: 主張している(6)。
_MARKER = re.compile(r"(?<=[^\s(])\((\d{1,3})\)")


@dataclass(frozen=True)
class Marker:
    """A footnote marker such as ``(6)`` inside a block."""

    number: int
    start: int
    end: int


@dataclass
class Block:
    """A heading, paragraph or footnote, normalized, with offsets."""

    index: int
    kind: str
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    number: int | None = None
    markers: list[Marker] = field(default_factory=list)


@dataclass
class Sentence:
    """One sentence; ``block`` is the kind of unit it is (heading, paragraph, footnote)."""

    doc_id: str
    index: int
    block: str
    block_index: int
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    markers: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "index": self.index,
            "block": self.block,
            "block_index": self.block_index,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "markers": self.markers,
        }


@dataclass
class Entity:
    """A named entity with normalized and raw offsets and its glossary alignment."""

    start: int
    end: int
    text: str
    label: str
    raw_start: int
    raw_end: int
    raw_text: str
    en: str | None = None
    en_full: str | None = None
    id: str | None = None
    value: str | None = None
    role: str | None = None
    anaphor: bool = False
    mod: str | None = None
    wikidata: str | None = None  # the Wikidata item of the glossary entry, where it has one
    en_source: str | None = None  # where ``en`` came from: glossary, composed, text, dictionary, translation, …
    en_conf: float | None = None  # how often names from that source were right (jpnlp.english)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "raw_text": self.raw_text,
            "en": self.en,
            "en_full": self.en_full,
            "id": self.id,
            "value": self.value,
            "role": self.role,
            "anaphor": self.anaphor,
            "mod": self.mod,
            "wikidata": self.wikidata,
            "en_source": self.en_source,
            "en_conf": self.en_conf,
        }

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Entity:
        """An entity of an ``extract`` record (:meth:`to_dict`); raw offsets default to the normalized ones."""
        start, end, text = obj["start"], obj["end"], obj["text"]
        attrs = {f.name: obj[f.name] for f in fields(cls) if f.name in obj and f.name not in _ENTITY_SPAN}
        return cls(start=start, end=end, text=text, label=obj["label"],
                   **{"raw_start": start, "raw_end": end, "raw_text": text, **attrs})  # fmt: skip


_ENTITY_SPAN = ("start", "end", "text", "label")


@dataclass
class Document:
    """A prepared document: blocks and sentences with normalized and raw offsets."""

    doc_id: str
    raw: str
    text: str
    blocks: list[Block]
    sentences: list[Sentence]
    encoding: str = "utf-8"
    path: str | None = None
    layout: str = "auto"
    config: NormalizeConfig = field(default_factory=NormalizeConfig)
    entities: list[Entity] = field(default_factory=list)
    votes: list[Any] = field(default_factory=list)  # jpnlp.votes.VoteTally records
    doc_date: str | None = None  # ISO YYYY-MM-DD: given by the user, else from a dateline (jpnlp.docdate)
    meta: dict[str, Any] = field(default_factory=dict)  # title, source, url, … (jpnlp.meta)
    record_config: dict[str, Any] | None = field(default=None, repr=False)  # the config of a loaded extract record
    _layout_blocks: list[layout_mod.Block] = field(default_factory=list, repr=False)
    _maps: list[OffsetMap] = field(default_factory=list, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def _repr_html_(self) -> str:
        """The document with its marks, English names and values, in a notebook."""
        from .report import document_html  # the report imports nothing from here: imports stay one-way

        return document_html(self)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span ``[rs, re)`` of normalized span ``[start, end)`` of :attr:`text`.

        A span may cover several blocks; a span on a block separator maps to
        the raw text between the blocks.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside text of length {len(self.text)}")
        if not self.blocks:
            return 0, 0
        if not self._maps:
            raise ValueError(f"document {self.doc_id!r} was loaded from a record: it has no raw text to map to")
        if start == end:
            p = self._raw_pos(start, left=True)
            return p, p
        return self._raw_pos(start, left=True), self._raw_pos(end, left=False)

    def _raw_pos(self, pos: int, left: bool) -> int:
        if len(self._starts) != len(self.blocks):
            self._starts = [b.start for b in self.blocks]
        k = bisect_right(self._starts, pos if left else pos - 1) - 1
        if k < 0:
            return self.blocks[0].raw_start
        b = self.blocks[k]
        lb, omap = self._layout_blocks[k], self._maps[k]
        if left:
            if pos >= b.end:  # in the separator after block k
                return b.raw_end
            s, _ = omap.to_source(pos - b.start, pos - b.start + 1)
            return lb.offsets[s]
        if pos > b.end:
            return b.raw_end
        _, e = omap.to_source(pos - 1 - b.start, pos - b.start)
        return lb.offsets[e - 1] + 1

    def to_dict(self) -> dict[str, Any]:
        """The document's ``jpnlp extract`` record (see :mod:`jpnlp.extract`); :meth:`from_dict` reads it back.

        ``config`` is the record's own for a document loaded from one; otherwise what the document knows
        (schema, normalization, layout, encoding), to which ``jpnlp extract`` adds the pipeline that ran.
        """
        config = self.record_config if self.record_config is not None else {
            "schema": RECORD_SCHEMA, "normalize": self.config.to_dict(), "layout": self.layout, "encoding": self.encoding,
        }  # fmt: skip
        return {
            "doc_id": self.doc_id,
            "doc_date": self.doc_date,
            "meta": self.meta,
            "text": self.text,
            "sentences": [
                {"start": s.start, "end": s.end, "raw_start": s.raw_start, "raw_end": s.raw_end} for s in self.sentences
            ],
            "entities": [e.to_dict() for e in self.entities],
            "votes": [t.to_dict() for t in self.votes],
            "config": config,
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Document:
        """A document from its ``jpnlp extract`` record, to read, correct and write back with :meth:`to_dict`.

        A record holds the normalized text only: ``raw`` is empty and :meth:`raw_span` cannot be used (the
        raw offsets the record gives are kept).  Blocks are the text's parts between blank lines, all of kind
        ``paragraph``; sentences are the record's, or the segmenter's when it gives none.
        ``KeyError``/``TypeError``/``ValueError`` when a required field is missing or of the wrong type.
        """
        from .votes import VoteTally

        text, doc_id = record["text"], record["doc_id"]
        if not isinstance(text, str) or not isinstance(doc_id, str):
            raise TypeError("'doc_id' and 'text' must be strings")
        config = record.get("config")
        doc = cls(
            doc_id=doc_id, raw="", text=text, blocks=_blocks_of(text), sentences=[],
            encoding=(config or {}).get("encoding", "utf-8"), layout=(config or {}).get("layout", "auto"),
            config=_normalize_config(config), doc_date=record.get("doc_date"), meta=dict(record.get("meta") or {}),
            record_config=config,
        )  # fmt: skip
        spans = record.get("sentences")
        if spans is None:
            doc.sentences = [_sentence(doc, len(doc.sentences), s.start, s.end) for s in _segment_blocks(doc)]
        else:
            doc.sentences = [_sentence(doc, i, s["start"], s["end"], s.get("raw_start"), s.get("raw_end"))
                             for i, s in enumerate(spans)]  # fmt: skip
        doc.entities = [Entity.from_dict(e) for e in record.get("entities") or []]
        doc.votes = [VoteTally.from_dict(v) for v in record.get("votes") or []]
        return doc


def _blocks_of(text: str) -> list[Block]:
    """The blocks of a normalized text: the parts between the blank lines that join them (raw offsets unknown)."""
    blocks: list[Block] = []
    pos = 0
    for i, part in enumerate(text.split(BLOCK_SEPARATOR) if text else []):
        blocks.append(Block(i, "paragraph", part, pos, pos + len(part), pos, pos + len(part)))
        pos += len(part) + len(BLOCK_SEPARATOR)
    return blocks


def _segment_blocks(doc: Document) -> list[Block]:
    """Sentence spans of a loaded document's blocks (as blocks: only ``start``/``end`` are used)."""
    return [Block(b.index, b.kind, "", b.start + s.start, b.start + s.end, 0, 0)
            for b in doc.blocks for s in split_sentences(b.text)]  # fmt: skip


def _sentence(doc: Document, index: int, start: int, end: int, rs: int | None = None, re_: int | None = None) -> Sentence:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(doc.text)):
        raise ValueError(f"sentence {index}: offsets {start}-{end} outside the text")
    k = max(0, bisect_right([b.start for b in doc.blocks], start) - 1)
    return Sentence(doc.doc_id, index, "paragraph", k, doc.text[start:end], start, end,
                    start if rs is None else rs, end if re_ is None else re_)  # fmt: skip


def _normalize_config(config: dict[str, Any] | None) -> NormalizeConfig:
    try:
        return NormalizeConfig.from_dict((config or {}).get("normalize") or {})
    except (ValueError, TypeError, AttributeError):  # a record of another version: its settings are still kept
        return NormalizeConfig()


def _is_file(s: str) -> bool:
    try:
        return Path(s).is_file()
    except (OSError, ValueError):
        return False


def _as_raw(source: str | os.PathLike[str] | RawDocument, doc_id: str | None, encoding: str | None) -> RawDocument:
    if isinstance(source, RawDocument):
        return source
    if isinstance(source, os.PathLike) or "\n" not in source and len(source.encode("utf-8")) < 255 and source.strip() and _is_file(source):
        raw = read_path(source, encoding)
    else:
        return RawDocument(doc_id or "text", source, "utf-8", None)
    return RawDocument(doc_id or raw.doc_id, raw.text, raw.encoding, raw.path, raw.doc_date, raw.meta)


def prepare(
    source: str | os.PathLike[str] | RawDocument,
    *,
    doc_id: str | None = None,
    layout: layout_mod.LayoutMode = "auto",
    config: NormalizeConfig | None = None,
    encoding: str | None = None,
    max_sentence_chars: int = MAX_CHARS,
    doc_date: str | None = None,
) -> Document:
    """Repair, normalize and segment a text, a path or a :class:`~jpnlp.io.RawDocument`.

    A ``str`` is taken as a path only when it names an existing file and has
    no line break; pass ``pathlib.Path`` to be explicit.  ``doc_date``
    (``YYYY-MM-DD``) is the document's date; without it, the raw document's
    (a manifest's), else the text's own dateline (:func:`jpnlp.docdate.detect_doc_date`).
    """
    raw = _as_raw(source, doc_id, encoding)
    config = config or NormalizeConfig()
    body, header = front_matter(raw.text, raw.path or raw.doc_id)
    meta = merge_meta(header, raw.meta)
    mode = layout_mod.detect_mode(raw.text[body:]) if layout == "auto" else layout
    layout_blocks = layout_mod.repair(raw.text[body:], mode)
    if body:  # offsets count from the file's first character, front matter included
        for lb in layout_blocks:
            lb.offsets = array("q", (o + body for o in lb.offsets))

    blocks: list[Block] = []
    maps: list[OffsetMap] = []
    texts: list[str] = []
    pos = 0
    for i, lb in enumerate(layout_blocks):
        norm = normalize_with_map(lb.text, config)
        if i:
            pos += len(BLOCK_SEPARATOR)
        markers = []
        if lb.kind != "heading":
            markers = [Marker(int(m.group(1)), pos + m.start(), pos + m.end()) for m in _MARKER.finditer(norm.text)]
        blocks.append(
            Block(i, lb.kind, norm.text, pos, pos + len(norm.text), lb.raw_start, lb.raw_end, lb.number, markers)
        )
        maps.append(norm.map)
        texts.append(norm.text)
        pos += len(norm.text)

    doc = Document(
        doc_id=raw.doc_id,
        raw=raw.text,
        text=BLOCK_SEPARATOR.join(texts),
        blocks=blocks,
        sentences=[],
        encoding=raw.encoding,
        path=raw.path,
        layout=mode,
        config=config,
        _layout_blocks=layout_blocks,
        _maps=maps,
    )
    doc.sentences = segment(doc, max_sentence_chars)
    doc.meta = meta
    given = doc_date or meta.get("date") or raw.doc_date  # the document's own date beats a run-wide --doc-date
    doc.doc_date = check_doc_date(given) if given else detect_doc_date(doc.text)
    return doc


def segment(doc: Document, max_chars: int = MAX_CHARS) -> list[Sentence]:
    """Sentences of every block of ``doc`` (headings are one unit each)."""
    sentences: list[Sentence] = []
    for b in doc.blocks:
        if b.kind == "heading":
            spans = [(0, len(b.text), True)]
        else:
            spans = [
                (s.start, s.end, s.heading)
                for s in split_sentences(b.text, max_chars, headings=b.kind == "paragraph")
            ]
        for s, e, heading in spans:
            start, end = b.start + s, b.start + e
            rs, re_ = doc.raw_span(start, end)
            sentences.append(
                Sentence(
                    doc_id=doc.doc_id,
                    index=len(sentences),
                    block="heading" if heading else b.kind,
                    block_index=b.index,
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    raw_start=rs,
                    raw_end=re_,
                    markers=[m.number for m in b.markers if start <= m.start and m.end <= end],
                )
            )
    return sentences
