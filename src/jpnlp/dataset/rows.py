"""One dataset row per sentence: text, offsets, GiNZA tokens, IOB2 tags, entities, votes.

Entity offsets in a row are relative to the sentence ``text``; ``tokens``
with ``spaces`` (whether a space follows each token, as in spaCy's
``Doc(words, spaces)``) concatenate back to ``text`` exactly, so every
entity is recoverable both from ``tokens`` + ``ner_tags`` and from
``start``/``end``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..document import Document, Sentence
from ..retokenize import split_at

LABELS = ("TREATY", "LEADER", "DATE", "VOTE")
TAG_NAMES = ("O", *(f"{p}-{label}" for label in LABELS for p in ("B", "I")))
ENTITY_FIELDS = ("start", "end", "label", "text", "en", "id", "value", "raw_start", "raw_end")
VOTE_FIELDS = (
    "for", "against", "abstain", "other", "total", "result", "body", "body_ja", "date",
    "subject_ja", "subject_en", "text", "start", "end",
)  # fmt: skip


def row_id(doc_id: str, index: int) -> str:
    """Stable id: the document id and the sentence index."""
    return f"{doc_id}#{index:05d}"


def align_sentences(doc: Doc, sentences: list[Sentence]) -> int:
    """Split tokens that cross a sentence boundary; return how many were split."""
    return split_at(doc, [p for s in sentences for p in (s.start, s.end)])


def sentence_row(
    document: Document,
    doc: Doc,
    sent: Sentence,
    ents: list[tuple[int, int, str, dict[str, Any]]],
    votes: list[dict[str, Any]],
) -> dict[str, Any]:
    """The row of one sentence; ``ents`` are (start, end, label, attrs) in document offsets."""
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    tokens: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    if span is not None:
        for tok in span:
            if tok.is_space and not tok.text.strip(" "):
                continue  # a block separator cannot be inside a sentence; never here, but be safe
            tokens.append(tok.text)
            spaces.append(bool(tok.whitespace_) and tok.i < span.end - 1)
            tags.append("O")
        starts = [t.idx - sent.start for t in span if not (t.is_space and not t.text.strip(" "))]
        for s, e, label, _ in ents:
            inside = [i for i, ts in enumerate(starts) if s - sent.start <= ts < e - sent.start]
            for j, i in enumerate(inside):
                tags[i] = f"{'B' if j == 0 else 'I'}-{label}"
    entities = [
        {
            "start": s - sent.start,
            "end": e - sent.start,
            "label": label,
            "text": document.text[s:e],
            "en": attrs.get("en"),
            "id": attrs.get("id") or None,
            "value": None if attrs.get("value") is None else str(attrs.get("value")),
            "raw_start": document.raw_span(s, e)[0],
            "raw_end": document.raw_span(s, e)[1],
        }
        for s, e, label, attrs in ents
    ]
    return {
        "id": row_id(document.doc_id, sent.index),
        "doc_id": document.doc_id,
        "sentence_index": sent.index,
        "block": sent.block,
        "block_index": sent.block_index,
        "text": sent.text,
        "raw_text": document.raw[sent.raw_start : sent.raw_end],
        "raw_start": sent.raw_start,
        "raw_end": sent.raw_end,
        "tokens": tokens,
        "spaces": spaces,
        "ner_tags": tags,
        "entities": entities,
        "votes": [{k: v.get(k) for k in VOTE_FIELDS} | {"start": v["start"] - sent.start, "end": v["end"] - sent.start} for v in votes],
    }
