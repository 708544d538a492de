"""The passages format (:mod:`jpnlp.passages`) as a review format: it is also the gold file ``import`` writes.

One JSON object per line: ``id``, ``text``, ``entities`` (``start``/``end`` into ``text``, ``text``,
``label``, ``en``, ``id``, ``value``, …) and ``votes`` (``for``, ``against``, ``abstain``, ``result``,
``body``, ``date``, ``subject``, ``text`` and, when known, ``start``/``end``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .records import RecordError, gold_line, jsonl_objects


def write(records: Iterable[dict[str, Any]]) -> str:
    return "".join(gold_line(r) for r in records)


def read(text: str) -> list[dict[str, Any]]:
    out = []
    for n, obj in jsonl_objects(text):
        if not isinstance(obj, dict):
            raise RecordError(f"line {n}: not a JSON object")
        out.append(obj)
    return out
