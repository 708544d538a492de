"""spaCy-style JSON Lines (as Prodigy writes): ``text`` and ``spans``, one document per line.

``{"doc_id", "text", "spans": [{"start", "end", "text", "label", "kb_id", "en", "value", …}], "votes": [...],
"doc_date", "meta"}``: ``kb_id`` is the glossary id (spaCy's ``Span.kb_id_``); the other attributes of a
mention sit beside it; the vote records are the side field ``votes``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..io import json_line
from .records import RecordError, jsonl_objects

_SIDE = ("doc_date", "meta", "votes")


def write(records: Iterable[dict[str, Any]]) -> str:
    lines = []
    for r in records:
        spans = [{**{k: v for k, v in e.items() if k != "id"}, "kb_id": e.get("id")} for e in r["entities"]]
        lines.append(json_line({"doc_id": r["id"], "text": r["text"], "spans": spans, **{k: r.get(k) for k in _SIDE}}))
    return "".join(lines)


def read(text: str) -> list[dict[str, Any]]:
    out = []
    for n, obj in jsonl_objects(text):
        if not isinstance(obj, dict) or not isinstance(obj.get("spans", []), list):
            raise RecordError(f"line {n}: not an object with a 'spans' list")
        spans = [{**s, "id": s.get("kb_id")} if isinstance(s, dict) else s for s in obj.get("spans") or []]
        doc_id = obj.get("doc_id") or (obj.get("meta") or {}).get("doc_id") or f"line-{n}"
        out.append({"id": doc_id, "text": obj.get("text"), "entities": spans, **{k: obj.get(k) for k in _SIDE}})
    return out
