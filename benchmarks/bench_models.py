"""Score the rules, GiNZA, every trained model and each model combined with the rules on real-text gold passages.

Per label (TREATY, LEADER, DATE, VOTE) and micro precision/recall/F1, each with a bootstrap 95% confidence
interval over passages (seeded: the same figures every run), matched as ``jpnlp eval --passages`` does; time per
system as seconds and as a ratio to the rules in the same run.  Writes JSON (default
``benchmarks/results/models.json``), which ``jpnlp train report --bench FILE`` turns into ``models/README.md``.

Run:  python benchmarks/bench_models.py PASSAGES.jsonl [...] [--models models] [--model jpnlp-ner] [-o FILE]
Develop on tests/data/real/develop.jsonl and the shared dev set; the held-out set is for final figures only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from jpnlp.errors import JpnlpError
from jpnlp.io import atomic_write
from jpnlp.models import packaged
from jpnlp.train.bench import run_bench
from jpnlp.train.report import trained_models

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("passages", nargs="+", type=Path, help="passages files (JSON Lines: text, entities with offsets)")
    ap.add_argument("--models", type=Path, default=ROOT / "models", help="folder of trained models (each with metrics.json)")
    ap.add_argument("--model", action="append", default=[], help="another model folder or packaged name (repeatable)")
    ap.add_argument("--no-combine", action="store_true", help="skip the rules+model combinations")
    ap.add_argument("--no-packaged", action="store_true", help="skip the packaged models (jpnlp-ner)")
    ap.add_argument("--resamples", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "benchmarks" / "results" / "models.json")
    a = ap.parse_args()
    models = [str(m) for m in trained_models(a.models)] + a.model + [p for p in ([] if a.no_packaged else packaged()) if p not in a.model]
    systems = ["rules", "ginza", *models, *([] if a.no_combine else [f"rules+{m}" for m in models])]
    try:
        result = run_bench(systems, a.passages, a.resamples, a.seed)
    except JpnlpError as e:
        sys.exit(f"error: {e}")
    a.output.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(a.output) as fh:
        json.dump(result, fh, ensure_ascii=False, indent=2)
    for spec, r in result["systems"].items():
        for f, s in r["scores"].items():
            m = s["micro"]
            ci = m["ci95"].get("f1", [0, 0])
            labels = "  ".join(f"{k} {s[k]['f1']:.3f}" for k in ("TREATY", "LEADER", "DATE", "VOTE"))
            print(f"{spec[:40]:40} {Path(f).name[:22]:22} {labels}  micro F1 {m['f1']:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]"
                  f"  time x{r['time_vs_rules']}")
    print(f"wrote {a.output}")


if __name__ == "__main__":
    main()
