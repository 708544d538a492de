"""``jpnlp_dates_v1``: DATE entities with TIMEX3-style ``._.value`` and ``._.mod`` (:mod:`jpnlp.rules.dates`).

Relative dates (同年9月, 4月14日, 同日) are resolved in document order,
so run it on whole documents (``jpnlp.pipeline.annotate`` does).  Deictic
ones (今年, 本日, a bare 19日) resolve against ``doc._.doc_date``, the
document's date: ``annotate`` sets it from the :class:`~jpnlp.document.Document`;
on a Doc made otherwise, this component sets it from the text's dateline
(:func:`jpnlp.docdate.detect_doc_date`) when it is unset.  With no document
date, a year-less dateline (``(9月9日22時36分)``) still places the bare days and a
header of month precision (``平成28年3月``) the deictic words
(:func:`jpnlp.docdate.detect_doc_partial`); ``doc._.doc_date`` stays unset.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..docdate import detect_doc_date, detect_doc_month, detect_doc_partial
from ..normalize import normalize
from ..rules.dates import find_dates
from .base import add_entities, char_spans, doc_text


class DateRecognizer:
    def __init__(self, anchor_year: int | None = None) -> None:
        self.anchor_year = anchor_year

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if doc._.doc_date is None and doc._.jpnlp_source is None:
            doc._.doc_date = detect_doc_date(text)
        day = doc._.doc_date or (self._partial(doc, text) if self.anchor_year is None else None)
        matches = find_dates(text, self.anchor_year, doc_date=day)
        spans = char_spans(doc, [(m.start, m.end) for m in matches], "DATE")
        by_start = {m.start: m for m in matches}
        for span in add_entities(doc, spans):
            m = by_start[span.start_char]
            span._.value = m.value
            span._.mod = m.mod
        return doc


    @staticmethod
    def _partial(doc: Doc, text: str) -> str | None:
        """A year-less day or a month header; the header also from the text as written (a PDF's layout repair
        joins ``平成28年3月`` to the title before it)."""
        found = detect_doc_partial(text)
        source = doc._.jpnlp_source
        if found is None and source is not None and source.raw:
            found = detect_doc_month(normalize(source.raw[:RAW_HEAD]))
        return found


RAW_HEAD = 2000  # characters of the text as written searched for a month header


@Language.factory(
    "jpnlp_dates_v1",
    assigns=["doc.ents", "span._.value", "span._.mod", "doc._.doc_date"],
    default_config={"anchor_year": None},
)
def make_dates(nlp: Language, name: str, anchor_year: int | None) -> DateRecognizer:
    return DateRecognizer(anchor_year)
