"""Split tokens so that given character offsets fall on token boundaries.

Entity rules work on characters; spaCy entities are token spans.  When a
rule's boundary falls inside a Sudachi token (a long mode-C compound), the
token is split there — as spaCy's ``Retokenizer.split`` or a Sudachi user
dictionary would — instead of dropping or stretching the entity.  Pieces
keep the token's POS, tag and morphology; Japanese is head-final, so every
piece but the last attaches to the last one, which keeps the token's head.

Entities and span groups are saved as character offsets before splitting
and restored after, so nothing already annotated is lost.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span


def split_at(doc: Doc, offsets: Iterable[int]) -> int:
    """Split tokens of ``doc`` at ``offsets``; return how many tokens were split."""
    cuts: dict[int, list[int]] = {}
    from spacy.attrs import IDX, LENGTH

    # token offsets once, from the C arrays (no Token objects): lookups are then binary searches
    arr = doc.to_array([IDX, LENGTH])
    starts = arr[:, 0].tolist() if len(doc) else []
    ends = (arr[:, 0] + arr[:, 1]).tolist() if len(doc) else []
    for off in set(offsets):
        k = bisect_right(starts, off) - 1
        if k >= 0 and starts[k] < off < ends[k]:
            cuts.setdefault(k, []).append(off - starts[k])
    if not cuts:
        return 0
    # The pieces' DEP is set by hash; without a parser (fast mode) "compound" may not be in the StringStore
    # yet, and a piece split again would fail to read its dep_ (spaCy's E018).
    doc.vocab.strings.add("compound")
    ents = [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents]
    groups = {name: [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in g] for name, g in doc.spans.items()}
    with doc.retokenize() as retok:
        for i, rel in cuts.items():
            tok = doc[i]
            points = [0, *sorted(rel), len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(points, points[1:]) if b > a]
            n = len(orths)
            last = (tok, n - 1)
            heads = [last] * (n - 1) + [tok.head if tok.head.i != tok.i else last]
            attrs = {
                "POS": [tok.pos_] * n,
                "TAG": [tok.tag_] * n,
                "MORPH": [str(tok.morph)] * n,
                "LEMMA": orths,
                "DEP": ["compound"] * (n - 1) + [tok.dep_],
            }
            retok.split(tok, orths, heads=heads, attrs=attrs)
    doc.ents = _spans(doc, ents)
    for name, spans in groups.items():
        doc.spans[name] = _spans(doc, spans)
    doc.user_data["jpnlp_split_tokens"] = doc.user_data.get("jpnlp_split_tokens", 0) + len(cuts)
    return len(cuts)


def _spans(doc: Doc, items: list[tuple[int, int, str, str]]) -> list[Span]:
    out = []
    for s, e, label, kb in items:
        span = doc.char_span(s, e, label=label, kb_id=kb)
        if span is not None:
            out.append(span)
    return out
