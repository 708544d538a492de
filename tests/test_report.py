"""The HTML report: structure without script, escaping, gold beside silver, and the page as a browser works it."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.pipeline import process
from jpnlp.report import compare, document_html, render, render_dataset

from .conftest import CORPUS

runner = CliRunner()
DRIVER = Path(__file__).parent / "data" / "report_driver.js"
HOSTILE = '<script>window.pwned=1</script>"\'&<img src=x onerror="window.pwned=2">'
HOSTILE_NAME = "<img src=x onerror=window.pwned=3>\"&'"  # no '/': a file name cannot hold one


class Page(HTMLParser):
    """What a reader without script gets: marks, glosses, ids, links, rows, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str | None]] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.rows: dict[str, list[str]] = {}  # table class → row ids
        self.scripts: list[dict[str, str | None]] = []
        self.glosses: list[str] = []
        self.tags: list[str] = []
        self._table = ""
        self._in_gloss = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "mark":
            self.marks.append(a)
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.hrefs.append((a.get("href") or "")[1:])
        if tag == "table":
            self._table = a.get("class") or ""
        if tag == "tr" and a.get("id"):
            self.rows.setdefault(self._table, []).append(a.get("id") or "")
        if tag == "script":
            self.scripts.append(a)
        self._in_gloss = tag == "span" and a.get("class") == "gloss"

    def handle_data(self, data: str) -> None:
        if self._in_gloss:
            self.glosses.append(data)
            self._in_gloss = False


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("r") / "report.html"
    result = runner.invoke(app, ["report", str(CORPUS), "-o", str(out), "--fast"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def hostile_doc():  # type: ignore[no-untyped-def]
    doc = process(
        f"{HOSTILE} ＳＴＡＲＴⅡ条約は２０００年５月に批准された。賛成２８８、反対１３１で可決した。", layout="plain"
    )
    doc.doc_id = HOSTILE_NAME
    doc.meta = {"title": HOSTILE}
    return doc


def test_corpus_report_without_script(corpus_page: Path) -> None:
    """Everything a reviewer needs is in the HTML itself; the script only adds controls."""
    page = corpus_page.read_text(encoding="utf-8")
    p = parse(page)
    assert len(p.marks) == 81 + 28 + 32 + 4  # every entity of the corpus document is highlighted
    assert sum(m["data-label"] == "VOTE" for m in p.marks) == 4
    assert len(p.rows["votes"]) == 4
    assert p.scripts == [{}]  # one inline script, nothing loaded
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no network
    assert 'id="controls" class="controls" hidden' in page  # shown by the script only
    named = [m for m in p.marks if m["data-label"] in ("TREATY", "LEADER", "DATE")]
    assert len(p.glosses) == len(named)  # English name or DATE value beside every mark, not only on hover
    assert "START II" in p.glosses and "1997-03" in p.glosses
    assert all(m["data-src"] == "glossary" for m in p.marks if m["data-label"] in ("TREATY", "LEADER"))


def test_every_link_has_its_target(corpus_page: Path) -> None:
    p = parse(corpus_page.read_text(encoding="utf-8"))
    assert p.hrefs and set(p.hrefs) <= p.ids


def test_entity_table_groups_mentions_by_id(corpus_page: Path) -> None:
    page = corpus_page.read_text(encoding="utf-8")
    p = parse(page)
    groups = p.rows["ents"]
    assert 10 < len(groups) < 145  # grouped, not one row per mention
    linked = [h for h in p.hrefs if re.fullmatch(r"d0-m\d+", h)]
    assert len(linked) == 145 - 4  # each non-VOTE mention linked once from its group
    row = re.search(r'<tr id="(d0-e\d+)"[^>]*>(?:(?!</tr>).)*START II<(?:(?!</tr>).)*</tr>', page)
    assert row is not None and "STARTII条約" in row.group(0)


def test_vote_rows_link_both_ways(corpus_page: Path) -> None:
    page = corpus_page.read_text(encoding="utf-8")
    for i in range(4):
        row = re.search(rf'<tr id="d0-v{i}"(?:(?!</tr>).)*</tr>', page).group(0)  # type: ignore[union-attr]
        sent_id = re.search(r'<td class="sentence"><a href="#(d0-s\d+)">', row).group(1)  # type: ignore[union-attr]
        sent = re.search(rf'<span class="sent" id="{sent_id}">(?:(?!class="sent").)*', page).group(0)  # type: ignore[union-attr]
        assert f'href="#d0-v{i}"' in sent  # the sentence's VOTE mark links back to the row
        assert '<td class="num">' in row and "<td>passed</td>" in row  # the record's fields
    duma = re.search(r'<tr id="d0-v\d"(?:(?!</tr>).)*>288<(?:(?!</tr>).)*</tr>', page).group(0)  # type: ignore[union-attr]
    assert all(f">{x}<" in duma for x in ("131", "4", "2000-04-14")) and "State Duma" in duma


@pytest.mark.parametrize(
    "field, value",
    [
        ("text", HOSTILE),
        ("doc_id", HOSTILE_NAME),
        ("meta", HOSTILE),
        ("en", HOSTILE),
        ("en_source", HOSTILE),
        ("value", HOSTILE),
        ("subject_en", HOSTILE),
    ],
)
def test_hostile_strings_are_escaped(hostile_doc, field: str, value: str) -> None:  # type: ignore[no-untyped-def]
    import copy

    doc = copy.deepcopy(hostile_doc)
    treaty = next(e for e in doc.entities if e.label == "TREATY")
    date = next(e for e in doc.entities if e.label == "DATE")
    if field in ("en", "en_source"):
        setattr(treaty, field, value)
    elif field == "value":
        date.value = value
    elif field == "subject_en":
        doc.votes[0].subject_en = value
    for page in (render([doc]), document_html(doc)):
        p = parse(page)
        assert "<script>window" not in page and "<img" not in page
        assert html.escape(value, quote=True) in page
        assert "img" not in p.tags and len(p.scripts) <= 1
        assert p.hrefs and set(p.hrefs) <= p.ids  # ids come from numbers, never from the text


def test_document_html_for_notebooks(hostile_doc) -> None:  # type: ignore[no-untyped-def]
    a, b = document_html(hostile_doc), document_html(hostile_doc)
    assert a.startswith('<div class="jpnlp"><style>') and "<script" not in a
    assert parse(a).ids.isdisjoint(parse(b).ids)  # two cells in one notebook do not share anchors
    assert len(parse(a).marks) == len(hostile_doc.entities)
    # Document._repr_html_ is this fragment: a notebook shows the document with its marks
    html = hostile_doc._repr_html_()
    assert html.startswith('<div class="jpnlp"><style>') and len(parse(html).marks) == len(hostile_doc.entities)


S = {"start": 0, "end": 4, "label": "TREATY", "en": "START II", "value": None}
D = {"start": 5, "end": 9, "label": "DATE", "en": None, "value": "2000-05"}


@pytest.mark.parametrize(
    "silver, gold, s_kinds, g_kinds",
    [
        ([S, D], [S, D], ["agree", "agree"], ["agree", "agree"]),
        ([S], [S, D], ["agree"], ["agree", "missed"]),
        ([S, D], [S], ["agree", "spurious"], ["agree"]),
        ([{**S, "label": "LEADER"}], [S], ["wrong"], ["wrong"]),
        ([{**S, "en": "START III"}], [S], ["wrong-en"], ["wrong-en"]),
        ([{**S, "en": None}], [S], ["wrong-en"], ["wrong-en"]),
        ([S], [{**S, "en": None}], ["agree"], ["agree"]),  # gold without a name says nothing about it
        ([{**D, "value": "2000-06"}], [D], ["wrong-value"], ["wrong-value"]),
    ],
)
def test_compare_gold_and_silver(silver: list, gold: list, s_kinds: list, g_kinds: list) -> None:
    assert compare.compare(silver, gold) == (s_kinds, g_kinds)


def _fake_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, silver: list, gold: list, rows: int = 1) -> Path:
    """A dataset folder whose test and gold splits hold sentences with the given entities (then agreeing ones)."""
    from jpnlp.train import metrics

    (tmp_path / "data").mkdir(parents=True)
    for split in ("test", "gold"):
        (tmp_path / "data" / f"{split}-00000.parquet").touch()
    text = "START 2000年5"
    split_rows = {
        "test": [{"id": f"d#{i}", "text": text, "entities": silver if i == 0 else gold} for i in range(rows)],
        "gold": [{"id": f"d#{i}", "text": text, "entities": gold} for i in range(rows)],
    }
    monkeypatch.setattr(metrics, "load_rows", lambda _d, split: split_rows[split])
    return tmp_path


@pytest.mark.parametrize(
    "silver, gold, phrase",
    [
        ([S, D], [S, D], "2 mentions agree, 0 missed"),
        ([{**S, "en": "START III"}, D], [S, D], "1 with a wrong English name"),
        ([S, {**D, "value": "2000-06"}], [S, D], "1 with a wrong DATE value"),
        ([S], [S, D], "1 missed"),
    ],
)
def test_dataset_report_compares_names_and_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, silver: list, gold: list, phrase: str
) -> None:
    page = render_dataset(_fake_dataset(tmp_path, monkeypatch, silver, gold))
    assert phrase in page
    assert "on 1 sentences (" in page and f"{len(gold)} gold mentions" in page
    disagree = phrase != "2 mentions agree, 0 missed"
    assert ("Sentences with a disagreement: 1 of 1." in page) == disagree
    assert ('data-dis="1"' in page) == disagree
    assert 'id="dis"' in page  # the "disagreements only" filter


