"""The longest-first matcher: the same choice as comparing every pair, in n log n."""

from __future__ import annotations

import time
from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from jpnlp.rules import longest_first


@dataclass(frozen=True)
class M:
    start: int
    end: int


def _quadratic(items: list[M]) -> list[M]:
    taken: list[M] = []
    for c in sorted(items, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda t: M(t[0], t[0] + t[1])), max_size=40)


@given(SPANS)
def test_same_choice_as_comparing_every_pair(items: list[M]) -> None:
    assert longest_first(items) == _quadratic(items)


def test_dense_leader_titles_take_linear_time() -> None:
    """Before: every title searched back from offset 0 (64,000 characters took about 25 s)."""
    from jpnlp.glossary import default_glossary
    from jpnlp.rules.leaders import find_leaders

    text = "ゴルバチョフ書記長と李鵬首相、" * 4000
    began = time.perf_counter()
    found = find_leaders(text, default_glossary())
    assert len(found) == 8000
    assert time.perf_counter() - began < 5
