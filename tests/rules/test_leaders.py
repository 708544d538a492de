"""LEADER rules: the name is the span, the title is the role."""

from __future__ import annotations

import pytest

from jpnlp.glossary import Entry, Glossary, Office
from jpnlp.normalize import normalize
from jpnlp.rules.leaders import find_leaders

GLOSSARY = Glossary(
    [
        Entry("leader.putin", "LEADER", "Vladimir Putin", ja=("プーチン", "ウラジーミル・プーチン")),
        Entry("leader.clinton", "LEADER", "Bill Clinton", ja=("クリントン",)),
        Entry("leader.kishida", "LEADER", "Kishida Fumio", ja=("岸田文雄", "岸田")),
        Entry("leader.xi", "LEADER", "Xi Jinping", ja=("習近平", "習")),
        Entry("leader.tanaka", "LEADER", "Tanaka Makiko", ja=("田中",),
              offices=(Office("Foreign Minister", "外務大臣", 2001, 2002),)),
        Entry("leader.bush_hw", "LEADER", "George H. W. Bush", ja=("ブッシュ",), ambiguous_forms=("ブッシュ",),
              offices=(Office("President", "大統領", 1989, 1993),)),
        Entry("leader.bush_w", "LEADER", "George W. Bush", ja=("ブッシュ",), ambiguous_forms=("ブッシュ",),
              offices=(Office("President", "大統領", 2001, 2009),)),
        Entry("org.russia_duma", "ORG", "State Duma", ja=("ロシア下院",)),
    ]
)  # fmt: skip


def leaders(text: str, **kw) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(m.text, m.role, m.entry_id) for m in find_leaders(normalize(text), GLOSSARY, **kw)]


CASES = [
    ("プーチン大統領代行（当時）支持派が", [("プーチン", "大統領代行(当時)", "leader.putin")]),
    ("エリツィン前大統領が反発した", [("エリツィン", "前大統領", None)]),  # unknown to this glossary: still a leader
    ("クリントン大統領は当初", [("クリントン", "大統領", "leader.clinton")]),
    ("クリントン政権は", [("クリントン", None, "leader.clinton")]),
    ("ウラジーミル・プーチン・ロシア大統領", [("ウラジーミル・プーチン", "大統領", "leader.putin")]),
    ("バイデン米大統領と会談", [("バイデン", "大統領", None)]),
    ("グテーレス国連事務総長は", [("グテーレス", "事務総長", None)]),
    ("グロッシIAEA事務局長", [("グロッシ", "事務局長", None)]),
    ("ブリンケン国務長官とラブロフ外相", [("ブリンケン", "国務長官", None), ("ラブロフ", "外相", None)]),
    ("岸田文雄首相は広島で", [("岸田文雄", "首相", "leader.kishida")]),
    ("岸田首相", [("岸田", "首相", "leader.kishida")]),
    ("習近平中国国家主席", [("習近平", "国家主席", "leader.xi")]),
    ("習主席は", [("習", "主席", "leader.xi")]),  # a one-kanji name the glossary knows
    ("田中外相は", [("田中", "外相", "leader.tanaka")]),  # 中 is not the country here
    ("プーチンは述べた", [("プーチン", None, "leader.putin")]),
    # not leaders
    ("ロシア大統領は", []),
    ("カザフスタン大統領と", []),
    ("米露両大統領が合意した", []),
    ("両大統領候補ともに", []),
    ("ロシア下院は可決した", []),
    ("ラムスフェルド報告で", []),
    ("山田首相", []),  # a kanji name neither the glossary nor GiNZA knows
]


