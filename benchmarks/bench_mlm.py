"""Benchmark MLM pretraining: does pretraining the encoder on the corpus make a better NER model?

One command: (1) build the silver dataset from the corpus (the rules' labels; skipped with ``--data``),
(2) learn the SentencePiece tokenizer and MLM-pretrain the encoder on the corpus text, (3) fine-tune it
for NER, and fine-tune the same architecture with the same tokenizer from random weights (the baseline),
(4) score both — and the rules, for reference — on real-text gold passages (entity level, per label and
micro over TREATY/LEADER/DATE) and on the dataset's gold split (seqeval).  Timings are noisy on a shared
machine; the comparison is between two models trained in the same run with the same settings.

Full size (the integrator, on the final corpus; about 1M characters: the build ~6 min, pretraining
~20-30 min, each fine-tuning ~10-15 min, scoring ~5 min, on two quiet cores)::

    python benchmarks/bench_mlm.py --corpus corpus --passages tests/data/real/develop.jsonl \\
        /work/shared/eval/dev/passages.jsonl --out benchmarks/results/mlm.json

Quick look (minutes): ``--pretrain-steps 200 --finetune-steps 200``.  Writes JSON (``--out``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", type=Path, default=[ROOT / "corpus"], help="Raw text folders (.txt, recursively).")
    ap.add_argument("--passages", nargs="+", type=Path, default=[ROOT / "tests/data/real/develop.jsonl"])
    ap.add_argument("--data", type=Path, help="A built dataset (default: build one from --corpus).")
    ap.add_argument("--work", type=Path, default=ROOT / "models" / "bench-mlm", help="Where the models go.")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/results/mlm.json")
    ap.add_argument("--pretrain-steps", type=int, default=1000)
    ap.add_argument("--pretrain-minutes", type=float, default=None, help="Stop pretraining after this long.")
    ap.add_argument("--finetune-steps", type=int, default=None, help="Cap on fine-tuning steps (default: ~1,200).")
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--threads", type=int, default=1, help="torch CPU threads (1 on a shared machine).")
    ap.add_argument("--no-rules", action="store_true", help="Do not score the rules (a reference only).")
    ap.add_argument("--workers", type=int, default=1, help="Processes for the dataset build.")
    args = ap.parse_args(argv)

    from jpnlp.dataset import build_dataset
    from jpnlp.pipeline import default_pipeline
    from jpnlp.train.passage_scores import format_scores, score_on_passages
    from jpnlp.train.pretrain import EncoderSize, pretrain
    from jpnlp.train.transformer import train_transformer

    args.work.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}

    def timed(name: str, fn, *a, **k):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        out = fn(*a, **k)
        timings[name] = round(time.perf_counter() - t, 1)
        print(f"{name}: {timings[name]} s", file=sys.stderr, flush=True)
        return out

    data = args.data
    if data is None:
        data = timed("build", build_dataset, [str(p) for p in args.corpus], args.work / "data", overwrite=True,
                     workers=args.workers).path  # fmt: skip
    size = EncoderSize(layers=args.layers, hidden=args.hidden, heads=max(1, args.hidden // 64), intermediate=4 * args.hidden)
    encoder = args.work / "encoder-mlm"
    pre = timed("pretrain", pretrain, args.corpus, encoder, size=size, steps=args.pretrain_steps, max_minutes=args.pretrain_minutes,
                threads=args.threads)
    models = {"pretrained": args.work / "ner-pretrained", "random-init": args.work / "ner-random-init"}
    tuned = {
        name: timed(f"fine-tune {name}", train_transformer, data, path, base=encoder, max_steps=args.finetune_steps,
                    random_init=name == "random-init", threads=args.threads)
        for name, path in models.items()
    }
    nlp = default_pipeline()
    passages = {
        name: timed(f"score {name}", score_on_passages, spec, args.passages, nlp)
        for name, spec in {**({} if args.no_rules else {"rules": None}), **{k: str(v) for k, v in models.items()}}.items()
    }
    for name, s in passages.items():
        print(format_scores(name, s))
    key = "all" if len(args.passages) > 1 else str(args.passages[0])
    f1 = {name: s[key]["micro"]["f1"] for name, s in passages.items()}
    result = {
        "benchmark": "mlm pretraining vs random init, same architecture, tokenizer and fine-tuning",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average": os.getloadavg()},
        "corpus": [str(p) for p in args.corpus],
        "data": str(data),
        "pretrain": {k: v for k, v in pre.items() if k != "loss_curve"} | {"loss_curve": pre["loss_curve"][:: max(1, len(pre["loss_curve"]) // 20)]},
        "fine_tune": {name: {k: m[k] for k in ("steps", "epochs", "train_rows", "best_step", "train_seconds", "scores", "eval_split")}
                      for name, m in tuned.items()},
        "passages": passages,
        "micro_f1_on_passages": f1,
        "pretrained_minus_random_init": round(f1["pretrained"] - f1["random-init"], 4),
        "seconds": timings,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"micro F1 on passages ({key}): " + ", ".join(f"{k} {v:.3f}" for k, v in f1.items()) + f"; wrote {args.out}")
    return result


if __name__ == "__main__":
    main()
