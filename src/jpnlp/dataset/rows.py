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
# every attribute the pipeline gives a mention (``anaphor`` is a bool, ``en_conf`` a float, offsets are ints, the
# rest strings)
ENTITY_ATTRS = ("en", "en_full", "id", "value", "mod", "role", "anaphor", "wikidata", "en_source", "en_conf")
ENTITY_FIELDS = ("start", "end", "label", "text", *ENTITY_ATTRS, "raw_start", "raw_end")
VOTE_FIELDS = (
    "for", "against", "abstain", "other", "total", "result", "body", "body_ja", "date",
    "subject_ja", "subject_en", "text", "start", "end", "notes", "doc_date", "doc_title", "source",
)  # fmt: skip
# GiNZA's analysis of each token (full mode; empty strings and self-heads in fast mode, which has none)
ANALYSIS_FIELDS = ("lemmas", "pos", "tags", "heads", "deps")


# no file path: a dataset does not depend on where its corpus lay (the doc_id is the path inside the corpus)
DOCUMENT_FIELDS = ("doc_id", "title", "date", "source", "url", "license", "language", "encoding")


def document_row(document: Document) -> dict[str, Any]:
    """The ``documents`` table's row: the known metadata fields, and all of it as JSON in ``meta``."""
    import json

    meta = document.meta or {}
    known = {k: None if meta.get(k) is None else str(meta.get(k)) for k in DOCUMENT_FIELDS}
    return {**known, "doc_id": document.doc_id, "date": document.doc_date, "encoding": document.encoding, "sentences": len(document.sentences),
            "meta": json.dumps(meta, ensure_ascii=False, sort_keys=True, default=str)}  # fmt: skip


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
    reviewed: bool = False,
) -> dict[str, Any]:
    """The row of one sentence; ``ents`` are (start, end, label, attrs) in document offsets; ``reviewed``: its
    labels are hand-made or a reviewer's corrections (gold), not the pipeline's (silver)."""
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    # a run of extra spaces is a token of its own, as in spaCy (text "A  B": "A", " ", "B"), so that tokens and
    # spaces rebuild the text and a DocBin's offsets match the row's
    toks = list(span) if span is not None else []
    tokens = [t.text for t in toks]
    spaces = [bool(t.whitespace_) and t.i < span.end - 1 for t in toks] if span is not None else []
    tags = ["O"] * len(toks)
    starts = [t.idx - sent.start for t in toks]
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
            **{k: _attr(attrs, k) for k in ENTITY_ATTRS},
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
        **token_analysis(toks),
        "entities": entities,
        "votes": [{k: v.get(k) for k in VOTE_FIELDS} | {"start": v["start"] - sent.start, "end": v["end"] - sent.start} for v in votes],
        "reviewed": reviewed,
        "label_source": "gold" if reviewed else "silver",
    }


def _attr(attrs: dict[str, Any], key: str) -> Any:
    v = attrs.get(key)
    if key == "anaphor":
        return bool(v)
    if key == "en_conf":
        return None if v is None else float(v)
    return None if v in (None, "") else str(v)


def token_analysis(toks: list[Any]) -> dict[str, list[Any]]:
    """GiNZA's lemma, UPOS, tag, head and relation of each token; heads index ``toks``, a root (or a head
    outside the sentence) points to itself, as in spaCy."""
    index = {t.i: n for n, t in enumerate(toks)}
    return {
        "lemmas": [t.lemma_ for t in toks],
        "pos": [t.pos_ for t in toks],
        "tags": [t.tag_ for t in toks],
        "heads": [index.get(t.head.i, n) for n, t in enumerate(toks)],
        "deps": [t.dep_ for t in toks],
    }


def with_rule_votes(gold: dict[str, Any], silver: dict[str, Any]) -> dict[str, Any]:
    """A hand-made gold row completed from the rules' row of the same sentence, for training.

    The corpus's hand-made annotation marks treaties, leaders and dates with their English names and values,
    not tallies (its vote records are the rules' already) nor glossary ids: the rules' VOTE mentions are added
    where they overlap no gold mention, and a gold mention the rules found at the same span and label gets
    the attributes it lacks (glossary id, Wikidata QID, …) from theirs.
    """
    starts, pos = [], 0
    for tok, space in zip(silver["tokens"], silver["spaces"], strict=True):
        starts.append(pos)
        pos += len(tok) + (1 if space else 0)
    tags = list(gold["ner_tags"])
    same = {(x["start"], x["end"], x["label"]): x for x in silver["entities"]}
    entities = [{**e, **{k: v for k, v in same.get((e["start"], e["end"], e["label"]), {}).items()
                         if e.get(k) in (None, "", False)}} for e in gold["entities"]]  # fmt: skip
    for e in (x for x in silver["entities"] if x["label"] == "VOTE"):
        inside = [i for i, s in enumerate(starts) if e["start"] <= s < e["end"]]
        if inside and all(tags[i] == "O" for i in inside):
            for j, i in enumerate(inside):
                tags[i] = f"{'B' if j == 0 else 'I'}-VOTE"
            entities.append(e)
    return {**gold, "ner_tags": tags, "entities": sorted(entities, key=lambda x: x["start"])}
