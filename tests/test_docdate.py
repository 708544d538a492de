"""The document's date from its dateline, header or trailer: a table of texts and the dates they give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.docdate import check_doc_date, detect_doc_date, detect_doc_partial
from jpnlp.document import prepare
from jpnlp.errors import InputError
from jpnlp.io import RawDocument, read_inputs
from jpnlp.journal import content_key
from jpnlp.normalize import normalize
from jpnlp.pipeline import annotate, default_pipeline, process

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
    (f"{BODY}\n2023年02月23日 12時00分", "2023-02-23"),
    # a time stamp opening a line, its update stamp and the story after it
    (f"見出し\n2016年3月4日, 09:30 (更新: 2016年3月9日, 11:00) 議会は3日に{BODY}", "2016-03-04"),
    (f"見出し\n2010年7月1日 18時05分 更新:7月2日 0時10分\n{BODY}", "2010-07-01"),
    # a bracketed time stamp closing the text or a source line
    (f"{BODY}協議は続く。(2012/07/08-15:20)", "2012-07-08"),
    (f"{BODY}\n[東西新聞6月2日] ( 2009-06-02-18:45 )\nhttp://example.com/a.html", "2009-06-02"),
    # a signature: a date and a name, or a place and a date
    (f"{BODY}\n\n2014年5月7日  平和市民連絡会\n\n代表 山田一郎", "2014-05-07"),
    (f"{BODY}\nジュネーブ、2018年3月9日", "2018-03-09"),
    # a stored page's `date` label opening the text, the lead on the same line
    (f" date 2021-03-04 写真=2019年1月2日撮影【東京共同】{BODY}", "2021-03-04"),
    (f"日付:2018-07-09 {BODY}", "2018-07-09"),
    # a site's short tagline ending with 。 does not end the header
    (f"ニュース|毎日を、たのしく。\n\n2020-02-03 衆議院 外務委員会\n{BODY}", "2020-02-03"),
    # a session's date line with its weekday dates a record, even after a site's boilerplate sentence
    ((f"1. 会議録本文\n本文のテキストを表示します。目次から移動することもできます。\n-\n会議録情報\n"
      f"昭和四十一年六月三日(金曜日)\n午後一時開議\n{BODY}"), "1966-06-03"),
    (f"この記事は会員向けの前文です。ここから本文が始まります。\n2019年8月2日(金)\n{BODY}\n{BODY}\n{BODY}", None),
    # a place and a date signing a statement date it, not its release's header
    (f"報道官声明\n発表 2021年4月3日\n{BODY}\n\nジュネーブ、2021年4月1日", "2021-04-01"),
    # a wiki revision's label is not the text's date
    (f"見出し\n\n2012年5月3日 (木) 11:05の版\n{BODY}", None),
    # not datelines: a sentence beginning with a date, facts in the last lines, month precision, no year anywhere
    (f"2007年9月12日、首相が辞任した。\n{BODY}", None),
    (f"2007年9月12日 14時、首相が辞任した。\n{BODY}", None),
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


DAY_CASES: list[tuple[str, str | None]] = [
    # a year-less closing stamp: the day is known, the year is not
    (f"{BODY}\n\n(4月8日21時10分)\n\n国際(4月8日)", "XXXX-04-08"),
    # the text completes it: a full date, no partial day
    (f"{BODY}2011年4月8日に続く。\n(4月8日21時10分)", None),
    (f"令和5年5月19日\n{BODY}", None),
    (BODY, None),
    # a header of month precision: for the deictic words
    (f"軍縮白書\n令和2年3月\n外務省編\n{BODY}", "2020-03-XX"),
    (f"2019年8月、首相が訪米した。\n{BODY}", None),
]


@pytest.mark.parametrize(("text", "expected"), DAY_CASES, ids=[c[0][-14:] for c in DAY_CASES])
def test_detect_doc_partial(text: str, expected: str | None) -> None:
    assert detect_doc_partial(normalize(text)) == expected


def test_a_month_header_dates_the_deictic_words_only() -> None:
    nlp = default_pipeline(fast=True)
    doc = nlp("年次報告\n令和2年3月\n\n2019年は節目の年だった。\n他方、8月に会議が開かれた。本年1月には声明が出た。")
    assert doc._.doc_date is None
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [
        ("令和2年3月", "2020-03"), ("2019年", "2019"), ("8月", "2019-08"), ("本年1月", "2020-01"),
    ]


def test_a_month_header_is_read_from_the_text_as_written_when_layout_repair_joins_it() -> None:
    text = "核軍縮の現状\n令和2年3月\n外務省 軍備管理室編\n2019年は節目の年であった。他方、本年1月にも発射が続いた。\n"
    document = process(text, default_pipeline(fast=True), layout="pdf")
    assert "令和2年3月\n" not in document.text  # the header lines were joined
    assert document.doc_date is None
    assert [(e.text, e.value) for e in document.entities if e.label == "DATE"][-1] == ("本年1月", "2020-01")


def test_a_year_less_stamp_places_the_bare_days_of_its_story() -> None:
    nlp = default_pipeline(fast=True)
    doc = nlp("写真は3月30日に撮影。\n 政府は8日、声明を出した。首相は同日夜、会見した。\n\n(4月8日21時10分)")
    assert doc._.doc_date is None
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [
        ("3月30日", "XXXX-03-30"), ("8日", "XXXX-04-08"), ("同日", "XXXX-04-08"), ("4月8日", "XXXX-04-08"),
    ]


@pytest.mark.parametrize(("given", "expected"), [("2023-05-19", "2023-05-19"), (" 2000-02-29 ", "2000-02-29")])
def test_check_doc_date(given: str, expected: str) -> None:
    assert check_doc_date(given) == expected


@pytest.mark.parametrize("bad", ["2023-5-19", "2023/05/19", "2023-02-30", "yesterday", ""])
def test_check_doc_date_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        check_doc_date(bad)


# -- the date through the stages: Document, Doc extension, extract records, manifests, --doc-date ------------

def test_prepare_detects_takes_and_checks_the_date() -> None:
    text = f"見出し\n2019年8月2日\n{BODY}"
    assert prepare(text).doc_date == "2019-08-02"
    assert prepare(text, doc_date="2020-01-02").doc_date == "2020-01-02"
    assert prepare(RawDocument("x", BODY, "utf-8", None, "2001-02-03")).doc_date == "2001-02-03"
    assert prepare(BODY).doc_date is None
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        prepare(BODY, doc_date="2019/08/02")


def test_doc_extension_is_set_before_the_components_and_resolves_deictic_dates() -> None:
    nlp = default_pipeline(fast=True)
    document = prepare("国連総会は19日、決議を採択した。昨年の決議に続く。", doc_date="2016-12-20")
    doc = annotate(document, nlp)
    assert doc._.doc_date == "2016-12-20"
    assert [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"] == [("19日", "2016-12-19"), ("昨年", "2015")]
    # a Doc made without a Document: the dates component reads the dateline itself
    assert nlp(f"令和5年5月19日\n{BODY}")._.doc_date == "2023-05-19"
    assert nlp(BODY)._.doc_date is None


def test_process_keeps_the_date_in_the_document() -> None:
    assert process(f"2015年3月2日 18時40分\n{BODY}", default_pipeline(fast=True)).doc_date == "2015-03-02"


def test_manifest_dates_reach_the_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    manifest = {"documents": [{"doc_id": "a", "path": "a.txt", "date": "2016-12-20"}, {"doc_id": "b", "path": "b.txt"}]}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    raws = [r for r in read_inputs([tmp_path]) if isinstance(r, RawDocument)]
    assert [(r.doc_id, r.doc_date) for r in raws] == [("a", "2016-12-20"), ("b", None)]
    manifest["documents"][0]["date"] = "20.12.2016"
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(InputError, match="not YYYY-MM-DD"):
        list(read_inputs([tmp_path]))


def test_a_given_date_changes_the_journal_key() -> None:
    assert content_key("s", "a", "t") == content_key("s", "a", "t", None)
    assert content_key("s", "a", "t", "2020-01-01") != content_key("s", "a", "t")


def test_extract_doc_date_option_and_manifest(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("国連総会は19日、決議を採択した。", encoding="utf-8")
    (corpus / "b.txt").write_text("本日、条約が発効した。", encoding="utf-8")
    (corpus / "manifest.json").write_text(
        json.dumps({"documents": [{"doc_id": "a", "path": "a.txt", "date": "2016-12-20"}]}), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["extract", str(corpus), "--fast", "--doc-date", "2020-05-05"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # the manifest's date wins for its document; --doc-date dates the rest
    assert [(r["doc_id"], r["doc_date"], [e["value"] for e in r["entities"]]) for r in records] == [
        ("a", "2016-12-20", ["2016-12-19"]),
        ("b", "2020-05-05", ["2020-05-05"]),
    ]
    bad = CliRunner().invoke(app, ["extract", str(corpus), "--fast", "--doc-date", "5 May 2020"])
    assert bad.exit_code == 2
