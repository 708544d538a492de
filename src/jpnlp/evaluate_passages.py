"""Scoring jpnlp on real-text passages: mentions, DATE values, English names and vote records.

The gold is a passages file (:mod:`jpnlp.passages`).  A predicted mention matches a gold one when
their texts agree (NFKC, whitespace ignored) and their raw spans overlap; an ``alt`` span matches
too, and the second half of a split ``alt`` pair is absorbed rather than counted as spurious.
Anaphora (``同条約``) are links, not names: unmatched ones are not false positives, and nor are
VOTE spans without a number (``全会一致``).  Vote records are paired on (for, against) and compared
field by field (abstain, result, body, and date when the gold gives one).  The figures are those
of the shared development set's scorer, so both can be quoted side by side.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .evaluate import Score
from .passages import PASSAGE_LABELS, GoldEntity, GoldVote, Passage

ANAPHOR = re.compile(r"^(同|両|本|この|その|当該|右)(条約|協定|議定書|合意|声明|文書)")
NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百千]")
VOTE_FIELDS = ("abstain", "result", "body", "date")


def text_key(s: str | None) -> str:
    """Surface key: NFKC, whitespace removed (PDF spacing and width do not matter)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def en_key(s: str | None, sort_words: bool = False) -> str:
    """English-name key: case, accents, punctuation and "the" ignored; word order too with ``sort_words``."""
    s = "".join(c for c in unicodedata.normalize("NFKD", s or "") if not unicodedata.combining(c)).lower()
    s = re.sub(r"['\u2019]", "", re.sub(r"\bthe\b", " ", s))
    words = re.findall(r"[a-z0-9]+", s)
    return "".join(sorted(words) if sort_words else words)


def names_match(ours: Iterable[str | None], gold: Iterable[str | None]) -> bool:
    """Any of our English forms equals a gold one, loosely (family-name order too)."""
    ours, gold = [x for x in ours if x], [x for x in gold if x]
    for sort_words in (False, True):
        if {en_key(x, sort_words) for x in ours} & {en_key(x, sort_words) for x in gold}:
            return True
    return False


