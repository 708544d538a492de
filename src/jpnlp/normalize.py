"""Width normalization with an exact offset map back to the input.

What changes (all rules live in :data:`RULES`, each switchable in
:class:`NormalizeConfig`):

========================  =====================================  ==========
rule                      example                                 option
========================  =====================================  ==========
full-width ASCII          ＳＴＡＲＴ１９９３（） → START1993()      ``ascii``
ideographic/other spaces  U+3000, NBSP, U+2000–U+200A → ' '       ``spaces``
hyphens and minus         U+2010 U+2011 U+2212 → '-'              ``hyphens``
                          (－ U+FF0D is full-width ASCII → '-')
roman numerals            Ⅱ → II, ⅳ → iv                         ``roman``
half-width katakana       ｶﾞﾝﾀﾞﾑ｡ → ガンダム。                       ``kana``
full-width symbols        ￥ ￡ ￢ → ¥ £ ¬                          ``symbols``
squared era names         ㍻ ㍼ ㋿ → 平成 昭和 令和                 ``squared``
invisible format chars    U+200B–U+200D, U+2060, U+FEFF, U+00AD    ``invisible``
                          (zero-width joiner, soft hyphen …) → ''
                          variation selectors U+FE00–U+FE0F,
                          U+E0100–U+E01EF (媾󠄁: a glyph variant) → ''
========================  =====================================  ==========

What never changes: Japanese punctuation 「」『』、。・, the long-vowel mark
ー (unlike neologdn and jaconv.normalize, a hyphen never becomes ー and ー
never becomes a hyphen), em dashes and horizontal bars (――), kanji, kana,
and every character not listed above.  Every rule is context-free, which is
what makes the offset map exact: each *unit* of the input (one character, or
a half-width kana plus its voicing mark) becomes one unit of output, and
:class:`OffsetMap` records the units whose length changed.

Speed: one :meth:`str.translate` call does all one-to-one rules; only the
rare length-changing units (Ⅱ → II, ｶﾞ → ガ) go through a regex.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any

NORMALIZER_VERSION = "2"


@dataclass(frozen=True)
class NormalizeConfig:
    """Which normalization rules run.  Recorded in every output via :meth:`to_dict`."""

    ascii: bool = True
    spaces: bool = True
    hyphens: bool = True
    roman: bool = True
    kana: bool = True
    symbols: bool = True
    squared: bool = True
    invisible: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"version": NORMALIZER_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NormalizeConfig:
        known = {k: v for k, v in data.items() if k != "version"}
        unknown = set(known) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown normalization options: {', '.join(sorted(unknown))}")
        bad = [k for k, v in known.items() if not isinstance(v, bool)]
        if bad:
            raise ValueError(f"normalization options must be true/false: {', '.join(sorted(bad))}")
        return cls(**known)


def _fullwidth_ascii() -> dict[str, str]:
    return {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}


def _spaces() -> dict[str, str]:
    chars = [0x3000, 0x00A0, 0x1680, 0x202F, 0x205F, *range(0x2000, 0x200B)]
    return {chr(c): " " for c in chars}


def _hyphens() -> dict[str, str]:
    # Only characters that *mean* hyphen/minus.  En/em dashes and ―
    # (U+2015) carry Japanese punctuation uses and stay.
    return {"\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2012": "-"}


def _roman() -> dict[str, str]:
    # U+2160–U+217F via their compatibility decomposition (Ⅱ → II, ⅻ → xii).
    return {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2160, 0x2180)}


_HALF_KANA = "".join(chr(c) for c in range(0xFF61, 0xFFA0))
_VOICING = "\uff9e\uff9f"  # ﾞ ﾟ


def _kana() -> dict[str, str]:
    table = {c: unicodedata.normalize("NFKC", c) for c in _HALF_KANA}
    # NFKC turns a lone ﾞ/ﾟ into a *combining* mark; use the spacing marks so a
    # voicing mark with no base stays visible and normalization stays idempotent.
    table["\uff9e"] = "\u309b"
    table["\uff9f"] = "\u309c"
    # Composed pairs (ｶﾞ → ガ): every half-width base whose NFKC with the mark is one character.
    for base in _HALF_KANA:
        for mark in _VOICING:
            composed = unicodedata.normalize("NFKC", base + mark)
            if len(composed) == 1:
                table[base + mark] = composed
    return table


def _symbols() -> dict[str, str]:
    # ￠￡￢￤￥￦; not ￣ (U+FFE3), whose NFKC is a space plus a combining macron.
    return {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (0xFFE0, 0xFFE1, 0xFFE2, 0xFFE4, 0xFFE5, 0xFFE6)}


def _squared() -> dict[str, str]:
    # ㍻ ㍼ ㍽ ㍾ (Heisei, Shōwa, Taishō, Meiji), ㍿ (株式会社) and ㋿ (Reiwa): one sign, several characters.
    return {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in (*range(0x337B, 0x3380), 0x32FF)}


def _invisible() -> dict[str, str]:
    # Characters that change nothing a reader sees but split words for a matcher (ＳＴＡＲＴ‍Ⅱ with a zero-width
    # joiner): zero-width space/non-joiner/joiner, word joiner, a BOM inside the text, soft hyphen; and the variation
    # selectors that pick a kanji's glyph (old forms on Wikipedia: 日淸兩國媾󠄁和條約󠄁), which do not change the character.
    selectors = (*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))
    return {chr(c): "" for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, *selectors)}


# The one table of rules: option name -> mapping.  Keys of length 2 (kana +
# voicing mark) and values longer than one character are length-changing.
RULES: dict[str, dict[str, str]] = {
    "ascii": _fullwidth_ascii(),
    "spaces": _spaces(),
    "hyphens": _hyphens(),
    "roman": _roman(),
    "kana": _kana(),
    "symbols": _symbols(),
    "squared": _squared(),
    "invisible": _invisible(),
}


@dataclass(frozen=True)
class _Compiled:
    table: dict[int, str]  # one-to-one, for str.translate
    multi: dict[str, str]  # length-changing units
    multi_re: re.Pattern[str] | None


_COMPILED: dict[NormalizeConfig, _Compiled] = {}


def _compile(config: NormalizeConfig) -> _Compiled:
    cached = _COMPILED.get(config)
    if cached is not None:
        return cached
    table: dict[int, str] = {}
    multi: dict[str, str] = {}
    for name, mapping in RULES.items():
        if not getattr(config, name):
            continue
        for src, dst in mapping.items():
            if len(src) == 1 and len(dst) == 1:
                table[ord(src)] = dst
            else:
                multi[src] = dst
    pattern = None
    if multi:
        # Longest first so ｶﾞ wins over ｶ.
        keys = sorted(multi, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(k) for k in keys))
    compiled = _Compiled(table, multi, pattern)
    _COMPILED[config] = compiled
    return compiled


@dataclass
class OffsetMap:
    """Maps offsets of a normalized string back to the string it came from.

    Only units whose length changed are stored (``src_starts`` … in input
    order), so the map of an all-one-to-one text is empty and lookups are a
    binary search.
    """

    src_len: int
    dst_len: int
    src_starts: list[int] = field(default_factory=list)
    src_ends: list[int] = field(default_factory=list)
    dst_starts: list[int] = field(default_factory=list)
    dst_ends: list[int] = field(default_factory=list)

    def _unit(self, i: int) -> tuple[int, int]:
        """Input span of the unit that produced normalized character ``i``."""
        k = bisect_right(self.dst_starts, i) - 1
        if k >= 0:
            if i < self.dst_ends[k]:
                return self.src_starts[k], self.src_ends[k]
            shift = self.src_ends[k] - self.dst_ends[k]
        else:
            shift = 0
        return i + shift, i + shift + 1

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Input span ``[s, e)`` covering normalized span ``[start, end)``.

        An empty span maps to an empty span at the corresponding position.
        """
        if not 0 <= start <= end <= self.dst_len:
            raise IndexError(f"span ({start}, {end}) outside normalized text of length {self.dst_len}")
        if start == end == self.dst_len == 0:
            return 0, self.src_len  # everything was deleted (invisible characters only)
        if start == end:
            if start == self.dst_len:
                return self.src_len, self.src_len
            s = self._unit(start)[0]
            return s, s
        s, e = self._unit(start)[0], self._unit(end - 1)[1]
        # the whole text maps to the whole input, deleted characters at its edges included
        return (0 if start == 0 else s), (self.src_len if end == self.dst_len else e)

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """Widen a normalized span so it does not cut a length-changing unit (e.g. half of II)."""
        if start == end:
            return start, end
        k = bisect_right(self.dst_starts, start) - 1
        if k >= 0 and start < self.dst_ends[k]:
            start = self.dst_starts[k]
        k = bisect_right(self.dst_starts, end - 1) - 1
        if k >= 0 and end - 1 < self.dst_ends[k]:
            end = self.dst_ends[k]
        return start, end


