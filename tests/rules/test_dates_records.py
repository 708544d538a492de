"""DATE phenomena of Diet records, wire copy, chronologies and PDF dumps: era years written without their era
(四十七年, 五十年代), old spellings (きよう), 去る/来る and 昨/今/明 before a day, 同日 after a day of no known month,
a wire lead as a sentence boundary, dotted dates, letter-spaced digits, parts of a period before まで.  Every
sentence here is invented."""

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
    ("十年の努力が実った。", "2010-01-10", []),
    ("平成七年に署名し、十年の秋に批准した。", "2010-01-10", [("平成七年", "1995", None), ("十年", "1998", None)]),
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
    # 去る (past) and 来る (coming) before a day or a month of a dated record
    ("去る二十日に委員会が開かれた。", "1990-06-12", [("二十日", "1990-05-20", None)]),
    ("去る五日に委員会が開かれた。", "1990-06-12", [("五日", "1990-06-05", None)]),
    ("来る三日に採決する。", "1990-06-12", [("三日", "1990-07-03", None)]),
    ("去る十一月八日に署名された。", "1990-06-12", [("十一月八日", "1989-11-08", None)]),
    ("来る二月一日に発効する。", "1990-11-12", [("二月一日", "1991-02-01", None)]),
    ("来たる八日に召集される。", "1990-06-12", [("八日", "1990-07-08", None)]),
    # 一昨昨日 (three days ago), 昨年暮れ (the end of last year)
    ("一昨昨日の理事会で決めた。", "1990-06-12", [("一昨昨日", "1990-06-09", None)]),
    ("昨年暮れから開かれている。", "1990-06-12", [("昨年暮れ", "1989", "LATE")]),
    # an agenda item's ordinal before a date is not part of it (第一 千九百…)
    ("第一 千九百七十年六月五日に署名された議定書", None, [("千九百七十年六月五日", "1970-06-05", None)]),
    ("二千六 年 十 一 月", None, [("二千六 年 十 一 月", "2006-11", None)]),
    # 昨/今/明 before a day: yesterday, today, tomorrow, that day (the prefix is part of the span, as in 本5日)
    ("昨九日、声明を出した。", "1990-06-10", [("昨九日", "1990-06-09", None)]),
    ("昨三十一日、声明を出した。", "1990-06-01", [("昨三十一日", "1990-05-31", None)]),
    ("今十日の本会議で可決した。", "1990-06-10", [("今十日", "1990-06-10", None)]),
    ("明一日に採決する。", "1990-06-30", [("明一日", "1990-07-01", None)]),
    ("政府声明3日付で", "1990-06-10", [("3日", "1990-06-03", None)]),
    # dotted dates: a page's two-digit stamp, a chronology's year and month, its lines' M.D and year headings
    ("09.04.05更新", None, [("09.04.05", "2009-04-05", None)]),
    ("1971.2.11 条約署名\n1972.5 首脳会談\n9.30 協定発効\n1973\n6.22 協定署名(広島(8.6)で)", None,
     [("1971.2.11", "1971-02-11", None), ("1972.5", "1972-05", None), ("9.30", "1972-09-30", None),
      ("1973", "1973", None), ("6.22", "1973-06-22", None), ("8.6", "1973-08-06", None)]),
    ("2010.5億ドルの予算と第3.12節", None, []),
    ("1.5倍\n2.14 会議", None, []),
    # a bracketed aside's date (a later event) does not place the bare months after it; 同年 still reads it
    ("1971年2月11日に署名(72年5月発効)。9月3日には批准した。", None,
     [("1971年2月11日", "1971-02-11", None), ("72年5月", "1972-05", None), ("9月3日", "1971-09-03", None)]),
    ("2001年5月に交渉を始め(2003年1月に妥結)、同年6月に署名した。", None,
     [("2001年5月", "2001-05", None), ("2003年1月", "2003-01", None), ("同年6月", "2003-06", None)]),
    ("1986年に交渉が始まった。首脳会談(1987年12月8日)で調印。10日に批准を求めた。", None,
     [("1986年", "1986", None), ("1987年12月8日", "1987-12-08", None), ("10日", "1987-12-10", None)]),
    ("3月2日に可決した。(2019年 共同)\n4日、署名した", None,
     [("3月2日", "XXXX-03-02", None), ("2019年", "2019", None), ("4日", "2019-03-04", None)]),
    # a chronology that heads its entries with years alone on their lines
    ("年表\n1961\n条約が署名された。\n1963\n8月:条約が発効した。\n1965\n翌年の会議を準備した。", None,
     [("1961", "1961", None), ("1963", "1963", None), ("8月", "1963-08", None), ("1965", "1965", None),
      ("翌年", "1966", None)]),
    ("人数\n1961\n1963\n", None, []),
    # a two-digit year before an event noun (an encyclopedia's 1992年採択。97年発効)
    ("1993年署名。97年発効。", None, [("1993年", "1993", None), ("97年", "1997", None)]),
    ("この20年発効していない", None, []),
    # an academic text's author-year citations are references, not dates; nor is a bracketed count after a noun;
    # English decades and a range of fiscal years are
    ("Jones (1979) と山田(2005b: 33)は", None, []),
    ("定員(2000)を超えた", None, []),
    ("(1979)は", None, []),
    ("the 1960s と 1970's の交渉", None, [("1960s", "196X", None), ("1970's", "197X", None)]),
    ("2016〜2018年度の予算", None, [("2016〜2018年度", "2016/2018", "FY")]),
    # a page's posting and update stamps on lines of their own: the story's dates go by the first
    ("声明を出しました\nINFO\n2019.3.4\n2021.6.30\n3月2日、条約が採択されました。", None,
     [("2019.3.4", "2019-03-04", None), ("2021.6.30", "2021-06-30", None), ("3月2日", "2019-03-02", None)]),
    ("1999.3.4\n2001.6.30\n3月2日", None, [("1999.3.4", "1999-03-04", None), ("2001.6.30", "2001-06-30", None),
                                          ("3月2日", "1999-03-02", None)]),
    # a slash date opening a line (an event's title), its day past the 12th
    ("2/14 記念集会のお知らせ\n2020年2月14日に開きます。", None,
     [("2/14", "2020-02-14", None), ("2020年2月14日", "2020-02-14", None)]),
    ("1/2 の確率", None, []),
    # speech joins a month or a relative word to its day or part with の: one expression, as 今年の3月5日
    ("十月の二十八日に採決された。", "1990-12-01", [("十月の二十八日", "1990-10-28", None)]),
    ("今月の十日、先月の末、昨年の暮れ", "1990-06-12",
     [("今月の十日", "1990-06-10", None), ("先月の末", "1990-05", "LATE"), ("昨年の暮れ", "1989", "LATE")]),
    ("5月の10日間と3月の1日平均", "1990-06-12", [("5月", "1990-05", None), ("3月", "1990-03", None)]),
    # a two-digit year in positional kanji
    ("七二年に署名された。", None, [("七二年", "1972", None)]),
    ("一二年生の授業", None, []),
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
