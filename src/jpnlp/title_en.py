"""Compositional English titles for Japanese treaty, agreement and declaration names.

:func:`render_title` turns a title the glossary does not know into English the way
UN and treaty-office titles are written, or gives ``None`` when it cannot render
every part of it (never a half-translated title with Japanese left in it)::

    核兵器の不拡散に関する条約        → Treaty on the Non-Proliferation of Nuclear Weapons
    戦略兵器削減条約                  → Strategic Arms Reduction Treaty
    日本国と大韓民国との間の基本関係に関する条約
                                      → Treaty on Basic Relations between Japan and the Republic of Korea

The title is segmented by longest match over the tables ``data/title_heads.tsv``
(条約, 協定 …), ``data/title_connectors.tsv`` (に関する, の, 及び …),
``data/title_words.tsv`` (content words) and the short country names of
``data/countries.tsv``; Latin-script words pass through, and katakana proper
names (ラロトンガ) go to the caller's ``name_en``.  A Japanese title is
head-final: the last word is the instrument, everything before it modifies it.
The parse splits a span at its loosest connector (levels in the connector
table) and English puts the modifiers after the noun in the mirror order.
A title without particles stays an English compound in the same order, as the
official English of such titles does (包括的核実験禁止条約 → Comprehensive
Nuclear Test Ban Treaty, 武器貿易条約 → Arms Trade Treaty); a compound ending
in an action noun inside a phrase takes the rest as its object (核兵器不拡散に
関する → on the Non-Proliferation of Nuclear Weapons).  ``name_en`` is called
once per katakana run the tables do not cover (オープン・スカイズ: twice).
Pure Python, no spaCy; about 25 µs a title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from jpnlp.errors import JpnlpError
from jpnlp.rules import read_table

NameEn = Callable[[str], "str | None"]

_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc-\u30ff]+")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.'/\- ]*(?<! )|[0-9]+(?![0-9年])")
_YEAR = re.compile(r"([0-9]{4})年")
_ORDINAL = re.compile(r"第([0-9]+|[一二三四五六七八九十]+)次?")
_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth")
_KANJI_DIGITS = "一二三四五六七八九十"
_BRACKETS = {"(": ")", "[": "]", "「": "」", "【": "】"}
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_ENGLISH_ONLY = re.compile(r"[A-Za-z0-9 .,'()\-–/]+")
# Country names that take "the" in running English (the United States, the Netherlands).
_WITH_THE = re.compile(r"^(United |Soviet Union|Czech Republic|Netherlands|Philippines|Vatican)")
# Words English title case keeps lower-case unless first.
_CONTENT = frozenset("NVARLP")  # word kinds that can be coordinated
_SMALL = frozenset(
    ("a", "an", "the", "and", "or", "nor", "of", "on", "in", "for", "to", "with", "by", "at", "from", "between")
    + ("against", "as", "their", "including")
)


class TitleTableError(JpnlpError):
    """A row of a title table is malformed."""


@dataclass(frozen=True)
class Tok:
    """One segment of a title: a word, head, connector, name or pass-through Latin word."""

    ja: str
    kind: str  # word kinds of title_words.tsv, or H head, K connector, X name/Latin, LP place phrase
    en: str
    attr: str = ""
    loc: str = ""
    level: int = 9  # connectors only
    role: str = ""  # connectors: mod, of, coord, party
    title: str = ""  # connectors: English when modifying the instrument itself
    head: tuple[str, str, str, str, str] = ("", "", "", "", "")  # heads: en, alt, alt_when, place, to

    @property
    def form(self) -> str:
        """The word's form before another noun."""
        return self.attr or self.en


