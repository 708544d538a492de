"""Sudachi's word boundaries and part-of-speech tags of a text, for the LEADER rules.

Sudachi's dictionary tags names: ``名詞-固有名詞-人名-姓`` / ``-名`` (愛知 揆一,
白 南淳) and ``名詞-固有名詞-人名-一般`` (王毅); a Japanese surname that is also a
place is ``名詞-固有名詞-地名-一般`` (大平).  The rules read these tags to accept
a kanji name neither the glossary nor GiNZA knows.  The text is tokenized
here (split mode C, as GiNZA) rather than read from the Doc, so that the full
and the fast pipelines (whose tokenizer keeps no tags) see the same tags;
Sudachi takes about a millisecond per thousand characters.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# Sudachi refuses input over 49,149 bytes: tokenize by lines, at most this many characters at a time.
_CHUNK = 8000


@cache
def _tokenizer() -> Any:
    from sudachipy import Dictionary, SplitMode

    return Dictionary().create(mode=SplitMode.C)


def tagged_tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, tag)`` of every Sudachi token of ``text``; the tag is the first four POS fields
    without ``*``, as spaCy's ``token.tag_`` (``名詞-固有名詞-人名-姓``)."""
    out: list[tuple[int, int, str]] = []
    for base, chunk in _chunks(text):
        for m in _tokenizer().tokenize(chunk):
            if m.end() > m.begin():
                out.append((base + m.begin(), base + m.end(), "-".join(x for x in m.part_of_speech()[:4] if x != "*")))
    return out


def _chunks(text: str) -> list[tuple[int, str]]:
    """Pieces of ``text`` under Sudachi's size limit, cut after a newline where one is near."""
    out = []
    i = 0
    while i < len(text):
        j = min(len(text), i + _CHUNK)
        if j < len(text):
            nl = text.rfind("\n", i, j)
            j = nl + 1 if nl > i else j
        out.append((i, text[i:j]))
        i = j
    return out