# Real-text phenomena: initials, countries and organizations around the title, several names before one title,
# readings and Latin spellings in brackets, titles before the name, offices that do not make a leader.
REAL_TEXT_CASES = [
    # initials are part of the name
    ("リンドン・B.ジョンソン大統領は", [("リンドン・B.ジョンソン", "大統領", None)]),
    ("ハリー・S・トルーマン大統領", [("ハリー・S・トルーマン", "大統領", None)]),
    ("R.スミス国防相が来日", [("R.スミス", "国防相", None)]),
    ("V.プーチン大統領", [("V.プーチン", "大統領", "leader.putin")]),
    # a country written before the name, one-kanji country abbreviations, a party between name and title
    ("カナダトルドー首相", [("トルドー", "首相", None)]),
    ("アルバネーゼ豪首相と会談", [("アルバネーゼ", "首相", None)]),
    ("ブレジネフ・ソ連共産党書記長", [("ブレジネフ", "書記長", None)]),
    # an organization named in full between name and title (a name with an initial)
    ("、R.グロッシ国際原子力機関(IAEA)事務局長は", [("R.グロッシ", "事務局長", None)]),
    ("、K.ロドリゲスEU外務・安全保障政策上級代表", [("K.ロドリゲス", "外務・安全保障政策上級代表", None)]),
    # several names before one title or a summit
    ("レーガン・ゴルバチョフ両首脳は", [("レーガン", None, None), ("ゴルバチョフ", None, None)]),
    ("プーチン・ゼレンスキー会談", [("プーチン", None, "leader.putin")]),  # an unknown name needs 両
    ("米・ロ両首脳", []),
    # a reading or a Latin spelling in brackets is a second mention of the same leader
    ("習近平(シー・ジンピン)国家主席", [("習近平", "国家主席", "leader.xi"), ("シー・ジンピン", None, "leader.xi")]),
    ("岸田文雄(Fumio Kishida)首相", [("岸田文雄", "首相", "leader.kishida"), ("Fumio Kishida", None, "leader.kishida")]),
    ("プーチン(ロシア)大統領", [("プーチン", "大統領", "leader.putin")]),  # a country in brackets is not a reading
    # a title before the name
    ("米国務長官ジョン・ケリーは", [("ジョン・ケリー", "国務長官", None)]),
    ("外務大臣 山田太郎\n", [("山田太郎", "外務大臣", None)]),
    # a titled name met again later, a known surname with its policy, a name in Latin script
    ("ゴンザレス外相は訪日した。ゴンザレス氏は", [("ゴンザレス", "外相", None), ("ゴンザレス", None, None)]),
    ("岸田外交の成果", [("岸田", None, "leader.kishida")]),
    ("習中国政府は", [("習", None, "leader.xi")]),  # a one-kanji surname, a country word, then 政府
    ("習近平中国政府", [("習近平", None, "leader.xi")]),
    ("Vladimir Putin said", [("Vladimir Putin", None, "leader.putin")]),
    # a known name as the first part of a longer name is someone else; two known names joined are two leaders
    ("クリントン・ホワイト教授は", []),
    # a known leader's name in an office that makes no leader
    ("岸田文雄経済再生相と", []),
    ("クリントン上院議員は", []),
    ("クリントン副大統領", []),
    ("岸田大臣は", [("岸田", None, "leader.kishida")]),  # the leader's own office, named short
    ("クリントン長官は", [("クリントン", None, "leader.clinton")]),
    ("クリントン・プーチン両氏", [("クリントン", None, "leader.clinton"), ("プーチン", None, "leader.putin")]),
    # offices that do not make a leader
    ("ペスコフ大統領報道官は", []),
    ("スミス副大統領", []),
    ("ヤマダ官房長官", []),
    ("ジョンソン国連大使", []),
]


