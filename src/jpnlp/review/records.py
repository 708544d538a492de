"""The review record: a document's text with its entities and votes, what every review format reads into.

It is the real-text passages format (:mod:`jpnlp.passages`) with the attributes of the ``extract``
record: ``{"id", "text", "doc_date", "meta", "entities": [...], "votes": [...]}``.  An entity has
``start``/``end`` (code points into ``text``), ``text``, ``label`` and :data:`ENTITY_ATTRS`; a vote
has :data:`VOTE_KEYS`, ``start``/``end`` included when known.  :func:`check` tests a record read
from a corrected file and reports the first problem as one :class:`~jpnlp.errors.InputError`
naming the file, the document and the span.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from ..document import Document, Entity
from ..io import json_line
from ..passages import PASSAGE_LABELS as LABELS

# every attribute of a mention besides its span and label: en, en_full, id, value, role, anaphor, …
ENTITY_ATTRS = tuple(f.name for f in fields(Entity) if f.name not in ("start", "end", "text", "label")
                     and not f.name.startswith("raw_"))  # fmt: skip

EDITABLE = ("en", "id", "value")  # what a reviewer corrects besides the span and label
VOTE_KEYS = (
    "for", "against", "abstain", "other", "total", "result", "body", "body_ja", "date",
    "subject", "subject_ja", "subject_en", "text", "start", "end", "notes",
)  # fmt: skip
_VOTE_INTS = ("for", "against", "abstain", "other", "total")
_PASSTHROUGH = ("doc_date", "meta", "source_url", "source_kind")


class RecordError(ValueError):
    """A problem in one record; the reader adds the file."""


def from_document(doc: Document) -> dict[str, Any]:
    """The review record of a processed (or loaded) document."""
    entities = [{"start": e.start, "end": e.end, "text": e.text, "label": e.label,
                 **{k: getattr(e, k) for k in ENTITY_ATTRS}} for e in doc.entities]  # fmt: skip
    votes = []
    for t in doc.votes:
        v = t.to_dict()
        votes.append({k: v.get(k) for k in VOTE_KEYS} | {"subject": t.subject_en or t.subject_ja})
    return {"id": doc.doc_id, "text": doc.text, "doc_date": doc.doc_date, "meta": doc.meta,
            "entities": entities, "votes": votes}  # fmt: skip


def to_document(record: dict[str, Any]) -> Document:
    """A :class:`~jpnlp.document.Document` of a checked record (for ``jpnlp report``)."""
    return Document.from_dict({**record, "doc_id": record["id"]})


def gold_line(record: dict[str, Any]) -> str:
    """One line of the gold file (the passages format)."""
    return json_line(record)


def jsonl_objects(text: str) -> Iterator[tuple[int, Any]]:
    """``(line number, object)`` of every non-blank line; :class:`RecordError` at the first line that is not JSON."""
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield n, loads(line, f"line {n}")


def loads(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise RecordError(f"{where}: not valid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None


def check(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its entities sorted and every field checked; :class:`RecordError` names the document
    and the span of the first problem."""
    doc_id, text = record.get("id"), record.get("text")
    if not isinstance(doc_id, str) or not doc_id or not isinstance(text, str):
        raise RecordError(f"document {doc_id!r}: needs a text id and a 'text'")
    entities = [_entity(e, text, f"document {doc_id!r}") for e in _list(record, "entities", doc_id)]
    votes = [_vote(v, text, f"document {doc_id!r}") for v in _list(record, "votes", doc_id)]
    out = {"id": doc_id, "text": text, **{k: record[k] for k in _PASSTHROUGH if record.get(k) is not None}}
    return {**out, "entities": sorted(entities, key=lambda e: (e["start"], e["end"])), "votes": votes}


def _list(record: dict[str, Any], name: str, doc_id: str) -> list[Any]:
    v = record.get(name) or []
    if not isinstance(v, list):
        raise RecordError(f"document {doc_id!r}: {name!r} must be a list")
    return v


def _span(obj: dict[str, Any], text: str, where: str, what: str) -> tuple[int, int]:
    start, end = obj.get("start"), obj.get("end")
    shown = f"{what} {start}-{end}" + (f" {obj['text']!r}" if obj.get("text") is not None else "")
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise RecordError(f"{where}: {shown}: 'start' and 'end' must be integers")
    if not 0 <= start < end <= len(text):
        raise RecordError(f"{where}: {shown}: offsets outside the text (0-{len(text)})")
    if obj.get("text") is not None and text[start:end] != obj["text"]:
        raise RecordError(f"{where}: {shown}: the text there is {text[start:end]!r}")
    return start, end


def _entity(obj: Any, text: str, where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise RecordError(f"{where}: an entity must be an object")
    start, end = _span(obj, text, where, "span")
    label = obj.get("label")
    if label not in LABELS:
        raise RecordError(f"{where}: span {start}-{end} {text[start:end]!r}: unknown label {label!r} "
                          f"(expected one of {', '.join(LABELS)})")  # fmt: skip
    out = {"start": start, "end": end, "text": text[start:end], "label": label}
    for k in ENTITY_ATTRS:
        v = obj.get(k)
        if k == "anaphor":
            v = bool(v)
        elif k == "en_conf":
            v = v if isinstance(v, (int, float)) and not isinstance(v, bool) else None
        elif v is not None and not isinstance(v, str):
            raise RecordError(f"{where}: span {start}-{end} {text[start:end]!r}: {k!r} must be text or null")
        out[k] = v if v != "" else None
    for k in ("alt", "alt_en"):  # the passages format's accepted variants
        if obj.get(k):
            out[k] = obj[k]
    return out


def _vote(obj: Any, text: str, where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise RecordError(f"{where}: a vote must be an object")
    out = {k: obj.get(k) for k in VOTE_KEYS}
    shown = f"vote {obj.get('text')!r}"
    for k in _VOTE_INTS:
        v = out[k]
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
            raise RecordError(f"{where}: {shown}: {k!r} must be a non-negative integer or null")
    for k in VOTE_KEYS:
        if k not in _VOTE_INTS and k not in ("start", "end", "notes") and out[k] is not None and not isinstance(out[k], str):
            raise RecordError(f"{where}: {shown}: {k!r} must be text or null")
    if out["start"] is not None or out["end"] is not None:
        out["start"], out["end"] = _span(obj, text, where, "vote")
        out["text"] = text[out["start"] : out["end"]]
    out["notes"] = [str(x) for x in out["notes"]] if isinstance(out["notes"], list) else []
    out["text"] = out["text"] or ""
    return out
