"""Mainland Chinese names in kanji: the country beside the name, and the name in pinyin."""

from __future__ import annotations

import pytest

from jpnlp.names_zh import country_near, is_prc_name, pinyin_available, pinyin_name

needs_pinyin = pytest.mark.skipif(not pinyin_available(), reason="the names extra (pypinyin) is not installed")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("中国の龐立新外相", "龐立新", "China"),  # before the name, joined by の
        ("中国外務省の龐立新報道官", "龐立新", "China"),  # a ministry between
        ("龐立新中国国防相", "龐立新", "China"),  # after the name, before the title
        ("龐立新・中国国防相", "龐立新", "China"),
        ("台湾の龐立新外相", "龐立新", "Taiwan"),
        ("日本の山川太郎外相", "山川太郎", "Japan"),
        ("中国を訪れた、山川太郎外相", "山川太郎", None),  # a clause away: not about the name
        ("山川太郎外相", "山川太郎", None),
    ],
)
def test_country_near(text: str, name: str, expected: str | None) -> None:
    start = text.index(name)
    assert country_near(text, start, start + len(name)) == expected


def test_only_a_mainland_kanji_name_is_read_in_pinyin() -> None:
    assert is_prc_name("中国の龐立新外相", 3, 6)
    assert not is_prc_name("台湾の龐立新外相", 3, 6)
    assert not is_prc_name("中国のボルスキー外相", 3, 8)


@needs_pinyin
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("龐立新", "Pang Lixin"),
        ("曾立平", "Zeng Liping"),  # 曾 as a family name is Zeng
        ("欧陽立新", "Ouyang Lixin"),  # a two-character family name is one word
        ("沢立新", "Ze Lixin"),  # a Japanese shinjitai form
        ("王", None),  # a family name alone is not a name to spell
        ("ボルスキー", None),
    ],
)
def test_pinyin_name(name: str, expected: str | None) -> None:
    assert pinyin_name(name) == expected
