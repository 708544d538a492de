"""Scoring entities against hand-made gold: exact-span P/R/F1 per label, DATE values, English names.

Gold files follow ``corpus/annotations/GUIDELINES.md``: mentions are given by
their text and occurrence inside a gold sentence (``<doc>.entities.jsonl``
with ``<doc>.segments.jsonl``) or inside a short passage (the second test
set).  :func:`locate` turns them into character offsets of the normalized
document text; scoring then compares offsets and labels exactly.

GiNZA's own entities are scored on the same gold with its labels mapped:
``Treaty``/``Law`` → TREATY, ``Person`` → LEADER, ``Date`` → DATE.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .normalize import normalize

LABELS = ("TREATY", "LEADER", "DATE")
GINZA_LABELS = {"Treaty": "TREATY", "Law": "TREATY", "Person": "LEADER", "Date": "DATE"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    en: str | None = None
    value: str | None = None
    role: str | None = None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Per-label span scores plus value and name accuracy over correctly found spans."""

    scores: dict[str, Score] = field(default_factory=dict)
    value_right: int = 0
    value_total: int = 0
    name_right: dict[str, int] = field(default_factory=dict)
    name_total: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def name_accuracy(self, label: str) -> float:
        t = self.name_total.get(label, 0)
        return self.name_right.get(label, 0) / t if t else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.value_total if self.value_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": {
                k: {"precision": round(v.precision, 4), "recall": round(v.recall, 4), "f1": round(v.f1, 4),
                    "tp": v.tp, "fp": v.fp, "fn": v.fn}
                for k, v in self.scores.items()
            },
            "date_value_accuracy": round(self.value_accuracy, 4),
            "name_accuracy": {k: round(self.name_accuracy(k), 4) for k in self.name_total},
        }  # fmt: skip


def _same_name(a: str | None, b: str | None) -> bool:
    """Names compared without case, articles and accents (Shinzō = Shinzo)."""
    import unicodedata

    def norm(s: str | None) -> str:
        s = "".join(c for c in unicodedata.normalize("NFKD", s or "") if not unicodedata.combining(c))
        return " ".join(s.casefold().replace("the ", "").split())

    return bool(a) and norm(a) == norm(b)


def score(
    pred: Iterable[Mention],
    gold: Iterable[Mention],
    labels: Iterable[str] = LABELS,
    text: str = "",
    attributes: bool = True,
) -> Report:
    """Exact-span, exact-label scores; value/name accuracy over the true positives.

    ``text`` (the scored text) only makes the error list readable; ``attributes=False``
    scores spans only (for taggers that give no values or names, such as GiNZA).
    """
    report = Report(scores={label: Score() for label in labels})

    def show(key: tuple[int, int, str]) -> str:
        return f"{key[0]}-{key[1]} {text[key[0]:key[1]]!r}" if text else f"{key[0]}-{key[1]}"

    pred_by = {(m.start, m.end, m.label): m for m in pred if m.label in report.scores}
    gold_by = {(m.start, m.end, m.label): m for m in gold if m.label in report.scores}
    for key, g in gold_by.items():
        s = report.scores[g.label]
        p = pred_by.get(key)
        if p is None:
            s.fn += 1
            report.errors.append(f"missed   {g.label:6} {show(key)}")
            continue
        s.tp += 1
        if not attributes:
            continue
        if g.label == "DATE":
            report.value_total += 1
            report.value_right += int(p.value == g.value)
            if p.value != g.value:
                report.errors.append(f"value    {show(key)} {p.value} != {g.value}")
        elif g.en:
            report.name_total[g.label] = report.name_total.get(g.label, 0) + 1
            ok = _same_name(p.en, g.en)
            report.name_right[g.label] = report.name_right.get(g.label, 0) + int(ok)
            if not ok:
                report.errors.append(f"name     {show(key)} {p.en!r} != {g.en!r}")
    for key, p in pred_by.items():
        if key not in gold_by:
            report.scores[p.label].fp += 1
            report.errors.append(f"spurious {p.label:6} {show(key)}")
    return report


def merge(reports: Iterable[Report]) -> Report:
    out = Report()
    for r in reports:
        for k, s in r.scores.items():
            t = out.scores.setdefault(k, Score())
            t.tp, t.fp, t.fn = t.tp + s.tp, t.fp + s.fp, t.fn + s.fn
        out.value_right += r.value_right
        out.value_total += r.value_total
        for k, v in r.name_right.items():
            out.name_right[k] = out.name_right.get(k, 0) + v
        for k, v in r.name_total.items():
            out.name_total[k] = out.name_total.get(k, 0) + v
        out.errors += r.errors
    return out


def _nth(haystack: str, needle: str, n: int, start: int = 0, end: int | None = None) -> int:
    pos = start - len(needle)
    for _ in range(n + 1):
        pos = haystack.find(needle, pos + len(needle), end)
        if pos < 0:
            return -1
    return pos


