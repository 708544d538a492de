"""Rules + model: the rules' spans win where they fire, the model adds what overlaps none of them."""

from __future__ import annotations

import pytest

from jpnlp.combine import combine_spans, tags_to_spans


@pytest.mark.parametrize(
    ("rules", "model", "expected"),
    [
        # the model's longer or shorter version of a rules span loses
        ([(0, 4, "LEADER")], [(0, 2, "LEADER")], [(0, 4, "LEADER")]),
        ([(0, 2, "LEADER")], [(0, 4, "LEADER")], [(0, 2, "LEADER")]),
        # a different label on the same text loses too: the rules decide where they fire
        ([(5, 9, "TREATY")], [(5, 9, "LEADER")], [(5, 9, "TREATY")]),
        # what the rules missed is added
        ([(0, 4, "DATE")], [(10, 14, "LEADER")], [(0, 4, "DATE"), (10, 14, "LEADER")]),
        ([], [(3, 6, "TREATY"), (8, 9, "DATE")], [(3, 6, "TREATY"), (8, 9, "DATE")]),
        # nothing may overlap a tally; the model never adds one
        ([(0, 12, "VOTE")], [(4, 6, "DATE"), (20, 24, "VOTE")], [(0, 12, "VOTE")]),
        # touching is not overlapping
        ([(0, 4, "DATE")], [(4, 8, "LEADER")], [(0, 4, "DATE"), (4, 8, "LEADER")]),
    ],
)
def test_rules_win_model_adds(rules: list, model: list, expected: list) -> None:
    assert combine_spans(rules, model) == expected


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-LEADER", "I-LEADER", "O"], [(0, 4, "LEADER")]),
        (["I-DATE", "I-DATE", "O"], [(0, 4, "DATE")]),  # an I- without its B- still starts a span
        (["B-DATE", "B-DATE", "O"], [(0, 2, "DATE"), (2, 4, "DATE")]),
        (["B-DATE", "I-LEADER", "I-LEADER"], [(0, 2, "DATE"), (2, 6, "LEADER")]),
        (["O", "O", "B-TREATY"], [(4, 6, "TREATY")]),
    ],
)
def test_tags_to_spans(tags: list[str], expected: list) -> None:
    assert tags_to_spans([(0, 2), (2, 4), (4, 6)], tags) == expected


@pytest.mark.parametrize(
    ("model", "confirm", "expected"),
    [
        ([(10, 14, "LEADER")], {(10, 14, "LEADER")}, [(10, 14, "LEADER")]),
        ([(10, 14, "LEADER")], {(10, 12, "LEADER")}, []),  # GiNZA found another span: not confirmed
        ([(10, 14, "LEADER")], set(), []),
        ([(10, 14, "LEADER")], None, [(10, 14, "LEADER")]),  # no GiNZA NER (fast mode): nothing to confirm with
    ],
)
def test_model_additions_need_confirmation(model: list, confirm: set | None, expected: list) -> None:
    assert combine_spans([], model, confirm) == expected


@pytest.mark.parametrize(
    ("trusted", "expected"),
    [
        (frozenset(), []),
        (frozenset({"DATE"}), [(0, 4, "DATE")]),  # a trusted label needs no confirmation
        (frozenset({"DATE", "TREATY"}), [(0, 4, "DATE"), (8, 12, "TREATY")]),
    ],
)
def test_trusted_labels_need_no_confirmation(trusted: frozenset, expected: list) -> None:
    model = [(0, 4, "DATE"), (8, 12, "TREATY")]
    assert combine_spans([(20, 24, "LEADER")], model, set(), trusted) == [*expected, (20, 24, "LEADER")]
