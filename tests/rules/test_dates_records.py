"""DATE phenomena of Diet records, wire copy and PDF dumps: era years written without their era (四十七年, 五十年代),
old spellings (きよう), 同日 after a day of no known month, a wire lead as a sentence boundary, letter-spaced digits,
parts of a period before まで.  Every sentence here is invented."""

from __future__ import annotations

import pytest

from jpnlp.normalize import normalize
from jpnlp.rules.dates import find_dates

Row = tuple[str, str, str | None]


def dates(text: str, doc_date: str | None = None) -> list[Row]:
    return [(d.text, d.value, d.mod) for d in find_dates(normalize(text), doc_date=doc_date)]


CASES: list[tuple[str, str | None, list[Row]]] = [
    # an era year counted with 十 and written without its era: the era named last, else the document's
    ("昭和四十六年に署名され、五十年に批准された。", None, [("昭和四十六年", "1971", None), ("五十年", "1975", None)]),
    ("四十八年三月二日に交換した。", "1980-06-02", [("四十八年三月二日", "1973-03-02", None)]),
    ("五十九年度予算の審議", "1984-10-01", [("五十九年度", "1984", "FY")]),
    ("五十年代の後半に", "1985-01-10", [("五十年代", "1975/1984", None)]),
    # …not a span of time, not after a word or a quantifier, not without an era in view
    ("三十年の歳月を経て、二十年間続いた交渉", "1985-01-10", []),
    ("締結三十年に当たる", "1985-01-10", []),
    ("五十年に批准された。", None, []),
    ("八十年代に入り", "1985-01-10", [("八十年代", "198X", None)]),
    # older records spell きょう as きよう
    ("きよう委員会を開いた。", "1955-03-04", [("きよう", "1955-03-04", None)]),
    ("きようだいの話", "1955-03-04", []),
    # 同日 after a day whose month is unknown is that day
    ("政府は6日正午、同日午前の実験を発表した。", None, [("6日", "XXXX-XX-06", None), ("同日", "XXXX-XX-06", None)]),
    # a wire lead 【…】 starts a new text: a caption's date does not place the story's days
    ("写真=2010年4月8日(共同)【東京共同】条約は5日に失効する。", "2026-02-03",
     [("2010年4月8日", "2010-04-08", None), ("5日", "2026-02-05", None)]),
    # a letter-spaced PDF dump
    ("報 告 書 1 9 9 7 年 1 1 月 発 行", None, [("1 9 9 7 年 1 1 月", "1997-11", None)]),
    ("電 話 0 3 − 3 5 0 3 − 1 2", None, []),
    # a part of a period before まで (not the verb 初めます)
    ("70年代初めまでに配備された", None, [("70年代初め", "197X", "EARLY")]),
    ("今年初めました", "2015-03-30", [("今年", "2015", None)]),
]


@pytest.mark.parametrize(("text", "doc_date", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_record_forms(text: str, doc_date: str | None, expected: list[Row]) -> None:
    assert dates(text, doc_date) == expected


def test_a_year_less_document_day_places_bare_days() -> None:
    assert dates("北朝鮮は9日、発表した。昨年9月9日以来だ。", "XXXX-09-09") == [
        ("9日", "XXXX-09-09", None), ("昨年9月9日", "XXXX-09-09", None),
    ]