def locate(text: str, base: int, end: int, item: dict[str, Any]) -> Mention:
    """The mention ``item`` (text + occurrence) inside ``text[base:end]`` as offsets of ``text``."""
    needle = normalize(item["text"])
    pos = _nth(text, needle, int(item.get("occurrence") or 0), base, end)
    if pos < 0:
        raise ValueError(f"gold mention {item['text']!r} (occurrence {item.get('occurrence', 0)}) not found")
    return Mention(pos, pos + len(needle), item["label"], item.get("en"), item.get("value"), item.get("role"))


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file; a line that is no JSON object is an :class:`InputError` naming it."""
    from .errors import InputError

    rows = []
    try:
        with Path(path).open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except ValueError:
                    raise InputError(path, f"line {n}: not JSON") from None
                if not isinstance(row, dict):
                    raise InputError(path, f"line {n}: not a JSON object")
                rows.append(row)
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(path, f"cannot read: {getattr(e, 'strerror', None) or e}") from None
    return rows


def corpus_gold(doc_text: str, segments: list[dict[str, Any]], entities: list[dict[str, Any]]) -> list[Mention]:
    """Gold mentions of a document: each gold sentence is found in order in the normalized text."""
    bounds: list[tuple[int, int]] = []
    cursor = 0
    for seg in segments:
        t = normalize(seg["text"])
        pos = doc_text.find(t, cursor)
        if pos < 0:
            raise ValueError(f"gold sentence not found in the document: {seg['text'][:30]!r}")
        bounds.append((pos, pos + len(t)))
        cursor = pos + len(t)
    return [locate(doc_text, *bounds[item["sentence"]], item) for item in entities]


def mentions_of(doc: Any) -> list[Mention]:
    """Our entities of a spaCy Doc as mentions."""
    return [Mention(e.start_char, e.end_char, e.label_, e._.en, e._.value, e._.role) for e in doc.ents]


def ginza_mentions(doc: Any) -> list[Mention]:
    """GiNZA's own entities (before jpnlp's components), labels mapped to ours."""
    return [
        Mention(e.start_char, e.end_char, GINZA_LABELS[e.label_])
        for e in doc.ents
        if e.label_ in GINZA_LABELS
    ]


def format_report(title: str, r: Report) -> str:
    lines = [title, f"{'label':8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}  name/value acc."]
    for label, s in r.scores.items():
        total = r.value_total if label == "DATE" else r.name_total.get(label, 0)
        acc = r.value_accuracy if label == "DATE" else r.name_accuracy(label)
        shown = f"{acc:.3f}" if total else "   -"
        lines.append(f"{label:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:4} {s.fp:4} {s.fn:4}  {shown}")
    return "\n".join(lines)


def evaluate_all(gold_dir: Path, corpus_dir: Path, second_set: Path | None = None) -> dict[str, Report]:
    """Rules (full and fast mode) and GiNZA on every annotated corpus document, and on the second test set."""
    from .document import prepare
    from .errors import InputError
    from .pipeline import OUR_PIPES, annotate, default_pipeline

    nlp = default_pipeline()
    fast = default_pipeline(fast=True)
    ours_names = [n for n, _ in OUR_PIPES]
    rules: list[Report] = []
    fasts: list[Report] = []
    ginza: list[Report] = []
    files = sorted(Path(gold_dir).glob("*.entities.jsonl"))
    if not files:
        raise InputError(gold_dir, "no <doc>.entities.jsonl gold files")
    for ent_file in files:
        stem = ent_file.name[: -len(".entities.jsonl")]
        seg_file = ent_file.with_name(f"{stem}.segments.jsonl")
        candidates = sorted(Path(corpus_dir).glob(f"{stem}.txt")) + sorted(Path(corpus_dir).glob(f"{stem}.*.txt"))
        if not candidates:
            raise InputError(corpus_dir, f"no document {stem}.txt or {stem}.<lang>.txt for {ent_file.name}")
        document = prepare(candidates[0])
        gold = corpus_gold(document.text, read_jsonl(seg_file), read_jsonl(ent_file))
        rules.append(score(mentions_of(annotate(document, nlp)), gold, text=document.text))
        fasts.append(score(mentions_of(annotate(document, fast)), gold, text=document.text))
        with nlp.select_pipes(disable=ours_names):
            ginza.append(score(ginza_mentions(annotate(document, nlp)), gold, text=document.text, attributes=False))
    results = {
        "rules on the corpus gold": merge(rules),
        "fast mode on the corpus gold": merge(fasts),
        "GiNZA on the corpus gold": merge(ginza),
    }
    if second_set is not None:
        r2: list[Report] = []
        f2: list[Report] = []
        g2: list[Report] = []
        for item in read_jsonl(second_set):
            document = prepare(item["text"], doc_id=item["id"], layout="plain")
            gold2 = [locate(document.text, 0, len(document.text), e) for e in item["entities"]]
            r2.append(score(mentions_of(annotate(document, nlp)), gold2, text=document.text))
            f2.append(score(mentions_of(annotate(document, fast)), gold2, text=document.text))
            with nlp.select_pipes(disable=ours_names):
                g2.append(score(ginza_mentions(annotate(document, nlp)), gold2, text=document.text, attributes=False))
        results["rules on the second set"] = merge(r2)
        results["fast mode on the second set"] = merge(f2)
        results["GiNZA on the second set"] = merge(g2)
    return results
