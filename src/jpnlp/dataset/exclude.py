"""Keep evaluation text out of training: sentences of an evaluation set are dropped from train and validation.

The evaluation sets are JSON Lines files whose objects have a ``text`` (the real-text gold passages, the
shared dev set); by default every ``tests/data/real/*.jsonl`` under the working folder, plus the files given
with ``jpnlp build --exclude``.  A sentence is dropped when its normalized text, white space removed, occurs
anywhere in a normalized passage.  Sentences shorter than :data:`MIN_CHARS` are kept: a heading like ``1.``
occurs everywhere and says nothing.  The passages are only compared, never shown.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..errors import InputError

DEFAULT_SETS = "tests/data/real/*.jsonl"
MIN_CHARS = 8
_SPACE = re.compile(r"\s+")


def key(text: str) -> str:
    """What is compared: the normalized text without white space (line breaks and spacing differ in copies)."""
    from ..normalize import normalize

    return _SPACE.sub("", normalize(text))


def default_sets(root: str | os.PathLike[str] = ".") -> list[Path]:
    return sorted(Path(root).glob(DEFAULT_SETS))


class EvalText:
    """The passages of some evaluation sets, ready to test sentences against."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        self._haystack = "\x00".join(key(t) for f in files for t in _texts(f))

    def __contains__(self, sentence: str) -> bool:
        k = key(sentence)
        return len(k) >= MIN_CHARS and k in self._haystack


def _texts(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(path, "no such file (--exclude)") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(path, f"cannot read (--exclude): {getattr(e, 'strerror', None) or e}") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            raise InputError(path, f"line {n}: not JSON (--exclude takes JSON Lines with a 'text')") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError(path, f"line {n}: no 'text' (--exclude takes JSON Lines with a 'text')")
        out.append(obj["text"])
    return out
