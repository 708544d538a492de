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


# -- the file-system side: names, types, links, sizes -------------------------

import codecs
import signal
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from jpnlp.cli import app

NAME_BYTES = st.binary(min_size=1, max_size=12).map(lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_"))
NAME_TEXT = st.text(min_size=1, max_size=12).map(lambda s: os.fsencode(s.replace("/", "_").replace("\x00", "_")))
NAME = st.one_of(NAME_TEXT, NAME_BYTES)
CONTENT = st.sampled_from(
    [b"", codecs.BOM_UTF8, b" \n", "条約を批准した。".encode(), "条約を批准した。".encode("cp932"),
     "条約".encode("utf-16"), b"\x7fELF\x00\x01", b"\xff\xfe\xfd", "改行\r\n\x0c改頁".encode()]
)  # fmt: skip
KIND = st.sampled_from(["file", "file", "file", "fifo", "link", "dangling", "dir", "dir-link"])
ENTRY = st.tuples(NAME, KIND, CONTENT)


def _make(root: bytes, name: bytes, kind: str, content: bytes) -> None:
    path = os.path.join(root, name + b".txt")
    if os.path.lexists(path) or name in (b".", b".."):
        return
    if kind == "file":
        with open(path, "wb") as fh:
            fh.write(content)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "link":
        with open(path + b".target", "wb") as fh:
            fh.write(content)
        os.symlink(path + b".target", path)
    elif kind == "dangling":
        os.symlink(os.path.join(root, b"gone"), path)
    elif kind == "dir":
        os.mkdir(path)
        with open(os.path.join(path, b"inner.txt"), "wb") as fh:
            fh.write(content)
    else:
        os.symlink(root, path)  # a link back to the folder itself: a loop for a walker that follows links


@given(st.lists(ENTRY, min_size=1, max_size=8))
@settings(max_examples=max(10, EXAMPLES // 3), deadline=None)
def test_any_folder(entries: list[tuple[bytes, str, bytes]]) -> None:
    """Any names (not UTF-8, newlines), any file types and sizes: one line per bad file, never a crash or a hang."""
    with tempfile.TemporaryDirectory() as tmp:
        root = os.fsencode(tmp)
        for name, kind, content in entries:
            _make(root, name, kind, content)
        out = Path(tmp) / "out" / "s.jsonl"
        signal.alarm(60)  # a FIFO read would block forever
        try:
            result = CliRunner().invoke(app, ["segment", tmp, "-o", str(out)])
        finally:
            signal.alarm(0)
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        for line in result.stderr.splitlines():
            assert line.startswith(("error: ", "warning: ", "1 ", "2 ", "3 ", "4 ", "5 ", "6 ", "7 ", "8 ", "9 ")) or (
                ": read as " in line
            ), line
        if out.exists():
            out.read_text(encoding="utf-8")  # valid UTF-8 whatever the names
