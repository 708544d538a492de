"""Benchmark ``--workers``: ``jpnlp build`` and ``jpnlp extract`` with 1 and 2 workers, and GiNZA's own ``ginza -p``.

Everything runs in ONE invocation: the shipped corpus document copied ``--copies`` times as separate documents
(distinct file names) for fast mode, ``--full-copies`` times for full mode and GiNZA (whose pipeline is ~15 times
slower); every comparison is on the same text.  Each command runs as a fresh CLI process, timed wall-clock from
start to exit (pipeline loading included, as a user sees it); the 1- and 2-worker runs of a command alternate,
so that a busy machine slows both alike, and each figure is the best of ``--repeat`` runs.  Every ratio names
its baseline, measured in this same run (CPU seconds, the command's and its workers', are listed too: a busy
machine stretches wall times, not the work done):

* ``build`` and ``extract``, fast and full mode: ``--workers 2`` against ``--workers 1`` (speed-up; the
  outputs are also checked to be byte-identical);
* ``ginza -p 2`` and ``jpnlp extract --workers 2`` (full mode: GiNZA's model plus jpnlp's rules) against
  ``ginza -p 1`` on the same files (GiNZA writes CoNLL-U, one document per input line).

Enough copies that start-up (imports, loading the pipeline), which two workers do not shorten, is a small part:
the defaults take about a quarter of an hour on two quiet cores.

Run:  python benchmarks/bench_workers.py [--copies 300] [--full-copies 30] [--repeat 1] [--modes fast full] [--no-ginza]
Writes benchmarks/results/workers.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "corpus" / "us_russia_arms_control_2000.ja.txt"
JPNLP = [sys.executable, "-m", "jpnlp"]


def make_corpus(folder: Path, copies: int) -> list[Path]:
    """``copies`` copies of the shipped document, each its own file (so its own document)."""
    folder.mkdir(parents=True)
    files = [folder / f"doc{i:05d}.txt" for i in range(copies)]
    for f in files:
        shutil.copy(DOC, f)
    return files


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the command and its workers) of one command; a failure stops the benchmark."""
    before = _children_cpu()
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    return seconds, _children_cpu() - before


