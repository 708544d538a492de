"""Vote tallies as structured records: counts, result, body, date, subject, plausibility.

:func:`resolve_tallies` turns the tallies :mod:`jpnlp.rules.votes` finds into
:class:`VoteTally` records, reading the document the way a reader does:

* **result** — the first outcome word from the tally on in its sentence
  (``data/outcomes.tsv``: 採択, 可決, 承認, 決定 … → passed; 否決, 不採択,
  採択されなかった, 拒否権を行使 … → rejected), skipping words inside treaty and
  law names (批准 in ``…批准関連法``), so two tallies that share
  ``それぞれ可決された`` both get it (a table row: its row's); else one
  before it in its sentence (``決議を採択した際は、…``); for a breakdown with no
  verb of its own (``賛成13、反対1だった``), the sentence before's when that holds
  no tally (``…否決された。``); else the next
  sentence's when that holds no tally; else what the phrase states
  (賛成多数); else the numbers: a veto rejects, else the body's majority rule
  (``min_for`` in ``bodies.tsv``: nine votes in the Security Council), else a
  simple majority (no against count: none against); else the result of the
  vote reported just before (its breakdown: ``反対はA、棄権はB``);
* **body** — a body named between the tally and its verb (``…と衆院で再可決``),
  else the nearest one before it back to the previous tally — the subject or
  place of its clause (``国連総会は``) before a mere modifier (``人権理事会に
  おける``); outside its sentence, one where a vote was held (not one planned,
  ``採決にかけられる予定``) first — else the previous tally's; else the
  organisation named as the place of the vote (``国連で``,
  ``data/org_venues.tsv``); else the one body a document's header names
  (minutes headed ``衆議院 本会議``);
  bodies are ``data/bodies.tsv`` (chambers, parliaments, UN bodies and the
  General Assembly's committees), organs of organisations
  (``data/organs.tsv``: ``IAEA理事会``; a bare ``理事会`` after the
  organisation was named) and bare 上院/下院 (the chamber of that kind named
  before, else the country's, ``data/chambers.tsv``); a committee after its
  chamber is kept (named by chamber: ``committees.tsv``); a bare ``本会議`` is
  the whole body named last (its chamber, not a committee of it); ``同委員会``,
  ``同院``, ``同理事会`` … the body of that kind named last; a table row's label names its body (``米国での批准投票``:
  the chamber that ratifies);
* **date** — a table row's own date; in its sentence, a main-clause DATE (``国連総会は5日、``) before
  one inside a modifier (``28日より``), else one after the tally up to its verb
  (``…で、7日に採択された``, never a later event's: ``…採択され、翌年発効した``), read as the local day when both are
  given (``11月7日(現地時間6日)``); else the previous tally's in the same
  block; else the last DATE before it, in a sentence about a vote first; for a
  table cell, the date in its column; else the document's date
  (``Context.doc_date``), which also fills a year the text leaves open;
* **subject** — in the vote's own sentence, a bill or resolution
  (``決議2231``, ``CTBT批准法案``, ``…に関する決議``) with the English of the
  treaty it names, else the nearest treaty or law; else the previous tally's in
  the same block; else the last one earlier in its paragraph, never another;
* one record per vote: an outcome phrase (``賛成多数``) whose counts follow in
  its sentence or the next is not a record of its own;
* **notes** — counts larger than the body, totals that do not add up, and
  results that contradict the numbers are flagged, never dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from itertools import pairwise
from typing import Any

from .rules import read_table
from .rules.votes import TableCell, TallyMatch, find_tallies

CONTEXT_CHARS = 300
UN_FOUNDED = 1946  # the General Assembly's first session (January 1946); the League's Assembly met until April 1946
DATE_CONTEXT_CHARS = 600
FORWARD_CHARS = 200
HEADER_CHARS, HEADER_LINES = 120, 3  # a document's header: its first lines
COUNTRY_CONTEXT_CHARS = 2000
_BILL = re.compile(
    r"[\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9・]{0,40}?"
    r"(?:決議案|法律案|法案|修正案|不信任案|予算案|条約案|協定案|承認案|決定案|議案|改正法|動議|報告書|決議)"
    r"(?:第?[0-9]+号?|[A-Z]\.[0-9]+(?:/Rev\.[0-9]+)?)?"  # 決議2231, 決議第1号; a UN draft's symbol: 決議案L.41
)
_ABOUT = re.compile(r"(?:に関する|に対する|についての|の)$")
_COMMITTEE = re.compile(r"(?:の)?([\u4e00-\u9fff0-9・]{1,12}委員会)")
_BARE_CHAMBER = re.compile(r"上院|下院")
_PLENARY = re.compile(r"(?:総会)?本会議")  # 総会本会議 after a Main Committee: the General Assembly
# 同委員会, 同院 (the committee, the chamber just named); the forms a body of that kind ends with
_SAME_BODY = re.compile(r"同(委員会|院|理事会|総会|会議)")
_SAME_HEADS = {"院": ("院", "院本会議"), "理事会": ("理事会", "安保理"), "委員会": ("委員会",)}
_AT_BODY = re.compile(r"(?:本会議)?(?:で|において|では)")
# a body that is the subject or the place of its clause (国連総会は, 上院で), not a modifier (人権理事会における, 上院での)
_AGENT = re.compile(r"(?:本会議|の場)?(?:は|が|も|では|で(?!の)|において|にて)")
_ADNOMINAL = re.compile(r"(?:本会議)?(?:の|における|での|への|に対する|に関する|との)")
_NAME_CHAR = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffA-Za-z]")
_SESSION_KIND = r"(?:定例|特別|緊急|臨時)?"
_SESSION = re.compile(r"第[0-9一二三四五六七八九十百]+回$")
_QUOTE = re.compile(r"「[^「」\n]{1,300}」")
_VOTE_WORD = re.compile(r"採択|可決|否決|採決|承認|投票|票決|通過")
# a vote planned (採決にかけられる予定) or not reached in a clause on the way (採択されず、): not one that was held
_NOT_HELD = re.compile(r"[^。]{0,12}?(?:予定|見通し|見込み)|(?:され)?ず[、,，]")


def _reports_vote(text: str, span: tuple[int, int]) -> bool:
    """Whether ``text[span]`` reports a vote that was held."""
    return any(not _NOT_HELD.match(text, m.end()) for m in _VOTE_WORD.finditer(text, *span))
def _plans_vote(text: str, span: tuple[int, int]) -> bool:
    """Whether ``text[span]`` speaks of a vote only as one planned or not held (採決にかけられる予定)."""
    words = list(_VOTE_WORD.finditer(text, *span))
    return bool(words) and all(_NOT_HELD.match(text, m.end()) for m in words)


# a date that sets another clause's time (翌28日より開催, 10月20日までに), not the vote's
_NOT_EVENT_DATE = re.compile(r"(?:より|から|まで|以来|以降|以前|付)")
# (翌日10日、: a relative date restated by its day is one date)
_MAIN_CLAUSE_DATE = re.compile(r"(?:[0-9]{1,2}日)?(?:[、,]|は|には|\()")
# a tally that ends its sentence with no verb of its own (賛成13、反対1だった): the breakdown of a vote reported before
_BREAKDOWN_END = re.compile(r"[ \t]*(?:\([^()\n]{0,40}\))?[ \t]*(?:だった|であった|でした|となった|となりました|[。\n]|$)")
# a date that is the meeting's (9日の執行理事会で, 5日に開かれた総会で): the day of the vote held there
_MEETING_DATE = re.compile(
    r"(?:の|に(?:開催され|開かれ|行われ)た)[^、。\n]{0,15}?(?:会合|会議|理事会|総会|委員会|議会|院|安保理)"
    r"(?:本会議)?(?:で|において|では|は)"
)
_JAPAN_TIME = re.compile(r"\((?:日本時間)[ \t]*$")
_LOCAL_TIME = re.compile(r"\((?:現地時間|米国時間|米東部時間|ニューヨーク時間|[^()]{1,6}時間)(?<!日本時間)[ \t]*")


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
    doc_date: str | None = None  # the document's date, title and source (its metadata), for joins
    doc_title: str | None = None
    source: str | None = None

    def set_document(self, document: Any) -> None:
        """Record which document the vote is in: its id, date, title and source."""
        meta = getattr(document, "meta", None) or {}
        self.doc_id, self.doc_date = document.doc_id, document.doc_date
        self.doc_title, self.source = meta.get("title"), meta.get("source")

    def to_dict(self) -> dict[str, Any]:
        """JSON/CSV form: ``for_`` is written ``for``."""
        return {
            "doc_id": self.doc_id,
            "doc_date": self.doc_date,
            "doc_title": self.doc_title,
            "source": self.source,
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

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> VoteTally:
        """A tally from its :meth:`to_dict` form (``for`` read as ``for_``); missing fields are empty."""
        names = {f.name for f in fields(cls)} - {"for_"}
        text = obj.get("text") or ""
        start = obj.get("start") or 0
        end = obj.get("end") if obj.get("end") is not None else start + len(text)
        base = {"result": "unknown", "text": text, "start": start, "end": end, "raw_start": start, "raw_end": end,
                "sentence": "", "notes": []}  # fmt: skip
        return cls(for_=obj.get("for"), **{**{k: None for k in names}, **base,
                                            **{k: v for k, v in obj.items() if k in names and v is not None}})  # fmt: skip


@dataclass(frozen=True)
class Body:
    pattern: re.Pattern[str]
    en: str
    country: str
    size: int
    min_for: int = 0


@dataclass(frozen=True)
class Organ:
    org: re.Pattern[str]
    explicit: re.Pattern[str]  # 化学兵器禁止機関(OPCW)の理事会
    bare: re.Pattern[str] | None  # 理事会, 第25回締約国会議
    en: str
    size: int


@dataclass(frozen=True)
class Chamber:
    country: str
    words: re.Pattern[str]
    upper: str
    lower: str
    ratifies: str | None


@dataclass(frozen=True)
class Mention:
    """A voting body named in the text."""

    start: int
    end: int
    en: str
    ja: str


@cache
def bodies() -> tuple[Body, ...]:
    return tuple(
        Body(re.compile(r["pattern"]), r["en"], r["country"], int(r["size"]), int(r.get("min_for") or 0))
        for r in read_table("bodies.tsv")
    )


@cache
def organs() -> tuple[Organ, ...]:
    out = []
    for r in read_table("organs.tsv"):
        # a session's kind between them (IAEAの定例理事会, 特別理事会, 緊急総会) names the same organ
        explicit = re.compile(rf"(?:{r['org']})(?:\([A-Za-z]+\))?(?:の)?{_SESSION_KIND}(?:{r['organ']})")
        bare = (
            re.compile(rf"(?:第[0-9一二三四五六七八九十百]+回)?{_SESSION_KIND}(?:{r['organ']})") if r["bare"] == "yes" else None
        )
        out.append(Organ(re.compile(r["org"]), explicit, bare, r["en"], int(r["size"])))
    return tuple(out)


@cache
def chambers() -> tuple[Chamber, ...]:
    return tuple(
        Chamber(r["country"], re.compile(r["words"]), r["upper"], r["lower"], r["ratifies"] or None)
        for r in read_table("chambers.tsv")
    )


@cache
def committees() -> dict[tuple[str, str], str]:
    """(committee's Japanese name, the chamber's English name or '' for any) → the committee's English name."""
    return {(r["ja"], r.get("body") or ""): r["en"] for r in read_table("committees.tsv")}


