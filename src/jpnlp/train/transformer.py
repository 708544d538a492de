"""``jpnlp train transformer``: token classification with ``transformers`` on the dataset's tokens.

Without ``--base`` a small BERT-style encoder (:class:`~.pretrain.EncoderSize`: 4 layers, hidden size
256) is initialized at random and trained with jpnlp's SentencePiece tokenizer; with ``--base PATH`` a
checkpoint on disk is fine-tuned — one from ``jpnlp train pretrain`` (masked-LM pretraining on the corpus)
or any local BERT-like checkpoint.  ``--random-init`` keeps the base's tokenizer and architecture but not
its weights: the baseline that measures what pretraining brings.  Nothing is fetched from a hub.

Labels are aligned to sub-words: the first piece of each GiNZA token carries the token's IOB2 tag, the
other pieces and the special tokens ``-100``.  A plain PyTorch loop with fixed seeds on the CPU, sized
for a silver dataset of thousands of sentences: AdamW with 10% linear warm-up and linear decay, gradient
clipping, batches of 16 sentences of at most 256 pieces, as many epochs as make about 1,200 steps (at
least one, at most 100), the cross-entropy weighted mildly towards the rare entity tags (``O`` is most
of every sentence), and the weights of the step with the best micro F1 on the validation split kept.
The model is scored on the ``gold`` split with seqeval.
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..dataset.rows import TAG_NAMES
from .metrics import Tagger, evaluate_tagger, load_rows, write_metrics

MAX_LENGTH = 256
TARGET_STEPS = 1200
VALIDATION_ROWS = 300  # enough to pick the best weights, few enough to score several times a run


def encode(tokenizer: Any, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Input ids and sub-word-aligned label ids (-100 for special tokens and non-first pieces)."""
    label_id = {t: i for i, t in enumerate(TAG_NAMES)}
    out = []
    for r in rows:
        enc = tokenizer(list(r["tokens"]), is_split_into_words=True, truncation=True, max_length=MAX_LENGTH)
        labels, prev = [], None
        for w in enc.word_ids():
            labels.append(-100 if w is None or w == prev else label_id[r["ner_tags"][w]])
            prev = w
        out.append({"input_ids": enc["input_ids"], "labels": labels})
    return out


def _batches(items: list[dict[str, Any]], size: int, pad_id: int, rng: random.Random | None = None):  # type: ignore[no-untyped-def]
    import torch

    order = list(range(len(items)))
    if rng is not None:
        rng.shuffle(order)
    for i in range(0, len(order), size):
        chunk = [items[j] for j in order[i : i + size]]
        n = max(len(c["input_ids"]) for c in chunk)
        ids = torch.tensor([c["input_ids"] + [pad_id] * (n - len(c["input_ids"])) for c in chunk])
        labels = torch.tensor([c["labels"] + [-100] * (n - len(c["labels"])) for c in chunk])
        yield ids, (ids != pad_id).long(), labels


def class_weights(items: list[dict[str, Any]], power: float) -> list[float]:
    """Per-tag loss weights ``(most frequent count / count) ** power``, at most 10 (0 means all 1)."""
    counts = Counter(x for it in items for x in it["labels"] if x != -100)
    top = max(counts.values(), default=1)
    return [min(10.0, (top / counts[i]) ** power) if counts[i] else 1.0 for i in range(len(TAG_NAMES))]


def load_base(base: Path, random_init: bool = False) -> tuple[Any, Any]:
    """Tokenizer and token-classification model from a checkpoint folder; one clear line if it cannot be."""
    from transformers import AutoConfig, AutoModelForTokenClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ..errors import CheckpointError

    if not (Path(base) / "config.json").is_file():
        raise CheckpointError(base, "not a model checkpoint on disk (no config.json); nothing is fetched from a hub")
    id2label = dict(enumerate(TAG_NAMES))
    labels = {"num_labels": len(TAG_NAMES), "id2label": id2label, "label2id": {v: k for k, v in id2label.items()}}
    hf_logging.set_verbosity_error()  # "some weights were newly initialized": the classifier, as intended
    try:
        tokenizer = AutoTokenizer.from_pretrained(str(base), local_files_only=True)
        if random_init:
            config = AutoConfig.from_pretrained(str(base), local_files_only=True, **labels)
            model = AutoModelForTokenClassification.from_config(config)
        else:
            model = AutoModelForTokenClassification.from_pretrained(
                str(base), ignore_mismatched_sizes=True, local_files_only=True, **labels
            )
    except Exception as e:  # noqa: BLE001 - a damaged or foreign checkpoint: one line, not a traceback
        first = (str(e).strip().splitlines() or [""])[0][:200]
        raise CheckpointError(base, f"cannot load the checkpoint: {type(e).__name__}: {first}") from None
    return tokenizer, model