@dataclass
class NP:
    """An English noun phrase being built: head words, of-complements, postmodifiers."""

    head: str
    kind: str = "N"
    of: list[NP | str] = field(default_factory=list)
    adjs: list[str] = field(default_factory=list)
    det: bool = False
    parts: list[str] = field(default_factory=list)  # conjuncts of a 並びに coordination (preposition repeats)

    def open(self) -> bool:
        """Whether this action noun still lacks its object (使用禁止 → the Prohibition of the Use …)."""
        if self.of:
            last = self.of[-1]
            return isinstance(last, NP) and last.open()
        return self.kind == "V"

    def add_of(self, text: str) -> None:
        """Attach an of-complement, to the innermost action noun still lacking an object."""
        last = self.of[-1] if self.of else None
        if isinstance(last, NP) and last.open():
            last.add_of(text)
        else:
            self.of.append(text)
        self.det = True

    def render(self) -> str:
        """The phrase in English: [the] head [of …] [postmodifiers]."""
        the = "the " if self.det and not self.head.startswith("the ") else ""
        text = the + self.head
        for c in self.of:
            text += " of " + (c.render() if isinstance(c, NP) else c)
        for a in self.adjs:
            text += a if a.startswith(",") else " " + a
        return text


# ---------------------------------------------------------------- tables


def _rows(name: str, columns: int) -> list[list[str]]:
    """Rows of ``data/<name>`` as lists of ``columns`` cells; a malformed row is a :class:`TitleTableError`."""
    out = []
    for n, row in enumerate(read_table(name), 1):
        ok = None not in row and None not in row.values() and len(row) == columns
        cells = [v.strip() if isinstance(v, str) else "" for v in row.values()]
        if not ok or not cells[0] or not cells[1]:
            what = f"needs {columns} tab-separated cells, the first two non-empty"
            raise TitleTableError(f"jpnlp/data/{name}: data row {n} ({cells[0] if cells else ''}): {what}")
        out.append(cells)
    return out


def _level(name: str, ja: str, level: str) -> int:
    """A connector's level, which must be an integer."""
    try:
        return int(level)
    except ValueError:
        raise TitleTableError(f"jpnlp/data/{name}: {ja}: level {level!r} is not an integer") from None


def _country(ja: str, en: str) -> Tok:
    """A data/countries.tsv row: a one-kanji abbreviation (加) only works in pairs; others are states."""
    if len(ja) == 1:
        return Tok(ja, "C", en)
    return Tok(ja, "P", ("the " + en) if _WITH_THE.match(en) else en, en)


@cache
def _lexicon() -> dict[str, Tok]:
    """Every form the segmenter knows; later tables override earlier ones for the same form."""
    lex = {r["ja"]: _country(r["ja"], r["en"]) for r in read_table("countries.tsv")}
    for ja, en, attr, kind, loc in _rows("title_words.tsv", 5):
        lex[ja] = Tok(ja, kind, en, attr, loc)
    for ja, en, alt, when, place, to in _rows("title_heads.tsv", 6):
        lex[ja] = Tok(ja, "H", en, head=(en, alt, when, place, to))
    for ja, level, role, en, title in _rows("title_connectors.tsv", 5):
        lex[ja] = Tok(ja, "K", en, level=_level("title_connectors.tsv", ja, level), role=role, title=title or en)
    return lex


@cache
def _longest() -> int:
    return max(map(len, _lexicon()))


# ---------------------------------------------------------------- segmentation


def _match(text: str, i: int) -> Tok | None:
    """The longest lexicon form at ``text[i:]``."""
    lex = _lexicon()
    for j in range(min(len(text), i + _longest()), i, -1):
        if text[i:j] in lex:
            return lex[text[i:j]]
    return None


def _katakana(run: str, name_en: NameEn | None) -> list[Tok] | None:
    """A katakana run: lexicon words if they cover all of it (ミサイルシステム), else one proper name."""
    toks, i = [], 0
    while i < len(run) and (tok := _match(run, i)) is not None:
        toks.append(tok)
        i += len(tok.ja)
    if i == len(run):
        return toks
    en = name_en(run) if name_en else None
    return [Tok(run, "X", en)] if en and not _JAPANESE.search(en) else None


def _ordinal(num: str) -> str | None:
    """第二次 / 第2 → Second (up to ten)."""
    n = int(num) if num.isdigit() else _KANJI_DIGITS.find(num) + 1 if len(num) == 1 else 0
    return _ORDINALS[n - 1] if 0 < n <= len(_ORDINALS) else None


