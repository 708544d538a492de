"""Label Studio tasks: a JSON array, one task per document, jpnlp's mentions as predictions.

A task is ``{"data": {"text", "doc_id", "doc_date", "meta", "votes"}, "predictions": [{"model_version",
"result": [...]}]}``.  Each mention is a ``labels`` region (``from_name`` ``label``, ``to_name`` ``text``,
``value: {start, end, text, labels: [LABEL]}``) and its English name, glossary id and DATE value are
per-region text areas of the same region ``id`` (``from_name`` ``en``, ``kb_id``, ``value``; see
:data:`LABEL_CONFIG`, the labelling interface to paste into the project).  Vote records travel in
``data.votes``, the mentions' other attributes (``en_full``, ``role``, …) in ``data.entity_attrs`` by region id.  On import a task's last ``annotation`` that was not cancelled is read, else its first
prediction.  Offsets that Label Studio counted in UTF-16 units (text beyond the BMP) are converted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .. import __version__
from .records import LABELS, RecordError, loads

TEXT_AREAS = {"en": "en", "kb_id": "id", "value": "value"}  # from_name → entity attribute
LABEL_CONFIG = (
    '<View>\n  <Labels name="label" toName="text">\n'
    + "".join(f'    <Label value="{x}"/>\n' for x in LABELS)
    + '  </Labels>\n  <Text name="text" value="$text"/>\n'
    + "".join(f'  <TextArea name="{n}" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>\n'
              for n in TEXT_AREAS)
    + "</View>\n"
)
_SIDE = ("doc_id", "doc_date", "meta", "votes")


def _regions(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for i, e in enumerate(entities):
        rid, span = f"e{i}", {"start": e["start"], "end": e["end"]}
        base = {"id": rid, "to_name": "text", "origin": "prediction"}
        out.append({**base, "from_name": "label", "type": "labels",
                    "value": {**span, "text": e["text"], "labels": [e["label"]]}})  # fmt: skip
        for name, attr in TEXT_AREAS.items():
            if e.get(attr) is not None:
                out.append({**base, "from_name": name, "type": "textarea", "value": {**span, "text": [str(e[attr])]}})
    return out


def _side_attrs(entities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The attributes no text area shows (``en_full``, ``role``, ``anaphor``, …), by region id."""
    shown = {"start", "end", "text", "label", *TEXT_AREAS.values()}
    return {f"e{i}": {k: v for k, v in e.items() if k not in shown} for i, e in enumerate(entities)}


def write(records: Iterable[dict[str, Any]]) -> str:
    tasks = [
        {"data": {"text": r["text"], "doc_id": r["id"], **{k: r.get(k) for k in _SIDE[1:]},
                  "entity_attrs": _side_attrs(r["entities"])},
         "predictions": [{"model_version": f"jpnlp {__version__}", "result": _regions(r["entities"])}]}
        for r in records
    ]  # fmt: skip
    return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"


def _result(task: dict[str, Any]) -> list[Any]:
    """The regions of a task: its last annotation that was not cancelled, else its first prediction."""
    done = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    source = done[-1] if done else next(iter(task.get("predictions") or []), {})
    result = source.get("result") if isinstance(source, dict) else None
    return result if isinstance(result, list) else []


def _code_points(text: str, start: int, end: int, surface: Any) -> tuple[int, int]:
    """Offsets as code points: as given when they fit, else read as UTF-16 units (Label Studio's count)."""
    if surface is None or text[start:end] == surface or not all(isinstance(x, int) for x in (start, end)):
        return start, end
    units = text.encode("utf-16-le")
    try:
        s, e = len(units[: 2 * start].decode("utf-16-le")), len(units[: 2 * end].decode("utf-16-le"))
    except UnicodeDecodeError:
        return start, end
    return (s, e) if text[s:e] == surface else (start, end)


def _entities(task: dict[str, Any], text: Any, where: str) -> list[dict[str, Any]]:
    spans: dict[str, dict[str, Any]] = {}
    side = task["data"].get("entity_attrs")
    attrs: dict[str, dict[str, Any]] = {k: {**v} for k, v in side.items() if isinstance(v, dict)} if isinstance(side, dict) else {}
    for r in _result(task):
        value = r.get("value") if isinstance(r, dict) else None
        if not isinstance(value, dict):
            raise RecordError(f"{where}: a result without a 'value' object")
        rid = str(r.get("id"))
        if r.get("type") == "labels":
            labels = value.get("labels") or [None]
            surface, start, end = value.get("text"), value.get("start"), value.get("end")
            if isinstance(text, str):
                start, end = _code_points(text, start, end, surface)
            spans[rid] = {"start": start, "end": end, "text": surface, "label": labels[0]}
        elif r.get("type") == "textarea" and r.get("from_name") in TEXT_AREAS:
            lines = value.get("text") or []
            joined = "\n".join(str(x) for x in lines) if isinstance(lines, list) else str(lines)
            attrs.setdefault(rid, {})[TEXT_AREAS[r["from_name"]]] = joined.strip() or None
    return [{**spans[k], **attrs.get(k, {})} for k in spans]


def read(text: str) -> list[dict[str, Any]]:
    tasks = loads(text, "the file")
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise RecordError("not a list of Label Studio tasks")
    out = []
    for n, task in enumerate(tasks, 1):
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict):
            raise RecordError(f"task {n}: no 'data' object")
        doc_id = data.get("doc_id") or (str(task["id"]) if task.get("id") is not None else f"task-{n}")
        body = data.get("text")
        out.append({"id": doc_id, "text": body, "entities": _entities(task, body, f"task {n} (document {doc_id!r})"),
                    **{k: data.get(k) for k in _SIDE[1:]}})  # fmt: skip
    return out
