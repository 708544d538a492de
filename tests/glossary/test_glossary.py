"""The bilingual glossary: matching keys, lookups, validation, user overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.glossary import Glossary, GlossaryError, check_file, default_glossary, match_key

KEYS = [
    ("ＳＴＡＲＴⅡ", "START II"),
    ("START II", "START-2"),
    ("STARTII", "start 2"),
    ("ウラジーミル・プーチン", "ウラジーミルプーチン"),
    ("「ABM条約」", "ＡＢＭ条約"),
    ("New START", "new start"),
    ("ＳＡＬＴⅠ", "SALT I"),
    # list separators, old character forms, kana spellings of function words in formal titles
    ("化学兵器の開発、生産及び貯蔵", "化学兵器の開発,生産および貯蔵"),
    ("生産並びに廃棄", "生産ならびに廃棄"),
    ("ガス又はこれらに類する", "ガスまたはこれらに類する"),
    ("日本國と合衆國との條約", "日本国と合衆国との条約"),
    ("開発、生産及貯蔵", "開発生産及び貯蔵"),
    # katakana spellings of one foreign sound
    ("ヴェトナム", "ベトナム"),
    ("ウィーン条約", "ウイーン条約"),
    ("グロムィコ", "グロムイコ"),
    ("ヴァンス", "バンス"),
]


@pytest.mark.parametrize(("a", "b"), KEYS)
def test_match_key_ignores_width_spacing_dots_quotes_case_and_roman_numerals(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("START II", "START III"), ("SALT I", "SALT II"), ("プーチン", "ブーチン"), ("及び", "並びに"), ("又は", "及び"),
     ("キャンベル", "キヤンベル"), ("フルシチョフ", "フルシチヨフ")],  # small ャ ョ are other sounds
)
def test_match_key_keeps_real_differences(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


def write(tmp_path: Path, text: str, name: str = "g.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """
version: 1
entries:
  - id: treaty.test_one
    label: TREATY
    en: Test Treaty
    ja: [試験条約]
    abbr: [TT-1]
  - id: leader.test_person
    label: LEADER
    en: Test Person
    ja: [テストマン]
