"""Benchmark every stage of the pipeline against bare GiNZA, in characters per second.

Measured in one run, each stage on two inputs: the corpus repeated to ``--mb`` MB (one large document) and a
synthetic corpus of many small documents (the corpus's paragraphs, one document each):

* text stages: layout repair, normalization, segmentation, all three (``jpnlp.prepare``);
* bare GiNZA as a user runs it (``spacy.load("ja_ginza")``: all its components, thinc's default kernels;
  ``nlp.pipe`` over the same sentence chunks, all documents in one call) — the baseline of every ratio — and
  jpnlp's full pipeline (GiNZA + components, ``annotate`` document by document, as jpnlp's commands run it);
  GiNZA runs ~1,000x slower than the text stages, so these two get a sample of ``--ginza-copies`` copies of the
  corpus (and as many characters of small documents), timed ``--repeat`` times in turn (best of each);
* each of jpnlp's components alone (dates, treaties, leaders, glossary alignment, votes), the fast mode
  (Sudachi token boundaries + rules + glossary), vote extraction (``extract_votes``), and dataset writing
  (Parquet + DocBin + CoNLL rows);
* the full and fast modes' F1 on the corpus gold, side by side.

Run:  python benchmarks/bench_pipeline.py [--mb 5] [--ginza-copies 3] [--repeat 2]
Writes benchmarks/results/pipeline.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
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
    ap.add_argument("--repeat", type=int, default=2, help="bare and full GiNZA runs, in turn (best of each)")
    ap.add_argument("-o", "--output", type=Path, default=ROOT / "benchmarks" / "results" / "pipeline.json")
    args = ap.parse_args()
    warnings.filterwarnings("ignore", message=r"\[W102\]")  # GiNZA's bunsetu caches are not merged; unused here
    raw = DOC.read_text(encoding="utf-8")
    rows: list[dict] = []

    # text stages on the whole --mb: the corpus repeated as one document, and its paragraphs as small documents
    big = raw * max(1, int(args.mb * 1e6 / len(raw.encode())) + 1)
    corpus_doc = jpnlp.prepare(DOC)
    praws = [corpus_doc.raw[b.raw_start : b.raw_end] for b in corpus_doc.blocks if b.kind == "paragraph"]
    many: list[str] = []
    while sum(map(len, many)) < len(big):
        many.extend(praws)
    n_many = sum(map(len, many))

    def text_stage(stage: str, large, small) -> None:  # type: ignore[no-untyped-def]
        rows.append({"stage": stage, "large_chars": len(big), "large_chars_per_s": len(big) / timed(large),
                     "small_chars": n_many, "small_chars_per_s": n_many / timed(small)})  # fmt: skip

    text_stage("layout repair", lambda: layout.repair(big, "pdf"), lambda: [layout.repair(x) for x in many])
    large_blocks = [b.text for b in layout.repair(big, "pdf")]
    small_blocks = [[b.text for b in layout.repair(x)] for x in many]
    text_stage("normalization (with offset map)", lambda: [normalize_with_map(x) for x in large_blocks],
               lambda: [normalize_with_map(x) for bs in small_blocks for x in bs])  # fmt: skip
    large_normed = [normalize_with_map(x).text for x in large_blocks]
    small_normed = [normalize_with_map(x).text for bs in small_blocks for x in bs]
    text_stage("segmentation", lambda: [split_sentences(x) for x in large_normed],
               lambda: [split_sentences(x) for x in small_normed])  # fmt: skip
    text_stage("prepare (all text stages)", lambda: jpnlp.prepare(big), lambda: [jpnlp.prepare(x) for x in many])

    # the neural part on a sample: one large document, and the same characters as small documents
    text = "\n\n".join([raw] * args.ginza_copies)
    doc = jpnlp.prepare(text, layout="pdf")
    n = len(doc.text)
    paragraphs = [b.text for b in jpnlp.prepare(DOC).blocks if b.kind == "paragraph"]
    small = [jpnlp.prepare(paragraphs[i % len(paragraphs)], doc_id=f"p{i}", layout="plain")
             for i in range(len(paragraphs) * args.ginza_copies)]  # fmt: skip
    n_small = sum(len(d.text) for d in small)
    import spacy

    full = default_pipeline()
    fast = default_pipeline(fast=True)
    bare_nlp = spacy.load("ja_ginza")  # as a user loads it: every component, thinc's default kernels
    ours = [name for name, _ in OUR_PIPES]
    annotate(doc, fast)  # warm up all three
    annotate(small[0], full)
    list(bare_nlp.pipe([small[0].text]))

    def bare(docs: list) -> None:  # type: ignore[type-arg]
        list(bare_nlp.pipe([d.text[a:b] for d in docs for a, b in chunk_spans(d)]))

    # bare and full in turn, best of --repeat each: a busy machine slows both alike
    runs: dict[str, list[tuple[float, float]]] = {f"{w}_{k}": [] for w in ("bare", "full") for k in ("large", "small")}
    for _ in range(args.repeat):
        for what, fn in (("bare_large", lambda: bare([doc])), ("full_large", lambda: annotate(doc, full)),
                         ("bare_small", lambda: bare(small)), ("full_small", lambda: [annotate(d, full) for d in small])):  # fmt: skip
            w, c = time.perf_counter(), time.process_time()
            fn()
            runs[what].append((time.perf_counter() - w, time.process_time() - c))
    t_bare = {k: min(x[0] for x in runs[f"bare_{k}"]) for k in ("large", "small")}
    t_full = {k: min(x[0] for x in runs[f"full_{k}"]) for k in ("large", "small")}
    cpu = {k: min(x[1] for x in runs[f"full_{k}"]) / min(x[1] for x in runs[f"bare_{k}"]) for k in ("large", "small")}
    base = {"large": n / t_bare["large"], "small": n_small / t_bare["small"]}
    sizes = {"large": n, "small": n_small}

    def add(stage: str, secs: dict[str, float], chars: dict[str, int] | None = None) -> None:
        chars = chars or sizes
        rows.append({"stage": stage, **{f"{k}_chars": chars[k] for k in secs},
                     **{f"{k}_chars_per_s": chars[k] / secs[k] for k in secs}})  # fmt: skip

    add("bare ja_ginza (baseline)", t_bare)
    add("jpnlp full pipeline (GiNZA + components)", t_full)

    # each component alone, on the Docs bare GiNZA made (components run in order: later ones need earlier ones)
    from spacy.tokens import Doc

    per: dict[str, dict[str, float]] = {name: {"large": 0.0, "small": 0.0} for name in ours}
    for key, docs in (("large", [doc]), ("small", small)):
        with full.select_pipes(disable=ours):
            bare_docs = [annotate(d, full) for d in docs]
        for d, bd in zip(docs, bare_docs):
            x = Doc.from_docs([bd])
            x._.jpnlp_source = d
            for name in ours:
                t0 = time.perf_counter()
                x = full.get_pipe(name)(x)
                per[name][key] += time.perf_counter() - t0
    labels = {"jpnlp_dates": "component: dates", "jpnlp_treaties": "component: treaties",
              "jpnlp_leaders": "component: leaders", "jpnlp_linker": "component: glossary alignment (linker)",
              "jpnlp_votes": "component: votes"}  # fmt: skip
    for name in ours:
        add(labels.get(name, name), per[name])
    add("jpnlp components together", {k: sum(per[name][k] for name in ours) for k in ("large", "small")})

    # fast mode and vote extraction: fast enough for the whole --mb text (as documents of the corpus's size)
    big_docs = [jpnlp.prepare(raw, doc_id=f"copy{i}") for i in range(max(1, len(big) // len(raw)))]
    big_n = sum(len(d.text) for d in big_docs)
    t_fast_big = timed(lambda: [annotate(d, fast) for d in big_docs])
    t_fast = {"large": timed(lambda: annotate(doc, fast), repeat=3),
              "small": timed(lambda: [annotate(d, fast) for d in small], repeat=3)}  # fmt: skip
    add("jpnlp fast mode (Sudachi boundaries + rules + glossary)", t_fast)
    rows.append({"stage": f"jpnlp fast mode on {big_n / 1e6:.1f} M characters", "large_chars": big_n,
                 "large_chars_per_s": big_n / t_fast_big})  # fmt: skip
    t_votes = {"large": timed(lambda: jpnlp.extract_votes(doc), repeat=3),
               "small": timed(lambda: [jpnlp.extract_votes(d) for d in small], repeat=3)}  # fmt: skip
    add("vote extraction (extract_votes, rules only)", t_votes)

    # dataset writing: the rows of the annotated documents through the Parquet, DocBin and CoNLL writers
    import tempfile

    from jpnlp.dataset import process_document
    from jpnlp.dataset.writers import ConllWriter, DocBinWriter, ShardWriter

    def rows_of(docs: list) -> list:  # type: ignore[type-arg]
        import jpnlp.dataset as ds

        ds._NLP = fast
        return [r for d in docs for r, _ in process_document(jpnlp.io.RawDocument(d.doc_id, d.raw, "utf-8"), None)["rows"]]

    def write(rows_: list) -> None:  # type: ignore[type-arg]
        with tempfile.TemporaryDirectory() as tmp:
            w = [ShardWriter(Path(tmp), "train"), DocBinWriter(Path(tmp) / "spacy"), ConllWriter(Path(tmp) / "c")]
            for r in rows_:
                for x in w:
                    x.add(r)
            for x in w:
                x.close()

    rows_large, rows_small = rows_of(big_docs), rows_of(small)  # noqa: F841
    add("dataset writing (Parquet + DocBin + CoNLL)",
        {"large": timed(lambda: write(rows_large)), "small": timed(lambda: write(rows_small))},
        {"large": big_n, "small": n_small})  # fmt: skip
    for r in rows:
        for k in ("large", "small"):
            if f"{k}_chars_per_s" in r:
                r[f"{k}_x_bare_ginza"] = r[f"{k}_chars_per_s"] / base[k]

    # quality of both modes on the corpus gold
    single = jpnlp.prepare(DOC)
    gold = corpus_gold(single.text, read_jsonl(GOLD / "us_russia_arms_control_2000.segments.jsonl"),
                       read_jsonl(GOLD / "us_russia_arms_control_2000.entities.jsonl"))  # fmt: skip
    quality = {}
    for name, nlp in (("full", full), ("fast", fast)):
        rep = score(mentions_of(annotate(single, nlp)), gold)
        quality[name] = {k: round(v.f1, 4) for k, v in rep.scores.items()}

    print(f"\n{'stage':58} {'one large document':>30} {'many small documents':>30}")
    print(f"{'':58} {'chars/s':>14} {'x bare GiNZA':>15} {'chars/s':>14} {'x bare GiNZA':>15}")
    for r in rows:
        cells = []
        for k in ("large", "small"):
            if f"{k}_chars_per_s" in r:
                cells.append(f"{r[f'{k}_chars_per_s']:>14,.0f} {r[f'{k}_x_bare_ginza']:>15.2f}")
            else:
                cells.append(f"{'':>14} {'':>15}")
        print(f"{r['stage']:58} {' '.join(cells)}")
    cost = {k: t_full[k] / t_bare[k] for k in t_bare}
    speed = {k: t_bare[k] / t_fast[k] for k in t_bare}
    print(f"\nsample: {n:,} characters as one document, {n_small:,} as {len(small)} small documents")
    print(f"full pipeline cost: {cost['large']:.2f}x / {cost['small']:.2f}x bare GiNZA's time (goals: at most 0.7x, #18; "
          f"1.3x, #13); in CPU time {cpu['large']:.2f}x / {cpu['small']:.2f}x")
    spread = {k: [round(w, 2) for w, _ in v] for k, v in runs.items()}
    print(f"wall seconds of each run (the spread is the machine's noise): {spread}")
    print(f"fast mode speed: {speed['large']:.1f}x / {speed['small']:.1f}x bare GiNZA (goal: at least 50x)")
    print("F1 on the corpus gold:", json.dumps(quality))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"stages": rows, "quality": quality, "baseline": "bare spacy.load('ja_ginza'), same run",
                                       "full_cost_vs_bare": cost, "full_cpu_cost_vs_bare": cpu,
                                       "runs_wall_cpu_s": runs, "fast_speedup_vs_bare": speed},
                                      indent=2) + "\n")  # fmt: skip


if __name__ == "__main__":
    main()
