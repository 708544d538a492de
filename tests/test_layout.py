"""Layout repair: PDF dumps become typed blocks; ordinary text is left alone."""

from __future__ import annotations

import pytest

from jpnlp.layout import detect_mode, is_heading, repair

# A PDF dump in the corpus style: a blank line after every wrapped line, a
# trailing space after 。 ends a paragraph, a page break mid-sentence (a line
# starting with a space, no blank line before it), a page number.
PDF_DUMP = (
    " １ はじめに \n\n"
    " 米国とロシアは大量の核兵\n\n"
    "器を保有している。ロシア下院は同\n"
    " 条約を可決した。 \n\n"
    "次の段落は空白なしで始ま\n\n"
    "る。 \n\n"
    " \n\n"
    "２ 米国の動向 \n\n"
    " 米国は１９９６年に批准し\n\n\n\n"
    " 12\n\n"
    "た。 \n\n"
)

ENGLISH_NOTES = (
    "本文はここで終わる。本文はここで終わ\n\n"
    "る。本文はここで終わる。本文はここ\n\n"
    "で終わる。 \n\n"
    " the Review Conference of the Parties to the \n\n"
    "Non-Proliferation of Nuclear Weapons, New York, 25 \n\n"
    "(http://www.basicint.org/nuclear/revcon2000/nuk_00revco\n\n"
    "n_gen_russia.htm). \n\n"
    "(6) Yuri Chkanikov, Comparative Strategy, Vol. 17, \n\n"
    "No. 3 (July-September 1998), pp. 292-294. \n\n"
)


def kinds_and_texts(text: str, mode: str = "auto") -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in repair(text, mode)]  # type: ignore[arg-type]


def test_pdf_dump_blocks() -> None:
    assert detect_mode(PDF_DUMP) == "pdf"
    assert kinds_and_texts(PDF_DUMP) == [
        ("heading", "１ はじめに"),
        ("paragraph", "米国とロシアは大量の核兵器を保有している。ロシア下院は同条約を可決した。"),
        ("paragraph", "次の段落は空白なしで始まる。"),
        ("heading", "２ 米国の動向"),
        ("paragraph", "米国は１９９６年に批准した。"),
    ]


def test_english_footnotes_join_words_with_one_space_and_keep_urls_whole() -> None:
    blocks = repair(ENGLISH_NOTES, "pdf")
    assert [(b.kind, b.number) for b in blocks] == [("paragraph", None), ("footnote", None), ("footnote", 6)]
    assert blocks[1].text == (
        "the Review Conference of the Parties to the Non-Proliferation of Nuclear Weapons, New York, 25 "
        "(http://www.basicint.org/nuclear/revcon2000/nuk_00revcon_gen_russia.htm)."
    )
    assert blocks[2].text == "(6) Yuri Chkanikov, Comparative Strategy, Vol. 17, No. 3 (July-September 1998), pp. 292-294."


def test_every_block_character_maps_to_its_raw_character() -> None:
    for text in (PDF_DUMP, ENGLISH_NOTES):
        for b in repair(text):
            assert len(b.offsets) == len(b.text)
            for ch, off in zip(b.text, b.offsets):
                # inserted joining spaces map onto the whitespace/line break they replace
                assert text[off] == ch or (ch == " " and text[off].isspace())
            assert list(b.offsets) == sorted(b.offsets)


