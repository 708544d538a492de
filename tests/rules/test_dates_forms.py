"""DATE forms of real Japanese text beyond news prose: Western-era prefixes, BC years and centuries, era letters,
mixed kanji numerals, dotted and slashed dates, more deictic words and parts of a period, dates broken by a line."""

from __future__ import annotations

import pytest

from jpnlp.normalize import normalize
from jpnlp.rules.dates import find_dates, kanji_to_int

Row = tuple[str, str, str | None]


def dates(text: str, doc_date: str | None = None) -> list[Row]:
    return [(d.text, d.value, d.mod) for d in find_dates(normalize(text), doc_date=doc_date)]


FORMS: list[tuple[str, list[Row]]] = [
    # 西暦 (the Western era) is part of the expression
    ("西暦1995年に延長された", [("西暦1995年", "1995", None)]),
    ("西暦１９６８年７月１日署名", [("西暦1968年7月1日", "1968-07-01", None)]),
    ("西暦1970/3/5発効", [("西暦1970/3/5", "1970-03-05", None)]),
    # BC years and centuries (a century like a decade: its years' first digits, then X)
    ("紀元前５００年ごろの遺跡", [("紀元前500年ごろ", "BC0500", "APPROX")]),
    ("紀元前1200年の", [("紀元前1200年", "BC1200", None)]),
    ("２０世紀の軍拡競争", [("20世紀", "19XX", None)]),
    ("二十一世紀の安全保障", [("二十一世紀", "20XX", None)]),
    ("20世紀後半の核実験", [("20世紀後半", "19XX", "LATE")]),
    ("紀元前4世紀の", [("紀元前4世紀", "BC03XX", None)]),
    # a century as a span of time is not a date
    ("半世紀にわたる交渉", []),
    ("四半世紀ぶりの会談", []),
    ("1世紀にわたり", []),
    ("約2世紀前", []),
    ("世紀の発見", []),
    # era letters (as on forms and tables)
    ("H8.9.24署名", [("H8.9.24", "1996-09-24", None)]),
    ("S47/5/15に返還", [("S47/5/15", "1972-05-15", None)]),
    ("R4年度予算", [("R4年度", "2022", "FY")]),
    ("Ｈ１２年４月", [("H12年4月", "2000-04", None)]),
    ("平成8.9.24付の通知", [("平成8.9.24", "1996-09-24", None)]),
    ("WHO3年", []),
    ("節S3.1.2.4", []),  # a section number, not 昭和3年1月2日
    # no year 0 of an era; a decade of an era is not its tenth year but ten years from it
    ("平成0年", []),
    ("昭和四十年代の", [("昭和四十年代", "1965/1974", None)]),
    ("平成10年代前半", [("平成10年代前半", "1998/2007", "EARLY")]),
    ("平成15年代", []),
    # a text writing kanji digits after a unit (千九百〇八, 千八百七〇)
    ("千九百〇八年", [("千九百〇八年", "1908", None)]),
    ("千八百七〇年", [("千八百七〇年", "1870", None)]),
    # an old text's dotted kanji date; a dotted date with a four-digit year
    ("一九五一・九・八調印", [("一九五一・九・八", "1951-09-08", None)]),
    ("1972・5・26署名", [("1972・5・26", "1972-05-26", None)]),
    ("1990・91・92年", [("92年", "1992", None)]),  # a list of years, not a dotted date
    # a year and a month with a slash; not a season across two years
    ("2013/4の報告", [("2013/4", "2013-04", None)]),
    ("2013/04月号", [("2013/04月", "2013-04", None)]),
    ("2008/09年度の予算", [("2008/09年度", "2008", "FY")]),
    ("2008/09年の景気", [("2008/09年", "2008/2009", None)]),
    ("2013/13", []),
    # the Gregorian year with the era year in brackets, in kanji
    ("一九六〇年(昭和三十五年)に", [("一九六〇年(昭和三十五年)", "1960", None)]),
    ("昭和三十五年(一九六〇年)一月", [("昭和三十五年(一九六〇年)一月", "1960-01", None)]),
    ("1956年(昭和31)10月19日", [("1956年(昭和31)10月19日", "1956-10-19", None)]),
    ("昭和31年(1956)の宣言", [("昭和31年(1956)", "1956", None)]),
    ("2001年(13)", [("2001年", "2001", None)]),  # a note number, not an era year
    ("7・8月の会期", [("7・8月", "XXXX-07/XXXX-08", None)]),
    # 翌 before a year written out
    ("1996年9月に署名し、翌1997年4月に発効", [("1996年9月", "1996-09", None), ("翌1997年4月", "1997-04", None)]),
    # parts of a period written in kana or as 頭/始め
    ("1998年なかばに", [("1998年なかば", "1998", "MID")]),
    ("平成5年おわりに", [("平成5年おわり", "1993", "LATE")]),
    ("1998年始めに", [("1998年始め", "1998", "EARLY")]),
    ("1998年3月頭に", [("1998年3月頭", "1998-03", "EARLY")]),
    ("1998年始めた制度", [("1998年", "1998", None)]),
    # two slash dates joined by a dash are a range, in order; fractions are not
    ("3/9～3/20に開催", [("3/9", "XXXX-03-09", None), ("3/20", "XXXX-03-20", None)]),
    ("3/9(月) - 3/13(金)", [("3/9", "XXXX-03-09", None), ("3/13", "XXXX-03-13", None)]),
    ("人口の2/3～1/2が", []),
    ("成功率は2/3～3/4と", []),
    ("1/2～1/3に減る", []),
    # decades written with two digits take their century by context; a range of decades is one span
    ("80年代に配備された", [("80年代", "198X", None)]),
    ("1950年代末から60年代前半", [("1950年代末", "195X", "LATE"), ("60年代前半", "196X", "EARLY")]),
    ("50～60年代の", [("50~60年代", "195X/196X", None)]),
    ("同年代の学者", []),
    # a year range whose second year drops its century; a fiscal year's part
    ("1987～91年の交渉", [("1987~91年", "1987/1991", None)]),
    ("1998～2004年", [("1998~2004年", "1998/2004", None)]),
    ("2009年度末までに", [("2009年度末", "2009", "FY")]),
    # days named by a word
    ("1995年元日に", [("1995年元日", "1995-01-01", None)]),
    ("1999年大晦日", [("1999年大晦日", "1999-12-31", None)]),
    ("元日本大使と元日銀総裁", []),
    # a list of days closed by 両日 (both days): each day its own date
    ("1997年9月8、9の両日", [("1997年9月8", "1997-09-08", None), ("9", "1997-09-09", None)]),
    ("1997年9月、11、12両日に", [("1997年9月", "1997-09", None), ("11", "1997-09-11", None), ("12", "1997-09-12", None)]),
    ("1、2日間の日程", []),
    # half years; a part after 同N月; a two-digit year before an acronym (95年NPT…)
    ("2003年上半期に", [("2003年上半期", "2003", "EARLY")]),
    ("1996年5月に始まり、同6月末に終わった", [("1996年5月", "1996-05", None), ("同6月末", "1996-06", "LATE")]),
    ("85年NPT再検討会議", [("85年", "1985", None)]),
    # English ordinals
    ("signed on May 26th, 1972", [("May 26th, 1972", "1972-05-26", None)]),
    ("the 26th of May 1972", [("26th of May 1972", "1972-05-26", None)]),
    # 頃/ごろ (about) is part of the expression, as a part of a period is
    ("1986年4月頃に", [("1986年4月頃", "1986-04", "APPROX")]),
    ("1970年代末ごろ", [("1970年代末ごろ", "197X", "LATE")]),
    ("午後3時頃", []),
    # a kanji day or month inside a place name or a word; a rate per day
    ("四日市市と十日町で", []),
    ("三日月形の湖", []),
    ("三日月曜日に", [("三日", "XXXX-XX-03", None)]),
    ("五月雨式の交渉", []),
    ("1日平均20件", []),
    # a PDF line break between a number and its unit
    ("1997年12\n月3日に署名", [("1997年12\n月3日", "1997-12-03", None)]),
    ("平成9年5\n月", [("平成9年5\n月", "1997-05", None)]),
    # …or after a unit, where a long line was wrapped (a short line before it is a heading)
    ("核実験の全面的な禁止を定めた条約は国連総会で1996年\n9月10日に採択された", [("1996年\n9月10日", "1996-09-10", None)]),
    ("1996年\n9月10日に採択", [("1996年", "1996", None), ("9月10日", "1996-09-10", None)]),
]

