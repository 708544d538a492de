"""``jpnlp train pretrain``: masked-language-model pretraining of a small encoder on raw corpus text.

Both halves are learned from the corpus: a SentencePiece unigram tokenizer (:mod:`.tokenizer`) on the
normalized sentences of every ``.txt`` file under ``--corpus``, then a BERT-style encoder
(``BertForMaskedLM``) on the same sentences, packed document by document into blocks of ``seq_len``
pieces.  Japanese has no spaces, so there are no words to mask whole; *span masking* (SpanBERT) takes
their place: spans of 1–5 consecutive pieces (geometric lengths, mean about 2.3) are chosen until 15% of
the pieces of a block are covered, and of those 80% become ``<mask>``, 10% a random piece, 10% stay.
A treaty name or a date is several pieces, so the model must rebuild it from the context rather than
from its own other half.

The checkpoint (model, tokenizer, ``pretrain_metrics.json``) is what ``jpnlp train transformer --base``
fine-tunes; ``steps=0`` saves the same architecture with random weights (the baseline without
pretraining).  Fixed seeds: the same corpus and settings give the same checkpoint.

CPU budget (the defaults): 4 layers, hidden size 256, 4 heads (about 4M parameters with 8,000 pieces),
blocks of 128 pieces, batches of 16 blocks, 1,000 steps at a learning rate of 5e-4 (6% warm-up, then linear
decay).  That is 16,000 blocks ≈ 2M pieces: about three passes over 1M characters (≈ 0.65M pieces).  A step is
about 45 GFLOP (the vocabulary projection only at the masked 15%), so roughly 1–1.5 s and 20–25 minutes on two
quiet cores.  Measured on a shared machine (load average about 10, one thread): a 2-layer, hidden-128 encoder did
800 steps in 262 s; the default has about four times the work a step.  ``max_minutes`` stops earlier (recorded).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

METRICS_FILE = "pretrain_metrics.json"
MASK_RATE = 0.15
MAX_SPAN = 5
SPAN_P = 0.4  # geometric span lengths, clipped at MAX_SPAN


@dataclass(frozen=True)
class EncoderSize:
    """The encoder's shape; the same for the pretrained model and for the baseline trained from scratch."""

    layers: int = 4
    hidden: int = 256
    heads: int = 4
    intermediate: int = 1024
    max_positions: int = 512  # fine-tuning reads sentences of up to 256 pieces


def encoder_config(tokenizer: Any, size: EncoderSize = EncoderSize(), **extra: Any) -> Any:
    from transformers import BertConfig

    return BertConfig(
        vocab_size=len(tokenizer), hidden_size=size.hidden, num_hidden_layers=size.layers,
        num_attention_heads=size.heads, intermediate_size=size.intermediate,
        max_position_embeddings=size.max_positions, pad_token_id=tokenizer.pad_token_id, **extra,
    )  # fmt: skip


def seed_everything(seed: int, threads: int = 1) -> None:
    """Fixed seeds and a fixed number of CPU threads.  One thread by default: on a machine whose cores are
    shared, torch's OpenMP threads wait on each other and a step took 10-15 times longer with two threads than
    with one (measured at a load average of 10 on two cores); pass more on a quiet machine."""
    import numpy as np
    import torch

    torch.set_num_threads(max(1, threads))
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)


def pack(tokenizer: Any, docs: Iterable[list[str]], seq_len: int) -> list[list[int]]:
    """Blocks of at most ``seq_len`` ids (``<s>`` … ``</s>``): whole sentences of one document, in order;
    a sentence longer than a block is cut."""
    room = seq_len - 2
    blocks: list[list[int]] = []
    for sentences in docs:
        current: list[int] = []
        for ids in tokenizer(sentences, add_special_tokens=False)["input_ids"] if sentences else []:
            while ids:
                if current and len(current) + len(ids) > room:
                    blocks.append(current)
                    current = []
                take, ids = ids[:room], ids[room:]
                current = current + take
        if current:
            blocks.append(current)
    return [[tokenizer.cls_token_id, *b, tokenizer.sep_token_id] for b in blocks]


