"""How far the rules' silver labels of a sentence agree with GiNZA's own entities.

GiNZA's ENE labels are mapped to ours (``Person`` → LEADER, ``Date`` → DATE, ``Treaty``/``Law`` → TREATY);
the score is the F1 of exact span-and-label matches between the two in the sentence (1.0 when neither finds
anything), so training can keep only the sentences where the two independent annotators agree.  GiNZA's
``Person`` covers every person, not only leaders, so a low score flags a sentence, it does not prove the
rules wrong.
"""

from __future__ import annotations

from collections.abc import Iterable

GINZA_TO_OURS = {"Treaty": "TREATY", "Law": "TREATY", "Person": "LEADER", "Date": "DATE"}
COMPARED = ("TREATY", "LEADER", "DATE")

Span = tuple[int, int, str]


def mapped(ginza: Iterable[Span]) -> set[Span]:
    """GiNZA's entities that have one of our labels, relabelled."""
    return {(s, e, GINZA_TO_OURS[label]) for s, e, label in ginza if label in GINZA_TO_OURS}


def agreement(rules: Iterable[Span], ginza: Iterable[Span]) -> float:
    """F1 of exact matches between the rules' TREATY/LEADER/DATE spans and GiNZA's mapped ones."""
    ours = {x for x in rules if x[2] in COMPARED}
    theirs = mapped(ginza)
    if not ours and not theirs:
        return 1.0
    return round(2 * len(ours & theirs) / (len(ours) + len(theirs)), 4)
