"""Near misses: the glossary entries whose forms look most like a mention that none of them matches.

The score compares :func:`~jpnlp.glossary.match_key` forms with difflib's ratio, in two ways a
reader would: an instrument name is compared without its head word (条約, 協定, 議定書 …), and
sharing the head adds a little (``フー条約`` and ``バー条約`` share only the head, which says
little); a person's name scores high when the surnames (the last part of a full name) agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches

from . import Entry, Glossary, match_key

# Head words of instrument names, longest first (a name ends in one of them).
_HEAD = re.compile(r"(議定書|協定|条約|宣言|合意|声明|文書|覚書|規約|憲章|取極|協約|枠組み|法)$")
_NAME_PARTS = re.compile(r"[・･=＝\s.]")
THRESHOLD = 0.6
_HEAD_WEIGHT = 0.2
_SURNAME_SCORE = 0.9  # same surname, other given name (or none): very likely the same person or a relative


@dataclass(frozen=True)
class Near:
    entry: Entry
    form: str  # the entry's form that came closest
    score: float


def similarity(mention: str, form: str, label: str | None = None) -> float:
    """How alike two names are, 0..1 (1: the same :func:`match_key`)."""
    a, b = match_key(mention), match_key(form)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if label == "LEADER":
        return _person(mention, form, a, b)
    ha, hb = _HEAD.search(a), _HEAD.search(b)
    if ha and hb:
        stem_a, stem_b = a[: ha.start()], b[: hb.start()]
        same = ha.group() == hb.group()
        return (1 - _HEAD_WEIGHT) * _ratio(stem_a, stem_b) + _HEAD_WEIGHT * same
    return _ratio(a, b)


def _person(mention: str, form: str, a: str, b: str) -> float:
    last_a, last_b = _surname(mention), _surname(form)
    if last_a and last_a == last_b and len(last_a) > 1:
        return max(_SURNAME_SCORE, _ratio(a, b))
    return _ratio(a, b)


def _surname(name: str) -> str:
    parts = [p for p in _NAME_PARTS.split(name) if p]
    return match_key(parts[-1]) if parts else ""


def _ratio(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    m = SequenceMatcher(None, a, b, autojunk=False)
    return m.ratio() if m.real_quick_ratio() >= THRESHOLD * 0.8 else 0.0


def near_entries(
    glossary: Glossary, mention: str, label: str | None = None, n: int = 2, threshold: float = THRESHOLD
) -> list[Near]:
    """The ``n`` entries (of ``label``) with a form most like ``mention``, each scoring at least ``threshold``."""
    best: dict[str, Near] = {}
    for e in glossary:
        if label is not None and e.label != label:
            continue
        for form in e.forms:
            s = similarity(mention, form, e.label)
            if s >= threshold and (e.id not in best or s > best[e.id].score):
                best[e.id] = Near(e, form, s)
    return sorted(best.values(), key=lambda x: (-x.score, x.entry.id))[:n]


def near_ids(glossary: Glossary, entry_id: str, n: int = 3) -> list[str]:
    """Ids spelled like ``entry_id`` (a typo), then entries that have ``entry_id`` as a form."""
    close = get_close_matches(entry_id, list(glossary.entries), n=n, cutoff=0.6)
    named = [e.id for e in glossary.candidates(entry_id) if e.id not in close]
    return (close + named)[:n]
