"""Glossary alignment of treaty mentions: variants of a name, short names inside earlier long names."""

from __future__ import annotations

import pytest

from jpnlp.glossary import Entry, Glossary, Office
from jpnlp.link import AnaphoraResolver, Link, guess_leader, link_treaty, near_treaty

GLOSSARY = Glossary(
    [
        Entry("treaty.basic", "TREATY", "Basic Principles Agreement", ja=("戦略兵器の制限に関する基本原則に関する協定",)),
        Entry("treaty.ctbt", "TREATY", "CTBT", ja=("包括的核実験禁止条約",), abbr=("CTBT",)),
        Entry("treaty.alpha", "TREATY", "Alpha Treaty", ja=("第一次アルファ削減条約", "アルファ条約")),
        Entry("treaty.ja_security", "TREATY", "Japan-Alpha Security Treaty", ja=("日米安保条約", "安保条約")),
        Entry("org.beta_pact", "ORG", "Beta Pact", ja=("ベータ条約機構", "ベータ条約")),
    ]
)
LEADERS = Glossary(
    [
        Entry("leader.a", "LEADER", "Taro Yamakawa", ja=("山川太郎",), offices=(Office("首相", "首相", 1990, 1995),)),
        Entry("leader.b", "LEADER", "Jiro Yamakawa", ja=("山川次郎",), offices=(Office("外相", "外相", 2001, 2004),)),
        Entry("leader.c", "LEADER", "Ivan Borsky", ja=("イワン・ボルスキー",), offices=(Office("外相", "外相", 2010, None),)),
    ]
)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("包括的核実験禁止条約(CTBT)", "CTBT"),
        ("戦略兵器の制限に関する基本原則に関するこの協定", "Basic Principles Agreement"),  # a self-naming title
        ("この協定", None),
        # a year or the nuclear powers that signed it before the name
        ("1991年アルファ条約", "Alpha Treaty"),
        ("米ソ第一次アルファ削減条約", "Alpha Treaty"),
        ("米ソ間のアルファ条約", "Alpha Treaty"),
        # a name the glossary files under another label but that names an instrument
        ("ベータ条約", "Beta Pact"),
        ("ベータ条約機構", None),  # the organisation itself is not a treaty
        # an abbreviation with a generic head the glossary does not list with it
        ("CTBT協定", "CTBT"),
        ("米ソCTBT合意", "CTBT"),
        ("XYZ条約", None),
        # but a name the glossary gives other parties is not that treaty
        ("米中安保条約", None),
        ("日米安保条約", "Japan-Alpha Security Treaty"),
    ],
)
def test_link_treaty(mention: str, expected: str | None) -> None:
    link = link_treaty(mention, GLOSSARY)
    assert (link.en if link else None) == expected


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        ("「7・4」共同声明", "7・4", "July 4 Joint Statement"),
        ("「7・4」共同声明", "7・5", None),
        ("「7・4」共同声明", "「7・4」共同声明", None),  # the same name is not a short form of itself
    ],
)
def test_short_name_inside_an_earlier_long_name(earlier: str, later: str, expected: str | None) -> None:
    resolver = AnaphoraResolver(GLOSSARY)
    resolver.add(earlier, Link("July 4 Joint Statement"))
    link = resolver.containing(later)
    assert (link.en if link else None) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("包括的実験禁止条約", "CTBT"),  # a light character left out
        ("包括的な核実験禁止条約", "CTBT"),  # ... or added
        ("第二次アルファ削減条約", None),  # an ordinal is another treaty
        ("包括的核実験禁止条約", None),  # the glossary's own form is for link_treaty, not a near miss
        ("包括核兵器禁止条約", None),  # two characters away
    ],
)
def test_near_treaty(mention: str, expected: str | None) -> None:
    link = near_treaty(mention, GLOSSARY)
    assert (link.en if link else None) == expected
    assert link is None or link.source == "near"


@pytest.mark.parametrize(
    ("mention", "year", "role", "expected"),
    [
        ("山川", 1992, None, "Taro Yamakawa"),  # a family name listed only in full: the one in office that year
        ("山川", 2003, None, "Jiro Yamakawa"),
        ("山川", None, "外相", "Jiro Yamakawa"),  # the title decides
        ("山川", None, None, "Jiro Yamakawa"),  # nothing decides: the one in office last
        ("ボルスキー", None, None, "Ivan Borsky"),  # the last part of a katakana full name
        ("イワン", None, None, None),  # a given name alone is not a short form
        ("川", None, None, None),
    ],
)
def test_guess_leader(mention: str, year: int | None, role: str | None, expected: str | None) -> None:
    e = guess_leader(mention, LEADERS, year, role)
    assert (e.en if e else None) == expected
