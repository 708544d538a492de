"""Tests for jpnlp.title_en: compositional English titles of Japanese instrument names.

Formal titles of real treaties (as in the shipped glossary) are facts; the other titles are invented.
"""

from __future__ import annotations

import pytest

from jpnlp import title_en
from jpnlp.title_en import TitleTableError, render_title

NAMES = {"ラロトンガ": "Rarotonga", "ジュネーブ": "Geneva", "ペリンダバ": "Pelindaba"}


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        # formal titles of real treaties (glossary ja forms and en_full)
        ("核兵器の不拡散に関する条約", "Treaty on the Non-Proliferation of Nuclear Weapons"),
        ("核兵器の禁止に関する条約", "Treaty on the Prohibition of Nuclear Weapons"),
        (
            "化学兵器の開発、生産、貯蔵及び使用の禁止並びに廃棄に関する条約",
            (
                "Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical Weapons"
                " and on their Destruction"
            ),
        ),
        (
            "細菌兵器（生物兵器）及び毒素兵器の開発、生産及び貯蔵の禁止並びに廃棄に関する条約",
            (
                "Convention on the Prohibition of the Development, Production and Stockpiling of Bacteriological"
                " (Biological) and Toxin Weapons and on their Destruction"
            ),
        ),
        (
            "大気圏内、宇宙空間及び水中における核兵器実験を禁止する条約",
            "Treaty Banning Nuclear Weapon Tests in the Atmosphere, in Outer Space and Under Water",
        ),
        (
            "月その他の天体を含む宇宙空間の探査及び利用における国家活動を律する原則に関する条約",
            (
                "Treaty on Principles Governing the Activities of States in the Exploration and Use of Outer Space,"
                " including the Moon and Other Celestial Bodies"
            ),
        ),
        (
            "日本国とアメリカ合衆国との間の相互協力及び安全保障条約",
            "Treaty of Mutual Cooperation and Security between Japan and the United States of America",
        ),
        (
            "日本国と大韓民国との間の基本関係に関する条約",
            "Treaty on Basic Relations between Japan and the Republic of Korea",
        ),
        ("日本国との平和条約", "Treaty of Peace with Japan"),
        ("国際連合憲章", "Charter of the United Nations"),
        (
            "月その他の天体における国家活動を律する協定",
            "Agreement Governing the Activities of States on the Moon and Other Celestial Bodies",
        ),
        ("武器貿易条約", "Arms Trade Treaty"),
        ("アフリカ非核兵器地帯条約", "African Nuclear-Weapon-Free Zone Treaty"),
    ],
)
def test_formal_titles(ja: str, en: str) -> None:
    assert render_title(ja) == en


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        # patterns, on invented titles
        ("生物兵器の使用の禁止に関する条約", "Convention on the Prohibition of the Use of Biological Weapons"),
        ("化学兵器の使用禁止に関する条約", "Convention on the Prohibition of the Use of Chemical Weapons"),
        ("対人地雷の移譲を禁止する条約", "Treaty Banning the Transfer of Anti-Personnel Mines"),
        ("核実験の禁止に関する暫定協定", "Interim Agreement on the Prohibition of Nuclear Tests"),
        ("中距離ミサイルの全廃に関する議定書", "Protocol on the Elimination of Intermediate-Range Missiles"),
        ("化学兵器及び生物兵器の禁止に関する条約", "Convention on the Prohibition of Chemical and Biological Weapons"),
        (
            "宇宙空間及び海底における核兵器の配備を禁止する条約",
            "Treaty Banning the Deployment of Nuclear Weapons in Outer Space and on the Sea-Bed",
        ),
        (
            "短距離ミサイル以外のミサイルの配備を禁止する条約",
            "Treaty Banning the Deployment of Missiles Other Than Shorter-Range Missiles",
        ),
        (
            "弾道ミサイルを迎撃するシステムの制限に関する協定",
            "Agreement on the Limitation of Systems Intercepting Ballistic Missiles",
        ),
        # an action noun ending a compound inside a phrase takes the rest as its object
        ("核兵器不拡散に関する共同声明", "Joint Statement on the Non-Proliferation of Nuclear Weapons"),
        # compounds keep the English compound order
        ("戦略兵器削減条約", "Strategic Arms Reduction Treaty"),
        ("包括的核実験禁止条約", "Comprehensive Nuclear Test Ban Treaty"),
        ("生物・毒素兵器禁止条約", "Biological and Toxin Weapons Ban Treaty"),
        ("第二次化学兵器削減協定", "Second Chemical Weapons Reduction Agreement"),
        ("第3次通常兵器削減条約", "Third Conventional Weapons Reduction Treaty"),
        ("平和友好条約", "Treaty of Peace and Friendship"),
        ("偶発核戦争防止協定", "Accidental Nuclear War Prevention Agreement"),
        ("6者会合共同声明", "Six-Party Talks Joint Statement"),  # a lexicon form beats a Latin digit
        # instruments of instruments
        ("戦略兵器削減条約議定書", "Protocol to the Strategic Arms Reduction Treaty"),
        ("戦略兵器削減条約改正議定書", "Protocol Amending the Strategic Arms Reduction Treaty"),
        ("戦略兵器削減条約に関する共同声明", "Joint Statement on the Strategic Arms Reduction Treaty"),
        ("戦略兵器削減条約に関する合意声明", "Agreed Statement Relating to the Strategic Arms Reduction Treaty"),
    ],
)
def test_patterns(ja: str, en: str) -> None:
    assert render_title(ja) == en


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        ("日露平和条約", "Japan–Russia Peace Treaty"),
        ("米英核実験禁止協定", "US–UK Nuclear Test Ban Agreement"),
        ("日米豪安全保障協定", "Japan–US–Australia Security Agreement"),
        ("米ソ・核戦争防止協定", "US–Soviet Nuclear War Prevention Agreement"),
        ("日本国とオランダとの間の平和条約", "Treaty of Peace between Japan and the Netherlands"),
        ("日本国とフランスとの間の安全保障協定", "Security Agreement between Japan and France"),
        (
            "日本国政府と大韓民国政府との間の協定",
            "Agreement between the Government of Japan and the Government of the Republic of Korea",
        ),
        ("英国、フランス及びドイツとの共同声明", "Joint Statement between the United Kingdom, France and Germany"),
        ("ロシア連邦との友好条約", "Treaty of Friendship with the Russian Federation"),
        # formal state names take their formal English
        (
            "日本国政府とフランス共和国政府との間の協定",
            "Agreement between the Government of Japan and the Government of the French Republic",
        ),
        ("日本国とインド共和国との間の平和条約", "Treaty of Peace between Japan and the Republic of India"),
        # a protocol amending an instrument
        ("日米友好協定を改正する議定書", "Protocol Amending the Japan–US Friendship Agreement"),
    ],
)
def test_country_pairs_and_parties(ja: str, en: str) -> None:
    assert render_title(ja) == en


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        ("START II条約", "START II Treaty"),
        ("ABM条約議定書", "Protocol to the ABM Treaty"),
        ("INF全廃条約", "INF Elimination Treaty"),
        ("中距離ミサイル削減条約(IMRT)", "Intermediate-Range Missile Reduction Treaty"),  # a Latin gloss: dropped
        ("中距離ミサイル削減条約（ＩＭＲＴ）", "Intermediate-Range Missile Reduction Treaty"),
        ("Arms Trade Treaty", "Arms Trade Treaty"),  # already English
        ("中距離ミサイル(ミドルレンジ)削減条約", "Intermediate-Range Missile Reduction Treaty"),  # a reading: dropped
        ("中距離ミサイル削減条約(中距離条約)", "Intermediate-Range Missile Reduction Treaty"),  # another name
    ],
)
def test_latin_passes_through(ja: str, en: str) -> None:
    assert render_title(ja) == en


