"""LEADER phenomena of Diet records, encyclopedias, hard-wrapped papers and UN pages (invented sentences)."""

from __future__ import annotations

import re

import pytest

from jpnlp.glossary import Entry, Glossary, Office
from jpnlp.name_tags import tagged_tokens
from jpnlp.normalize import normalize
from jpnlp.rules.leaders import find_leaders

GLOSSARY = Glossary(
    [
        Entry("leader.yamakawa", "LEADER", "Yamakawa Ichirō", ja=("山川一郎", "山川"), country="JP",
              offices=(Office("Foreign Minister", "外務大臣", 1990, 1992),)),
        Entry("leader.hoshino", "LEADER", "Hoshino Jirō", ja=("星野次郎", "星野"), country="JP",
              offices=(Office("Prime Minister", "内閣総理大臣", 1980, 1982),)),
        Entry("leader.pak", "LEADER", "Pak Chol-su", ja=("朴哲洙",), country="KP",
              offices=(Office("Chairman of the State Affairs Commission", "国務委員長", 2001, 2009),)),
        Entry("leader.zhao", "LEADER", "Zhao Ming", ja=("趙明", "趙"), country="CN",
              offices=(Office("Foreign Minister", "外交部長", 2001, 2009),)),
        Entry("leader.mendes", "LEADER", "Carlos Mendes", ja=("カルロス・メンデス", "メンデス"), abbr=("Carlos Mendes",),
              country="UN", offices=(Office("Secretary-General of the United Nations", "国連事務総長", 2001, 2009),)),
    ]
)  # fmt: skip


def leaders(text: str) -> list[tuple[str, str | None, str | None]]:
    text = normalize(text)
    persons = [(m.start(), m.end()) for m in re.finditer(r"山本一郎|朴哲洙国連", text)]  # as GiNZA tags them
    found = find_leaders(text, GLOSSARY, persons=persons, tokens=tagged_tokens(text))
    return [(m.text, m.role, m.entry_id) for m in found]


