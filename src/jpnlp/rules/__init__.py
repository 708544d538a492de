"""Rules on plain strings: dates, treaty names, leaders, vote tallies (no spaCy needed).

Shared here: choosing among overlapping matches (and ``read_table``, from :mod:`jpnlp.tables`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Protocol, TypeVar

from ..tables import read_table

__all__ = ["longest_first", "read_table"]


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def longest_first(items: Iterable[S]) -> list[S]:
    """Non-overlapping matches, the longest winning (then the leftmost), in text order."""
    starts: list[int] = []  # of the matches taken, which never overlap: sorted, so two neighbours tell
    taken: list[S] = []
    for c in sorted(items, key=lambda c: (-(c.end - c.start), c.start)):
        k = bisect_right(starts, c.start)
        if k > 0 and taken[k - 1].end > c.start:
            continue
        if k < len(taken) and taken[k].start < c.end:
            continue
        starts.insert(k, c.start)
        taken.insert(k, c)
    return taken
