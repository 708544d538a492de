"""Measure how often each English-name source is right, and write ``src/jpnlp/data/en_sources.tsv``.

``en_conf`` of a mention is the share of right English names among correctly found TREATY/LEADER mentions whose
name came from the same source (``en_source``), on hand-annotated development passages (never the held-out set).
A source seen rarely must not look certain, so the share is Laplace's rule of succession: (right + 1) / (n + 2).

Run:  python benchmarks/en_confidence.py [PASSAGES.jsonl ...] [--write]
(default: tests/data/real/develop.jsonl and ../shared/eval/dev/passages.jsonl where it exists)
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from jpnlp.evaluate_passages import score_passages
from jpnlp.passages import read_passages
from jpnlp.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests/data/real/develop.jsonl", ROOT.parent / "shared/eval/dev/passages.jsonl"]
SOURCES = ("glossary", "composed", "near", "text", "dictionary", "translation", "transliteration")
TABLE = ROOT / "src/jpnlp/data/en_sources.tsv"


def measure(files: list[Path]) -> dict[str, list[int]]:
    nlp = default_pipeline()
    counts: dict[str, list[int]] = {s: [0, 0] for s in SOURCES}
    for f in files:
        report = score_passages(read_passages(f), nlp)
        for source, (right, n) in report.names_by_source.items():
            if source in counts:
                counts[source][0] += right
                counts[source][1] += n
    return counts


def table(counts: dict[str, list[int]], files: list[Path]) -> str:
    names = ", ".join(os.path.relpath(f, ROOT) for f in files)
    lines = [
        "# How often an English name from each source was right: (right + 1) / (mentions + 2) over correctly found",
        f"# TREATY/LEADER mentions with gold English in {names}.",
        "# Written by benchmarks/en_confidence.py --write; re-measure when a source changes.",
        "source\tconfidence\tright\tmentions",
    ]
    lines += [f"{s}\t{(r + 1) / (n + 2):.3f}\t{r}\t{n}" for s, (r, n) in counts.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("passages", nargs="*", type=Path)
    ap.add_argument("--write", action="store_true", help=f"write {TABLE.relative_to(ROOT)}")
    args = ap.parse_args()
    files = [f.resolve() for f in args.passages] or [f for f in DEFAULT if f.exists()]
    text = table(measure(files), files)
    print(text, end="")
    if args.write:
        TABLE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
