"""Vote tallies as structured records: counts, result, body, date, subject, plausibility.

:func:`resolve_tallies` turns the tallies :mod:`jpnlp.rules.votes` finds into
:class:`VoteTally` records, reading the document the way a reader does:

* **result** — the first outcome word after the tally in its sentence
  (可決, 承認, 採択, 成立, 通過, 批准した → passed; 否決, 廃案, 不成立 → rejected),
  skipping words inside treaty and law names (批准 in ``…批准関連法``), so two
  tallies that share ``それぞれ可決された`` both get it; else what the tally
  phrase states (賛成多数); else ``unknown``;
* **body** — the nearest voting body before the tally in its sentence
  (``data/bodies.tsv``; a bare 上院/下院 takes its country from the text before
  it; a committee after the chamber is kept), else the previous tally's, else
  the last one earlier in the paragraph;
* **date** — the nearest DATE before the tally in its sentence, else the
  previous tally's in the same block, else the last DATE before it in the block;
* **subject** — the nearest treaty or law before the tally (after the
  previous tally), else a bill, resolution or motion (…法案, …決議案, …動議),
  else the previous tally's, else the last one earlier in the paragraph;
* **notes** — counts larger than the body, totals that do not add up, and
  results that contradict the numbers are flagged, never dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .rules import read_table
from .rules.votes import TallyMatch, find_tallies

CONTEXT_CHARS = 300
PASSED = re.compile(r"可決|承認|採択|成立|通過|批准(?=し|され|を決|が決)")
REJECTED = re.compile(r"否決|廃案|不成立|否認|却下|不承認")
_BILL = re.compile(
    r"[\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9・]{0,40}?(?:決議案|法案|修正案|不信任案|予算案|条約案|協定案|改正法|動議|決議)"
)
_COMMITTEE = re.compile(r"(?:の)?([\u4e00-\u9fff・]{1,12}委員会)")
_COUNTRY_HINTS = (("ロシア", "RU"), ("露", "RU"), ("米国", "US"), ("米", "US"), ("アメリカ", "US"), ("日本", "JP"))


@dataclass
class VoteTally:
    """One vote: who voted how many times which way, on what, where, when, with what result."""

    for_: int | None
    against: int | None
    abstain: int | None
    other: int | None
    total: int | None
    result: str
    body: str | None
    body_ja: str | None
    date: str | None
    subject_ja: str | None
    subject_en: str | None
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    sentence: str
    notes: list[str] = field(default_factory=list)
    doc_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON/CSV form: ``for_`` is written ``for``."""
        return {
            "doc_id": self.doc_id,
            "for": self.for_,
            "against": self.against,
            "abstain": self.abstain,
            "other": self.other,
            "total": self.total,
            "result": self.result,
            "body": self.body,
            "body_ja": self.body_ja,
            "date": self.date,
            "subject_ja": self.subject_ja,
            "subject_en": self.subject_en,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "sentence": self.sentence,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class Body:
    pattern: re.Pattern[str]
    en: str
    country: str
    size: int


@cache
def bodies() -> tuple[Body, ...]:
    return tuple(Body(re.compile(r["pattern"]), r["en"], r["country"], int(r["size"])) for r in read_table("bodies.tsv"))


@cache
def committees() -> dict[str, str]:
    return {r["ja"]: r["en"] for r in read_table("committees.tsv")}


_BARE_CHAMBER = re.compile(r"上院|下院")
_BARE_BY_COUNTRY = {("RU", "上院"): "Federation Council", ("RU", "下院"): "State Duma",
                    ("US", "上院"): "US Senate", ("US", "下院"): "US House of Representatives",
                    ("JP", "上院"): "House of Councillors (Japan)", ("JP", "下院"): "House of Representatives (Japan)"}  # fmt: skip


def _body_before(text: str, lo: int, hi: int) -> tuple[str, str, int | None, int] | None:
    """(English, Japanese, size, position) of the nearest body in ``text[lo:hi]``."""
    best: tuple[str, str, int | None, int] | None = None
    for b in bodies():
        for m in b.pattern.finditer(text, lo, hi):
            if best is None or m.start() > best[3]:
                best = (b.en, m.group(), b.size, m.start())
    for m in _BARE_CHAMBER.finditer(text, lo, hi):
        if best is not None and best[3] <= m.start() < best[3] + len(best[1]):
            continue  # part of ロシア下院
        if best is None or m.start() > best[3]:
            country = _country_before(text, m.start())
            en = _BARE_BY_COUNTRY.get((country, m.group())) if country else None
            if en:
                size = next((b.size for b in bodies() if b.en == en), None)
                best = (en, m.group(), size, m.start())
    if best is None:
        return None
    en, ja, size, pos = best
    c = _COMMITTEE.match(text, pos + len(ja))
    if c and c.end() <= hi:
        name = c.group(1)
        en = f"{en} {committees().get(name, name)}"
        ja = text[pos : c.end()]
    return en, ja, size, pos


def _country_before(text: str, pos: int) -> str | None:
    best: tuple[int, str] | None = None
    for word, code in _COUNTRY_HINTS:
        i = text.rfind(word, 0, pos)
        if i >= 0 and (best is None or i > best[0]):
            best = (i, code)
    return best[1] if best else None


def _result(text: str, start: int, end: int, skip: Sequence[tuple[int, int]]) -> str | None:
    """The first outcome word in ``text[start:end]`` outside the ``skip`` spans (entity names)."""
    hits = []
    for pat, res in ((PASSED, "passed"), (REJECTED, "rejected")):
        for m in pat.finditer(text, start, end):
            if not any(s <= m.start() < e for s, e in skip):
                hits.append((m.start(), res))
                break
    return min(hits)[1] if hits else None


@dataclass(frozen=True)
class Context:
    """What the resolver knows of the document: sentence and block bounds, names and dates."""

    sentences: Sequence[tuple[int, int]]  # (start, end), in order
    blocks: Sequence[tuple[int, int]]
    names: Sequence[tuple[int, int, str, str | None]]  # treaties and laws: start, end, text, English
    dates: Sequence[tuple[int, int, str]]  # start, end, value


def _containing(spans: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    starts = [s for s, _ in spans]
    k = bisect_right(starts, pos) - 1
    return spans[k] if k >= 0 else (0, pos)


def resolve_tallies(text: str, ctx: Context, matches: list[TallyMatch] | None = None) -> list[VoteTally]:
    """Records for the tallies of ``text`` (found with :func:`find_tallies` unless given)."""
    matches = find_tallies(text) if matches is None else matches
    out: list[VoteTally] = []
    prev: VoteTally | None = None
    prev_block: tuple[int, int] | None = None
    name_spans = [(s, e) for s, e, _, _ in ctx.names]
    for i, t in enumerate(matches):
        s_start, s_end = _containing(ctx.sentences, t.start)
        block = _containing(ctx.blocks, t.start)
        # result: forward in the sentence, past later tallies sharing it; when the tally closes its
        # sentence (a listed result), the next sentence may state it
        result = _result(text, t.end, max(s_end, t.end), name_spans)
        if result is None and not text[t.end : s_end].strip(" 。.、\n"):
            nxt = next(((a, b) for a, b in ctx.sentences if a >= t.end), None)
            if nxt is not None:
                result = _result(text, nxt[0], nxt[1], name_spans)
        result = result or t.implied or "unknown"
        # what came before the tally when its own sentence says nothing: the paragraph, or the last
        # few hundred characters when a listed result split it into blocks
        window = min(block[0], max(0, s_start - CONTEXT_CHARS))
        # body: in the sentence, else the previous tally's, else earlier in the paragraph
        found = _body_before(text, s_start, t.start)
        if not found and prev is None:
            found = _body_before(text, window, t.start)
        if found:
            body, body_ja, size = found[0], found[1], found[2]
        elif prev is not None:
            body, body_ja = prev.body, prev.body_ja
            size = next((b.size for b in bodies() if b.en == body), None)
        else:
            body = body_ja = None
            size = None
        # date
        date = None
        in_sentence = [v for ds, _, v in ctx.dates if s_start <= ds < t.start]
        if in_sentence:
            date = in_sentence[-1]
        elif prev is not None and prev_block == block:
            date = prev.date
        else:
            earlier = [v for ds, _, v in ctx.dates if window <= ds < t.start]
            date = earlier[-1] if earlier else None
        # subject: after the previous tally in this sentence, before this one
        lo = max(s_start, matches[i - 1].end if i and matches[i - 1].end > s_start else s_start)
        names = [(s, e, txt, en) for s, e, txt, en in ctx.names if lo <= s and e <= t.start]
        subject_ja = subject_en = None
        if not names and prev is None:
            # nothing in this sentence: what the paragraph was about before it
            earlier = [(s, e, txt, en) for s, e, txt, en in ctx.names if window <= s and e <= s_start]
            bills_before = list(_BILL.finditer(text, window, s_start))
            if earlier and (not bills_before or earlier[-1][0] > bills_before[-1].start()):
                names = earlier[-1:]
            elif bills_before:
                lo_bill = bills_before[-1]
                names = [(lo_bill.start(), lo_bill.end(), lo_bill.group(), None)]
        if names:
            subject_ja, subject_en = names[-1][2], names[-1][3]
        else:
            bills = list(_BILL.finditer(text, lo, t.start))
            if bills:
                subject_ja = bills[-1].group()
            elif prev is not None:
                subject_ja, subject_en = prev.subject_ja, prev.subject_en
        tally = VoteTally(
            t.for_, t.against, t.abstain, t.other, t.total, result, body, body_ja, date, subject_ja, subject_en,
            t.text, t.start, t.end, t.start, t.end, text[s_start:s_end],
        )  # fmt: skip
        tally.notes = plausibility(tally, size)
        out.append(tally)
        prev, prev_block = tally, block
    return out


def plausibility(t: VoteTally, size: int | None) -> list[str]:
    """Warnings about numbers that cannot all be right."""
    notes = []
    counts = [c for c in (t.for_, t.against, t.abstain, t.other) if c is not None]
    if size is not None and counts:
        if sum(counts) > size:
            notes.append(f"{sum(counts)} votes counted, but the {t.body} has {size} members")
        elif any(c > size for c in counts):
            notes.append(f"a count exceeds the {t.body}'s {size} members")
    if t.total is not None and counts and sum(counts) > t.total:
        notes.append(f"counts add up to {sum(counts)}, more than the total of {t.total}")
    if t.for_ is not None and t.against is not None:
        if t.result == "passed" and t.for_ <= t.against:
            notes.append(f"result 'passed' but {t.for_} for and {t.against} against")
        if t.result == "rejected" and t.for_ > t.against:
            notes.append(f"result 'rejected' with {t.for_} for and {t.against} against (a qualified majority?)")
    return notes


def extract_votes(source: Any, nlp: Any = None) -> list[VoteTally]:
    """Vote tallies of a text, a path, a :class:`~jpnlp.document.Document` or a spaCy Doc.

    Texts and paths need no neural model: the tallies, treaty names and dates
    come from jpnlp's rules, so this is fast on large corpora.  A Doc from
    :func:`jpnlp.load` returns its ``doc._.votes``.
    """
    from spacy.tokens import Doc

    from .document import Document, prepare

    if isinstance(source, Doc):
        if source._.votes is None:
            from .components.votes import VoteRecognizer

            VoteRecognizer()(source)
        return list(source._.votes)
    document = source if isinstance(source, Document) else prepare(source)
    return document_votes(document)


def document_votes(document: Any) -> list[VoteTally]:
    """Tallies of a prepared :class:`~jpnlp.document.Document`, using its entities or jpnlp's rules."""
    from .glossary import default_glossary
    from .link import link_treaty
    from .rules.dates import find_dates
    from .rules.treaties import find_treaties

    text = document.text
    if document.entities:
        names = [(e.start, e.end, e.text, e.en) for e in document.entities if e.label == "TREATY"]
        dates = [(e.start, e.end, e.value) for e in document.entities if e.label == "DATE" and e.value]
    else:
        g = default_glossary()
        names = []
        for m in find_treaties(text, g):
            link = link_treaty(m.text, g) if not m.anaphor else None
            names.append((m.start, m.end, m.text, link.en if link else None))
        dates = [(d.start, d.end, d.value) for d in find_dates(text)]
    ctx = Context(
        sentences=[(s.start, s.end) for s in document.sentences],
        blocks=[(b.start, b.end) for b in document.blocks],
        names=names,
        dates=dates,
    )
    tallies = resolve_tallies(text, ctx)
    for t in tallies:
        t.raw_start, t.raw_end = document.raw_span(t.start, t.end)
        t.doc_id = document.doc_id
    return tallies