@cache
def _sizes() -> dict[str, tuple[int, int]]:
    """English name → (members, affirmative votes needed beyond a simple majority)."""
    out = {b.en: (b.size, b.min_for) for b in bodies()}
    out.update({o.en: (o.size, 0) for o in organs()})
    return out


def _size(en: str | None) -> tuple[int | None, int]:
    if en is None:
        return None, 0
    for name, v in _sizes().items():
        if en == name or en.startswith(name + " "):
            return v
    return None, 0


def _free(taken: list[Mention], s: int, e: int) -> bool:
    return all(e <= m.start or s >= m.end for m in taken)


def body_mentions(text: str) -> list[Mention]:
    """Every voting body named in ``text``, in order: named bodies and organs, then bare organs and chambers
    read from the text before them."""
    found: list[Mention] = []
    for b in bodies():
        for m in b.pattern.finditer(text):
            found.append(Mention(m.start(), m.end(), b.en, m.group()))
    for o in organs():
        for m in o.explicit.finditer(text):
            found.append(Mention(m.start(), m.end(), o.en, m.group()))
    taken: list[Mention] = []
    for c in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if _free(taken, c.start, c.end):
            taken.append(c)
    explicit = sorted(taken, key=lambda m: m.start)
    named = [_with_committee(text, m) for m in explicit]
    orgs = _org_positions(text)
    bare = []
    for o in organs():
        if o.bare is None:
            continue
        for m in o.bare.finditer(text):
            if not _free(named, m.start(), m.end()) or (m.start() and _NAME_CHAR.match(text[m.start() - 1])):
                continue
            # the organisation named last among those that have an organ of this name (IAEA … 国連安保理 … 理事会)
            having = {p.org.pattern for p in organs() if p.bare is not None and p.bare.fullmatch(m.group())}
            named_before = [x for x in orgs if x[0] < m.start() and x[1] in having]
            if named_before and named_before[-1][1] == o.org.pattern:
                bare.append(Mention(m.start(), m.end(), o.en, m.group()))
    for m in _BARE_CHAMBER.finditer(text):
        if not _free(named, m.start(), m.end()):
            continue
        en = _bare_chamber(text, m.start(), m.group(), named)
        if en:
            bare.append(_with_committee(text, Mention(m.start(), m.end(), en, m.group())))
    return _anaphora(text, _plenaries(text, sorted(named + bare, key=lambda m: m.start)))


