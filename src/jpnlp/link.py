"""Aligning mentions to the glossary: English names, ids, composed names, anaphora.

* :func:`link_treaty` finds a treaty mention's entry: the whole mention, the
  mention without its bracketed abbreviation, or the abbreviation alone
  (``第二次戦略兵器削減条約(STARTII条約)``).  A composed name that the glossary
  does not list gets a composed English name from its base
  (``STARTII条約議定書`` → ``START II Protocol``).
* :func:`guess_leader` names the leader a short form most likely means when
  the glossary's lookup could not decide: several namesakes and no title or
  year to tell them apart (アサド: the one whose office is nearest the text's
  year, else the latest), or a kanji family name the glossary lists only in
  full (小野寺 → 小野寺五典).  Any of them is a better guess than romanizing a
  surname alone.
* :func:`near_treaty` aligns a treaty name one light character away from a
  glossary form (部分的実験停止条約 without 核, 化学兵器の禁止条約 with の):
  ``en_source`` ``near``.
* :class:`AnaphoraResolver` links ``同条約`` / ``同条約議定書`` / ``両条約`` to
  the treaties mentioned before them in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .glossary import Entry, Glossary, match_key

# Suffixes that compose a new instrument from a treaty name, longest first.
COMPOSE: tuple[tuple[str, str], ...] = (
    ("議定書案", "draft {en} Protocol"),
    ("条約案", "draft {en}"),
    ("関連文書批准法", "Law on Ratification of the {en} related documents"),
    ("批准関連法", "Law on Ratification of {en}"),
    ("を改正する議定書", "Protocol amending the {en}"),
    ("改正議定書", "Protocol amending the {en}"),
    ("追加議定書", "{en} Additional Protocol"),
    ("関連文書", "{en} related documents"),
    ("関係文書", "{en} related documents"),
    ("批准法", "Law on Ratification of {en}"),
    ("関連法", "Law related to {en}"),
    ("議定書", "{en} Protocol"),
)
_BRACKET = re.compile(r"\(([^()]*)\)")
_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]+")
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]+(?:[・=＝][\u30a1-\u30fa\u30fc]+)+")
_KATAKANA_PART = re.compile(r"[・=＝]")
# An abbreviation and a generic head (TPNW条約, INF協定, 新START合意).
_ABBR_HEAD = re.compile(r"(新?[A-Z][A-Za-z0-9\- ]*?)\s*(?:条約|協定|合意|取り決め|取極め?)")
# A year, or two or more of the nuclear powers as one-character country names (米ソ, 米英ソ, 米ロ), before a name.
# Not Japan or Korea: 日米安保条約, 米韓相互防衛条約 are names of their own.
_SIGNED_IN = re.compile(r"^(?:19|20)[0-9]{2}年の?(?=.{3})")
_POWERS = frozenset("米英仏中ソロ露")
# Characters whose presence makes another instrument: numbers and ordinals, negation, new/old, countries, heads.
_HEAVY = frozenset(
    "0123456789一二三四五六七八九十第次新旧非不反無全部分前後上下南北東西日米英仏中ソロ露韓朝印独伊加豪条約定書宣言"
)
_ONE_CHAR_COUNTRIES = _POWERS | frozenset("日韓朝比豪印独伊加")
_ENDS_IN_HEAD = re.compile(r"(?:条約|協定|議定書|宣言|合意|声明|文書|覚書|規約|憲章|法|案)$")
_ANAPHOR = re.compile(r"^(同|両|本|当該|前記|上記)(条約|協定|議定書|宣言|合意|声明|文書)(.*)$")


@dataclass(frozen=True)
class Link:
    """What a mention refers to, and where its English name came from (``source``: see :data:`EN_SOURCES`)."""

    en: str | None = None
    en_full: str | None = None
    id: str = ""
    composed: bool = False
    source: str = "glossary"
    wikidata: str | None = None

    @classmethod
    def of(cls, e: Entry) -> Link:
        return cls(e.en, e.en_full, e.id, wikidata=e.wikidata)

    @property
    def kb_id(self) -> str:
        """The knowledge-base id a Doc and the DocBin carry: the Wikidata QID where known, else the glossary id."""
        return self.wikidata or self.id


def link_treaty(text: str, glossary: Glossary) -> Link | None:
    """The glossary link of a (non-anaphoric) treaty mention, or None."""
    for variant in _variants(text):
        e = glossary.lookup(variant, "TREATY")
        if e is not None and not _names_other_parties(e, text, variant):
            return Link.of(e)
    # a name the glossary files under another label though it names an instrument (ワルシャワ条約: the Warsaw Pact)
    for variant in (v for v in _variants(text) if _ENDS_IN_HEAD.search(v)):
        others = [e for e in glossary.candidates(variant) if e.label != "TREATY"]
        if len(others) == 1:
            return Link.of(others[0])
    if text.isascii() and " " in text:
        e = glossary.lookup_english(text, "TREATY")
        if e is not None:
            return Link.of(e)
    plain = _BRACKET.sub("", text)
    for suffix, template in COMPOSE:
        if plain.endswith(suffix) and len(plain) > len(suffix):
            base = link_treaty(plain[: -len(suffix)], glossary)
            if base is not None and base.en:
                return compose(base, template, glossary)
    return None


def near_treaty(text: str, glossary: Glossary) -> Link | None:
    """The one treaty a glossary form of which differs from ``text`` by one character left out or added, neither a
    digit, an ordinal or a country (第三次/第一次, 日英/日印 are other treaties) nor a negation; None otherwise."""
    key = match_key(_BRACKET.sub("", text))
    if len(key) < 5 or not _ENDS_IN_HEAD.search(key):
        return None
    forms, shortened = _treaty_keys(glossary)
    found = {e.id: e for e in shortened.get(key, ())}  # the text leaves a character out
    for k in range(len(key)):  # the text adds one
        if key[k] not in _HEAVY:
            found.update((e.id, e) for e in forms.get(key[:k] + key[k + 1 :], ()))
    if len(found) != 1:
        return None
    return replace(Link.of(next(iter(found.values()))), source="near")


def _treaty_keys(glossary: Glossary) -> tuple[dict[str, list[Entry]], dict[str, list[Entry]]]:
    """Treaty forms by match key, and by match key with one (light) character left out."""
    cached = glossary.cache.get("treaty_keys")
    if cached is None:
        forms: dict[str, list[Entry]] = {}
        shortened: dict[str, list[Entry]] = {}
        for form, e in glossary.forms_of("TREATY"):
            key = match_key(form)
            forms.setdefault(key, []).append(e)
            for k in range(len(key)) if len(key) >= 5 else ():
                if key[k] not in _HEAVY:
                    shortened.setdefault(key[:k] + key[k + 1 :], []).append(e)
        cached = glossary.cache["treaty_keys"] = (forms, shortened)
    return cached


def guess_leader(text: str, glossary: Glossary, year: int | None = None, role: str | None = None) -> Entry | None:
    """The leader a name most likely means when :meth:`Glossary.lookup` found several or none: the namesakes
    sharing the form, or the leaders the glossary lists only in full under this short form (the first 1–3 kanji of
    a kanji name, the last part of a katakana one: シン → マンモハン・シン); the one whose office ends with
    ``role``, then the one in office in ``year`` or nearest to it, else the one in office last."""
    found = glossary.candidates(text, "LEADER") or _by_short_form(glossary).get(text, [])
    if not found:
        return None
    if role and len(found) > 1:
        title = re.sub(r"^(?:前|元|次期|現)|(?:代行)?(?:\(当時\))?$", "", role)
        found = [e for e in found if any((o.title_ja or "").endswith(title) for o in e.offices)] or found
    if year is not None and len(found) > 1:
        found = [e for e in found if e.in_office(year)] or _nearest(found, year)
    return max(found, key=_last_in_office)


def _by_short_form(glossary: Glossary) -> dict[str, list[Entry]]:
    """Leaders by the short forms of their full names: the first 1–3 characters of a kanji name (小野寺五典 under
    小, 小野, 小野寺), the last part of a katakana name written with ・ (マンモハン・シン under シン)."""
    index = glossary.cache.get("short_forms")
    if index is None:
        index = {}
        for e in glossary:
            if e.label != "LEADER":
                continue
            short: set[str] = set()
            for form in e.ja:
                if _KANJI.fullmatch(form):
                    short.update(form[:k] for k in range(1, min(3, len(form) - 1) + 1))
                elif _KATAKANA_NAME.fullmatch(form):
                    short.add(_KATAKANA_PART.split(form)[-1])
            for key in short:
                index.setdefault(key, []).append(e)
        glossary.cache["short_forms"] = index
    return index


def _nearest(found: list[Entry], year: int) -> list[Entry]:
    def distance(e: Entry) -> int:
        return min((max((o.start or 0) - year, year - (o.end or 9999), 0) for o in e.offices), default=9999)

    best = min(distance(e) for e in found)
    return [e for e in found if distance(e) == best]


def _last_in_office(e: Entry) -> int:
    return max(((o.end or 9999) for o in e.offices), default=0)


def compose(base: Link, template: str, glossary: Glossary) -> Link:
    """A composed instrument: the glossary's entry if it has one under that English name."""
    en = template.format(en=base.en)
    e = glossary.lookup(en, "TREATY")
    if e is not None:
        return Link.of(e)
    return Link(en, None, "", composed=True, source="composed")


