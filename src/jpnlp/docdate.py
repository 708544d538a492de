"""The date of a document, from its dateline, header or trailer.

Most relative dates (今年, 昨年, 本日, a bare 19日) need the day the text was
written.  :func:`detect_doc_date` looks for it where news, government pages
and records put it — never in the running text, and never the current date:

====================================================  ==============
line                                                  doc date
====================================================  ==============
``令和5年5月19日`` (a line of its own, near the top)      2023-05-19
``昭和31年5月25日(金曜日)`` after a site's sentence     1956-05-25
``2015年3月2日 18時40分`` / ``2024-12-6 09:10``          the date
``1月11日16時34分配信 毎日新聞`` (year from the text)     its year's
``98/05/11`` then ``【ニューデリー11日共同】``            1998-05-11
``タイトル 2017年09月13日 | 欄名 本文…``                 2017-09-13
``(2019-08-03 毎日新聞 夕刊)`` (a trailer)               2019-08-03
``Last Update : 2007-12-31T02:39:03+09:00`` / ``更新``   2007-12-31
``2016年3月4日, 09:30 (更新: …) 本文…`` (a time stamp)    2016-03-04
``…続く。(2012/07/08-15:20)`` (a closing stamp)         2012-07-08
``2014年5月7日 某協会`` / ``ジュネーブ、2018年3月9日``     a signature
====================================================  ==============

A dateline is a line near the top (or the bottom) that holds exactly one date
with a day, and besides it only times, weekdays, words such as 配信/更新/
発表, and a short name (a paper, a section) — no sentence; or a date directly
followed by a separator (``|``, ``–``) or by a clock time (a time stamp,
though running text follows; not a revision's label ``…23:38の版``); or a
bracketed wire lead (【…】, […]); or, last, a bracketed time stamp closing a
line, or a signature (a full date and a short name).  A dateline without a year takes it from a full date of the same
month and day elsewhere in the text; without one it gives no date.
"""

from __future__ import annotations

import re

from .rules.dates import find_dates

HEAD_LINES = 6  # non-empty lines searched at the top, up to the first sentence
TAIL_LINES = 3  # and at the bottom
MAX_NAME = 40  # what a dateline may hold besides its date (a paper's name, a section, a session)
SESSION_LINES = 12  # non-empty lines searched for a session's date line with its weekday
SHORT_TAGLINE = 20  # characters: a line with 。 this short is a site's tagline, not the first sentence

# What a dateline holds besides its date: times, weekdays, the words of publication
_FILLER = re.compile(
    r"T?\d{1,2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?"
    r"|(?:午前|午後)?[0-9〇一二三四五六七八九十]{1,3}時(?:[0-9〇一二三四五六七八九十]{1,3}分)?"
    r"|[(（][月火水木金土日](?:曜日?)?[)）]|[月火水木金土日]曜日?"
    r"|配信|更新日?|最終更新|発表|公開|掲載|作成|投稿|発行|発信|付け?|現在|日本時間|現地時間"
    r"|(?i:last\s*update[d]?|updated|posted|published|date)"
    r"|[\s|:：\-–—/・,，、()（）\[\]【】「」=＝]"
)
# A stored page's label opening the text: `` date 2025-10-21 本文…`` (the lead follows on the same line)
_LABEL_LEAD = re.compile(r"^\s*(?:(?i:date)|日付|配信日)\s*[:：]?\s*")
# a line holding a date and its full weekday only: 令和5年5月19日(金曜日), 昭和三十一年五月二十五日(金曜日)
_SESSION = re.compile(r"^\s*[^\s(（。、]{6,24}[(（][月火水木金土日]曜日[)）]\s*$")
_BRACKET_LEAD = re.compile(r"^\s*(?:【[^】]{1,40}】|\[[^\]]{1,40}\])")
_SEPARATED = re.compile(r"^\s*(?:\||[–—]|-\s)")
_PUBLISHED = re.compile(r"配信|更新|掲載|発行|公開|(?i:last\s*update|updated|posted|published)")
_BRACKETED = re.compile(r"^\s*[(（].*[)）]\s*$")
# A clock time right after a date makes it a time stamp: 2015年3月2日 18時40分, 2016年3月4日, 09:30
_CLOCK = re.compile(
    r"\s*(?:[(（][月火水木金土日](?:曜日?)?[)）])?[\s,，、-]*(?:T?\d{1,2}:\d{2}|(?:午前|午後)?\d{1,2}時)"
)


