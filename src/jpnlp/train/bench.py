"""Every system on real-text gold passages: per-label and micro P/R/F1 with bootstrap confidence intervals.

A *system* is ``rules``, ``ginza`` (GiNZA's own entities, labels mapped as in :mod:`jpnlp.dataset.agreement`),
a trained model folder or packaged name (its spans in place of the rules'), or ``rules+M`` (the rules
combined with model ``M``, :mod:`jpnlp.combine`).  Mentions are matched as ``jpnlp eval --passages`` matches
them (:func:`jpnlp.evaluate_passages.match_mentions`), per passage, so the 95% intervals come from resampling
passages (a fixed seed: the same figures on every run).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..evaluate_passages import _scored, match_mentions
from ..passages import PASSAGE_LABELS, Passage

Counts = dict[str, tuple[int, int, int]]  # label → (tp, fp, fn) in one passage
NO_VOTE = ("TREATY", "LEADER", "DATE")


@dataclass
class Mention:
    """What the matcher reads of a predicted mention."""

    label: str
    raw_start: int
    raw_end: int
    text: str
    raw_text: str


def ginza_mentions(passage: Passage, nlp: Any) -> list[Mention]:
    """GiNZA's own entities of a passage, mapped to our labels, in raw offsets."""
    from ..dataset.agreement import mapped
    from ..document import prepare
    from ..io import RawDocument
    from ..pipeline import annotate

    document = prepare(RawDocument(passage.id, passage.text, "utf-8"))
    doc = annotate(document, nlp)
    out = []
    for s, e, label in sorted(mapped(doc.user_data.get("jpnlp_ginza_ents", []))):
        rs, re_ = document.raw_span(s, e)
        out.append(Mention(label, rs, re_, document.text[s:e], document.raw[rs:re_]))
    return out


def system_mentions(spec: str, passage: Passage, nlp: Any) -> list[Any]:
    if spec == "ginza":
        return ginza_mentions(passage, nlp)
    from ..io import RawDocument
    from ..pipeline import process

    doc = process(RawDocument(passage.id, passage.text, "utf-8"), nlp, model=None if spec == "rules" else spec)
    return [m for label in PASSAGE_LABELS for m in _scored(doc, label)]


def passage_counts(passage: Passage, mentions: list[Any]) -> Counts:
    out: Counts = {}
    for label in PASSAGE_LABELS:
        gold = [g for g in passage.entities if g.label == label]
        pairs, missed, spurious = match_mentions(gold, [m for m in mentions if m.label == label])
        out[label] = (len(pairs), len(spurious), len(missed))
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _sum(rows: Sequence[Counts], labels: Sequence[str]) -> tuple[int, int, int]:
    return tuple(sum(c[label][k] for c in rows for label in labels) for k in range(3))  # type: ignore[return-value]


def scores(rows: list[Counts], resamples: int = 1000, seed: int = 13) -> dict[str, Any]:
    """P/R/F1 per label, ``micro`` (all labels) and ``micro_no_vote``, each with a bootstrap 95% interval."""
    import numpy as np

    groups = {**{label: (label,) for label in PASSAGE_LABELS}, "micro": PASSAGE_LABELS, "micro_no_vote": NO_VOTE}
    rng = np.random.default_rng(seed)
    draws = [rng.integers(0, len(rows), len(rows)) for _ in range(resamples)] if rows else []
    out: dict[str, Any] = {}
    for name, labels in groups.items():
        tp, fp, fn = _sum(rows, labels)
        p, r, f = prf(tp, fp, fn)
        per = np.array([[c[label] for label in labels] for c in rows]).sum(axis=1) if rows else np.zeros((0, 3))
        boot = np.array([prf(*per[d].sum(axis=0)) for d in draws]) if rows else np.zeros((0, 3))
        ci = {k: [round(float(np.percentile(boot[:, i], 2.5)), 4), round(float(np.percentile(boot[:, i], 97.5)), 4)]
              for i, k in enumerate(("precision", "recall", "f1")) if len(boot)}  # fmt: skip
        out[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                     "tp": tp, "fp": fp, "fn": fn, "ci95": ci}  # fmt: skip
    return out


def run_bench(systems: list[str], files: list[Path], resamples: int = 1000, seed: int = 13) -> dict[str, Any]:
    """Score every system on every passages file; times are seconds and a ratio to ``rules`` in this run."""
    from ..passages import read_passages
    from ..pipeline import default_pipeline

    sets = {str(f): read_passages(f) for f in files}  # every file checked before any work
    nlp = default_pipeline()
    result: dict[str, Any] = {"seed": seed, "resamples": resamples, "passages": {f: len(p) for f, p in sets.items()},
                              "systems": {}}  # fmt: skip
    for spec in systems:
        per_file: dict[str, Any] = {}
        started = time.perf_counter()
        for f, passages in sets.items():
            per_file[f] = scores([passage_counts(p, system_mentions(spec, p, nlp)) for p in passages], resamples, seed)
        result["systems"][spec] = {"seconds": round(time.perf_counter() - started, 2), "scores": per_file}
    base = result["systems"].get("rules", {}).get("seconds")
    for r in result["systems"].values():
        r["time_vs_rules"] = round(r["seconds"] / base, 2) if base else None
    return result
