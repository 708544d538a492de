"""A trained model's TREATY/LEADER/DATE spans, in place of the rules' or combined with them.

``replace`` (``jpnlp extract --model M``): the model's spans stand in for the rules'.
``combine`` (``jpnlp extract --model M --combine``): the rules' spans win wherever they fire — they are precise
and carry values and glossary links — and the model adds the spans that overlap none of the rules' (or a
VOTE) *and that GiNZA's own NER finds too* (same span, label mapped as in :mod:`jpnlp.dataset.agreement`):
on the development passages the model's unconfirmed additions were almost all wrong (fragments such as
``核不拡散`` as TREATY, country names as LEADER), so a second, independent annotator must agree.  In fast
mode there is no GiNZA NER to ask, and every non-overlapping model span is added.  Either way the glossary linker (English names, ids) and the DATE
values are applied to every span, so the records look the same whichever found a span.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .dataset.agreement import mapped
from .document import Document

MODEL_LABELS = ("TREATY", "LEADER", "DATE")
# Labels whose model spans are added without GiNZA's confirmation.  None: with a model trained on the develop
# passages (before date replacement), trusting DATE added 6 spans on the shared dev set, all wrong; trusting all three added 27, all wrong.
TRUSTED: frozenset[str] = frozenset()
CharSpan = tuple[int, int, str]


def combine_spans(
    rules: Sequence[CharSpan], model: Sequence[CharSpan], confirm: set[CharSpan] | None = None,
    trusted: frozenset[str] = frozenset(),
) -> list[CharSpan]:  # fmt: skip
    """The rules' spans, plus each model span that overlaps none of them nor an earlier added one (and, with
    ``confirm``, is in it — the spans a second annotator found — unless its label is ``trusted``)."""
    out = list(rules)
    for s, e, label in sorted(model):
        if confirm is not None and label not in trusted and (s, e, label) not in confirm:
            continue
        if label in MODEL_LABELS and not any(s < b and a < e for a, b, _ in out):
            out.append((s, e, label))
    return sorted(out)


def tags_to_spans(offsets: Sequence[tuple[int, int]], tags: Sequence[str]) -> list[CharSpan]:
    """Character spans of IOB2 ``tags`` over tokens at ``offsets`` (an ``I-`` without its ``B-`` starts a span)."""
    out: list[CharSpan] = []
    current: list[Any] | None = None  # [first token, last token, label]
    for i, tag in enumerate([*tags, "O"]):
        if current is not None and not (tag.startswith("I-") and tag[2:] == current[2]):
            out.append((offsets[current[0]][0], offsets[current[1]][1], current[2]))
            current = None
        if i < len(offsets) and tag != "O":
            if current is None:
                current = [i, i, tag[2:]]
            else:
                current[1] = i
    return out


@cache
def _tagger(model: str):  # type: ignore[no-untyped-def]
    from .train.metrics import model_tagger

    tag = model_tagger(model, {})
    return lambda tokens, spaces: tag({"tokens": tokens, "spaces": spaces})


def predict(doc: Doc, document: Document, model: str) -> list[CharSpan]:
    """The model's spans, sentence by sentence, on the Doc's tokens (split at sentence boundaries first)."""
    from .retokenize import split_at

    split_at(doc, [p for s in document.sentences for p in (s.start, s.end)])
    tagger = _tagger(model)
    out: list[CharSpan] = []
    for sent in document.sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            continue
        toks = [t for t in span if not t.is_space]
        tags = tagger([t.text for t in toks], [bool(t.whitespace_) for t in toks])
        out += tags_to_spans([(t.idx, t.idx + len(t.text)) for t in toks], tags)
    return [x for x in out if x[2] in MODEL_LABELS]


def apply_model(doc: Doc, document: Document, model: str, nlp: Language, combine: bool = False) -> None:
    """Put the model's spans into ``doc.ents`` (``combine``: beside the rules'), then link and date them."""
    predicted = predict(doc, document, model)
    keep = list(doc.ents) if combine else [e for e in doc.ents if e.label_ not in MODEL_LABELS]
    base = [(e.start_char, e.end_char, e.label_) for e in keep]
    ginza = doc.user_data.get("jpnlp_ginza_ents") if combine else None
    confirm = None if ginza is None else mapped(ginza)
    chosen = [x for x in combine_spans(base, predicted, confirm, TRUSTED) if x not in set(base)]
    new = [s for s in (doc.char_span(a, b, label=label) for a, b, label in chosen) if s is not None]
    new = [s for s in new if not any(s.start < k.end and k.start < s.end for k in keep)]  # token-level overlap
    doc.ents = sorted(keep + new, key=lambda x: x.start)
    _resolve(doc, nlp, {(s.start_char, s.end_char) for s in new})


def _resolve(doc: Doc, nlp: Language, new: set[tuple[int, int]]) -> None:
    """DATE values of the new spans (the rules' own where they agree), then the glossary linker over all."""
    from .rules.dates import find_dates

    rule_dates = {(d.start, d.end): d for d in find_dates(doc.text, doc_date=doc._.doc_date)}
    for ent in doc.ents:
        if ent.label_ == "DATE" and (ent.start_char, ent.end_char) in new:
            d = rule_dates.get((ent.start_char, ent.end_char)) or next(iter(find_dates(ent.text, doc_date=doc._.doc_date)), None)
            ent._.value = d.value if d else None
            ent._.mod = d.mod if d else None
    nlp.get_pipe("jpnlp_linker")(doc)
