"""The glossary workflow of a user: merge or replace entries, find what is missing, look entries up.

Every name here is invented (フー条約, ズバロフスキー) except where a test reads a shipped entry.
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.glossary import Glossary, GlossaryError, GlossaryWarning, default_glossary, wikidata_table
from jpnlp.glossary.near import THRESHOLD, near_entries, similarity
from jpnlp.glossary.suggest import collect, entry_yaml, slug, suggest, to_yaml, unique_id

runner = CliRunner()

BASE = """\
entries:
  - id: treaty.foo
    label: TREATY
    en: Foo Treaty
    ja: [フー条約]
    abbr: [FT]
    note: base note
    signed: 1990-01-02
  - id: leader.zbarowski
    label: LEADER
    en: Albert Zbarowski
    ja: [ズバロフスキー, アルベルト・ズバロフスキー]
    country: XX
    offices: [{title_en: Foreign Minister, title_ja: 外相, from: 1999, to: 2003}]
"""

TEXT = (
    "2001年、ズバロフスキー外相はバルト海非核地帯条約に署名した。\n"
    "ズバロフスキー外相によると、バルト海非核地帯条約は2003年に発効する。\n"
    "同年、バルト海非核地帯条約についてクズネツォワ首相が発言した。\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _user(tmp_path: Path, body: str, name: str = "user.yaml") -> Path:
    return _write(tmp_path / name, "entries:\n" + body)


# -- merge and replace ---------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # forms are added, the rest kept
        ("  - {id: treaty.foo, label: TREATY, en: Foo Treaty, ja: [フー協定]}\n",
         {"ja": ("フー条約", "フー協定"), "abbr": ("FT",), "en": "Foo Treaty", "note": "base note"}),
        # a form the entry has already (after width folding) is not added twice
        ("  - {id: treaty.foo, label: TREATY, en: Foo Treaty, ja: [ﾌｰ条約, フー協定, フー協定], abbr: [ＦＴ]}\n",
         {"ja": ("フー条約", "フー協定"), "abbr": ("FT",)}),
        # every field it gives wins
        ("  - {id: treaty.foo, label: TREATY, en: Foo Accord, note: mine, en_full: The Foo Accord, wikidata: Q7}\n",
         {"en": "Foo Accord", "note": "mine", "en_full": "The Foo Accord", "wikidata": "Q7", "ja": ("フー条約",)}),
        ("  - {id: treaty.foo, label: TREATY, en: Foo Treaty, in_force: 1992-03-04}\n",
         {"extra": {"signed": date(1990, 1, 2), "in_force": date(1992, 3, 4)}}),
        (("  - {id: leader.zbarowski, label: LEADER, en: Albert Zbarowski, country: YY,"
          " offices: [{title_ja: 首相, from: 2005}]}\n"),
         {"country": "YY", "ja": ("ズバロフスキー", "アルベルト・ズバロフスキー"), "offices_ja": ["首相"]}),
    ],
)  # fmt: skip
def test_an_entry_with_a_known_id_merges(tmp_path: Path, body: str, expected: dict) -> None:
    base = _write(tmp_path / "base.yaml", BASE)
    user = _user(tmp_path, body)
    with warnings.catch_warnings():
        warnings.simplefilter("error", GlossaryWarning)  # merging never warns
        g = Glossary.load(base, user, builtin=False)
    entry_id = yaml.safe_load(body)[0]["id"]
    e = g.get(entry_id)
    for key, value in expected.items():
        got = [o.title_ja for o in e.offices] if key == "offices_ja" else getattr(e, key)
        assert got == value, key
    assert g.origins[entry_id] == [str(base), str(user)]


@pytest.mark.parametrize(
    ("body", "dropped"),
    [
        ("  - {id: treaty.foo, label: TREATY, en: Foo Treaty, ja: [フー協定], replace: true}\n", 2),
        ("  - {id: treaty.foo, label: TREATY, en: Foo Treaty, ja: [フー条約], replace: true}\n", 1),
        ("  - {id: treaty.foo, label: TREATY, en: Foo Treaty, ja: [フー条約], abbr: [FT], replace: true}\n", 0),
    ],
)
def test_replace_true_replaces_and_warns_about_dropped_forms(tmp_path: Path, body: str, dropped: int) -> None:
    base = _write(tmp_path / "base.yaml", BASE)
    user = _user(tmp_path, body)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = Glossary.load(base, user, builtin=False)
    e = g.get("treaty.foo")
    assert e.note is None and "signed" not in e.extra  # nothing of the old entry is left
    assert g.origins["treaty.foo"] == [str(user)]
    ours = [str(w.message) for w in caught if issubclass(w.category, GlossaryWarning)]
    if dropped:
        assert len(ours) == 1 and str(user) in ours[0] and "treaty.foo" in ours[0]
        assert f"drops {dropped} form" in ours[0]
    else:
        assert ours == []


def test_a_new_id_with_replace_is_just_new(tmp_path: Path) -> None:
    user = _user(tmp_path, "  - {id: treaty.bar, label: TREATY, en: Bar Treaty, ja: [バー条約], replace: true}\n")
    g = Glossary.load(user)
    assert g.lookup("バー条約", "TREATY").id == "treaty.bar"


def test_a_merge_into_a_shipped_entry_keeps_its_forms(tmp_path: Path) -> None:
    shipped = default_glossary().get("treaty.npt")
    user = _user(tmp_path, "  - {id: treaty.npt, label: TREATY, en: NPT, ja: [フー拡散条約]}\n")
    g = Glossary.load(user)
    assert g.lookup("フー拡散条約", "TREATY").id == "treaty.npt"
    assert all(g.lookup(f, "TREATY").id == "treaty.npt" for f in shipped.forms)
    assert g.get("treaty.npt").wikidata == shipped.wikidata


@pytest.mark.parametrize("value", ['"yes"', "1", "null", '"true"', "[true]"])
def test_replace_must_be_a_bool(tmp_path: Path, value: str) -> None:
    user = _user(tmp_path, f"  - {{id: treaty.foo, label: TREATY, en: Foo Treaty, replace: {value}}}\n")
    with pytest.raises(GlossaryError) as info:
        Glossary.load(user)
    message = str(info.value)
    assert "\n" not in message and str(user) in message and "entry 1 (treaty.foo)" in message
    assert "'replace' must be true or false" in message


@pytest.mark.parametrize("replace", ["", ", replace: true"])
def test_relabelling_is_still_an_error(tmp_path: Path, replace: str) -> None:
    base = _write(tmp_path / "base.yaml", BASE)
    user = _user(tmp_path, f"  - {{id: treaty.foo, label: LEADER, en: Foo{replace}}}\n")
    with pytest.raises(GlossaryError, match="redefines a TREATY entry as LEADER"):
        Glossary.load(base, user, builtin=False)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("  - {id: treaty.mine, label: TREATY, en: Mine, ja: [核不拡散条約]}\n",
         "treaty.mine: form '核不拡散条約' names treaty.npt already"),
        ("  - {id: treaty.mine, label: TREATY, en: Mine, ja: [ＮＰＴ]}\n", "treaty.mine: form 'ＮＰＴ' names treaty.npt"),
        ("  - {id: treaty.npt, label: TREATY, en: NPT, ja: [核不拡散条約, フー拡散条約]}\n", None),  # its own entry
        ("  - {id: treaty.mine, label: TREATY, en: Mine, ja: [核不拡散条約], ambiguous_forms: [核不拡散条約]}\n", None),
    ],
)  # fmt: skip
def test_check_file_names_forms_a_shipped_entry_has(tmp_path: Path, body: str, problem: str | None) -> None:
    result = runner.invoke(app, ["glossary", "check", str(_user(tmp_path, body))])
    if problem is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 1 and problem in result.stderr


# -- near misses, ids ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "label", "near"),
    [
        ("フー非核地帯条約", "フー非核地帯協定", "TREATY", True),  # the same name, another head word
        ("バルト海非核地帯条約", "バルト非核地帯条約", "TREATY", True),
        ("フー条約", "バー協定", "TREATY", False),  # only a head word in common
        ("フー条約", "バー条約", "TREATY", True),  # one kana apart, and the same head: worth a look
        ("アルベルト・ズバロフスキー", "ヤン・ズバロフスキー", "LEADER", True),  # shared surname
        ("ズバロフスキー", "カスパロフ", "LEADER", False),
        ("ＡＢＣ", "abc", None, True),
    ],
)
def test_similarity(a: str, b: str, label: str | None, near: bool) -> None:
    assert (similarity(a, b, label) >= THRESHOLD) is near


def test_near_entries_ranks_and_limits(tmp_path: Path) -> None:
    g = Glossary.load(_write(tmp_path / "base.yaml", BASE), builtin=False)
    found = near_entries(g, "ヤン・ズバロフスキー", "LEADER")
    assert [n.entry.id for n in found] == ["leader.zbarowski"]
    assert near_entries(g, "ヤン・ズバロフスキー", "TREATY") == []


@pytest.mark.parametrize(
    ("en", "expected"),
    [
        ("Treaty of Pelindaba", "treaty_of_pelindaba"),
        ("Müller-Ströbel Agreement (1999)", "muller_strobel_agreement_1999"),
        ("バルト海", ""),
        ("", ""),
        ("Treaty on the Non-Proliferation of Nuclear Weapons in the Baltic", "treaty_on_the_non_proliferation_of"),
    ],
)
def test_slug(en: str, expected: str) -> None:
    assert slug(en) == expected


@pytest.mark.parametrize(
    ("label", "en", "taken", "expected"),
    [
        ("TREATY", "Foo Treaty", set(), "treaty.foo_treaty"),
        ("TREATY", "Foo Treaty", {"treaty.foo_treaty"}, "treaty.foo_treaty_2"),
        ("TREATY", "Foo Treaty", {"treaty.foo_treaty", "treaty.foo_treaty_2"}, "treaty.foo_treaty_3"),
        ("LEADER", "", set(), "leader.new"),
    ],
)
def test_unique_id(label: str, en: str, taken: set[str], expected: str) -> None:
    assert unique_id(label, en, taken) == expected


# -- suggest ---------------------------------------------------------------------


def _entity(text: str, label: str, start: int, **extra: object) -> SimpleNamespace:
    return SimpleNamespace(text=text, label=label, start=start, end=start + len(text), id="", anaphor=False, **extra)


def _doc(text: str, entities: list[SimpleNamespace]) -> SimpleNamespace:
    sents = [SimpleNamespace(start=0, end=len(text))]
    return SimpleNamespace(doc_id="d", text=text, sentences=sents, entities=entities)


@pytest.mark.parametrize(
    ("extra", "comment"),
    [
        ({"en": "Baltic NWFZ Treaty", "en_source": "translation", "en_conf": 0.7},
         "# en: Baltic NWFZ Treaty from translation (confidence 0.70)"),
        ({"en": "Baltic NWFZ Treaty"}, "# en: Baltic NWFZ Treaty"),  # a linker that gives no source
        ({"en": None}, "# en: no English name found"),
    ],
)  # fmt: skip
def test_suggested_entry_says_where_its_english_comes_from(extra: dict, comment: str) -> None:
    text = "バルト海非核地帯条約が発効した。"
    cands = collect([_doc(text, [_entity("バルト海非核地帯条約", "TREATY", 0, **extra)])], default_glossary())
    lines = entry_yaml(cands[0])
    assert any(line.strip().startswith(comment) for line in lines), lines
    assert f"  # e.g. {text}" in lines


def test_mentions_the_glossary_can_name_are_not_suggested() -> None:
    g = default_glossary()
    ents = [
        _entity("同条約", "TREATY", 0, en=None),  # an anaphor
        _entity("START III条約議定書", "TREATY", 0, en="START III Protocol"),  # composed by the linker
        _entity("クリントン", "LEADER", 0, en=None),  # in the glossary, ambiguous without a year
    ]
    ents[0].anaphor = True
    assert collect([_doc("x" * 20, ents)], g) == []


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\x85", "\x7f", "\ufffe", '"', "\\", "#", "\t"])
def test_suggested_yaml_survives_odd_characters(tmp_path: Path, odd: str) -> None:
    form = f"フー{odd}バー条約"
    text = f"{form}が発効した。"
    ents = [_entity(form, "TREATY", 0, en=f"Foo{odd}Bar Treaty", en_source=f"x{odd}")]
    yaml_text = to_yaml(suggest([_doc(text, ents)], default_glossary()))
    entries = yaml.safe_load(yaml_text)["entries"]
    assert entries[0]["ja"] == [form] and entries[0]["en"] == f"Foo{odd}Bar Treaty"
    assert Glossary.load(_write(tmp_path / "s.yaml", yaml_text)).get(entries[0]["id"]).ja == (form,)


def _suggest(*args: str) -> str:
    result = runner.invoke(app, ["glossary", "suggest", "--fast", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_suggest_round_trip(tmp_path: Path) -> None:
    corpus = _write(tmp_path / "a.txt", TEXT)
    first = _suggest(str(corpus))
    suggested = tmp_path / "suggested.yaml"
    _write(suggested, first)
    entries = yaml.safe_load(first)["entries"]
    forms = {f for e in entries for f in e["ja"]} | {e["en"] for e in entries}
    assert "バルト海非核地帯条約" in forms and "ズバロフスキー" in forms
    assert entries[0]["ja"] == ["バルト海非核地帯条約"]  # most frequent first
    assert all(e["id"].startswith(e["label"].lower() + ".") for e in entries)
    check = runner.invoke(app, ["glossary", "check", str(suggested)])
    assert check.exit_code == 0, check.output
    again = yaml.safe_load(_suggest(str(corpus), "--glossary", str(suggested)))
    assert again["entries"] == []


@pytest.mark.parametrize(("args", "count"), [([], 3), (["--min-count", "2"], 2), (["--limit", "1"], 1)])
def test_suggest_min_count_and_limit(tmp_path: Path, args: list[str], count: int) -> None:
    corpus = _write(tmp_path / "a.txt", TEXT)
    entries = yaml.safe_load(_suggest(str(corpus), *args))["entries"]
    assert len(entries) == count


def test_suggest_tsv_and_output_file(tmp_path: Path) -> None:
    corpus = _write(tmp_path / "a.txt", TEXT)
    assert _suggest(str(corpus), "--format", "tsv").splitlines()[0] == "3\tTREATY\tバルト海非核地帯条約"
    out = tmp_path / "s.yaml"
    assert _suggest(str(corpus), "-o", str(out)) == ""
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["entries"]


@pytest.mark.parametrize(
    ("mention", "label", "near"),
    [
        ("フー非核地帯協定", "TREATY", "treaty.foo_nwfz"),  # the same name with another head word
        ("ヤン・コワルチク", "LEADER", None),
        ("ヤン・ズバロフスキ", "LEADER", "leader.zbarowski"),  # one kana off the full name
    ],
)
def test_suggest_names_near_misses(tmp_path: Path, mention: str, label: str, near: str | None) -> None:
    g = Glossary.load(_user(tmp_path, BASE.split("\n", 1)[1] + (
        "  - {id: treaty.foo_nwfz, label: TREATY, en: Foo NWFZ Treaty, ja: [フー非核地帯条約]}\n")), builtin=False)
    cands = suggest([_doc(mention + "。", [_entity(mention, label, 0, en=None)])], g)
    lines = entry_yaml(cands[0])
    nears = [line for line in lines if line.startswith("  # near: ")]
    if near is None:
        assert nears == []
    else:
        assert nears[0].startswith(f"  # near: {near} — ")


# -- show, lookup ----------------------------------------------------------------


def test_show_a_merged_entry(tmp_path: Path) -> None:
    user = _user(tmp_path, "  - {id: treaty.npt, label: TREATY, en: NPT, ja: [フー拡散条約]}\n")
    result = runner.invoke(app, ["glossary", "show", "treaty.npt", "--glossary", str(user)])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert first.startswith("# treaty.npt: from ") and "glossary.yaml" in first and str(user) in first
    shown = yaml.safe_load(result.stdout)
    assert shown["ja"][-1] == "フー拡散条約" and len(shown["ja"]) > 1
    assert shown.get("wikidata") == wikidata_table().get("treaty.npt")


def test_show_a_leader_with_offices(tmp_path: Path) -> None:
    user = _write(tmp_path / "base.yaml", BASE)
    result = runner.invoke(app, ["glossary", "show", "leader.zbarowski", "--glossary", str(user)])
    shown = yaml.safe_load(result.stdout)
    assert shown["offices"] == [{"title_en": "Foreign Minister", "title_ja": "外相", "from": 1999, "to": 2003}]
    assert shown["country"] == "XX" and shown["ja"] == ["ズバロフスキー", "アルベルト・ズバロフスキー"]


@pytest.mark.parametrize(("entry_id", "near"), [("treaty.nptt", "treaty.npt"), ("NPT", "treaty.npt")])
def test_show_an_unknown_id(entry_id: str, near: str) -> None:
    result = runner.invoke(app, ["glossary", "show", entry_id])
    assert result.exit_code == 1
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert f"no entry {entry_id!r}" in result.stderr and near in result.stderr


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("フー条約", None, "→ treaty.foo 'Foo Treaty' (TREATY): the whole text: Japanese form 'フー条約'"),
        ("ＦＴ", None, "→ treaty.foo 'Foo Treaty' (TREATY): the whole text: abbreviation 'FT' (after"),
        ("Foo Treaty", None, "→ treaty.foo 'Foo Treaty' (TREATY): the whole text: its English name"),
        ("フー条約(バー)", None, "the text without its bracketed part: Japanese form 'フー条約'"),
        ("バー条約(FT)", None, "the abbreviation in brackets: abbreviation 'FT'"),
        ("フー条約議定書", None, ("→ a composed name, no entry of its own 'Foo Treaty Protocol' (TREATY): composed: "
                                  "'フー条約' (treaty.foo) + 議定書")),
        ("ズバロフスキー", "LEADER", "→ leader.zbarowski 'Albert Zbarowski' (LEADER): Japanese form"),
        ("ヤン・ズバロフスキー", None, "the surname 'ズバロフスキー' of the full name"),
    ],
)  # fmt: skip
def test_lookup_hits(tmp_path: Path, text: str, label: str | None, expected: str) -> None:
    user = _write(tmp_path / "base.yaml", BASE)
    result = runner.invoke(app, ["glossary", "lookup", text, "--glossary", str(user), *(["--label", label] if label else [])])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(text) and expected in result.stdout


@pytest.mark.parametrize(
    ("text", "label", "near"),
    [
        ("フーバー条約", None, "treaty.foo"),
        ("フー条約", "LEADER", None),  # a treaty is no leader
        ("まったく別の名前", None, None),
    ],
)
def test_lookup_misses(tmp_path: Path, text: str, label: str | None, near: str | None) -> None:
    user = _write(tmp_path / "base.yaml", BASE)
    result = runner.invoke(app, ["glossary", "lookup", text, "--glossary", str(user), *(["--label", label] if label else [])])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{text}: no entry"
    if near:
        assert lines[1].startswith(f"  near: {near} — ")


# -- --glossary on the commands ----------------------------------------------------

USER = """\
entries:
  - id: treaty.baltic_nwfz_test
    label: TREATY
    en: Baltic Sea NWFZ Treaty
    ja: [バルト海非核地帯条約]