def _variants(text: str) -> list[str]:
    out = [text]
    plain = _BRACKET.sub("", text)
    if plain != text:
        out.append(plain)
        out.extend(m.group(1) for m in _BRACKET.finditer(text))
    # a formal title that names its own instrument: …に関するこの暫定協定
    out.extend(v.replace("この", "", 1) for v in list(out) if "この" in v[1:])
    # the year or the nuclear powers that signed it, written before a treaty's name: 1972年ABM条約, 米ソINF条約
    out.extend(name for v in list(out) for name in _without_signatories(v))
    # an abbreviation with a generic head the glossary does not list with it: TPNW条約, INF協定, 新START合意
    out.extend(f for v in list(out) if (m := _ABBR_HEAD.fullmatch(v)) for f in (m.group(1), m.group(1) + "条約"))
    return out


def _without_signatories(text: str) -> list[str]:
    """``text`` without a year or signatory countries before its name (米ソ中距離… : 米ソ, not 米ソ中)."""
    year = _SIGNED_IN.match(text)
    if year:
        return [text[year.end() :]]
    out = []
    for k in range(2, 5):
        if len(text) > k + 2 and all(c in _POWERS for c in text[:k]):
            out.append(re.sub(r"^(?:間の|間|の)", "", text[k:]))
    return out


