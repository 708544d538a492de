"""Benchmark the build's memory as the corpus grows: the local engine against Ray with 2 actors.

Each size is a corpus of N copies of the shipped document (distinct file names, so distinct documents). Every
build runs in a fresh subprocess (fast mode): the driver's peak resident memory is its own ``ru_maxrss``; the
workers' peak is the largest ``VmHWM`` (the kernel's per-process high-water mark) among the driver's descendant
processes that do the work — Ray's actor processes (``ray::…``), or the local pool's workers — sampled from
/proc every 0.1 s while the build runs (Linux only).  Growth is against the 1x build of the same engine in the
same run, and the time ratio is Ray's seconds over the local engine's at the same size, so the figures compare
within one run on a busy machine.

Run:  python benchmarks/bench_memory.py [--sizes 1 10 50] [--engines local ray] [--ray-workers 2]
Writes benchmarks/results/memory.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "corpus" / "us_russia_arms_control_2000.ja.txt"
SAMPLE_S = 0.1


def _proc_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of every process now running."""
    table = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue  # gone meanwhile
        ppid = int(stat.rsplit(")", 1)[1].split()[1])  # the name in parentheses may hold spaces
        table[int(d.name)] = (ppid, cmd)
    return table


def _descendants(root: int, table: dict[int, tuple[int, str]]) -> dict[int, str]:
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    out, todo = {}, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        out[pid] = table[pid][1]
        todo.extend(children.get(pid, []))
    return out


def _hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _is_worker(cmd: str, engine: str) -> bool:
    # Ray names its worker processes by what they run ("ray::_Worker.run", "ray::IDLE"); raylet, the GCS and the
    # dashboard are Ray's own services, not ours.  A local pool's workers are forks of the driver: python.
    return cmd.startswith("ray::") if engine == "ray" else "python" in cmd.split(" ", 1)[0]


def run_build(corpus: Path, out: Path, engine: str, workers: int) -> dict[str, Any]:
    """Seconds, driver and worker peak RSS (MB), documents and rows of one fast-mode build in a child process."""
    code = (
        "import resource; from jpnlp.dataset import build_dataset; "
        f"r = build_dataset([{str(corpus)!r}], {str(out)!r}, overwrite=True, workers={workers}, fast=True, "
        f"engine={engine!r}); "
        "print(r.documents, sum(r.split_rows.values()), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        for pid, cmd in _descendants(proc.pid, _proc_table()).items():
            if _is_worker(cmd, engine):
                hwm = _hwm_mb(pid)
                if hwm is not None:
                    peaks[pid] = max(peaks.get(pid, 0.0), hwm)
        time.sleep(SAMPLE_S)
    stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(stderr[-2000:])
    docs, rows, driver_kb = (int(x) for x in stdout.split()[-3:])
    return {
        "engine": engine, "workers": workers, "documents": docs, "rows": rows, "seconds": round(elapsed, 1),
        "driver_peak_mb": round(driver_kb / 1024, 1),  # ru_maxrss is in kB on Linux
        "worker_peak_mb": round(max(peaks.values()), 1) if peaks else None,
    }  # fmt: skip


def _growth(value: float | None, base: float | None) -> float | None:
    return None if value is None or not base else round(100 * (value / base - 1), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50])
    ap.add_argument("--engines", nargs="+", choices=["local", "ray"], default=["local", "ray"])
    ap.add_argument("--local-workers", type=int, default=1, help="--workers of the local engine (1: no pool)")
    ap.add_argument("--ray-workers", type=int, default=2, help="Ray actors")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "benchmarks" / "results" / "memory.json")
    args = ap.parse_args()
    if not Path("/proc/self/status").exists():
        raise SystemExit("bench_memory.py reads /proc: Linux only")
    workers = {"local": args.local_workers, "ray": args.ray_workers}
    if "ray" in args.engines and importlib.util.find_spec("ray") is None:
        print("ray is not installed (pip install 'jpnlp[ray]'): the local engine only", file=sys.stderr)
        args.engines = [e for e in args.engines if e != "ray"] or ["local"]
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(set(args.sizes)):
            corpus = Path(tmp) / f"corpus{n}"
            corpus.mkdir()
            for i in range(n):
                shutil.copy(DOC, corpus / f"doc{i:05d}.txt")
            for engine in args.engines:
                r = run_build(corpus, Path(tmp) / "out", engine, workers[engine])
                runs.append({"copies": n, **r})
                print(f"  {n}x {engine}: {r['seconds']} s", file=sys.stderr, flush=True)
    base = {e: next(r for r in runs if r["engine"] == e) for e in args.engines}  # the smallest size
    local_s = {r["copies"]: r["seconds"] for r in runs if r["engine"] == "local"}
    for r in runs:
        b = base[r["engine"]]
        r["driver_growth_pct"] = _growth(r["driver_peak_mb"], b["driver_peak_mb"])
        r["worker_growth_pct"] = _growth(r["worker_peak_mb"], b["worker_peak_mb"])
        r["time_vs_local"] = round(r["seconds"] / local_s[r["copies"]], 2) if r["copies"] in local_s else None
    print(f"{'copies':>6} {'engine':>6} {'workers':>7} {'rows':>7} {'seconds':>8} {'vs local':>8} "
          f"{'driver MB':>9} {'growth %':>8} {'worker MB':>9} {'growth %':>8}")  # fmt: skip
    for r in runs:
        cells = [r["copies"], r["engine"], r["workers"], r["rows"], r["seconds"], r["time_vs_local"],
                 r["driver_peak_mb"], r["driver_growth_pct"], r["worker_peak_mb"], r["worker_growth_pct"]]  # fmt: skip
        print(" ".join(f"{'—' if c is None else c:>{w}}" for c, w in zip(cells, (6, 6, 7, 7, 8, 8, 9, 8, 9, 8))))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "baseline": f"{min(args.sizes)}x corpus, same engine, same run",
        "fast": True,
        "sample_s": SAMPLE_S,
        "runs": runs,
    }
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