def _scratch(data: Path, output: Path, tokenizer_dir: Path | None) -> tuple[Any, Any]:
    from transformers import AutoTokenizer, BertForTokenClassification

    from .pretrain import encoder_config
    from .tokenizer import train_tokenizer

    if tokenizer_dir is None or not (Path(tokenizer_dir) / "tokenizer.json").exists():
        tokenizer_dir = output / "tokenizer"
        train_tokenizer(tokenizer_dir, data)
    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dir))
    id2label = dict(enumerate(TAG_NAMES))
    config = encoder_config(tokenizer, num_labels=len(TAG_NAMES), id2label=id2label, label2id={v: k for k, v in id2label.items()})
    return tokenizer, BertForTokenClassification(config)


def _train_items(data: Path, tokenizer: Any) -> list[dict[str, Any]]:
    from ..errors import InputError

    _check_labels(data, "train")
    rows = load_rows(data, "train")
    if not rows:
        raise InputError(data, "the train split has no rows: nothing to train on")
    if not any(t != "O" for r in rows for t in r["ner_tags"]):
        raise InputError(data, "the train split has no entity labels (every tag is O): nothing to learn")
    return encode(tokenizer, rows)


def _check_labels(data: Path, split: str) -> None:
    """A split without an ``ner_tags`` column (a text-only dataset) or without rows is refused naming its file."""
    import pyarrow.parquet as pq

    from ..errors import InputError

    files = sorted((Path(data) / "data").glob(f"{split}-*.parquet"))
    rows = 0
    for f in files:
        try:
            meta = pq.read_metadata(f)
        except Exception as e:  # noqa: BLE001 - not Parquet at all
            raise InputError(f, f"not a readable Parquet file: {type(e).__name__}") from None
        if not {"tokens", "ner_tags"} <= set(meta.schema.to_arrow_schema().names):
            raise InputError(f, "no tokens/ner_tags columns: a dataset without labels (make one with jpnlp build)")
        rows += meta.num_rows
    if files and not rows:
        raise InputError(data, f"the {split} split has no rows: nothing to train on")


def _validation_rows(data: Path) -> list[dict[str, Any]]:
    try:
        return load_rows(data, "validation")[:VALIDATION_ROWS]
    except Exception:  # noqa: BLE001 - no validation split: keep the last weights
        return []


