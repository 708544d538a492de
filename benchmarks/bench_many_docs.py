"""Benchmark ``jpnlp build`` on many small documents: time and peak memory for N documents (default 10,000).

The documents are the corpus document's paragraphs, cycled (each file one paragraph, distinct names), built in a
fresh process in fast mode by default (``--full`` for GiNZA). Prints and writes benchmarks/results/many_docs.json.

Run:  python benchmarks/bench_many_docs.py [--docs 10000] [--full] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import run_build  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "benchmarks" / "results" / "many_docs.json")
    args = ap.parse_args()
    import jpnlp

    doc = jpnlp.prepare(ROOT / "corpus" / "us_russia_arms_control_2000.ja.txt")
    paragraphs = [doc.raw[b.raw_start : b.raw_end] for b in doc.blocks if b.kind == "paragraph"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        chars = 0
        for i in range(args.docs):
            text = paragraphs[i % len(paragraphs)]
            chars += len(text)
            (corpus / f"doc{i:06d}.txt").write_text(text, encoding="utf-8")
        seconds, peak_mb, n_docs, n_rows = run_build(corpus, Path(tmp) / "out", args.workers, fast=not args.full)
    result = {
        "documents": n_docs, "sentences": n_rows, "characters": chars, "mode": "full" if args.full else "fast",
        "workers": args.workers, "seconds": round(seconds, 1), "docs_per_s": round(n_docs / seconds, 1),
        "chars_per_s": round(chars / seconds), "peak_rss_mb": round(peak_mb),
    }  # fmt: skip
    print(json.dumps(result, indent=2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
