"""The packaged ``jpnlp-ner`` model: loads by name, offline, and combines with the rules.  Invented text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.models import packaged

TEXT = "ロシア下院は２０００年４月１４日、ＳＴＡＲＴⅡ条約批准関連法を賛成２８８、反対１３１、棄権４で可決した。\n"
needs_model = pytest.mark.skipif("jpnlp-ner" not in packaged(), reason="no packaged jpnlp-ner in this checkout")


def test_combine_needs_a_model(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", str(f), "--fast", "--combine"])
    assert r.exit_code != 0 and "--model" in r.output


@needs_model
def test_packaged_model_is_small() -> None:
    from jpnlp.models import PACKAGED

    size = sum(p.stat().st_size for p in (PACKAGED / "jpnlp-ner").rglob("*") if p.is_file())
    assert size < 10e6


@needs_model
def test_extract_with_the_packaged_model_combined_keeps_the_rules_spans(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    rules = CliRunner().invoke(app, ["extract", str(f), "--fast"])
    both = CliRunner().invoke(app, ["extract", str(f), "--fast", "--model", "jpnlp-ner", "--combine"])
    assert rules.exit_code == 0 and both.exit_code == 0, both.output
    ours = {(e["start"], e["end"], e["label"]) for e in json.loads(rules.stdout)["entities"]}
    record = json.loads(both.stdout)
    combined = {(e["start"], e["end"], e["label"]) for e in record["entities"]}
    assert ours <= combined
    assert record["config"]["trained_model"]["mode"] == "combine"
    date = next(e for e in record["entities"] if e["label"] == "DATE")
    assert date["value"] == "2000-04-14"


@needs_model
def test_python_api_takes_the_name() -> None:
    import jpnlp

    doc = jpnlp.process(TEXT, jpnlp.load(fast=True), model="jpnlp-ner", combine=True)
    assert "VOTE" in {e.label for e in doc.entities}
