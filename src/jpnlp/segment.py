"""Sentence segmentation for Japanese (and the English found in its footnotes).

:func:`split_sentences` works on any string and returns sentence spans.
Rules, in the order they apply:

* A sentence ends after 。！？ (and ｡ ． in unnormalized text), after ``!``
  and ``?`` unless a Latin letter or digit follows, and after ``.`` where it
  ends an English sentence (see below) or follows a Japanese character.
* Never inside a matched pair of brackets or quotes: 「」『』（）()【】〔〕［］[]
  ｛｝{}〈〉《》“” — ``彼は「行く。」と言った。`` is one sentence.  Unmatched
  brackets are ignored, so one stray 「 cannot swallow a document.
* What follows a terminator and cannot start a sentence stays with it: more
  terminators (``？！``), unmatched closing brackets, a footnote marker
  written after the full stop (``…である。(6)``).
* ``.`` does not end a sentence in a decimal (``1.5``), after an
  abbreviation (``No. 3``, ``pp. 292-294``, ``Vol.``, ``e.g.``), after an
  initial or inside dotted initials (``U.S.``, ``A. Smith``), inside a URL,
  or before a lower-case word.
* A heading glued to its text (``１　はじめに　米国は…。``, normalized or not)
  is split off as its own unit.
* A run with no boundary longer than ``max_chars`` is cut at the last 、 or
  space before the limit (downstream tokenizers have input limits).

:func:`segment` applies this to a :class:`~jpnlp.document.Document`'s blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import _BARE, _SELF_DELIMITED

MAX_CHARS = 2000

_OPEN_TO_CLOSE = {
    "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〔": "〕", "［": "］",
    "[": "]", "｛": "｝", "{": "}", "〈": "〉", "《": "》", "“": "”", "｢": "｣",
}  # fmt: skip
_CLOSE_TO_OPEN = {v: k for k, v in _OPEN_TO_CLOSE.items()}
_JA_TERMINATORS = frozenset("。！？｡")
_TERMINATORS = _JA_TERMINATORS | frozenset("!?.．")
_CLOSERS = frozenset(_CLOSE_TO_OPEN) | frozenset("’\"'")
_MARKER = re.compile(r"[(（][0-9０-９]{1,3}[)）]")

# Tokens after which '.' is an abbreviation point, not a full stop.
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "vol", "vols", "pp", "p", "ed", "eds", "cf", "vs", "etc", "al", "inc", "ltd", "co", "corp", "gen", "gov", "sen", "rep", "dept", "univ", "assn", "fig", "figs", "art", "sec", "ch", "op", "cit", "ibid", "approx", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "u.s.a"]
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_GLUED_HEADING = re.compile(
    rf"^(?:{_SELF_DELIMITED}[ \t\u3000]*|{_BARE}[ \t\u3000]+)"
    r"(?P<title>[^\s。、，,．.!?！？「」()（）]{1,20})[ \t\u3000]+(?=\S)"
)


@dataclass(frozen=True)
class Span:
    """A sentence span in the input string; ``heading`` for a split-off heading."""

    start: int
    end: int
    heading: bool = False


def _is_wide(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3000 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x3FFFF
    )


def _protected(text: str) -> bytearray:
    """1 for each character inside a matched bracket pair (brackets included)."""
    inside = bytearray(len(text))
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _OPEN_TO_CLOSE:
            stack.append((ch, i))
        elif ch in _CLOSE_TO_OPEN and stack:
            want = _CLOSE_TO_OPEN[ch]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == want:
                    start = stack[depth][1]
                    del stack[depth:]  # openers left unclosed inside are ignored
                    inside[start : i + 1] = b"\x01" * (i + 1 - start)
                    break
    return inside


def _full_stop(text: str, i: int) -> bool:
    """Whether the '.' at ``i`` ends a sentence."""
    n = len(text)
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < n else ""
    if prev.isdigit() and nxt.isdigit():
        return False  # decimal: 1.5, １．５
    if prev and _is_wide(prev) and (not nxt or _is_wide(nxt) or nxt.isspace()):
        return True  # Japanese sentence ended with a (half- or full-width) period
    if nxt == ".":
        return False  # ellipsis continues
    if nxt and not nxt.isspace() and nxt not in _CLOSERS:
        if _is_wide(nxt) and prev and (prev.isalpha() or prev in _CLOSERS):
            return True  # "...by 2000.次に" is rare but a boundary
        return False  # inside a token: URL, domain, "U.S" chain
    m = _WORD_BEFORE.search(text, 0, i)
    if m:
        word = m.group(1)
        if word.lower() in ABBREVIATIONS:
            return False
        if len(word) == 1 and word.isupper():
            return False  # initial: "A. Shoumikhin"
        if "." in word and all(len(part) <= 2 for part in word.split(".")):
            return False  # dotted initials: "U.S.", "e.g."
    # Look at what starts the next sentence.
    j = i + 1
    while j < n and (text[j] in _CLOSERS):
        j += 1
    while j < n and text[j].isspace():
        j += 1
    if j >= n:
        return True
    follower = text[j]
    if follower.islower():
        return False
    return True


def split_sentences(text: str, max_chars: int = MAX_CHARS, *, headings: bool = True) -> list[Span]:
    """Sentence spans of ``text``, whitespace trimmed, in order, non-overlapping.

    ``headings=False`` turns off splitting a glued heading (for footnotes,
    where ``(6) Yuri …`` is a note number, not a heading).
    """
    spans: list[Span] = []
    n = len(text)
    pos = 0
    m = _GLUED_HEADING.match(text) if headings else None
    if m and any(_is_wide(c) for c in m.group("title")) and _has_terminator(text[m.end() :]):
        spans.append(Span(0, len(text[: m.end()].rstrip()), heading=True))
        pos = m.end()
    inside = _protected(text)
    i = pos
    start = pos
    while i < n:
        ch = text[i]
        end = -1
        if ch in _TERMINATORS and not inside[i]:
            if ch in ".．":  # the full-width period is a decimal point in １．５
                if _full_stop(text, i):
                    end = i + 1
            elif ch in "!?":
                nxt = text[i + 1] if i + 1 < n else ""
                if not (nxt.isascii() and nxt.isalnum()):
                    end = i + 1
            else:
                end = i + 1
        if end < 0:
            i += 1
            if i - start >= max_chars:
                cut = _soft_cut(text, start, i)
                _emit(spans, text, start, cut)
                start = i = cut
            continue
        # Absorb what cannot start a sentence (up to the cap: 20,000 。 in a row are no sentence end to keep whole).
        while end < n and end - start < max_chars and (
            text[end] in _TERMINATORS or (text[end] in _CLOSERS and not inside[end])
        ):
            end += 1
        mk = _MARKER.match(text, end)
        if mk and (ch in _JA_TERMINATORS or ch == "．"):
            end = mk.end()
        _emit(spans, text, start, end)
        start = i = end
    _emit(spans, text, start, n)
    return spans


def _has_terminator(s: str) -> bool:
    return any(c in _JA_TERMINATORS for c in s) or s.rstrip()[-1:] in {".", "!", "?"}


def _soft_cut(text: str, start: int, limit: int) -> int:
    """A cut point before ``limit``: after the last 、 or whitespace, else at the limit."""
    for j in range(limit - 1, start + (limit - start) // 2, -1):
        if text[j] in "、，, \u3000\t\n":
            return j + 1
    return limit


def _emit(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))
