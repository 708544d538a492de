"""Letter-spaced lines: a view without their spaces, with offsets back to the text as written."""

from __future__ import annotations

import pytest

from jpnlp.rules.letter_spacing import despace

CASES: list[tuple[str, str | None]] = [
    ("本 稿 は 甲 乙 条 約 を 論 じ る", "本稿は甲乙条約を論じる"),
    # a line break between two letter-spaced lines is layout; a blank line stays
    ("提 案 さ れ た S\nT A R T 条 約 に つ い て", "提案されたSTART条約について"),
    ("提 案 さ れ た S\n\nT A R T 条 約 に つ い て", "提案されたSTART条約について"),
    ("一 行 目 の 文 で す 。\n\n二 行 目 の 文 で す", "一行目の文です。\n\n二行目の文です"),
    # running text keeps its spaces: a space between words is no letter-spacing
    ("New START treaty was signed", None),
    ("署名 1922年2月6日 ワシントン", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:10] for c in CASES])
def test_despace(text: str, expected: str | None) -> None:
    view = despace(text)
    if expected is None:
        assert view is None
        return
    assert view is not None
    compact, where = view
    assert compact == expected
    assert all(text[i] == ch for ch, i in zip(compact, where, strict=True))


def test_only_letter_spaced_lines_change() -> None:
    view = despace("甲 乙 丙 丁 戊 己 庚\n普通の 文 です")
    assert view is not None
    assert view[0] == "甲乙丙丁戊己庚\n普通の 文 です"
