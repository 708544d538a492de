"""Gold against silver for one sentence: which mentions agree, and how the others differ.

A mention is matched by its span.  A matched mention can still disagree on its label, on its English
name (TREATY/LEADER) or on its DATE value; the name and value are compared only where gold gives one,
since a gold row without an English name says nothing about it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

KINDS = ("agree", "missed", "spurious", "wrong", "wrong-en", "wrong-value")


def _span(e: dict[str, Any]) -> tuple[int, int]:
    return e["start"], e["end"]


def kind(silver: dict[str, Any], gold: dict[str, Any]) -> str:
    """How a silver mention differs from the gold mention on the same span ("agree" when it does not)."""
    if silver["label"] != gold["label"]:
        return "wrong"
    if gold.get("en") and silver.get("en") != gold.get("en"):
        return "wrong-en"
    if gold.get("value") and silver.get("value") != gold.get("value"):
        return "wrong-value"
    return "agree"


def note(k: str, silver: dict[str, Any] | None, gold: dict[str, Any] | None) -> str:
    """A line for the tooltip: what gold says where silver differs."""
    if k == "wrong":
        return f"wrong label: gold {gold['label']}"  # type: ignore[index]
    if k == "wrong-en":
        return f"wrong English name: gold {gold.get('en')}, silver {silver.get('en')}"  # type: ignore[union-attr]
    if k == "wrong-value":
        return f"wrong DATE value: gold {gold.get('value')}, silver {silver.get('value')}"  # type: ignore[union-attr]
    return "" if k == "agree" else k


def compare(silver: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """The kind of each silver mention and of each gold mention, in order."""
    g = {_span(e): e for e in gold}
    s = {_span(e): e for e in silver}
    s_kinds = [kind(e, g[_span(e)]) if _span(e) in g else "spurious" for e in silver]
    g_kinds = [kind(s[_span(e)], e) if _span(e) in s else "missed" for e in gold]
    return s_kinds, g_kinds


def tally(s_kinds: list[str], g_kinds: list[str]) -> Counter[str]:
    """Mentions by kind: silver decides agree/spurious/wrong…, gold adds the missed ones."""
    c = Counter(s_kinds)
    c["missed"] += g_kinds.count("missed")
    return c


def summary(n_sentences: int, counts: Counter[str], n_disagree: int, n_gold: int, n_silver: int) -> str:
    """The comparison in words: sentences compared, then mentions (not sentences) by kind."""
    return (
        f"Gold against silver on {n_sentences} sentences ({n_gold} gold mentions, {n_silver} silver mentions): "
        f"{counts['agree']} mentions agree, {counts['missed']} missed, {counts['spurious']} spurious, "
        f"{counts['wrong']} with a wrong label, {counts['wrong-en']} with a wrong English name, "
        f"{counts['wrong-value']} with a wrong DATE value. Sentences with a disagreement: {n_disagree} of {n_sentences}."
    )
