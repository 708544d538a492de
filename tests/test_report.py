"""The HTML report: escaping, structure, gold beside silver, and the page as a browser renders it."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.pipeline import process
from jpnlp.report import render

from .conftest import CORPUS, CORPUS_DOC

runner = CliRunner()


class Counter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.marks: list[str] = []
        self.vote_rows = 0
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "mark":
            self.marks.append(a.get("class") or "")
        if tag == "tr" and (a.get("id") or "").startswith("vote-"):
            self.vote_rows += 1
        if tag == "script":
            self.scripts += 1


def parse(page: str) -> Counter:
    c = Counter()
    c.feed(page)
    return c


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("r") / "report.html"
    result = runner.invoke(app, ["report", str(CORPUS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_corpus_report_structure(corpus_page: Path) -> None:
    c = parse(corpus_page.read_text(encoding="utf-8"))
    assert len(c.marks) == 81 + 28 + 32 + 4  # every entity of the corpus document is highlighted
    assert sum("ent-VOTE" in m for m in c.marks) == 4
    assert c.vote_rows == 4
    assert c.scripts == 0  # no JavaScript, no network


def test_html_is_escaped() -> None:
    doc = process("<script>alert('x')</script> & ＳＴＡＲＴⅡ条約は２０００年に批准された。", layout="plain")
    page = render([doc])
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; " in page
    assert parse(page).scripts == 0


def test_dataset_report_shows_gold_beside_silver(tmp_path: Path) -> None:
    from jpnlp.dataset import build_dataset

    data = build_dataset([CORPUS], tmp_path / "ds").path
    out = tmp_path / "ds.html"
    result = runner.invoke(app, ["report", "--dataset", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count('<div class="pair">') == 22  # the gold split's sentences
    assert "Gold against silver on 22 sentences" in page


def test_report_in_a_browser(corpus_page: Path, tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (Debian package 'chromium'); .ci/run installs it where it can")
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
    ]  # fmt: skip
    dom = subprocess.run([browser, *flags, "--dump-dom", corpus_page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    c = parse(dom.stdout)
    assert len(c.marks) == 145 and c.vote_rows == 4
    assert "CONSOLE" not in dom.stderr and "Uncaught" not in dom.stderr  # no console messages, no errors
    shot = tmp_path / "report.png"
    subprocess.run([browser, *flags, "--window-size=1100,1500", f"--screenshot={shot}", corpus_page.as_uri()],
                   capture_output=True, timeout=120)  # fmt: skip
    assert shot.exists() and shot.stat().st_size > 50_000
    assert CORPUS_DOC.exists()