def _names_other_parties(entry: Entry, mention: str, name: str) -> bool:
    """The entry's name with other parties before it is its own name (日米安保条約): 米中安保条約 is not it."""
    if name == mention or not mention.endswith(name):
        return False
    ours = _parties(re.sub(r"(?:間の|間|の)$", "", mention[: len(mention) - len(name)]))
    if ours is None:
        return False  # a year before the name
    for form in entry.ja:
        theirs = _parties(form[: len(form) - len(name)]) if form.endswith(name) else None
        if theirs and theirs != ours:
            return True
    return False


def _parties(prefix: str) -> frozenset[str] | None:
    """The countries of a prefix written as one-character country names (米ソ, 日米, 米露), else None."""
    if not prefix or any(c not in _ONE_CHAR_COUNTRIES for c in prefix):
        return None
    return frozenset(prefix.replace("露", "ロ"))


class AnaphoraResolver:
    """Remembers the treaties of a document in order and resolves 同条約-style mentions."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.history: list[tuple[str, Link]] = []  # (surface without brackets, link)

    def add(self, surface: str, link: Link | None) -> None:
        if link is not None and (link.id or link.en):
            self.history.append((_BRACKET.sub("", surface), link))

    def last(self) -> Link | None:
        """The treaty named last."""
        return self.history[-1][1] if self.history else None

    def containing(self, surface: str) -> Link | None:
        """The treaty named earlier by a longer name that holds ``surface`` (「9・19」共同声明 … 「9・19」)."""
        key = _BRACKET.sub("", surface)
        if len(key) < 2:
            return None
        return next((link for s, link in reversed(self.history) if key in s and key != s), None)

    def resolve(self, surface: str) -> Link | None:
        m = _ANAPHOR.match(surface)
        if not m:
            return None
        prefix, head, rest = m.groups()
        # 同条約 refers back to a treaty named with 条約 or by its abbreviation (新START)
        wanted = [link for s, link in reversed(self.history) if s.endswith(head) or not _ENDS_IN_HEAD.search(s)]
        if not wanted:
            return None
        if prefix == "両":
            seen: list[Link] = []
            for link in wanted:
                if all(link.en != x.en for x in seen):
                    seen.append(link)
                if len(seen) == 2:
                    break
            if len(seen) < 2:
                return None
            a, b = seen[1], seen[0]  # document order
            source = a.source if a.source == b.source else "composed"
            return Link(f"{a.en} and {b.en}", None, "", source=source)
        base = wanted[0]
        if not rest:
            return base
        for suffix, template in COMPOSE:
            if rest == suffix:
                return compose(base, template, self.glossary)
        return None