def _anaphora(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with 同委員会, 同院, 同理事会, 同総会 … read as the body of that kind named last before them."""
    out = list(found)
    for m in _SAME_BODY.finditer(text):
        if not _free(found, m.start(), m.end()):
            continue
        head = m.group(1)
        kinds = _SAME_HEADS.get(head, (head,))
        before = [f for f in found if f.end <= m.start() and f.ja.endswith(kinds)]
        if before:
            out.append(Mention(m.start(), m.end(), before[-1].en, m.group()))
    return sorted(out, key=lambda m: m.start)


def _plenaries(text: str, found: list[Mention]) -> list[Mention]:
    """``found`` with each bare 本会議 read as the whole of the body named last before it (委員会で可決され、
    本会議でも…: the chamber, not its committee)."""
    out = list(found)
    for m in _PLENARY.finditer(text):
        if not _free(found, m.start(), m.end()) or (m.start() and _NAME_CHAR.match(text[m.start() - 1])):
            continue
        before = [f for f in found if f.end <= m.start()]
        if before:
            whole = _whole_body(before[-1].en)
            out.append(Mention(m.start(), m.end(), whole, m.group()))
    return sorted(out, key=lambda m: m.start)


def _whole_body(en: str) -> str:
    """The body a committee belongs to (US Senate Foreign Relations Committee → US Senate), else ``en``."""
    whole = [b for b in _sizes() if en.startswith(b + " ")]
    return max(whole, key=len) if whole else en


def _with_committee(text: str, m: Mention) -> Mention:
    """The mention with the committee named right after its chamber (米上院外交委員会, 国連総会第3委員会)."""
    c = _COMMITTEE.match(text, m.end)
    if not c or m.en.endswith("Committee"):
        return m
    name = c.group(1)
    en = committees().get((name, m.en)) or committees().get((name, ""), name)  # the chamber's own name first
    return Mention(m.start, c.end(), f"{m.en} {en}", text[m.start : c.end()])


def _org_positions(text: str) -> list[tuple[int, str]]:
    """(position, organisation pattern) of every organisation named in ``text``."""
    out = []
    for pattern in dict.fromkeys(o.org.pattern for o in organs()):
        out += [(m.start(), pattern) for m in re.finditer(pattern, text)]
    # a principal organ of the UN names the UN too (安保理で…、総会で…: the General Assembly)
    un = next((o.org.pattern for o in organs() if o.org.fullmatch("国連")), None)
    if un is not None:
        out += [(m.start(), un) for b in bodies() if b.country == "UN" for m in b.pattern.finditer(text)]
    return sorted(out)


def _bare_chamber(text: str, pos: int, word: str, named: list[Mention]) -> str | None:
    """A bare 上院/下院: the chamber of that kind named last before it, else the chamber of the country named last."""
    kind = "upper" if word == "上院" else "lower"
    of_kind = {getattr(c, kind) for c in chambers()}
    # a committee of the chamber names it too (米上院外交委員会 … 上院本会議)
    before = [m for m in named if m.start < pos and any(m.en == k or m.en.startswith(k + " ") for k in of_kind)]
    if before:
        en = before[-1].en
        return next(k for k in of_kind if en == k or en.startswith(k + " "))
    country = _country_before(text, pos) or _country_after(text, pos)
    return getattr(country, kind) if country else None


def _country_after(text: str, pos: int) -> Chamber | None:
    """The country named first after ``pos`` (a text that names its chamber before its country)."""
    best: tuple[int, Chamber] | None = None
    for c in chambers():
        hit = c.words.search(text, pos, pos + COUNTRY_CONTEXT_CHARS)
        if hit and (best is None or hit.start() < best[0]):
            best = (hit.start(), c)
    return best[1] if best else None


def _country_before(text: str, pos: int) -> Chamber | None:
    best: tuple[int, Chamber] | None = None
    for c in chambers():
        hits = list(c.words.finditer(text, max(0, pos - COUNTRY_CONTEXT_CHARS), pos))
        if hits and (best is None or hits[-1].start() > best[0]):
            best = (hits[-1].start(), c)
    return best[1] if best else None


@cache
def _outcomes() -> re.Pattern[str]:
    rows = read_table("outcomes.tsv")
    return re.compile("|".join(f"(?P<r{i}>{r['pattern']})" for i, r in enumerate(rows)))


@cache
def _outcome_results() -> tuple[str, ...]:
    return tuple(r["result"] for r in read_table("outcomes.tsv"))


def _result(text: str, start: int, end: int, skip: Sequence[tuple[int, int]]) -> tuple[str, int] | None:
    """(result, position) of the first outcome word in ``text[start:end]`` outside the ``skip`` spans (names)."""
    for m in _outcomes().finditer(text, start, end):
        if not any(s <= m.start() < e for s, e in skip):
            return _outcome_results()[int(m.lastgroup[1:])], m.start()
    return None


def by_counts(t: TallyMatch, min_for: int = 0) -> str:
    """The result the numbers give when no word states it: a veto rejects, else the body's majority rule (no
    against count given: none against)."""
    if t.vetoes:
        return "rejected"
    if t.for_ is None:
        return "unknown"
    if t.against is None:
        return "passed" if t.for_ >= max(min_for, 1) else "rejected"
    if min_for and t.for_ < min_for:
        return "rejected"
    return "passed" if t.for_ > t.against else "rejected"


@dataclass(frozen=True)
class Context:
    """What the resolver knows of the document: sentence and block bounds, names and dates."""

    sentences: Sequence[tuple[int, int]]  # (start, end), in order
    blocks: Sequence[tuple[int, int]]
    names: Sequence[tuple[int, int, str, str | None]]  # treaties and laws: start, end, text, English
    dates: Sequence[tuple[int, int, str]]  # start, end, value
    doc_date: str | None = None  # ISO YYYY-MM-DD, the document's own date


def _containing(spans: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    starts = [s for s, _ in spans]
    k = bisect_right(starts, pos) - 1
    return spans[k] if k >= 0 else (0, pos)


def _local_dates(text: str, dates: Sequence[tuple[int, int, str]]) -> dict[str, str]:
    """value → local value, for dates followed by the local day in brackets (11月7日(現地時間6日))."""
    out = {}
    for (s, e, v), nxt in pairwise(dates):
        m = _LOCAL_TIME.match(text, e)
        if m and nxt[0] == m.end() and v != nxt[2]:
            out[v] = nxt[2]
    return out


def _event_dates(text: str, dates: Sequence[tuple[int, int, str]], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Dates in ``text[lo:hi]`` that can be when something happened (not 28日より, not inside a bracket after one)."""
    out = []
    for d in dates:
        if not any(ch.isdigit() for ch in d[2]):
            continue  # この日 left unresolved (XXXX-XX-XX): no date to give
        if lo <= d[0] < hi and not _NOT_EVENT_DATE.match(text, d[1]):
            if out and _LOCAL_TIME.match(text, out[-1][1]):
                continue  # the local day in brackets: read through the date before it
            if _JAPAN_TIME.search(text, max(0, d[0] - 8), d[0]):
                continue  # 3月2日(日本時間3日未明): the vote's day is the local one
            out.append(d)
    return out


