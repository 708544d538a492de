"""English for person names the glossary does not know: a name dictionary, else a transliteration.

* :func:`dictionary_name` looks a name up in JMnedict (the EDRDG's Japanese
  names dictionary, shipped offline by ``jamdict-data``; the ``names`` extra):
  a katakana foreign name part (``メルケル`` → Merkel) or a kanji full name with
  its romanized form (``習近平`` → Xi Jinping).  Only person-name senses count
  (surname, given, masc, fem, person, unclass), never places or companies.
* :func:`transliterate` romanizes a name by its reading: Sudachi's reading of
  each token where the Doc has one, else ``pykakasi``'s.  Japanese names are
  written in modified Hepburn with macrons, **family name first** (the glossary's
  house style: ``Aichi Kiichi``); foreign names written in katakana keep their
  Japanese order (given name first) and are romanized as written.

Both return ``None`` when they have nothing; the linker records which one
answered (``en_source``).  Without ``jamdict`` installed the dictionary step is
skipped and the transliteration answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from .tables import read_table

# A katakana name: its parts joined by middle dots, equals signs or spaces (ナレンドラ・モディ).
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\u30fd\u30fe]+(?:[・･=＝\s][\u30a1-\u30fa\u30fc]+)*")
_PART_SEP = re.compile(r"[・･=＝\s]+")
_PERSON_TYPES = frozenset({"surname", "given", "masc", "fem", "person", "unclass"})
_PLACE_TYPES = _PERSON_TYPES | {"place"}
_WHOLE_TYPES = frozenset({"person"})
_WHOLE_PLACE_TYPES = _WHOLE_TYPES | {"place"}
# what follows a person's name in a gloss: life dates, a description ("Moon Jae-in (1953.1.24-), President of …")
_AFTER_NAME = re.compile(r"\s*\(.*$")
# Modified Hepburn: a long vowel is written with a macron (ou, oo → ō; uu → ū), but not before a vowel, where the
# u starts the next syllable (井上 Inoue).
_LONG = re.compile(r"(?:([oO])[ou]|([uU])u)(?![aeiou])")
_LONG_MARK = {"o": "ō", "O": "Ō", "u": "ū", "U": "Ū"}


def english_name(
    text: str, readings: Sequence[tuple[str, str, str]] = (), spellings: Mapping[str, str] | None = None
) -> tuple[str, str] | None:
    """(English, source) for a person name: ``dictionary`` when the name's parts are all spelt by ``spellings`` (the
    glossary's spellings of katakana name parts: ウラジーミル → Vladimir) or JMnedict, else ``transliteration`` (parts
    known keep their spelling: アンゲラ・メルケル → Angera Merkel)."""
    spellings = spellings or {}
    if _KATAKANA.fullmatch(text):
        known = [spellings.get(p) or _lookup(p) for p in _PART_SEP.split(text) if p]
        if known and all(known):
            return " ".join(known), "dictionary"  # type: ignore[arg-type]
    found = dictionary_name(text)
    if found:
        return found, "dictionary"
    if _KATAKANA.fullmatch(text):
        parts = [spellings.get(p) or _lookup(p) or _title(_foreign_romaji(p)) for p in _PART_SEP.split(text) if p]
        return (" ".join(parts), "transliteration") if parts else None
    en = transliterate(text, readings)
    return (en, "transliteration") if en else None


def dictionary_name(text: str, places: bool = False) -> str | None:
    """The English spelling JMnedict gives a person name (or with ``places`` a place name too: ラロトンガ), part by
    part for a katakana name; None if any part is missing (or the dictionary is not installed)."""
    if _KATAKANA.fullmatch(text):
        parts = [_lookup(p, places=places) for p in _PART_SEP.split(text) if p]
        return " ".join(parts) if parts and all(parts) else None  # type: ignore[arg-type]
    # a kanji name only as a named person's entry: a bare surname has many readings (井上: Inoue, Iue …), and
    # Sudachi's reading in context is the better guess
    return _lookup(text, whole=True, places=places)


def transliterate(text: str, readings: Sequence[tuple[str, str, str]] = ()) -> str | None:
    """A romanized name. ``readings``: (surface, katakana reading, tag) per token, from Sudachi where the Doc has
    them; a name without readings is read by pykakasi."""
    if _KATAKANA.fullmatch(text):
        return " ".join(_title(_foreign_romaji(p)) for p in _PART_SEP.split(text) if p) or None
    if readings and all(r for _, r, _ in readings):
        given = [r for _, r, tag in readings if tag.endswith("人名-名")]
        family = [r for _, r, tag in readings if not tag.endswith("人名-名")]
        words = [_title(_romaji(r)) for r in ("".join(family), "".join(given)) if r]
        return " ".join(words) or None
    words = [_title(_romaji(w["hira"])) for w in _kakasi().convert(text) if w["hira"].strip()]
    return " ".join(words) or None


def dictionary_available() -> bool:
    return _jamdict() is not None


def _lookup(form: str, whole: bool = False, places: bool = False) -> str | None:
    if _jamdict() is None:
        return None
    if whole:
        return _cached_lookup(form, whole, _WHOLE_PLACE_TYPES if places else _WHOLE_TYPES)
    return _cached_lookup(form, whole, _PLACE_TYPES if places else _PERSON_TYPES)


@cache
def _cached_lookup(form: str, whole: bool, types: frozenset[str]) -> str | None:
    try:
        result = _jamdict().lookup(form, lookup_chars=False, lookup_ne=True)  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 — a broken dictionary install must not stop extraction
        return None
    for entry in result.names:
        written = [k.text for k in entry.kanji_forms] + [k.text for k in entry.kana_forms]
        if form not in written or (whole and not entry.kanji_forms):
            continue
        for sense in entry.senses:
            if types & set(sense.name_type) and sense.gloss:
                en = _AFTER_NAME.sub("", sense.gloss[0].text).strip()
                return (_macrons(en) if _spells_reading(en, entry) else en) or None
    return None


@cache
def _jamdict() -> Any | None:
    try:
        from jamdict import Jamdict

        jam = Jamdict(memory_mode=False)
        return jam if jam.has_jmne() else None
    except Exception:  # noqa: BLE001 — not installed, or its data missing: transliteration takes over
        return None


@cache
def _kakasi() -> Any:
    import pykakasi

    return pykakasi.kakasi()


def _spells_reading(en: str, entry: Any) -> bool:
    """A Japanese name: its English is its reading romanized (JMnedict spells long vowels ou, oo; the glossary ō).
    潘基文 (Ban Ki-moon, read はんきぶん) is not."""
    letters = re.sub(r"[^a-z]", "", en.lower())
    return any(_romaji(k.text, long_vowels=False) == letters for k in entry.kana_forms)


def _foreign_romaji(kana: str) -> str:
    """A foreign name as written in katakana: extended katakana by the Hepburn table, the length mark dropped
    (English spellings do not double the vowel: トルドー → Torudo)."""
    kana = kana.replace("ー", "")
    for k, r in _extended():
        kana = kana.replace(k, r)
    return _romaji(kana, long_vowels=False)


@cache
def _extended() -> tuple[tuple[str, str], ...]:
    pairs = [(r["kana"], r["romaji"]) for r in read_table("kana_extended.tsv")]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _romaji(kana: str, long_vowels: bool = True) -> str:
    out = "".join(w["hepburn"] for w in _kakasi().convert(kana))
    return _macrons(out) if long_vowels else out


def _macrons(text: str) -> str:
    return _LONG.sub(lambda m: _LONG_MARK[m.group(1) or m.group(2)], text)


def _title(word: str) -> str:
    return word[:1].upper() + word[1:]
