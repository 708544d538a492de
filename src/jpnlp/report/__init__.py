"""``jpnlp report``: one self-contained HTML file a reviewer can work in.

Each document's text sentence by sentence, entities highlighted by label colour with their English name
or DATE value beside them; an entity table grouped by id with counts and links to every mention; vote
rows with every field of the record, linked both ways with their sentence; summaries and the corpus's
unaligned mentions (the glossary's to-do list).  A small inline script adds search, filters (label,
English-name source, unaligned, disagreement), a toggle for the English names and expand/collapse all;
without it the page is complete and static.  Print styles show the names and open every document.
Every piece of text, file name and attribute is escaped.

``render_dataset`` shows a built dataset sentence by sentence, gold beside silver where the dataset has
a gold split, with spans, labels, English names and DATE values compared (:mod:`.compare`).
``document_html`` is the fragment for a notebook (``Document._repr_html_``).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import compare as cmp
from . import marks as mk
from .documents import section, summary_table
from .marks import esc
from .page import asset, page, source_order

__all__ = ["document_html", "render", "render_dataset"]

_notebook_ids = itertools.count()


def render(documents: Iterable[Any], title: str = "jpnlp report", open_first: int = 1) -> str:
    """The HTML report of processed documents (with ``entities`` and ``votes``)."""
    sections, total, todo, sources = [], Counter(), Counter(), []
    for n, doc in enumerate(documents):
        s = section(doc, f"d{n}", n < open_first)
        sections.append(s.html)
        total.update(s.counts)
        todo.update(s.unaligned)
        sources += [e.en_source for e in doc.entities if e.label in mk.NAMED]
    n_docs = len(sections)
    todo_html = "".join(f"<li>{esc(k)} ({c})</li>" for k, c in todo.most_common())
    body = (
        mk.legend()
        + (f"<p>{n_docs} documents; mentions by label:</p>{summary_table(total)}" if n_docs != 1 else "")
        + (
            f"<details><summary>Unaligned mentions in the corpus (the glossary's to-do list)</summary><ul>{todo_html}</ul></details>"
            if todo_html
            else ""
        )
        + "".join(sections)
    )
    return page(title, body, source_order(sources))


def document_html(doc: Any) -> str:
    """One document as an HTML fragment for a notebook: marks, tables and scoped styles, no script."""
    s = section(doc, f"jpnlp{next(_notebook_ids)}", open_=True)
    return f'<div class="jpnlp"><style>{asset("report_marks.css")}</style>{s.html}</div>'


def render_dataset(data_dir: Any, title: str = "jpnlp dataset report", limit: int | None = None) -> str:
    """A built dataset sentence by sentence; gold beside silver where the dataset has a gold split."""
    from ..train.metrics import load_rows

    data_dir = Path(data_dir)
    splits = [s for s in ("train", "validation", "test", "gold") if any((data_dir / "data").glob(f"{s}-*.parquet"))]
    if not splits:
        from ..errors import InputError

        raise InputError(data_dir, "not a dataset built by jpnlp build (no data/<split>-*.parquet)")
    rows = {s: load_rows(data_dir, s) for s in splits}
    gold = {r["id"]: r for r in rows.get("gold", [])}
    counts: Counter[str] = Counter()
    n_dis = n_gold = n_silver = n_pairs = 0
    parts, sources = [], []
    for split in (s for s in splits if s != "gold"):
        lines = []
        for k, r in enumerate(rows[split][:limit] if limit else rows[split]):
            sources += [e.get("en_source") for e in r["entities"] if e["label"] in mk.NAMED]
            anchor = f"{split}-{k}"
            if r["id"] not in gold:
                marks = [mk.from_entity(e, e["start"], e["end"]) for e in r["entities"]]
                lines.append(
                    f'<div class="sent" id="{anchor}"><p class="blk">{mk.highlight(r["text"], marks)}</p></div>'
                )
                continue
            g_ents = gold[r["id"]]["entities"]
            s_kinds, g_kinds = cmp.compare(r["entities"], g_ents)
            g_by_span = {(e["start"], e["end"]): e for e in g_ents}
            s_by_span = {(e["start"], e["end"]): e for e in r["entities"]}
            s_marks = [
                _compared(e, kd, e, g_by_span.get((e["start"], e["end"]))) for e, kd in zip(r["entities"], s_kinds)
            ]
            g_marks = [_compared(e, kd, s_by_span.get((e["start"], e["end"])), e) for e, kd in zip(g_ents, g_kinds)]
            c = cmp.tally(s_kinds, g_kinds)
            counts.update(c)
            disagree = sum(v for kd, v in c.items() if kd != "agree") > 0
            n_dis += disagree
            n_gold, n_silver, n_pairs = n_gold + len(g_ents), n_silver + len(r["entities"]), n_pairs + 1
            dis = ' data-dis="1"' if disagree else ""
            lines.append(
                f'<div class="pair sent" id="{anchor}"{dis}>'
                f'<div><h4>silver (rules)</h4><p class="blk">{mk.highlight(r["text"], s_marks)}</p></div>'
                f'<div><h4>gold (hand-made)</h4><p class="blk">{mk.highlight(r["text"], g_marks)}</p></div></div>'
            )
        open_ = " open" if split == "test" else ""
        parts.append(
            f'<details class="doc"{open_}><summary><h2>{esc(split)}</h2> — {len(rows[split])} sentences</summary>{"".join(lines)}</details>'
        )
    diff = (
        f"<p>{esc(cmp.summary(n_pairs, counts, n_dis, n_gold, n_silver))}</p>"
        if gold
        else "<p>This dataset has no gold split.</p>"
    )
    return page(
        title, mk.legend(disagreements=True) + diff + "".join(parts), source_order(sources), disagreements=bool(gold)
    )


def _compared(e: dict[str, Any], kind: str, silver: dict[str, Any] | None, gold: dict[str, Any] | None) -> mk.Mark:
    """A mark of the comparison: its kind as css and data-dis, what gold says in the tooltip."""
    note = cmp.note(kind, silver, gold)
    m = mk.from_entity(e, e["start"], e["end"], css="" if kind == "agree" else kind, disagree=kind != "agree")
    m.title = " · ".join(x for x in (m.title, note) if x)
    return m