def span_mask(ids: Sequence[int], rng: random.Random, mask_id: int, vocab: int, specials: set[int]) -> tuple[list[int], list[int]]:
    """Input ids with 15% of the pieces masked in spans, and the labels (-100 where nothing is predicted)."""
    positions = [i for i, t in enumerate(ids) if t not in specials]
    budget = max(1, round(MASK_RATE * len(positions)))
    chosen: set[int] = set()
    for _ in range(10 * budget):
        if len(chosen) >= budget or not positions:
            break
        length = 1
        while length < MAX_SPAN and rng.random() > SPAN_P:
            length += 1
        start = rng.randrange(len(positions))
        for p in positions[start : start + min(length, budget - len(chosen))]:
            chosen.add(p)
    inputs, labels = list(ids), [-100] * len(ids)
    for p in sorted(chosen):
        labels[p] = ids[p]
        r = rng.random()
        if r < 0.8:
            inputs[p] = mask_id
        elif r < 0.9:
            inputs[p] = rng.randrange(vocab)
    return inputs, labels


def _batch(blocks: list[list[int]], rng: random.Random, tok: Any) -> tuple[Any, Any, Any]:
    import torch

    specials = {tok.cls_token_id, tok.sep_token_id, tok.pad_token_id}
    pairs = [span_mask(b, rng, tok.mask_token_id, len(tok), specials) for b in blocks]
    n = max(len(b) for b in blocks)
    ids = torch.tensor([i + [tok.pad_token_id] * (n - len(i)) for i, _ in pairs])
    labels = torch.tensor([lab + [-100] * (n - len(lab)) for _, lab in pairs])
    mask = torch.tensor([[1] * len(b) + [0] * (n - len(b)) for b in blocks])
    return ids, mask, labels


def linear_schedule(optimizer: Any, total: int, warmup: float = 0.06) -> Any:
    import torch

    w = max(1, int(warmup * total))
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min((s + 1) / w, max(0.0, (total - s) / max(1, total - w))))


def optimizer_step(loss: Any, model: Any, optimizer: Any, schedule: Any) -> None:
    """One update, as pretraining and fine-tuning both take it: gradients clipped to norm 1, then the schedule."""
    import torch

    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    schedule.step()
    optimizer.zero_grad()


def mlm_loss(model: Any, ids: Any, mask: Any, labels: Any) -> Any:
    """Cross-entropy at the masked positions only: the vocabulary projection is computed for those 15%,
    not for every position (a quarter of a step's work with 8,000 pieces)."""
    import torch

    hidden = model.bert(input_ids=ids, attention_mask=mask).last_hidden_state
    where = labels != -100
    return torch.nn.functional.cross_entropy(model.cls(hidden[where]), labels[where])


def _held_out_loss(model: Any, batches: list[tuple[Any, Any, Any]]) -> float:
    import torch

    model.eval()
    with torch.no_grad():
        losses = [float(mlm_loss(model, i, m, lab)) for i, m, lab in batches]
    model.train()
    return round(sum(losses) / len(losses), 4)


