"""The ``jpnlp extract`` record: one JSON object per document, a stable schema.

=============  =================================================================
field          meaning
=============  =================================================================
doc_id         document id (path relative to the input directory, no suffix)
text           the normalized text (blocks joined by a blank line)
sentences      ``start``, ``end`` (in ``text``), ``raw_start``, ``raw_end``
entities       ``start``, ``end``, ``text``, ``label``, ``raw_start``, ``raw_end``,
               ``raw_text``, ``en``, ``en_full``, ``id``, ``value``, ``role``
               (plus ``anaphor`` and ``mod``)
votes          vote tallies (the ``jpnlp votes`` record of each, see :mod:`jpnlp.votes`)
config         normalization config, pipeline and model versions
=============  =================================================================
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from . import __version__
from .document import Document
from .pipeline import PIPELINE_VERSION

SCHEMA_VERSION = "1"


def document_record(doc: Document, nlp: Language | None = None) -> dict[str, Any]:
    """The JSON-ready record of a processed document."""
    return {
        "doc_id": doc.doc_id,
        "text": doc.text,
        "sentences": [
            {"start": s.start, "end": s.end, "raw_start": s.raw_start, "raw_end": s.raw_end} for s in doc.sentences
        ],
        "entities": [e.to_dict() for e in doc.entities],
        "votes": [t.to_dict() for t in doc.votes],
        "config": {
            "schema": SCHEMA_VERSION,
            "jpnlp": __version__,
            "pipeline": PIPELINE_VERSION,
            "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}" if nlp else None,
            "normalize": doc.config.to_dict(),
            "layout": doc.layout,
            "encoding": doc.encoding,
        },
    }