def test_dataset_report_shows_gold_beside_silver(tmp_path: Path) -> None:
    from jpnlp.dataset import build_dataset

    data = build_dataset([CORPUS], tmp_path / "ds").path
    out = tmp_path / "ds.html"
    result = runner.invoke(app, ["report", "--dataset", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<div class="pair sent"') == 22  # the gold split's sentences
    assert "Gold against silver on 22 sentences (" in page and "mentions agree" in page


def _browser() -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (Debian package 'chromium'); .ci/run installs it where it can")
    return browser


def _flags(tmp_path: Path) -> list[str]:
    return [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
        "--window-size=1100,900",
    ]  # fmt: skip


def _drive(page: Path, tmp_path: Path, query: str = "abm") -> dict:
    """Open the page with the test driver appended; what the driver saw."""
    driven = tmp_path / f"driven-{page.name}"
    script = f"<script>window.DRIVER_QUERY = {json.dumps(query)};{DRIVER.read_text(encoding='utf-8')}</script>"
    driven.write_text(page.read_text(encoding="utf-8").replace("</body>", script + "</body>"), encoding="utf-8")
    cmd = [_browser(), *_flags(tmp_path), "--virtual-time-budget=3000", "--dump-dom", driven.as_uri()]
    dom = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Uncaught" not in dom.stderr, dom.stderr[-2000:]  # no script errors
    found = re.search(r'<pre id="driver-result">(.*?)</pre>', dom.stdout, re.DOTALL)
    assert found, dom.stdout[-2000:]
    return json.loads(html.unescape(found.group(1)))


def test_report_in_a_browser(corpus_page: Path, tmp_path: Path) -> None:
    r = _drive(corpus_page, tmp_path)
    assert r["controls"] and r["scripts"] == 2 and r["pwned"] == "undefined"
    assert r["label_on"] == ["DATE"] and r["label_entity_rows"] == ["DATE"]  # filter by label
    assert 0 < r["label_sentences"] < r["sentences"] and r["label_sentences_have_date"]
    assert r["reset_sentences"] == r["sentences"]
    assert r["source_labels"] == ["LEADER", "TREATY"]  # filter by English-name source
    assert r["unaligned_only"] == [0, True] and r["disagreements_only"] is None  # nothing unaligned; no gold here
    assert 0 < r["search_sentences"] < r["sentences"] and r["search_all_match"]  # search
    assert r["count"] == f"{r['search_sentences']} of {r['sentences']} sentences shown"
    assert r["expanded"] and r["collapsed"] == 0  # expand and collapse all
    assert r["sentence_is_sent"] and r["sentence_flash"] and r["sentence_in_view"]  # vote row → sentence
    assert r["back_to_row"] and r["row_flash"] and r["row_in_view"] and r["sentence_unflashed"]  # and back
    assert r["mention_flash"]  # entity table → mention
    assert r["gloss_hidden"]  # the English-name toggle
    assert r["collapsed_marks_rendered"] == 0 and r["print_all_open"] and r["after_print_open"] == 0


def test_print_styles(corpus_page: Path, tmp_path: Path) -> None:
    """The print rules applied on screen: names shown though toggled off, closed documents shown, no controls."""
    page = corpus_page.read_text(encoding="utf-8")
    assert page.count("@media print {") == 1
    printed = tmp_path / "printed.html"
    printed.write_text(page.replace("@media print {", "@media all {"), encoding="utf-8")
    r = _drive(printed, tmp_path)
    assert not r["gloss_hidden"] and not r["controls_rendered"]
    assert r["collapsed_marks_rendered"] == 145


def test_hostile_file_in_a_browser(tmp_path: Path) -> None:
    _browser()
    src = tmp_path / f"{HOSTILE_NAME}.txt"
    text = f"{HOSTILE}\nＳＴＡＲＴⅡ条約は２０００年５月に批准された。\n両国はモモンガ海洋協力条約に署名した。\n"
    src.write_text(text, encoding="utf-8")  # an invented treaty: not in the glossary
    out = tmp_path / "hostile.html"
    result = runner.invoke(app, ["report", str(src), "-o", str(out), "--fast"])
    assert result.exit_code == 0, result.output
    r = _drive(out, tmp_path, query="script")
    assert r["pwned"] == "undefined" and r["images"] == 0 and r["scripts"] == 2  # nothing injected runs
    assert r["headings"] == [HOSTILE_NAME]  # the file name shows as text
    assert r["search_sentences"] == 1 and r["search_all_match"]
    assert r["unaligned_only"] == [1, True]


def test_dataset_report_in_a_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _browser()
    data = _fake_dataset(tmp_path / "ds", monkeypatch, [{**S, "en": "START III"}, D], [S, D], rows=2)
    out = tmp_path / "ds.html"
    out.write_text(render_dataset(data), encoding="utf-8")
    r = _drive(out, tmp_path, query="start")
    assert r["sentences"] == 2 and r["disagreements_only"] == [1, True]  # the disagreement filter
    assert r["search_sentences"] == 2 and r["label_on"] == ["DATE"]


def test_report_without_script_in_a_browser(corpus_page: Path, tmp_path: Path) -> None:
    """The page's own script removed: every mark, name and vote row still shows, and no dead controls."""
    page = corpus_page.read_text(encoding="utf-8")
    static = tmp_path / "static.html"
    static.write_text(re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL), encoding="utf-8")
    r = _drive(static, tmp_path)
    assert not r["controls"] and r["scripts"] == 1  # only the driver
    assert r["marks_rendered"] == 145 and r["glosses_rendered"] == 141 and r["vote_rows_rendered"] == 4


def test_report_screenshot(corpus_page: Path, tmp_path: Path) -> None:
    """The corpus report searched for 批准 (ratification); JPNLP_UPDATE_SCREENSHOT=1 writes it to docs/report.png."""
    search = "<script>var q = document.getElementById('q'); q.value = '批准'; q.dispatchEvent(new Event('input', {bubbles: true}));</script>"
    searched = tmp_path / "searched.html"
    searched.write_text(
        corpus_page.read_text(encoding="utf-8").replace("</body>", search + "</body>"), encoding="utf-8"
    )
    shot = tmp_path / "report.png"
    cmd = [_browser(), *_flags(tmp_path), "--window-size=1000,1200", "--hide-scrollbars", "--virtual-time-budget=2000"]
    subprocess.run([*cmd, f"--screenshot={shot}", searched.as_uri()], check=False, capture_output=True, timeout=120)
    assert shot.exists() and 50_000 < shot.stat().st_size < 300_000
    if os.environ.get("JPNLP_UPDATE_SCREENSHOT"):
        shutil.copyfile(shot, Path(__file__).parent.parent / "docs" / "report.png")


def test_dataset_report_escapes_its_title_and_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = {**S, "en": HOSTILE, "en_source": HOSTILE}
    page = render_dataset(_fake_dataset(tmp_path, monkeypatch, [hostile], [S]), title=HOSTILE_NAME)
    assert "<img" not in page and "<script>window" not in page
    assert html.escape(HOSTILE_NAME, quote=True) in page and html.escape(HOSTILE, quote=True) in page
    p = parse(page)
    assert "img" not in p.tags and len(p.scripts) == 1
