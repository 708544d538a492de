"""Layout repair: turn a text dump into typed blocks (heading, paragraph, footnote).

Runs on the *raw* text, because the layout signals do not survive
normalization (a trailing ASCII space after 。 marks a paragraph end in
PDF dumps; U+3000 indents start paragraphs).

Two modes, chosen by :func:`detect_mode` unless forced:

``pdf``
    Hard-wrapped text.  Wrapped lines are joined: nothing is inserted between
    Japanese characters, one space between Latin words, nothing inside a URL.
    A paragraph ends where a line ends in sentence-final punctuation followed
    by whitespace, where a line ending a sentence is followed by an indented
    line, at a separator line (whitespace only), or — if the document marks
    paragraph ends with neither — where a line ending a sentence is clearly
    shorter than the column.  Empty lines are ignored when the dump puts one
    after every line (many PDF extractors do), otherwise they separate
    paragraphs.  Page-number lines are dropped; form feeds are page breaks.
``plain``
    Ordinary text: every non-empty line is a block; nothing is joined, except
    across a form feed inside a sentence (a page break, not a line end).

In both modes a short numbered line (``２ ロシアの動向``, ``第３章 総論``,
``(1) 背景``) standing alone is a heading, and blocks that read like notes
(starting with a note marker such as ``(6)``, or, in the trailing run of the
document, holding citations: page references, URLs, Latin-script text in a
Japanese document) are footnotes.

Every character of every block maps to one raw character offset
(:attr:`Block.offsets`); characters that layout inserts (the space joining
two English words) map to the line break they replace.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "footnote"]
LayoutMode = Literal["auto", "pdf", "plain", "none"]

# Sentence-final punctuation, and what may follow it before the line ends
# (closing brackets and quotes, footnote markers).
_FINAL = "。．.！？!?｡"
_CLOSERS = "」』）)】〕］]”’〉》｣"
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\f")
_ENDS_SENTENCE = re.compile(rf"[{re.escape(_FINAL)}][{re.escape(_CLOSERS)}]*(?:[(（][0-9０-９]{{1,3}}[)）])?$")

_DIGITS = "0-9０-９"
_KANSUJI = "一二三四五六七八九十百〇"
# Numbering that delimits itself (第３章, (1), 一、, ①, 1.) may touch the
# title; bare numbers (２ ロシアの動向) need a space, or 1999年 would match.
_SELF_DELIMITED = (
    rf"(?:第[{_DIGITS}{_KANSUJI}]+[章節部編款項]"
    rf"|[{_DIGITS}]{{1,2}}(?:[.．][{_DIGITS}]{{1,2}})*[.．]"
    r"|[IVXⅠ-Ⅻ]{1,4}[.．]"
    rf"|[(（][{_DIGITS}]{{1,2}}[)）]"
    rf"|[{_KANSUJI}]{{1,3}}[、．.]"
    r"|[A-ZＡ-Ｚ][.．]"
    r"|[①-⑳])"
)
_BARE = rf"(?:[{_DIGITS}]{{1,2}}(?:[.．][{_DIGITS}]{{1,2}})*|[IVXⅠ-Ⅻ]{{1,4}})"
_NUMBERING = rf"(?:{_SELF_DELIMITED}[ \t\u3000]*|{_BARE}[ \t\u3000]+)"
# A heading: numbering and a short title with at least one Japanese
# character and no sentence punctuation.
HEADING_RE = re.compile(rf"^{_NUMBERING}(?P<title>[^。、，,．]{{1,40}})$")
_NOTES_HEADING = re.compile(r"^(?:注|注釈|脚注|註|参考文献|引用文献|Notes?|References|Endnotes|Footnotes)$", re.IGNORECASE)
NOTE_MARKER_START = re.compile(rf"^(?:[(（](?P<n>[{_DIGITS}]{{1,3}})[)）]|注[{_DIGITS}]{{1,3}}|\*[{_DIGITS}]{{1,3}}|※[{_DIGITS}]*)[ \u3000]")
_CITATION = re.compile(
    rf"https?://|www\.|[{_DIGITS}]+\s*[-－–~～]?\s*[{_DIGITS}]*\s*頁|\bpp?\.\s*\d|\bVol\.|\bNo\.\s*\d|\bibid\b|同上|前掲"
)
_PAGE_NUMBER = re.compile(rf"^[\s\-－–—]*(?:[-－–—]\s*)?[{_DIGITS}]{{1,4}}(?:\s*[/／]\s*[{_DIGITS}]{{1,4}})?(?:\s*[-－–—])?[\s\-－–—]*$")
_TABLE_ROW = re.compile(r"^\|.*\||^[^|]+(?:\|[^|]*){2,}\|$")  # | a | b | or a | b | c |
_URL_TOKEN = re.compile(r"(?:https?://|www\.)\S*$")


@dataclass
class Block:
    """A typed block of text with one raw offset per character.

    ``text`` holds raw characters (not normalized); ``offsets[i]`` is the raw
    offset of ``text[i]``.  ``number`` is the note number of a footnote that
    starts with one.
    """

    kind: BlockKind
    text: str
    offsets: array = field(repr=False)
    number: int | None = None

    @property
    def raw_start(self) -> int:
        return self.offsets[0] if self.offsets else 0

    @property
    def raw_end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering block characters ``[start, end)``."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else self.raw_end
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class _Line:
    start: int  # raw offset of first character
    text: str  # without the line break
    blank_before: int = 0  # empty lines immediately before
    page_break: bool = False  # a page break (form feed, page number) precedes it

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _width(s: str) -> int:
    return sum(2 if _is_wide(c) else 1 for c in s)


def _split_lines(text: str) -> list[tuple[int, str, bool]]:
    """Raw lines as ``(start, text, after_form_feed)``."""
    out: list[tuple[int, str, bool]] = []
    pos = 0
    ff = False
    for m in _LINE_BREAK.finditer(text):
        out.append((pos, text[pos : m.start()], ff))
        ff = m.group() == "\f"
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:], ff))
    return out


def _ends_sentence(s: str) -> bool:
    return bool(_ENDS_SENTENCE.search(s.rstrip()))


def is_heading(line: str) -> bool:
    """A short numbered title line with Japanese in it (``２ ロシアの動向``)."""
    s = line.strip()
    m = HEADING_RE.match(s)
    if not m:
        return False
    title = m.group("title").strip()
    return bool(title) and any(_is_wide(c) for c in title) and not _ends_sentence(s)


def detect_mode(text: str) -> Literal["pdf", "plain"]:
    """``pdf`` when most lines end mid-sentence at a similar width (hard wrapping)."""
    lines = [ln.strip() for ln in _LINE_BREAK.split(text)]
    content = [ln for ln in lines if ln]
    if len(content) < 4:
        return "plain"
    body = content[:-1]
    mid = [ln for ln in body if not _ends_sentence(ln) and not is_heading(ln) and not _PAGE_NUMBER.match(ln)]
    if len(mid) < 3 or len(mid) < 0.4 * len(body):
        return "plain"
    widths = sorted(_width(ln) for ln in mid)
    median = widths[len(widths) // 2]
    widest = max(_width(ln) for ln in content)
    return "pdf" if median >= 0.6 * widest else "plain"


def repair(text: str, mode: LayoutMode = "auto") -> list[Block]:
    """Split ``text`` into typed blocks (see the module docstring)."""
    if mode == "auto":
        mode = detect_mode(text)
    if mode == "none":
        return _plain_blocks(text, headings=False, keep_blank_lines=True)
    blocks = _pdf_blocks(text) if mode == "pdf" else _plain_blocks(text, headings=True)
    _mark_footnotes(blocks)
    return blocks


# -- plain -----------------------------------------------------------------


def _make_block(kind: BlockKind, pieces: Iterable[tuple[str, int]]) -> Block:
    """Build a block from ``(text, raw_start)`` pieces of contiguous raw text."""
    chars: list[str] = []
    offsets = array("q")
    for s, start in pieces:
        chars.append(s)
        offsets.extend(range(start, start + len(s)))
    return Block(kind, "".join(chars), offsets)


def _strip_span(start: int, s: str) -> tuple[int, str]:
    left = len(s) - len(s.lstrip())
    return start + left, s.strip()


def _plain_blocks(text: str, headings: bool, keep_blank_lines: bool = False) -> list[Block]:
    blocks: list[Block] = []
    if keep_blank_lines:
        # mode "none": blank-line separated chunks, their inside left untouched.
        pos = 0
        for m in [*re.finditer(r"\n[ \t\u3000\r]*\n", text), None]:
            end = m.start() if m else len(text)
            s0, s = _strip_span(pos, text[pos:end])
            if s:
                blocks.append(_make_block("paragraph", [(s, s0)]))
            pos = m.end() if m else end
        return blocks
    for start, line in _plain_lines(text):
        s0, s = _strip_span(start, line)
        if s:
            kind: BlockKind = "heading" if headings and is_heading(s) else "paragraph"
            blocks.append(_make_block(kind, _page_joined(s, s0)))
    return blocks


def _plain_lines(text: str) -> list[tuple[int, str]]:
    """Lines of plain text: a form feed ends a line only where the text before it ends a sentence (or a line)."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in [*_LINE_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        if m is None or m.group() != "\f" or _ends_sentence(text[start:end]) or not text[start:end].strip():
            out.append((start, text[start:end]))
            start = m.end() if m else end
    return out


