"""DATE expressions in Japanese and English, with TIMEX3-style values.

:func:`find_dates` scans normalized text (ASCII digits; kanji numerals are
read too) left to right and resolves relative expressions against the last
date whose year is known, the way a reader does:

=============================  ====================  =========
text                           value                 mod
=============================  ====================  =========
1993年1月                      1993-01
2000年4月14日                  2000-04-14
2000年夏                       2000-SU
1999年3-6月                    1999-03/1999-06
1990年代半ば                   199X                  MID
平成12年 / 令和元年            2000 / 2019
25 April 2000                  2000-04-25
July-September 1998            1998-07/1998-09
同年9月 (after 1997年3月)      1997-09
4月14日 (after 2000年3月)      2000-04-14
同日 / 同月 / 翌年 / 前年      from the last date
4月14日 (nothing before)       XXXX-04-14
19日 (after 2000年4月)          2000-04-19
今年8月 (nothing before)        XXXX-08
=============================  ====================  =========

An unknown year stays ``XXXX``: the current year is never assumed.  Not
dates: 冷戦期, 3回, 3000-3500発, 第2条, bare numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import read_table

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUM = r"(?:[0-9]{1,4}|[〇零一二三四五六七八九十百千]{1,6})"
_YEAR = r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4}|[一二]千[〇零一二三四五六七八九十百]{0,5})"
_DASH = r"[-~〜～―—–]"
_SEASONS = {"春": "SP", "夏": "SU", "秋": "FA", "冬": "WI"}
_PART_MODS = {
    "初め": "EARLY", "初頭": "EARLY", "前半": "EARLY", "上旬": "EARLY", "はじめ": "EARLY",
    "半ば": "MID", "中頃": "MID", "中旬": "MID", "中盤": "MID",
    "後半": "LATE", "末": "LATE", "終わり": "LATE", "下旬": "LATE", "末期": "LATE",
}  # fmt: skip
_MONTHS_EN = {
    m.lower(): i
    for i, names in enumerate(
        [("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",), ("June", "Jun"),
         ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"), ("October", "Oct"),
         ("November", "Nov"), ("December", "Dec")],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH_EN = r"(?i:" + "|".join(sorted(_MONTHS_EN, key=len, reverse=True)) + r")\.?"


@cache
def eras() -> dict[str, int]:
    """Era name → first Gregorian year, from ``data/eras.tsv``."""
    return {r["era"]: int(r["first_year"]) for r in read_table("eras.tsv")}


def kanji_to_int(s: str) -> int:
    """``"12"``, ``"十二"``, ``"一九九三"``, ``"二〇〇〇"``, ``"二千"`` → int."""
    if s.isdigit() and s.isascii():
        return int(s)
    if all(c in _KANJI_DIGITS for c in s):  # positional: 一九九三
        return int("".join(str(_KANJI_DIGITS[c]) for c in s))
    total = current = 0
    for c in s:
        if c in _KANJI_DIGITS:
            current = _KANJI_DIGITS[c]
        elif c in _KANJI_UNITS:
            total += (current or 1) * _KANJI_UNITS[c]
            current = 0
    return total + current


@dataclass(frozen=True)
class DateMatch:
    """A DATE mention: span in the text, TIMEX3-style ``value``, optional ``mod``."""

    start: int
    end: int
    text: str
    value: str
    mod: str | None = None


@dataclass
class _Anchor:
    year: int | None = None
    month: int | None = None
    day: int | None = None


def _era_re() -> str:
    return "(?P<era>" + "|".join(eras()) + r")(?P<eyear>元|" + _NUM + ")年"


def _build() -> re.Pattern[str]:
    y, n, d = _YEAR, _NUM, _DASH
    mods = "|".join(sorted(_PART_MODS, key=len, reverse=True))
    seasons = "".join(_SEASONS)
    parts = [
        # English: 25 April 2000 / April 25, 2000 / July-September 1998 / April 2000
        rf"(?P<en_dmy>(?P<en_d1>[0-9]{{1,2}})\s+(?P<en_m1>{_MONTH_EN})\s+(?P<en_y1>[0-9]{{4}}))",
        rf"(?P<en_mdy>(?P<en_m2>{_MONTH_EN})\s+(?P<en_d2>[0-9]{{1,2}}),?\s+(?P<en_y2>[0-9]{{4}}))",
        rf"(?P<en_mddy>(?P<en_m6>{_MONTH_EN})\s+(?P<en_d3>[0-9]{{1,2}})\s*{d}\s*(?P<en_d4>[0-9]{{1,2}}),?\s+(?P<en_y5>[0-9]{{4}}))",
        rf"(?P<en_mmy>(?P<en_m3>{_MONTH_EN})\s*{d}\s*(?P<en_m4>{_MONTH_EN})\s+(?P<en_y3>[0-9]{{4}}))",
        rf"(?P<en_my>(?P<en_m5>{_MONTH_EN})\s+(?P<en_y4>[0-9]{{4}}))",
        # Japanese era years
        _era_re() + rf"(?:(?P<emonth>{n})月(?:(?P<eday>{n})日)?)?",
        # 1995年4月17日-5月12日, 2000年4月14-19日
        rf"(?P<dr_y>{y})年(?P<dr_m1>{n})月(?P<dr_d1>{n})日?{d}(?:(?P<dr_m2>{n})月)?(?P<dr_d2>{n})日",
        # 1999年3-6月, 1999年3月-6月
        rf"(?P<yr>{y})年(?P<m1>{n})月?{d}(?P<m2>{n})月",
        # 1990年代半ば
        rf"(?P<decade>{y})年代(?P<dpart>{mods})?",
        # 2000年4月14日 / 2000年4月 / 2000年4月上旬 / 2000年夏 / 2000年
        rf"(?P<ymd>{y})年(?:(?P<mo>{n})月(?:(?P<dy>{n})日|(?P<mpart>上旬|中旬|下旬))?|(?P<season>[{seasons}])(?!季|期))?",
        # relative: 同年9月, 同年夏, 同月14日, 同日, 翌年, 前年, 翌月, 前月, 翌日, 前日
        rf"(?P<rel>同年|今年|本年|翌年|前年|昨年|同月|今月|翌月|前月|同日|翌日|前日)"
        rf"(?:(?P<rmo>{n})月(?:(?P<rdy>{n})日)?|(?P<rdy2>{n})日|(?P<rseason>[{seasons}])(?!季|期))?",
        # 3-6月 (a month range without a year)
        rf"(?P<mr1>{n})月?{d}(?P<mr2>{n})月(?!間)",
        # 4月14日 / 8月
        rf"(?P<md_m>{n})月(?:(?P<md_d>{n})日|(?P<md_part>上旬|中旬|下旬))?(?!間)",
        # 19日 (news: the day of the month in force) — not a count of days (3日間, 1日あたり, 3日後)
        rf"(?P<d_only>{n})日(?!間|以内|以上|以下|後|前|ぶり|ほど|程度|目|余り|足らず|あたり|当たり|連続|分|半|も|でも|ずつ|おき|中|がかり)",
    ]
    # Not inside a larger number or a count: 12月 is fine, 3ヵ月 and 第2条 never match.
    return re.compile(r"(?<![0-9〇零一二三四五六七八九十百千.])(?:" + "|".join(parts) + ")")


_RE: re.Pattern[str] | None = None


def _pattern() -> re.Pattern[str]:
    global _RE
    if _RE is None:
        _RE = _build()
    return _RE


def _fmt(year: int | None, month: int | None = None, day: int | None = None) -> str:
    out = f"{year:04d}" if year is not None else "XXXX"
    if month is not None:
        out += f"-{month:02d}"
        if day is not None:
            out += f"-{day:02d}"
    return out


def _valid(month: int | None = None, day: int | None = None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def find_dates(text: str, anchor_year: int | None = None) -> list[DateMatch]:
    """All DATE mentions of ``text`` in order, relative ones resolved.

    ``anchor_year`` seeds the resolution (e.g. a publication year); by
    default nothing is assumed.
    """
    out: list[DateMatch] = []
    anchor = _Anchor(anchor_year)
    for m in _pattern().finditer(text):
        g = m.groupdict()
        value: str | None = None
        mod: str | None = None
        end = m.end()
        if g["en_dmy"]:
            y, mo, d = int(g["en_y1"]), _MONTHS_EN[g["en_m1"].rstrip(".").lower()], int(g["en_d1"])
            if _valid(mo, d):
                value = _fmt(y, mo, d)
                anchor = _Anchor(y, mo, d)
        elif g["en_mdy"]:
            y, mo, d = int(g["en_y2"]), _MONTHS_EN[g["en_m2"].rstrip(".").lower()], int(g["en_d2"])
            if _valid(mo, d):
                value = _fmt(y, mo, d)
                anchor = _Anchor(y, mo, d)
        elif g["en_mddy"]:
            y, mo = int(g["en_y5"]), _MONTHS_EN[g["en_m6"].rstrip(".").lower()]
            d1, d2 = int(g["en_d3"]), int(g["en_d4"])
            if _valid(mo, d1) and _valid(mo, d2) and d1 < d2:
                value = f"{_fmt(y, mo, d1)}/{_fmt(y, mo, d2)}"
                anchor = _Anchor(y, mo)
        elif g["dr_y"]:
            y = kanji_to_int(g["dr_y"])
            m1, d1 = kanji_to_int(g["dr_m1"]), kanji_to_int(g["dr_d1"])
            m2 = kanji_to_int(g["dr_m2"]) if g["dr_m2"] else m1
            d2 = kanji_to_int(g["dr_d2"])
            if _valid(m1, d1) and _valid(m2, d2) and (m1, d1) < (m2, d2):
                value = f"{_fmt(y, m1, d1)}/{_fmt(y, m2, d2)}"
                anchor = _Anchor(y, m1, d1)
        elif g["en_mmy"]:
            y = int(g["en_y3"])
            m1, m2 = _MONTHS_EN[g["en_m3"].rstrip(".").lower()], _MONTHS_EN[g["en_m4"].rstrip(".").lower()]
            value = f"{_fmt(y, m1)}/{_fmt(y, m2)}"
            anchor = _Anchor(y)
        elif g["en_my"]:
            y, mo = int(g["en_y4"]), _MONTHS_EN[g["en_m5"].rstrip(".").lower()]
            value = _fmt(y, mo)
            anchor = _Anchor(y, mo)
        elif g["era"]:
            n = 1 if g["eyear"] == "元" else kanji_to_int(g["eyear"])
            y = eras()[g["era"]] + n - 1
            mo = kanji_to_int(g["emonth"]) if g["emonth"] else None
            d = kanji_to_int(g["eday"]) if g["eday"] else None
            if _valid(mo, d):
                value = _fmt(y, mo, d)
                anchor = _Anchor(y, mo, d)
        elif g["yr"]:
            y, m1, m2 = kanji_to_int(g["yr"]), kanji_to_int(g["m1"]), kanji_to_int(g["m2"])
            if _valid(m1) and _valid(m2) and m1 < m2:
                value = f"{_fmt(y, m1)}/{_fmt(y, m2)}"
                anchor = _Anchor(y)
        elif g["ymd"]:
            y = kanji_to_int(g["ymd"])
            if not 1000 <= y <= 2999:
                continue
            mo = kanji_to_int(g["mo"]) if g["mo"] else None
            d = kanji_to_int(g["dy"]) if g["dy"] else None
            if not _valid(mo, d):
                continue
            if g["season"]:
                value = f"{y:04d}-{_SEASONS[g['season']]}"
                anchor = _Anchor(y)
            else:
                value = _fmt(y, mo, d)
                mod = _PART_MODS.get(g["mpart"] or "")
                anchor = _Anchor(y, mo, d)
        elif g["decade"]:
            y = kanji_to_int(g["decade"])
            if not 1000 <= y <= 2990 or y % 10:
                continue
            value = f"{y // 10:03d}X"
            mod = _PART_MODS.get(g["dpart"] or "")
        elif g["rel"]:
            value, anchor = _relative(g, anchor)
        elif g["mr1"]:
            m1, m2 = kanji_to_int(g["mr1"]), kanji_to_int(g["mr2"])
            if _valid(m1) and _valid(m2) and m1 < m2:
                value = f"{_fmt(anchor.year, m1)}/{_fmt(anchor.year, m2)}"
        elif g["d_only"]:
            d = kanji_to_int(g["d_only"])
            if _valid(None, d):
                value = _fmt(anchor.year, anchor.month if anchor.month else None, d) if anchor.month else (
                    f"{_fmt(anchor.year)}-XX-{d:02d}"
                )
                anchor = _Anchor(anchor.year, anchor.month, d)
        elif g["md_m"]:
            mo = kanji_to_int(g["md_m"])
            d = kanji_to_int(g["md_d"]) if g["md_d"] else None
            if _valid(mo, d):
                value = _fmt(anchor.year, mo, d)
                mod = _PART_MODS.get(g["md_part"] or "")
                anchor = _Anchor(anchor.year, mo, d)
        if value is not None:
            out.append(DateMatch(m.start(), end, text[m.start() : end], value, mod))
    return out


def _relative(g: dict[str, str | None], anchor: _Anchor) -> tuple[str | None, _Anchor]:
    rel = g["rel"]
    y, mo, d = anchor.year, anchor.month, anchor.day
    if rel in ("同年", "今年", "本年", "翌年", "前年", "昨年"):
        if y is not None and rel in ("翌年", "前年", "昨年"):
            y = y + 1 if rel == "翌年" else y - 1
        if g["rseason"]:
            return f"{_fmt(y)}-{_SEASONS[g['rseason']]}", _Anchor(y)
        mo = kanji_to_int(g["rmo"]) if g["rmo"] else None
        d = kanji_to_int(g["rdy"]) if g["rdy"] else None
        if not _valid(mo, d):
            return None, anchor
        return _fmt(y, mo, d), _Anchor(y, mo, d)
    if rel in ("同月", "今月", "翌月", "前月"):
        if mo is not None and rel in ("翌月", "前月"):
            mo += 1 if rel == "翌月" else -1
            if mo == 13:
                mo, y = 1, (y + 1 if y is not None else None)
            elif mo == 0:
                mo, y = 12, (y - 1 if y is not None else None)
        d = kanji_to_int(g["rdy2"]) if g["rdy2"] else None
        if mo is None or not _valid(mo, d):
            return (_fmt(y) + "-XX" if d is None else _fmt(y) + f"-XX-{d:02d}"), anchor
        return _fmt(y, mo, d), _Anchor(y, mo, d)
    # 同日 / 翌日 / 前日: only exact when the anchor has a day
    if mo is None or d is None:
        return _fmt(y, mo) + ("-XX" if mo is not None else "-XX-XX"), anchor
    if rel != "同日":
        import datetime

        if y is None:
            return _fmt(None, mo) + "-XX", anchor
        day = datetime.date(y, mo, d) + datetime.timedelta(days=1 if rel == "翌日" else -1)
        y, mo, d = day.year, day.month, day.day
    return _fmt(y, mo, d), _Anchor(y, mo, d)