def _in_sentence_date(text: str, dates: list[tuple[int, int, str]]) -> str | None:
    """The vote's date among a sentence's dates: a main-clause one (国連総会は5日、) or the meeting's (9日の理事会で)
    first, else the first."""
    for d in dates:
        if _MAIN_CLAUSE_DATE.match(text, d[1]) or _MEETING_DATE.match(text, d[1]):
            return d[2]
    plain = [d for d in dates if not text.startswith("の", d[1])]
    return (plain or dates)[0][2] if dates else None


def _fill_year(value: str | None, doc_date: str | None) -> str | None:
    """A date whose year the text leaves open (XXXX-12-18) takes the document's year (the year before when later)."""
    if not value or not value.startswith("XXXX") or not doc_date:
        return value
    year = int(doc_date[:4])
    rest = value[4:]
    if rest[1:3].isdigit() and rest[1:3] > doc_date[5:7]:
        year -= 1
    return f"{year:04d}{rest}"


def _date(
    text: str,
    ctx: Context,
    t: TallyMatch,
    sentence: tuple[int, int, int],
    window: int,
    forward: bool,
    prev_end: int | None = None,
    others: Sequence[int] = (),
) -> str | None:
    """The date of the vote: in its sentence (before the tally, else after it: …で、7日に採択された), else in the
    sentences before it (about a vote first), else, for the first tally, in a sentence about the vote just after
    it. ``sentence``: where the tally's sentence starts, where its verb is and where it ends."""
    s_start = sentence[0]
    # in its sentence after the tally before it there (…14日、…で可決し、上院も19日に…で承認した)
    lo = max([s_start] + [m for m in (prev_end,) if m is not None and m > s_start])
    in_sentence = (
        _event_dates(text, ctx.dates, lo, t.start)
        or _event_dates(text, ctx.dates, t.end, sentence[1])
        or _event_dates(text, ctx.dates, s_start, t.start)  # 19日には…が賛成122…で、また…が賛成112…で可決された
    )
    if in_sentence:
        return _in_sentence_date(text, in_sentence)
    before = _event_dates(text, ctx.dates, max(0, min(window, s_start - DATE_CONTEXT_CHARS)), s_start)
    before = [
        d for d in before
        if not text.startswith("の", d[1]) or text.startswith("の本会議", d[1]) or _MEETING_DATE.match(text, d[1])
    ]  # fmt: skip
    about_vote = [d for d in before if _reports_vote(text, _containing(ctx.sentences, d[0]))]
    if about_vote or before:
        last = (about_vote or before)[-1]
        # in that sentence, the meeting's date (9日の理事会で、2017年3月の攻撃を非難する決議を採択) before another's
        same = [d for d in (about_vote or before) if _containing(ctx.sentences, d[0]) == _containing(ctx.sentences, last[0])]
        return next((d[2] for d in same if _MEETING_DATE.match(text, d[1])), last[2])
    if not forward:
        return None
    # nothing before it (a tally that opens the text): a sentence just after it about the vote
    after = [d for d in ctx.dates if sentence[2] <= d[0] < t.end + FORWARD_CHARS]  # not a later event's (発効)
    voted = [d for d in after if _reports_vote(text, _containing(ctx.sentences, d[0]))]
    # not a sentence that reports a vote of its own (…これに先立ち、16日、上院も…賛成77、反対18で可決)
    voted = [d for d in voted if not any(s <= o < e for o in others for s, e in [_containing(ctx.sentences, d[0])])]
    return voted[0][2] if voted else None


