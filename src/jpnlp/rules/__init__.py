"""Rules on plain strings: dates, treaty names, leaders, vote tallies (no spaCy needed).

Shared here: reading the data tables of ``jpnlp/data/`` and choosing among overlapping matches.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Protocol, TypeVar


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the TSV ``jpnlp/data/<name>`` (``#`` lines are comments, the first other line the header)."""
    text = resources.files("jpnlp").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t"))


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def longest_first(items: Iterable[S]) -> list[S]:
    """Non-overlapping matches, the longest winning (then the leftmost), in text order.

    The matches taken so far are kept sorted by start (they do not overlap, so their ends are sorted too):
    a candidate need only be compared with its two neighbours.
    """
    starts: list[int] = []
    taken: list[S] = []
    for c in sorted(items, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect_right(starts, c.start)
        if i > 0 and not (c.end <= taken[i - 1].start or c.start >= taken[i - 1].end):
            continue
        if i < len(taken) and not (c.end <= taken[i].start or c.start >= taken[i].end):
            continue
        starts.insert(i, c.start)
        taken.insert(i, c)
    return taken
