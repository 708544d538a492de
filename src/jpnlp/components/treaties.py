"""``jpnlp_treaties_v1``: TREATY entities from the grammar of treaty names (:mod:`jpnlp.rules.treaties`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..glossary import Glossary, default_glossary
from ..rules.treaties import find_treaties
from .base import add_entities, char_spans, doc_text


class TreatyRecognizer:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def __call__(self, doc: Doc) -> Doc:
        matches = find_treaties(doc_text(doc), self.glossary)
        spans = char_spans(doc, [(m.start, m.end) for m in matches], "TREATY")
        by_start = {m.start: m for m in matches}
        for span in add_entities(doc, spans):
            span._.anaphor = by_start[span.start_char].anaphor
        return doc


@Language.factory(
    "jpnlp_treaties_v1",
    assigns=["doc.ents", "span._.anaphor"],
    default_config={"glossary_path": None},
)
def make_treaties(nlp: Language, name: str, glossary_path: str | None) -> TreatyRecognizer:
    return TreatyRecognizer(Glossary.load(glossary_path) if glossary_path else default_glossary())
