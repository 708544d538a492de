"""``jpnlp train spacy``: a spaCy NER model from a built dataset, on silver and gold sentences.

Two versioned configs (``configs/``): ``scratch`` (its own small tok2vec, a few MB: the one shipped as
``jpnlp-ner``) and ``ginza`` (ja_ginza's tok2vec, sourced and frozen — GiNZA's other components are
untouched because nothing they share is updated).  The training data is the dataset's ``train`` and
``validation`` rows (see :mod:`.corpus`: gold and silver, optionally only silver GiNZA agrees with);
``spacy train`` runs on them and the model is then scored (seqeval, strict IOB2) on the ``gold`` split —
hand-made labels of sentences never trained on — or on ``test`` when there is no gold.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from . import CONFIG_DIR
from .augment import NO_MIX, Mix
from .corpus import write_training_data
from .metrics import evaluate_tagger, load_rows, spacy_tagger, write_metrics

CONFIGS = {"scratch": "spacy_ner_scratch_v2.cfg", "ginza": "spacy_ner_ginza_v2.cfg"}


def train_spacy(
    data: Path,
    output: Path,
    base: str = "ginza",
    overrides: dict[str, Any] | None = None,
    min_agreement: float | None = None,
    extra_gold: list[Path] | None = None,
    mix: Mix = NO_MIX,
) -> dict[str, Any]:
    """Train, save ``output/model-best`` and ``model-last``, score, and return the metrics."""
    from spacy.cli.init_config import fill_config
    from spacy.cli.train import train

    from ..errors import InputError

    if base not in CONFIGS:
        raise InputError(base, f"unknown base; choose one of {', '.join(CONFIGS)}")
    output = Path(output)
    corpus = write_training_data(Path(data), output / "corpus", min_agreement, extra_gold, mix)
    # spaCy's defaults fill in what the versioned config leaves out; the full config is kept with the model
    fill_config(output / "config.cfg", CONFIG_DIR / CONFIGS[base], silent=True)
    started = time.perf_counter()
    train(
        output / "config.cfg",
        output,
        overrides={
            "paths.train": str(output / "corpus" / "train.spacy"),
            "paths.dev": str(output / "corpus" / "dev.spacy"),
            **(overrides or {}),
        },
    )
    seconds = time.perf_counter() - started
    split = "gold" if any((Path(data) / "data").glob("gold-*.parquet")) else "test"
    model = output / "model-best" if (output / "model-best").exists() else output / "model-last"
    scores = evaluate_tagger(spacy_tagger(model), load_rows(data, split))
    metrics = {
        "model": "spacy",
        "config": CONFIGS[base],
        "base": base,
        "data": str(data),
        "trained_on": corpus,
        "eval_split": split,
        "train_seconds": round(seconds, 1),
        "size_mb": round(sum(p.stat().st_size for p in model.rglob("*") if p.is_file()) / 1e6, 2),
        "scores": scores,
    }
    write_metrics(output / "metrics.json", metrics)
    return metrics