def _bracket(text: str, i: int, name_en: NameEn | None) -> tuple[Tok, int] | None:
    """A bracketed gloss at ``text[i]`` and where it ends; its English is empty when it cannot be rendered."""
    close = text.find(_BRACKETS[text[i]], i + 1)
    if close < 0:
        return None
    inner = text[i + 1 : close].strip()
    if not _JAPANESE.search(inner) or _KATAKANA.fullmatch(inner.replace("・", "")):
        return Tok(inner, "B", "", "drop"), close + 1  # an abbreviation, English name or katakana reading
    toks = _tokens(inner, name_en)
    np = _np(toks) if toks else None
    return Tok(inner, "B", np.render() if np else ""), close + 1


def _segment(text: str, name_en: NameEn | None) -> list[Tok] | None:
    """The title cut into tokens by longest match, or None at the first piece nothing knows."""
    toks: list[Tok] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        got = _piece(text, i, name_en)
        if got is None:
            return None
        new, i = got
        toks.extend(new)
    return toks


def _piece(text: str, i: int, name_en: NameEn | None) -> tuple[list[Tok], int] | None:
    """The token(s) starting at ``text[i]`` and where the next piece starts."""
    if text[i] == "・":  # resolved by _dots
        return [Tok("・", "D", "")], i + 1
    if text[i] in _BRACKETS:
        got = _bracket(text, i, name_en)
        return None if got is None else ([got[0]], got[1])
    tok = _match(text, i)
    if m := _YEAR.match(text, i):
        return [Tok(m.group(), "O", m.group(1))], m.end()
    if (m := _ORDINAL.match(text, i)) and (word := _ordinal(m.group(1))):
        return [Tok(m.group(), "O", word)], m.end()
    if (m := _LATIN.match(text, i)) and (tok is None or len(tok.ja) <= len(m.group())):
        return [Tok(m.group(), "X", m.group())], m.end()
    m = _KATAKANA.match(text, i)
    if m and (tok is None or len(tok.ja) <= len(m.group())):  # a longer form wins: アメリカ合衆国, クラスター弾
        toks = _katakana(m.group(), name_en)
        return None if toks is None else (toks, m.end())
    return None if tok is None else ([tok], i + len(tok.ja))


# ---------------------------------------------------------------- token clean-up


def _pairs(toks: list[Tok]) -> list[Tok] | None:
    """Merge one-kanji country runs (日米 → Japan–US); a lone one is not a country here."""
    out: list[Tok] = []
    for t in toks:
        if t.kind == "C" and out and out[-1].kind in ("C", "CC"):
            out[-1] = Tok(out[-1].ja + t.ja, "CC", out[-1].en + "–" + t.en)
        else:
            out.append(t)
    return None if any(t.kind == "C" for t in out) else out


def _dots(toks: list[Tok]) -> list[Tok] | None:
    """・ joins katakana words and follows a country pair silently; it coordinates two other words tightly
    (生物・毒素兵器 → Biological and Toxin Weapons)."""
    out: list[Tok] = []
    dot = False
    for t in toks:
        if t.ja == "・":
            if not out or dot:
                return None
            dot = out[-1].kind != "CC" and not (_KATAKANA.match(out[-1].ja[-1]))
            continue
        if dot:
            p = out.pop()
            if not {p.kind, t.kind} <= _CONTENT:  # 9・19 is a date, not a coordination
                return None
            t = Tok(p.ja + "・" + t.ja, t.kind, f"{p.form} and {t.en}", f"{p.form} and {t.form}", t.loc)
        out.append(t)
        dot = False
    return None if dot else out


def _glosses(toks: list[Tok]) -> list[Tok] | None:
    """Attach a rendered Japanese gloss in brackets to the word before it (細菌兵器（生物兵器）); drop an
    abbreviation or reading, and another name after the instrument (…条約（…条約）)."""
    out: list[Tok] = []
    for t in toks:
        if t.kind != "B":
            out.append(t)
        elif t.attr == "drop" or (out and out[-1].kind == "H"):
            continue
        elif out and out[-1].kind != "K" and t.en:
            p = out[-1]
            out[-1] = Tok(p.ja + t.ja, p.kind, f"{p.en} ({t.en})", f"{p.form} ({t.en})", p.loc)
        else:
            return None
    return out


