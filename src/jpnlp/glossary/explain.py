"""``jpnlp glossary show`` and ``lookup``: what an entry holds after merging, and why a text aligns to it.

:func:`show` writes an entry as YAML (a user can paste it into a ``--glossary`` file) with the
source files that made it.  :func:`explain` says which entry a text aligns to the way the linker
aligns it (:func:`jpnlp.link.link_treaty` for treaties, :meth:`Glossary.lookup` for leaders) and
by which route: a form as listed, the text without its brackets, the bracketed abbreviation, a
composed name, a leader's surname.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import printable
from ..link import COMPOSE, link_treaty
from . import LABELS, Entry, Glossary, match_key
from .near import near_entries, near_ids

_BRACKET = re.compile(r"\(([^()]*)\)")
_NAME_PARTS = re.compile(r"[・=.]")  # as the linker splits a full name to find its surname


def entry_dict(e: Entry) -> dict[str, Any]:
    """Every field of an entry that has a value, in the order of ``glossary.yaml``."""
    d: dict[str, Any] = {"id": e.id, "label": e.label, "en": e.en, "en_full": e.en_full, "ja": list(e.ja),
                         "abbr": list(e.abbr), "ambiguous_forms": list(e.ambiguous_forms), "country": e.country}  # fmt: skip
    d["offices"] = [{"title_en": o.title_en, "title_ja": o.title_ja, "from": o.start, "to": o.end} for o in e.offices]
    d.update(e.extra)
    d["wikidata"] = e.wikidata
    d["note"] = e.note
    return {k: v for k, v in d.items() if v not in (None, [])}


def show(glossary: Glossary, entry_id: str) -> str:
    """The merged entry as YAML, after a comment naming the files it comes from."""
    e = glossary.entries[entry_id]
    origin = ", ".join(glossary.origins.get(entry_id, [])) or "(given in code)"
    body = yaml.safe_dump(entry_dict(e), allow_unicode=True, sort_keys=False, width=120)
    return f"# {entry_id}: from {origin}\n{body}"


def unknown_id(glossary: Glossary, entry_id: str) -> str:
    """One line for an id the glossary lacks, with the ids it may have meant."""
    near = near_ids(glossary, entry_id)
    return f"no entry {entry_id!r}" + (f"; near: {', '.join(near)}" if near else "")


def lookup_lines(text: str, glossary: Glossary, label: str | None = None) -> tuple[list[str], bool]:
    """What ``jpnlp glossary lookup`` prints, and whether ``text`` aligns: the entry and the route, or
    ``no entry`` and the nearest entries."""
    m = explain(text, glossary, label)
    if m is None:
        near = [f"  near: {n.entry.id} — {n.form} ({n.score:.2f})" for n in near_entries(glossary, text, label, n=3)]
        return [printable(line) for line in [f"{text}: no entry", *near]], False
    target = m.entry.id if m.entry else "a composed name, no entry of its own" if m.en else "several entries"
    en = f" {m.en!r}" if m.en else ""
    return [printable(f"{text} → {target}{en} ({m.label}): {m.how}")], True


@dataclass(frozen=True)
class Match:
    """How a text aligns: to ``entry`` (None for a composed name with no entry of its own)."""

    label: str
    entry: Entry | None
    en: str | None
    how: str


def explain(text: str, glossary: Glossary, label: str | None = None) -> Match | None:
    """The entry ``text`` aligns to as a ``label`` mention (any label when None), and how; None if none."""
    for lab in [label] if label else LABELS:
        found = _treaty(text, glossary) if lab == "TREATY" else _leader(text, glossary) if lab == "LEADER" else None
        if found is None and lab not in ("TREATY", "LEADER"):
            e = glossary.lookup(text, lab)
            found = Match(lab, e, e.en, _which_form(text, e)) if e else None
        if found is not None:
            return found
    return None


def _which_form(text: str, e: Entry) -> str:
    """Which of an entry's fields ``text`` equals (after match_key)."""
    k = match_key(text)
    for name, forms in (("Japanese form", e.ja), ("abbreviation", e.abbr)):
        same = [f for f in forms if match_key(f) == k]
        if same:
            return f"{name} {same[0]!r}" + ("" if same[0] == text else " (after width/spacing/case folding)")
    if match_key(e.en) == k:
        return "its English name"
    return "its official English title"


def _treaty(text: str, glossary: Glossary) -> Match | None:
    link = link_treaty(text, glossary)
    if link is None:
        return None
    entry = glossary.get(link.id) if link.id else None
    return Match("TREATY", entry, link.en, _treaty_route(text, glossary, link.id) or "composed name")


def _treaty_route(text: str, glossary: Glossary, entry_id: str) -> str | None:
    """The route :func:`link_treaty` took (mirrors its order: whole, without brackets, bracket, without この)."""
    plain = _BRACKET.sub("", text)
    routes = [(text, "the whole text")]
    if plain != text:
        routes.append((plain, "the text without its bracketed part"))
        routes += [(m.group(1), "the abbreviation in brackets") for m in _BRACKET.finditer(text)]
    routes += [(v.replace("この", "", 1), f"{how} without この") for v, how in list(routes) if "この" in v[1:]]
    for variant, how in routes:
        e = glossary.lookup(variant, "TREATY")
        if e is not None:
            return f"{how}: {_which_form(variant, e)}"
    for suffix, _ in COMPOSE:
        if plain.endswith(suffix) and len(plain) > len(suffix):
            base = link_treaty(plain[: -len(suffix)], glossary)
            if base is not None and base.en:
                named = f"; the glossary lists {base.en!r} + {suffix} as {entry_id}" if entry_id else ""
                return f"composed: {plain[: -len(suffix)]!r} ({base.id or base.en}) + {suffix}{named}"
    return None


def _leader(text: str, glossary: Glossary) -> Match | None:
    e = glossary.lookup(text, "LEADER")
    if e is not None:
        return Match("LEADER", e, e.en, _which_form(text, e))
    found = glossary.candidates(text, "LEADER")
    if len(found) > 1:
        ids = ", ".join(x.id for x in found)
        return Match("LEADER", None, None, f"ambiguous between {ids}: the title or the year in the text decides")
    surname = _NAME_PARTS.split(text)[-1]
    e = glossary.lookup(surname, "LEADER") if surname != text else None
    if e is not None:
        return Match("LEADER", e, e.en, f"the surname {surname!r} of the full name: {_which_form(surname, e)}")
    return None
