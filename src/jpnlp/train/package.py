"""Ship a trained spaCy model inside the package as ``jpnlp-ner`` (``jpnlp extract --model jpnlp-ner``).

:func:`package_model` copies a model's loadable files (config, meta, tokenizer, vocab, components; no optimizer
state, no training corpus) and its ``metrics.json`` into ``jpnlp/data/models/<name>/``, replacing the old copy
only once the new one is complete, and refuses one larger than :data:`MAX_MB` (the wheel must stay small).
:func:`release` is the one command that rebuilds the shipped model from every collected text and the gold
passages developed on.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import DEFAULT, PACKAGED

MAX_MB = 10.0


def package_model(model: Path, name: str = DEFAULT, target_root: Path = PACKAGED) -> Path:
    """Copy ``model`` (a ``jpnlp train spacy`` folder or its ``model-best``) to ``target_root/name``."""
    folder = Path(model)
    best = folder / "model-best" if (folder / "model-best" / "meta.json").is_file() else folder
    if not (best / "meta.json").is_file():
        raise InputError(folder, "not a trained spaCy model (no meta.json, nor model-best/meta.json)")
    size = sum(p.stat().st_size for p in best.rglob("*") if p.is_file()) / 1e6
    if size > MAX_MB:
        raise InputError(best, f"{size:.1f} MB: too large to ship in the package (limit {MAX_MB:.0f} MB); "
                         "package the scratch model")  # fmt: skip
    target = Path(target_root) / name
    tmp = target.with_name(f".{name}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(best, tmp)
    metrics = (best.parent if best.name == "model-best" else best) / "metrics.json"
    if metrics.is_file():
        shutil.copy2(metrics, tmp / "metrics.json")
    old = target.with_name(f".{name}.old")
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


DEVELOP = Path("tests/data/real/develop.jsonl")  # the gold passages developed on: trained on by default


def release(corpus: Path, data: Path, models: Path, exclude: list[Path], workers: int = 1,
            extra_gold: list[Path] | None = None) -> dict[str, Any]:  # fmt: skip
    """Build the full dataset (``--full``), train the scratch model on it (with ``extra_gold``, by default
    :data:`DEVELOP` where it exists, and the default training mix) and ship it as ``jpnlp-ner``."""
    from ..dataset import build_dataset
    from .augment import Mix
    from .spacy_ner import train_spacy

    built = build_dataset([corpus], data, "jpnlp-full", overwrite=(data / "jpnlp-full" / "build.json").is_file(),
                          full=True, exclude=list(exclude), workers=workers)  # fmt: skip
    gold = extra_gold if extra_gold is not None else [DEVELOP] if DEVELOP.is_file() else []
    metrics = train_spacy(built.path, models / "spacy-ner-scratch", "scratch", extra_gold=gold, mix=Mix())
    target = package_model(models / "spacy-ner-scratch")
    return {"dataset": str(built.path), "excluded": built.excluded, "model": str(target),
            "micro_f1": metrics["scores"].get("micro avg", {}).get("f1-score"),
            "size_mb": metrics["size_mb"], "meta": json.loads((target / "meta.json").read_text())["name"]}  # fmt: skip
