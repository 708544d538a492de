"""Every TREATY and LEADER mention gets an English name, with where it came from (en_source) and a confidence."""

from __future__ import annotations

import pytest

from jpnlp import process
from jpnlp.english import confidence
from jpnlp.io import RawDocument
from jpnlp.names import dictionary_available
from jpnlp.names_zh import pinyin_available
from jpnlp.pipeline import default_pipeline

needs_dictionary = pytest.mark.skipif(not dictionary_available(), reason="the names extra (jamdict-data) is not installed")


def names(text: str, fast: bool = True) -> list[tuple[str, str | None, str | None]]:
    doc = process(RawDocument("t", text, "utf-8"), default_pipeline(fast))
    return [(e.text, e.en, e.en_source) for e in doc.entities if e.label in ("TREATY", "LEADER")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the glossary first
        ("オバマ大統領が演説した。", [("オバマ", "Barack Obama", "glossary")]),
        # a Latin spelling beside a name the glossary does not know wins (accents included)
        (
            "カナダのボルスキ(Antón Volski)外相が述べた。",
            [("ボルスキ", "Antón Volski", "text"), ("Antón Volski", "Antón Volski", "text")],
        ),
        # a katakana name no dictionary knows: transliterated as written
        ("ニュージーランドのボルスキャン首相が述べた。", [("ボルスキャン", "Borusukyan", "transliteration")]),
        ("ポーランドのヤン・コヴァルスキ外相が述べた。", [("ヤン・コヴァルスキ", "Jan Kovarusuki", "transliteration")]),
    ],
)
def test_leader_english_and_source(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a formal title the glossary does not know: rendered from the table of heads, connectors and words
        (
            "両国は宇宙空間における兵器の配備の禁止に関する条約に署名した。",
            [("宇宙空間における兵器の配備の禁止に関する条約",
              "Convention on the Prohibition of the Deployment of Weapons in Outer Space", "translation")],
        ),
        # ... and an anaphor after it carries that name
        (
            "両国は化学兵器の生産禁止に関する協定に署名し、同協定は発効した。",
            [("化学兵器の生産禁止に関する協定", "Agreement on the Prohibition of the Production of Chemical Weapons",
              "translation"),
             ("同協定", "Agreement on the Prohibition of the Production of Chemical Weapons", "translation")],
        ),
        # a place name no dictionary knows: romanized inside the rendered title
        ("両国はアルファヴィル条約に署名した。", [("アルファヴィル条約", "Treaty of Arufaviru", "transliteration")]),
        # an English title the text gives beats our rendering
        (
            "両国はアルファヴィル条約(Treaty of Alphaville)に署名した。",
            [("アルファヴィル条約", "Treaty of Alphaville", "text"), ("Treaty of Alphaville", "Treaty of Alphaville", "text")],
        ),
        # the glossary still comes first, and a composed name from it
        ("日本はNPTを批准した。", [("NPT", "NPT", "glossary")]),
        ("議会はCWC批准法を可決した。", [("CWC批准法", "Law on Ratification of CWC", "composed")]),
    ],
)
def test_treaty_english_and_source(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a formal title spelt with kana function words and ASCII commas is the glossary's title
        ("大気圏内,宇宙空間および水中における核兵器実験を禁止する条約に署名した。", "PTBT"),
        # old character forms
        ("核兵器ノ不擴散ニ關スル條約", None),  # katakana-era particles: not a form the glossary lists
        # an English title quoted with small slips (an extra "of", no spaces after commas)
        (("部分的核実験禁止条約(Treaty of Banning Nuclear Weapon Tests in the Atmosphere,in Outer Space,and under"
          " Water)に署名した。"), "PTBT"),
    ],
)
def test_glossary_titles_match_through_spelling_variants(text: str, expected: str | None) -> None:
    got = {en for _, en, source in names(text) if source == "glossary"}
    assert got == ({expected} if expected else set())


def test_readings_and_names_in_other_scripts_take_the_treaty_before() -> None:
    text = "日ソ共同宣言(にっそきょうどうせんげん、ロシア語: Советско-японская декларация)は署名された。"
    assert [en for _, en, _ in names(text)] == ["Soviet-Japanese Joint Declaration"] * 3


def test_a_name_in_another_script_outside_brackets_is_not_linked() -> None:
    got = names("日ソ共同宣言とСоветско-японская декларацияは別の文書である。")
    assert got[0][1] == "Soviet-Japanese Joint Declaration" and all(en is None for _, en, _ in got[1:])


@needs_dictionary
def test_leader_from_the_name_dictionary() -> None:
    assert names("ドイツのベッカー外相が述べた。") == [("ベッカー", "Becker", "dictionary")]


