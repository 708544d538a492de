"""Hostile input through the whole pipeline (fast mode): invariants that must hold for any text.

CI runs a bounded number of examples (``JPNLP_FUZZ_EXAMPLES``, default 60); set it higher for a long run.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jpnlp
from jpnlp.pipeline import SUDACHI_MAX_BYTES, annotate, chunk_spans, default_pipeline, entities_of
from jpnlp.segment import MAX_CHARS

EXAMPLES = int(os.environ.get("JPNLP_FUZZ_EXAMPLES", "60"))
PIECES = [
    "ＳＴＡＲＴⅡ条約", "賛成２８８、反対１３１、棄権４で可決した。", "同条約", "１９９９年３－６月", "プーチン大統領",
    "「", "」", "（", "）", "(1)", "。", "\n", "\n\n", " ", "\u3000", "\t", "\f", "\r\n", "ｶﾞ", "Ⅻ", "e\u0301",
    "\U0001f600", "\u200b", "\x00", "\x07", "\ufeff", "http://x.org/a.htm", "Vol. 17", "…", "―", "ー",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=20), st.sampled_from(PIECES)), max_size=40).map("".join)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return default_pipeline(fast=True)


def check(text: str, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = jpnlp.prepare(text, layout="auto")
    assert jpnlp.normalize(doc.text) == doc.text  # normalization is idempotent on the output
    n, r = len(doc.text), len(doc.raw)
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= n and 0 <= s.raw_start <= s.raw_end <= r
        assert s.end - s.start <= MAX_CHARS
        assert doc.text[s.start : s.end] == s.text
    for a, b in chunk_spans(doc):
        assert len(doc.text[a:b].encode("utf-8")) < SUDACHI_MAX_BYTES
    spacy_doc = annotate(doc, nlp)
    assert spacy_doc.text == doc.text
    bounds = [(s.start, s.end) for s in doc.sentences]
    for e in entities_of(spacy_doc, doc):
        assert 0 <= e.start < e.end <= n and doc.text[e.start : e.end] == e.text
        assert doc.raw[e.raw_start : e.raw_end] == e.raw_text
        if e.label != "VOTE":  # a listed tally may run over line-sentences; names and dates stay inside one
            assert any(a <= e.start and e.end <= b for a, b in bounds), (e.text, bounds)


@given(TEXT)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_any_text(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    check(text, nlp)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t\u3000 ",
        "(1)(2)(3)\n(4)",
        "「" * 500 + "条約" + "」" * 3,
        "（" * 200 + "。" * 200,
        "".join(chr(c) for c in range(0x2000, 0x2030)) + "\u3000\u00a0\u1680\u205f",
        "\U0001f600" * 1000 + "ＳＴＡＲＴⅡ条約",
        "e\u0301" * 2000,
        "\x00\x01\x02 text",
    ],
    ids=["empty", "whitespace", "only markers", "nested open", "parens and stops", "all spaces", "emoji", "combining", "controls"],
)
def test_hostile_cases(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    check(text, nlp)


def test_a_megabyte_line_without_a_full_stop(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "核軍備管理、" * 180_000  # ~1 MB of UTF-8, no 。
    doc = jpnlp.prepare(text)
    assert max(s.end - s.start for s in doc.sentences) <= MAX_CHARS
    assert all(len(doc.text[a:b].encode("utf-8")) < SUDACHI_MAX_BYTES for a, b in chunk_spans(doc))
    assert annotate(doc, nlp).text == doc.text