PLAIN_CASES: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "米国は批准した。\nロシアも批准した。\n中国は反対した。\n英国は棄権した。\n",
        [("paragraph", "米国は批准した。"), ("paragraph", "ロシアも批准した。"), ("paragraph", "中国は反対した。"), ("paragraph", "英国は棄権した。")],
    ),
    (
        "第１章　総論\n\n　核軍縮は長い歴史を持つ。条約は多い。\n\n　本章では米露を扱う。\n\n　次章では中国を扱う。\n",
        [("heading", "第１章　総論"), ("paragraph", "核軍縮は長い歴史を持つ。条約は多い。"), ("paragraph", "本章では米露を扱う。"), ("paragraph", "次章では中国を扱う。")],
    ),
    ("短い一行。", [("paragraph", "短い一行。")]),
    ("", []),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a page break inside a sentence is not a line end: the sentence stays whole
        ("両国は条約に\f署名した。次の文。\n", [("paragraph", "両国は条約に署名した。次の文。")]),
        ("The treaty was\fsigned today.\n", [("paragraph", "The treaty was signed today.")]),
        # after a sentence end it separates blocks, as a line break does
        ("第一文。\f第二文。\n", [("paragraph", "第一文。"), ("paragraph", "第二文。")]),
        ("第一文。\n\f第二文。\n", [("paragraph", "第一文。"), ("paragraph", "第二文。")]),
    ],
)
def test_form_feed_in_plain_text(text: str, expected: list[tuple[str, str]]) -> None:
    blocks = repair(text, "plain")
    assert [(b.kind, b.text) for b in blocks] == expected
    for b in blocks:  # every character maps to a raw character (an inserted space to the form feed)
        assert all(text[o] == c or (c == " " and text[o] == "\f") for c, o in zip(b.text, b.offsets))


@pytest.mark.parametrize(("text", "expected"), PLAIN_CASES)
def test_unwrapped_text_is_left_alone(text: str, expected: list[tuple[str, str]]) -> None:
    assert detect_mode(text) == "plain"
    assert kinds_and_texts(text) == expected


def test_wrapped_text_without_blank_lines_and_with_u3000_indents() -> None:
    text = (
        "　米国とロシアは大量の核兵器を保有してお\n"
        "り、この二国間の核軍備管理は依然として重\n"
        "要である。\n"
        "　しかしながら、STARTII条約は発効してお\n"
        "らず、NA\n"
        "TOの拡大も続いている。\n"
    )
    assert detect_mode(text) == "pdf"
    assert kinds_and_texts(text) == [
        ("paragraph", "米国とロシアは大量の核兵器を保有しており、この二国間の核軍備管理は依然として重要である。"),
        ("paragraph", "しかしながら、STARTII条約は発効しておらず、NATOの拡大も続いている。"),
    ]


def test_mode_none_keeps_lines_inside_blocks() -> None:
    assert kinds_and_texts("一行目\n二行目\n\n三行目", "none") == [("paragraph", "一行目\n二行目"), ("paragraph", "三行目")]


def test_form_feed_is_a_page_break() -> None:
    text = "核兵器の削減は重要な課題であり、両国は交渉\n\n\f を続けている。 \n\n次の段落である。次の段落で\n\nある。次の段落である。 \n\n"
    assert kinds_and_texts(text, "pdf")[0] == ("paragraph", "核兵器の削減は重要な課題であり、両国は交渉を続けている。")


HEADINGS = [
    ("２ ロシアの動向", True),
    ("１ はじめに", True),
    ("第３章 総論", True),
    ("第3章総論", True),
    ("(1) 背景", True),
    ("一、背景", True),
    ("1.2 交渉の経緯", True),
    ("Ⅱ. 米国の政策", True),
    ("１９９９年１２月のロシア下院選挙でプーチン大統", False),  # a wrapped line starting with a year
    ("２０００発のレベルで", False),
    ("2 Introduction", False),  # no Japanese title: English numbered lines are not our headings
    ("１ はじめに。", False),
    ("(6) Yuri Chkanikov and Andrei Shoumikhin, “Russian", False),
]


@pytest.mark.parametrize(("line", "expected"), HEADINGS)
def test_is_heading(line: str, expected: bool) -> None:
    assert is_heading(line) is expected


def test_table_rows_in_a_wrapped_dump_stay_lines() -> None:
    text = (
        "条約の比較は次の表のとおりであり、\n\n"
        "表の数字は議会での投票の結果を\n\n"
        "示すものである。なお詳細は別表\n\n"
        "を参照されたい。 \n\n"
        "条約 | A条約 | B条約 |\n\n"
        "署名日 | 1990年1月2日 | 1995年3月4日 |\n\n"
        "上院の批准投票 | 90-8 | 70-29 |\n\n"
    )
    assert detect_mode(text) == "pdf"
    assert [b.text for b in repair(text)][-3:] == [
        "条約 | A条約 | B条約 |", "署名日 | 1990年1月2日 | 1995年3月4日 |", "上院の批准投票 | 90-8 | 70-29 |",
    ]  # fmt: skip
