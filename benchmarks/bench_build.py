"""Benchmark ``jpnlp build``: time and peak memory at 1x and Nx the corpus, and the --workers speed-up.

Each size is a corpus of N copies of the shipped document (distinct file names, so distinct documents), built in
a fresh subprocess so that its peak resident memory (``ru_maxrss`` of the child) is measured alone. The 1x build
is the baseline every ratio refers to.

Run:  python benchmarks/bench_build.py [--sizes 1 20] [--workers 1 2] [--fast]
Writes benchmarks/results/build.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "corpus" / "us_russia_arms_control_2000.ja.txt"


def run_build(corpus: Path, out: Path, workers: int, fast: bool = False) -> tuple[float, float, int, int]:
    """Seconds, peak RSS (MB), documents and rows of one build in a child process."""
    code = (
        "import resource; from jpnlp.dataset import build_dataset; "
        f"r = build_dataset([{str(corpus)!r}], {str(out)!r}, overwrite=True, workers={workers}, fast={fast}); "
        "print(r.documents, sum(r.split_rows.values()), "
        "max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))"
    )
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    # the child reports its own peak (and its workers'), in kB on Linux
    docs, rows, peak_kb = (int(x) for x in proc.stdout.split()[-3:])
    return elapsed, peak_kb / 1024, docs, rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 20])
    ap.add_argument("--workers", type=int, nargs="+", default=[1])
    ap.add_argument("--fast", action="store_true", help="build in fast mode (no neural components)")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "benchmarks" / "results" / "build.json")
    args = ap.parse_args()
    chars_per_doc = len(DOC.read_text(encoding="utf-8"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.sizes):
            corpus = Path(tmp) / f"corpus{n}"
            corpus.mkdir()
            for i in range(n):
                shutil.copy(DOC, corpus / f"doc{i:05d}.txt")
            for w in args.workers:
                secs, peak, _, _ = run_build(corpus, Path(tmp) / "out", w, args.fast)
                rows.append({"copies": n, "workers": w, "chars": n * chars_per_doc, "seconds": round(secs, 1),
                             "chars_per_s": round(n * chars_per_doc / secs), "peak_rss_mb": round(peak)})  # fmt: skip
    base = next(r for r in rows if r["copies"] == min(args.sizes) and r["workers"] == min(args.workers))
    print(f"{'copies':>6} {'workers':>7} {'chars':>9} {'seconds':>8} {'chars/s':>8} {'peak MB':>8} {'x peak 1x':>9}")
    for r in rows:
        r["peak_vs_base"] = round(r["peak_rss_mb"] / base["peak_rss_mb"], 3)
        print(f"{r['copies']:>6} {r['workers']:>7} {r['chars']:>9,} {r['seconds']:>8} {r['chars_per_s']:>8,} "
              f"{r['peak_rss_mb']:>8} {r['peak_vs_base']:>9}")  # fmt: skip
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps({"baseline": "1x corpus, 1 worker", "fast": args.fast, "runs": rows}, indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
