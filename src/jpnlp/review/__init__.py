"""Review and correct: jpnlp's output to annotation tools and back, as gold.

``jpnlp export FORMAT`` writes documents (texts run through the pipeline, or ``jpnlp extract``
records) for an annotation tool; ``jpnlp import FORMAT`` reads the corrected file back, checks
every span against its text, and writes a gold file in the passages format
(:mod:`jpnlp.passages`), which ``jpnlp build --gold`` and ``jpnlp eval --passages`` read.

One module per format, each with ``read(text, path) -> list[record]`` and
``write(records) -> str``; a record is the review record of :mod:`jpnlp.review.records`.
"""

from __future__ import annotations

from types import ModuleType

from . import doccano, labelstudio, passages, spacy_jsonl

FORMATS: dict[str, ModuleType] = {
    "labelstudio": labelstudio,
    "doccano": doccano,
    "spacy": spacy_jsonl,
    "passages": passages,
}

__all__ = ["FORMATS"]
