"""The document's date from its dateline, header or trailer: a table of texts and the dates they give."""

from __future__ import annotations

import pytest

from jpnlp.docdate import check_doc_date, detect_doc_date
from jpnlp.normalize import normalize

BODY = "外務省は同日、声明を発表した。会議は来月にも開かれる見通しだ。"

CASES: list[tuple[str, str | None]] = [
    # a date line of its own near the top
    (f"軍縮会議の結果について\n令和5年5月19日\n{BODY}", "2023-05-19"),
    (f"2015年3月2日 18時40分\n{BODY}", "2015-03-02"),
    (f"見出し\n\n2024-12-6 09:10\n{BODY}", "2024-12-06"),
    (f"報道発表\n平成30年4月2日(月曜日)\n{BODY}", "2018-04-02"),
    (f"99/12/03\n{BODY}", "1999-12-03"),
    (f"2003-05-30 第156回国会 参議院 本会議 第29号\n{BODY}", "2003-05-30"),
    # a wire lead: a bracket holding the date
    (f"【ジュネーブ時事 2012年4月5日】{BODY}", "2012-04-05"),
    # a year-less header takes its year from a full date of the same day in the text
    (f"見出し\n6月3日14時10分配信 東西新聞\n写真=2011年6月3日撮影\n{BODY}", "2011-06-03"),
    # a date followed by a separator in a title line
    (f"「川柳の題」 2019年10月02日 | 時事欄 {BODY}", "2019-10-02"),
    # trailers
    (f"{BODY}\n(2019-08-03 東西新聞 夕刊)", "2019-08-03"),
    (f"{BODY}\n最終更新 : 2020-01-15T10:20:30+09:00", "2020-01-15"),
    (f"{BODY}\nupdated 2021/2/3", "2021-02-03"),
    # not datelines: a sentence beginning with a date, facts in the last lines, month precision, no year anywhere
    (f"2007年9月12日、首相が辞任した。\n{BODY}", None),
    (f"{BODY}\n署名 =1993年1月13日", None),
    (f"平成9年12月\n{BODY}", None),
    (f"見出し\n12/6(火) 12:36配信\n{BODY}", None),
    (f"[ロンドン 11日 ロイター] - {BODY}", None),
    (f"署名日 | 1972年5月26日 | 1979年6月18日\n{BODY}", None),
    (BODY, None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:16] for c in CASES])
def test_detect_doc_date(text: str, expected: str | None) -> None:
    assert detect_doc_date(normalize(text)) == expected


@pytest.mark.parametrize(("given", "expected"), [("2023-05-19", "2023-05-19"), (" 2000-02-29 ", "2000-02-29")])
def test_check_doc_date(given: str, expected: str) -> None:
    assert check_doc_date(given) == expected


@pytest.mark.parametrize("bad", ["2023-5-19", "2023/05/19", "2023-02-30", "yesterday", ""])
def test_check_doc_date_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        check_doc_date(bad)
