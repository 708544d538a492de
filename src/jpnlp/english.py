"""English names for TREATY and LEADER mentions the glossary does not know, and how far to trust them.

The linker asks the glossary first (``en_source`` ``glossary``, or ``composed``
for a glossary name plus a table suffix: STARTII条約議定書 → START II Protocol)
and takes an English title the text gives in brackets (``text``).  What is
left comes here, first answer wins:

* LEADER — a Latin spelling the text gives beside the name (``text``); the
  glossary's own spellings of katakana name parts (ウラジーミル → Vladimir, learnt
  from its full names) or JMnedict (``dictionary``); a mainland Chinese name in
  pinyin (``transliteration``, :mod:`jpnlp.names_zh`: 中国の王滬寧 → Wang Huning,
  not the Japanese reading Ō Konei); the name's reading romanized
  (``transliteration``).  See :mod:`jpnlp.names`.
* TREATY — the Japanese title rendered from a table of heads, connectors and
  words (``translation``, :mod:`jpnlp.title_en`), katakana names in it spelt by
  the name dictionary; failing that, with katakana names romanized
  (``transliteration``).

``en_conf`` is the share of names from that source that were right on the
development passages (``data/en_sources.tsv`` says when it was measured): a
reviewer can sort by it and check the weakest first.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from spacy.tokens import Span

from .glossary import default_glossary
from .link import Link
from .names import dictionary_name, english_name, transliterate
from .names_zh import is_prc_name, pinyin_name
from .tables import read_table
from .title_en import render_title


def english_only(span: Span) -> Link | None:
    """An English name, without a glossary id, for a mention the glossary did not align."""
    if span._.anaphor:
        return None  # an anaphor is its antecedent or nothing
    if span.label_ == "LEADER":
        return _leader(span)
    if span.label_ == "TREATY":
        return _treaty(span.text)
    return None


def confidence(source: str | None) -> float | None:
    """How often an English name from ``source`` was right on the development passages."""
    return _confidences().get(source) if source else None


def _leader(span: Span) -> Link | None:
    if span._.en:  # the leader rule keeps a Latin spelling written beside the name
        return Link(span._.en, source="text")
    if span.text.isascii():
        return Link(span.text, source="text")
    readings = [(t.text, (t.morph.get("Reading") or [""])[0], t.tag_) for t in span]
    found = english_name(span.text, readings if any(r for _, r, _ in readings) else (), _part_spellings())
    if found and found[1] == "dictionary":
        return Link(found[0], source=found[1])
    window = span.doc[max(0, span.start - 12) : min(len(span.doc), span.end + 8)]
    start = span.start_char - window.start_char
    if is_prc_name(window.text, start, start + len(span.text)) and (en := pinyin_name(span.text)):
        return Link(en, source="transliteration")
    return Link(found[0], source=found[1]) if found else None


def _treaty(text: str) -> Link | None:
    en = render_title(text, _dictionary_part)
    if en:
        return Link(en, source="translation")
    en = render_title(text, _any_part)
    return Link(en, source="transliteration") if en else None


def _dictionary_part(katakana: str) -> str | None:
    return dictionary_name(katakana, places=True)


def _any_part(katakana: str) -> str | None:
    return dictionary_name(katakana, places=True) or transliterate(katakana)


@cache
def _confidences() -> dict[str, float]:
    return {r["source"]: float(r["confidence"]) for r in read_table("en_sources.tsv")}


# Separators between the parts of a name, and an initial (D., W) that one script writes and the other may not.
_PART_SEP = re.compile(r"[・･=＝\s.．]+")
_INITIAL = re.compile(r"[A-ZＡ-Ｚ]\.?")
_KATAKANA_PART = re.compile(r"[\u30a1-\u30fa\u30fc]+")


@cache
def _part_spellings() -> dict[str, str]:
    """The English spelling of each katakana name part the glossary's full names show: a full name whose parts
    and English words (initials aside) are as many gives each part its word (ジョージ・H・W・ブッシュ, George H. W.
    Bush → ジョージ George, ブッシュ Bush); a part spelt two ways keeps the commoner spelling (ジェームズ James, not
    Jimmy)."""
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for e in default_glossary():
        if e.label != "LEADER":
            continue
        words = [w for w in e.en.split() if not _INITIAL.fullmatch(w)]
        for form in e.ja:
            parts = [p for p in _PART_SEP.split(form) if p and not _INITIAL.fullmatch(p)]
            if len(parts) > 1 and len(parts) == len(words) and all(_KATAKANA_PART.fullmatch(p) for p in parts):
                for part, word in zip(parts, words):
                    votes[part][word] += 1
    return {part: c.most_common(1)[0][0] for part, c in votes.items()}
