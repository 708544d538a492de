"""Quality targets measured on hand-made gold: the corpus document and the second test set.

These are the issue's targets — F1 ≥ 0.95 per label with ≥ 0.95 value/name accuracy on the corpus,
≥ 0.90 on the hand-written second set — checked on every run, so a regression fails the suite.
"""

from __future__ import annotations

import pytest

from jpnlp.evaluate import evaluate_all

from .conftest import CORPUS, ROOT


@pytest.fixture(scope="module")
def results():  # type: ignore[no-untyped-def]
    return evaluate_all(CORPUS / "annotations", CORPUS, ROOT / "tests" / "data" / "entities_second_set.jsonl")


@pytest.mark.parametrize(("which", "target"), [("corpus gold", 0.95), ("second set", 0.90)])
@pytest.mark.parametrize("label", ["TREATY", "LEADER", "DATE"])
def test_rules_meet_the_targets(results, which: str, target: float, label: str) -> None:  # type: ignore[no-untyped-def]
    r = results[f"rules on the {which}"]
    assert r.scores[label].f1 >= target, r.errors
    acc = r.value_accuracy if label == "DATE" else r.name_accuracy(label)
    assert acc >= target, r.errors


@pytest.mark.parametrize("which", ["corpus gold", "second set"])
@pytest.mark.parametrize("label", ["TREATY", "LEADER", "DATE"])
def test_fast_mode_within_two_points_of_the_full_mode(results, which: str, label: str) -> None:  # type: ignore[no-untyped-def]
    full, fast = results[f"rules on the {which}"], results[f"fast mode on the {which}"]
    assert fast.scores[label].f1 >= full.scores[label].f1 - 0.02, fast.errors


def test_rules_beat_ginza_on_every_label(results) -> None:  # type: ignore[no-untyped-def]
    for which in ("corpus gold", "second set"):
        ours, ginza = results[f"rules on the {which}"], results[f"GiNZA on the {which}"]
        for label in ("TREATY", "LEADER", "DATE"):
            assert ours.scores[label].f1 > ginza.scores[label].f1


def test_gold_sizes(results) -> None:  # type: ignore[no-untyped-def]
    corpus = results["rules on the corpus gold"].scores
    assert {k: v.tp + v.fn for k, v in corpus.items()} == {"TREATY": 81, "LEADER": 28, "DATE": 32}
