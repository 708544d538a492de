"""Reading corrected files as gold: one file of any review format, or a folder of them.

``jpnlp import`` reads one file of a named format; ``jpnlp build --gold`` reads a file or every
``*.json``/``*.jsonl`` file of a folder, each of the format :func:`~jpnlp.review.detect.detect` finds.
Every span is checked against its text first, so a bad file stops the run before any work.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import InputError, printable
from .detect import detect, read_records


def read_text(path: str | os.PathLike[str]) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(path, f"cannot read ({getattr(e, 'strerror', None) or e})") from None


def read_file(path: str | os.PathLike[str], fmt: str | None = None) -> list[dict[str, Any]]:
    """The checked records of a corrected file (``fmt``: one of :data:`jpnlp.review.FORMATS`; ``None``: detect)."""
    text = read_text(path)
    kind = fmt or detect(text, str(path))
    if kind in ("text", "extract"):
        raise InputError(path, f"{'a text' if kind == 'text' else 'jpnlp extract records'}, not a corrected file "
                               "(import it first: jpnlp import FORMAT FILE)")  # fmt: skip
    return read_records(kind, text, printable(str(path)))


def read_gold(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """Corrected documents by id, from a file or a folder of files; an id given twice is an error."""
    p = Path(path)
    files = sorted(f for f in p.iterdir() if f.suffix in (".json", ".jsonl")) if p.is_dir() else [p]
    if not files:
        raise InputError(p, "no .json or .jsonl files of corrections in the folder")
    gold: dict[str, dict[str, Any]] = {}
    for f in files:
        for r in read_file(f):
            if r["id"] in gold:
                raise InputError(f, f"document {r['id']!r} is corrected twice")
            gold[r["id"]] = r
    return gold
