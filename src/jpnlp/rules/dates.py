"""DATE expressions in Japanese and English, with TIMEX3-style values.

:func:`find_dates` scans normalized text (ASCII digits; kanji numerals are
read too) left to right and resolves each expression the way a reader does:
anaphoric words (同年, 翌日, 同日) against the last date of the text, deictic
words (今年, 昨年, 本日, きょう, 先月) and bare month/days against the
document's date when there is one (``doc_date``, see :mod:`jpnlp.docdate`),
else against the last date.

=============================  ====================  =========
text                           value                 mod
=============================  ====================  =========
1993年1月                      1993-01
2000年4月14日                  2000-04-14
2000年夏                       2000-SU
1962年末 / 6月末 / 12月初旬    1962 / …-06 / …-12    LATE / LATE / EARLY
1999年3-6月                    1999-03/1999-06
1999-2001年                    1999/2001
7月14~17日 / 7月20・21日       …-07-14/…-07-17
1990年代半ば                   199X                  MID
平成12年 / 令和元年            2000 / 2019
2001(平成13)年6月              2001-06
昭和35(1960)年1月19日          1960-01-19
87年12月 / 05年 / 八九年五月   1987-12 / 2005 / 1989-05   (two-digit years by context)
2005年度 / 今年度              2005 / doc's fiscal year    FY
2019-08-02 / 2019/8/2 / 2017.9.20 / 98/05/11   full dates
12/6(火) / 2018年6/12          a slash date when clearly one
25 April 2000                  2000-04-25
November 11, 2016              2016-11-11
July-September 1998            1998-07/1998-09
同年9月 (after 1997年3月)      1997-09
同9月25日 / 翌28日 / 本3日      from the last date / the document's date
4月14日 (after 2000年3月)      2000-04-14
同日 / 同月 / 翌年 / 前年      from the last date
今年の3月5日 / 昨年 / 来月上旬  from the document's date, else the last date
4月14日 (nothing before)       XXXX-04-14 (or the year of a later full date of that day)
翌8日 (after 7日, 1990年5月8日)  the day after the 7th
本年、5日 (doc 2016-09-20)     2016-09-05
2004年6月8、9日                2004-06-08, 2004-06-09
翌年の2002年5月1日 / 翌日9日    one expression each
30年前の今日 (doc 2017-12-08)  1987-12-08
19日 (after 2000年4月)          2000-04-19
西暦1995年 / 翌1997年4月       1995 / 1997-04
紀元前500年 / 20世紀後半        BC0500 / 19XX         — / LATE
H8.9.24 / R4年度               1996-09-24 / 2022     — / FY
90年代 / 60～70年代            199X / 196X/197X      (the century by context)
昭和20年代                     1945/1954             (ten years of the era)
2010～15年 / 2008/09年度        2010/2015 / 2008      — / FY
2013/4 / 1972・5・26 / 一九五一・九・八   2013-04 / full dates
3/9～3/20                      …-03-09, …-03-20      (two slash dates in order)
1995年元日 / 昨年の大みそか     1995-01-01 / …-12-31
9月8、9の両日 / 3、4日           two dates each
1986年4月頃 / 2003年上半期      1986-04 / 2003        APPROX / EARLY
1997年12\n月3日                1997-12-03            (a PDF line break inside)
1956年(昭和31)10月19日          1956-10-19
昨年7~9月 / 来月6~8日 / 7・8月   ranges in one span
四十七年五月 (a record of 1985)  1972-05               (a year counted with 十: the era in context)
五十年代 (a record of 1985)     1975/1984             (the era's decade)
去る二十日 / 来る三日 (doc 6/12)  …-05-20 / …-07-03     (past / coming)
昨九日 / 明一日                 the day named         (the prefix in the span, as 本5日)
06.10.18 / 1962.10             2006-10-18 / 1962-10
2.14 / 1995 (chronology lines)  in a text dated 1994.1.25 …; years alone on lines
1 9 9 7 年 1 1 月              1997-11               (a letter-spaced PDF)
Smith (1987) / 1990s           1987 / 199X
6月 after 2月に調印(68年4月発効)  the June of the main text, not of the bracketed aside
=============================  ====================  =========

A two-digit year takes the century that puts it at most 10 years after the
document's year (else nearest the last four-digit year; else 00-39 → 20xx,
40-99 → 19xx).  A fiscal year (年度) is valued as the year it is named after,
with ``mod`` ``FY`` (a Japanese fiscal year runs from April to March).  A
range written out on both sides (1969年-1972年, 5月22日~5月28日) is two
dates; a compact one (1999年3-6月) is one.  An unknown year stays ``XXXX``:
the current year is never assumed.  Not dates: 冷戦期, 3回, 3000-3500発,
第2条, 5年間, 2日遅れ, 禁錮2年6月, 毎月1日, 12年前, bare numbers.
Nor 半世紀 or 1世紀にわたり (spans of time), 元日本… (元, former), 今年始めた
(a verb), 2/3～3/4 (fractions), 令和0年, 四日市, 三日月, 五月雨, 1日平均.  The words (deictic, anaphoric,
seasons, parts of a period, event nouns, day names) are in
``data/date_words.tsv``; era names and their Latin letters in ``data/eras.tsv``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from . import read_table

_KANJI_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KD = "〇零一二三四五六七八九"
_NUM = r"(?:[0-9]{1,4}|[〇零一二三四五六七八九十百千]{1,6})"  # an era year
_N = r"(?:[0-9]{1,2}|[〇零一二三四五六七八九十]{1,3})"  # a month or a day
_YEAR = rf"(?:[0-9]{{4}}|[{_KD}]{{4}}|[一二]?千[{_KD}十百]{{0,6}})"
_Y2 = rf"(?:[0-9]{{2}}|[{_KD}]{{2}}|[一二三四五六七八九]?十[一二三四五六七八九]?)"  # 87, 八七, 四十三
_DASH = r"[-~〜～―—–]"
_LIST = r"[-~〜～―—–・]"
TWO_DIGIT_PIVOT = 40  # with no context: 00-39 → 20xx, 40-99 → 19xx
# Characters a PDF dump may separate with a space inside a date: 2006 年 7 月, 十 一日, 7月 31日
_DATE_CHARS = frozenset("0123456789〇零一二三四五六七八九十百千年月日")
_DIGIT_CHARS = frozenset("0123456789〇零一二三四五六七八九十")
_BROKEN = re.compile(r"[0-9〇零一二三四五六七八九十](?:\n[年月日]|[年月]\n)")  # a line break inside a date, maybe
_SENTENCE_END = frozenset("。\n！？!?【】")  # 【ワシントン共同】: a wire lead starts a new text
# 12月3、4日, 12月3、4の両日: the first day of a list drops its 日 (two dates); before 両日 (both days) the last too
_BOTH_DAYS = r"(?=の?両日)"
_DAY_LIST = rf"(?=[、，,]{_N}(?:日|{_BOTH_DAYS}))"

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


@cache
def era_letters() -> dict[str, str]:
    """Latin letter → era name (H → 平成), from ``data/eras.tsv``."""
    return {r["letter"]: r["era"] for r in read_table("eras.tsv")}


@cache
def _words(kind: str) -> dict[str, tuple[str, str]]:
    """``data/date_words.tsv`` rows of one kind: word → (unit, code)."""
    return {r["word"]: (r["unit"], r["code"]) for r in read_table("date_words.tsv") if r["kind"] == kind}


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


def _part_alt(not_unit: str = "") -> str:
    """Parts of a period, not a verb's stem: 今年始め, not 今年始めた (began this year)."""
    words = sorted((w for w, (unit, _) in _words("part").items() if unit != not_unit), key=len, reverse=True)
    return "|".join(re.escape(w) + ("(?![てたるらなよ]|ま[しすせ])" if w.endswith("め") else "") for w in words)


_SEASONS = _alt(_words("season"))
_YPARTS = _part_alt("month")  # parts of a year (or of anything): 末, 前半, 初め
_MPARTS = _part_alt("year")  # parts of a month: 上旬, 末, 半ば
_ERAS = _alt(eras())
_DAYNAMES = _alt(_words("dayname"))
_NOT_DAYNAME = "本|銀|経|赤|教|弁|大|産|航|立|商|刊|系|米|英|仏|独|露|韓|中|印|豪"  # 元日本代表: 元 (former) + a name
_ERA_LETTERS = "".join(era_letters())


