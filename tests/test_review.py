"""Review and correct: extract records round-trip, export to annotation tools, import back as gold.

The loop of issue #16, on an invented document in fast mode: export to each format, edit one mention's
English name and one vote's result in the exported file, import it, build with ``--gold`` and find the
edit in the gold split and in ``jpnlp eval --passages``; bad corrected files get one line and no output.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.document import Document

runner = CliRunner()

# An invented document: a date, a treaty, a leader, an anaphoric date, a vote tally.
TEXT = (
    "2021年2月3日、米国とロシアは新戦略兵器削減条約の延長で合意した。\n\n"
    "プーチン大統領は同日、延長を定めた法律に署名した。\n\n"
    "国連総会は2022年12月7日、核兵器禁止条約への参加を促す決議案を賛成124、反対43、棄権14で採択した。\n"
)
EDITED_EN = "Edited Treaty Name"
FORMATS = ("labelstudio", "doccano", "spacy", "passages")


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "doc.txt").write_text(TEXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extract_file(corpus: Path) -> Path:
    out = corpus.parent / "doc.extract.jsonl"
    _ok(["extract", str(corpus), "--fast", "-o", str(out)])
    return out


@pytest.fixture(scope="module")
def exported(extract_file: Path) -> dict[str, Path]:
    out = {}
    for fmt in FORMATS:
        out[fmt] = extract_file.parent / f"doc.{fmt}.{'json' if fmt == 'labelstudio' else 'jsonl'}"
        _ok(["export", fmt, str(extract_file), "-o", str(out[fmt])])
    return out


# -- Document.from_dict / to_dict ----------------------------------------------


def test_extract_record_round_trip(extract_file: Path) -> None:
    record = json.loads(extract_file.read_text(encoding="utf-8"))
    doc = Document.from_dict(record)
    assert doc.to_dict() == record
    assert [e.label for e in doc.entities] == ["DATE", "TREATY", "LEADER", "DATE", "DATE", "TREATY", "VOTE"]
    assert doc.votes[0].for_ == 124 and doc.votes[0].result == "passed"


def test_corrected_in_python_and_written_back(extract_file: Path) -> None:
    record = json.loads(extract_file.read_text(encoding="utf-8"))
    doc = Document.from_dict(record)
    doc.entities[1].en = EDITED_EN
    doc.votes[0].abstain = 15
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again.entities[1].en == EDITED_EN and again.votes[0].abstain == 15
    assert [b.text for b in again.blocks][1] == "プーチン大統領は同日、延長を定めた法律に署名した。"


def test_record_without_sentences_is_segmented() -> None:
    doc = Document.from_dict({"doc_id": "x", "text": "米国は批准した。ロシアも批准した。\n\n見出し"})
    assert [s.text for s in doc.sentences] == ["米国は批准した。", "ロシアも批准した。", "見出し"]
    assert [s.block_index for s in doc.sentences] == [0, 0, 1]


# -- the loop: export, edit, import, build --gold, eval ------------------------


def _edit_labelstudio(data: Any) -> Any:
    task = data[0]
    result = task["predictions"][0]["result"]
    treaty = next(r["id"] for r in result if r["type"] == "labels" and r["value"]["labels"] == ["TREATY"])
    for r in result:
        if r["id"] == treaty and r["from_name"] == "en":
            r["value"]["text"] = [EDITED_EN]
    task["annotations"] = [{"result": result, "was_cancelled": False}]  # as the reviewer saves it
    task["data"]["votes"][0]["result"] = "rejected"
    return data


def _edit_lines(side: str) -> Callable[[Any], Any]:
    def edit(obj: Any) -> Any:
        i = next(i for i, e in enumerate(obj[side]) if e["label"] == "TREATY")
        obj[side][i]["en"] = EDITED_EN
        obj["votes"][0]["result"] = "rejected"
        return obj

    return edit


def _edit_doccano(obj: Any) -> Any:
    # doccano's labels are [start, end, label]; the attributes are in the side field, in the same order
    i = next(i for i, x in enumerate(obj["label"]) if x[2] == "TREATY")
    obj["entity_attrs"][i]["en"] = EDITED_EN
    obj["votes"][0]["result"] = "rejected"
    return obj


EDITS: dict[str, Callable[[Any], Any]] = {
    "labelstudio": _edit_labelstudio,
    "doccano": _edit_doccano,
    "spacy": _edit_lines("spans"),
    "passages": _edit_lines("entities"),
}


def _rewrite(path: Path, fmt: str, edit: Callable[[Any], Any]) -> Path:
    out = path.with_name(f"edited.{path.name}")
    text = path.read_text(encoding="utf-8")
    if fmt == "labelstudio":
        out.write_text(json.dumps(edit(json.loads(text)), ensure_ascii=False), encoding="utf-8")
    else:
        lines = [json.dumps(edit(json.loads(line)), ensure_ascii=False) for line in text.splitlines()]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_edit_import_build_eval(fmt: str, corpus: Path, exported: dict[str, Path], tmp_path: Path) -> None:
    import datasets

    edited = _rewrite(exported[fmt], fmt, EDITS[fmt])
    gold = tmp_path / "gold.jsonl"
    _ok(["import", fmt, str(edited), "-o", str(gold)])
    record = json.loads(gold.read_text(encoding="utf-8"))
    assert record["id"] == "doc" and record["text"] == TEXT.rstrip("\n")
    assert [e["en"] for e in record["entities"] if e["label"] == "TREATY"] == [EDITED_EN, "TPNW"]
    assert record["votes"][0]["result"] == "rejected" and record["votes"][0]["for"] == 124

    # every sentence in test: the gold split holds them all, with the corrections
    _ok(["build", str(corpus), "-o", str(tmp_path / "ds"), "--fast", "--gold", str(gold), "--ratios", "0,0,1"])
    ds = datasets.load_from_disk(str(tmp_path / "ds" / "jpnlp-arms-control" / "disk"))
    gold_rows, test_rows = list(ds["gold"]), list(ds["test"])
    assert all(r["reviewed"] for r in gold_rows) and not any(r["reviewed"] for r in test_rows)
    assert EDITED_EN in [e["en"] for r in gold_rows for e in r["entities"]]
    assert EDITED_EN not in [e["en"] for r in test_rows for e in r["entities"]]  # test keeps jpnlp's own labels
    assert [v["result"] for r in gold_rows for v in r["votes"]] == ["rejected"]
    assert [v["result"] for r in test_rows for v in r["votes"]] == ["passed"]

    out = _ok(["eval", "--passages", str(gold), "--fast", "--errors", "--json", str(tmp_path / "scores.json")])
    scores = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))[str(gold)]
    assert scores["name_accuracy"] == 0.6667  # 2 of 3 names: the pipeline still says New START
    assert scores["votes"]["fields"]["result"] == 0.0 and scores["votes"]["fields"]["abstain"] == 1.0
    assert f"English '新戦略兵器削減条約': gold {EDITED_EN} got New START" in out
    assert "result gold rejected got passed" in out


def test_unedited_import_scores_perfectly(exported: dict[str, Path], tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    _ok(["import", "labelstudio", str(exported["labelstudio"]), "-o", str(gold)])
    _ok(["eval", "--passages", str(gold), "--fast", "--json", str(tmp_path / "s.json")])
    scores = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))[str(gold)]
    assert scores["name_accuracy"] == 1.0 and scores["votes"]["field_exact_rate"] == 1.0


def test_corrections_replace_silver_rows_in_train(corpus: Path, exported: dict[str, Path], tmp_path: Path) -> None:
    import datasets

    gold = tmp_path / "gold.jsonl"
    _ok(["import", "passages", str(_rewrite(exported["passages"], "passages", EDITS["passages"])), "-o", str(gold)])
    _ok(["build", str(corpus), "-o", str(tmp_path / "ds"), "--fast", "--gold", str(tmp_path), "--ratios", "1,0,0"])
    ds = datasets.load_from_disk(str(tmp_path / "ds" / "jpnlp-arms-control" / "disk"))
    assert list(ds) == ["train"]  # nothing in test, so no gold split
    rows = list(ds["train"])
    assert all(r["reviewed"] for r in rows)
    assert EDITED_EN in [e["en"] for r in rows for e in r["entities"]]


def test_build_gold_text_mismatch_stops_the_build(corpus: Path, exported: dict[str, Path], tmp_path: Path) -> None:
    record = json.loads(exported["passages"].read_text(encoding="utf-8"))
    record["text"] = record["text"].replace("米国", "英国")
    for e in record["entities"]:
        e["text"] = record["text"][e["start"] : e["end"]]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "ds"), "--fast", "--gold", str(gold)])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {gold.resolve()}: document 'doc': the corrected text is not the document's text "
                             "(they differ from offset 10): export the document again\n")  # fmt: skip
    assert not (tmp_path / "ds").exists()


def test_build_gold_bad_file_stops_before_any_work(corpus: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "doc", "text": "abc", "entities": [{"start": 0, "end": 2, "label": "X"}]}\n', encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "ds"), "--fast", "--gold", str(gold)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {gold}: document 'doc': span 0-2 'ab': unknown label 'X' (expected one of TREATY, LEADER, DATE, VOTE)"
    assert not (tmp_path / "ds").exists()


# -- bad corrected files: one line, no output ----------------------------------


def _ls_shift(data: Any) -> Any:
    r = next(r for r in data[0]["predictions"][0]["result"] if r["type"] == "labels")
    r["value"]["start"] += 1
    return data


def _ls_label(data: Any) -> Any:
    r = next(r for r in data[0]["predictions"][0]["result"] if r["type"] == "labels")
    r["value"]["labels"] = ["WEAPON"]
    return data


def _doccano_range(obj: Any) -> Any:
    obj["label"][0][1] = 10_000
    return obj


def _doccano_label(obj: Any) -> Any:
    obj["label"][0][2] = "ORG"
    return obj


def _spacy_shift(obj: Any) -> Any:
    obj["spans"][1]["start"] += 2
    obj["spans"][1]["end"] += 2
    return obj


def _passages_vote(obj: Any) -> Any:
    obj["votes"][0]["start"] -= 3
    return obj


def _passages_count(obj: Any) -> Any:
    obj["votes"][0]["for"] = "many"
    return obj


BAD = [
    ("labelstudio", _ls_shift, "document 'doc': span 1-9 '2021年2月3日': the text there is '021年2月3日'"),
    ("labelstudio", _ls_label, "unknown label 'WEAPON' (expected one of TREATY, LEADER, DATE, VOTE)"),
    ("doccano", _doccano_range, "document 'doc': span 0-10000: offsets outside the text (0-119)"),
    ("doccano", _doccano_label, "document 'doc': span 0-9 '2021年2月3日': unknown label 'ORG'"),
    ("spacy", _spacy_shift, "document 'doc': span 19-28 '新戦略兵器削減条約': the text there is '略兵器削減条約の延'"),
    ("passages", _passages_vote, "document 'doc': vote 95-113 '賛成124、反対43、棄権14': the text there is"),
    ("passages", _passages_count, "document 'doc': vote '賛成124、反対43、棄権14': 'for' must be a non-negative integer"),
]


@pytest.mark.parametrize(("fmt", "edit", "message"), BAD, ids=[f"{b[0]}-{b[1].__name__}" for b in BAD])
def test_bad_import_one_line_no_output(
    fmt: str, edit: Callable[[Any], Any], message: str, exported: dict[str, Path], tmp_path: Path
) -> None:
    bad = _rewrite(exported[fmt], fmt, edit)
    out = tmp_path / "gold.jsonl"
    result = runner.invoke(app, ["import", fmt, str(bad), "-o", str(out)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad}: ") and message in lines[0], result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("fmt", "content", "message"),
    [
        ("labelstudio", '[{"data": {"text": "abc"}', "not valid JSON (Expecting ',' delimiter"),
        ("doccano", '{"text": "abc", "label": [[0, 1, "DATE"]]}\n{"text": \n', "line 2: not valid JSON"),
        ("spacy", '{"text": "abc", "spans": [}\n', "line 1: not valid JSON"),
        ("passages", "", "no documents"),
        ("labelstudio", '[{"text": "abc"}]', "task 1: no 'data' object"),
        ("doccano", '{"text": "abc", "label": [[0, 1]]}\n', "line 1: 'label' must be a list of [start, end, label]"),
        ("passages", '{"id": "a", "text": "abc"}\n{"id": "a", "text": "abc"}\n', "document 'a' appears twice"),
    ],
)
def test_malformed_import_one_line_no_output(fmt: str, content: str, message: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out" / "gold.jsonl"
    result = runner.invoke(app, ["import", fmt, str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {bad}: "), result.stderr
    assert message in result.stderr
    assert not out.parent.exists()


def test_import_keeps_an_earlier_gold_file(exported: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    out.write_text("earlier\n", encoding="utf-8")
    bad = _rewrite(exported["spacy"], "spacy", _spacy_shift)
    assert runner.invoke(app, ["import", "spacy", str(bad), "-o", str(out)]).exit_code == 2
    assert out.read_text(encoding="utf-8") == "earlier\n"


# -- Label Studio details -------------------------------------------------------


def test_labelstudio_utf16_offsets_and_annotation_over_prediction() -> None:
    from jpnlp.review import labelstudio
    from jpnlp.review.records import check

    text = "🙂 米国は新START条約を批准した。"
    start, n = text.index("新START条約"), len("新START条約")
    region = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": start + 1, "end": start + 1 + n, "text": "新START条約", "labels": ["TREATY"]}}  # fmt: skip
    en = {"id": "r1", "from_name": "en", "to_name": "text", "type": "textarea",
          "value": {"start": start + 1, "end": start + 1 + n, "text": ["New START"]}}  # fmt: skip
    task = {"data": {"text": text, "doc_id": "t"},
            "predictions": [{"result": []}],
            "annotations": [{"result": [region, en]}, {"result": [], "was_cancelled": True}]}  # fmt: skip
    [record] = [check(r) for r in labelstudio.read(json.dumps([task]))]
    assert [(e["start"], e["end"], e["text"], e["en"]) for e in record["entities"]] == [
        (start, start + n, "新START条約", "New START")
    ]


def test_labelstudio_config_names_every_label_and_text_area() -> None:
    from jpnlp.review.labelstudio import LABEL_CONFIG

    for name in ('value="TREATY"', 'value="VOTE"', 'name="en"', 'name="kb_id"', 'name="value"', 'perRegion="true"'):
        assert name in LABEL_CONFIG


# -- report and export read extract records and corrected files ----------------


def test_report_reads_extract_records_and_corrected_files(extract_file: Path, exported: dict[str, Path], tmp_path: Path) -> None:
    for src in (extract_file, exported["doccano"]):
        page = tmp_path / "r.html"
        _ok(["report", str(src), "-o", str(page)])
        html = page.read_text(encoding="utf-8")
        assert "新戦略兵器削減条約" in html and "New START" in html and "UN General Assembly" in html
        assert "&quot;entities&quot;" not in html and '"entities"' not in html  # not the JSON shown as text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.jsonl", '{"doc_id": "a", "foo": 1}\n', "JSON, but neither a jpnlp extract record nor a corrected file"),
        ("x.json", '{"doc_id": "a", "sentences": [\n', "not valid JSON"),
        ("x.jsonl", '{"doc_id": "a", "sentences": []}\n', "line 1: not a jpnlp extract record (KeyError: 'text')"),
        ("x.json", "米国は批准した。", "not JSON: neither an extract record nor a corrected file"),
    ],
)
def test_report_rejects_what_it_cannot_read(name: str, content: str, message: str, tmp_path: Path) -> None:
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and f"error: {src}: {message}" in result.stderr, result.stderr
    assert not (tmp_path / "r.html").exists()


def test_export_reads_texts_and_extract_records_alike(corpus: Path, extract_file: Path, tmp_path: Path) -> None:
    from_text, from_record = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _ok(["export", "spacy", str(corpus), "--fast", "-o", str(from_text)])
    _ok(["export", "spacy", str(extract_file), "-o", str(from_record)])
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (from_text, from_record))
    assert a == b
    assert [s["kb_id"] for s in a["spans"] if s["label"] == "TREATY"] == ["treaty.new_start", "treaty.tpnw"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("米国は批准した。", "text"),
        ("{ 波括弧で始まる文。", "text"),
        ('{"doc_id": "a", "text": "", "sentences": []}', "extract"),
        ('[{"data": {"text": "a"}}]', "labelstudio"),
        ('{"text": "a", "label": []}', "doccano"),
        ('{"text": "a", "spans": []}', "spacy"),
        ('{"id": "a", "text": "a", "entities": []}', "passages"),
    ],
)
def test_detect(text: str, kind: str) -> None:
    from jpnlp.review.detect import detect

    assert detect(text, "input.txt") == kind


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_loop_on_the_shipped_corpus(fmt: str, tmp_path: Path) -> None:
    """The same loop on the corpus document (fast mode), in every format: 145 mentions, 4 votes, one of each
    edited."""
    import datasets

    from .conftest import CORPUS

    exported = tmp_path / ("review.json" if fmt == "labelstudio" else "review.jsonl")
    _ok(["export", fmt, str(CORPUS), "--fast", "-o", str(exported)])
    edited = _rewrite(exported, fmt, EDITS[fmt])
    gold = tmp_path / "gold.jsonl"
    _ok(["import", fmt, str(edited), "-o", str(gold)])
    _ok(["build", str(CORPUS), "-o", str(tmp_path / "ds"), "--fast", "--gold", str(gold), "--ratios", "0,0,1"])
    rows = list(datasets.load_from_disk(str(tmp_path / "ds" / "jpnlp-arms-control" / "disk"))["gold"])
    assert [e["en"] for r in rows for e in r["entities"]].count(EDITED_EN) == 1
    assert [v["result"] for r in rows for v in r["votes"]].count("rejected") == 1
    _ok(["eval", "--passages", str(gold), "--fast", "--json", str(tmp_path / "s.json")])
    scores = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))[str(gold)]
    assert scores["votes"]["fields"]["result"] == 0.75
    assert scores["name_accuracy"] == round(108 / 109, 4)  # every name right but the edited one