def detect_doc_date(text: str) -> str | None:
    """The document's date as ISO ``YYYY-MM-DD``, or None when the text does not give one."""
    full, _ = _detect(text)
    return full


def detect_doc_partial(text: str) -> str | None:
    """What the text says of its date when it gives no full one: ``XXXX-09-09`` from a year-less dateline the text
    does not complete (``(9月9日22時36分)`` closing a wire story), for placing its bare days; ``2016-03-XX`` from a
    header of month precision (``平成28年3月`` on a line of its own), for its deictic words (本年); else None."""
    full, partial = _detect(text)
    if full is not None:
        return None
    if partial is not None:
        return f"XXXX-{partial[0]:02d}-{partial[1]:02d}"
    return detect_doc_month(text)


def detect_doc_month(text: str) -> str | None:
    """``2016-03-XX`` from a header line of month precision (``平成28年3月`` on a line of its own), else None.
    Read it from the text as written too: a PDF's layout repair joins its header lines."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    head = next((i for i, ln in enumerate(lines[:HEAD_LINES]) if _is_sentence(ln)), min(HEAD_LINES, len(lines)))
    month = next((m for m in map(_month_line, lines[:head]) if m is not None), None)
    return f"{month[0]:04d}-{month[1]:02d}-XX" if month else None


def _month_line(line: str) -> tuple[int, int] | None:
    """(year, month) of a header line holding one date of month precision and at most a short name."""
    dates = find_dates(line)
    if len(dates) != 1 or not re.fullmatch(r"\d{4}-\d{2}", dates[0].value):
        return None
    rest = _FILLER.sub("", line[: dates[0].start] + line[dates[0].end :])
    if len(rest) > MAX_NAME or re.search(r"[ぁ-ゖ。]", rest):
        return None
    y, mo = dates[0].value.split("-")
    return int(y), int(mo)


def _is_sentence(line: str) -> bool:
    """Running text: a line with 。 longer than a site's tagline (``Clips|国会を、おもしろく。``)."""
    return "。" in line and len(line.strip()) > SHORT_TAGLINE


