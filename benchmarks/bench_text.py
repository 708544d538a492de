"""Benchmark the text stages: normalization and sentence segmentation.

Prints a table and writes ``benchmarks/results/text.json``.  Every figure
is measured in this run, next to its baseline on the same input:

* normalization throughput (MB/s of UTF-8 input) for ``jpnlp.normalize``
  (text only and with the offset map) against ``unicodedata.normalize('NFKC')``
  and ``neologdn.normalize``, on the corpus repeated to at least 5 MB;
* segmentation quality — exact-sentence precision/recall/F1 on the
  hand-checked gold of the corpus document and on the hand-written hard
  cases of ``tests/test_segment.py`` — and speed (characters/s), for jpnlp,
  pysbd, ja_sentence_segmenter and GiNZA's sentence boundaries.  Every
  segmenter gets the same input: the repaired, normalized blocks.

Run:  python benchmarks/bench_text.py [--size-mb 5] [--no-ginza]
Needs the ``bench`` extra: pip install -e '.[bench]'
"""

from __future__ import annotations

import argparse
import functools
import json
import platform
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.test_segment (the hard cases)

import jpnlp
from jpnlp.normalize import normalize, normalize_with_map
from jpnlp.segment import split_sentences
from tests.test_segment import HARD_CASES

CORPUS_DOC = ROOT / "corpus" / "us_russia_arms_control_2000.ja.txt"
GOLD = ROOT / "corpus" / "annotations" / "us_russia_arms_control_2000.segments.jsonl"
Segmenter = Callable[[str], list[str]]


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


# -- normalization ---------------------------------------------------------


def bench_normalize(size_mb: float) -> dict[str, object]:
    import neologdn

    raw = CORPUS_DOC.read_text(encoding="utf-8")
    reps = max(1, int(size_mb * 1e6 / len(raw.encode("utf-8"))) + 1)
    text = raw * reps
    nbytes = len(text.encode("utf-8"))
    # neologdn works line by line in C; give it the same text.
    candidates: dict[str, Callable[[], object]] = {
        "jpnlp.normalize": lambda: normalize(text),
        "jpnlp.normalize_with_map": lambda: normalize_with_map(text),
        "NFKC (unicodedata)": lambda: unicodedata.normalize("NFKC", text),
        "neologdn.normalize": lambda: neologdn.normalize(text),
    }
    rows = {name: nbytes / best_of(fn) / 1e6 for name, fn in candidates.items()}
    nfkc = rows["NFKC (unicodedata)"]
    neo = rows["neologdn.normalize"]
    return {
        "input_mb": round(nbytes / 1e6, 2),
        "mb_per_s": {k: round(v, 2) for k, v in rows.items()},
        "ratio_vs_nfkc": {k: round(v / nfkc, 2) for k, v in rows.items()},
        "ratio_vs_neologdn": {k: round(v / neo, 2) for k, v in rows.items()},
    }


# -- segmentation ----------------------------------------------------------