@dataclass(frozen=True)
class Normalized:
    """A normalized string and the map back to its input."""

    text: str
    map: OffsetMap


def normalize(text: str, config: NormalizeConfig | None = None) -> str:
    """Return the normalized text (see the module docstring for the rules)."""
    return normalize_with_map(text, config).text


def normalize_with_map(text: str, config: NormalizeConfig | None = None) -> Normalized:
    """Normalize ``text`` and return it with its :class:`OffsetMap`."""
    compiled = _compile(config or NormalizeConfig())
    omap = OffsetMap(len(text), 0)
    if compiled.multi_re is None or compiled.multi_re.search(text) is None:
        out = text.translate(compiled.table)
        omap.dst_len = len(out)
        return Normalized(out, omap)
    pieces: list[str] = []
    pos = dst = 0
    for m in compiled.multi_re.finditer(text):
        s, e = m.span()
        if s > pos:
            chunk = text[pos:s].translate(compiled.table)
            pieces.append(chunk)
            dst += len(chunk)
        rep = compiled.multi[m.group()]
        pieces.append(rep)
        omap.src_starts.append(s)
        omap.src_ends.append(e)
        omap.dst_starts.append(dst)
        omap.dst_ends.append(dst + len(rep))
        dst += len(rep)
        pos = e
    if pos < len(text):
        chunk = text[pos:].translate(compiled.table)
        pieces.append(chunk)
        dst += len(chunk)
    omap.dst_len = dst
    return Normalized("".join(pieces), omap)