def _joined_places(out: list[Tok], t: Tok) -> bool:
    """Whether ``t`` is a place joined by 及び to the place before it."""
    return t.kind == "P" and len(out) > 1 and out[-1].ja in ("及び", "および") and out[-2].kind == "P"


def _states(toks: list[Tok]) -> list[Tok]:
    """A state followed by 政府 is the Government of that state; places joined by 及び are one place
    (ラテンアメリカ及びカリブ) unless they are the parties of the instrument."""
    out: list[Tok] = []
    for k, t in enumerate(toks):
        if t.kind == "S" and out and out[-1].kind == "P":
            p = out.pop()
            t = Tok(p.ja + t.ja, "P", f"the {t.en} of {p.en}", f"{p.form} {t.en}")
        elif _joined_places(out, t) and not any(x.role == "party" for x in toks[k + 1 : k + 2]):
            c, p = out.pop(), out.pop()
            t = Tok(p.ja + c.ja + t.ja, "P", f"{p.en} and {t.en}", f"{p.form} and {t.form}")
        out.append(t)
    return out


def _places(toks: list[Tok]) -> list[Tok]:
    """Place words coordinated before における become one phrase with their own prepositions."""
    out: list[Tok] = []
    for t in toks:
        if t.ja == "における" and out and out[-1].kind == "L":
            k = len(out) - 1
            while k >= 2 and out[k - 1].role == "coord" and out[k - 2].kind == "L":
                k -= 2
            words = _shared_preposition([w.loc for w in out[k:] if w.kind == "L"])
            joiner = next((c.en for c in reversed(out[k:]) if c.role == "coord" and c.en != ","), "and")
            del out[k:]
            out.append(Tok("", "LP", _join(words, joiner)))
        else:
            out.append(t)
    return out


def _shared_preposition(phrases: list[str]) -> list[str]:
    """on the Moon, on Celestial Bodies → on the Moon, Celestial Bodies (the preposition said once)."""
    preps = {p.split(" ", 1)[0] for p in phrases}
    if len(phrases) < 2 or len(preps) != 1:
        return phrases
    return phrases[:1] + [p.split(" ", 1)[1] for p in phrases[1:]]


def _tokens(text: str, name_en: NameEn | None) -> list[Tok] | None:
    """Segmented and cleaned-up tokens of ``text``, or None."""
    toks = _segment(text, name_en)
    for step in (_pairs, _dots, _glosses):
        toks = step(toks) if toks else None
    return _places(_states(toks)) if toks else None


# ---------------------------------------------------------------- phrases


def _join(items: list[str], word: str) -> str:
    """A, B and C — with a shared last word said once (chemical and biological weapons)."""
    items = _factor(items)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _factor(items: list[str]) -> list[str]:
    """Bacteriological Weapons (Biological Weapons), Toxin Weapons → Bacteriological (Biological), Toxin Weapons."""
    cores = [re.match(r"(.*?)((?: \(.*\))?)$", s) for s in items]
    lasts = {c.group(1).rsplit(" ", 1)[-1] for c in cores if c}
    if len(items) < 2 or len(lasts) != 1 or any(" " not in c.group(1) or c.group(1).startswith("the ") for c in cores):
        return items
    w = lasts.pop()
    out = [c.group(1)[: -len(w) - 1] + c.group(2).replace(f" {w})", ")") for c in cores]
    out[-1] += " " + w
    return out


def _loosest(toks: list[Tok]) -> int | None:
    """Index of the connector to split at: loosest level; the rightmost for a modifier."""
    ks = [k for k, t in enumerate(toks) if t.kind == "K"]
    if not ks:
        return None
    level = min(toks[k].level for k in ks)
    return max(k for k in ks if toks[k].level == level)


