"""Training and evaluating NER models on a dataset built by ``jpnlp build``.

* :mod:`.spacy_ner` — ``jpnlp train spacy``: spaCy NER from a versioned config
  (``configs/spacy_ner_{scratch,ginza}_v1.cfg``) with ``spacy train`` on the DocBin files;
* :mod:`.tokenizer` — ``jpnlp train tokenizer``: a SentencePiece unigram model wrapped as a
  Hugging Face fast tokenizer;
* :mod:`.transformer` — ``jpnlp train transformer``: token classification with ``transformers``;
* :mod:`.metrics` — seqeval (strict IOB2) reports shared by all of them and by ``jpnlp eval --model``.

The heavy dependencies (torch, transformers, sentencepiece) are the ``train`` extra.
"""

from __future__ import annotations

from pathlib import Path

CONFIG_DIR = Path(__file__).parent / "configs"