def ours(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def make_pysbd() -> Segmenter:
    import pysbd

    seg = pysbd.Segmenter(language="ja", clean=False)
    return lambda text: seg.segment(text)


def make_ja_sentence_segmenter() -> Segmenter:
    from ja_sentence_segmenter.common.pipeline import make_pipeline
    from ja_sentence_segmenter.split.simple_splitter import split_newline, split_punctuation

    pipe = make_pipeline(split_newline, functools.partial(split_punctuation, punctuations=r"。!?"))
    return lambda text: list(pipe(text))


def make_ginza() -> Segmenter:
    import spacy

    nlp = spacy.load("ja_ginza")
    return lambda text: [s.text for s in nlp(text).sents]


def _clean(sents: list[str]) -> list[str]:
    return [s.strip() for s in sents if s.strip()]


def prf(pred: list[tuple[int, str]], gold: list[tuple[int, str]]) -> dict[str, float]:
    """Exact-sentence precision/recall/F1; a sentence is (unit index, text)."""
    from collections import Counter

    p, g = Counter(pred), Counter(gold)
    tp = sum((p & g).values())
    precision = tp / max(1, sum(p.values()))
    recall = tp / max(1, sum(g.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def bench_segment(size_mb: float, with_ginza: bool) -> dict[str, object]:
    doc = jpnlp.prepare(CORPUS_DOC)
    gold_rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [(g["block"], normalize(g["text"])) for g in gold_rows]
    # Every segmenter sees the same units: the repaired, normalized blocks.
    units = [b.text for b in doc.blocks]
    hard_gold = [(i, s) for i, (_, exp) in enumerate(HARD_CASES) for s in exp]

    segmenters: dict[str, Callable[[], Segmenter]] = {
        "jpnlp": lambda: ours,
        "pysbd": make_pysbd,
        "ja_sentence_segmenter": make_ja_sentence_segmenter,
    }
    if with_ginza:
        segmenters["GiNZA (ja_ginza sents)"] = make_ginza

    speed_text = "\n".join(units)
    reps = max(1, int(size_mb * 1e6 / len(speed_text.encode("utf-8"))))
    results: dict[str, dict[str, object]] = {}
    for name, factory in segmenters.items():
        seg = factory()
        # Headings are one unit each in jpnlp's document model; peers get them as blocks too.
        pred = [(i, s) for i, u in enumerate(units) for s in _clean(seg(u))]
        hard = [(i, s) for i, (text, _) in enumerate(HARD_CASES) for s in _clean(seg(text))]
        cases_right = sum(
            1 for i, (text, exp) in enumerate(HARD_CASES) if _clean(seg(text)) == exp
        )
        # GiNZA is ~1,000x slower: time it on the corpus once, the others on the repeated text.
        r = 1 if name.startswith("GiNZA") else reps
        chunks = units * r
        elapsed = best_of(lambda: [seg(u) for u in chunks], repeat=1 if r == 1 else 3)
        chars = sum(len(u) for u in chunks)
        results[name] = {
            "gold": prf(pred, gold),
            "hard_cases": prf(hard, hard_gold),
            "hard_cases_fully_right": f"{cases_right}/{len(HARD_CASES)}",
            "chars_per_s": round(chars / elapsed),
            "timed_chars": chars,
        }
    base = results["jpnlp"]["chars_per_s"]
    for r in results.values():
        r["speed_vs_jpnlp"] = round(r["chars_per_s"] / base, 4)  # type: ignore[operator]
    return {"gold_sentences": len(gold), "hard_case_sentences": len(hard_gold), "segmenters": results}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=5.0, help="normalization input size (corpus repeated)")
    ap.add_argument("--seg-size-mb", type=float, default=1.0, help="segmentation speed input size")
    ap.add_argument("--no-ginza", action="store_true", help="skip GiNZA (slow to load)")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "benchmarks" / "results" / "text.json")
    args = ap.parse_args()

    norm = bench_normalize(args.size_mb)
    seg = bench_segment(args.seg_size_mb, not args.no_ginza)

    print(f"\nNormalization on {norm['input_mb']} MB (corpus repeated), best of 3, one core")
    print(f"{'normalizer':28} {'MB/s':>8} {'x NFKC':>8} {'x neologdn':>11}")
    for k, v in norm["mb_per_s"].items():  # type: ignore[union-attr]
        print(f"{k:28} {v:8.2f} {norm['ratio_vs_nfkc'][k]:8.2f} {norm['ratio_vs_neologdn'][k]:11.2f}")  # type: ignore[index]

    print(f"\nSegmentation: gold = {seg['gold_sentences']} hand-checked sentences of the corpus document, "
          f"hard = {seg['hard_case_sentences']} sentences in {len(HARD_CASES)} hand-written cases")
    print(f"{'segmenter':24} {'gold P':>7} {'gold R':>7} {'gold F1':>8} {'hard F1':>8} {'cases':>7} {'chars/s':>11} {'x jpnlp':>8}")
    for name, r in seg["segmenters"].items():  # type: ignore[union-attr]
        g, h = r["gold"], r["hard_cases"]
        print(f"{name:24} {g['precision']:7.3f} {g['recall']:7.3f} {g['f1']:8.3f} {h['f1']:8.3f} "
              f"{r['hard_cases_fully_right']:>7} {r['chars_per_s']:11,} {r['speed_vs_jpnlp']:8.4f}")

    args.output.parent.mkdir(parents=True, exist_ok=True)
    out = {
        "machine": {"python": platform.python_version(), "processor": platform.processor() or platform.machine()},
        "normalization": norm,
        "segmentation": seg,
    }
    args.output.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")


if __name__ == "__main__":
    main()
