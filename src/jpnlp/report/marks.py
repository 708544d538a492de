"""Highlighted text: entity marks with their label, English name or DATE value beside them, all escaped.

A mark is drawn as ``<mark>`` with ``data-*`` attributes the page script filters on (label, English-name
source, unaligned, disagreement); the gloss (English name, DATE value) is a visible ``<span class="gloss">``,
not only a tooltip, so it shows in print and on touch screens.  Every string passes through :func:`esc`,
text and attribute values alike.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

COLOURS = {"TREATY": "#7aecec", "LEADER": "#aa9cfc", "DATE": "#bfe1d9", "VOTE": "#feca74"}
NAMED = ("TREATY", "LEADER")  # labels that should carry a glossary id and an English name

# Disagreement kinds of the gold comparison: css class → what the legend says.
DISAGREEMENTS = {
    "missed": "missed (gold only)",
    "spurious": "spurious (silver only)",
    "wrong": "wrong label",
    "wrong-en": "wrong English name",
    "wrong-value": "wrong DATE value",
}


def esc(s: Any) -> str:
    """HTML-escaped text, quotes included, so it is safe in text and in attribute values."""
    return html.escape("" if s is None else str(s), quote=True)


def gloss(ent: Any) -> str:
    """What to show beside a mark: the English name of a TREATY/LEADER, the value of a DATE."""
    g = _get(ent, "en") if _get(ent, "label") in NAMED else _get(ent, "value")
    return str(g) if g else ""


def title(ent: Any) -> str:
    """The tooltip: label, English name, id, value, role, English-name source and confidence."""
    parts = [_get(ent, "label"), _get(ent, "en"), _get(ent, "id")]
    if _get(ent, "value"):
        parts.append(f"value {_get(ent, 'value')}")
    if _get(ent, "role"):
        parts.append(f"role {_get(ent, 'role')}")
    if _get(ent, "en_source"):
        conf = _get(ent, "en_conf")
        parts.append(f"from {_get(ent, 'en_source')}" + (f" ({conf:.2f})" if isinstance(conf, (int, float)) else ""))
    return " · ".join(str(p) for p in parts if p)


def unaligned(ent: Any) -> bool:
    """A TREATY/LEADER mention with no glossary id (and not an anaphor): the glossary's to-do list."""
    return _get(ent, "label") in NAMED and not _get(ent, "id") and not _get(ent, "anaphor")


def _get(ent: Any, key: str) -> Any:
    return ent.get(key) if isinstance(ent, dict) else getattr(ent, key, None)


@dataclass
class Mark:
    """One highlighted span, offsets relative to the text it is drawn in."""

    start: int
    end: int
    label: str
    title: str = ""
    gloss: str = ""
    css: str = ""
    id: str = ""  # the mark's own anchor, so tables can link to it
    href: str = ""  # where a click on it goes (its entity group, its vote row)
    source: str = ""  # the English name's source (glossary, text, …)
    unaligned: bool = False
    disagree: bool = False


def from_entity(ent: Any, start: int, end: int, **kw: Any) -> Mark:
    """The mark of an entity (a :class:`jpnlp.document.Entity` or its dict form)."""
    return Mark(
        start, end, _get(ent, "label"), kw.pop("title", None) or title(ent), gloss(ent),
        source=_get(ent, "en_source") or "", unaligned=unaligned(ent), **kw,
    )  # fmt: skip


def _open(m: Mark) -> str:
    css = " ".join(c for c in ("ent", f"ent-{m.label}", m.css, "unaligned" if m.unaligned else "") if c)
    attrs = [f'class="{esc(css)}"', f'data-label="{esc(m.label)}"', f'data-src="{esc(m.source or "none")}"']
    if m.id:
        attrs.append(f'id="{esc(m.id)}"')
    if m.unaligned:
        attrs.append('data-un="1"')
    if m.disagree:
        attrs.append('data-dis="1"')
    if m.title:
        attrs.append(f'title="{esc(m.title)}"')
    return "<mark " + " ".join(attrs) + ">"


def highlight(text: str, marks: Sequence[Mark]) -> str:
    """``text`` with its marks drawn; overlapping marks cannot be drawn, so the first wins."""
    out, pos = [], 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos:
            continue
        out.append(esc(text[pos : m.start]))
        inner = esc(text[m.start : m.end]) + f'<span class="lbl">{esc(m.label)}</span>'
        if m.gloss:
            inner += f'<span class="gloss">{esc(m.gloss)}</span>'
        if m.href:
            inner = f'<a href="#{esc(m.href)}">{inner}</a>'
        out.append(f"{_open(m)}{inner}</mark>")
        pos = m.end
    out.append(esc(text[pos:]))
    return "".join(out)


def legend(disagreements: bool = False) -> str:
    """The colour key: labels, unaligned mentions and, for the gold comparison, the kinds of disagreement."""
    spans = [f'<span class="ent ent-{k}">{k}</span>' for k in COLOURS]
    spans.append('<span class="ent unaligned">not in the glossary</span>')
    if disagreements:
        spans += [f'<span class="ent {k}">{esc(v)}</span>' for k, v in DISAGREEMENTS.items()]
    return '<p class="legend">' + "".join(spans) + "</p>"