def _subject(text: str, ctx: Context, lo: int, hi: int) -> tuple[str | None, str | None, int] | None:
    """(Japanese, English, position) of what ``text[lo:hi]`` says was voted on: the last bill or resolution
    (決議2231, CTBT批准法案, …に関する決議) wins, with the English of the treaty it names; else the last treaty
    or law."""
    names = [(s, e, txt, en) for s, e, txt, en in ctx.names if lo <= s and e <= hi]
    # a bill may contain a name (CTBT批准法案), never lie inside one (…批准関連法)
    bills = [
        m for m in _BILL.finditer(text, lo, hi) if not any(s <= m.start() and m.end() <= e for s, e, _, _ in names)
    ]
    if bills:
        bill = bills[-1]
        inside = next((n for n in names if bill.start() <= n[0] < bill.end()), None)
        if inside:
            return bill.group(), inside[3], bill.start()
        about = next(
            (n for n in reversed(names) if n[1] <= bill.start() and bill.start() - n[1] <= 5
             and _ABOUT.search(text, n[1], bill.start())),
            None,
        )  # fmt: skip
        if about:  # 包括的核実験禁止条約(CTBT)に関する決議
            return text[about[0] : bill.end()], about[3], about[0]
        if not names or names[-1][1] <= bill.start():
            return bill.group(), None, bill.start()
    if names:
        return names[-1][2], names[-1][3], names[-1][0]
    return None