def train_transformer(
    data: Path,
    output: Path,
    base: Path | None = None,
    tokenizer_dir: Path | None = None,
    epochs: int | None = None,
    max_steps: int | None = None,
    batch_size: int = 16,
    learning_rate: float = 5e-4,
    seed: int = 13,
    random_init: bool = False,
    class_weight_power: float = 0.3,
    threads: int = 1,
) -> dict[str, Any]:
    """Train, save (model + tokenizer) in ``output``, score, and return the metrics."""
    import torch

    from .pretrain import linear_schedule, optimizer_step, seed_everything

    seed_everything(seed, threads)
    output.mkdir(parents=True, exist_ok=True)
    if base is not None:
        tokenizer, model = load_base(base, random_init)
    else:
        tokenizer, model = _scratch(data, output, tokenizer_dir)
    train_items = _train_items(data, tokenizer)
    per_epoch = math.ceil(len(train_items) / batch_size)
    if epochs is None:
        epochs = max(1, min(100, math.ceil(TARGET_STEPS / per_epoch)))
    total = epochs * per_epoch if max_steps is None else min(max_steps, epochs * per_epoch)
    weights = class_weights(train_items, class_weight_power)
    loss_fn = torch.nn.CrossEntropyLoss(weight=torch.tensor(weights), ignore_index=-100)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.01)
    schedule = linear_schedule(optimizer, total, warmup=0.1)
    validation = _validation_rows(data)
    check_every = max(1, total // 6) if total >= 12 else total  # a tiny run is checked once, at its end
    best: tuple[float, int, dict[str, Any] | None] = (-1.0, 0, None)
    curve: list[dict[str, Any]] = []
    rng = random.Random(seed)
    steps = 0
    started = time.perf_counter()
    model.train()
    while steps < total:
        for ids, mask, labels in _batches(train_items, batch_size, tokenizer.pad_token_id, rng):
            logits = model(input_ids=ids, attention_mask=mask).logits
            loss = loss_fn(logits.view(-1, logits.shape[-1]), labels.view(-1))
            optimizer_step(loss, model, optimizer, schedule)
            steps += 1
            if validation and (steps % check_every == 0 or steps == total):
                f1 = _f1(model, tokenizer, validation)
                curve.append({"step": steps, "loss": round(float(loss.detach()), 4), "validation_micro_f1": f1})
                if f1 > best[0]:
                    best = (f1, steps, {k: v.detach().clone() for k, v in model.state_dict().items()})
            if steps >= total:
                break
    seconds = time.perf_counter() - started
    if best[2] is not None:
        model.load_state_dict(best[2])
    model.eval()
    model.save_pretrained(str(output))
    tokenizer.save_pretrained(str(output))
    split = "gold" if any((Path(data) / "data").glob("gold-*.parquet")) else "test"
    scores = evaluate_tagger(transformer_tagger(output), load_rows(data, split))
    metrics = {
        "model": "transformer",
        "base": (f"{base} (architecture only, random weights)" if random_init else str(base)) if base else "scratch (BERT, 4 layers, hidden 256)",
        "parameters": sum(p.numel() for p in model.parameters()),
        "data": str(data),
        "eval_split": split,
        "train_rows": len(train_items),
        "epochs": epochs,
        "steps": steps,
        "batch_size": batch_size,
        "learning_rate": learning_rate,
        "class_weights": dict(zip(TAG_NAMES, (round(w, 3) for w in weights))),
        "best_step": best[1] if best[2] is not None else steps,
        "validation_curve": curve,
        "train_seconds": round(seconds, 1),
        "size_mb": round(sum(p.stat().st_size for p in output.glob("*") if p.is_file()) / 1e6, 2),
        "scores": scores,
    }
    write_metrics(output / "metrics.json", metrics)
    return metrics


def _f1(model: Any, tokenizer: Any, rows: list[dict[str, Any]]) -> float:
    model.eval()
    scores = evaluate_tagger(make_tagger(model, tokenizer), rows)
    model.train()
    return float(scores.get("micro avg", {}).get("f1-score", 0.0))


def transformer_tagger(path: Path) -> Tagger:
    """Tags from a saved token-classification model: the first piece of each token decides."""
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    from ..errors import CheckpointError

    try:
        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        model = AutoModelForTokenClassification.from_pretrained(str(path), local_files_only=True)
    except Exception as e:  # noqa: BLE001 - a damaged model folder: one line
        first = (str(e).strip().splitlines() or [""])[0][:200]
        raise CheckpointError(path, f"cannot load the model: {type(e).__name__}: {first}") from None
    model.eval()
    return make_tagger(model, tokenizer)


def make_tagger(model: Any, tokenizer: Any) -> Tagger:
    import torch

    id2label = model.config.id2label

    def tag(tokens: Sequence[str], spaces: Sequence[bool]) -> list[str]:
        if not tokens:
            return []
        enc = tokenizer(list(tokens), is_split_into_words=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
        with torch.no_grad():
            logits = model(**enc).logits[0]
        best = logits.argmax(-1).tolist()
        tags = ["O"] * len(tokens)
        prev = None
        for i, w in enumerate(enc.word_ids()):
            if w is not None and w != prev:
                tags[w] = id2label[best[i]]
            prev = w
        return _repair(tags)

    return tag


def _repair(tags: list[str]) -> list[str]:
    """Make the sequence valid IOB2: an I- that does not continue its label becomes B-."""
    out = []
    for i, t in enumerate(tags):
        if t.startswith("I-") and (i == 0 or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out
