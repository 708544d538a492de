"""DATE rules: a table of expressions and their TIMEX3-style values, read as a spec."""

from __future__ import annotations

import pytest

from jpnlp.normalize import normalize
from jpnlp.rules.dates import find_dates, kanji_to_int


def dates(text: str) -> list[tuple[str, str, str | None]]:
    return [(d.text, d.value, d.mod) for d in find_dates(normalize(text))]


CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("１９９３年１月に署名した", [("1993年1月", "1993-01", None)]),
    ("2000年4月14日に可決", [("2000年4月14日", "2000-04-14", None)]),
    ("２０００年の大統領選挙", [("2000年", "2000", None)]),
    ("２０００年大統領選挙", [("2000年", "2000", None)]),
    ("２０００年夏を目途に", [("2000年夏", "2000-SU", None)]),
    ("１９９９年３－６月のコソボ爆撃", [("1999年3-6月", "1999-03/1999-06", None)]),
    ("１９９０年代半ば以降", [("1990年代半ば", "199X", "MID")]),
    ("1980年代後半", [("1980年代後半", "198X", "LATE")]),
    ("2010年代前半", [("2010年代前半", "201X", "EARLY")]),
    ("平成１２年に", [("平成12年", "2000", None)]),
    ("令和元年5月1日", [("令和元年5月1日", "2019-05-01", None)]),
    ("昭和63年", [("昭和63年", "1988", None)]),
    ("二〇〇〇年四月十四日", [("二〇〇〇年四月十四日", "2000-04-14", None)]),
    ("一九九三年一月", [("一九九三年一月", "1993-01", None)]),
    ("2023年5月中旬", [("2023年5月中旬", "2023-05", "MID")]),
    ("New York, 25 April 2000", [("25 April 2000", "2000-04-25", None)]),
    ("(July-September 1998)", [("July-September 1998", "1998-07/1998-09", None)]),
    ("１９９５年４月１７日－５月１２日の会議", [("1995年4月17日-5月12日", "1995-04-17/1995-05-12", None)]),
    ("2000年4月14-19日", [("2000年4月14-19日", "2000-04-14/2000-04-19", None)]),
    ("May 3-28, 2010", [("May 3-28, 2010", "2010-05-03/2010-05-28", None)]),
    ("signed on April 8, 2010 in Prague", [("April 8, 2010", "2010-04-08", None)]),
    # relative expressions resolved against the last date
    ("１９９７年３月のサミットで合意し、同年９月には署名した", [("1997年3月", "1997-03", None), ("同年9月", "1997-09", None)]),
    ("２０００年３月の選挙の後、下院は４月１４日に可決し、同日上院も", [("2000年3月", "2000-03", None), ("4月14日", "2000-04-14", None), ("同日", "2000-04-14", None)]),
    ("1998年7月の報告の直後の8月に発射", [("1998年7月", "1998-07", None), ("8月", "1998-08", None)]),
    ("1972年に署名され、翌年発効した", [("1972年", "1972", None), ("翌年", "1973", None)]),
    ("2019年に離脱し、前年に表明した", [("2019年", "2019", None), ("前年", "2018", None)]),
    ("2000年12月に交渉し、翌月合意", [("2000年12月", "2000-12", None), ("翌月", "2001-01", None)]),
    ("2000年6月4日の声明と翌日の会談", [("2000年6月4日", "2000-06-04", None), ("翌日", "2000-06-05", None)]),
    ("2000年4月の会議で、下院は19日に可決した", [("2000年4月", "2000-04", None), ("19日", "2000-04-19", None)]),
    ("岸田文雄首相は19日、広島市で演説した", [("19日", "XXXX-XX-19", None)]),
    ("今年8月に出席した", [("今年8月", "XXXX-08", None)]),
    ("1月下旬に演説した", [("1月下旬", "XXXX-01", "LATE")]),
    ("2023年1月に発表し、今年5月に改定した", [("2023年1月", "2023-01", None), ("今年5月", "2023-05", None)]),
    ("3日間の会議、1日あたり2回、3日後に", []),
    ("一日も早い批准を。1日中議論した", []),
    # nothing to resolve against: the unknown part stays unknown, never this year
    ("4月14日に可決した", [("4月14日", "XXXX-04-14", None)]),
    ("同年9月", [("同年9月", "XXXX-09", None)]),
    # not dates
    ("冷戦期には", []),
    ("３回の実験のうち２回が失敗", []),
    ("３０００－３５００発に削減", []),
    ("第２条に明記", []),
    ("１００基の迎撃ミサイル", []),
    ("３ヵ月後", []),
    ("3年間", []),
    ("50%の削減", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:18] for c in CASES])
def test_dates(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert dates(text) == expected


def test_anchor_year_seeds_resolution() -> None:
    assert [(d.text, d.value) for d in find_dates("4月14日", anchor_year=2000)] == [("4月14日", "2000-04-14")]


@pytest.mark.parametrize(("s", "n"), [("12", 12), ("十二", 12), ("二十", 20), ("一九九三", 1993), ("二〇〇〇", 2000), ("二千", 2000), ("百五", 105)])
def test_kanji_numerals(s: str, n: int) -> None:
    assert kanji_to_int(s) == n
