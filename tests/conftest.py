"""Shared fixtures: the shipped corpus document and its hand-checked gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CORPUS_DOC = CORPUS / "us_russia_arms_control_2000.ja.txt"
GOLD_SEGMENTS = CORPUS / "annotations" / "us_russia_arms_control_2000.segments.jsonl"


@pytest.fixture(scope="session")
def corpus_raw() -> str:
    return CORPUS_DOC.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_doc():  # type: ignore[no-untyped-def]
    import jpnlp

    return jpnlp.prepare(CORPUS_DOC)


@pytest.fixture(scope="session")
def gold_segments() -> list[dict]:
    with GOLD_SEGMENTS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def slices_to(raw: str, text: str) -> bool:
    """A raw slice is the mention: same first and last character, the mention's characters in order.

    Between them the raw text may hold line breaks and a page number that layout repair dropped.
    """
    from jpnlp import normalize

    r = normalize("".join(raw.split()))
    t = "".join(text.split())
    it = iter(r)
    return r[:1] == t[:1] and r[-1:] == t[-1:] and all(c in it for c in t)