def _page_joined(s: str, s0: int) -> list[tuple[str, int]]:
    """A line with a page break inside a sentence: the pieces around each form feed, joined as wrapped lines
    are (nothing between Japanese, one space between Latin words, mapped to the form feed)."""
    pieces: list[tuple[str, int]] = []
    pos = 0
    for part in s.split("\f"):
        p0, p = _strip_span(s0 + pos, part)
        if p and pieces:
            sep = _join_sep(pieces[-1][0], p, False, False)
            if sep:
                pieces.append((sep, s0 + pos - 1))  # the inserted space stands for the form feed
        if p:
            pieces.append((p, p0))
        pos += len(part) + 1
    return pieces


# -- pdf -------------------------------------------------------------------


def _read_lines(text: str) -> tuple[list[_Line | None], bool]:
    """Content lines (``None`` = separator), and whether empty lines are interleaved artefacts."""
    raw = _split_lines(text)
    nonempty = [i for i, (_, t, _) in enumerate(raw) if t.strip()]
    followed_by_one_blank = sum(
        1 for i in nonempty if i + 2 < len(raw) and not raw[i + 1][1] and raw[i + 2][1].strip()
    )
    interleaved = len(nonempty) >= 4 and followed_by_one_blank >= 0.6 * (len(nonempty) - 1)

    lines: list[_Line | None] = []
    blanks = 0
    page_break = False
    for start, t, ff in raw:
        page_break = page_break or ff
        if not t:
            blanks += 1
            continue
        s = t.strip()
        if not s:
            lines.append(None)  # a whitespace-only line separates blocks
            blanks = 0
            continue
        if _PAGE_NUMBER.match(s):
            page_break = True
            continue
        real_blanks = blanks - 1 if interleaved and blanks else blanks
        lines.append(_Line(start, t, max(real_blanks, 0), page_break))
        blanks = 0
        page_break = False
    return lines, interleaved


