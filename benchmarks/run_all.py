"""Every benchmark in one command, then one table of the measured figures against the goals.

Runs, each in its own process (so that peak memory and model loading are measured alone):

* ``bench_text.py``      normalization against NFKC and neologdn; segmentation against pysbd,
                         ja_sentence_segmenter and GiNZA (quality and speed)
* ``bench_pipeline.py``  every stage against bare ``ja_ginza`` on one large document and on many small ones;
                         full and fast mode side by side
* ``bench_build.py``     ``jpnlp build`` (fast mode) at 1x, 10x and 50x the corpus with 1 and 2 workers:
                         peak memory growth and the ``--workers 2`` speed-up
* ``bench_build.py``     the same in full mode (GiNZA) at 1x and ``--full-size``x, 1 and 2 workers
* ``bench_many_docs.py`` ``jpnlp build --fast`` on ``--docs`` small documents (default 10,000)
* ``bench_memory.py``    driver and worker peak memory at 1x, 10x and 50x the corpus (fast mode): the local
                         engine against Ray with 2 actors

Each writes its JSON to benchmarks/results/; this script prints the summary and writes results/summary.json.
``--quick`` runs small sizes (a smoke test of the benchmarks, not figures to quote).

Run:  python benchmarks/run_all.py [--quick] [--skip text pipeline build build_full many]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def run(script: str, *args: str, output: str) -> dict[str, Any]:
    out = RESULTS / output
    cmd = [sys.executable, str(HERE / script), *args, "-o", str(out)]
    print(f"\n$ {' '.join(cmd[1:])}", flush=True)
    subprocess.run(cmd, check=True)
    return json.loads(out.read_text(encoding="utf-8"))


def _load(name: str) -> dict[str, Any] | None:
    p = RESULTS / name
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None


def _speedup(runs: list[dict[str, Any]], copies: int) -> float | None:
    by = {r["workers"]: r["seconds"] for r in runs if r["copies"] == copies}
    return by[1] / by[2] if 1 in by and 2 in by else None


def summary() -> list[tuple[str, str, str, str]]:
    """(figure, measured, goal, met) rows from the JSON results present."""
    rows: list[tuple[str, str, str, str]] = []

    def add(what: str, value: float | None, fmt: str, goal: str, ok: bool | None) -> None:
        shown = "not measured" if value is None else format(value, fmt)
        rows.append((what, shown, goal, "—" if ok is None else ("yes" if ok else "NO")))

    text = _load("text.json")
    if text:
        n = text["normalization"]
        add("normalization: jpnlp.normalize_with_map x NFKC", n["ratio_vs_nfkc"]["jpnlp.normalize_with_map"], ".2f", "—", None)
        add("normalization: jpnlp.normalize_with_map x neologdn", n["ratio_vs_neologdn"]["jpnlp.normalize_with_map"], ".2f", "—", None)
        for name, r in text["segmentation"]["segmenters"].items():
            add(f"segmentation gold F1: {name}", r["gold"]["f1"], ".3f", "—", None)
            if name != "jpnlp":
                add(f"segmentation speed: jpnlp x {name}", 1 / r["speed_vs_jpnlp"], ",.1f", "—", None)
    pipe = _load("pipeline.json")
    if pipe:
        cost, speed = pipe["full_cost_vs_bare"], pipe["fast_speedup_vs_bare"]
        for k, label in (("large", "one large document"), ("small", "many small documents")):
            add(f"full pipeline time x bare GiNZA ({label})", cost[k], ".2f", "<= 0.7 (#18; #13: 1.3)", cost[k] <= 0.7)
            add(f"fast mode speed x bare GiNZA ({label})", speed[k], ".1f", ">= 50", speed[k] >= 50)
        q = pipe["quality"]
        worst = max(q["full"][lab] - q["fast"][lab] for lab in ("TREATY", "LEADER", "DATE"))
        add("fast mode F1 below full mode on the gold (worst label, points)", 100 * worst, ".1f", "<= 2", worst <= 0.02)
    for name, mode in (("build.json", "fast"), ("build_full.json", "full")):
        b = _load(name)
        if not b:
            continue
        runs = b["runs"]
        ones = [r for r in runs if r["workers"] == 1]
        if len(ones) > 1:
            lo, hi = min(ones, key=lambda r: r["copies"]), max(ones, key=lambda r: r["copies"])
            growth = hi["peak_rss_mb"] / lo["peak_rss_mb"] - 1
            add(f"{mode} build: peak memory growth {lo['copies']}x -> {hi['copies']}x (%)", 100 * growth, ".1f", "< 10", growth < 0.10)
        biggest = max(r["copies"] for r in runs)
        s = _speedup(runs, biggest)
        add(f"{mode} build: --workers 2 speed-up at {biggest}x", s, ".2f", ">= 1.7", None if s is None else s >= 1.7)
    memory = _load("memory.json")
    if memory:
        for engine in ("local", "ray"):
            runs = sorted((r for r in memory["runs"] if r["engine"] == engine), key=lambda r: r["copies"])
            if len(runs) > 1:
                lo, hi = runs[0], runs[-1]
                g = hi["driver_growth_pct"]
                add(f"{engine} build: driver peak growth {lo['copies']}x -> {hi['copies']}x (%)", g, ".1f", "< 10", g < 10)
                if engine == "ray":
                    add(f"ray (2 actors) time x local at {hi['copies']}x", hi["time_vs_local"], ".2f", "—", None)
    many = _load("many_docs.json")
    if many:
        n = f"{many['documents']:,} documents"
        add(f"build --{many['mode']}: {n}, seconds", many["seconds"], ",.1f", "—", None)
        add(f"build --{many['mode']}: {n}, peak MB", many["peak_rss_mb"], ",.0f", "—", None)
        if "extract" in many:
            add(f"extract --{many['mode']} --shard-docs 1000: {n}, seconds", many["extract"]["seconds"], ",.1f", "—", None)
            add(f"extract --{many['mode']} --shard-docs 1000: {n}, peak MB", many["extract"]["peak_rss_mb"], ",.0f", "—", None)
        if "resume" in many:
            r = many["resume"]
            add("build --resume after Ctrl-C half-way: documents resumed", r["resumed_documents"], ",.0f", "—", None)
            add("build --resume after Ctrl-C half-way: seconds for the rest", r["resume_seconds"], ",.1f", "—", None)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes: check that the benchmarks run")
    ap.add_argument("--skip", nargs="*", default=[], choices=["text", "pipeline", "build", "build_full", "many", "memory"])
    ap.add_argument("--full-size", type=int, default=5, help="copies of the corpus for the full-mode build")
    ap.add_argument("--docs", type=int, default=10_000)
    args = ap.parse_args()
    RESULTS.mkdir(exist_ok=True)
    q = args.quick
    if "text" not in args.skip:
        run("bench_text.py", "--size-mb", "0.2" if q else "5", "--seg-size-mb", "0.1" if q else "1", output="text.json")
    if "pipeline" not in args.skip:
        run("bench_pipeline.py", "--mb", "0.2" if q else "5", "--ginza-copies", "1" if q else "3", output="pipeline.json")
    if "build" not in args.skip:
        sizes = ["1", "2"] if q else ["1", "10", "50"]
        run("bench_build.py", "--fast", "--sizes", *sizes, "--workers", "1", "2", output="build.json")
    if "build_full" not in args.skip:
        sizes = ["1"] if q else ["1", str(args.full_size)]
        run("bench_build.py", "--sizes", *sizes, "--workers", "1", "2", output="build_full.json")
    if "many" not in args.skip:
        run("bench_many_docs.py", "--docs", "200" if q else str(args.docs), output="many_docs.json")
    if "memory" not in args.skip:
        run("bench_memory.py", "--sizes", *(["1", "2"] if q else ["1", "10", "50"]), output="memory.json")

    rows = summary()
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"\n{'figure':{width}} {'measured':>14} {'goal':>8} {'met':>4}")
    for what, value, goal, ok in rows:
        print(f"{what:{width}} {value:>14} {goal:>8} {ok:>4}")
    (RESULTS / "summary.json").write_text(
        json.dumps([dict(zip(("figure", "measured", "goal", "met"), r)) for r in rows], indent=2) + "\n"
    )


if __name__ == "__main__":
    main()
