"""Benchmark ``jpnlp build`` on many small documents: time and peak memory for N documents (default 10,000).

The documents are the corpus document's paragraphs, cycled (each file one paragraph, distinct names), built in a
fresh process in fast mode by default (``--full`` for GiNZA). Prints and writes benchmarks/results/many_docs.json.

Run:  python benchmarks/bench_many_docs.py [--docs 10000] [--full] [--workers 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


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
        code = (
            "import resource; from jpnlp.dataset import build_dataset; "
            f"r = build_dataset([{str(corpus)!r}], {str(Path(tmp) / 'out')!r}, workers={args.workers}, fast={not args.full}); "
            "print(r.documents, sum(r.split_rows.values()), "
            "max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))"
        )
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        seconds = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(proc.stderr[-3000:])
        n_docs, n_rows, peak_kb = (int(x) for x in proc.stdout.split()[-3:])
    result = {
        "documents": n_docs, "sentences": n_rows, "characters": chars, "mode": "full" if args.full else "fast",
        "workers": args.workers, "seconds": round(seconds, 1), "docs_per_s": round(n_docs / seconds, 1),
        "chars_per_s": round(chars / seconds), "peak_rss_mb": round(peak_kb / 1024),
    }  # fmt: skip
    print(json.dumps(result, indent=2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