CASES = [
    # a name in Latin letters right before a Japanese title, with or without a country or organization between
    ("国連のCarlos Mendes事務総長は述べた。", [("Carlos Mendes", "事務総長", "leader.mendes")]),
    ("Jan Novak外相が来日した。", [("Jan Novak", "外相", None)]),
    ("Anna B. Lindqvist国防相と会談", [("Anna B. Lindqvist", "国防相", None)]),
    ("Mr. Jan Novak首相", [("Jan Novak", "首相", None)]),
    ("IAEA事務局長とEU外相", []),  # acronyms are organizations
    # the Diet's records head a minister's answer with ○ and 国務大臣: a known leader is a leader there
    ("○山川国務大臣 お答えいたします。", [("山川", None, "leader.yamakawa")]),
    ("○\n星野国務大臣 そのとおりでございます。", [("星野", None, "leader.hoshino")]),
    ("○田村国務大臣 お答えいたします。", []),  # a minister the glossary does not know: any portfolio
    # … unless the record's roster lists him as foreign minister (a given name Sudachi reads as a common word too)
    ("  出席国務大臣\n    外 務 大 臣 田村  正君\n\n○田村国務大臣 お答えいたします。",
     [("田村  正", "外務大臣", None), ("田村", "国務大臣", None)]),
    ("  出席国務大臣\n    法 務 大 臣 田村  正君\n\n○田村国務大臣 お答えいたします。", []),
    # an encyclopedia's headword: the name spaced, its reading first in the brackets
    ("山川 一郎(やまかわ いちろう、1930年 - 2001年)は、日本の政治家。",
     [("山川 一郎", None, "leader.yamakawa"), ("やまかわ いちろう", None, "leader.yamakawa")]),
    ("星野次郎(ほしの じろう、1920年 - 1999年)は", [("星野次郎", None, "leader.hoshino"), ("ほしの じろう", None, "leader.hoshino")]),
    # a known surname with another given name, addressed as the Diet's rosters do, is a namesake
    ("   理事 星野三郎君 理事 山田 一郎君", []),
    ("星野内閣の方針", [("星野", None, "leader.hoshino")]),
    # a surname starting with a kanji that also means "former", "new" … (前原, 前田) when Sudachi tags a name there
    ("会合に出席する前田外務大臣は", [("前田", "外務大臣", None)]),
    ("新外務大臣は", []),
    # a known surname with さん, as with 氏
    ("外務大臣である山川さんの考え", [("山川", None, "leader.yamakawa")]),
    # a Korean leader the glossary knows, met again by the surname with 氏 or a short form of the title
    ("朴哲洙国務委員長が演説した。朴委員長は続けて、朴氏は",
     [("朴哲洙", "国務委員長", "leader.pak"), ("朴", "委員長", "leader.pak"), ("朴", None, "leader.pak")]),
    # a known leader addressed in another office, set off by spaces as in a letter or a signature
    ("参議院議長 星野次郎 殿", []),
    ("内閣総理大臣 星野次郎\n", [("星野次郎", "内閣総理大臣", "leader.hoshino")]),
    ("大統領補佐官のC.メンデスは", []),  # initials between the office and the name
    # a title broken by the line end or a stray space of hard-wrapped text
    ("両国の関係 / ノバク首\n   相の認識 / ", [("ノバク", "首相", None)]),
    ("ノバク大 統領は", [("ノバク", "大統領", None)]),
    ("大統\n領選挙の結果", []),
    # a name set off from its title by a space (PDF text): a name the glossary or a tagger knows; no one letter
    ("国連の カルロス・メンデス 事務総長は", [("カルロス・メンデス", "事務総長", "leader.mendes")]),
    ("ニュース 首相が", []),
    ("ノバ ク首相は", []),
    # the head of an association is no leader: an NGO named with its own abbreviation or a word of associations
    ("平和国際キャンペーン(PIC)のアンナ・ノバク事務局長は", []),
    ("PICのノバク事務局長", []),
    ("「平和国際キャンペーン」(PIC)のノバク事務局長", []),
    ("国際原子力機関(IAEA)のノバク事務局長", [("ノバク", "事務局長", None)]),
    # an association's officer with a kanji name only a tagger knows (GiNZA's Person is passed below)
    ("平和協議会の山本一郎事務局長は", []),
    # a known name reaching into the organization word only when the glossary knows the longer name
    ("代表が朴哲洙国連事務総長宛に提出", [("朴哲洙", "事務総長", "leader.pak")]),
    # a known surname the text gives another person's given name is that namesake's (not the glossary's leader)
    ("労働党のアンナ・メンデス新党首は述べた。メンデス氏は", []),
    ("カルロス・メンデス氏は述べた。メンデス氏は", [("カルロス・メンデス", None, "leader.mendes"), ("メンデス", None, "leader.mendes")]),
    # the bare 上級代表 is the UN's disarmament chief; the EU's is a leader
    ("ノバク上級代表は", []),
    ("ノバクEU上級代表は", [("ノバク", "上級代表", None)]),
    # a known full name glued to a word before it
    ("同年星野次郎が首相に就任した", [("星野次郎", None, "leader.hoshino")]),
    # a Latin spelling in brackets after the title is a mention too (surname in capitals, as MOFA writes it)
    ("ノバク首相(H.E. Mr. Jan NOVAK, Prime Minister)と会談", [("ノバク", "首相", None), ("Jan NOVAK", None, None)]),
    ("ノバク首相(左)と会談", [("ノバク", "首相", None)]),
    ("ノバク首相 ( Jan Novak ) | |", [("ノバク", "首相", None), ("Jan Novak", None, None)]),  # brackets padded
    # a known full name's last part the glossary leaves out alone, with 氏
    # places and funds named after a leader
    ("メンデス広場で署名を提出した。メンデス基金の", []),
    # a known name written with a Latin initial inside
    ("(2020年1月1日、カルロス・A・メンデス)(全訳)", [("カルロス・A・メンデス", None, "leader.mendes")]),
    # a two-kanji Chinese name whose surname the glossary lists is a full name, also alone and before a spaced title
    ("・趙明は、次のように述べた。", [("趙明", None, "leader.zhao")]),
    ("・2020年1月1日、趙明 国務委員兼外相は、", [("趙明", "外相", "leader.zhao")]),
    # a British title: Foreign, Commonwealth and Development Affairs
    ("イギリスのスミス外交・開発大臣", [("スミス", "外交・開発大臣", None)]),
    # foreign and defence ministers' titles with other portfolios joined, as the press renders small states' titles
    ("ノバク外務・国際協力相は", [("ノバク", "外務・国際協力相", None)]),
    ("ノバク欧州・外務相と", [("ノバク", "欧州・外務相", None)]),
    ("ノバク外務貿易相", [("ノバク", "外務貿易相", None)]),
    ("ノバク国防・退役軍人相", [("ノバク", "国防・退役軍人相", None)]),
    ("山田外務副大臣と", []),
    # a dictionary's headword: a reading, then the name in 【】; a katakana name hyphenated, its own spelling in 【】
    ("ほしの-じろう【星野次郎】\n[1920〜1999]政治家。", [("ほしの-じろう", None, "leader.hoshino"), ("星野次郎", None, "leader.hoshino")]),
    ("カルロス‐メンデス【Carlos Alberto Mendes】\n[1940〜 ]",
     [("カルロス-メンデス", None, "leader.mendes"), ("Carlos Alberto Mendes", None, "leader.mendes")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:14] for c in CASES])
def test_layout_phenomena(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert leaders(text) == expected


def test_state_name_is_no_person_name() -> None:
    """A state's full name before a title is no name, even where a tagger takes it for a person's."""
    text = "[1912〜1994]ユートピア民主共和国国家主席。"
    assert find_leaders(text, GLOSSARY, persons=[(11, 21)], tokens=tagged_tokens(text)) == []


def test_common_nouns_a_tagger_took_for_a_name() -> None:
    """GiNZA may tag a common noun before a title as a Person (常任理事国外相): Sudachi's words tell."""
    text = "安保理の常任理事国外相と会談した"
    assert find_leaders(text, GLOSSARY, persons=[(4, 9)], tokens=tagged_tokens(text)) == []


def test_last_part_of_a_full_name_with_honorific() -> None:
    """A full name's last part the glossary leaves out on its own (a brand too) is that leader with 氏 only."""
    glossary = Glossary([Entry("leader.pereira", "LEADER", "Maria Pereira", ja=("マリア・ペレイラ",))])
    found = find_leaders("ペレイラ氏が述べたように、ペレイラの製品は", glossary)
    assert [(m.text, m.entry_id) for m in found] == [("ペレイラ", "leader.pereira")]