def _np(toks: list[Tok]) -> NP | None:
    """A noun phrase from its tokens, or None when part of it cannot be said."""
    k = _loosest(toks)
    if k is None:
        return _compound(toks)
    conn = toks[k]
    if conn.role == "coord":
        return _coordination(toks, conn.level)
    left, right = _np(toks[:k]), _np(toks[k + 1 :])
    if left is None or right is None or conn.role == "party":
        return None
    if conn.role == "of":
        right.add_of(left.render())
    else:
        right.adjs.append(_modifier(conn.en, left))
    return right


def _modifier(template: str, np: NP) -> str:
    """A postmodifier from its template; a 並びに coordination repeats the preposition (and on their …)."""
    if not np.parts:
        return template.format(np.render())
    return " and ".join(template.format(p) for p in np.parts)


def _coordination(toks: list[Tok], level: int) -> NP | None:
    """Conjuncts split at every coordinator of ``level``."""
    groups: list[list[Tok]] = [[]]
    words: list[str] = []
    for t in toks:
        if t.kind == "K" and t.level == level:
            groups.append([])
            words.append(t.en)
        else:
            groups[-1].append(t)
    nps = [_np(g) for g in groups]
    if any(n is None for n in nps):
        return None
    word = next((w for w in reversed(words) if w != ","), "and")
    return _conjoin([n for n in nps if n], word, level)


def _conjoin(nps: list[NP], word: str, level: int) -> NP:
    """One phrase from conjuncts; bare ones share the article the B of A gives them."""
    if all(not n.of and not n.adjs and not n.det for n in nps):
        return NP(_join([n.head for n in nps], word), nps[-1].kind)
    texts = [n.render() for n in nps]
    if level <= 1:  # the object of a later bare action noun is the earlier one's: … and on their Destruction
        texts = [
            ("their " + n.head) if k and n.kind == "V" and not n.of and not n.adjs else t
            for k, (n, t) in enumerate(zip(nps, texts, strict=True))
        ]
        return NP(_join(texts, word), "N", parts=texts)
    return NP(_join(texts, word))


def _compound(toks: list[Tok]) -> NP | None:
    """A run of words without connectors: a nested instrument, an action on its object, or a compound."""
    if not toks:
        return None
    if toks[-1].kind == "H":
        title = _title(toks)
        return NP(title, "H", det=True) if title else None
    adjs = [t.en for t in toks if t.kind == "LP"]
    words = [t for t in toks if t.kind != "LP"]
    if not words or words[-1].kind in ("A", "S", "LP") or any(t.kind == "H" for t in words):
        return None
    last = words[-1]
    if last.kind == "V" and len(words) > 1 and (words[-2].kind == "V" or any(t.kind != "A" for t in words[:-1])):
        obj = _compound(words[:-1])  # 核兵器不拡散 → the Non-Proliferation of Nuclear Weapons
        return NP(last.en, "V", of=[obj], adjs=adjs, det=True) if obj else None
    head = " ".join([t.form for t in words[:-1]] + [last.en])
    return NP(head, last.kind, adjs=adjs)


# ---------------------------------------------------------------- titles


def _parties(body: list[Tok]) -> tuple[list[Tok], int, str] | None:
    """Take out `AとBとの間の` / `Aとの`: the rest, where it stood, and `between A and B` / `with A`."""
    ks = [k for k, t in enumerate(body) if t.role == "party"]
    if not ks:
        return body, -1, ""
    k = ks[-1]
    j = k
    while j > 0 and (body[j - 1].kind in ("P", "X") or (body[j - 1].role == "coord" and body[j - 1].level >= 5)):
        j -= 1
    names = [t.en for t in body[j:k] if t.kind != "K"]
    if len(ks) > 1 or not names or body[j].kind == "K":
        return None
    template = body[k].en if len(names) == 1 else "between {}"  # AとBとの共同宣言: of two parties
    return body[:j] + body[k + 1 :], j, template.format(_join(names, "and"))


def _head_noun(head: Tok, comp: NP | None, conn: Tok | None) -> str:
    """条約 is a Convention in a non-nuclear `…の禁止に関する条約` (see data/title_heads.tsv)."""
    en, alt, when = head.head[:3]
    if when == "prohibition" and comp and conn and conn.ja == "に関する":
        text = comp.parts[0] if comp.parts else comp.render()
        if text.startswith("the Prohibition") and "Nuclear" not in text:
            return alt
    return en


