"""English for person names the glossary does not know: JMnedict, else a transliteration (jpnlp.names)."""

from __future__ import annotations

import pytest

from jpnlp.names import dictionary_available, dictionary_name, english_name, transliterate

needs_dictionary = pytest.mark.skipif(not dictionary_available(), reason="the names extra (jamdict-data) is not installed")

SEI, MEI = "名詞-固有名詞-人名-姓", "名詞-固有名詞-人名-名"


@pytest.mark.parametrize(
    ("text", "readings", "expected"),
    [
        # Japanese names: Sudachi's readings, family name first, modified Hepburn with macrons
        ("安倍晋太郎", [("安倍", "アベ", SEI), ("晋太郎", "シンタロウ", MEI)], "Abe Shintarō"),
        ("大野伴睦", [("大野", "オオノ", SEI), ("伴睦", "バンボク", MEI)], "Ōno Banboku"),
        # the u of 上 starts a syllable: no macron before a vowel
        ("井上", [("井上", "イノウエ", SEI)], "Inoue"),
        ("佐藤", [("佐藤", "サトウ", SEI)], "Satō"),
        ("由紀子", [("由紀子", "ユキコ", MEI)], "Yukiko"),
        # a name written given name first in the text is still given family-first
        ("太郎山田", [("太郎", "タロウ", MEI), ("山田", "ヤマダ", SEI)], "Yamada Tarō"),
        # foreign names in katakana: as written, length marks dropped, extended katakana by the Hepburn table
        ("ゼレンスキー", [], "Zerensuki"),
        ("ジャスティン", [], "Jasutin"),
        ("ウォルフォウィッツ", [], "Worufowittsu"),
        ("ヴィクトル・オルバン", [], "Vikutoru Oruban"),
        ("ジャン＝クロード", [], "Jan Kurodo"),
    ],
)
def test_transliterate(text: str, readings: list[tuple[str, str, str]], expected: str) -> None:
    assert transliterate(text, readings) == expected


def test_transliterate_without_readings_reads_kanji_itself() -> None:
    # fast mode has no Sudachi readings: pykakasi reads the name
    assert transliterate("田中") == "Tanaka"


@needs_dictionary
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ジャスティン・トルドー", ("Justin Trudeau", "dictionary")),  # every part in JMnedict
        ("ウォルフォウィッツ", ("Wolfowitz", "dictionary")),
        ("河野洋平", ("Kōno Yōhei", "dictionary")),  # a named person's entry; JMnedict's ou spelt ō
        ("文在寅", ("Moon Jae-in", "dictionary")),  # life dates and description dropped from the gloss
        ("潘基文", ("Ban Ki-Moon", "dictionary")),  # not the Japanese reading (はんきぶん): no macron
        # one part unknown: the known part keeps the dictionary's spelling, the rest is transliterated
        ("アンゲラ・メルケル", ("Angera Merkel", "transliteration")),
        ("ゼレンスキー", ("Zerensuki", "transliteration")),
    ],
)
def test_english_name(text: str, expected: tuple[str, str]) -> None:
    assert english_name(text) == expected


@needs_dictionary
@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        ("井上", False, None),  # a bare surname has many readings: left to the reading in context
        ("ポツダム", False, None),  # a place is not a person
        ("ポツダム", True, "Potsdam"),
        ("ヘルシンキ", True, "Helsinki"),
        ("メルケル", False, "Merkel"),
    ],
)
def test_dictionary_name(text: str, places: bool, expected: str | None) -> None:
    assert dictionary_name(text, places=places) == expected


def test_surname_with_reading_falls_back_to_transliteration() -> None:
    assert english_name("井上", [("井上", "イノウエ", SEI)]) == ("Inoue", "transliteration")