DEICTIC: list[tuple[str, str, list[Row]]] = [
    ("あさって公表する", "2015-03-30", [("あさって", "2015-04-01", None)]),
    ("明後日に採決", "2015-12-31", [("明後日", "2016-01-02", None)]),
    ("おととしの会議", "2015-03-30", [("おととし", "2013", None)]),
    ("再来週に再開", "2015-03-30", [("再来週", "2015-W16", None)]),
    ("先々週の会合", "2015-03-30", [("先々週", "2015-W12", None)]),
    ("前々日に通知", "2015-03-30", [("前々日", "2015-03-28", None)]),
    ("翌々月に批准", "2015-03-30", [("翌々月", "2015-05", None)]),
    ("今年度末までに", "2015-03-30", [("今年度末", "2014", "FY")]),
    ("この秋の総会", "2015-03-30", [("この秋", "2015-FA", None)]),
    ("昨年7~9月の成長", "2015-03-30", [("昨年7~9月", "2014-07/2014-09", None)]),
    ("来月6~8日に開く", "2015-03-30", [("来月6~8日", "2015-04-06/2015-04-08", None)]),
    ("発表は今日", "2015-03-30", [("今日", "2015-03-30", None)]),  # at the end of a text: today, not nowadays
    ("元旦に発表", "2015-03-30", [("元旦", "2015-01-01", None)]),
    ("昨年の大みそかに", "2015-03-30", [("昨年の大みそか", "2014-12-31", None)]),
    ("7、8日に開く", "2015-03-30", [("7", "2015-03-07", None), ("8日", "2015-03-08", None)]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS, ids=[c[0][:16] for c in FORMS])
def test_forms(text: str, expected: list[Row]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "doc_date", "expected"), DEICTIC, ids=[c[0][:16] for c in DEICTIC])
def test_more_deictic_words(text: str, doc_date: str, expected: list[Row]) -> None:
    assert dates(text, doc_date) == expected


@pytest.mark.parametrize(("s", "n"), [("千九百〇八", 1908), ("千八百七〇", 1870), ("二千〇〇五", 2005), ("百〇七", 107), ("千六〇〇", 1600)])
def test_kanji_digits_after_a_unit(s: str, n: int) -> None:
    assert kanji_to_int(s) == n