def _drop_restated(text: str, matches: list[TallyMatch], ctx: Context) -> list[TallyMatch]:
    """One record per vote: an outcome phrase (賛成多数) is dropped when counts that agree with it follow in its
    sentence, or in the next sentence when that one states no outcome and names no bill of its own."""
    starts = [s for s, _ in ctx.sentences]

    def index(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    def restates(c: TallyMatch, t: TallyMatch) -> bool:
        gap = index(t.start) - index(c.start)
        # counts with no for-count (中国とロシアが反対し、インドが棄権) do not contradict 賛成多数 in its sentence
        if gap == 0 and t.start >= c.end and by_counts(t) == "unknown":
            return True
        if by_counts(t) != c.implied or gap not in (0, 1):
            return False
        if gap == 0:
            return True
        s, e = ctx.sentences[index(t.start)]
        return _result(text, s, e, ()) is None and not _BILL.search(text, s, e)

    counted = [t for t in matches if t.counted]
    return [m for m in matches if m.counted or not any(restates(m, t) for t in counted)]


def resolve_tallies(text: str, ctx: Context, matches: list[TallyMatch] | None = None) -> list[VoteTally]:
    """Records for the tallies of ``text`` (found with :func:`find_tallies` unless given)."""
    matches = find_tallies(text) if matches is None else matches
    if not matches:
        return []
    matches = _drop_restated(text, matches, ctx)
    # a body named inside a quotation (「…国連安保理によってとられなければならない」) is what someone said, not
    # where a vote was held
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    mentions = [m for m in body_mentions(text) if not any(s < m.start and m.end < e for s, e in quoted)]
    # a treaty named inside a body's name (CWC締約国会議) is where the vote is, not what it is on
    subject_ctx = replace(ctx, names=[n for n in ctx.names if _free(mentions, n[0], n[1])])
    local = _local_dates(text, ctx.dates)
    out: list[VoteTally] = []
    prev: VoteTally | None = None
    prev_block: tuple[int, int] | None = None
    prev_counted = 0  # where the previous tally with numbers ended
    name_spans = [(s, e) for s, e, _, _ in ctx.names]
    for t in matches:
        s_start, _ = _containing(ctx.sentences, t.start)
        _, s_end = _containing(ctx.sentences, max(t.start, t.end - 1))
        block = _containing(ctx.blocks, t.start)
        # result: from the tally on in its sentence (a table row: in its row, … 163 0 8 成立); else before it in
        # its sentence (決議を採択した際は、…); else the next sentence's when that one holds no tally of its own
        # (…反対票を投じた。拒否権の行使で採択されなかった); else what the phrase states (賛成多数); else the numbers
        found_result = _result(text, t.start, t.row[1] if t.row else max(s_end, t.end), name_spans)
        if found_result is None and not t.row:
            lo_res = max([s_start] + [m.end for m in matches if m.counted and m.end <= t.start])
            found_result = _result(text, lo_res, t.start, name_spans)
            # the sentence before, when it reports the outcome and this one gives its breakdown (…否決された。
            # 賛成13、反対1、棄権1だった)
            if found_result is None and _BREAKDOWN_END.match(text, t.end) and s_start:
                pv = _containing(ctx.sentences, s_start - 1)
                if not any(pv[0] <= m.start < pv[1] for m in matches if m.counted):
                    found_result = _result(text, pv[0], pv[1], name_spans)
            nxt = next(((a, b) for a, b in ctx.sentences if a >= max(s_end, t.end)), None)
            if found_result is None and nxt is not None and not any(nxt[0] <= m.start < nxt[1] for m in matches):
                found_result = _result(text, nxt[0], nxt[1], name_spans)
        # what came before the tally when its own sentence says nothing: the paragraph, or the last
        # few hundred characters when a listed result split it into blocks
        window = min(block[0], max(0, s_start - CONTEXT_CHARS))
        # body: named between the tally and its verb (…と衆院で再可決), else the nearest before it (back to the
        # previous tally), else the previous tally's
        verb_at = found_result[1] if found_result and found_result[1] < s_end else s_end
        # (not when another tally comes before the verb: …委員会で賛成14、反対5、本会議で賛成71、反対26でそれぞれ
        # 可決 — what follows is that tally's)
        later = any(m.counted and t.end <= m.start < verb_at for m in matches)
        after = [m for m in mentions if t.end <= m.start < verb_at and _AT_BODY.match(text, m.end) and not later]
        lo = prev.end if prev is not None else window
        before = [m for m in mentions if lo <= m.start < t.start and m.end <= t.start]
        if before and before[-1].start >= s_start:
            before = [m for m in before if m.start >= s_start]  # its own sentence names it
        else:
            # not in its sentence: where a vote was reported (国連総会において採択), not a body merely mentioned
            wide = max(prev_counted, min(window, s_start - DATE_CONTEXT_CHARS))
            voted = [
                m for m in mentions
                if wide <= m.start < s_start and _reports_vote(text, _containing(ctx.sentences, m.start))
            ]  # fmt: skip
            # … else one merely mentioned, but not where a vote is only planned (…本会議において採決にかけられる予定)
            before = voted or [m for m in before if not _plans_vote(text, _containing(ctx.sentences, m.start))]
        mention = after[0] if after else _agent(text, before) if before else None
        if mention is None and t.table is not None:
            mention = _row_body(t.table.row_label)
        if mention is None and prev is None:  # a tally that opens the text: a sentence about the vote after it
            mention = next(
                (m for m in mentions if t.end <= m.start < t.end + FORWARD_CHARS
                 and _reports_vote(text, _containing(ctx.sentences, m.start))),
                None,
            )  # fmt: skip
        if mention is not None:
            body, body_ja = mention.en, mention.ja
        elif prev is not None:
            body, body_ja = prev.body, prev.body_ja
        else:  # only the organisation is named (国連で採択): it is the body; else the one the header names
            venue = _venue(text, window, min(len(text), t.end + FORWARD_CHARS)) or _header_body(text, mentions, t.start)
            body, body_ja = (venue.en, venue.ja) if venue else (None, None)
        size, min_for = _size(body)
        if found_result is not None:
            result = found_result[0]
        else:
            result = t.implied or (by_counts(t, min_for) if t.counted else "unknown")
            near = _containing(ctx.sentences, s_start - 1)[0] if s_start else 0
            if result == "unknown" and prev is not None and prev.start >= near:
                result = prev.result  # the breakdown of the vote just reported (反対はA、棄権はB)
            if result == "unknown":  # …決議を採択した。… 決議ではAとBが反対し、C国が棄権した: the vote reported before
                result = _earlier_result(text, ctx, max(prev_counted, window), s_start, name_spans) or result
        # date
        if t.table is not None:
            date = _column_date(t.table, ctx)
        elif t.row is not None:  # a table row's own date
            date = next((v for ds, de, v in ctx.dates if t.row[0] <= ds and de <= t.row[1]), None)
        else:
            # after the tally only up to its verb (…で、7日に採択され、翌年発効した: not the entry into force)
            verb = found_result[1] if found_result and t.end <= found_result[1] < s_end else t.end
            prev_end = prev.end if prev is not None else None
            others = [m.start for m in matches if m.counted and m is not t]
            date = _date(text, ctx, t, (s_start, verb, s_end), window, forward=prev is None, prev_end=prev_end,
                         others=others)  # fmt: skip
            if date is None and prev is not None and prev_block == block:
                date = prev.date
        date = local.get(date, date) if date else ctx.doc_date
        date = _fill_year(date, ctx.doc_date)
        body = _of_its_time(body, date)
        # subject: the vote's own sentence (after the previous tally in it), else the previous tally's, else
        # earlier in its paragraph
        lo_subj = max(s_start, prev.end if prev is not None and prev.end > s_start else s_start)
        subject = _subject(text, subject_ctx, lo_subj, t.start)
        if subject is None and not later and found_result and t.end <= found_result[1] < s_end:
            subject = _subject(text, subject_ctx, t.end, found_result[1])  # the object before its verb (…で報告書を採択)
        if subject is None and prev is not None and prev_block == block:
            subject = (prev.subject_ja, prev.subject_en, 0)
        if subject is None:
            subject = _subject(text, subject_ctx, max(block[0], window), s_start)
        subject_ja, subject_en = (subject[0], subject[1]) if subject else (None, None)
        tally = VoteTally(
            t.for_, t.against, t.abstain, t.other, t.total, result, body, body_ja, date, subject_ja, subject_en,
            t.text, t.start, t.end, t.start, t.end, text[s_start:s_end],
        )  # fmt: skip
        tally.notes = plausibility(tally, size)
        out.append(tally)
        prev, prev_block = tally, block
        if t.counted:
            prev_counted = t.end
    return out


def _of_its_time(body: str | None, date: str | None) -> str | None:
    """The body as it was at the vote: a "国連総会" before the UN existed (1933年…) is the League's Assembly."""
    if body == "UN General Assembly" and date and date[:4].isdigit() and int(date[:4]) < UN_FOUNDED:
        return "League of Nations Assembly"
    return body


def _earlier_result(
    text: str, ctx: Context, lo: int, hi: int, skip: Sequence[tuple[int, int]]
) -> str | None:
    """The outcome of the last sentence in ``text[lo:hi]`` that states one (a breakdown given after its vote)."""
    for s, e in reversed([(s, e) for s, e in ctx.sentences if lo <= s and e <= hi]):
        found = _result(text, s, e, skip)
        if found:
            return found[0]
    return None


def _header_body(text: str, mentions: list[Mention], pos: int) -> Mention | None:
    """The one body a document's header names (minutes headed 衆議院 本会議): the scene of all it records."""
    end = min(pos, HEADER_CHARS)
    line_ends = [i for i, c in enumerate(text[:end]) if c == "\n"]
    if len(line_ends) >= HEADER_LINES:
        end = line_ends[HEADER_LINES - 1]
    named = {m.en: m for m in mentions if m.end <= end}
    return next(iter(named.values())) if len(named) == 1 else None


def _agent(text: str, candidates: list[Mention]) -> Mention:
    """The last candidate that is the subject or place of its clause (国連総会は), else the last that does not
    merely modify a noun (…会議における合意), else the last one."""
    agents = [m for m in candidates if _AGENT.match(text, m.end)]
    free = [m for m in candidates if not _ADNOMINAL.match(text, m.end)]
    return (agents or free or candidates)[-1]


@cache
def _venues() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r["pattern"]), r["en"]) for r in read_table("org_venues.tsv"))


