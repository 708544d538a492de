"""A trained model scored on real-text gold passages: mentions per label and micro-averaged.

The model runs where ``jpnlp extract --model`` runs it (GiNZA tokens of each sentence of the passage;
its TREATY/LEADER/DATE spans replace the rules'), and the mentions are matched to the gold's character
offsets by :mod:`jpnlp.evaluate_passages`, the scorer of ``jpnlp eval --passages``.  The micro average
is over the labels the model decides (TREATY, LEADER, DATE): VOTE still comes from the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

MODEL_LABELS = ("TREATY", "LEADER", "DATE")


def micro(labels: dict[str, dict[str, Any]], which: Sequence[str] = MODEL_LABELS) -> dict[str, float]:
    tp = sum(labels[k]["tp"] for k in which)
    fp = sum(labels[k]["fp"] for k in which)
    fn = sum(labels[k]["fn"] for k in which)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "fp": fp, "fn": fn}  # fmt: skip


def score_on_passages(model: str | Path | None, files: Sequence[Path], nlp: Any = None) -> dict[str, Any]:
    """Per-label and micro scores of ``model`` (``None``: the rules) on every passages file, and over all."""
    from ..evaluate_passages import score_passages
    from ..passages import read_passages
    from ..pipeline import default_pipeline

    sets = {str(f): read_passages(f) for f in files}  # every file checked before any work
    nlp = nlp or default_pipeline()
    out: dict[str, Any] = {}
    for name, items in sets.items():
        labels = score_passages(items, nlp, str(model) if model is not None else None).to_dict()["labels"]
        out[name] = {"passages": len(items), "labels": labels, "micro": micro(labels)}
    if len(sets) > 1:
        total = {k: {m: sum(v["labels"][k][m] for v in out.values()) for m in ("tp", "fp", "fn")} for k in MODEL_LABELS}
        out["all"] = {"passages": sum(v["passages"] for v in out.values()), "micro": micro(total),
                      "labels": {k: micro(total, [k]) for k in MODEL_LABELS}}  # fmt: skip
    return out


def format_scores(name: str, scores: dict[str, Any]) -> str:
    lines = []
    for f, s in scores.items():
        def cell(k: str, s: dict[str, Any] = s) -> str:
            x = s["labels"][k]
            return f"{k} {x['f1']:.3f}" if x["tp"] + x["fp"] + x["fn"] else f"{k}   -  "  # no gold, none found

        cells = "  ".join(cell(k) for k in MODEL_LABELS)
        m = s["micro"]
        lines.append(f"{name} on {f} ({s['passages']} passages): {cells}  micro P {m['precision']:.3f} "
                     f"R {m['recall']:.3f} F1 {m['f1']:.3f}")  # fmt: skip
    return "\n".join(lines)