def pretrain(
    corpus: Sequence[Path],
    output: Path,
    tokenizer_dir: Path | None = None,
    size: EncoderSize = EncoderSize(),
    steps: int = 1000,
    seq_len: int = 128,
    batch_size: int = 16,
    learning_rate: float = 5e-4,
    vocab_size: int = 8000,
    max_minutes: float | None = None,
    seed: int = 13,
    threads: int = 1,
) -> dict[str, Any]:
    """Learn the tokenizer (unless ``tokenizer_dir``) and pretrain the encoder; save both in ``output``."""
    import torch
    from transformers import AutoTokenizer, BertForMaskedLM

    from ..errors import InputError
    from .corpus_text import describe_paths, documents
    from .tokenizer import train_tokenizer

    seed_everything(seed, threads)
    started = time.perf_counter()
    docs = [(f, s) for f, s in documents(corpus) if s]
    if not docs:
        raise InputError(describe_paths(corpus), "no text to pretrain on (no non-empty .txt file)")
    chars = sum(len(x) for _, s in docs for x in s)
    output.mkdir(parents=True, exist_ok=True)
    if tokenizer_dir is None:
        info = train_tokenizer(output, vocab_size=vocab_size, seed=seed, lines=[x for _, s in docs for x in s])
        tokenizer = AutoTokenizer.from_pretrained(str(output))
    else:
        tokenizer = _load_tokenizer(tokenizer_dir)
        info = {"from": str(tokenizer_dir), "vocab_size": len(tokenizer)}
    rng = random.Random(seed)
    blocks = pack(tokenizer, [s for _, s in docs], seq_len)
    rng.shuffle(blocks)
    n_held = min(64, len(blocks) // 20)  # a fixed 5% (at most 64 blocks) to watch over-fitting
    held, train = blocks[:n_held], blocks[n_held:] or blocks
    held_batches = [_batch(held[i : i + batch_size], random.Random(seed + 1), tokenizer) for i in range(0, n_held, batch_size)]
    model = BertForMaskedLM(encoder_config(tokenizer, size))
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.01)
    schedule = linear_schedule(optimizer, max(1, steps))
    log_every = max(1, steps // 50)
    curve: list[dict[str, Any]] = []
    order: list[int] = []
    done, window, stopped = 0, [], None
    model.train()
    while done < steps:
        if len(order) < batch_size:
            more = list(range(len(train)))
            rng.shuffle(more)
            order += more
        picked, order = order[:batch_size], order[batch_size:]
        ids, mask, labels = _batch([train[j] for j in picked], rng, tokenizer)
        loss = mlm_loss(model, ids, mask, labels)
        optimizer_step(loss, model, optimizer, schedule)
        done += 1
        window.append(float(loss.detach()))
        if done % log_every == 0 or done == steps:
            point = {"step": done, "loss": round(sum(window) / len(window), 4), "seconds": round(time.perf_counter() - started, 1)}
            if held_batches and (done % (log_every * 10) == 0 or done == steps):
                point["held_out_loss"] = _held_out_loss(model, held_batches)
            curve.append(point)
            window = []
        if max_minutes is not None and time.perf_counter() - started > 60 * max_minutes:
            stopped = f"max_minutes={max_minutes}"
            break
    seconds = time.perf_counter() - started
    model.save_pretrained(str(output))
    tokenizer.save_pretrained(str(output))
    metrics = {
        "model": "encoder-mlm",
        "objective": f"masked LM, span masking over SentencePiece pieces ({MASK_RATE:.0%}, spans 1-{MAX_SPAN}, 80/10/10)",
        "corpus": [str(p) for p in corpus],
        "documents": len(docs),
        "characters": chars,
        "blocks": len(blocks),
        "pieces": sum(len(b) for b in blocks),
        "tokenizer": info,
        "size": asdict(size),
        "parameters": sum(p.numel() for p in model.parameters()),
        "seq_len": seq_len,
        "batch_size": batch_size,
        "learning_rate": learning_rate,
        "steps": done,
        "requested_steps": steps,
        "stopped_early": stopped,
        "epochs": round(done * batch_size / max(1, len(train)), 2),
        "seed": seed,
        "threads": threads,
        "train_seconds": round(seconds, 1),
        "held_out_loss": _held_out_loss(model, held_batches) if held_batches else None,
        "loss_curve": curve,
    }
    (output / METRICS_FILE).write_text(json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return metrics


def _load_tokenizer(path: Path) -> Any:
    from transformers import AutoTokenizer

    from ..errors import InputError

    if not (Path(path) / "tokenizer.json").is_file():
        raise InputError(path, "not a tokenizer folder (no tokenizer.json): make one with jpnlp train tokenizer")
    try:
        return AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    except Exception as e:  # noqa: BLE001 - a damaged tokenizer file: one line
        raise InputError(path, f"cannot load the tokenizer: {type(e).__name__}: {_first_line(e)}") from None


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [""])[0][:200]


def load_checkpoint(path: Path) -> dict[str, Any]:
    """The pretraining record of a checkpoint, or {} when it was not made by :func:`pretrain`."""
    f = Path(path) / METRICS_FILE
    return json.loads(f.read_text(encoding="utf-8")) if f.is_file() else {}


def mask_fill_check(path: Path, text: str) -> list[str]:
    """The pieces the model predicts for ``<mask>`` in ``text`` (a smoke test of a saved checkpoint)."""
    import torch
    from transformers import AutoTokenizer, BertForMaskedLM

    tok = AutoTokenizer.from_pretrained(str(path))
    model = BertForMaskedLM.from_pretrained(str(path))
    model.eval()
    enc = tok(text, return_tensors="pt")
    with torch.no_grad():
        logits = model(**enc).logits[0]
    where = (enc["input_ids"][0] == tok.mask_token_id).nonzero().flatten().tolist()
    return [tok.convert_ids_to_tokens(int(logits[i].argmax())) for i in where]

