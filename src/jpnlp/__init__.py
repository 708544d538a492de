"""jpnlp: a bilingual Japanese–English NLP corpus toolkit for arms-control text.

The public API in a few names::

    import jpnlp
    doc = jpnlp.prepare("corpus/us_russia_arms_control_2000.ja.txt")
    for sent in doc.sentences:
        print(sent.block, sent.text, sent.raw_start, sent.raw_end)

    jpnlp.normalize("ＳＴＡＲＴⅡ条約")   # 'STARTII条約'

    doc = jpnlp.process("ロシア下院は２０００年４月１４日にＳＴＡＲＴⅡ条約を批准した。")
    [(e.label, e.text, e.en or e.value) for e in doc.entities]

    nlp = jpnlp.load()   # the spaCy Language: ja_ginza + jpnlp components

    jpnlp.extract_votes("米上院は2010年12月22日、新START条約を71対26の賛成多数で承認した。")

``load``, ``process``, ``annotate``, ``extract_votes`` and ``build_dataset`` import
spaCy, GiNZA and datasets on first use.
"""

from __future__ import annotations

from typing import Any

from .document import Block, Document, Entity, Sentence, prepare
from .errors import BinaryInputError, DecodeError, EmptyInputWarning, InputError, JpnlpError, OutputError
from .io import RawDocument, read_path
from .layout import repair
from .normalize import NormalizeConfig, OffsetMap, normalize, normalize_with_map
from .segment import split_sentences

__version__ = "0.1.0"

_LAZY = {
    "load": "pipeline",
    "process": "pipeline",
    "annotate": "pipeline",
    "Glossary": "glossary",
    "extract_votes": "votes",
    "VoteTally": "votes",
    "build_dataset": "dataset",
}


def __getattr__(name: str) -> Any:
    """Import the spaCy-dependent parts only when asked for."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'jpnlp' has no attribute {name!r}")


__all__ = [
    "BinaryInputError",
    "Block",
    "DecodeError",
    "Document",
    "EmptyInputWarning",
    "Entity",
    "Glossary",
    "InputError",
    "JpnlpError",
    "NormalizeConfig",
    "OffsetMap",
    "OutputError",
    "RawDocument",
    "Sentence",
    "VoteTally",
    "__version__",
    "annotate",
    "build_dataset",
    "extract_votes",
    "load",
    "normalize",
    "normalize_with_map",
    "prepare",
    "process",
    "read_path",
    "repair",
    "split_sentences",
]
