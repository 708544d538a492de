"""``jpnlp train transformer``: token classification with ``transformers`` on the dataset's tokens.

Without ``--base`` a small BERT-style encoder (2 layers, hidden size 128: a
few million parameters at most) is initialized from a config and trained
from scratch with jpnlp's SentencePiece tokenizer; with ``--base PATH`` a
pretrained checkpoint on disk is fine-tuned.  Nothing is fetched from a hub.

Labels are aligned to sub-words: the first piece of each GiNZA token carries
the token's IOB2 tag, the other pieces and the special tokens ``-100``.  A
plain PyTorch loop with fixed seeds (the same run gives the same metrics) on
the CPU; the model is scored on the ``gold`` split with seqeval.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..dataset.rows import TAG_NAMES
from .metrics import Tagger, evaluate_tagger, load_rows, write_metrics

MAX_LENGTH = 256


def _seed(seed: int) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


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


def train_transformer(
    data: Path,
    output: Path,
    base: Path | None = None,
    tokenizer_dir: Path | None = None,
    epochs: int = 100,
    max_steps: int | None = None,
    batch_size: int = 8,
    learning_rate: float = 1e-3,
    seed: int = 13,
) -> dict[str, Any]:
    """Train, save (model + tokenizer) in ``output``, score, and return the metrics."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer, BertConfig, BertForTokenClassification

    from ..errors import InputError
    from .tokenizer import train_tokenizer

    if base is not None and not (Path(base) / "config.json").is_file():
        raise InputError(base, "not a model checkpoint on disk (no config.json); nothing is fetched from a hub")
    _seed(seed)
    id2label = dict(enumerate(TAG_NAMES))
    label2id = {v: k for k, v in id2label.items()}
    output.mkdir(parents=True, exist_ok=True)
    if base is not None:
        tokenizer = AutoTokenizer.from_pretrained(str(base), local_files_only=True)
        model = AutoModelForTokenClassification.from_pretrained(
            str(base), num_labels=len(TAG_NAMES), id2label=id2label, label2id=label2id,
            ignore_mismatched_sizes=True, local_files_only=True,
        )  # fmt: skip
    else:
        if tokenizer_dir is None or not (Path(tokenizer_dir) / "tokenizer.json").exists():
            tokenizer_dir = output / "tokenizer"
            train_tokenizer(tokenizer_dir, data)
        tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dir))
        config = BertConfig(
            vocab_size=len(tokenizer), hidden_size=128, num_hidden_layers=2, num_attention_heads=2,
            intermediate_size=256, max_position_embeddings=MAX_LENGTH + 2, pad_token_id=tokenizer.pad_token_id,
            num_labels=len(TAG_NAMES), id2label=id2label, label2id=label2id,
        )  # fmt: skip
        model = BertForTokenClassification(config)
    train_items = encode(tokenizer, load_rows(data, "train"))
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
    rng = random.Random(seed)
    steps = 0
    started = time.perf_counter()
    model.train()
    for _ in range(epochs):
        for ids, mask, labels in _batches(train_items, batch_size, tokenizer.pad_token_id, rng):
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
            steps += 1
            if max_steps is not None and steps >= max_steps:
                break
        if max_steps is not None and steps >= max_steps:
            break
    seconds = time.perf_counter() - started
    model.eval()
    model.save_pretrained(str(output))
    tokenizer.save_pretrained(str(output))
    split = "gold" if any((Path(data) / "data").glob("gold-*.parquet")) else "test"
    scores = evaluate_tagger(transformer_tagger(output), load_rows(data, split))
    metrics = {
        "model": "transformer",
        "base": str(base) if base else "scratch (BERT, 2 layers, hidden 128)",
        "parameters": sum(p.numel() for p in model.parameters()),
        "data": str(data),
        "eval_split": split,
        "steps": steps,
        "train_seconds": round(seconds, 1),
        "size_mb": round(sum(p.stat().st_size for p in output.glob("*") if p.is_file()) / 1e6, 2),
        "scores": scores,
    }
    write_metrics(output / "metrics.json", metrics)
    return metrics


def transformer_tagger(path: Path) -> Tagger:
    """Tags from a saved token-classification model: the first piece of each token decides."""
    import torch
    from transformers import AutoModelForTokenClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(path))
    model = AutoModelForTokenClassification.from_pretrained(str(path))
    model.eval()
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
