"""``jpnlp_linker_v1``: align TREATY and LEADER entities to the glossary.

Sets ``._.en``, ``._.en_full``, ``._.id``, ``._.wikidata`` and ``kb_id_``
(the QID where known, else the glossary id); resolves anaphora (同条約 → the
treaty before it); composes names the glossary does not list (STARTII条約議定書
→ START II Protocol); aligns a name one light character away from a glossary
form (``near``).  A mention it cannot align keeps ``._.id == ""`` and is
reported as unaligned, but still gets an English name from
:mod:`jpnlp.english` (the text, a name dictionary, a transliteration or a
rendering of its title).  ``._.en_source`` says where each English name came
from and ``._.en_conf`` how often names from there are right.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..english import confidence, english_only
from ..glossary import Glossary, default_glossary
from ..link import AnaphoraResolver, Link, guess_leader, link_treaty, near_treaty
from .base import doc_text

# A reading: hiragana, with the katakana of foreign words in it (にほんこくとソヴィエト…きょうどうせんげん)
_READING = re.compile(r"(?=[^\u3041-\u3096]*[\u3041-\u3096])[\u3041-\u3096\u30a1-\u30fa\u30fc・]+")
# A name in another script (Cyrillic, Hangul, Greek …): inside brackets after a name, that name's translation
_FOREIGN = re.compile(r"[\u0370-\u052f\u1100-\u11ff\uac00-\ud7af]")


class GlossaryLinker:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # once: doc.text rebuilds the string from every token
        resolver = AnaphoraResolver(self.glossary)
        people = PeopleResolver()
        new_ents: list[Span] = []
        values: list[tuple[Link | None, Span]] = []
        year: int | None = None  # the year of the last dated expression: tells namesakes apart
        for ent in doc.ents:
            if ent.label_ == "DATE" and str(ent._.value or "")[:4].isdigit():
                year = int(str(ent._.value)[:4])
            link = self._link(ent, resolver, _bracketed_after(text, ent, values), year)
            if ent.label_ == "LEADER":
                link = people.resolve(ent, link)
            kb = link.kb_id if link else ""
            span = Span(doc, ent.start, ent.end, label=ent.label, kb_id=kb) if kb != ent.kb_id_ else ent
            # carry the other extension values over to the span with the new kb_id
            if span is not ent:
                for attr in ("value", "mod", "role", "anaphor", "en"):
                    setattr(span._, attr, getattr(ent._, attr))
            new_ents.append(span)
            values.append((link, span))
        doc.ents = new_ents
        for link, span in _english_in_brackets(text, values):
            if span.label_ in ("TREATY", "LEADER"):
                link = link or english_only(span)
                span._.en = link.en if link else None
                span._.en_full = link.en_full if link else None
                span._.id = link.id if link else ""
                span._.wikidata = link.wikidata if link else None
                span._.en_source = link.source if link and link.en else None
                span._.en_conf = confidence(span._.en_source)
        return doc

    def _link(
        self, ent: Span, resolver: AnaphoraResolver, named_before: Link | None, year: int | None = None
    ) -> Link | None:
        if ent.label_ == "TREATY":
            if ent._.anaphor:
                return resolver.resolve(ent.text)
            link = link_treaty(ent.text, self.glossary) or resolver.containing(ent.text)
            if link is None and _READING.fullmatch(ent.text):
                link = resolver.last()  # a headword's reading follows the headword
            if link is None and _FOREIGN.search(ent.text):
                link = named_before  # 日ソ共同宣言(ロシア語: Советско-Японская …): the same declaration
            # one light character away from a glossary form (部分的実験停止条約): that treaty
            link = link or near_treaty(ent.text, self.glossary)
            # a treaty the glossary does not know is still an antecedent (同協定 after it carries its name)
            link = link or english_only(ent)
            resolver.add(ent.text, link)
            return link
        if ent.label_ == "LEADER":
            e = self.glossary.get(ent._.id) if ent._.id else self.glossary.lookup(ent.text, "LEADER")
            # a full name the glossary lists by surname: ウラジーミル・プーチン, L.ゼルボ
            surname = re.split(r"[・=.]", ent.text)[-1]
            e = e or self.glossary.lookup(surname, "LEADER")
            # namesakes nothing told apart, or a family name listed only in full: the likeliest one (not for a full
            # name: ラージナート・シン is not マンモハン・シン)
            e = e or guess_leader(ent.text, self.glossary, year, ent._.role)
            return Link.of(e) if e else None
        return None


class PeopleResolver:
    """A short form of a name refers to the person named in full earlier in the document: 安倍 after 安倍晋太郎,
    ブッシュ after ジョージ・W・ブッシュ.  That beats the glossary's guess by year between namesakes, and gives a
    surname the glossary does not know its full name."""

    def __init__(self) -> None:
        self.named: list[tuple[str, Span, Link | None]] = []  # (text, span, link) of full names, in order

    def resolve(self, ent: Span, link: Link | None) -> Link | None:
        text = ent.text
        for full, span, full_link in reversed(self.named):
            if _short_form(text, full):
                return full_link or english_only(span) or link
        self.named.append((text, ent, link))
        return link


def _short_form(short: str, full: str) -> bool:
    """``short`` is the surname of ``full``: the first characters of a name in kanji (family name first), the last
    part of a name in katakana or Latin script (ジョージ・W・ブッシュ, John Kerry)."""
    if len(short) >= len(full):
        return False
    parts = re.split(r"[・･=＝.．\s]+", full)
    if len(parts) > 1:
        return parts[-1] == short
    return _KANJI.fullmatch(full) is not None and full.startswith(short)


def _bracketed_after(text: str, ent: Span, values: list[tuple[Link | None, Span]]) -> Link | None:
    """The link of a treaty named shortly before ``ent`` when ``ent`` stands inside a bracket opened after it
    (its reading may come between: 日ソ共同宣言(にっそきょうどうせんげん、ロシア語: …))."""
    if ent.label_ != "TREATY":
        return None
    for link, s in reversed(values):
        if ent.start_char - s.end_char > 80:
            return None
        gap = text[s.end_char : ent.start_char]
        if s.label_ == "TREATY" and link is not None and gap.count("(") > gap.count(")"):
            return link
    return None


def _replaceable(link: Link | None) -> bool:
    """No link, or only a rendering of our own: an English name the text gives is better."""
    return link is None or link.source in ("near", "translation", "transliteration")


_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]+")
_ENGLISH_TITLE = re.compile(r"[A-Z][A-Za-z'\-]*(?:[ ,]+[A-Za-z()'\-]+)+")


def _english_in_brackets(text: str, values: list[tuple[Link | None, Span]]) -> list[tuple[Link | None, Span]]:
    """A treaty the glossary does not know: an English title in the text is its own English name, and gives it
    to the Japanese name it follows in brackets (X条約(Treaty of …))."""
    out = list(values)
    for k, (link, span) in enumerate(out):
        if span.label_ != "TREATY" or not _replaceable(link) or span._.anaphor:
            continue
        if _ENGLISH_TITLE.fullmatch(span.text):
            out[k] = (Link(span.text, source="text"), span)
    for k, (link, span) in enumerate(out[:-1]):
        nxt_link, nxt = out[k + 1]
        english_after = text[span.end_char : nxt.start_char] == "(" and _ENGLISH_TITLE.fullmatch(nxt.text)
        if span.label_ == nxt.label_ == "TREATY" and _replaceable(link) and nxt_link and nxt_link.en and english_after:
            out[k] = (replace(nxt_link, source="text"), span)
    return out


@Language.factory(
    "jpnlp_linker_v1",
    assigns=["span._.en", "span._.en_full", "span._.id", "span._.wikidata", "span._.en_source", "span._.en_conf",
             "token.ent_kb_id"],
    requires=["doc.ents"],
    default_config={"glossary_path": None},
)
def make_linker(nlp: Language, name: str, glossary_path: str | None) -> GlossaryLinker:
    return GlossaryLinker(Glossary.load(glossary_path) if glossary_path else default_glossary())
