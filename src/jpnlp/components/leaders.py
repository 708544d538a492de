"""``jpnlp_leaders_v1``: LEADER entities, name as span and title in ``._.role`` (:mod:`jpnlp.rules.leaders`).

GiNZA's ``Person`` entities (when GiNZA's NER ran before) and Sudachi's name
tags (:mod:`jpnlp.name_tags`, in the fast pipeline too) let names the glossary
does not know count when a leadership title follows them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ..glossary import Glossary, default_glossary
from ..link import link_treaty
from ..name_tags import tagged_tokens
from ..rules.dates import find_dates
from ..rules.leaders import find_leaders
from .base import add_entities, char_spans, doc_text


class LeaderRecognizer:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def __call__(self, doc: Doc) -> Doc:
        ginza = doc.spans.get("ginza", doc.ents)
        persons = [(e.start_char, e.end_char) for e in ginza if e.label_ == "Person"]
        # the year in force at each offset tells apart leaders who share a name
        dated = [(e.start_char, e._.value) for e in doc.ents if e.label_ == "DATE" and e._.value]
        if not dated:
            dated = [(d.start, d.value) for d in find_dates(doc_text(doc))]
        years = [(pos, int(v[:4])) for pos, v in dated if v[:4].isdigit()]
        starts = [p for p, _ in years]
        text = doc_text(doc)
        signed = _signing_years(doc, self.glossary)

        def year_at(pos: int) -> int | None:
            # the last date before; a date shortly after (same clause) when none came before; but a sentence with
            # no date of its own that names a treaty is about that treaty's time (START II 調印式におけるブッシュ)
            k = bisect_right(starts, pos) - 1
            start, end = _sentence_around(text, pos)
            if (k < 0 or years[k][0] < start) and (own := [y for p, y in signed if start <= p < end]):
                return own[0]
            if k >= 0:
                return years[k][1]
            return years[0][1] if years and years[0][0] - pos < 80 else None

        matches = find_leaders(text, self.glossary, persons, year_at, tagged_tokens(text))
        spans = char_spans(doc, [(m.start, m.end) for m in matches], "LEADER")
        by_start = {m.start: m for m in matches}
        for span in add_entities(doc, spans):
            m = by_start[span.start_char]
            span._.role = m.role
            span._.id = m.entry_id or ""  # the linker keeps it: title and year told the leaders apart
            span._.en = m.en  # a Latin spelling in the text, kept where the glossary has no entry
        return doc


def _signing_years(doc: Doc, glossary: Glossary) -> list[tuple[int, int]]:
    """(offset, year signed) of the treaties the glossary dates, in text order."""
    out = []
    for e in doc.ents:
        if e.label_ == "TREATY" and not e._.anaphor and (link := link_treaty(e.text, glossary)) and link.id:
            entry = glossary.get(link.id)
            year = _year(entry.extra.get("signed")) if entry else None
            if year:
                out.append((e.start_char, year))
    return out


def _year(value: object) -> int | None:
    m = re.match(r"\s*(\d{4})", str(value)) if value else None
    return int(m.group(1)) if m else None


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    """The sentence (or line) holding offset ``pos``."""
    start = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (text.find("。", pos), text.find("\n", pos)) if i >= 0]
    return start, min(ends) if ends else len(text)


@Language.factory(
    "jpnlp_leaders_v1",
    assigns=["doc.ents", "span._.role"],
    default_config={"glossary_path": None},
)
def make_leaders(nlp: Language, name: str, glossary_path: str | None) -> LeaderRecognizer:
    return LeaderRecognizer(Glossary.load(glossary_path) if glossary_path else default_glossary())
