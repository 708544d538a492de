"""doccano sequence-labelling JSON Lines: ``text`` and ``label`` as ``[[start, end, label], ...]``.

Attributes of a mention cannot sit in doccano's label, so they go in the side field ``entity_attrs``:
``[{"start", "end", "text", "en", "id", "value", …}]``, joined to the label of the same ``start``/``end`` on import
(an attribute whose span no longer has a label is dropped: move both when moving a span).  Vote records are
the side field ``votes``.  doccano keeps such fields as metadata and exports them again.  The newer
``entities: [{"start_offset", "end_offset", "label"}]`` export is read too.
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
        labels = [[e["start"], e["end"], e["label"]] for e in r["entities"]]
        attrs = [{k: v for k, v in e.items() if k != "label"} for e in r["entities"]]
        lines.append(json_line({"doc_id": r["id"], "text": r["text"], "label": labels, "entity_attrs": attrs,
                                **{k: r.get(k) for k in _SIDE}}))  # fmt: skip
    return "".join(lines)


def _spans(obj: dict[str, Any], n: int) -> list[tuple[Any, Any, Any]]:
    if "entities" in obj and "label" not in obj:
        ents = obj["entities"]
        if not isinstance(ents, list) or not all(isinstance(e, dict) for e in ents):
            raise RecordError(f"line {n}: 'entities' must be a list of objects")
        return [(e.get("start_offset"), e.get("end_offset"), e.get("label")) for e in ents]
    labels = obj.get("label") or []
    if not isinstance(labels, list) or not all(isinstance(x, list) and len(x) == 3 for x in labels):
        raise RecordError(f"line {n}: 'label' must be a list of [start, end, label]")
    return [tuple(x) for x in labels]  # type: ignore[misc]


def read(text: str) -> list[dict[str, Any]]:
    out = []
    for n, obj in jsonl_objects(text):
        if not isinstance(obj, dict):
            raise RecordError(f"line {n}: not a JSON object")
        attrs = {(a.get("start"), a.get("end")): a for a in obj.get("entity_attrs") or [] if isinstance(a, dict)}
        body = obj.get("text")
        entities = []
        for s, e, label in _spans(obj, n):  # the span's text is checked when its attributes give it
            entities.append({"text": None, **attrs.get((s, e), {}), "start": s, "end": e, "label": label})
        doc_id = obj.get("doc_id") or f"line-{n}"
        out.append({"id": doc_id, "text": body, "entities": entities, **{k: obj.get(k) for k in _SIDE}})
    return out
