"""Glossary alignment of treaty mentions: variants of a name, short names inside earlier long names."""

from __future__ import annotations

import pytest

from jpnlp.glossary import Entry, Glossary
from jpnlp.link import AnaphoraResolver, Link, link_treaty

GLOSSARY = Glossary(
    [
        Entry("treaty.basic", "TREATY", "Basic Principles Agreement", ja=("戦略兵器の制限に関する基本原則に関する協定",)),
        Entry("treaty.ctbt", "TREATY", "CTBT", ja=("包括的核実験禁止条約",), abbr=("CTBT",)),
    ]
)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("包括的核実験禁止条約(CTBT)", "CTBT"),
        ("戦略兵器の制限に関する基本原則に関するこの協定", "Basic Principles Agreement"),  # a self-naming title
        ("この協定", None),
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