@dataclass
class PassageReport:
    """Figures over a set of passages, overall and per kind of source."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in PASSAGE_LABELS})
    by_kind: dict[str, dict[str, Score]] = field(default_factory=dict)
    passages: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    value: list[int] = field(default_factory=lambda: [0, 0])
    names: list[int] = field(default_factory=lambda: [0, 0])
    named: list[int] = field(default_factory=lambda: [0, 0])  # found TREATY/LEADER mentions with any English name
    names_by_source: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    votes: dict[str, int] = field(default_factory=lambda: {"gold": 0, "found": 0, "exact": 0, "spurious": 0})
    vote_fields: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in VOTE_FIELDS})
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def ratio(pair: list[int]) -> float | None:
            return round(pair[0] / pair[1], 4) if pair[1] else None

        def labels(scores: dict[str, Score]) -> dict[str, Any]:
            return {k: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                        "tp": s.tp, "fp": s.fp, "fn": s.fn} for k, s in scores.items()}  # fmt: skip

        return {
            "passages": sum(self.passages.values()),
            "labels": labels(self.scores),
            "date_value_accuracy": ratio(self.value),
            "name_accuracy": ratio(self.names),
            "name_coverage": ratio(self.named),
            "name_accuracy_by_source": {k: {"accuracy": ratio(v), "mentions": v[1]}
                                        for k, v in sorted(self.names_by_source.items())},
            "votes": {**self.votes, "field_exact_rate": ratio([self.votes["exact"], self.votes["gold"]]),
                      "fields": {k: ratio(v) for k, v in self.vote_fields.items()}},
            "by_kind": {k: {"passages": self.passages[k], "labels": labels(v)} for k, v in sorted(self.by_kind.items())},
        }  # fmt: skip


def _overlaps(g: GoldEntity, e: Any) -> bool:
    return g.start < e.raw_end and e.raw_start < g.end


def match_mentions(gold: list[GoldEntity], pred: list[Any]) -> tuple[list[tuple[GoldEntity, Any]], list[GoldEntity], list[Any]]:
    """Pairs, missed gold mentions and spurious predictions of one label in one passage."""
    used = [False] * len(pred)
    pairs: list[tuple[GoldEntity, Any]] = []
    missed: list[GoldEntity] = []
    keys = [{text_key(e.text), text_key(e.raw_text)} for e in pred]
    for g in gold:
        hit = next((i for i, e in enumerate(pred)
                    if not used[i] and text_key(g.text) in keys[i] and _overlaps(g, e)), None)  # fmt: skip
        if hit is None:
            alts = {text_key(a) for a in g.alt}
            for i, e in enumerate(pred):
                if not used[i] and keys[i] & alts and _overlaps(g, e):
                    if hit is None:
                        hit = i
                    else:
                        used[i] = True  # the second half of a split name and abbreviation
        if hit is None:
            missed.append(g)
            continue
        used[hit] = True
        pairs.append((g, pred[hit]))
    spurious = [e for i, e in enumerate(pred) if not used[i] and not ANAPHOR.match(text_key(e.text))]
    return pairs, missed, spurious


def _value_key(v: str | None) -> str:
    """ISO-partial value: unknown parts dropped from the end, a TIMEX3 season counts as its year."""
    v = re.sub(r"(-XX)+$", "", (v or "").strip())
    return re.sub(r"^(\d{4})-(SP|SU|FA|WI)$", r"\1", v)


def _scored(doc: Document, label: str) -> list[Any]:
    ents = [e for e in doc.entities if e.label == label]
    if label == "VOTE":  # outcome words alone (賛成多数) are not tallies; like the shared scorer, any numeral counts
        ents = [e for e in ents if NUMERAL.search(e.raw_text)]
    return ents


class PassageScorer:
    """Accumulates a :class:`PassageReport` passage by passage.

    ``english_forms(entity)`` gives every English form our side offers for a mention (its name,
    full title and the glossary entry's other English names).
    """

    def __init__(self, english_forms: Callable[[Any], list[str | None]]) -> None:
        self.report = PassageReport()
        self.english_forms = english_forms

    def add(self, passage: Passage, doc: Document) -> None:
        r = self.report
        kind = passage.kind
        r.passages[kind] += 1
        kind_scores = r.by_kind.setdefault(kind, {k: Score() for k in PASSAGE_LABELS})
        for label in PASSAGE_LABELS:
            gold = [g for g in passage.entities if g.label == label]
            pairs, missed, spurious = match_mentions(gold, _scored(doc, label))
            for s in (r.scores[label], kind_scores[label]):
                s.tp, s.fn, s.fp = s.tp + len(pairs), s.fn + len(missed), s.fp + len(spurious)
            r.errors += [f"{passage.id} {label} missed   {g.text!r}" for g in missed]
            r.errors += [f"{passage.id} {label} spurious {e.raw_text!r}" for e in spurious]
            for g, e in pairs:
                self._attributes(passage.id, g, e)
        self._votes(passage, doc)

    def _attributes(self, pid: str, g: GoldEntity, e: Any) -> None:
        r = self.report
        if g.label == "DATE" and g.value:
            ok = _value_key(e.value) == _value_key(g.value)
            r.value[0] += ok
            r.value[1] += 1
            if not ok:
                r.errors.append(f"{pid} DATE value {g.text!r}: gold {g.value} got {e.value}")
        if g.label in ("TREATY", "LEADER"):
            r.named[0] += bool(e.en)
            r.named[1] += 1
        if g.label in ("TREATY", "LEADER") and g.en:
            ok = names_match(self.english_forms(e), [g.en, *g.alt_en])
            r.names[0] += ok
            r.names[1] += 1
            by_source = r.names_by_source[getattr(e, "en_source", None) or "none"]
            by_source[0] += ok
            by_source[1] += 1
            if not ok:
                r.errors.append(f"{pid} {g.label} English {g.text!r}: gold {g.en} got {e.en}")

    def _votes(self, passage: Passage, doc: Document) -> None:
        r = self.report
        ours = list(doc.votes)
        used = [False] * len(ours)
        for gv in passage.votes:
            r.votes["gold"] += 1
            hit = next((i for i, t in enumerate(ours)
                        if not used[i] and t.for_ == gv.for_ and t.against == gv.against), None)  # fmt: skip
            if hit is None:
                r.errors.append(f"{passage.id} vote missed {gv.text!r}")
                continue
            used[hit] = True
            r.votes["found"] += 1
            checks = vote_checks(ours[hit], gv)
            for k, ok in checks.items():
                r.vote_fields[k][0] += ok
                r.vote_fields[k][1] += 1
                if not ok:
                    r.errors.append(f"{passage.id} vote {gv.text!r}: {k} gold {getattr(gv, k)} got {getattr(ours[hit], k)}")
            r.votes["exact"] += all(checks.values())
        r.votes["spurious"] += sum(1 for i, t in enumerate(ours) if not used[i] and t.for_ is not None)


def _body_match(ours: str | None, gold: str | None) -> bool:
    a, b = en_key(ours), en_key(gold)
    return a == b or bool(a and b and (a in b or b in a))


def vote_checks(ours: Any, gold: GoldVote) -> dict[str, bool]:
    """Field-by-field agreement of one paired vote record."""
    return {
        "abstain": ours.abstain == gold.abstain,
        "result": (ours.result or "unknown") == (gold.result or "unknown"),
        "body": _body_match(ours.body, gold.body),
        "date": gold.date is None or _value_key(ours.date) == _value_key(gold.date),
    }


def format_passage_report(title: str, r: PassageReport) -> str:
    d = r.to_dict()
    lines = [f"{title} ({d['passages']} passages)", f"{'label':8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for label, s in r.scores.items():
        lines.append(f"{label:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4} {s.fp:4} {s.fn:4}")
    v = d["votes"]
    fields = ", ".join(f"{k} {a}/{b}" for k, (a, b) in r.vote_fields.items())
    lines += [
        f"DATE values {_pct(r.value)}, English names {_pct(r.names)}, carried by {_pct(r.named)} of found names",
        "English names by source: " + ", ".join(f"{k} {_pct(v)}" for k, v in sorted(r.names_by_source.items())),
        f"vote records: {v['exact']}/{v['gold']} field-exact, {v['found']} found, {v['spurious']} spurious ({fields})",
        f"{'source kind':16} {'n':>3}  " + "  ".join(f"{k:>6}" for k in PASSAGE_LABELS) + "  (F1)",
    ]
    for kind, scores in sorted(r.by_kind.items()):
        cells = "  ".join(f"{s.f1:6.3f}" if s.tp + s.fn + s.fp else f"{'-':>6}" for s in scores.values())
        lines.append(f"{kind[:16]:16} {r.passages[kind]:3}  {cells}")
    return "\n".join(lines)


def _pct(pair: list[int]) -> str:
    return f"{pair[0] / pair[1]:.3f} ({pair[0]}/{pair[1]})" if pair[1] else "- (0)"


def score_passages(passages: Iterable[Passage], nlp: Any, model: str | None = None) -> PassageReport:
    """Run the pipeline ``nlp`` over every passage (as ``jpnlp extract`` reads a file) and score it;
    with ``model`` (a trained model folder) its TREATY/LEADER/DATE spans replace the rules' (as ``--model``)."""
    from .io import RawDocument
    from .pipeline import process

    glossary = nlp.get_pipe("jpnlp_linker").glossary

    def english_forms(e: Any) -> list[str | None]:
        entry = glossary.get(e.id) if e.id else None
        return [e.en, e.en_full, *((entry.en, entry.en_full, *entry.abbr) if entry else ())]

    scorer = PassageScorer(english_forms)
    for p in passages:
        scorer.add(p, process(RawDocument(p.id, p.text, "utf-8"), nlp, model=model))
    return scorer.report