def _prehead(pre: list[Tok], head: Tok, noun: str) -> str | None:
    """The instrument with the words right before it: Strategic Arms Reduction Treaty, Treaty of Peace."""
    if not pre:
        return noun
    lead = 0
    while lead < len(pre) and (pre[lead].kind in ("CC", "O") or pre[lead].ja == "新"):
        lead += 1
    if lead and any(t.kind == "K" for t in pre):  # 日米相互協力及び安全保障条約: Japan–US Treaty of …
        rest = _prehead(pre[lead:], head, noun)
        return " ".join([t.form for t in pre[:lead]] + [rest]) if rest else None
    if any(t.kind == "K" for t in pre):
        np = _np(pre)  # a coordination (相互協力及び安全保障条約 → Treaty of Mutual Cooperation and Security)
        ok = np is not None and all(t.kind != "K" or t.role == "coord" for t in pre)
        return f"{noun} of {np.render()}" if ok and np else None
    if pre[-1].kind == "H":
        inner = _title(pre)
        return " ".join(w for w in (noun, head.head[4], "the", inner) if w) if inner else None
    if any(t.kind in ("H", "S", "LP") for t in pre):
        return None
    place = head.head[3]
    if len(pre) == 1 and place and (place == "of-any" and pre[0].kind == "P" or _KATAKANA.fullmatch(pre[0].ja)):
        return f"{noun} of {pre[0].en}"
    if all(t.kind == "R" for t in pre):
        return f"{noun} of {' '.join(t.en for t in pre)}"
    pre = sorted(pre, key=lambda t: t.kind != "O")  # ジュネーブ第4条約 → Fourth Geneva …
    return " ".join([t.form for t in pre] + [noun])


def _about(conn: Tok, comp: NP, head: Tok) -> str:
    """The template of the instrument's modifier: `Agreed Statement Relating to the … Treaty` when the
    instrument is about another instrument (the head table's `to`)."""
    if comp.kind == "H" and conn.title == "on {}" and head.head[4]:
        return head.head[4] + " {}"
    return conn.title


def _title(toks: list[Tok]) -> str | None:
    """A whole title: the instrument, then its modifiers in the mirror of the Japanese order."""
    if not toks or toks[-1].kind != "H":
        return None
    head = toks[-1]
    got = _parties(toks[:-1])
    if got is None:
        return None
    body, at, party = got
    mods: list[tuple[int, str]] = [(at, party)] if party else []
    k = max((k for k, t in enumerate(body) if t.kind == "K" and t.level == 0), default=None)
    comp, conn = None, None
    if k is not None:
        conn, comp = body[k], _np(body[:k])
        if comp is None:
            return None
        mods.append((k, _modifier(_about(conn, comp, head), comp)))
        body = body[k + 1 :]
    noun = _prehead(body, head, _head_noun(head, comp, conn))
    if noun is None:
        return None
    return " ".join([noun] + [m for _, m in sorted(mods, reverse=True)]).replace(" ,", ",")


def _title_case(text: str) -> str:
    """English title case: small words lower-case except first; other words capitalised."""
    words = text.split(" ")
    out = []
    for n, w in enumerate(words):
        if n and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def render_title(ja: str, name_en: NameEn | None = None) -> str | None:
    """English for the Japanese instrument title ``ja``, or None when part of it cannot be rendered.

    ``name_en`` gives English for a katakana proper name (ラロトンガ → Rarotonga); without it, or when it
    returns None, a title with such a name gives None.  A title already in Latin script is returned as is.
    """
    text = unicodedata.normalize("NFKC", ja).strip()
    if not text:
        return None
    if _ENGLISH_ONLY.fullmatch(text):
        return text
    toks = _tokens(text, name_en)
    title = _title(toks) if toks and len(toks) > 1 else None  # a bare head (条約) names no instrument
    if title is None or _JAPANESE.search(title):
        return None
    return _title_case(re.sub(r"\s+", " ", title).strip())