"""
VOTE = "ロシア下院は2000年4月14日、バルト海非核地帯条約を賛成288、反対131、棄権4で批准した。\n"


@pytest.mark.parametrize(
    ("args", "seen"),
    [
        (["report", "--fast"], "Baltic Sea NWFZ Treaty"),
        (["votes", "--format", "csv"], "Baltic Sea NWFZ Treaty"),
        (["glossary", "suggest", "--fast"], "entries: []"),
    ],
)
def test_commands_accept_a_glossary(tmp_path: Path, args: list[str], seen: str) -> None:
    corpus = _write(tmp_path / "a.txt", VOTE)
    user = _write(tmp_path / "user.yaml", USER)
    out = tmp_path / "out"
    result = runner.invoke(app, [*args, str(corpus), "--glossary", str(user), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert seen in out.read_text(encoding="utf-8")
    if args[0] == "votes":  # without the user glossary the subject has no English name
        plain = runner.invoke(app, [*args, str(corpus)])
        assert seen not in plain.stdout


@pytest.mark.parametrize("args", [["report", "--fast"], ["votes"], ["glossary", "suggest", "--fast"]])
@pytest.mark.parametrize("bad", ["entries: [\n", "entries:\n  - {id: treaty.x, label: TREATY, en: X, replace: maybe}\n"])
def test_a_bad_glossary_is_one_line_and_writes_nothing(tmp_path: Path, args: list[str], bad: str) -> None:
    corpus = _write(tmp_path / "a.txt", VOTE)
    user = _write(tmp_path / "bad.yaml", bad)
    out = _write(tmp_path / "out", "earlier\n")
    result = runner.invoke(app, [*args, str(corpus), "--glossary", str(user), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {user}: invalid glossary") and len(result.stderr.splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "earlier\n" and result.stdout == ""