def _venue(text: str, lo: int, hi: int) -> Mention | None:
    """The first organisation named in ``text[lo:hi]`` as where a vote took place (``data/org_venues.tsv``)."""
    found = [Mention(m.start(), m.end(), en, m.group()) for p, en in _venues() for m in p.finditer(text, lo, hi)]
    return min(found, key=lambda m: (m.start, -m.end)) if found else None


def _row_body(label: str) -> Mention | None:
    """The body a table row's label names (米国での批准投票: the chamber that ratifies for that country)."""
    found = body_mentions(label)
    if found:
        return found[-1]
    country = _country_before(label, len(label))
    if country and country.ratifies and "批准" in label:
        return Mention(0, 0, country.ratifies, label)
    return None


def _column_date(cell: TableCell, ctx: Context) -> str | None:
    """A table tally's date: the date in its column, in the date row whose label is most like its own."""

    def shared(a: str, b: str) -> int:
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return n

    best: tuple[int, str] | None = None
    for label, s, e in cell.column:
        if label == cell.row_label or not label.endswith("日"):
            continue
        values = [v for ds, de, v in ctx.dates if s <= ds and de <= e]
        if values and (best is None or shared(label, cell.row_label) > best[0]):
            best = (shared(label, cell.row_label), values[0])
    return best[1] if best else None


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


