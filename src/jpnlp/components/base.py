"""What the jpnlp components share: extension attributes and how entities are added.

Our entities replace GiNZA's in ``doc.ents``; GiNZA's own entities that do
not overlap ours stay available in ``doc.spans["ginza"]`` (label mapping:
GiNZA's ENE ``Treaty``/``Law`` ~ TREATY, ``Person`` ~ LEADER candidates,
``Date`` ~ DATE).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

LABELS = ("TREATY", "LEADER", "DATE", "VOTE")
SPAN_EXTENSIONS = ("en", "en_full", "id", "value", "mod", "role", "anaphor", "wikidata", "en_source", "en_conf")


def _raw_start(span: Span) -> int:
    return _raw(span)[0]


def _raw_end(span: Span) -> int:
    return _raw(span)[1]


def _raw(span: Span) -> tuple[int, int]:
    """Raw offsets through the Document the Doc was made from, else the Doc's own offsets."""
    source = span.doc._.jpnlp_source
    if source is None:
        return span.start_char, span.end_char
    return source.raw_span(span.start_char, span.end_char)


def doc_text(doc: Doc) -> str:
    """The Doc's text without rebuilding it from every token (``doc.text`` does): the source's text if any."""
    source = doc._.jpnlp_source
    if source is not None and len(doc):
        last = doc[-1]
        if last.idx + len(last.text_with_ws) == len(source.text):
            return source.text
    return doc.text


def register_extensions() -> None:
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Span.has_extension("raw_start"):
        Span.set_extension("raw_start", getter=_raw_start)
        Span.set_extension("raw_end", getter=_raw_end)
    if not Doc.has_extension("jpnlp_source"):
        Doc.set_extension("jpnlp_source", default=None)  # the jpnlp.Document the text came from
    if not Doc.has_extension("votes"):
        Doc.set_extension("votes", default=None)
    if not Doc.has_extension("doc_date"):
        Doc.set_extension("doc_date", default=None)  # the document's date, ISO YYYY-MM-DD (jpnlp.docdate)


def char_spans(doc: Doc, spans: list[tuple[int, int]], label: str) -> list[Span]:
    """Token spans for character spans; a boundary inside a token splits that token first."""
    from ..retokenize import split_at

    split_at(doc, [p for s, e in spans for p in (s, e)])
    out = []
    for s, e in spans:
        span = doc.char_span(s, e, label=label)
        if span is not None:
            out.append(span)
    return out


def add_entities(doc: Doc, new: list[Span]) -> list[Span]:
    """Put ``new`` into ``doc.ents`` (ours win over GiNZA's) and return those kept."""
    if "ginza" not in doc.spans:
        doc.spans["ginza"] = [e for e in doc.ents if e.label_ not in LABELS]
        doc.ents = [e for e in doc.ents if e.label_ in LABELS]
    ours = list(doc.ents)
    kept = filter_spans(ours + new)  # longest first; spans already in doc.ents win ties by coming first
    doc.ents = sorted(kept, key=lambda s: s.start)
    kept_keys = {(s.start, s.end, s.label) for s in kept}
    if doc.spans["ginza"]:
        occupied = sorted((e.start, e.end) for e in doc.ents)
        doc.spans["ginza"] = [g for g in doc.spans["ginza"] if not _overlaps(g.start, g.end, occupied)]
    return [s for s in new if (s.start, s.end, s.label) in kept_keys]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping ``spans``."""
    from bisect import bisect_right

    k = bisect_right(spans, (start, float("inf"))) - 1
    return (k >= 0 and spans[k][1] > start) or (k + 1 < len(spans) and spans[k + 1][0] < end)
