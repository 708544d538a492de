"""``jpnlp_leaders_v1``: LEADER entities, name as span and title in ``._.role`` (:mod:`jpnlp.rules.leaders`).

GiNZA's ``Person`` entities (when GiNZA's NER ran before) and Sudachi's name
tags (:mod:`jpnlp.name_tags`, in the fast pipeline too) let names the glossary
does not know count when a leadership title follows them.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from ..glossary import Glossary, default_glossary
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

        def year_at(pos: int) -> int | None:
            # the last date before; a date shortly after (same clause) when none came before
            k = bisect_right(starts, pos) - 1
            if k >= 0:
                return years[k][1]
            return years[0][1] if years and years[0][0] - pos < 80 else None

        text = doc_text(doc)
        matches = find_leaders(text, self.glossary, persons, year_at, tagged_tokens(text))
        spans = char_spans(doc, [(m.start, m.end) for m in matches], "LEADER")
        by_start = {m.start: m for m in matches}
        for span in add_entities(doc, spans):
            m = by_start[span.start_char]
            span._.role = m.role
            span._.id = m.entry_id or ""  # the linker keeps it: title and year told the leaders apart
            span._.en = m.en  # a Latin spelling in the text, kept where the glossary has no entry
        return doc


@Language.factory(
    "jpnlp_leaders_v1",
    assigns=["doc.ents", "span._.role"],
    default_config={"glossary_path": None},
)
def make_leaders(nlp: Language, name: str, glossary_path: str | None) -> LeaderRecognizer:
    return LeaderRecognizer(Glossary.load(glossary_path) if glossary_path else default_glossary())
