"""Vote tallies in Japanese text: the counts themselves.

:func:`find_tallies` reads three forms in normalized text:

``counts``
    labelled counts in any order and with the separators real text uses —
    ``賛成288、反対131、棄権4``, ``賛成14人・反対4人``, ``賛成が52票、反対が47票``,
    ``投票総数450、賛成…``, ``賛成:158\\n反対:3\\n棄権:15``, kanji numerals
    (``賛成二百八十八``), units 票/人/名/カ国/か国/議席, and a bracketed list of who
    voted which way after a count (``反対3(米国、イスラエル、パラオ)``);
``versus``
    ``71対26``, ``51対50``, ``52―47`` — only next to what makes them a vote
    (``の賛成多数``, ``で可決``, ``で否決`` …), so ``3000-3500発`` is no tally;
``consensus``
    ``全会一致``, ``満場一致``, ``賛成多数``, ``反対多数``, ``起立多数`` with no
    numbers: counts unknown, the outcome known.

Who voted, on what, when and with what result is resolved by
:mod:`jpnlp.votes`, which knows the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import kanji_to_int

_NUM = r"(?:[0-9]{1,4}|[〇一二三四五六七八九十百千]{1,7})"
_UNIT = r"(?:票|人|名|カ国|か国|ヵ国|ヶ国|ケ国|箇国|国|議席)"
FOR, AGAINST, ABSTAIN = ("賛成",), ("反対",), ("棄権",)
OTHER = ("欠席", "不参加", "不投票", "投票せず", "白票", "無効", "投票不参加")
TOTAL = ("投票総数", "総投票数", "投票数", "総数")
_LABEL = "|".join(sorted((*FOR, *AGAINST, *ABSTAIN, *OTHER, *TOTAL), key=len, reverse=True))
_ITEM = (
    rf"(?:{_LABEL})[ \t]*(?:が|は|で|[:：=])?[ \t]*{_NUM}[ \t]*{_UNIT}?"
    r"(?:[ \t]*\([^()\n]{1,200}\))?"  # who voted that way
)
_SEP = r"[ \t]*(?:[、・,，;；/]|\n+)?[ \t]*"
COUNTS_RE = re.compile(rf"{_ITEM}(?:{_SEP}{_ITEM})*")
_ITEM_RE = re.compile(rf"(?P<label>{_LABEL})[ \t]*(?:が|は|で|[:：=])?[ \t]*(?P<num>{_NUM})")
# What makes "X対Y" a vote: a majority phrase right after it, or an outcome shortly after で.
_VS_CUE = r"(?:の(?:賛成|反対)多数|の(?:大差|僅差|小差)|票差|で[^。、\n]{0,12}?(?:可決|否決|承認|採択|成立|通過|批准))"
VERSUS_RE = re.compile(
    rf"(?<![0-9.])(?P<a>{_NUM})[ \t]*票?[ \t]*(?:対|[-―—–‐]|[:：])[ \t]*(?P<b>{_NUM})[ \t]*票?(?=[ \t]*{_VS_CUE})"
)
CONSENSUS = {
    "全会一致": "passed", "満場一致": "passed", "賛成多数": "passed", "起立多数": "passed",
    "挙手多数": "passed", "反対多数": "rejected", "賛成少数": "rejected",
}  # fmt: skip
CONSENSUS_RE = re.compile("|".join(CONSENSUS))


@dataclass(frozen=True)
class TallyMatch:
    """A tally's span and counts (None where the text gives none)."""

    start: int
    end: int
    text: str
    kind: str  # counts | versus | consensus
    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    other: int | None = None
    total: int | None = None
    implied: str | None = None  # outcome the phrase itself states (賛成多数 → passed)


def _num(s: str) -> int:
    return kanji_to_int(s)


def find_tallies(text: str) -> list[TallyMatch]:
    """Every tally of ``text`` in order."""
    found: list[TallyMatch] = []
    for m in COUNTS_RE.finditer(text):
        counts: dict[str, int] = {}
        other = 0
        has_other = False
        for item in _ITEM_RE.finditer(m.group()):
            label, n = item.group("label"), _num(item.group("num"))
            if label in FOR:
                counts.setdefault("for", n)
            elif label in AGAINST:
                counts.setdefault("against", n)
            elif label in ABSTAIN:
                counts.setdefault("abstain", n)
            elif label in TOTAL:
                counts.setdefault("total", n)
            else:
                other += n
                has_other = True
        if "for" not in counts and "against" not in counts:
            continue
        items = len(_ITEM_RE.findall(m.group()))
        after = text[m.end() : m.end() + 6]
        if items < 2 and not re.match(r"[ \t]*(?:で|により)(?:可決|否決|承認|採択|成立|通過|批准)", after):
            continue  # a lone 賛成100 is not a tally unless an outcome follows it
        found.append(
            TallyMatch(
                m.start(), m.end(), m.group(), "counts",
                counts.get("for"), counts.get("against"), counts.get("abstain"),
                other if has_other else None, counts.get("total"),
            )
        )  # fmt: skip
    for m in VERSUS_RE.finditer(text):
        if any(t.start <= m.start() < t.end for t in found):
            continue
        end = m.end()
        implied = None
        gap = re.match(r"[ \t]*の", text[end:])
        tail = CONSENSUS_RE.match(text, end + gap.end()) if gap else None
        if tail:
            implied = CONSENSUS[tail.group()]  # 71対26の賛成多数: the span stays the numbers
        found.append(
            TallyMatch(m.start(), end, m.group(), "versus", _num(m.group("a")), _num(m.group("b")), implied=implied)
        )
    for m in CONSENSUS_RE.finditer(text):
        if any(t.start <= m.start() < t.end + 3 for t in found):
            continue  # the 賛成多数 of 71対26の賛成多数
        found.append(TallyMatch(m.start(), m.end(), m.group(), "consensus", implied=CONSENSUS[m.group()]))
    return sorted(found, key=lambda t: t.start)
