"""Real-text gold passages: reading and checking the passages format.

One JSON object per line, the format of the shared development set::

    {"id": "real-news-001", "source_url": "https://…", "source_kind": "news", "text": "…",
     "entities": [{"text": "新START", "label": "TREATY", "start": 69, "end": 75, "en": "New START",
                   "value": null, "alt": ["…"], "alt_en": ["…"]}],
     "votes": [{"for": 14, "against": 4, "abstain": null, "result": "passed", "body": "US Senate",
                "date": "2010-09-16", "subject": "New START ratification", "text": "賛成14人、反対4人"}]}

``start``/``end`` are code-point offsets into ``text`` (the raw passage, before any normalization);
``alt`` lists accepted alternative spans, ``alt_en`` accepted English variants.  Every problem is
reported as one :class:`~jpnlp.errors.InputError` naming the file, the line and the field.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .errors import InputError

PASSAGE_LABELS = ("TREATY", "LEADER", "DATE", "VOTE")


@dataclass(frozen=True)
class GoldEntity:
    start: int
    end: int
    text: str
    label: str
    en: str | None = None
    value: str | None = None
    alt: tuple[str, ...] = ()
    alt_en: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldVote:
    for_: int | None
    against: int | None
    abstain: int | None
    result: str | None
    body: str | None
    date: str | None
    subject: str | None
    text: str


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    entities: tuple[GoldEntity, ...]
    votes: tuple[GoldVote, ...]
    source_url: str | None = None
    source_kind: str | None = None

    @property
    def kind(self) -> str:
        """The kind of source (``news``, ``diet``, …); the site's host when the file does not say."""
        if self.source_kind:
            return self.source_kind
        host = urlparse(self.source_url or "").hostname or ""
        return host.removeprefix("www.") or "unknown"


def _opt_str(obj: dict[str, Any], name: str) -> str | None:
    v = obj.get(name)
    if v is not None and not isinstance(v, str):
        raise ValueError(f"{name!r} must be a string or null")
    return v


def _opt_int(obj: dict[str, Any], name: str) -> int | None:
    v = obj.get(name)
    if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 0):
        raise ValueError(f"{name!r} must be a non-negative integer or null")
    return v


def _str_list(obj: dict[str, Any], name: str) -> tuple[str, ...]:
    v = obj.get(name) or []
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ValueError(f"{name!r} must be a list of strings")
    return tuple(v)


def _entity(obj: Any, text: str) -> GoldEntity:
    if not isinstance(obj, dict):
        raise ValueError("an entity must be an object")
    label, surface = obj.get("label"), obj.get("text")
    if label not in PASSAGE_LABELS:
        raise ValueError(f"unknown label {label!r} (expected one of {', '.join(PASSAGE_LABELS)})")
    start, end = _opt_int(obj, "start"), _opt_int(obj, "end")
    if start is None or end is None or not isinstance(surface, str):
        raise ValueError("an entity needs 'text', 'start' and 'end'")
    if text[start:end] != surface:
        raise ValueError(f"entity {surface!r} at {start}-{end} does not match the text there ({text[start:end]!r})")
    return GoldEntity(start, end, surface, label, _opt_str(obj, "en"), _opt_str(obj, "value"),
                      _str_list(obj, "alt"), _str_list(obj, "alt_en"))  # fmt: skip


def _vote(obj: Any) -> GoldVote:
    if not isinstance(obj, dict):
        raise ValueError("a vote must be an object")
    return GoldVote(_opt_int(obj, "for"), _opt_int(obj, "against"), _opt_int(obj, "abstain"),
                    _opt_str(obj, "result"), _opt_str(obj, "body"), _opt_str(obj, "date"),
                    _opt_str(obj, "subject"), _opt_str(obj, "text") or "")  # fmt: skip


def parse_passage(obj: Any) -> Passage:
    """One record of the format; ``ValueError`` names the field that is wrong."""
    if not isinstance(obj, dict):
        raise ValueError("a passage must be a JSON object")
    pid, text = obj.get("id"), obj.get("text")
    if not isinstance(pid, str) or not pid or not isinstance(text, str):
        raise ValueError("a passage needs a string 'id' and 'text'")
    entities, votes = obj.get("entities") or [], obj.get("votes") or []
    if not isinstance(entities, list) or not isinstance(votes, list):
        raise ValueError("'entities' and 'votes' must be lists")
    return Passage(pid, text, tuple(_entity(e, text) for e in entities), tuple(_vote(v) for v in votes),
                   _opt_str(obj, "source_url"), _opt_str(obj, "source_kind"))  # fmt: skip


def read_passages(path: str | os.PathLike[str]) -> list[Passage]:
    """Every passage of a JSON Lines file, checked; duplicate ids are an error."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the passages file ({exc.__class__.__name__}: {exc})") from None
    out: list[Passage] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            passage = parse_passage(json.loads(line))
        except (json.JSONDecodeError, ValueError) as exc:
            raise InputError(path, f"line {n}: {exc}") from None
        if passage.id in seen:
            raise InputError(path, f"line {n}: duplicate passage id {passage.id!r}")
        seen.add(passage.id)
        out.append(passage)
    if not out:
        raise InputError(path, "no passages")
    return out
