"""Width normalization: a table of rules and property tests of the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jpnlp.normalize import NormalizeConfig, normalize, normalize_with_map

CASES: list[tuple[str, str]] = [
    ("ＳＴＡＲＴⅡ条約", "STARTII条約"),
    ("ＳＴＡＲＴⅢ", "STARTIII"),
    ("ＳＴＡＲＴⅠ条約", "STARTI条約"),
    ("１９９３年１月", "1993年1月"),
    ("対弾道ミサイル（ＡＢＭ）条約", "対弾道ミサイル(ABM)条約"),
    ("１９９９年３－６月", "1999年3-6月"),
    ("３０００－３５００発", "3000-3500発"),
    ("２０００−２５００発", "2000-2500発"),  # U+2212 minus sign
    ("ノーベル平和賞", "ノーベル平和賞"),  # the long-vowel mark stays
    ("ー－ー", "ー-ー"),  # ...and a hyphen never becomes one
    ("ｶﾞﾝﾀﾞﾑ｡ﾊﾟﾝ", "ガンダム。パン"),  # half-width katakana, voicing marks composed
    ("ｳﾞｨｯﾃ", "ヴィッテ"),
    ("ﾞ単独", "゛単独"),  # a lone voicing mark stays visible
    ("２　ロシアの動向", "2 ロシアの動向"),  # U+3000
    ("a\u00a0b", "a b"),  # no-break space
    ("「同条約」、『報告』。", "「同条約」、『報告』。"),  # Japanese punctuation stays
    ("核の恐怖――均衡", "核の恐怖――均衡"),  # horizontal bars stay
    ("Ⅻ世紀", "XII世紀"),
    ("ⅳ", "iv"),
    ("￥１００", "¥100"),
    ("！？：；，．", "!?:;,."),
    ("ＮＡＴＯ・ＮＭＤ", "NATO・NMD"),  # the middle dot stays
    # squared era names spell out their era (the year after them must keep it)
    ("㍻12年", "平成12年"),
    ("㍼64年", "昭和64年"),
    ("㋿元年", "令和元年"),
    # invisible format characters are dropped: they split names for a matcher
    ("ＳＴＡＲＴ\u200dⅡ", "STARTII"),  # zero-width joiner
    ("核\u200b兵器", "核兵器"),  # zero-width space
    ("non\u00adproliferation", "nonproliferation"),  # soft hyphen
    ("条\ufeff約", "条約"),  # a BOM inside the text
    ("媾\U000e0101和條\U000e0101約", "媾和條約"),  # ideographic variation selectors
    ("葛\ufe00城", "葛城"),  # a standardized variation selector
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_rules(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_options_switch_rules_off() -> None:
    cfg = NormalizeConfig(roman=False, kana=False)
    assert normalize("ＳＴＡＲＴⅡｶﾞ", cfg) == "STARTⅡｶﾞ"


def test_config_round_trip_and_validation() -> None:
    cfg = NormalizeConfig(spaces=False)
    assert NormalizeConfig.from_dict(cfg.to_dict()) == cfg
    assert cfg.to_dict()["version"] == "2"
    with pytest.raises(ValueError, match="unknown normalization options: widths"):
        NormalizeConfig.from_dict({"widths": True})
    with pytest.raises(ValueError, match="true/false: ascii"):
        NormalizeConfig.from_dict({"ascii": "yes"})


def test_offset_map_of_expansion_maps_both_characters_to_one() -> None:
    n = normalize_with_map("ＳＴＡＲＴⅡ条約")
    assert n.text == "STARTII条約"
    assert n.map.to_source(5, 6) == (5, 6)  # first I -> Ⅱ
    assert n.map.to_source(6, 7) == (5, 6)  # second I -> Ⅱ
    assert n.map.to_source(7, 9) == (6, 8)  # 条約 after the expansion
    assert n.map.to_source(0, 9) == (0, 8)
    assert n.map.snap(6, 8) == (5, 8)


@pytest.mark.parametrize(
    ("raw", "span", "expected"),
    [
        ("A\u200dB", (1, 2), (2, 3)),  # the character after a deleted one
        ("A\u200dB", (0, 1), (0, 1)),
        ("A\u200dB", (0, 2), (0, 3)),  # the whole text: the whole input
        ("\u200dAB", (0, 1), (0, 2)),  # a span at the start keeps what was deleted before it
        ("\u200d", (0, 0), (0, 1)),  # nothing but invisible characters
        ("㍻12", (0, 2), (0, 1)),  # both characters of 平成 come from ㍻
    ],
)
def test_offset_map_of_deletions_and_squared_signs(raw: str, span: tuple[int, int], expected: tuple[int, int]) -> None:
    assert normalize_with_map(raw).map.to_source(*span) == expected


def test_offset_map_of_composition() -> None:
    n = normalize_with_map("ｶﾞﾝﾀﾞﾑ")
    assert n.text == "ガンダム"
    assert [n.map.to_source(i, i + 1) for i in range(4)] == [(0, 2), (2, 3), (3, 5), (5, 6)]


# Characters that exercise every rule, mixed into arbitrary Unicode.
_INTERESTING = list("ＳＡ１（）－ⅡⅢⅫⅳｶﾊﾞﾟｳﾝ｡　\u00a0−ー。「」￥") + ["\ud800", "\U0001f600", "\u0301"]
_TEXT = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(_INTERESTING)),
    max_size=60,
)


@given(_TEXT)
@settings(max_examples=400, deadline=None)
def test_idempotent(s: str) -> None:
    once = normalize(s)
    assert normalize(once) == once


@given(_TEXT, st.data())
@settings(max_examples=400, deadline=None)
def test_any_span_maps_back_to_raw_that_normalizes_to_it(s: str, data: st.DataObject) -> None:
    n = normalize_with_map(s)
    assert n.map.to_source(0, len(n.text)) == (0, len(s))
    i = data.draw(st.integers(0, len(n.text)))
    j = data.draw(st.integers(i, len(n.text)))
    i, j = n.map.snap(i, j)
    a, b = n.map.to_source(i, j)
    assert 0 <= a <= b <= len(s)
    assert normalize(s[a:b]) == n.text[i:j]
