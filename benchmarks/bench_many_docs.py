"""Benchmark ``jpnlp build`` and ``jpnlp extract`` on many small documents (default 10,000): time, peak memory, resume.

The documents are the corpus document's paragraphs, cycled (each file one paragraph, distinct names). Each run is
a fresh process (fast mode by default, ``--full`` for GiNZA) whose own peak resident memory is reported:

1. ``jpnlp build`` on the whole directory;
2. ``jpnlp extract -o DIR --shard-docs 1000`` on it (sharded JSON Lines);
3. a build interrupted with Ctrl-C (SIGINT) half-way through, then the same command with ``--resume``: how many
   documents the journal gave back and how long the rest took.

Prints and writes benchmarks/results/many_docs.json.

Run:  python benchmarks/bench_many_docs.py [--docs 10000] [--full] [--workers 1] [--no-extract] [--no-resume]
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import run_build  # noqa: E402


def run_cli(args: list[str], interrupt_after: float | None = None) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) and output of ``jpnlp ARGS`` in a child process (SIGINT after ``interrupt_after`` s)."""
    code = (
        # A process started in the background inherits SIGINT ignored: restore Ctrl-C so that it can be interrupted.
        "import resource, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "from jpnlp.cli import app\n"
        f"sys.argv = ['jpnlp', *{args!r}]\n"
        "try:\n    app()\n"
        "finally:\n"
        "    print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if interrupt_after is not None:
        try:
            proc.wait(interrupt_after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    peak = re.search(r"PEAK (\d+)", err)
    return elapsed, int(peak.group(1)) / 1024 if peak else float("nan"), out + err.replace(peak.group(0), "") if peak else out + err


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--no-extract", action="store_true")
    ap.add_argument("--no-resume", action="store_true")
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
        mode = [] if args.full else ["--fast"]
        if not args.no_extract:
            secs, peak, err = run_cli(["extract", str(corpus), "-o", str(Path(tmp) / "records"), "--shard-docs", "1000", *mode])
            shards = sorted((Path(tmp) / "records").glob("extract-*.jsonl"))
            lines = sum(1 for p in shards for _ in p.open(encoding="utf-8"))
            result["extract"] = {"seconds": round(secs, 1), "peak_rss_mb": round(peak), "shards": len(shards),
                                 "records": lines, "docs_per_s": round(lines / secs, 1)}  # fmt: skip
        if not args.no_resume:
            cmd = ["build", str(corpus), "-o", str(Path(tmp) / "resumed"), "--workers", str(args.workers), *mode]
            cut, _, err1 = run_cli(cmd, interrupt_after=seconds / 2)
            secs, peak, err2 = run_cli([*cmd, "--resume"])
            done = re.search(r"(\d+) documents \((\d+) from the interrupted build\)", err2)
            out = next((Path(tmp) / "resumed").glob("*/build.json"), None)
            result["resume"] = {
                "interrupted_after_s": round(cut, 1),
                "interrupt_message": err1.strip(),
                "resumed_documents": int(done.group(2)) if done else 0,
                "resume_seconds": round(secs, 1), "resume_peak_rss_mb": round(peak),
                "complete": out is not None and json.loads(out.read_text())["documents"] == n_docs,
            }  # fmt: skip
    print(json.dumps(result, indent=2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