def _children_cpu() -> float:
    # waited-for descendants only: a worker counts once its parent has joined it, which every command does
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def digest(path: Path) -> str:
    """One hash of a file or of every file under a folder (names and bytes)."""
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")) if path.is_dir() else [path]:
        if p.is_file():
            h.update(str(p.relative_to(path) if path.is_dir() else p.name).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def jpnlp_command(task: str, mode: str, workers: int, corpus: Path, out: Path) -> list[str]:
    fast = ["--fast"] if mode == "fast" else []
    if task == "build":
        return [*JPNLP, "build", str(corpus), "-o", str(out), "--name", "bench", "--overwrite", "--no-gold",
                "--workers", str(workers), *fast]  # fmt: skip
    return [*JPNLP, "extract", str(corpus), "-o", str(out), "--workers", str(workers), *fast]


def ginza_command(parallel: int, files: list[Path], out: Path) -> list[str]:
    ginza = shutil.which("ginza", path=str(Path(sys.executable).parent)) or shutil.which("ginza")
    if ginza is None:
        raise SystemExit("ginza: not found beside this Python or on PATH (use --no-ginza)")
    return [ginza, "-m", "ja_ginza", "-p", str(parallel), "-o", str(out), *map(str, files)]


def best(cmds: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Best (wall, CPU) seconds of each command by wall time, the commands alternating within every round."""
    times: dict[str, list[tuple[float, float]]] = {k: [] for k in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            times[name].append(timed(cmd))
            wall, cpu = times[name][-1]
            print(f"  {name}: {wall:.1f} s ({cpu:.1f} s CPU)", file=sys.stderr, flush=True)
    return {k: min(v) for k, v in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=300, help="copies of the shipped document, fast mode (default 300)")
    ap.add_argument("--full-copies", type=int, default=30, help="copies for full mode and ginza (default 30)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each command; the best counts (default 1)")
    ap.add_argument("--modes", nargs="+", choices=("fast", "full"), default=["fast", "full"])
    ap.add_argument("--no-ginza", action="store_true", help="leave out the ginza -p comparison")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "benchmarks" / "results" / "workers.json")
    args = ap.parse_args()

    runs: list[dict[str, object]] = []
    ratios: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpora = {"fast": make_corpus(tmp / "fast", args.copies), "full": make_corpus(tmp / "full", args.full_copies)}
        for task in ("build", "extract"):
            for mode in args.modes:
                outs = {w: tmp / f"{task}-{mode}-{w}" / ("" if task == "build" else "out.jsonl") for w in (1, 2)}
                cmds = {f"{task} {mode} --workers {w}": jpnlp_command(task, mode, w, tmp / mode, outs[w])
                        for w in (1, 2)}  # fmt: skip
                print(f"{task} {mode}:", file=sys.stderr)
                secs = best(cmds, args.repeat)
                same = digest(outs[1]) == digest(outs[2])
                for (name, cmd), w in zip(cmds.items(), (1, 2)):
                    runs.append({"name": name, "task": task, "mode": mode, "workers": w, "seconds": round(secs[name][0], 2),
                                 "cpu_seconds": round(secs[name][1], 2), "command": " ".join(cmd[1:])})  # fmt: skip
                one, two = secs[f"{task} {mode} --workers 1"][0], secs[f"{task} {mode} --workers 2"][0]
                ratios.append({"name": f"{task} {mode}: --workers 2", "baseline": f"{task} {mode} --workers 1",
                               "copies": len(corpora[mode]),
                               "speedup": round(one / two, 3), "identical_output": same})  # fmt: skip
        if not args.no_ginza:
            files = corpora["full"]
            cmds = {
                "ginza -p 1": ginza_command(1, files, tmp / "ginza1.conllu"),
                "ginza -p 2": ginza_command(2, files, tmp / "ginza2.conllu"),
                "jpnlp extract full --workers 2": jpnlp_command("extract", "full", 2, tmp / "full", tmp / "x.jsonl"),
            }
            print("ginza:", file=sys.stderr)
            secs = best(cmds, args.repeat)
            for name, cmd in cmds.items():
                shown = " ".join([Path(cmd[0]).name, *cmd[1:6]])  # not the list of input files
                runs.append({"name": name, "seconds": round(secs[name][0], 2), "cpu_seconds": round(secs[name][1], 2),
                             "command": shown})  # fmt: skip
            wall = {k: v[0] for k, v in secs.items()}
            for name in ("ginza -p 2", "jpnlp extract full --workers 2"):
                ratios.append({"name": name, "baseline": "ginza -p 1", "copies": len(files),
                               "speedup": round(wall["ginza -p 1"] / wall[name], 3)})  # fmt: skip
            ratios.append({"name": "jpnlp extract full --workers 2", "baseline": "ginza -p 2", "copies": len(files),
                           "speedup": round(wall["ginza -p 2"] / wall["jpnlp extract full --workers 2"], 3)})  # fmt: skip

    chars = len(DOC.read_text(encoding="utf-8"))
    print(f"{DOC.name} ({chars:,} characters) x {args.copies} (fast), x {args.full_copies} (full, ginza); "
          f"{os.cpu_count()} CPUs, best of {args.repeat}")
    print(f"{'run':<34} {'seconds':>8} {'CPU s':>8}")
    for r in runs:
        print(f"{r['name']:<34} {r['seconds']:>8} {r['cpu_seconds']:>8}")
    print(f"\n{'ratio':<34} {'baseline':<26} {'copies':>6} {'speed-up':>8}  same bytes")
    for r in ratios:
        same = {True: "yes", False: "NO"}.get(r.get("identical_output"), "")  # type: ignore[arg-type]
        print(f"{r['name']:<34} {r['baseline']:<26} {r['copies']:>6} {r['speedup']:>8}x  {same}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "copies": args.copies, "full_copies": args.full_copies, "chars_per_copy": chars, "repeat": args.repeat,
        "cpus": os.cpu_count(),
        "python": platform.python_version(), "runs": runs, "ratios": ratios,
    }  # fmt: skip
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
