"""What a file given to ``jpnlp report`` or ``jpnlp export`` is: text, ``extract`` records or a corrected file.

:func:`detect` looks at the first JSON value of a file that starts like JSON; anything else is text.
A file that starts like JSON and is named ``.json``/``.jsonl`` but is neither kind is one clear error,
never annotated as if it were Japanese.  :func:`documents` turns any of them into documents.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..document import Document
from ..errors import InputError
from ..io import RawDocument
from .records import RecordError, check, jsonl_objects, to_document

KINDS = ("text", "extract", "labelstudio", "doccano", "spacy", "passages")
_JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")


def _kind_of(obj: Any) -> str | None:
    if isinstance(obj, list):
        return "labelstudio" if obj and isinstance(obj[0], dict) and isinstance(obj[0].get("data"), dict) else None
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("data"), dict):
        return "labelstudio"
    if "spans" in obj:
        return "spacy"
    if "label" in obj or "entity_attrs" in obj or (obj.get("entities") and "start_offset" in str(obj["entities"][:1])):
        return "doccano"
    if "doc_id" in obj and "sentences" in obj:
        return "extract"
    if "id" in obj and "text" in obj and "entities" in obj:
        return "passages"
    return None


def _first_value(text: str) -> Any:
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("{"):
        try:
            return json.loads(body.split("\n", 1)[0])  # JSON Lines: the first record
        except json.JSONDecodeError:
            pass
    return json.loads(body)  # one JSON value (Label Studio's array, a pretty-printed task)


def detect(text: str, path: str | None = None) -> str:
    """One of :data:`KINDS`; :class:`~jpnlp.errors.InputError` for a JSON file of no known kind."""
    body = text.lstrip("\ufeff \t\r\n")
    named_json = Path(path or "").suffix.lower() in _JSON_SUFFIXES
    if not body.startswith(("{", "[")):
        if named_json:
            raise InputError(path, "not JSON: neither an extract record nor a corrected file")
        return "text"
    try:
        kind = _kind_of(_first_value(text))
    except json.JSONDecodeError as e:
        if not named_json:
            return "text"
        raise InputError(path, f"not valid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    if kind is None:
        if not named_json and not body.startswith("{\""):
            return "text"
        raise InputError(path, "JSON, but neither a jpnlp extract record nor a corrected file "
                               "(Label Studio, doccano, spaCy JSONL or passages)")  # fmt: skip
    return kind


def read_records(kind: str, text: str, path: str | None) -> list[dict[str, Any]]:
    """The checked review records of a corrected file of format ``kind``; duplicate ids are an error."""
    from . import FORMATS

    try:
        records = [check(r) for r in FORMATS[kind].read(text)]
    except RecordError as e:
        raise InputError(path, str(e)) from None
    seen: set[str] = set()
    for r in records:
        if r["id"] in seen:
            raise InputError(path, f"document {r['id']!r} appears twice")
        seen.add(r["id"])
    if not records:
        raise InputError(path, "no documents")
    return records


def extract_documents(text: str, path: str | None) -> Iterator[Document]:
    """The documents of a ``jpnlp extract`` file."""
    try:
        for n, obj in jsonl_objects(text):
            try:
                yield Document.from_dict(obj)
            except (KeyError, TypeError, ValueError, AttributeError) as e:
                raise RecordError(f"line {n}: not a jpnlp extract record ({type(e).__name__}: {e})") from None
    except RecordError as e:
        raise InputError(path, str(e)) from None


def documents(raw: RawDocument, process: Callable[[RawDocument], Document]) -> Iterator[Document]:
    """The documents of one input: a text run through ``process``, extract records loaded, a corrected file read."""
    kind = detect(raw.text, raw.path)
    if kind == "text":
        yield process(raw)
    elif kind == "extract":
        yield from extract_documents(raw.text, raw.path)
    else:
        yield from (to_document(r) for r in read_records(kind, raw.text, raw.path))
