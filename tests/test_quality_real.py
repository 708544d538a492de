"""Quality on real text nobody tuned for: the hand-annotated passages in ``tests/data/real``.

The floors are the figures measured when they were last raised (README, "Quality on real text"), less a
point for noise: a change that loses ground on real text fails here. ``heldout`` is never developed on.
"""

from __future__ import annotations

import json

import pytest

from jpnlp.evaluate_passages import PassageReport, score_passages
from jpnlp.passages import read_passages

from .conftest import ROOT

REAL = ROOT / "tests" / "data" / "real"
LABELS = ("TREATY", "LEADER", "DATE", "VOTE")
# (set, label) → F1 floor; then DATE values, English names (accuracy, and the share of found TREATY/LEADER mentions
# that carry one), vote records field-exact
FLOORS: dict[str, dict[str, float]] = {
    # measured 0.974 0.985 0.999 0.980, values 0.989, names 0.981 carried 0.996, records 50/52 (114 passages)
    "develop": {"TREATY": 0.96, "LEADER": 0.97, "DATE": 0.99, "VOTE": 0.96, "values": 0.97, "names": 0.97,
                "named": 0.98, "votes": 0.94},
    # measured 0.907 0.921 0.967 0.863, values 0.958, names 0.961 carried 0.989, records 49/76 (208 passages)
    "heldout": {"TREATY": 0.89, "LEADER": 0.91, "DATE": 0.95, "VOTE": 0.85, "values": 0.94, "names": 0.95,
                "named": 0.98, "votes": 0.63},
}


@pytest.fixture(scope="module")
def reports() -> dict[tuple[str, bool], PassageReport]:
    from jpnlp.pipeline import default_pipeline

    out = {}
    for part in FLOORS:
        passages = read_passages(REAL / f"{part}.jsonl")
        for fast in (False, True):
            out[(part, fast)] = score_passages(passages, default_pipeline(fast))
    return out


def _figures(r: PassageReport) -> dict[str, float]:
    d = r.to_dict()
    return {**{k: d["labels"][k]["f1"] for k in LABELS}, "values": d["date_value_accuracy"],
            "names": d["name_accuracy"], "named": d["name_coverage"],
            "votes": d["votes"]["field_exact_rate"]}  # fmt: skip


@pytest.mark.parametrize("part", list(FLOORS))
def test_real_text_keeps_its_figures(reports, part: str) -> None:  # type: ignore[no-untyped-def]
    got = _figures(reports[(part, False)])
    assert {k: v for k, v in got.items() if v < FLOORS[part][k]} == {}, reports[(part, False)].errors


@pytest.mark.parametrize("part", list(FLOORS))
def test_fast_mode_within_two_points_on_real_text(reports, part: str) -> None:  # type: ignore[no-untyped-def]
    full, fast = reports[(part, False)].scores, reports[(part, True)].scores
    assert {k: (full[k].f1, fast[k].f1) for k in LABELS if fast[k].f1 < full[k].f1 - 0.02} == {}


def test_the_real_set_is_big_and_varied() -> None:
    passages = [p for part in FLOORS for p in read_passages(REAL / f"{part}.jsonl")]
    assert len(passages) >= 250
    assert len({p.kind for p in passages}) >= 8
    assert len({p.source_url for p in passages}) == len(passages)
    records = [json.loads(line) for part in FLOORS for line in (REAL / f"{part}.jsonl").read_text("utf-8").splitlines()]
    assert all(r["annotator"] and r["reviewer"] and r["annotator"] != r["reviewer"] for r in records)