def _join_sep(prev: str, nxt: str, prev_ws: bool, next_ws: bool) -> str:
    """What goes between two wrapped lines (both stripped)."""
    a, b = prev[-1], nxt[0]
    if _is_wide(a) or _is_wide(b):
        return ""
    if a == "-" and len(prev) > 1 and prev[-2].isalpha() and b.islower():
        return ""  # a word hyphenated at the line end keeps its hyphen, no space
    if prev_ws or next_ws:
        return " "
    if _URL_TOKEN.search(prev):
        return ""
    if any(_is_wide(c) for c in prev):
        return ""  # Japanese wraps anywhere, even inside an ASCII word
    return " "


def _pdf_blocks(text: str) -> list[Block]:
    lines, interleaved = _read_lines(text)
    content = [ln for ln in lines if ln is not None]
    trailing_space_signal = any(
        ln.text != ln.text.rstrip() and _ends_sentence(ln.text) for ln in content
    )
    widths = sorted(_width(ln.stripped) for ln in content)
    column = widths[int(len(widths) * 0.9)] if widths else 0

    blocks: list[Block] = []
    current: list[_Line] = []

    def flush() -> None:
        if not current:
            return
        pieces: list[tuple[str, int]] = []
        prev: _Line | None = None
        for ln in current:
            left = len(ln.text) - len(ln.text.lstrip())
            s = ln.stripped
            if prev is not None:
                p = prev.stripped
                sep = _join_sep(p, s, prev.text != prev.text.rstrip(), left > 0)
                if sep:
                    # the inserted space stands for the line break after the previous line
                    pieces.append((sep, prev.start + len(prev.text.rstrip())))
            pieces.append((s, ln.start + left))
            prev = ln
        blocks.append(_make_block("paragraph", pieces))
        current.clear()

    for ln in lines:
        if ln is None:
            flush()
            continue
        s = ln.stripped
        if _TABLE_ROW.match(s):
            flush()  # a table row is a line of its own, never wrapped text
            current.append(ln)
            flush()
            continue
        indented = ln.text[:1] in (" ", "\t", "\u3000")
        if current:
            prev = current[-1]
            if not interleaved and ln.blank_before > 0 and not ln.page_break:
                flush()
            elif indented and _ends_sentence(prev.text) and not ln.page_break and (
                ln.blank_before > 0 or interleaved or ln.text[:1] == "\u3000"
            ):
                # An indented line after a sentence end starts a paragraph —
                # unless it is the continuation at the top of a new page.
                flush()
        if not current and is_heading(s):
            blocks.append(_make_block("heading", [(s, ln.start + len(ln.text) - len(ln.text.lstrip()))]))
            continue
        if not current and _NOTES_HEADING.match(s):
            blocks.append(_make_block("heading", [(s, ln.start + len(ln.text) - len(ln.text.lstrip()))]))
            continue
        current.append(ln)
        ends = _ends_sentence(ln.text)
        if ends and trailing_space_signal and ln.text != ln.text.rstrip() or ends and not trailing_space_signal and column and _width(s) < 0.8 * column:
            flush()
    flush()
    return blocks


# -- footnotes -------------------------------------------------------------


def _latin_share(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.isascii()) / len(letters)


def _mark_footnotes(blocks: list[Block]) -> None:
    if not blocks:
        return
    japanese_doc = _latin_share("".join(b.text for b in blocks)) < 0.5
    in_notes = False
    for b in blocks:
        if b.kind == "heading" and _NOTES_HEADING.match(b.text.strip()):
            in_notes = True
            continue
        m = NOTE_MARKER_START.match(b.text)
        if in_notes or (m and b.kind == "paragraph" and _CITATION.search(b.text)):
            b.kind = "footnote"
    # The trailing run of note-like blocks at the end of the document.
    for b in reversed(blocks):
        if b.kind == "heading":
            break
        note_like = bool(
            NOTE_MARKER_START.match(b.text)
            or _CITATION.search(b.text)
            or (japanese_doc and _latin_share(b.text) > 0.5)
        )
        if not note_like:
            break
        b.kind = "footnote"
    for b in blocks:
        if b.kind == "footnote":
            m = NOTE_MARKER_START.match(b.text)
            if m and m.group("n"):
                b.number = int(unicodedata.normalize("NFKC", m.group("n")))
