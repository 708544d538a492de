"""``jpnlp_linker_v1``: align TREATY and LEADER entities to the glossary.

Sets ``._.en``, ``._.en_full``, ``._.id`` and ``kb_id_``; resolves
anaphora (同条約 → the treaty before it); composes names the glossary does
not list (STARTII条約議定書 → START II Protocol).  A mention it cannot align
keeps ``._.id == ""`` and is reported as unaligned.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..glossary import Glossary, default_glossary
from ..link import AnaphoraResolver, Link, link_treaty

_READING = re.compile(r"[\u3041-\u3096\u30fc]+")


class GlossaryLinker:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    def __call__(self, doc: Doc) -> Doc:
        resolver = AnaphoraResolver(self.glossary)
        new_ents: list[Span] = []
        values: list[tuple[Link | None, Span]] = []
        for ent in doc.ents:
            link: Link | None = None
            if ent.label_ == "TREATY":
                if ent._.anaphor:
                    link = resolver.resolve(ent.text)
                else:
                    link = link_treaty(ent.text, self.glossary) or resolver.containing(ent.text)
                    if link is None and _READING.fullmatch(ent.text):
                        link = resolver.last()  # a headword's reading follows the headword
                    resolver.add(ent.text, link)
            elif ent.label_ == "LEADER":
                e = self.glossary.get(ent._.id) if ent._.id else self.glossary.lookup(ent.text, "LEADER")
                if e is None:
                    # a full name the glossary lists by surname: ウラジーミル・プーチン, L.ゼルボ
                    e = self.glossary.lookup(re.split(r"[・=.]", ent.text)[-1], "LEADER")
                link = Link.of(e) if e else None
            kb = link.id if link and link.id else ""
            span = Span(doc, ent.start, ent.end, label=ent.label, kb_id=kb) if kb != ent.kb_id_ else ent
            # carry the other extension values over to the span with the new kb_id
            if span is not ent:
                for attr in ("value", "mod", "role", "anaphor", "en"):
                    setattr(span._, attr, getattr(ent._, attr))
            new_ents.append(span)
            values.append((link, span))
        doc.ents = new_ents
        values = _english_in_brackets(doc.text, values)
        for link, span in values:
            if span.label_ in ("TREATY", "LEADER"):
                # a leader the glossary does not know keeps the Latin spelling the text gave it
                span._.en = link.en if link else (span._.en if span.label_ == "LEADER" else None)
                span._.en_full = link.en_full if link else None
                span._.id = link.id if link else ""
        return doc


_ENGLISH_TITLE = re.compile(r"[A-Z][A-Za-z'\-]*(?:[ ,]+[A-Za-z()'\-]+)+")


def _english_in_brackets(text: str, values: list[tuple[Link | None, Span]]) -> list[tuple[Link | None, Span]]:
    """A treaty the glossary does not know: an English title in the text is its own English name, and gives it
    to the Japanese name it follows in brackets (X条約(Treaty of …))."""
    out = list(values)
    for k, (link, span) in enumerate(out):
        if span.label_ != "TREATY" or link is not None or span._.anaphor:
            continue
        if _ENGLISH_TITLE.fullmatch(span.text):
            out[k] = (Link(span.text), span)
    for k, (link, span) in enumerate(out[:-1]):
        nxt_link, nxt = out[k + 1]
        if span.label_ == nxt.label_ == "TREATY" and link is None and nxt_link is not None and nxt_link.en:
            if text[span.end_char : nxt.start_char] == "(" and _ENGLISH_TITLE.fullmatch(nxt.text):
                out[k] = (Link(nxt_link.en, nxt_link.en_full, nxt_link.id), span)
    return out


@Language.factory(
    "jpnlp_linker_v1",
    assigns=["span._.en", "span._.en_full", "span._.id", "token.ent_kb_id"],
    requires=["doc.ents"],
    default_config={"glossary_path": None},
)
def make_linker(nlp: Language, name: str, glossary_path: str | None) -> GlossaryLinker:
    return GlossaryLinker(Glossary.load(glossary_path) if glossary_path else default_glossary())
