"""The data tables of ``jpnlp/data/``: one reader, and the tables more than one stage folds text with.

Lowest layer: imports nothing of jpnlp, so the glossary and the rules can both use it.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the TSV ``jpnlp/data/<name>`` (``#`` lines are comments, the first other line the header)."""
    text = resources.files("jpnlp").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return tuple(csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t"))


@cache
def old_forms() -> dict[int, str]:
    """Old character forms → new (``data/old_kanji.tsv``: 條 → 条), as a ``str.translate`` table."""
    return str.maketrans({r["old"]: r["new"] for r in read_table("old_kanji.tsv")})
