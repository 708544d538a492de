"""jpnlp: a bilingual Japanese–English NLP corpus toolkit for arms-control text.

The public API in a few names::

    import jpnlp
    doc = jpnlp.prepare("corpus/us_russia_arms_control_2000.ja.txt")
    for sent in doc.sentences:
        print(sent.block, sent.text, sent.raw_start, sent.raw_end)

    jpnlp.normalize("ＳＴＡＲＴⅡ条約")   # 'STARTII条約'
"""

from __future__ import annotations

from .document import Block, Document, Sentence, prepare
from .errors import BinaryInputError, DecodeError, EmptyInputWarning, InputError, JpnlpError, OutputError
from .io import RawDocument, read_path
from .layout import repair
from .normalize import NormalizeConfig, OffsetMap, normalize, normalize_with_map
from .segment import split_sentences

__version__ = "0.1.0"

__all__ = [
    "BinaryInputError",
    "Block",
    "DecodeError",
    "Document",
    "EmptyInputWarning",
    "InputError",
    "JpnlpError",
    "NormalizeConfig",
    "OffsetMap",
    "OutputError",
    "RawDocument",
    "Sentence",
    "__version__",
    "normalize",
    "normalize_with_map",
    "prepare",
    "read_path",
    "repair",
    "split_sentences",
]