def kanji_to_int(s: str) -> int:
    """``"12"``, ``"十二"``, ``"一九九三"``, ``"二〇〇〇"``, ``"二千"``, ``"千九百五十一"`` → int."""
    if s.isdigit() and s.isascii():
        return int(s)
    if all(c in _KANJI_DIGITS for c in s):  # positional: 一九九三
        return int("".join(str(_KANJI_DIGITS[c]) for c in s))
    total = current = 0
    for i, c in enumerate(s):
        if c in _KANJI_DIGITS:  # a digit after a digit is positional within the unit (千六〇〇, 百〇七)
            current = current * 10 + _KANJI_DIGITS[c] if i and s[i - 1] in _KANJI_DIGITS else _KANJI_DIGITS[c]
        elif c in _KANJI_UNITS:
            total += (current or 1) * _KANJI_UNITS[c]
            current = 0
    return total + current


def _int(s: str | None) -> int | None:
    return kanji_to_int(s) if s else None


@dataclass(frozen=True)
class DateMatch:
    """A DATE mention: span in the text, TIMEX3-style ``value``, optional ``mod``."""

    start: int
    end: int
    text: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class _Anchor:
    year: int | None = None
    month: int | None = None
    day: int | None = None


@dataclass
class _State:
    """What a reader knows at a point of the text."""

    text: str
    doc: _Anchor | None = None  # the document's date
    now: _Anchor | None = None  # the month of a document dated only to its month (for deictic words)
    anchor: _Anchor = _Anchor()  # the last date
    end: int = -1  # where the last date ended
    topic: _Anchor | None = None  # the last day a clause was about (12日、…)
    era: str | None = None  # the last era named (for 同15年)
    era_years: bool = False  # whether the text last wrote an era year (then 43年 is that era's 43rd)
    month: _Anchor | None = None  # the last date that named a month
    two_digit_years: bool = False  # whether the text has written a bare two-digit year (85年の…)
    days: list[_Anchor] = field(default_factory=list)  # every date with a day so far (for 翌8日)
    dotted: bool = False  # whether the text writes full dates with dots (1963.8.5): a chronology's M.D then too
    year_lines: bool = False  # whether the text heads its lines with years alone on a line (a chronology)

    def same_sentence(self, pos: int) -> bool:
        return self.end >= 0 and not any(c in _SENTENCE_END for c in self.text[self.end : pos])

    def bare_base(self, pos: int) -> _Anchor:
        """What a bare 4月14日 or 19日 belongs to: the last date in its sentence, else the document's date."""
        if self.doc is not None and not self.same_sentence(pos):
            return self.doc
        return self.anchor

    def year_of_month(self, pos: int, month: int) -> int | None:
        """The year of a bare month: a dated article's month more than six months ahead is last year's (12月 in
        an article of January); otherwise the year of :meth:`bare_base`."""
        base = self.bare_base(pos)
        if base is self.doc and base.year is not None and base.month is not None and month > base.month + 6:
            return base.year - 1
        doc = self.doc
        if (base is not doc and doc is not None and doc.year is not None and doc.month is not None
                and base.year == doc.year - 1 and base.month is not None and month < base.month and month <= doc.month):
            return doc.year  # 昨年9月に署名し、2月に承認: told in order, this February
        return base.year

    def day_base(self, pos: int) -> _Anchor:
        """What a bare 19日 belongs to: :meth:`bare_base`; when that names a year but no month (本年、5日…), the
        month of the document's date in that year, else of the last date that named a month in it."""
        base = self.bare_base(pos)
        if base.month is not None:
            return base
        for known in (self.doc, self.month):
            if known is not None and known.month is not None and None in (base.year, known.year) or (
                known is not None and known.year == base.year
            ):
                return _Anchor(base.year if base.year is not None else known.year, known.month)
        return base

    def day_before(self, day: int) -> _Anchor | None:
        """The last date whose next day is ``day`` (翌8日: the day after a 7th)."""
        return next((a for a in reversed(self.days) if a.day == day - 1), None)

    def deictic_base(self) -> _Anchor:
        return self.doc if self.doc is not None else self.now if self.now is not None else self.anchor

    def same_day(self, pos: int) -> _Anchor:
        """同日: the last day in the paragraph, else the day the last clause was about (12日、…), else the last day."""
        if self.anchor.day is not None and self.end >= 0 and "\n" not in self.text[self.end : pos]:
            return self.anchor
        return self.topic or self.anchor


# (value, mod, new anchor or None, end override or None); None: not a date
_Result = tuple[str, str | None, _Anchor | None, int | None]


# -- values -------------------------------------------------------------------


def _fmt(year: int | None, month: int | None = None, day: int | None = None) -> str:
    out = f"{year:04d}" if year is not None else "XXXX"
    if month is not None:
        out += f"-{month:02d}"
        if day is not None:
            out += f"-{day:02d}"
    elif day is not None:
        out += f"-XX-{day:02d}"
    return out


