"""The models benchmark's figures: per-passage counts, bootstrap intervals (seeded), and the report table."""

from __future__ import annotations

from pathlib import Path

import pytest

from jpnlp.passages import GoldEntity, Passage
from jpnlp.train.bench import Mention, passage_counts, prf, scores
from jpnlp.train.report import bench_lines, write_report


def counts(tp: int, fp: int, fn: int) -> dict[str, tuple[int, int, int]]:
    return {"TREATY": (tp, fp, fn), "LEADER": (0, 0, 0), "DATE": (0, 0, 0), "VOTE": (1, 0, 0)}


@pytest.mark.parametrize(("tp", "fp", "fn", "f1"), [(1, 0, 0, 1.0), (1, 1, 0, 0.6667), (0, 0, 0, 0.0), (2, 1, 1, 0.6667)])
def test_prf(tp: int, fp: int, fn: int, f1: float) -> None:
    assert round(prf(tp, fp, fn)[2], 4) == f1


def test_bootstrap_is_seeded_and_brackets_the_point_estimate() -> None:
    rows = [counts(1, 0, 0), counts(0, 1, 1), counts(2, 0, 1), counts(1, 1, 0)] * 5
    a, b = scores(rows, 300, seed=13), scores(rows, 300, seed=13)
    assert a == b
    lo, hi = a["TREATY"]["ci95"]["f1"]
    assert lo <= a["TREATY"]["f1"] <= hi
    assert a["VOTE"]["f1"] == 1.0 and a["micro_no_vote"]["tp"] == a["TREATY"]["tp"]


def test_mentions_match_like_eval_passages() -> None:
    text = "山川一郎首相は北湖条約に署名した。"
    gold = (GoldEntity(0, 4, "山川一郎", "LEADER"), GoldEntity(7, 11, "北湖条約", "TREATY"))
    p = Passage("x", text, gold, ())
    pred = [Mention("LEADER", 0, 2, "山川", "山川"), Mention("TREATY", 7, 11, "北湖条約", "北湖条約")]
    c = passage_counts(p, pred)
    assert c["TREATY"] == (1, 0, 0) and c["LEADER"] == (0, 1, 1)  # a name cut short is a miss and a spurious


def test_report_includes_the_bench_table(tmp_path: Path) -> None:
    bench = {"seed": 13, "resamples": 10, "passages": {"a/develop.jsonl": 4},
             "systems": {"rules": {"time_vs_rules": 1.0, "scores": {"a/develop.jsonl": scores([counts(1, 0, 0)] * 4, 10)}},
                         "rules+m/model-best": {"time_vs_rules": 1.3,
                                                "scores": {"a/develop.jsonl": scores([counts(1, 1, 0)] * 4, 10)}}}}  # fmt: skip
    lines = bench_lines(bench)
    assert any(line.startswith("| `m` + rules | develop.jsonl |") for line in lines)
    out = write_report(tmp_path, None, bench)
    assert "bootstrap" in out.read_text(encoding="utf-8")
