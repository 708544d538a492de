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