def _valid(month: int | None = None, day: int | None = None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _shift_month(year: int | None, month: int, n: int) -> tuple[int | None, int]:
    k = month - 1 + n
    return (year + k // 12 if year is not None else None), k % 12 + 1


def _century(yy: int, st: _State) -> int:
    """The full year of a two-digit year: in a text that counts in an era, that era's year; else by the
    document's year or the last year of the text."""
    if st.era_years and st.era is not None and _in_era(st.era, yy):
        return eras()[st.era] + yy - 1
    ref = st.doc.year if st.doc is not None and st.doc.year else None
    if ref is not None:
        return next(c for c in (ref - ref % 100 + 100 + yy, ref - ref % 100 + yy, ref - ref % 100 - 100 + yy)
                    if c <= ref + 10)  # fmt: skip
    if st.anchor.year is not None:
        a = st.anchor.year
        return min((a - a % 100 - 100 + yy, a - a % 100 + yy, a - a % 100 + 100 + yy), key=lambda c: (abs(c - a), c))
    return 2000 + yy if yy < TWO_DIGIT_PIVOT else 1900 + yy


def _era_year(era: str | None, n: int) -> int | None:
    """The Gregorian year of year ``n`` of ``era`` (year 0 of an era does not exist; 平成33年, a year written before
    the era ended, does)."""
    return eras()[era] + n - 1 if era in eras() and n >= 1 else None


def _in_era(era: str, n: int) -> bool:
    """Whether year ``n`` of ``era`` existed (昭和64 did, 大正20 did not)."""
    later = [y for y in eras().values() if y > eras()[era]]
    return n >= 1 and (not later or eras()[era] + n - 1 <= min(later))


def _tail(p: str) -> str:
    """What may follow ``…年``: a month (with a day or a part), a season, a part of the year, or 度."""
    return (
        rf"(?:(?P<{p}mo>{_N})月(?:(?P<{p}dy>{_N})(?:日|{_DAY_LIST})|(?P<{p}mpart>{_MPARTS}))?"
        rf"|(?P<{p}season>{_SEASONS})(?![季期])|(?P<{p}ypart>{_YPARTS})|(?P<{p}fy>度)(?P<{p}fypart>{_YPARTS})?"
        rf"|(?P<{p}dname>{_DAYNAMES})(?!{_NOT_DAYNAME}))?"
    )


def _tail_value(g: dict[str, Any], p: str, year: int | None) -> _Result | None:
    mo, d = _int(g[f"{p}mo"]), _int(g[f"{p}dy"])
    if not _valid(mo, d):
        return None
    if g[f"{p}season"]:
        return f"{_fmt(year)}-{_words('season')[g[f'{p}season']][1]}", None, _Anchor(year), None
    if g[f"{p}fy"]:
        return _fmt(year), "FY", _Anchor(year), None
    if g[f"{p}dname"]:  # 2020年元日
        return _day_name(year, g[f"{p}dname"])
    part = g[f"{p}mpart"] or g[f"{p}ypart"]
    return _fmt(year, mo, d), _words("part")[part][1] if part else None, _Anchor(year, mo, d), None


def _day_name(year: int | None, word: str) -> _Result:
    month, day = (int(x) for x in _words("dayname")[word])
    return _fmt(year, month, day), None, _Anchor(year, month, day), None


def _full(y: int, mo: int, d: int) -> _Result | None:
    try:
        datetime.date(y, mo, d)
    except ValueError:
        return None
    return _fmt(y, mo, d), None, _Anchor(y, mo, d), None


# -- the forms, most specific first ----------------------------------------------

_FORMS: list[tuple[str, str, Callable[[dict[str, Any], _State, re.Match[str]], _Result | None]]] = []


def _form(name: str, pattern: str) -> Callable[[Callable[..., _Result | None]], Callable[..., _Result | None]]:
    def register(fn: Callable[..., _Result | None]) -> Callable[..., _Result | None]:
        _FORMS.append((name, pattern, fn))
        return fn

    return register


def _en_month(s: str) -> int:
    return _MONTHS_EN[s.rstrip(".").lower()]


@_form("en_dmy", rf"(?P<en_d1>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<en_m1>{_MONTH_EN})\s+(?P<en_y1>[0-9]{{4}})")
def _en_dmy(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    return _full(int(g["en_y1"]), _en_month(g["en_m1"]), int(g["en_d1"]))


@_form("en_mddy", rf"(?P<en_m6>{_MONTH_EN})\s+(?P<en_d3>[0-9]{{1,2}})\s*{_DASH}\s*(?P<en_d4>[0-9]{{1,2}}),?\s+(?P<en_y5>[0-9]{{4}})")
def _en_mddy(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y, mo, d1, d2 = int(g["en_y5"]), _en_month(g["en_m6"]), int(g["en_d3"]), int(g["en_d4"])
    if not (_valid(mo, d1) and _valid(mo, d2) and d1 < d2):
        return None
    return f"{_fmt(y, mo, d1)}/{_fmt(y, mo, d2)}", None, _Anchor(y, mo), None


@_form("en_mdy", rf"(?P<en_m2>{_MONTH_EN})\s+(?P<en_d2>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<en_y2>[0-9]{{4}})")
def _en_mdy(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    return _full(int(g["en_y2"]), _en_month(g["en_m2"]), int(g["en_d2"]))


@_form("en_mmy", rf"(?P<en_m3>{_MONTH_EN})\s*{_DASH}\s*(?P<en_m4>{_MONTH_EN})\s+(?P<en_y3>[0-9]{{4}})")
def _en_mmy(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = int(g["en_y3"])
    return f"{_fmt(y, _en_month(g['en_m3']))}/{_fmt(y, _en_month(g['en_m4']))}", None, _Anchor(y), None


@_form("en_my", rf"(?P<en_m5>{_MONTH_EN})\s+(?P<en_y4>[0-9]{{4}})")
def _en_my(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y, mo = int(g["en_y4"]), _en_month(g["en_m5"])
    return _fmt(y, mo), None, _Anchor(y, mo), None


# 2019-08-02, 2019/8/2, 2017.9.20, 2012/07/08-15:20 (a time stamp's clock time after a dash is not part of the
# date; not a version number 1.2.3.4, not 2019-08-02-1)
@_form(
    "num",
    r"(?:西暦)?(?P<num_y>(?:1[89]|20)[0-9]{2})(?P<num_sep>[-/.・])(?P<num_m>[0-9]{1,2})(?P=num_sep)(?P<num_d>[0-9]{1,2})"
    r"(?![0-9年]|[-/.](?![0-9]{1,2}:[0-9]{2})[0-9])",
)
def _num(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    res = _full(int(g["num_y"]), int(g["num_m"]), int(g["num_d"]))
    st.dotted = st.dotted or (res is not None and g["num_sep"] == ".")
    return res


# 06.10.18: a two-digit year, month and day with dots (a page's stamp: 06.10.18更新); not inside a longer number
@_form("yydot", r"(?<![0-9.])(?P<yd_y>[0-9]{2})\.(?P<yd_m>0[1-9]|1[0-2])\.(?P<yd_d>0[1-9]|[12][0-9]|3[01])(?![0-9]|\.[0-9])")
def _yydot(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    return _full(_century(int(g["yd_y"]), st), int(g["yd_m"]), int(g["yd_d"]))


# 1962.10 キューバ危機: a chronology's year and month with a dot, standing apart (not 2010.5億ドル, a quantity)
@_form(
    "ydm",
    r"(?:(?<=^)|(?<=[\s(（\[]))(?P<ydm_y>(?:1[89]|20)[0-9]{2})\.(?P<ydm_m>1[0-2]|0?[1-9])(?=[ \t\u3000)）\]、,]|\n|$)",
)
def _ydm(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y, mo = int(g["ydm_y"]), int(g["ydm_m"])
    return _fmt(y, mo), None, _Anchor(y, mo), None


# 1995 alone on a line of a chronology (one that dates its lines with dots, 1994.1.25 …, or heads its entries
# with years alone on their lines): that year's heading
@_form("yline", r"(?:(?<=^)|(?<=\n))(?P<yline>(?:1[89]|20)[0-9]{2})(?=[ \t\u3000]*\n)")
def _yline(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = int(g["yline"])
    return (_fmt(y), None, _Anchor(y), None) if st.dotted or st.year_lines else None


# 2.14 宇宙条約署名 (a line of a chronology that dates its lines 1967.1.27 …), 広島(8.6): a month and day with a dot
@_form("dmd", r"(?:(?<=^)|(?<=\n)|(?<=[(（]))(?P<dmd_m>1[0-2]|[1-9])\.(?P<dmd_d>3[01]|[12][0-9]|[1-9])(?=[ \t\u3000)）・])")
def _dmd(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    if not st.dotted or st.anchor.year is None:
        return None
    if st.text[m.start() - 1 : m.start()] in "(（" and st.text[m.end()] == " ":
        return None
    y, mo, d = st.anchor.year, int(g["dmd_m"]), int(g["dmd_d"])
    return _full(y, mo, d)


# 2008/09年度, 2008/09年: a fiscal year or a span across two years, its second year in two digits
@_form("ysp", r"(?P<ysp_a>(?:1[89]|20)[0-9]{2})/(?P<ysp_b>[0-9]{2})年(?P<ysp_fy>度)?")
def _ysp(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    a, b = int(g["ysp_a"]), int(g["ysp_b"])
    if b != (a + 1) % 100:
        return None
    if g["ysp_fy"]:
        return _fmt(a), "FY", _Anchor(a), None
    return f"{a:04d}/{a + 1:04d}", None, _Anchor(a + 1), None


# 2021/7, 2021/07月: a year and a month (not 2010/11年度 or 2010/11シーズン, a season across two years)
@_form("ysm", r"(?:西暦)?(?P<ysm_y>(?:1[89]|20)[0-9]{2})/(?P<ysm_m>[0-9]{1,2})月?(?![0-9/.年度]|[ァ-ヶー])")
def _ysm(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y, mo = int(g["ysm_y"]), int(g["ysm_m"])
    if not _valid(mo) or mo == (y + 1) % 100:
        return None
    return _fmt(y, mo), None, _Anchor(y, mo), None


# 一九四〇・一・四: an old text's positional kanji date with middle dots
@_form("kdot", rf"(?P<kd_y>[{_KD}]{{4}})・(?P<kd_m>[{_KD}十]{{1,2}})・(?P<kd_d>[{_KD}十]{{1,3}})(?![{_KD}十年月日・])")
def _kdot(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = kanji_to_int(g["kd_y"])
    return _full(y, kanji_to_int(g["kd_m"]), kanji_to_int(g["kd_d"])) if 1000 <= y <= 2999 else None


# H31.4.30, S20/8/15, R5年度, H7年1月17日: an era abbreviated to its Latin letter; 平成27.3.10
@_form(
    "wab",
    rf"(?<![A-Za-z])(?P<wab_e>[{_ERA_LETTERS}]|(?:{_ERAS})(?=[0-9]{{1,2}}[./]))(?P<wab_n>[0-9]{{1,2}})"
    rf"(?:(?P<wab_sep>[./])(?P<wab_m>[0-9]{{1,2}})(?P=wab_sep)(?P<wab_d>[0-9]{{1,2}})(?![0-9]|[./][0-9])|年" + _tail("wab_") + ")",
)
def _wab(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    era = era_letters().get(g["wab_e"], g["wab_e"])
    y = _era_year(era, int(g["wab_n"]))
    if y is None:
        return None
    st.era = era
    if g["wab_sep"]:
        return _full(y, int(g["wab_m"]), int(g["wab_d"]))
    return _tail_value(g, "wab_", y)


# 紀元前202年, 紀元前3世紀, 21世紀, 20世紀後半 (not 半世紀, a span of time; not 1世紀にわたり, 2世紀前)
@_form("bc", rf"紀元前(?P<bc_y>[0-9]{{1,4}}|{_NUM})年")
def _bc(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = kanji_to_int(g["bc_y"])
    return (f"BC{y:04d}", None, None, None) if y >= 1 else None


@_form(
    "cent",
    rf"(?P<cent_bc>紀元前)?(?P<cent_n>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})世紀(?P<cent_part>{_YPARTS})?"
    r"(?!間|前|後|ぶり|にわた|以上|近く|余り|超|半|も|ほど|来|分)",
)
def _cent(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    n = kanji_to_int(g["cent_n"])
    if not 1 <= n <= 30 or re.search(r"(?:約|数|ほぼ|およそ)$", st.text[: m.start()]):
        return None
    part = g["cent_part"]
    return f"{'BC' if g['cent_bc'] else ''}{n - 1:02d}XX", _words("part")[part][1] if part else None, None, None


# 98/05/11, 99/12/03: a two-digit year, month and day
@_form("yymd", r"(?P<yy_y>[0-9]{2})/(?P<yy_m>[0-9]{2})/(?P<yy_d>[0-9]{2})(?![0-9]|/[0-9])")
def _yymd(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    return _full(_century(int(g["yy_y"]), st), int(g["yy_m"]), int(g["yy_d"]))


# 2018年6/12
@_form("ysl", rf"(?P<ysl_y>{_YEAR})年(?P<ysl_m>[0-9]{{1,2}})/(?P<ysl_d>[0-9]{{1,2}})(?![0-9/])")
def _ysl(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    return _full(kanji_to_int(g["ysl_y"]), int(g["ysl_m"]), int(g["ysl_d"]))


# 2001(平成13)年6月, 2001年(平成13年)6月, 03(同15)年4月: the Gregorian year with the era year in brackets
@_form(
    "ge",
    rf"(?P<ge_y>[0-9]{{4}}|[{_KD}]{{4}}|[0-9]{{2}})(?P<ge_n1>年)?\((?P<ge_era>{_ERAS}|同)?(?P<ge_ey>元|{_N})(?(ge_n1)年)\)"
    r"(?(ge_n1)|年)" + _tail("ge_"),
)
def _ge(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = kanji_to_int(g["ge_y"])
    n = 1 if g["ge_ey"] == "元" else kanji_to_int(g["ge_ey"])
    era = st.era if g["ge_era"] in (None, "同") else g["ge_era"]
    if g["ge_era"] and g["ge_era"] != "同":
        st.era = era
    if y < 100:
        by_era = _era_year(era, n)
        if by_era is None or by_era % 100 != y:  # 同 with no era named: the era whose year n ends in y
            fits = [e for e in eras() if (_era_year(e, n) or 0) % 100 == y and _in_era(e, n)]
            by_era = _era_year(fits[0], n) if len(fits) == 1 else None
        y = by_era if by_era is not None and by_era % 100 == y else _century(y, st)
    return _tail_value(g, "ge_", y)


# 令和5(2023)年, 昭和35(1960)年1月19日, 平成13年(2001年)6月
@_form("eg", rf"(?P<eg_era>{_ERAS})(?P<eg_ey>元|{_NUM})(?P<eg_n1>年)?\((?P<eg_y>[0-9]{{4}}|[{_KD}]{{4}})(?(eg_n1)年)\)(?(eg_n1)|年)" + _tail("eg_"))
def _eg(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    st.era = g["eg_era"]
    return _tail_value(g, "eg_", kanji_to_int(g["eg_y"]))


# 1945年(昭和20), 昭和20年(1945): the other calendar's year in brackets without its 年
@_form("gep", rf"(?P<gep_y>[0-9]{{4}}|[{_KD}]{{4}})年\((?P<gep_era>{_ERAS})(?:元|{_N})\)" + _tail("gep_"))
def _gep(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    st.era = g["gep_era"]
    return _tail_value(g, "gep_", kanji_to_int(g["gep_y"]))


@_form("egp", rf"(?P<egp_era>{_ERAS})(?:元|{_NUM})年\((?P<egp_y>[0-9]{{4}})\)" + _tail("egp_"))
def _egp(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    st.era = g["egp_era"]
    return _tail_value(g, "egp_", int(g["egp_y"]))


# 1999-2001年, 2010～15年: one year range (1969年-1972年, written out on both sides, is two dates)
@_form("yrng", rf"(?P<yrng_a>[0-9]{{4}}){_DASH}(?P<yrng_b>[0-9]{{4}}|[0-9]{{2}})年(?!代)(?P<yrng_fy>度)?")
def _yrng(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    a, b = int(g["yrng_a"]), int(g["yrng_b"])
    if len(g["yrng_b"]) == 2:  # 2010～15年: the second year in the first's century
        b += a - a % 100 + (100 if b < a % 100 else 0)
    if not (1000 <= a < b <= 2999):
        return None
    return f"{a:04d}/{b:04d}", "FY" if g["yrng_fy"] else None, _Anchor(b), None  # 2018~2020年度: fiscal years


# 2000年4月14-19日, 2000年7月20・21日, 1995年4月17日-5月12日 (a tight range, jpnlp's corpus guidelines; with
# anything between, 5月22日(日)~5月28日(土), 3月18日から28日, the two ends are two dates)
@_form("dr", rf"(?P<dr_y>{_YEAR})年(?P<dr_m>{_N})月(?P<dr_d1>{_N})(?:{_LIST}|日{_DASH}(?:(?P<dr_m2>{_N})月)?)(?P<dr_d2>{_N})日")
def _dr(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    m2 = _int(g["dr_m2"]) or _int(g["dr_m"])
    return _day_range(kanji_to_int(g["dr_y"]), _int(g["dr_m"]), _int(g["dr_d1"]), _int(g["dr_d2"]), m2)


def _day_range(y: int | None, mo: int | None, d1: int | None, d2: int | None, m2: int | None = None) -> _Result | None:
    m2 = m2 or mo
    if mo is None or m2 is None or d1 is None or d2 is None:
        return None
    if not (_valid(mo, d1) and _valid(m2, d2) and (mo, d1) < (m2, d2)):
        return None
    return f"{_fmt(y, mo, d1)}/{_fmt(y, m2, d2)}", None, _Anchor(y, m2, d2), None


# 1999年3-6月
@_form("yr", rf"(?P<yr_y>{_YEAR})年(?P<yr_m1>{_N}){_LIST}(?P<yr_m2>{_N})月")
def _yr(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y, m1, m2 = kanji_to_int(g["yr_y"]), kanji_to_int(g["yr_m1"]), kanji_to_int(g["yr_m2"])
    if not (_valid(m1) and _valid(m2) and m1 < m2):
        return None
    return f"{_fmt(y, m1)}/{_fmt(y, m2)}", None, _Anchor(y), None


# 1990年代, 90年代前半 (the century by context, as a two-digit year), 1960～70年代 (one range)
@_form(
    "decade",
    rf"(?:(?P<decade_a>{_YEAR}|[0-9]{{2}}){_DASH})?(?P<decade_y>{_YEAR}|{_Y2})年代(?P<decade_part>{_YPARTS})?",
)
def _decade(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = _decade_year(g["decade_y"], st)
    a = _decade_year(g["decade_a"], st) if g["decade_a"] else None
    if y is None or (g["decade_a"] and (a is None or a >= y)):
        return None
    if st.text[: m.start()].endswith("同"):
        return None  # 同年代: the same generation
    part = g["decade_part"]
    era = _context_era(st, kanji_to_int(g["decade_y"])) if a is None and "十" in g["decade_y"] else None
    if era is not None:  # 五十年代 in a record of 1985: 昭和50年代, ten years of the era
        first = eras()[era] + kanji_to_int(g["decade_y"]) - 1
        return f"{first:04d}/{first + 9:04d}", _words("part")[part][1] if part else None, None, None
    value = f"{y // 10:03d}X" if a is None else f"{a // 10:03d}X/{y // 10:03d}X"
    return value, _words("part")[part][1] if part else None, None, None


def _decade_year(s: str, st: _State) -> int | None:
    y = kanji_to_int(s)
    if len(s) == 2 or y < 100:
        y = _century(y, st)
    return y if 1000 <= y <= 2990 and y % 10 == 0 else None


# the 1990s, 1980's: an English decade
@_form("en_dec", r"(?P<en_dec>(?:1[89]|20)[0-9]0)'?s(?![A-Za-z])")
def _en_dec(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    return f"{int(g['en_dec']) // 10:03d}X", None, None, None


# 昭和20年代: ten years of an era from its Nth year (1945-1954)
@_form("edec", rf"(?P<edec_era>{_ERAS})(?P<edec_n>{_NUM})年代(?P<edec_part>{_YPARTS})?")
def _edec(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = _era_year(g["edec_era"], kanji_to_int(g["edec_n"]))
    if y is None or kanji_to_int(g["edec_n"]) % 10:
        return None
    st.era = g["edec_era"]
    part = g["edec_part"]
    return f"{y:04d}/{y + 9:04d}", _words("part")[part][1] if part else None, None, None


# 平成12年, 令和元年5月1日, 翌昭和41年, 同15年4月 (the era last named)
@_form("era", rf"(?P<era_pre>翌)?(?P<era>{_ERAS}|同(?=(?:元|{_NUM})年))(?P<eyear>元|{_NUM})年" + _tail("e_"))
def _era(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    era = st.era if g["era"] == "同" else g["era"]
    st.era = era
    n = 1 if g["eyear"] == "元" else kanji_to_int(g["eyear"])
    y = _era_year(era, n)
    if y is None and era is not None or st.text.startswith("代", m.end()):
        return None  # 令和0年; 平成10年代, a decade of the era, is not its tenth year
    return _tail_value(g, "e_", y)


# 2000年4月14日, 2000年4月上旬, 2000年夏, 1962年末, 2005年度, 2000年, 西暦2000年, 翌2006年7月
@_form("ymd", rf"(?:西暦|翌)?(?P<ymd>{_YEAR})年" + _tail("y_"))
def _ymd(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = kanji_to_int(g["ymd"])
    if not 1000 <= y <= 2999:
        return None
    return _tail_value(g, "y_", y)


# 87年12月, 八九年五月, 翌44年2月3日: a two-digit year with a month
@_form("y2m", rf"(?P<y2m_pre>翌)?(?P<y2m_y>{_Y2})年(?P<y2m_mo>{_N})月(?:(?P<y2m_dy>{_N})日|(?P<y2m_mpart>{_MPARTS}))?")
def _y2m(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    mo, d = kanji_to_int(g["y2m_mo"]), _int(g["y2m_dy"])
    if not _valid(mo, d):
        return None
    y = _two_digit_year(g["y2m_pre"], kanji_to_int(g["y2m_y"]), st, counted="十" in g["y2m_y"])
    part = g["y2m_mpart"]
    return _fmt(y, mo, d), _words("part")[part][1] if part else None, _Anchor(y, mo, d), None


def _two_digit_year(pre: str | None, yy: int, st: _State, counted: bool = False) -> int:
    """The year of 87年, 翌44年; of 四十七年 (a year counted with 十, the way an era year is written) the year of
    the era in context (:func:`_context_era`) where there is one."""
    if pre == "翌" and st.anchor.year is not None:
        return st.anchor.year + 1
    era = _context_era(st, yy) if counted else None
    return _era_year(era, yy) or _century(yy, st) if era else _century(yy, st)


def _context_era(st: _State, n: int) -> str | None:
    """The era a year written without one (四十七年 in a record of 1985) belongs to: the last era the text named,
    else the era of the document's date, where year ``n`` of it existed by then."""
    if st.era is not None and _in_era(st.era, n):
        return st.era
    doc = st.doc.year if st.doc is not None else None
    if doc is None:
        return None
    era = max((e for e, first in eras().items() if first <= doc), key=lambda e: eras()[e], default=None)
    return era if era is not None and eras()[era] + n - 1 <= doc else None


# 今から30年前の今日, 20年前のきょう: the same day N years before the document's day
@_form("ago", rf"(?:今から)?(?P<ago_n>{_N})年前の(?:今日|きょう|この日)")
def _ago(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    base = st.deictic_base()
    if base.year is None or base.month is None or base.day is None:
        return None
    y = base.year - kanji_to_int(g["ago_n"])
    return _full(y, base.month, base.day if (base.month, base.day) != (2, 29) else 28)


# A bare two-digit year (05年, 97年ノーベル賞) only where a year can stand: not a count (20年間, 12年前,
# 60年を迎えた), not after a word (発効50年) or a quantifier (約, ここ).
_Y2_FOLLOW = (
    r"(?=[のにはとや、。,，.．)）」』\s~〜\-・/]|から|まで|以降|以前|当時|中|度|頃|ごろ|[ァ-ヶ]|[A-Z]{2}"
    r"|発効|採択|署名|調印|批准|締結|成立|発足|失効|施行|制定|設立"  # 97年発効: an event of that year
    rf"|{_YPARTS}|{_SEASONS}|$)(?!に[1一](?:度|回)|にわた|に及)(?!の(?:歴史|節目|月日|間|うち|期間|任期|刑))"
)
# …and, in a text that already writes two-digit years (77年の…, 80年の…), before a noun too
# (83年同国は, 84年発効), unless a count follows (20年間, 30年余り)
_Y2_COUNT = frozenset("間前後以目余来近半超弱強程代連")
_Y2_NOT_AFTER = ("この", "ここ", "その", "あと", "もう", "わずか", "たった", "から", "約", "第")


@_form("y2", rf"(?P<y2_pre>翌)?(?P<y2_y>[0-9]{{2}}|[{_KD}]{{2}}|(?<=翌){_Y2})年" + _tail("y2_") + rf"(?:(?P<y2_ok>){_Y2_FOLLOW})?")
def _y2(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    before = st.text[max(0, m.start() - 3) : m.start()]
    if not g["y2_pre"] and (re.search(r"[\u4e00-\u9fff々]$", before) or before.endswith(_Y2_NOT_AFTER)):
        return None
    after = st.text[m.end() : m.end() + 1]
    before_noun = re.match(r"[\u4e00-\u9fff]", after) is not None and after not in _Y2_COUNT
    if g["y2_ok"] is None and not (st.two_digit_years and before_noun):
        return None
    st.two_digit_years = True
    return _tail_value(g, "y2_", _two_digit_year(g["y2_pre"], kanji_to_int(g["y2_y"]), st))


# 五十一年, 六十年度: an era year without its era (Diet speeches: 昭和四十七年に…、五十一年に…), a year counted with 十
# where the text or the document's date gives the era; not a span of time (二十年の歳月, 三十年間, 戦後五十年)
_EK_FOLLOW = (
    r"(?=に|の|、|から|まで|以降|以前|当時|頃|ごろ|度|末|初め|春|夏|秋|冬)"
    r"(?!にわた|に及|に[一1](?:度|回)|の(?:歴史|節目|月日|年月|歳月|間|うち|期間|任期|刑|長き))"
)


@_form("ek", r"(?P<ek_y>[一二三四五六七八九]?十[一二三四五六七八九]?)年(?!間|前|後|目|余|来|近|半|ぶり|以上|以内)" + _tail("ek_"))
def _ek(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    before = st.text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[\u4e00-\u9fff々]$", before) or before.endswith(_Y2_NOT_AFTER):
        return None
    if m.end() == m.end("ek_y") + 1 and not re.match(_EK_FOLLOW, st.text[m.end() :]):
        return None  # a bare 二十年 must stand where a year can: 五十一年に, 六十年の春
    n = kanji_to_int(g["ek_y"])
    era = _context_era(st, n)
    if era is None:
        return None
    named = st.era is not None and _in_era(st.era, n)
    if m.end() == m.end("ek_y") + 1 and not named and st.text.startswith("の", m.end()):
        return None  # 十年の努力 in a record of 2010: a span of time, unless the text has named the era
    return _tail_value(g, "ek_", _era_year(era, n))


# 99年3月2日(現地時間同): the same day in the other time zone
@_form("tzsame", r"(?<=時間)同(?=[)）])")
def _tzsame(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    a = st.anchor
    return (_fmt(a.year, a.month, a.day), None, a, None) if a.day is not None else None


def _rel_words() -> str:
    return _alt([*_words("deictic"), *_words("anaphoric")])


# 同年9月, 今年の3月5日, 昨年末, 来月上旬, 同日, きょう, 翌週 (not 前年比, 同年代, この日本)
@_form(
    "rel",
    rf"(?P<rel>{_rel_words()})(?!比|同期|同月|並|代|本(?!会議))"
    rf"(?:の?(?:(?P<r_mo0>{_N}){_LIST})?(?P<r_mo>{_N})月(?:(?P<r_dy>{_N})日|(?P<r_mpart>{_MPARTS}))?"
    rf"|の?(?P<r_season>{_SEASONS})(?![季期])|の?(?P<r_dname>{_DAYNAMES})(?!{_NOT_DAYNAME})"
    rf"|の?(?:(?P<r_dy0>{_N}){_LIST})?(?P<r_dy2>{_N})日|の?(?P<r_part>{_part_alt()}))?",
)
def _rel(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    word = g["rel"]
    kind = "deictic" if word in _words("deictic") else "anaphoric"
    unit, code = _words(kind)[word]
    word_end = m.start("rel") + len(word)
    if re.fullmatch(r"[ぁ-ゖ]+", word) and re.match(r"(?!から|まで)[ぁ-ゖ](?<![はのもにでがを])", st.text[word_end:]):
        return None  # きょうだい, あすか: not the word
    if word == "今日" and not (re.match(r"[、,，は]|$", st.text[word_end:]) or st.text[: m.start()].endswith("の")):
        return None  # 今日の世界, 今日では, 今日に至る: nowadays
    if unit == "day" and code == "0" and m.start() == st.end and kind == "anaphoric":
        return None  # 2003年2月1日当日: the same day, said again
    off = int(code)
    if kind == "deictic":
        base = st.deictic_base()
    elif unit == "day" and off == 0:
        base = st.same_day(m.start())
    else:
        base = st.anchor
    if unit == "fy":  # 今年度, 今年度末
        part = g["r_part"] if g["r_part"] and _words("part")[g["r_part"]][0] != "month" else None
        return _fiscal(base, off, m.end() if part else word_end)
    if unit in {code for _, code in _words("season").values()}:  # 今秋, 昨春
        y = base.year + off if base.year is not None else None
        return f"{_fmt(y)}-{unit}", None, _Anchor(y), word_end
    if unit == "year":
        return _rel_year(g, base, off, word_end)
    if unit == "month":
        return _rel_month(g, base, off, word_end)
    if unit == "day" and off == 0 and base.month is None and base.day is not None:  # 同日 after 6日 of no known month
        return _fmt(base.year, None, base.day), None, base, word_end
    if base.month is None or base.day is None or (base.year is None and unit == "week"):
        partial = "XXXX-WXX" if unit == "week" else _fmt(base.year, base.month) + ("-XX" if base.month else "-XX-XX")
        return partial, None, None, word_end
    if base.year is None:  # 翌日 after 2月28日 of an unknown year: the day is known, the year is not (a leap year
        day = datetime.date(2000, base.month, base.day) + datetime.timedelta(days=off)  # keeps 2月29日 possible)
        return f"XXXX-{day.month:02d}-{day.day:02d}", None, _Anchor(None, day.month, day.day), word_end
    day = datetime.date(base.year, base.month, base.day)
    if unit == "week":
        iso = (day + datetime.timedelta(weeks=off)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}", None, None, word_end
    day += datetime.timedelta(days=off)
    if g["r_dy2"] and _int(g["r_dy2"]) == day.day:
        word_end = m.end()  # 翌日9日: the next day, the 9th
    return _fmt(day.year, day.month, day.day), None, _Anchor(day.year, day.month, day.day), word_end


def _fiscal(base: _Anchor, off: int, end: int) -> _Result:
    """今年度, 前年度: the fiscal year (April to March) of the base, named after the year it starts in."""
    y = base.year
    if y is not None and base.month is not None and base.month < 4:
        y -= 1
    y = y + off if y is not None else None
    return _fmt(y), "FY", _Anchor(y), end


def _rel_year(g: dict[str, Any], base: _Anchor, off: int, word_end: int) -> _Result | None:
    """今年の3月5日, 昨年末, 同年秋, 翌年, 今年1~3月."""
    y = base.year + off if base.year is not None else None
    if g["r_season"]:
        return f"{_fmt(y)}-{_words('season')[g['r_season']][1]}", None, _Anchor(y), None
    if g["r_dname"]:  # 昨年の大みそか
        return _day_name(y, g["r_dname"])
    mo, d = _int(g["r_mo"]), _int(g["r_dy"])
    if not _valid(mo, d):
        return None
    if g["r_mo0"]:  # 今年1~3月: a range of months in that year
        m0 = kanji_to_int(g["r_mo0"])
        if d is not None or g["r_mpart"] or mo is None or not (_valid(m0) and m0 < mo):
            return None
        return f"{_fmt(y, m0)}/{_fmt(y, mo)}", None, _Anchor(y), None
    part, end = g["r_mpart"] or g["r_part"], None
    if g["r_dy2"] or (g["r_part"] and _words("part")[g["r_part"]][0] == "month"):
        part, end = None, word_end  # 昨年3日, 昨年上旬: not one expression
    return _fmt(y, mo, d), _words("part")[part][1] if part else None, _Anchor(y, mo, d), end


def _rel_month(g: dict[str, Any], base: _Anchor, off: int, word_end: int) -> _Result | None:
    """来月上旬, 同月14日, 先月, 同月1~3日."""
    y, mo = (base.year, None) if base.month is None else _shift_month(base.year, base.month, off)
    d = _int(g["r_dy2"])
    part = g["r_part"] if g["r_part"] and _words("part")[g["r_part"]][0] != "year" else None
    end = word_end if g["r_mo"] or g["r_season"] or (g["r_part"] and part is None) else None
    if not _valid(mo, d):
        return None
    if g["r_dy0"]:  # 同月1~3日: a range of days in that month
        return _day_range(y, mo, _int(g["r_dy0"]), d) if mo is not None else None
    value = _fmt(y, mo, d) if mo is not None else _fmt(y) + "-XX"
    return value, _words("part")[part][1] if part else None, _Anchor(y, mo, d), end


# 同9月25日, 翌28日, 翌3月, 本3日; 昨14日, 今10日, 明13日 (yesterday the 14th …; not after a word: 声明3日)
@_form("pre", rf"(?P<pre>同|翌|本|(?<![\u4e00-\u9fff々])[昨今明](?={_N}日))(?:(?P<p_mo>{_N})月(?:(?P<p_dy>{_N})日|(?P<p_mpart>{_MPARTS}))?|(?P<p_dy2>{_N})日)(?!間)")
def _pre(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    pre = g["pre"]
    base = st.deictic_base() if pre in "本昨今明" else st.anchor
    y, mo, d = base.year, _int(g["p_mo"]), _int(g["p_dy"]) or _int(g["p_dy2"])
    if pre == "翌" and mo is None and d is not None and base.day != d - 1:
        base = st.day_before(d) or base  # 翌8日 names the day after a 7th, not after the last date
        y = base.year
    if not _valid(mo, d):
        return None
    if mo is None:  # a day: in the month of the base (翌28日 after 27日; after the 30th, the next month)
        mo = base.month
        if pre in "翌明" and mo is not None and base.day is not None and d is not None and d < base.day:
            y, mo = _shift_month(y, mo, 1)
        elif pre == "昨" and mo is not None and base.day is not None and d is not None and d > base.day:
            y, mo = _shift_month(y, mo, -1)  # 昨31日 in a paper of the 1st
    elif pre == "翌" and base.month is not None and mo <= base.month and y is not None:
        y += 1
    if mo is None:
        return _fmt(y) + f"-XX-{d:02d}", None, _Anchor(y, None, d), None
    part = g["p_mpart"]
    return _fmt(y, mo, d), _words("part")[part][1] if part else None, _Anchor(y, mo, d), None


# 2005年7月26日から8月7日: 7月14~17日, 7月20・21日
@_form("mdr", rf"(?<![0-9{_KD}十]年)(?P<mdr_m>{_N})月(?P<mdr_d1>{_N}){_LIST}(?P<mdr_d2>{_N})日")
def _mdr(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    return _day_range(st.bare_base(m.start()).year, _int(g["mdr_m"]), _int(g["mdr_d1"]), _int(g["mdr_d2"]))


# 3-6月, 3・4月 (a month range without a year)
@_form("mr", rf"(?<![0-9{_KD}十]年)(?P<mr1>{_N}){_LIST}(?P<mr2>{_N})月(?!間|期)")
def _mr(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    m1, m2 = kanji_to_int(g["mr1"]), kanji_to_int(g["mr2"])
    if not (_valid(m1) and _valid(m2) and m1 < m2):
        return None
    y = st.bare_base(m.start()).year
    return f"{_fmt(y, m1)}/{_fmt(y, m2)}", None, None, None


# what follows a count of days, not a date (3日間, 1日あたり, 3日後, 2日遅れ, 1日2回)
_DAY_NOT_BEFORE = (
    "間|以内|以上|以下|未満|後|前|ぶり|ほど|程度|目|余り|足らず|あたり|当たり|連続|分|半|も|でも|ずつ|おき|がかり|"
    "遅れ|早く|ごと|単位|程|平均|"
    "[0-9一二三四五六七八九十]+(?:回|度|食|件|人|本|時間|便|杯)"  # a rate: 1日2回
)


# 4月14日, 8月, 6月末, 12月初旬, 十月の二十八日, 3月の末 (not 禁錮2年6月, not 3月期, not a name: 江田五月)
@_form(
    "md",
    rf"(?<![0-9{_KD}十]年)(?P<md_m>{_N})月(?:(?P<md_d>{_N})(?:日|{_DAY_LIST})|の(?P<md_d2>{_N})日(?!{_DAY_NOT_BEFORE})"
    rf"|の?(?P<md_part>{_MPARTS}))?(?!間|期)",
)
def _md(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    mo, d = kanji_to_int(g["md_m"]), _int(g["md_d"] or g["md_d2"])  # 十月の二十八日: one date, as 今年の3月5日
    if not _valid(mo, d):
        return None
    if d is None and not g["md_part"] and not g["md_m"].isascii() and (
        re.search(r"[\u4e00-\u9fff々]$", st.text[: m.start()]) or st.text.startswith("雨", m.end())
    ):
        return None  # 江田五月, 五月雨
    y = st.year_of_month(m.start(), mo)
    way, base = _way(st, m.start()), st.bare_base(m.start())
    if way and y is not None and base is st.doc and base.month is not None and way * (mo - base.month) < 0:
        y += way  # 去る十二月 in a record of March: last December; 来る一月 in November: next January
    part = g["md_part"]
    return _fmt(y, mo, d), _words("part")[part][1] if part else None, _Anchor(y, mo, d), None


def _way(st: _State, pos: int) -> int:
    """-1 after 去る (past: 去る十五日), +1 after 来る (coming: 来る二十日), else 0."""
    before = st.text[max(0, pos - 2) : pos]
    return -1 if before == "去る" else 1 if before in ("来る", "きたる") or st.text[max(0, pos - 3) : pos] == "来たる" else 0


# 12/6(火): a slash date only where a weekday says it is one
@_form("mdsl", r"(?P<sl_m>[0-9]{1,2})/(?P<sl_d>[0-9]{1,2})(?=\s?[(（][月火水木金土日](?:曜日?)?[)）])")
def _mdsl(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    mo, d = int(g["sl_m"]), int(g["sl_d"])
    if not _valid(mo, d):
        return None
    y = st.year_of_month(m.start(), mo)
    return _fmt(y, mo, d), None, _Anchor(y, mo, d), None


# 1/22 記念イベント: a slash date opening a line (a title), its day past the 12th (not a fraction: 1/2)
@_form("mdsl0", r"(?:(?<=^)|(?<=\n))(?P<sl0_m>1[0-2]|[1-9])/(?P<sl0_d>1[3-9]|2[0-9]|3[01])(?=[ \u3000])")
def _mdsl0(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    mo, d = int(g["sl0_m"]), int(g["sl0_d"])
    y = st.year_of_month(m.start(), mo)
    return _fmt(y, mo, d), None, _Anchor(y, mo, d), None


# 2/1~2/14, 3/1(火)~3/5(土): two slash dates joined by a dash are a range of dates, in order, where a weekday or a
# day past the 12th shows they are not fractions (2/3~3/4, 1/2~1/3)
_SL_WD = r"(?:\s?[(（][月火水木金土日](?:曜日?)?[)）])?"
_SL_NEXT = rf"{_SL_WD}\s?{_DASH}\s?(?P<{{}}>[0-9]{{{{1,2}}}}/[0-9]{{{{1,2}}}})(?![0-9/])"


@_form("slr", r"(?P<slr_m>[0-9]{1,2})/(?P<slr_d>[0-9]{1,2})(?=" + _SL_NEXT.format("slr_next") + ")")
def _slr(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    mo, d = int(g["slr_m"]), int(g["slr_d"])
    mo2, d2 = (int(x) for x in g["slr_next"].split("/"))
    if not (_valid(mo, d) and _valid(mo2, d2) and (mo, d) < (mo2, d2)):
        return None
    if max(d, d2) <= 12 and not re.search(r"[(（]", st.text[m.end() : m.end("slr_next")]):
        return None
    y = st.year_of_month(m.start(), mo)
    return _fmt(y, mo, d), None, _Anchor(y, mo, d), None


@_form("slr2", rf"(?:(?<={_DASH})|(?<={_DASH}\s))(?P<slr2_m>[0-9]{{1,2}})/(?P<slr2_d>[0-9]{{1,2}})(?![0-9/])")
def _slr2(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    mo, d = int(g["slr2_m"]), int(g["slr2_d"])
    a = st.anchor
    if st.end < 0 or m.start() - st.end > 8 or a.month is None or a.day is None or not _valid(mo, d) or (mo, d) <= (a.month, a.day):
        return None
    return _fmt(a.year, mo, d), None, _Anchor(a.year, mo, d), None


# 元日, 大みそか: a day named by a word, in the year a bare month/day would take
@_form("dname", rf"(?<!年)(?P<dname>{_DAYNAMES})(?!{_NOT_DAYNAME})")
def _dname(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    month = int(_words("dayname")[g["dname"]][0])
    return _day_name(st.year_of_month(m.start(), month), g["dname"])


# 9.11テロ: an event named by its date
@_form("ev", rf"(?P<ev_m>[0-9]{{1,2}})[.・](?P<ev_d>[0-9]{{1,2}})(?={_alt(_words('event'))})")
def _ev(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    mo, d = int(g["ev_m"]), int(g["ev_d"])
    return (_fmt(None, mo, d), None, None, None) if _valid(mo, d) else None


# 「報告」(1969): a bare year in brackets after a title (an author's year, Smith (1987) or 田中(2003), is left out:
# the conventions do not count citations, and a bracketed number after a noun, 定員(2000), is no year)
@_form("py", r"(?<=[」』]\()(?P<py>(?:1[89]|20)[0-9]{2})(?=\))")
def _py(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    y = int(g["py"])
    return _fmt(y), None, _Anchor(y), None


# 19日 (news: the day of the month in force), not a count of days (_DAY_NOT_BEFORE)
_KANJI_DAY_WORD = re.compile(r"市|町|月(?!曜)")  # after a day in kanji: 四日市, 十日町, 三日月 (not 三日月曜日)
_BARE_DAY_LIST = rf"(?=[、，,]{_N}(?:日(?!{_DAY_NOT_BEFORE})|{_BOTH_DAYS}))"  # 3、4日: the 3rd and the 4th


@_form("d_only", rf"(?<![月第毎])(?P<d_only>{_N})(?:日(?!{_DAY_NOT_BEFORE})|(?P<d_both>{_BOTH_DAYS})|{_BARE_DAY_LIST})")
def _d_only(g: dict[str, Any], st: _State, m: re.Match[str]) -> _Result | None:
    d = kanji_to_int(g["d_only"])
    if g["d_both"] is not None and not st.text[: m.start()].endswith(("、", "，", ",")):
        return None  # 3、4の両日: only the last day of a list drops its 日
    if not g["d_only"].isascii() and _KANJI_DAY_WORD.match(st.text, m.end()):
        return None  # 四日市, 十日町, 三日月: a place or a word, not a day
    if not _valid(None, d) or (d == 1 and st.text.startswith("中", m.end())):
        return None  # 1日中: all day long (9日中 is a date)
    base = st.day_base(m.start())
    y, mo, way = base.year, base.month, _way(st, m.start())
    if way and mo is not None and base.day is not None and way * (d - base.day) < 0:
        y, mo = _shift_month(y, mo, way)  # 去る二十日 in a record of the 12th: last month's 20th
    elif mo is not None and d > _month_days(y, mo):  # 30日 in a text dated 2月1日: no such day, the month before
        y, mo = _shift_month(y, mo, -1)
    return _fmt(y, mo, d), None, _Anchor(y, mo, d), None


def _month_days(year: int | None, month: int) -> int:
    """Days in a month (February of an unknown year: 29, as in the leap year 2000)."""
    return calendar.monthrange(2000 if year is None else year, month)[1]


# -- the scan -------------------------------------------------------------------


@cache
def _start_chars() -> frozenset[str]:
    """Every character a DATE expression can start with (a quick test before the long alternation)."""
    words = [*eras(), *_words("deictic"), *_words("anaphoric"), *_words("dayname"), *_MONTHS_EN]
    return frozenset("0123456789十百千同翌本西紀" + _KD + _ERA_LETTERS + "".join(w[0] + w[0].upper() for w in words))


@cache
def _pattern() -> re.Pattern[str]:
    alts = "|".join(f"(?P<{name}_>{pattern})" for name, pattern, _ in _FORMS)
    first = "".join(sorted(_start_chars())).replace("\\", "\\\\").replace("]", "\\]").replace("^", "\\^").replace("-", "\\-")
    # Not inside a larger number: 12月 is fine, 112月 never matches (a word such as 同日 may follow a digit).
    item = r"(?<=^[0-9]\.)|(?<=\n[0-9]\.)|(?<=[ \u3000][0-9]\.)"  # 3.11月2日: item 3 of a list, then a date
    return re.compile(rf"(?=[{first}])(?:(?![0-9{_KD}十百千])|(?<![0-9{_KD}十百千.])|{item})(?:{alts})")


@cache
def _handlers() -> dict[str, Callable[[dict[str, Any], _State, re.Match[str]], _Result | None]]:
    return {f"{name}_": fn for name, _, fn in _FORMS}


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` without the spaces a PDF dump puts inside dates (2006 年 7 月) and the line breaks it puts between a
    number and its unit (2019年5\n月), and each character's offset."""
    if " " not in text and "\u3000" not in text and not _BROKEN.search(text):
        return text, list(range(len(text) + 1))
    spaced = {m.start() + k for m in _LETTER_SPACED.finditer(text) for k in range(1, len(m.group()), 2)}
    out: list[str] = []
    pos: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c == "\n" and out and (
            out[-1] in _DIGIT_CHARS and text[i + 1 : i + 2] in ("年", "月", "日") or _wrapped_after_unit(out, text, i)
        ):
            i += 1
            continue
        if i in spaced:  # 1 9 9 7 年: a letter-spaced PDF's number
            i += 1
            continue
        if c in " \u3000" and out and (out[-1] in _DATE_CHARS or _ends_with_era(out)) and not _ordinal(out):
            j = i
            while j < n and j - i < 2 and text[j] in " \u3000":
                j += 1
            if j < n and text[j] in _DATE_CHARS and not (out[-1].isascii() and text[j].isascii() and text[j].isdigit()):
                i = j
                continue
        out.append(c)
        pos.append(i)
        i += 1
    pos.append(n)
    return "".join(out), pos


def _wrapped_after_unit(out: list[str], text: str, i: int) -> bool:
    """Whether the line break at ``i`` wraps a long line inside a date: 2019年 | 3月5日, 5月 | 12日 (a short line
    before it is a heading, its own date)."""
    if len(out) < 2 or out[-1] not in "年月" or out[-2] not in _DIGIT_CHARS:
        return False
    line = len(out) - 1 - max((k for k, ch in enumerate(out) if ch == "\n"), default=-1)
    nxt = re.match(r"[0-9〇一二三四五六七八九十]{1,3}([月日])", text[i + 1 : i + 5])
    return line >= _WRAPPED_LINE and nxt is not None and (out[-1], nxt.group(1)) in {("年", "月"), ("月", "日")}


# A letter-spaced PDF dump puts a space after every character: 1 9 9 7 年 1 1 月 (a lone digit opens the run)
_LETTER_SPACED = re.compile(r"(?:(?<=^)|(?<=[ \n]))[0-9](?: [0-9])+(?= [年月日])", re.MULTILINE)
_WRAPPED_LINE = 20  # characters: a line this long that breaks inside a date was wrapped, not ended


def _ordinal(chars: list[str]) -> bool:
    """Whether the text so far ends with an ordinal (第一 千九百五十五年…: an agenda item, then a date)."""
    k = len(chars)
    while k and chars[k - 1] in _DIGIT_CHARS:
        k -= 1
    return k < len(chars) and k > 0 and chars[k - 1] == "第"


def _ends_with_era(chars: list[str]) -> bool:
    """Whether the text so far ends with an era name (平成 9 年: a PDF's space after it)."""
    tail = "".join(chars[-2:])
    return any(tail.endswith(e) for e in eras())


_ERA_FORMS = frozenset({"era_", "eg_", "wab_", "egp_"})
_GREGORIAN_FORMS = frozenset({"ymd_", "num_", "ge_", "gep_", "dr_", "yr_", "yrng_", "decade_", "ysl_", "py_", "en_dmy_", "en_mdy_",
                              "en_mddy_", "en_mmy_", "en_my_"})  # fmt: skip


_YEAR_LINE = re.compile(r"^(?:1[89]|20)[0-9]{2}[ \t\u3000]*$", re.MULTILINE)
YEAR_LINES = 3  # years alone on their lines that make a text a chronology


# a bare month or day: its year (and month) from the last date outside a bracketed aside
_BARE_FORMS = frozenset({"md_", "d_only_", "mr_", "mdr_", "mdsl_", "mdsl0_", "dname_"})


def _bracket_depth(text: str) -> list[int]:
    """How many round brackets are open at each character ([] when the text has none)."""
    if "(" not in text and "（" not in text:
        return []
    out, n = [], 0
    for c in text:
        if c in "(（":
            n += 1
        out.append(n)
        if c in ")）" and n:
            n -= 1
        elif c == "\n":
            n = 0  # a bracket left open does not run past its line
    return out


_APPROX = ("頃", "ごろ")
_UPDATED = re.compile(r"更新(?:日時?)?\s*[:：]?\s*$")


def _topic_follows(text: str, end: int) -> bool:
    """Whether a clause is about the date ending at ``end``: 12日、 / 12日(現地時間11日)、"""
    m = re.match(r"(?:\s*[(（][^()（）]{0,20}[)）])*\s*[、,，]", text[end:])
    return m is not None


def find_dates(text: str, anchor_year: int | None = None, doc_date: str | None = None) -> list[DateMatch]:
    """All DATE mentions of ``text`` in order, relative ones resolved.

    ``doc_date`` (ISO ``YYYY-MM-DD``; ``XXXX-MM-DD`` when only the day is
    known; ``YYYY-MM-XX`` when only the month is, then for deictic words alone) is the document's date: deictic words
    and bare month/days resolve against it.  ``anchor_year`` seeds the
    resolution where there is none.  Nothing else is assumed.
    """
    squeezed, pos = _squeeze(text)
    st = _State(squeezed)
    st.year_lines = len(_YEAR_LINE.findall(squeezed)) >= YEAR_LINES
    if doc_date:  # XXXX-09-09: a year-less dateline's day; 2016-03-XX: a header's month (jpnlp.docdate)
        y, mo, d = (int(x) if x.isdigit() else None for x in doc_date[:10].split("-"))
        if d is None:
            st.now = _Anchor(y, mo)  # for 本年, 昨年 …; bare months and days go by the text
        else:
            st.doc = st.anchor = _Anchor(y, mo, d)
    elif anchor_year is not None:
        st.anchor = _Anchor(anchor_year)
    handlers = _handlers()
    out: list[DateMatch] = []
    prev_form = ""
    depth = _bracket_depth(squeezed)
    outer: tuple[_Anchor, int, _Anchor | None] | None = None  # what the reader knew before a bracketed aside
    last: tuple[int, int, str] | None = None  # the last date's span and value (for a second stamp)
    for m in _pattern().finditer(squeezed):
        name = m.lastgroup
        assert name is not None
        if depth and depth[m.start()]:
            if outer is None and st.anchor.year is not None and st.same_sentence(m.start()):
                outer = (st.anchor, st.end, st.month)  # an aside to a dated clause (not a bracket dating it)
        elif outer is not None:
            if name in _BARE_FORMS:  # 1967年2月に調印(68年4月発効)。6月に…: the June of 1967, not of the aside
                st.anchor, st.end, st.month = outer
            outer = None
        res = handlers[name](m.groupdict(), st, m)
        if res is None:
            continue
        value, mod, anchor, end = res
        if name in _ERA_FORMS or name in _GREGORIAN_FORMS:
            st.era_years = name in _ERA_FORMS
        end = m.end() if end is None else end
        if squeezed.startswith(_APPROX, end):  # 2019年12月頃: about, part of the expression (TIMEX3 APPROX)
            end += len(next(a for a in _APPROX if squeezed.startswith(a, end)))
            mod = mod or "APPROX"
        if anchor is not None and _UPDATED.search(squeezed, max(0, m.start() - 8), m.start()):
            anchor = None  # 更新: 2016年3月9日 stamps the page, not the story
        if anchor is not None and _second_stamp(squeezed, last, m.start(), end, value):
            anchor = None  # 2017.7.8 / 2020.9.15 on lines of their own: posted, then updated
        last = (m.start(), end, value)
        if anchor is not None:
            st.anchor, st.end = anchor, end
            if anchor.month is not None:
                st.month = anchor
            if anchor.day is not None:
                st.days.append(anchor)
            if anchor.day is not None and _topic_follows(squeezed, end):
                st.topic = anchor
        start, stop = pos[m.start()], pos[end - 1] + 1
        if out and _names_its_year(out[-1], prev_form, name, text[out[-1].end : start]):
            start = out.pop().start  # 翌年の1952年4月28日: one expression, the year written out
        out.append(DateMatch(start, stop, text[start:stop], value, mod))
        prev_form = name
    return _years_from_later(out)


def _alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands alone on its line."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    return text[line_start:start].strip() == "" and text[end : len(text) if line_end < 0 else line_end].strip() == ""


_FULL = re.compile(r"\d{4}-\d{2}-\d{2}")


def _second_stamp(text: str, prev: tuple[int, int, str] | None, start: int, end: int, value: str) -> bool:
    """Whether a full date alone on its line follows another alone on the line before, and is later: a page's
    update stamp after its posting stamp (2017.7.8 / 2020.9.15; the story's dates go by the first)."""
    if prev is None or not (_FULL.fullmatch(value) and _FULL.fullmatch(prev[2]) and value > prev[2]):
        return False
    return _alone(text, start, end) and _alone(text, prev[0], prev[1]) and text[prev[1] : start].strip() == ""


def _years_from_later(dates: list[DateMatch]) -> list[DateMatch]:
    """A month/day of unknown year takes the year of a later full date of the same day (会報(5月3日付) … the
    source list's May 3, 2012): the text names that day again, with its year."""
    full = {d.value[4:]: d.value[:4] for d in dates if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.value)}
    return [
        replace(d, value=full[d.value[4:]] + d.value[4:])
        if re.fullmatch(r"XXXX-\d{2}-\d{2}", d.value) and d.value[4:] in full else d
        for d in dates
    ]


def _names_its_year(prev: DateMatch, prev_form: str, form: str, between: str) -> bool:
    """Whether a relative year (翌年, 同年) is joined by の to a date writing its year (翌年の2002年…)."""
    return prev_form == "rel_" and prev.text.endswith("年") and between == "の" and form in _ERA_FORMS | _GREGORIAN_FORMS


def leading_date_end(text: str) -> int:
    """Where a date at the very start of ``text`` ends (0 if it does not start with one): 1925年ジュネーブ議定書 → 5."""
    if not text or text[0] not in _start_chars():
        return 0
    for d in find_dates(text):
        return d.end if d.start == 0 else 0
    return 0
