"""Document metadata: front matter, manifest entries, and where they go (records, votes, the dataset)."""

from __future__ import annotations

import json
from pathlib import Path

import datasets
import pytest
from typer.testing import CliRunner

import jpnlp
from jpnlp.cli import app
from jpnlp.errors import InputError
from jpnlp.meta import front_matter, merge_meta
from jpnlp.pipeline import default_pipeline

runner = CliRunner()
VOTE = "米上院は2010年12月22日、新START条約を71対26で承認した。"


@pytest.mark.parametrize(
    ("text", "end", "meta"),
    [
        ("---\ntitle: 声明\ndate: 2023-05-19\n---\n本文。", 35, {"title": "声明", "date": "2023-05-19"}),
        ("\ufeff---\nsource: 外務省\n---\r\n本文。", 22, {"source": "外務省"}),
        ("---\n---\n本文。", 8, {}),
        ("本文。\n---\ntitle: x\n---\n", 0, {}),  # not at the top: not a header
        ("---\n本文の上の罫線\n---\n", 0, {}),  # a rule above ordinary text, not YAML mapping
        ("---\ntags: [a, b]\npublished: 2020-01-02\n---\n", 43, {"tags": ["a", "b"], "published": "2020-01-02"}),
    ],
)
def test_front_matter(text: str, end: int, meta: dict) -> None:
    assert front_matter(text) == (end, meta)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("date: 2023-13-40", "x.txt: metadata: date '2023-13-40' is not YYYY-MM-DD"),
        ("date: yesterday", "x.txt: metadata: date 'yesterday' is not YYYY-MM-DD"),
        ("title: [a, b]", "x.txt: metadata: title must be text, not list"),
        ("a: &x [1, 2]\nb: *x", "x.txt: front matter: YAML aliases are not allowed"),
        ("title: 'unclosed", "x.txt: front matter is not valid YAML (while scanning a quoted scalar)"),
    ],
)
def test_bad_front_matter_is_one_line_naming_the_file_and_field(header: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        front_matter(f"---\n{header}\n---\n本文。", "x.txt")
    assert str(info.value) == message


def test_merge_meta_later_wins_and_none_does_not_erase() -> None:
    assert merge_meta({"title": "a", "date": "2020-01-01"}, {"title": "b", "date": None}, None) == {
        "title": "b", "date": "2020-01-01"}  # fmt: skip


def test_front_matter_is_metadata_not_text_and_raw_offsets_still_count_from_the_file(tmp_path: Path) -> None:
    header = "---\ntitle: 新START\ndate: 2010-12-23\n---\n"
    doc = tmp_path / "d.txt"
    doc.write_text(header + VOTE, encoding="utf-8")
    d = jpnlp.process(doc, nlp=default_pipeline(fast=True), doc_date="2000-01-01")
    assert d.text == VOTE and d.meta == {"title": "新START", "date": "2010-12-23"}
    assert d.doc_date == "2000-01-01"  # an explicit date given to prepare wins
    s = d.sentences[0]
    assert (s.raw_start, d.raw[s.raw_start : s.raw_end]) == (len(header), VOTE)
    vote = next(e for e in d.entities if e.label == "VOTE")
    assert d.raw[vote.raw_start : vote.raw_end] == "71対26"


def _corpus(tmp_path: Path, entry: dict) -> Path:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(VOTE, encoding="utf-8")
    (corpus / "manifest.json").write_text(json.dumps({"documents": [entry]}, ensure_ascii=False), encoding="utf-8")
    return corpus


ENTRY = {"doc_id": "a", "path": "a.txt", "title": "米上院の承認", "source": "Example News", "date": "2010-12-23",
         "url": "https://example.org/a", "license": "CC-BY-4.0", "desk": "world"}  # fmt: skip


def test_manifest_metadata_reaches_records_and_votes(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["extract", str(_corpus(tmp_path, ENTRY)), "-o", str(out), "--fast"])
    assert result.exit_code == 0, result.output
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["meta"] == {k: v for k, v in ENTRY.items() if k != "path"}
    assert rec["doc_date"] == "2010-12-23"
    (vote,) = rec["votes"]
    assert (vote["doc_date"], vote["doc_title"], vote["source"]) == ("2010-12-23", "米上院の承認", "Example News")
    csv_out = tmp_path / "v.csv"
    assert runner.invoke(app, ["votes", str(tmp_path / "c"), "--format", "csv", "-o", str(csv_out)]).exit_code == 0
    header, row = csv_out.read_text(encoding="utf-8").splitlines()[:2]
    assert "doc_title" in header.split(",") and "米上院の承認" in row


def test_the_dataset_has_a_documents_table(tmp_path: Path) -> None:
    from jpnlp.dataset import build_dataset

    built = build_dataset([_corpus(tmp_path, ENTRY)], tmp_path / "out", fast=True).path
    (row,) = datasets.load_dataset(str(built), "documents")["train"].to_list()
    assert {k: row[k] for k in ("doc_id", "title", "date", "source", "url", "license", "sentences")} == {
        "doc_id": "a", "title": "米上院の承認", "date": "2010-12-23", "source": "Example News",
        "url": "https://example.org/a", "license": "CC-BY-4.0", "sentences": 1}  # fmt: skip
    assert json.loads(row["meta"])["desk"] == "world"
    (vote,) = datasets.load_dataset(str(built), "votes")["train"].to_list()
    assert (vote["doc_id"], vote["doc_title"], vote["row_id"]) == ("a", "米上院の承認", "a#00000")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({**ENTRY, "date": "2010-02-30"}, "document 1: date '2010-02-30' is not YYYY-MM-DD"),
        ({**ENTRY, "title": 5}, "document 1: title must be text, not int"),
        ({**ENTRY, "path": "missing.txt"}, "document 1: no file 'missing.txt' in "),
    ],
)
def test_bad_manifest_metadata_is_one_line_exit_2_and_no_output(tmp_path: Path, entry: dict, message: str) -> None:
    corpus = _corpus(tmp_path, entry)
    out = tmp_path / "x.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--fast"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {corpus / 'manifest.json'}: {message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "earlier\n"


def test_the_report_shows_a_documents_metadata_escaped(tmp_path: Path) -> None:
    from jpnlp.report import render

    corpus = _corpus(tmp_path, {**ENTRY, "title": "<b>米上院</b>"})
    out = tmp_path / "r.html"
    assert runner.invoke(app, ["report", str(corpus), "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<dt>title</dt><dd>&lt;b&gt;米上院&lt;/b&gt;</dd>" in html
    assert "<dt>date</dt><dd>2010-12-23</dd>" in html and "<dt>desk</dt><dd>world</dd>" in html
    assert '<dl class="meta">' not in render([jpnlp.process("本文。", nlp=default_pipeline(fast=True))])