@pytest.mark.parametrize(("text", "expected"), REAL_TEXT_CASES, ids=[c[0][:14] for c in REAL_TEXT_CASES])
def test_real_text(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert leaders(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:14] for c in CASES])
def test_leaders(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert leaders(text) == expected


def test_administration_of_a_person_known_to_the_tagger() -> None:
    text = "マドゥロ政権とタリバン政権"
    assert leaders(text, persons=[(0, 4)]) == [("マドゥロ", None, None)]


def test_kanji_name_known_to_the_tagger() -> None:
    text = "山田首相"
    assert leaders(text, persons=[(0, 2)]) == [("山田", "首相", None)]


@pytest.mark.parametrize(
    ("year", "expected"),
    [(1991, "leader.bush_hw"), (2003, "leader.bush_w"), (None, None), (1995, "leader.bush_hw"), (1999, "leader.bush_w")],
)  # between their terms: the nearer one
def test_shared_surname_is_told_apart_by_the_year(year: int | None, expected: str | None) -> None:
    assert leaders("ブッシュ大統領", year_at=lambda pos: year) == [("ブッシュ", "大統領", expected)]


def test_unknown_leader_takes_the_latin_spelling_given_in_the_text() -> None:
    text = normalize("ミゲル・サントス(Miguel Santos)首相は述べた。サントス首相は")
    assert [(m.text, m.en) for m in find_leaders(text, GLOSSARY)] == [
        ("ミゲル・サントス", "Miguel Santos"),
        ("Miguel Santos", "Miguel Santos"),
        ("サントス", "Miguel Santos"),
    ]


def tagged_leaders(text: str) -> list[tuple[str, str | None, str | None]]:
    """``leaders`` with Sudachi's tokens and tags, as the pipeline passes them."""
    from jpnlp.name_tags import tagged_tokens

    text = normalize(text)
    return [(m.text, m.role, m.entry_id) for m in find_leaders(text, GLOSSARY, tokens=tagged_tokens(text))]


# Kanji names Sudachi's dictionary tags (名詞-固有名詞-人名-姓/名), and the offices and layouts around them.
TAGGED_CASES = [
    # a kanji name before a leader's title, unknown to the glossary and to GiNZA
    ("山田太郎外相は会見した", [("山田太郎", "外相", None)]),
    ("金南哲外相が書簡を送った", [("金南哲", "外相", None)]),
    ("朴正浩首相と会談", [("朴正浩", "首相", None)]),
    # a surname that is also a place: before a Japanese cabinet office, or before a given name
    ("高松外相は", [("高松", "外相", None)]),
    ("高松市長は", []),
    # a one-character surname Sudachi tags, all of the kanji before the title
    ("、林外相は", [("林", "外相", None)]),
    ("、李大統領と", [("李", "大統領", None)]),
    ("、新首相は", []),
    # lists of delegates and the Diet's records: a name set off by spaces, before or after its title
    ("  山田 太郎 外務大臣\n", [("山田 太郎", "外務大臣", None)]),
    ("  高松 一郎 外務大臣\n", [("高松 一郎", "外務大臣", None)]),
    ("外務大臣 山田 太郎君\n", [("山田 太郎", "外務大臣", None)]),
    ("日本国内閣総理大臣\n\n山田太郎\n", [("山田太郎", "内閣総理大臣", None)]),  # a signature block
    ("外務大臣\n山田議員の質問", []),
    ("内閣総理大臣 談話\n", []),  # a common noun after the title
    ("  出席国務大臣\n    外 務 大 臣 山田 太郎君\n", [("山田 太郎", "外務大臣", None)]),  # a title spaced out
    ("    法 務 大 臣 山田 太郎君\n", []),
    # a line break between the name and the title
    ("と述べた。山田太郎\n外相は", [("山田太郎", "外相", None)]),
    # a head of government's administration or cabinet, a country word between or not
    ("鈴木内閣の方針", [("鈴木", None, None)]),
    ("山田政権は", [("山田", None, None)]),
    ("メンデス米政権は", [("メンデス", None, None)]),
    ("佐藤内閣府副大臣", []),
    ("新政権と軍事政権", []),
    ("メンデス政府は", [("メンデス", None, None)]),
    ("日本政府とワシントン政府", []),
    # the title first, the name in apposition
    ("大統領のカルロス・メンデス氏は", [("カルロス・メンデス", "大統領", None)]),
    ("前外相のゴンザレス氏と", [("ゴンザレス", "前外相", None)]),
    ("首相の山田氏は", [("山田", "首相", None)]),
    ("○外務大臣(山田太郎君) お答えします", [("山田太郎", "外務大臣", None)]),  # a speaker in the Diet's records
    ("○国務大臣(山田太郎君) お答えします", []),
    # names joined before 両 + title
    ("山田・鈴木の両外相", [("山田", None, None), ("鈴木", None, None)]),
    # titles anyone may hold in an association: only with an intergovernmental organization named
    ("佐藤事務局長は", []),
    ("事務局長 佐藤一郎\n", []),
    ("佐藤一郎IAEA事務局長", [("佐藤一郎", "事務局長", None)]),
    # not the title: a meeting of its holders, an official of the minister's office, a word split in two
    ("ユートピア外相会合で", []),
    ("鈴木外務大臣官房審議官", []),
    ("オランダ王国王女の来日", []),
    ("佐藤議員と会談", []),
    # another office held along with the title
    ("金南哲国務委員兼外相が", [("金南哲", "外相", None)]),
    ("ゴンザレス副首相兼国防相", [("ゴンザレス", "国防相", None)]),
    # more heads of government and foreign ministers; more countries before a title
    ("金南哲国防委員長は", [("金南哲", "国防委員長", None)]),
    ("キム・ナムチョル朝鮮労働党委員長", [("キム・ナムチョル", "労働党委員長", None)]),
    ("スミス英外務・英連邦大臣", [("スミス", "外務・英連邦大臣", None)]),
    ("山田太郎日本国外務大臣は", [("山田太郎", "外務大臣", None)]),  # a country's full name between
    ("メンデス・ソ連閣僚会議議長", [("メンデス", "閣僚会議議長", None)]),
    ("モンテネグロ首相とチャド大統領", []),
    # a word Sudachi knows as a country or an organization is not a name; an agency's katakana name is a mid word
    ("ガンビア大統領と", []),  # not in data/countries.tsv; Sudachi knows the country
    ("タリバン最高指導者", []),
    ("ユニセフ事務局長", []),
    ("メンデス・ユニセフ事務局長", [("メンデス", "事務局長", None)]),
    # a kanji name introduced with a title, met again: in full, or the surname before the same title or 氏
    ("金南哲外相が来日した。金外相は", [("金南哲", "外相", None), ("金", "外相", None)]),
    ("金南哲外相が来日した。金氏と金南哲は", [("金南哲", "外相", None), ("金", None, None), ("金南哲", None, None)]),
    # (金大統領 is another Kim, a leader in his own right; 金融 is no name)
    ("金南哲外相。金大統領と金融", [("金南哲", "外相", None), ("金", "大統領", None)]),
    # English names with an English title before or after
    ("(H. E. Mr. Carlos Mendes da Silva, Prime Minister of Utopia)", [("Carlos Mendes da Silva", None, None)]),
    ("Prime Minister Carlos Mendes said", [("Carlos Mendes", None, None)]),
    ("Vice President Carlos Mendes", []),
    ("Carlos Mendes, President of the General Assembly", []),
    ("King Carlos Mendes Hospital", []),
    ("Under-Secretary-General Carlos Mendes", []),
    ("Carlos Mendes, President and CEO of Utopia Motors", []),
    ("Carlos Mendes, President of the Utopia Foundation", []),
]


@pytest.mark.parametrize(("text", "expected"), TAGGED_CASES, ids=[c[0][:14] for c in TAGGED_CASES])
def test_names_sudachi_tags(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert tagged_leaders(text) == expected


def test_english_name_without_middle_names_is_the_glossary_leader() -> None:
    text = "Prime Minister Fumio Tanaka Kishida"  # the glossary knows Fumio Kishida
    glossary = Glossary([Entry("leader.kishida", "LEADER", "Fumio Kishida", ja=("岸田文雄",))])
    assert [(m.text, m.entry_id) for m in find_leaders(text, glossary)] == [("Fumio Tanaka Kishida", "leader.kishida")]


def test_tagged_tokens_offsets_across_chunks() -> None:
    from jpnlp.name_tags import tagged_tokens

    text = "外務大臣 山田 太郎君\n" * 2000  # longer than one Sudachi call takes
    tokens = tagged_tokens(text)
    assert all(text[s:e] and not text[s:e].isspace() or tag == "空白" for s, e, tag in tokens)
    names = [text[s:e] for s, e, tag in tokens if tag.startswith("名詞-固有名詞-人名")]
    assert names == ["山田", "太郎"] * 2000


def test_title_that_ends_inside_another_word_is_not_a_title() -> None:
    from jpnlp.name_tags import tagged_tokens

    glossary = Glossary([Entry("leader.wang", "LEADER", "Wang Yi", ja=("王毅", "王"))])
    for text, expected in [("オランダ王国王女の来日", []), ("王主席と会談", ["王"])]:
        found = find_leaders(text, glossary, tokens=tagged_tokens(text))
        assert [m.text for m in found] == expected, text


def test_fast_pipeline_reads_sudachi_name_tags() -> None:
    """The fast pipeline keeps no tags on its tokens: the component asks Sudachi itself."""
    from jpnlp.pipeline import load

    doc = load(fast=True)("山田太郎外相と金南哲外相が会談した。")
    assert [(e.text, e._.role) for e in doc.ents if e.label_ == "LEADER"] == [("山田太郎", "外相"), ("金南哲", "外相")]


SPELLING_GLOSSARY = Glossary(
    [
        Entry("leader.gromyko", "LEADER", "Andrei Gromyko", ja=("グロムイコ",)),
        Entry("leader.bulganin", "LEADER", "Nikolai Bulganin", ja=("ブルガーニン",)),
        Entry("leader.kennedy", "LEADER", "John F. Kennedy", ja=("ジョン・F・ケネディ", "ケネディ")),
        Entry("leader.vance", "LEADER", "Cyrus Vance", ja=("ヴァンス",)),
    ]
)
# Katakana initials (English and Russian letter names), spelling variants and a hyphen typed for ー.
SPELLING_CASES = [
    # Russian initials spelled in katakana, as old official texts list signatories
    ("全権委員\nア・ア・グロムイコ\n", [("ア・ア・グロムイコ", None, "leader.gromyko")]),
    ("エヌ・ア・ブルガーニンは述べた。", [("エヌ・ア・ブルガーニン", None, "leader.bulganin")]),
    # small ィ for イ, and a minus or hyphen typed for the long-vowel mark
    ("グロムィコ外相が来日した。", [("グロムィコ", "外相", "leader.gromyko")]),
    ("ブルガ−ニン首相は", [("ブルガ-ニン", "首相", "leader.bulganin")]),
    ("エヌ・ア・ブルガ‐ニン首相と会談した。", [("エヌ・ア・ブルガ-ニン", "首相", "leader.bulganin")]),
    # ヴァ and バ are one sound
    ("バンス国務長官が訪れた。", [("バンス", "国務長官", "leader.vance")]),
    # an English initial spelled in katakana inside a name that has a given name
    ("ジョン・エフ・ケネディ大統領", [("ジョン・エフ・ケネディ", "大統領", "leader.kennedy")]),
    # a letter name alone before a katakana word is no initial of a known name
    ("エス・アンド・ピー社は", []),
]


@pytest.mark.parametrize(("text", "expected"), SPELLING_CASES, ids=[c[0][:14] for c in SPELLING_CASES])
def test_initials_and_katakana_spelling_variants(text: str, expected: list) -> None:
    found = find_leaders(normalize(text), SPELLING_GLOSSARY)
    assert [(m.text, m.role, m.entry_id) for m in found] == expected


def test_name_the_glossary_writes_without_middle_dots() -> None:
    glossary = Glossary([Entry("leader.x", "LEADER", "Mary Ann Smith", ja=("メアリーアンスミス",))])
    found = find_leaders(normalize("メアリー・アン・スミス氏らの解放を求めた。"), glossary)
    assert [(m.text, m.entry_id) for m in found] == [("メアリー・アン・スミス", "leader.x")]


AUDIT_GLOSSARY = Glossary(
    [
        Entry("leader.rice", "LEADER", "Condoleezza Rice", ja=("ライス",)),
        Entry("leader.vance", "LEADER", "Cyrus Vance", ja=("ヴァンス",)),
        Entry("leader.kono", "LEADER", "Kono Taro", ja=("河野太郎",)),
        Entry("leader.putin", "LEADER", "Vladimir Putin", ja=("プーチン",)),
        Entry("leader.xi", "LEADER", "Xi Jinping", ja=("習近平",)),
        Entry("leader.annan", "LEADER", "Kofi Annan", ja=("アナン",),
              offices=(Office("Secretary-General of the United Nations", "国際連合事務総長", 1997, 2006),)),
    ]
)  # fmt: skip
# Invented sentences that failed an audit of the LEADER conventions (see the module docstring).
AUDIT_CASES = [
    # a one-letter katakana country word (ロ, ソ) glued to a katakana name is the name's last letter
    ("キューバのカストロ国家評議会議長は", [("カストロ", "国家評議会議長", None)]),
    ("マクロン大統領とバロ外相は", [("マクロン", "大統領", None), ("バロ", "外相", None)]),
    ("ボルソナロ大統領は", [("ボルソナロ", "大統領", None)]),
    ("プーチン・ロ大統領", [("プーチン", "大統領", "leader.putin")]),  # set off by ・ it is still Russia
    # the ruling party's organ between name and title; a party named without its country
    ("ブレジネフ・ソ連共産党中央委員会書記長は", [("ブレジネフ", "書記長", None)]),
    ("メンデス共産党政治局員兼外相は", [("メンデス", "外相", None)]),
    # a known leader's name in apposition to, or before, an office that makes no leader (a namesake)
    ("ライス米大統領補佐官は", []),
    ("アナン事務総長報道官は", [("アナン", None, "leader.annan")]),  # the leader's own spokesperson
    ("米副大統領のバンス氏は", []),
    ("河野太郎デジタル相は", []),
    ("河野太郎外相は", [("河野太郎", "外相", "leader.kono")]),
    ("河野太郎政調会長と河野太郎元幹事長", []),  # party offices, held now or before
    # a known name spaced out in a Diet roster of committee members
    ("委員\n    河野  太郎君    山田 一郎君\n", [("河野  太郎", None, "leader.kono")]),
    # places, doctrines and families named after a leader
    ("プーチン空港とプーチン国際空港", []),
    ("プーチン宇宙センターとプーチン家の人々", []),
    ("習近平思想", []),
    # English: a surname alone after the title, the title after a lowercase word or a nationality
    ("President Putin said.", [("Putin", None, "leader.putin")]),
    ("He met Foreign Minister Mendes's aides.", [("Mendes", None, None)]),
    ("Russian President Carlos Mendes", [("Carlos Mendes", None, None)]),
    ("General Assembly President Mendes", []),
    ("President Elect Mendes", []),
]


@pytest.mark.parametrize(("text", "expected"), AUDIT_CASES, ids=[c[0][:14] for c in AUDIT_CASES])
def test_audit_cases(text: str, expected: list) -> None:
    found = find_leaders(normalize(text), AUDIT_GLOSSARY)
    assert [(m.text, m.role, m.entry_id) for m in found] == expected


# The same with Sudachi's tags, and GiNZA's Person spans where the case needs them.
AUDIT_TAGGED_CASES = [
    # a Diet roster: a surname Sudachi reads as a given name, spaced from the given name
    ("  外務大臣   茂木 敏充君\n", [("茂木 敏充", "外務大臣", None)], []),
    # a signature with the name right after the title (old treaty texts)
    ("日本国内閣総理大臣山田太郎\n", [("山田太郎", "内閣総理大臣", None)], []),
    ("内閣総理大臣談話\n", [], []),
    # a name set off from its title or its country by ・, a reading in brackets before the country
    ("金南哲・北朝鮮外相は", [("金南哲", "外相", None)], []),
    ("山田太郎・首相は", [("山田太郎", "首相", None)], []),
    ("金南哲(キムナムチョル)北朝鮮外相", [("金南哲", "外相", None), ("キムナムチョル", None, None)], []),
    # a Person span GiNZA stretches over a Latin mid word, or puts on a party organ
    ("佐藤一郎IAEA事務局長(当時)", [("佐藤一郎", "事務局長(当時)", None)], [(0, 8)]),
    ("山田太郎中国共産党中央委員会総書記は", [("山田太郎", "総書記", None)], [(0, 4), (9, 14)]),
]


@pytest.mark.parametrize(("text", "expected", "persons"), AUDIT_TAGGED_CASES, ids=[c[0][:14] for c in AUDIT_TAGGED_CASES])
def test_audit_tagged_cases(text: str, expected: list, persons: list) -> None:
    from jpnlp.name_tags import tagged_tokens

    text = normalize(text)
    found = find_leaders(text, AUDIT_GLOSSARY, persons=persons, tokens=tagged_tokens(text))
    assert [(m.text, m.role, m.entry_id) for m in found] == expected
