"""``jpnlp_votes_v1``: vote tallies as ``VOTE`` entities and ``doc._.votes`` records (:mod:`jpnlp.votes`).

Runs after the linker: the subject of a vote is the treaty or law before it
(with its English name), the date the DATE before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..votes import Context, resolve_tallies
from .base import add_entities, char_spans, doc_text


class VoteRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        source = doc._.jpnlp_source
        if source is not None:
            sentences = [(s.start, s.end) for s in source.sentences]
            blocks = [(b.start, b.end) for b in source.blocks]
        else:
            sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else [
                (0, len(doc_text(doc)))
            ]
            blocks = [(0, len(doc_text(doc)))]
        ents = list(doc.ents)
        ctx = Context(
            sentences=sentences,
            blocks=blocks,
            names=[(e.start_char, e.end_char, e.text, e._.en) for e in ents if e.label_ == "TREATY"],
            dates=[(e.start_char, e.end_char, e._.value) for e in ents if e.label_ == "DATE" and e._.value],
            doc_date=doc._.doc_date if Doc.has_extension("doc_date") else None,
        )
        tallies = resolve_tallies(doc_text(doc), ctx)
        for t in tallies:
            if source is not None:
                t.raw_start, t.raw_end = source.raw_span(t.start, t.end)
                t.doc_id = source.doc_id
        # outcome phrases with no numbers (全会一致) are records, not VOTE mentions
        counted = [(t.start, t.end) for t in tallies if t.for_ is not None or t.against is not None]
        add_entities(doc, char_spans(doc, counted, "VOTE"))
        doc._.votes = tallies
        return doc


@Language.factory("jpnlp_votes_v1", assigns=["doc.ents", "doc._.votes"], requires=["doc.ents"])
def make_votes(nlp: Language, name: str) -> VoteRecognizer:
    return VoteRecognizer()
