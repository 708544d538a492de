"""Benchmark every stage of the pipeline against bare GiNZA, in characters per second.

Measured in one run on the same text:

* text stages on the corpus repeated to ``--mb`` MB: layout repair, normalization, segmentation (jpnlp.prepare
  split into its stages);
* on ``--ginza-copies`` copies of the corpus (GiNZA is ~1,000x slower than the text stages): bare ``ja_ginza``
  (``nlp.pipe`` over the same sentence chunks), jpnlp's full pipeline (GiNZA + components), jpnlp's components
  alone, the fast mode (Sudachi tokens + rules + glossary), vote extraction, and the dataset writer;
* the full and fast modes' F1 on the corpus gold, side by side.

Run:  python benchmarks/bench_pipeline.py [--mb 5] [--ginza-copies 3]
Writes benchmarks/results/pipeline.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jpnlp  # noqa: E402
from jpnlp import layout  # noqa: E402
from jpnlp.evaluate import corpus_gold, mentions_of, read_jsonl, score  # noqa: E402
from jpnlp.normalize import normalize_with_map  # noqa: E402
from jpnlp.pipeline import OUR_PIPES, annotate, chunk_spans, default_pipeline  # noqa: E402
from jpnlp.segment import split_sentences  # noqa: E402

DOC = ROOT / "corpus" / "us_russia_arms_control_2000.ja.txt"
GOLD = ROOT / "corpus" / "annotations"


def timed(fn, repeat: int = 1) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--ginza-copies", type=int, default=3)
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "benchmarks" / "results" / "pipeline.json")
    args = ap.parse_args()
    raw = DOC.read_text(encoding="utf-8")
    rows: list[dict] = []

    # text stages on a large text: the corpus repeated
    big = raw * max(1, int(args.mb * 1e6 / len(raw.encode())) + 1)
    blocks = layout.repair(big, "pdf")
    t = timed(lambda: layout.repair(big, "pdf"))
    rows.append({"stage": "layout repair", "chars": len(big), "chars_per_s": len(big) / t})
    joined = [b.text for b in blocks]
    t = timed(lambda: [normalize_with_map(x) for x in joined])
    rows.append({"stage": "normalization (with offset map)", "chars": len(big), "chars_per_s": len(big) / t})
    normed = [normalize_with_map(x).text for x in joined]
    t = timed(lambda: [split_sentences(x) for x in normed])
    rows.append({"stage": "segmentation", "chars": len(big), "chars_per_s": len(big) / t})
    t = timed(lambda: jpnlp.prepare(big))
    rows.append({"stage": "prepare (all text stages)", "chars": len(big), "chars_per_s": len(big) / t})

    # the neural part on fewer copies
    text = "\n\n".join([raw] * args.ginza_copies)
    doc = jpnlp.prepare(text, layout="pdf")
    chunks = [doc.text[a:b] for a, b in chunk_spans(doc)]
    n = len(doc.text)
    full = default_pipeline()
    ours = [name for name, _ in OUR_PIPES]
    with full.select_pipes(disable=ours):
        list(full.pipe(chunks[:1]))  # warm up
        t_bare = timed(lambda: list(full.pipe(chunks)))
    base = n / t_bare
    rows.append({"stage": "bare ja_ginza (baseline)", "chars": n, "chars_per_s": base})
    t_full = timed(lambda: annotate(doc, full))
    rows.append({"stage": "jpnlp full pipeline (GiNZA + components)", "chars": n, "chars_per_s": n / t_full})
    with full.select_pipes(disable=ours):
        bare_doc = annotate(doc, full)
    from spacy.tokens import Doc

    def components_only() -> None:
        d = Doc.from_docs([bare_doc])
        d._.jpnlp_source = doc
        for name in ours:
            d = full.get_pipe(name)(d)

    t = timed(components_only)
    rows.append({"stage": "jpnlp components alone (rules, glossary, votes)", "chars": n, "chars_per_s": n / t})
    fast = default_pipeline(fast=True)
    annotate(doc, fast)
    t_fast = timed(lambda: annotate(doc, fast), repeat=3)
    rows.append({"stage": "jpnlp fast mode (Sudachi + rules + glossary)", "chars": n, "chars_per_s": n / t_fast})
    t = timed(lambda: jpnlp.extract_votes(doc), repeat=3)
    rows.append({"stage": "vote extraction (extract_votes)", "chars": n, "chars_per_s": n / t})
    for r in rows:
        r["x_bare_ginza"] = r["chars_per_s"] / base

    # quality of both modes on the corpus gold
    single = jpnlp.prepare(DOC)
    gold = corpus_gold(single.text, read_jsonl(GOLD / "us_russia_arms_control_2000.segments.jsonl"),
                       read_jsonl(GOLD / "us_russia_arms_control_2000.entities.jsonl"))  # fmt: skip
    quality = {}
    for name, nlp in (("full", full), ("fast", fast)):
        rep = score(mentions_of(annotate(single, nlp)), gold)
        quality[name] = {k: round(v.f1, 4) for k, v in rep.scores.items()}

    print(f"\n{'stage':50} {'chars':>10} {'chars/s':>12} {'x bare GiNZA':>13}")
    for r in rows:
        print(f"{r['stage']:50} {r['chars']:>10,} {r['chars_per_s']:>12,.0f} {r['x_bare_ginza']:>13.2f}")
    print(f"\nfull pipeline cost: {t_full / t_bare:.2f}x bare GiNZA (goal: at most 1.3x)")
    print(f"fast mode speed: {t_bare / t_fast:.1f}x bare GiNZA (goal: at least 50x)")
    print("F1 on the corpus gold:", json.dumps(quality))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"stages": rows, "quality": quality,
                                       "full_cost_vs_bare": t_full / t_bare, "fast_speedup_vs_bare": t_bare / t_fast},
                                      indent=2) + "\n")  # fmt: skip


if __name__ == "__main__":
    main()
