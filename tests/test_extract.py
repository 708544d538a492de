"""``jpnlp extract`` and ``jpnlp votes`` on the corpus: the stable record schema and the four tallies."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from jpnlp.cli import app

from .conftest import CORPUS, CORPUS_DOC

runner = CliRunner()

CORPUS_VOTES = [
    # hand-checked against the text: body, date, counts, result and the law voted on
    ("State Duma", "ロシア下院", "2000-04-14", 288, 131, 4, "STARTII条約批准関連法", "Federal Law on Ratification of START II"),
    ("State Duma", "ロシア下院", "2000-04-14", 413, 8, 1, "ABM条約関連文書批准法",
     "Federal Law on Ratification of the ABM Treaty related documents"),
    ("Federation Council", "ロシア上院", "2000-04-19", 122, 15, 7, "STARTII条約批准関連法", "Federal Law on Ratification of START II"),
    ("Federation Council", "ロシア上院", "2000-04-19", 112, 15, 6, "ABM条約関連文書批准法",
     "Federal Law on Ratification of the ABM Treaty related documents"),
]  # fmt: skip


def test_extract_record(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    result = runner.invoke(app, ["extract", str(CORPUS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(rec) == ["doc_id", "doc_date", "meta", "text", "sentences", "entities", "votes", "config"]
    assert rec["meta"] == {k: v for k, v in json.loads((CORPUS / "manifest.json").read_text("utf-8"))["documents"][0].items() if k != "path"}
    assert rec["doc_date"] is None  # the paper has no dateline
    assert rec["config"]["normalize"]["version"] == "2"
    assert (rec["config"]["model"], rec["config"]["trained_model"]) == (f"ja_ginza {_ginza_version()}", None)
    raw = CORPUS_DOC.read_text(encoding="utf-8")
    labels = [e["label"] for e in rec["entities"]]
    assert {x: labels.count(x) for x in set(labels)} == {"TREATY": 81, "LEADER": 28, "DATE": 32, "VOTE": 4}
    for e in rec["entities"]:
        assert set(e) >= {"start", "end", "text", "label", "raw_start", "raw_end", "raw_text", "en", "en_full", "id", "value", "role"}
        assert rec["text"][e["start"] : e["end"]] == e["text"]
        assert raw[e["raw_start"] : e["raw_end"]] == e["raw_text"]
    assert [(v["body"], v["for"]) for v in rec["votes"]] == [(b, f) for b, _, _, f, *_ in CORPUS_VOTES]


def test_votes_on_the_corpus_every_field() -> None:
    result = runner.invoke(app, ["votes", str(CORPUS), "-f", "json"])
    assert result.exit_code == 0, result.output
    votes = json.loads(result.stdout)
    got = [(v["body"], v["body_ja"], v["date"], v["for"], v["against"], v["abstain"], v["subject_ja"], v["subject_en"]) for v in votes]
    assert got == CORPUS_VOTES
    assert all(v["result"] == "passed" and v["other"] is None and v["total"] is None and v["notes"] == [] for v in votes)
    raw = CORPUS_DOC.read_text(encoding="utf-8")
    assert [raw[v["raw_start"] : v["raw_end"]] for v in votes] == [
        "賛成２８８、反対１３１、棄権４", "賛成４１３、\n\n反対８、棄権１", "賛成１２２、\n\n反対１５、棄権７", "賛成１１２、反対１５、棄権６",
    ]  # fmt: skip


def test_votes_csv_with_bom_opens_in_excel(tmp_path: Path) -> None:
    out = tmp_path / "v.csv"
    result = runner.invoke(app, ["votes", str(CORPUS), "-f", "csv", "--bom", "-o", str(out)])
    assert result.exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["for"] for r in rows] == ["288", "413", "122", "112"]
    assert rows[0]["doc_id"] == "us_russia_arms_control_2000.ja"


def _ginza_version() -> str:
    import spacy.util

    return spacy.util.get_package_version("ja_ginza")


def test_the_record_names_what_really_ran(tmp_path: Path) -> None:
    """Fast mode says so; a trained model is named by its path and the digest of its files."""
    import hashlib

    from jpnlp.pipeline import describe, load

    doc = tmp_path / "d.txt"
    doc.write_text("オバマ大統領は2010年4月8日、新START条約に署名した。", encoding="utf-8")
    out = tmp_path / "x.jsonl"
    assert runner.invoke(app, ["extract", str(doc), "-o", str(out), "--fast"]).exit_code == 0
    config = json.loads(out.read_text(encoding="utf-8"))["config"]
    assert (config["model"], config["trained_model"]) == ("none (fast mode: Sudachi tokens and rules)", None)
    model = tmp_path / "m"
    model.mkdir()
    (model / "meta.json").write_bytes(b"{}")  # what makes a folder a model (a spaCy pipeline's meta)
    (model / "weights.bin").write_bytes(b"\x00\x01")
    files = [["meta.json", hashlib.sha256(b"{}").hexdigest()], ["weights.bin", hashlib.sha256(b"\x00\x01").hexdigest()]]
    expected = hashlib.sha256(json.dumps(files).encode()).hexdigest()
    assert describe(load(fast=True), model)["trained_model"] == {"path": str(model), "sha256": expected, "mode": "replace"}


def test_extract_with_two_workers_writes_what_one_writes(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    texts = ["ロシア下院は２０００年４月１４日、ＳＴＡＲＴⅡ条約批准関連法を賛成２８８、反対１３１、棄権４で可決した。",
             "米上院は2010年12月22日、新START条約を71対26で承認した。オバマ大統領は歓迎した。",
             "", "核兵器不拡散条約（ＮＰＴ）は１９７０年に発効した。", "\x00binary"]  # fmt: skip
    for i, t in enumerate(texts):
        (corpus / f"d{i}.txt").write_text(t, encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r1 = runner.invoke(app, ["extract", str(corpus), "-o", str(one), "--fast"])
    r2 = runner.invoke(app, ["extract", str(corpus), "-o", str(two), "--fast", "--workers", "2"])
    assert (r1.exit_code, r2.exit_code) == (1, 1)  # the binary file is reported either way
    assert two.read_bytes() == one.read_bytes()
    assert [json.loads(x)["doc_id"] for x in one.read_text(encoding="utf-8").splitlines()] == ["d0", "d1", "d2", "d3"]


def test_extract_workers_need_an_output_file() -> None:
    result = runner.invoke(app, ["extract", str(CORPUS), "--workers", "2"])
    assert result.exit_code == 2 and "--workers" in result.stderr and "needs -o/--output" in result.stderr
