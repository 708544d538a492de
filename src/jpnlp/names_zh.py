"""Chinese names written in kanji, in pinyin: 習近平 → Xi Jinping, not the Japanese reading Shū Kinpei.

Japanese text writes the names of mainland Chinese people in kanji and reads them
the Japanese way; their usual English spelling is Hanyu Pinyin, family name first,
the given name one word (``Wang Yi``, ``Li Keqiang``).  Whether a kanji name is
Chinese is read from the country the text puts next to it (:func:`country_near`:
``中国の王毅外相``, ``王毅中国外相``, ``王毅・中国外相``).  Taiwan and Hong Kong
spell names their own way (Wade–Giles, Cantonese), so only the PRC takes pinyin.

The readings come from ``pypinyin`` (the ``names`` extra), which reads Japanese
shinjitai forms too (江沢民 → Jiang Zemin); family names with a reading of their
own (曾 Zeng, 単 Shan) and two-character family names (欧陽) come from
``data/zh_surnames.tsv``.  Without ``pypinyin`` installed :func:`pinyin_name`
gives ``None`` (one warning says so) and the name is transliterated as before.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import Any

from .errors import JpnlpWarning
from .tables import read_table

_KANJI_NAME = re.compile(r"[\u4e00-\u9fff\u3005]{2,4}")
# Country words that mark a person as from the People's Republic, besides the countries table's 中国.
_PRC_WORDS = ("中国共産党", "中共", "国家主席", "国務院")
_PRC = frozenset({"China"})
# Between a country word before a name and the name: の, a ministry and の (中国外務省の), or nothing.
_BEFORE_GAP = re.compile(r"(?:の|・|[^\s、。，,「」()（）]{0,6}の)?$")


class MissingPinyinWarning(JpnlpWarning):
    """pypinyin is not installed: Chinese names keep their Japanese reading."""


def is_prc_name(text: str, start: int, end: int) -> bool:
    """Whether the kanji name at ``text[start:end]`` is a mainland Chinese person's, by the country beside it."""
    return _KANJI_NAME.fullmatch(text[start:end]) is not None and country_near(text, start, end) in _PRC


def country_near(text: str, start: int, end: int) -> str | None:
    """The country (English, from ``data/countries.tsv``) written right after the name (王毅中国外相, 王毅・中国外相)
    or just before it (中国の王毅, 中国外務省の王毅), else None."""
    after = _countries().match(text, end + (1 if text[end : end + 1] == "・" else 0))
    if after:
        return _country_of(after.group())
    window = text[max(0, start - 16) : start]
    found = None
    for m in _countries().finditer(window):
        if _BEFORE_GAP.fullmatch(window[m.end() :]) is not None:
            found = m  # the last one that only a particle or a ministry separates from the name
    return _country_of(found.group()) if found else None


def pinyin_available() -> bool:
    """Whether ``pypinyin`` (the ``names`` extra) is installed."""
    return _lazy_pinyin() is not None


def pinyin_name(name: str) -> str | None:
    """``習近平`` → ``Xi Jinping``: family name, then the given name as one word; None without pypinyin or for a
    character it cannot read."""
    lazy = _lazy_pinyin()
    if lazy is None or not _KANJI_NAME.fullmatch(name):
        return None
    family = next((s for s in _surnames() if name.startswith(s) and len(name) > len(s)), name[0])
    given = name[len(family) :]
    family_en = _surnames().get(family) or "".join(lazy(family))
    syllables = lazy(given)
    if not family_en.isascii() or not all(s.isascii() and s.isalpha() for s in syllables):
        return None
    # a syllable starting with a vowel inside a word takes an apostrophe (Xi'an, not Xian)
    given_en = "".join(s if k == 0 or s[0] not in "aeo" else "'" + s for k, s in enumerate(syllables))
    return f"{family_en.capitalize()} {given_en.capitalize()}".strip()


@cache
def _countries() -> re.Pattern[str]:
    words = [r["ja"] for r in read_table("countries.tsv") if len(r["ja"]) > 1] + list(_PRC_WORDS)
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


@cache
def _country_names() -> dict[str, str]:
    return {r["ja"]: r["en"] for r in read_table("countries.tsv")} | {w: "China" for w in _PRC_WORDS}


def _country_of(word: str) -> str | None:
    return _country_names().get(word)


@cache
def _surnames() -> dict[str, str]:
    """Family names read their own way, longest first (two-character ones before their first character)."""
    rows = {r["kanji"]: r["pinyin"] for r in read_table("zh_surnames.tsv")}
    return dict(sorted(rows.items(), key=lambda kv: -len(kv[0])))


@cache
def _lazy_pinyin() -> Any | None:
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        warnings.warn(
            "pypinyin is not installed (pip install 'jpnlp[names]'): Chinese names keep their Japanese reading",
            MissingPinyinWarning,
            stacklevel=2,
        )
        return None
    return lazy_pinyin