def document_votes(document: Any, glossary: Any = None) -> list[VoteTally]:
    """Tallies of a prepared :class:`~jpnlp.document.Document`, using its entities or jpnlp's rules (and
    ``glossary``, a :class:`~jpnlp.glossary.Glossary`, for the treaty names; default: the shipped one)."""
    from .glossary import default_glossary
    from .link import link_treaty
    from .rules.dates import find_dates
    from .rules.treaties import find_treaties

    text = document.text
    doc_date = getattr(document, "doc_date", None)  # set where jpnlp.docdate is present
    if document.entities:
        names = [(e.start, e.end, e.text, e.en) for e in document.entities if e.label == "TREATY"]
        dates = [(e.start, e.end, e.value) for e in document.entities if e.label == "DATE" and e.value]
    else:
        g = glossary or default_glossary()
        names = []
        for m in find_treaties(text, g):
            link = link_treaty(m.text, g) if not m.anaphor else None
            names.append((m.start, m.end, m.text, link.en if link else None))
        # resolved as the DATE component does: a bare 19日 is in the document's month
        dates = [(d.start, d.end, d.value) for d in find_dates(text, doc_date=doc_date)]
    ctx = Context(
        sentences=[(s.start, s.end) for s in document.sentences],
        blocks=[(b.start, b.end) for b in document.blocks],
        names=names,
        dates=dates,
        doc_date=doc_date,
    )
    tallies = resolve_tallies(text, ctx)
    for t in tallies:
        t.raw_start, t.raw_end = document.raw_span(t.start, t.end)
        t.set_document(document)
    return tallies