def test_japanese_leader_transliterated_from_readings_family_name_first() -> None:
    # full mode: Sudachi's readings and name tags; the surname alone later refers to the full name before it
    got = names("山田一郎外相が訪問した。山田外相は述べた。", fast=False)
    assert got == [("山田一郎", "Yamada Ichirō", "transliteration"), ("山田", "Yamada Ichirō", "transliteration")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname after the full name refers to that person, not to the glossary's namesake guessed by year
        (
            "1985年、安倍晋太郎外相は訪米した。安倍外相は会談で述べた。",
            [("安倍晋太郎", "Abe Shintarō"), ("安倍", "Abe Shintarō")],
        ),
        (
            "ジョージ・W・ブッシュ大統領は1991年に演説した。ブッシュ大統領は語った。",
            [("ジョージ・W・ブッシュ", "George W. Bush"), ("ブッシュ", "George W. Bush")],
        ),
    ],
)
def test_short_form_refers_to_the_full_name_before_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, en) for t, en, _ in names(text, fast=False)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # namesakes: the year in force decides; a sentence without a date of its own that names a dated treaty is
        # about that treaty's time, not about the last date written before it
        ("2025年1月3日更新\nSTART II 調印式に臨むブッシュ大統領。", "George H. W. Bush"),
        ("2005年の記事。ブッシュ大統領はSTARTII条約について語った。", "George H. W. Bush"),
        ("2005年、ブッシュ大統領は演説した。", "George W. Bush"),  # a date in the sentence wins
        ("1991年、START II は未署名だった。2005年、ブッシュ大統領は演説した。", "George W. Bush"),
    ],
)
def test_namesakes_told_apart_by_the_time_the_sentence_is_about(text: str, expected: str) -> None:
    assert [en for t, en, _ in names(text) if t == "ブッシュ"] == [expected]


def test_glossary_entry_carries_wikidata_as_kb_id() -> None:
    nlp = default_pipeline(True)
    (ent,) = [e for e in nlp("オバマ大統領が演説した。").ents if e.label_ == "LEADER"]
    assert (ent._.id, ent._.wikidata, ent.kb_id_) == ("leader.barack_obama", "Q76", "Q76")
    assert (ent._.en_source, ent._.en_conf) == ("glossary", confidence("glossary"))


@pytest.mark.parametrize(
    "source", ["glossary", "composed", "text", "dictionary", "translation", "transliteration"]
)
def test_every_source_has_a_measured_confidence(source: str) -> None:
    c = confidence(source)
    assert c is not None and 0.0 <= c <= 1.0


def test_no_source_no_confidence() -> None:
    assert confidence(None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # namesakes and no date to tell them apart: the one in office last, not a romanized surname
        ("アサド大統領が演説した。", [("アサド", "Bashar al-Assad", "glossary")]),
        # ... but a date decides
        ("1990年、アサド大統領が演説した。", [("アサド", "Hafez al-Assad", "glossary")]),
        # a family name the glossary lists only in full: that leader, by the title and the year
        ("2013年、小野寺防衛相が述べた。", [("小野寺", "Onodera Itsunori", "glossary")]),
        ("2025年、インドのシン国防相が述べた。", [("シン", "Rajnath Singh", "glossary")]),
        ("2005年、インドのシン首相が述べた。", [("シン", "Manmohan Singh", "glossary")]),
        # another given name is another person: not the glossary's Singh, though the glossary spells the surname
        ("インドのラジャン・シン国防相が述べた。", [("ラジャン・シン", "Rajan Singh", "transliteration")]),
    ],
)
def test_leader_guessed_from_the_glossary(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert names(text) == expected


@needs_dictionary
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the glossary's spelling of a name part (ジョン → John, from its full names), JMnedict's for the other
        ("米国のジョン・ベッカー国務長官が述べた。", [("ジョン・ベッカー", "John Becker", "dictionary")]),
        # a part neither knows is romanized as written
        ("ポーランドのウラジーミル・ボルスキャン外相が述べた。",
         [("ウラジーミル・ボルスキャン", "Vladimir Borusukyan", "transliteration")]),
    ],
)
def test_katakana_name_parts_spelt_by_the_glossary(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert names(text) == expected


needs_pinyin = pytest.mark.skipif(not pinyin_available(), reason="the names extra (pypinyin) is not installed")


@needs_pinyin
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mainland Chinese leader the glossary does not know: pinyin, family name first, given name one word
        ("中国の龐立新外相が述べた。", [("龐立新", "Pang Lixin", "transliteration")]),
        ("龐立新中国国防相が述べた。", [("龐立新", "Pang Lixin", "transliteration")]),
        # a two-character family name is one word
        ("中国の欧陽立新外相が述べた。", [("欧陽立新", "Ouyang Lixin", "transliteration")]),
        # Taiwan spells names its own way: not pinyin, so the Japanese reading as before
        ("台湾の龐立新外相が述べた。", [("龐立新", "Hō Ritsu Shin", "transliteration")]),
    ],
)
def test_chinese_leader_in_pinyin(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year or the nuclear powers that signed it, written before a glossary name
        ("米ソINF条約は失効した。", [("米ソINF条約", "INF Treaty", "glossary")]),
        ("米英ソ部分的核実験禁止条約は発効した。", [("米英ソ部分的核実験禁止条約", "PTBT", "glossary")]),
        # one light character away from a glossary form
        ("両国は包括的実験禁止条約を批准した。", [("包括的実験禁止条約", "CTBT", "near")]),
        # a treaty the glossary does not know, nor anything near it: rendered from its title
        ("両国は宇宙空間における兵器の配備の禁止に関する条約に署名した。",
         [("宇宙空間における兵器の配備の禁止に関する条約",
           "Convention on the Prohibition of the Deployment of Weapons in Outer Space", "translation")]),
    ],
)
def test_treaty_variants_of_glossary_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert names(text) == expected
