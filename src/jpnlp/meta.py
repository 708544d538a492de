"""Document metadata: what a user knows about each document (title, date, source, url, licence, language, …).

Metadata comes from a YAML header at the top of a text file (front matter, between ``---`` lines), from the
document's entry in its folder's ``manifest.json``, or from the columns of a ``--from-hf`` dataset; the later
source wins field by field.  Every field is kept; the known ones are checked: ``date`` is ``YYYY-MM-DD``, the
others are strings.  A value of another kind is one :class:`~jpnlp.errors.InputError` naming the file and the
field.  The header is not part of the document's text: layout repair starts after it, and raw offsets still
count from the file's first character.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from typing import Any

import yaml

from .docdate import check_doc_date
from .errors import InputError

KNOWN_FIELDS = ("id", "title", "date", "source", "url", "license", "language")
# a front matter block: '---' on the first line, then YAML, then '---' (or '...') on a line of its own
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
MAX_FRONT_MATTER = 64 * 1024


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as written: :func:`check_meta` checks them with a clear message."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def front_matter(text: str, where: str | os.PathLike[str] | None = None) -> tuple[int, dict[str, Any]]:
    """Where the text starts after a YAML front matter, and the metadata in it (``0, {}`` without one)."""
    m = _FRONT.match(text[: MAX_FRONT_MATTER + 8])
    if not m:
        return 0, {}
    body = m.group(1) or ""
    try:
        # aliases can make a few bytes expand to gigabytes: a header has no use for them
        if any(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(body)):
            raise InputError(where, "front matter: YAML aliases are not allowed")
        data = yaml.load(body, Loader=_Loader) if body.strip() else {}
    except yaml.YAMLError as e:
        raise InputError(where, f"front matter is not valid YAML ({str(e).splitlines()[0]})") from None
    if not isinstance(data, dict):
        return 0, {}  # a '---' rule above ordinary text, not a header
    return m.end(), check_meta(data, where)


def _iso_date(value: Any) -> str | None:
    """A date or ``YYYY-MM-DD`` text as ISO; None for anything else (a dataset column may hold dates)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return check_doc_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check_meta(meta: dict[Any, Any], where: str | os.PathLike[str] | None, what: str = "metadata") -> dict[str, Any]:
    """``meta`` with string keys and JSON values; ``date`` as ISO; InputError naming the bad field."""
    out: dict[str, Any] = {}
    for key, value in meta.items():
        name = str(key)
        if name == "date" and value is not None:
            iso = _iso_date(value)
            if iso is None:
                raise InputError(where, f"{what}: date {value!r} is not YYYY-MM-DD")
            value = iso
        elif name in KNOWN_FIELDS and value is not None and not isinstance(value, str):
            raise InputError(where, f"{what}: {name} must be text, not {type(value).__name__}")
        try:
            json.dumps(value, ensure_ascii=False, default=_no_default)
        except (TypeError, ValueError):
            value = str(value)
        out[name] = value
    return out


def _no_default(o: Any) -> Any:
    raise TypeError(type(o).__name__)


def merge_meta(*layers: dict[str, Any] | None) -> dict[str, Any]:
    """Later layers win field by field; ``None`` values do not erase an earlier value."""
    out: dict[str, Any] = {}
    for layer in layers:
        for k, v in (layer or {}).items():
            if v is not None or k not in out:
                out[k] = v
    return out
