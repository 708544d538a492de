"""Sentence segmentation: hard cases written by hand, read as a spec."""

from __future__ import annotations

import pytest

from jpnlp.segment import split_sentences


def sents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


HARD_CASES: list[tuple[str, list[str]]] = [
    # plain Japanese full stops
    ("米国は批准した。ロシアも批准した。", ["米国は批准した。", "ロシアも批准した。"]),
    ("2000年4月14日、下院は可決した。4月19日には上院も可決した。", ["2000年4月14日、下院は可決した。", "4月19日には上院も可決した。"]),
    ("本当か？そうだ！", ["本当か？", "そうだ！"]),
    ("本当か?!そうだ。", ["本当か?!", "そうだ。"]),
    ("終わった。。次。", ["終わった。。", "次。"]),
    ("米国は批准した", ["米国は批准した"]),
    # brackets with inner full stops
    ("彼は「条約は重要だ。批准すべきだ。」と言った。次の文。", ["彼は「条約は重要だ。批准すべきだ。」と言った。", "次の文。"]),
    ("「行きます。」と言った。「待って。」と答えた。", ["「行きます。」と言った。", "「待って。」と答えた。"]),
    ("『核の危険を減じる。』という報告がある。", ["『核の危険を減じる。』という報告がある。"]),
    ("その提案（後述。詳細は第3章。）には反対した。", ["その提案（後述。詳細は第3章。）には反対した。"]),
    ("条約(ABM(対弾道ミサイル)条約。)は失効した。", ["条約(ABM(対弾道ミサイル)条約。)は失効した。"]),
    ("【ワシントン共同】米国は批准した。ロシアも。", ["【ワシントン共同】米国は批准した。", "ロシアも。"]),
    ("「戦略的安定の諸原則に関する共同声明」で合意した。", ["「戦略的安定の諸原則に関する共同声明」で合意した。"]),
    ("これは(1)第一に、(2)第二に、という構成である。", ["これは(1)第一に、(2)第二に、という構成である。"]),
    # an unmatched bracket must not swallow the rest
    ("彼は「行く。次の文。", ["彼は「行く。", "次の文。"]),
    ("最後の文だ。」", ["最後の文だ。」"]),
    # footnote markers stay with their sentence
    ("主張している(6)。次に移る。", ["主張している(6)。", "次に移る。"]),
    ("主張している。(6) 次に移る。", ["主張している。(6)", "次に移る。"]),
    # decimals and numbers
    ("1.5倍に増えた。", ["1.5倍に増えた。"]),
    ("１．５倍に増えた。次だ。", ["１．５倍に増えた。", "次だ。"]),
    ("最大で１，５００発。", ["最大で１，５００発。"]),
    # academic style periods
    ("核兵器は減った．次の課題である．", ["核兵器は減った．", "次の課題である．"]),
    ("核兵器は減った.次の課題である.", ["核兵器は減った.", "次の課題である."]),
    # ellipsis
    ("それは…。次だ。", ["それは…。", "次だ。"]),
    ("Wait... then go.", ["Wait... then go."]),
    # headings glued to text by U+3000 or a space
    ("１　はじめに　米国とロシアは核兵器を保有している。", ["１　はじめに", "米国とロシアは核兵器を保有している。"]),
    ("第２章　米国の動向　米国は批准した。", ["第２章　米国の動向", "米国は批准した。"]),
    ("2 ロシアの動向 ロシアでは反対が強い。", ["2 ロシアの動向", "ロシアでは反対が強い。"]),
    ("2000年に署名した。", ["2000年に署名した。"]),
    # English abbreviations, initials, URLs
    ("U.S. policy changed. Russia objected.", ["U.S. policy changed.", "Russia objected."]),
    ("See Vol. 17, No. 3, pp. 292-294. Next sentence.", ["See Vol. 17, No. 3, pp. 292-294.", "Next sentence."]),
    ("A. Shoumikhin wrote it. He agreed.", ["A. Shoumikhin wrote it.", "He agreed."]),
    ("Mr. Putin met Dr. Rice.", ["Mr. Putin met Dr. Rice."]),
    ("e.g. this case. Next.", ["e.g. this case.", "Next."]),
    ("Visit http://www.example.org/a.htm for details. Then stop.", ["Visit http://www.example.org/a.htm for details.", "Then stop."]),
    ("(http://www.basicint.org/nuk.htm). (6) Yuri Chkanikov wrote.", ["(http://www.basicint.org/nuk.htm).", "(6) Yuri Chkanikov wrote."]),
    ("No. 3 (July-September 1998), pp. 292-294.", ["No. 3 (July-September 1998), pp. 292-294."]),
    ("The vote was 288-131. The Duma approved it.", ["The vote was 288-131.", "The Duma approved it."]),
    ("He said “It is over. We lost.” Then he left.", ["He said “It is over. We lost.” Then he left."]),
    # mixed scripts
    ("「START II」は1993年に署名された。Russia ratified it in 2000.", ["「START II」は1993年に署名された。", "Russia ratified it in 2000."]),
    # whitespace is trimmed, never a sentence of its own
    ("  米国は批准した。  \n  ロシアも。 ", ["米国は批准した。", "ロシアも。"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES, ids=[c[0][:20] for c in HARD_CASES])
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_glued_heading_is_flagged() -> None:
    spans = split_sentences("１　はじめに　米国とロシアは核兵器を保有している。")
    assert [s.heading for s in spans] == [True, False]


def test_footnote_number_is_not_a_heading() -> None:
    spans = split_sentences("(6) 山田太郎『核軍縮』岩波書店、1999年。", headings=False)
    assert [s.heading for s in spans] == [False]


def test_long_run_is_cut_at_a_comma_below_the_limit() -> None:
    text = "あ" * 90 + "、" + "い" * 50
    spans = split_sentences(text, max_chars=100)
    assert [s.end - s.start for s in spans] == [91, 50]
    assert all(s.end - s.start <= 100 for s in spans)


def test_long_run_without_any_break_is_cut_hard() -> None:
    spans = split_sentences("x" * 250, max_chars=100)
    assert [s.end - s.start for s in spans] == [100, 100, 50]


@pytest.mark.parametrize(
    ("text", "lengths"),
    [
        ("。" * 250, [100, 100, 50]),  # a run of terminators is capped like any other run
        ("終わり" + "。" * 120, [100, 23]),
        ("終わり。" + "」" * 150, [100, 54]),  # closers absorbed after a terminator, up to the cap
        ("終わり！？" * 30, [5] * 30),
    ],
)
def test_runs_of_terminators_and_closers_respect_the_cap(text: str, lengths: list[int]) -> None:
    spans = split_sentences(text, max_chars=100)
    assert [s.end - s.start for s in spans] == lengths


def test_twenty_thousand_full_stops_pass_the_pipeline() -> None:
    import jpnlp
    from jpnlp.pipeline import default_pipeline, process

    doc = process(jpnlp.prepare("。" * 20000), default_pipeline(fast=True))
    assert max(s.end - s.start for s in doc.sentences) <= 2000