def _detect(text: str) -> tuple[str | None, tuple[int, int] | None]:
    """(the full date, else None; the month and day of a year-less dateline the text does not complete)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    # the header ends with the first line of running text (a sentence)
    n_head = next((i + 1 for i, ln in enumerate(lines[:HEAD_LINES]) if _is_sentence(ln)), min(HEAD_LINES, len(lines)))
    # a trailer says what it is (更新, 配信 …) or is a bracketed source line: the last lines are often facts
    tail = [ln for ln in lines[max(n_head, len(lines) - TAIL_LINES) :][::-1] if _is_trailer(ln)]
    partial: tuple[int, int] | None = None
    signed = next((ln for ln in tail if _signature(ln) and find_dates(ln.strip())[0].start > 0), None)
    if signed is not None:  # ニューヨーク、2020年10月24日: the author dates the statement (a header dates its release)
        y, mo, d = _parts(find_dates(signed.strip())[0].value)
        return f"{y:04d}-{mo:02d}-{d:02d}", None
    # a session's date line (昭和三十一年五月二十五日(金曜日)) dates a record even after a site's boilerplate sentence
    sessions = [ln for ln in lines[n_head:SESSION_LINES] if _SESSION.match(ln) and _dateline(ln) is not None]
    for line in lines[:n_head] + sessions + tail:
        found = _dateline(line)
        if found is None:
            continue
        y, mo, d = found
        if y is not None and mo is not None:
            return f"{y:04d}-{mo:02d}-{d:02d}", None
        if mo is not None and partial is None:
            partial = (mo, d)
    if partial is not None:
        full = _complete(text, *partial)
        return full, (None if full else partial)
    return None, None


def _is_trailer(line: str) -> bool:
    """A last line that can date the document: it says what it is, is bracketed, ends with a bracketed
    time stamp, or is a signature (a full date and a short name: ``2014年5月7日 某協会``,
    ``ジュネーブ、2018年3月9日``)."""
    if _PUBLISHED.search(line) or _BRACKETED.match(line) or _stamp_closes(line) is not None:
        return True
    return _signature(line)


def _signature(line: str) -> bool:
    """A signature: a full date then a short name, or a place, a comma and a full date (no label, no sentence)."""
    dates = find_dates(line.strip())
    if len(dates) != 1 or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", dates[0].value):
        return False
    d, text = dates[0], line.strip()
    before, after = text[: d.start], text[d.end :].strip()
    if d.start == 0:
        name = after
    elif not after and re.search(r"[、,，]\s*$", before):
        name = before.rstrip("、,， ")
    else:
        return False
    return 0 < len(name) <= MAX_NAME and not re.search(r"[ぁ-ゖ。=＝:：|]", name)


def _stamp_closes(line: str) -> tuple[int | None, int | None, int] | None:
    """The date of a bracketed time stamp that ends a line: ``…続く。(2012/07/08-15:20)``."""
    m = re.search(r"[(（]([^()（）]{6,40})[)）]\s*$", line)
    if m is None:
        return None
    dates = [d for d in find_dates(m.group(1)) if _day(d.value)]
    if len(dates) != 1 or _FILLER.sub("", m.group(1)[: dates[0].start] + m.group(1)[dates[0].end :]):
        return None
    return _parts(dates[0].value) if _CLOCK.match(m.group(1), dates[0].end) else None


def _dateline(line: str) -> tuple[int | None, int | None, int] | None:
    """(year, month, day) of a dateline; None if the line is not one."""
    label = _LABEL_LEAD.match(line)
    if label:
        dates = find_dates(line[label.end() :])
        if dates and dates[0].start == 0 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dates[0].value):
            return _parts(dates[0].value)  # date 2025-10-21 本文…
    lead = _BRACKET_LEAD.match(line)
    if lead:
        dates = [d for d in find_dates(lead.group()) if _day(d.value)]
        if len(dates) == 1:
            return _parts(dates[0].value)
    closing = _stamp_closes(line)
    if closing is not None:
        return closing
    dates = [d for d in find_dates(line) if _day(d.value)]
    if dates and dates[0].start < 60 and "|" not in line[: dates[0].start] and _SEPARATED.match(line[dates[0].end :]):
        return _parts(dates[0].value)  # タイトル 2017年09月13日 | 欄名 本文…
    if dates and _stamp_opens(line, dates[0].start, dates[0].end):
        return _parts(dates[0].value)  # 2016年3月4日, 09:30 (更新: …) 本文…
    if len(dates) != 1:
        return None
    d = dates[0]
    rest = _FILLER.sub("", line[: d.start] + line[d.end :])
    if len(rest) > MAX_NAME or re.search(r"[ぁ-ゖ。]", rest):
        return None
    return _parts(d.value)


def _stamp_opens(line: str, start: int, end: int) -> bool:
    """Whether a line opens with a time stamp (a date and a clock time) after at most a short name."""
    before, clock = line[:start], _CLOCK.match(line, end)
    if clock is None or len(before) > MAX_NAME or re.search(r"[ぁ-ゖ。]", before):
        return False
    # the stamp stands apart (2016年3月4日, 09:30 (更新…) 本文): not a clause (14時、首相が…), not a label (…の版)
    rest = line[clock.end() :].lstrip("0123456789:分秒")
    return re.match(r"\s|$|[(（\[【|]|更新|配信|発表|掲載|公開|投稿", rest) is not None


def _day(value: str) -> bool:
    """A single day (not a range), its year perhaps unknown: 2000-04-14, XXXX-04-14, XXXX-XX-14."""
    return re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d{2}|XX)-\d{2}", value) is not None


def _parts(value: str) -> tuple[int | None, int | None, int]:
    y, mo, d = value.split("-")
    return (int(y) if y.isdigit() else None), (int(mo) if mo.isdigit() else None), int(d)


def _complete(text: str, month: int, day: int) -> str | None:
    """A year-less dateline's date, with the year of a full date of the same day in the text."""
    suffix = f"-{month:02d}-{day:02d}"
    for d in find_dates(text):
        if d.value.endswith(suffix) and d.value[:4].isdigit():
            return d.value
    return None


def check_doc_date(value: str) -> str:
    """A user-given document date as ISO ``YYYY-MM-DD``; ValueError if it is not a real date in that form."""
    import datetime

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            raise ValueError
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ValueError(f"not a date in the form YYYY-MM-DD: {value!r}") from None