@pytest.mark.parametrize(
    ("ja", "en"),
    [
        ("ラロトンガ条約", "Treaty of Rarotonga"),
        ("ペリンダバ条約", "Treaty of Pelindaba"),
        ("ジュネーブ議定書", "Geneva Protocol"),
        ("1925年ジュネーブ議定書", "1925 Geneva Protocol"),
        ("ジュネーブ第四条約", "Fourth Geneva Treaty"),  # the ordinal goes first
        ("ジュネーブ海軍協定", "Geneva Naval Agreement"),  # `Treaty of X`, but `X Agreement`
    ],
)
def test_name_callback(ja: str, en: str) -> None:
    assert render_title(ja, NAMES.get) == en
    assert render_title(ja) is None  # without a dictionary the name cannot be said


def test_callback_sees_only_unknown_katakana() -> None:
    seen: list[str] = []

    def names(ja: str) -> str | None:
        seen.append(ja)
        return NAMES.get(ja)

    assert render_title("ラロトンガ核ミサイル禁止条約", names) == "Rarotonga Nuclear Missiles Ban Treaty"
    assert seen == ["ラロトンガ"]


@pytest.mark.parametrize(
    "answer",
    [None, "ラロトンガ", ""],
)
def test_callback_without_english_gives_none(answer: str | None) -> None:
    assert render_title("ラロトンガ条約", lambda _: answer) is None


@pytest.mark.parametrize(
    "ja",
    [
        "",
        "条約",
        "核兵器の縮小に関する条約",  # 縮小: a kanji word the lexicon lacks
        "核兵器を条約",  # a particle left over
        "核兵器の禁止",  # no instrument at the end
        "核兵器に関する",  # a connector with nothing after it
        "の禁止に関する条約",  # a connector with nothing before it
        "米条約",  # a one-kanji country abbreviation outside a pair
        "かがくへいきさくげんきょうてい",  # a reading in hiragana
        "戦略兵器(交渉中の案)削減条約",  # a gloss that cannot be rendered
        "4・7共同声明",  # a date, not a coordination
        "核兵器の禁止並びに廃棄に関する協定の",
        "Договор",  # not Latin script
    ],
)
def test_none_when_not_all_can_be_said(ja: str) -> None:
    assert render_title(ja) is None


def test_output_has_no_japanese_and_is_title_case() -> None:
    out = render_title("核兵器の不拡散に関する条約")
    assert out is not None
    assert [w for w in out.split() if w[0].islower()] == ["on", "the", "of"]


@pytest.mark.parametrize(
    "row",
    [
        {"ja": "核", "en": None},  # a short row
        {"ja": "核", "en": "Nuclear", None: ["extra"]},  # a long row
        {"ja": "核", "en": ""},
    ],
)
def test_malformed_table_row_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, row: dict) -> None:
    monkeypatch.setattr(title_en, "read_table", lambda name: ({"ja": "a", "en": "b"}, row))
    with pytest.raises(TitleTableError, match=r"^jpnlp/data/title_x.tsv: data row 2 \(核\): needs 2 "):
        title_en._rows("title_x.tsv", 2)


def test_connector_level_must_be_a_number() -> None:
    with pytest.raises(TitleTableError, match=r"title_connectors.tsv: の: level 'x' is not an integer"):
        title_en._level("title_connectors.tsv", "の", "x")


def test_shipped_tables_load() -> None:
    lex = title_en._lexicon()
    assert lex["条約"].kind == "H" and lex["に関する"].kind == "K" and lex["核兵器"].kind == "N"
    assert lex["米国"].en == "the United States"  # from data/countries.tsv, read, not copied