"""


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Treaty Banning Nuclear Weapon Tests in the Atmosphere, in Outer Space and Under Water", "treaty.ptbt"),
        ("Treaty of Banning Nuclear Weapon Tests in the Atmosphere,in Outer Space,and under Water", "treaty.ptbt"),
        ("the Treaty on the Non-Proliferation of Nuclear Weapons", "treaty.npt"),
        ("Treaty on Nuclear Weapons", None),  # words missing: not a slip
    ],
)
def test_english_titles_match_but_for_articles_of_and_punctuation(title: str, expected: str | None) -> None:
    e = default_glossary().lookup_english(title, "TREATY")
    assert (e.id if e else None) == expected


def test_user_glossary_extends_and_overrides(tmp_path: Path) -> None:
    user = write(tmp_path, GOOD)
    g = Glossary.load(user)
    assert g.lookup("試験条約", "TREATY").id == "treaty.test_one"  # type: ignore[union-attr]
    assert g.lookup("ＴＴ－１").en == "Test Treaty"  # type: ignore[union-attr]
    assert g.lookup("テストマン", "TREATY") is None
    assert len(g) == len(Glossary.load()) + 2
    override = write(tmp_path, "entries:\n  - {id: treaty.test_one, label: TREATY, en: Renamed, ja: [試験条約]}\n", "o.yaml")
    assert Glossary.load(user, override).lookup("試験条約").en == "Renamed"  # type: ignore[union-attr]


BAD = [
    ("entries: [", "line 1, column 11: YAML syntax error"),
    ("just a string", "expected a mapping with an 'entries' list"),
    ("entries:\n  - {label: TREATY, en: X}\n", "entry 1: missing id"),
    ("entries:\n  - {id: treaty.x, label: TREATY}\n", "entry 1 (treaty.x): missing en"),
    ("entries:\n  - {id: treaty.x, label: TREATIES, en: X}\n", "entry 1 (treaty.x): unknown label 'TREATIES'"),
    ("entries:\n  - {id: Treaty X, label: TREATY, en: X}\n", "id must look like 'treaty.start_ii'"),
    ("entries:\n  - {id: treaty.x, label: TREATY, en: X, ja: 5}\n", "'ja' must be a list of strings"),
    ("entries:\n  - {id: treaty.x, label: TREATY, en: X, colour: red}\n", "unknown keys colour"),
    (
        "entries:\n  - {id: treaty.x, label: TREATY, en: X}\n  - {id: treaty.x, label: TREATY, en: Y}\n",
        "entry 2 (treaty.x): id already defined by entry 1",
    ),
    ("entries:\n  - {id: treaty.start_ii, label: LEADER, en: X}\n", "treaty.start_ii: redefines a TREATY entry as LEADER"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_malformed_glossary_names_file_and_problem(tmp_path: Path, text: str, message: str) -> None:
    p = write(tmp_path, text)
    with pytest.raises(GlossaryError) as info:
        Glossary.load(p)
    assert str(info.value).startswith(f"{p}: invalid glossary: ")
    assert message in str(info.value)


def test_missing_and_binary_glossary(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="no such file"):
        Glossary.load(tmp_path / "nope.yaml")
    p = tmp_path / "bin.yaml"
    p.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(GlossaryError, match=r"not UTF-8 \(byte offset 0\)"):
        Glossary.load(p)


def test_check_finds_ambiguity(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "entries:\n"
        "  - {id: treaty.a, label: TREATY, en: A, ja: [共通条約]}\n"
        "  - {id: treaty.b, label: TREATY, en: B, ja: [共通条約, B条約, B条約]}\n",
    )
    assert check_file(p) == [
        "treaty.b: form 'B条約' listed twice",
        "form '共通条約' is claimed by treaty.a, treaty.b",
    ]


def test_shipped_glossary_is_clean() -> None:
    result = CliRunner().invoke(app, ["glossary", "check"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout


def test_glossary_check_cli_reports_problems(tmp_path: Path) -> None:
    p = write(tmp_path, "entries:\n  - {id: treaty.a, label: TREATY, en: A, ja: [X条約]}\n  - {id: treaty.b, label: TREATY, en: B, ja: [X条約]}\n")
    result = CliRunner().invoke(app, ["glossary", "check", str(p)])
    assert result.exit_code == 1
    assert f"{p}: form 'x条約' is claimed by treaty.a, treaty.b" in result.stderr
    bad = write(tmp_path, "entries: [", "bad.yaml")
    result = CliRunner().invoke(app, ["glossary", "check", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {bad}: invalid glossary: line 1")


def test_suggest_lists_unaligned_mentions(tmp_path: Path) -> None:
    p = tmp_path / "t.txt"
    p.write_text("バルト海非核地帯条約は議論された。バルト海非核地帯条約とＮＰＴは異なる。", encoding="utf-8")
    result = CliRunner().invoke(app, ["glossary", "suggest", "--format", "tsv", str(p)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["2\tTREATY\tバルト海非核地帯条約"]  # NPT is in the glossary


# -- hostile glossaries (issue 12) ---------------------------------------------

HOSTILE = [
    (
        ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b]\n"
         "entries: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
        "line 2, column 8: YAML syntax error: aliases (*name) are not allowed in a glossary",
    ),
    ("entries:\n  - {id: leader.x, label: LEADER, en: X, offices: 5}\n", "'offices' must be a list of mappings"),
    (
        "entries:\n  - {id: leader.x, label: LEADER, en: X, offices: [{title_ja: [a]}]}\n",
        "each office must be a mapping with text titles",
    ),
    ("entries:\n  - {id: treaty.x, label: TREATY, en: {name: X}}\n", "entry 1 (treaty.x): 'en' must be text"),
    ("entries:\n  - {id: treaty.x, label: TREATY, en: X, en_full: [A, B]}\n", "'en_full' must be text"),
    ("entries:\n  - {id: treaty.x, label: [TREATY], en: X}\n", "'label' must be text"),
    ("entries:\n  - {id: [treaty.x], label: TREATY, en: X}\n", "'id' must be text"),
]


HOSTILE_IDS = ["alias bomb", "offices: 5", "office title list", "en mapping", "en_full list", "label list", "id list"]


@pytest.mark.parametrize(("text", "message"), HOSTILE, ids=HOSTILE_IDS)
def test_hostile_glossary_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    p = write(tmp_path, text)
    with pytest.raises(GlossaryError) as info:
        Glossary.load(p)
    assert str(info.value).startswith(f"{p}: invalid glossary: ") and message in str(info.value)
    result = CliRunner().invoke(app, ["glossary", "check", str(p)])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and message in result.stderr, result.output


@pytest.mark.parametrize(
    ("form", "caught"),
    [("大統領", True), ("の", True), ("として", True), ("A", True), ("江", False), ("試験条約", False), ("ABM", False)],
)
def test_check_refuses_catch_all_forms(tmp_path: Path, form: str, caught: bool) -> None:
    p = write(tmp_path, f"entries:\n  - {{id: leader.test_one, label: LEADER, en: Test, ja: [{form}]}}\n")
    problems = check_file(p)
    assert (f"leader.test_one: form {form!r} is a common word or a bare title, not a name" in problems) is caught


def test_check_refuses_what_glossary_option_refuses(tmp_path: Path) -> None:
    p = write(tmp_path, "entries:\n  - {id: treaty.start_ii, label: LEADER, en: X, ja: [試験者]}\n")
    result = CliRunner().invoke(app, ["glossary", "check", str(p)])
    assert result.exit_code == 1
    assert f"{p}: treaty.start_ii: redefines a TREATY entry as LEADER" in result.stderr


@pytest.mark.parametrize(
    ("mention", "en"),
    [
        ("月協定", "Moon Agreement"),
        ("ヘルシンキ最終議定書", "Helsinki Final Act"),
        ("国連憲章", "Charter of the United Nations"),
        ("サンフランシスコ平和条約", "Treaty of Peace with Japan"),
        ("朝鮮半島の非核化に関する共同宣言", "Joint Declaration of the Denuclearization of the Korean Peninsula"),
        ("SALT I暫定協定", "SALT I Interim Agreement"),
        ("SALT I", "SALT I"),
        ("ワシントン海軍軍縮条約", "Washington Naval Treaty"),
        ("Comprehensive Nuclear Test-Ban Treaty", "CTBT"),  # the official English title, spelled loosely
    ],
)
def test_shipped_treaty_names(mention: str, en: str) -> None:
    e = default_glossary().lookup(mention, "TREATY")
    assert e is not None and e.en == en


@pytest.mark.parametrize(
    ("mention", "year", "role", "en"),
    [
        ("中曽根", 2008, "外務大臣", "Nakasone Hirofumi"),  # told apart from the prime minister by title and year
        ("中曽根", 1985, "首相", "Nakasone Yasuhiro"),
        ("ストルテンベルグ", 2016, None, "Jens Stoltenberg"),
        ("アサド", 2015, None, "Bashar al-Assad"),
        ("アサド", 1990, None, "Hafez al-Assad"),
        ("カルミ=レイ", None, None, "Micheline Calmy-Rey"),
        ("ラスムセン", 2012, "事務総長", "Anders Fogh Rasmussen"),
        ("ラスムセン", 2017, "首相", "Lars Løkke Rasmussen"),
    ],
)
def test_shipped_leader_names(mention: str, year: int | None, role: str | None, en: str) -> None:
    e = default_glossary().lookup(mention, "LEADER", year, role)
    assert e is not None and e.en == en
