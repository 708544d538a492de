"""The sentences a model trains on: the dataset's train and validation rows, silver and gold, as DocBins.

Every row of ``train`` and ``validation`` is used — gold (hand-made) rows and silver (the rules') rows alike
(the ``label_source`` column says which) — except, with ``min_agreement``, silver rows whose rules and
GiNZA agree less than that (``ginza_agreement``, see :mod:`jpnlp.dataset.agreement`).  Hand-annotated
passages (``extra_gold``, :mod:`.gold_rows`) join the train rows only, and the train rows may be resampled and
augmented (:mod:`.augment`); validation stays as built, so model selection sees real sentences.  Only TREATY,
LEADER and DATE are learned: tallies (VOTE) are the rules' job, and the hand-made gold does not mark them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError
from .augment import NO_MIX, Mix, mix_rows
from .gold_rows import gold_rows
from .metrics import load_rows

MODEL_LABELS = ("TREATY", "LEADER", "DATE")


def keep_row(row: dict[str, Any], min_agreement: float | None) -> bool:
    """Gold rows always; silver rows when no threshold is set or GiNZA agrees enough."""
    if min_agreement is None or row.get("label_source") == "gold":
        return True
    score = row.get("ginza_agreement")
    return score is not None and score >= min_agreement


def model_labels_only(row: dict[str, Any]) -> dict[str, Any]:
    """The row with tags and entities of other labels (VOTE) turned to ``O``."""
    tags = [t if t == "O" or t[2:] in MODEL_LABELS else "O" for t in row["ner_tags"]]
    return {**row, "ner_tags": tags, "entities": [e for e in row["entities"] if e["label"] in MODEL_LABELS]}


def write_training_data(
    data: Path,
    out: Path,
    min_agreement: float | None = None,
    extra_gold: list[Path] | None = None,
    mix: Mix = NO_MIX,
) -> dict[str, Any]:
    """``out/train.spacy`` and ``out/dev.spacy`` from the dataset (and ``extra_gold`` passages, train only,
    the train rows reshaped as ``mix`` says); returns what went in."""
    import spacy
    from spacy.tokens import DocBin

    from ..dataset.writers import row_doc

    vocab = spacy.blank("xx").vocab
    out.mkdir(parents=True, exist_ok=True)
    summary: dict[str, Any] = {"min_agreement": min_agreement, "mix": mix.to_dict()}
    extra: list[dict[str, Any]] = []
    if extra_gold:
        extra, summary["extra_gold"] = gold_rows(list(extra_gold))
    for split, name in (("train", "train.spacy"), ("validation", "dev.spacy")):
        where = Path(data) / "data" / f"{split}-*.parquet"
        rows = [model_labels_only(r) for r in [*load_rows(data, split), *(extra if split == "train" else [])]
                if r["tokens"]]  # fmt: skip
        kept = [r for r in rows if keep_row(r, min_agreement)]
        if not kept:
            raise InputError(where, f"no sentences to train on in the {split} split"
                             + (f" with --min-agreement {min_agreement}" if min_agreement is not None and rows else ""))
        labels = Counter(t[2:] for r in kept for t in r["ner_tags"] if t.startswith("B-"))
        if split == "train" and not labels:
            raise InputError(where, f"no {'/'.join(MODEL_LABELS)} labels to learn from (ner_tags are all O)")
        sources = Counter(r.get("label_source") or "silver" for r in kept)
        summary[split] = {"sentences": len(kept), "dropped_disagreeing": len(rows) - len(kept),
                          "gold": sources["gold"], "silver": sources["silver"], "entities": dict(labels)}  # fmt: skip
        if split == "train" and mix != NO_MIX:
            kept = mix_rows(kept, mix)
            summary[split]["mixed"] = {"rows": len(kept), "entities": dict(
                Counter(t[2:] for r in kept for t in r["ner_tags"] if t.startswith("B-")))}  # fmt: skip
        DocBin(docs=[row_doc(vocab, r) for r in kept], store_user_data=False).to_disk(out / name)
    return summary
