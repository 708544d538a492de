"""``jpnlp report``: one self-contained HTML file to review annotations at a glance.

displaCy-style: each document's repaired text with entities highlighted by
label colour, the English name, glossary id or DATE value on hover and in a
numbered list under the text, VOTE spans linked to a table of tallies, a
summary per document and for the corpus (counts per label, unaligned
mentions — the glossary's to-do list), and a legend.  No network, no
JavaScript: inline CSS only, documents in collapsible ``<details>``.  Every
piece of text is escaped, so a document holding ``<script>`` or ``&`` renders
as text.

``render_dataset`` shows a built dataset sentence by sentence, with gold and
silver side by side where both exist and their differences marked (missed,
spurious, wrong label).
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .document import Document

COLOURS = {"TREATY": "#7aecec", "LEADER": "#aa9cfc", "DATE": "#bfe1d9", "VOTE": "#feca74"}
FONT = '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif'

CSS = f"""
body {{ font-family: {FONT}; margin: 2rem auto; max-width: 60rem; line-height: 2.1; color: #222; padding: 0 1rem; }}
h1 {{ font-size: 1.5rem; }} h2 {{ font-size: 1.2rem; display: inline; }}
details {{ border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }}
summary {{ cursor: pointer; }}
mark.ent {{ padding: .15em .35em; margin: 0 .1em; border-radius: .35em; line-height: 1.2; }}
mark.ent .lbl {{ font-size: .6em; font-weight: bold; margin-left: .4em; vertical-align: middle; }}
mark.ent sup {{ font-size: .6em; color: #555; }}
mark.unaligned {{ outline: 2px dashed #c00; }}
mark.missed {{ outline: 2px solid #c00; }} mark.spurious {{ outline: 2px dotted #06c; }}
mark.wrong {{ outline: 2px solid #f90; }}
""" + "".join(f"mark.ent-{k} {{ background: {v}; }}\n" for k, v in COLOURS.items()) + """
p.heading { font-weight: bold; font-size: 1.05rem; } p.footnote { font-size: .85rem; color: #555; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 1em; } dl.meta dt { color: #555; } dl.meta dd { margin: 0; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; line-height: 1.4; }
th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; } td.num { text-align: right; }
ol.ents { font-size: .85rem; line-height: 1.5; }
.legend span { padding: .1em .5em; border-radius: .35em; margin-right: .5em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; border-bottom: 1px solid #eee; }
.pair h4 { margin: 0; font-size: .8rem; color: #666; }
"""


def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _title(ent: Any) -> str:
    parts = [ent.label]
    if ent.en:
        parts.append(ent.en)
    if ent.id:
        parts.append(ent.id)
    if ent.value:
        parts.append(f"value {ent.value}")
    if ent.role:
        parts.append(f"role {ent.role}")
    return " · ".join(parts)


def _legend() -> str:
    return '<p class="legend">' + "".join(
        f'<span class="ent-{k}" style="background:{v}">{k}</span>' for k, v in COLOURS.items()
    ) + "<span style=\"outline:2px dashed #c00\">not in the glossary</span></p>"


@dataclass
class _Mark:
    start: int
    end: int
    label: str
    title: str
    css: str = ""
    anchor: str = ""
    note: int | None = None


def _highlight(text: str, marks: Sequence[_Mark]) -> str:
    out, pos = [], 0
    for m in sorted(marks, key=lambda m: m.start):
        if m.start < pos:
            continue  # overlapping marks cannot be drawn; the first wins
        out.append(_e(text[pos : m.start]))
        inner = _e(text[m.start : m.end]) + f'<span class="lbl">{_e(m.label)}</span>'
        if m.note is not None:
            inner += f"<sup>{m.note}</sup>"
        if m.anchor:
            inner = f'<a href="#{_e(m.anchor)}">{inner}</a>'
        out.append(f'<mark class="ent ent-{_e(m.label)} {m.css}" title="{_e(m.title)}">{inner}</mark>')
        pos = m.end
    out.append(_e(text[pos:]))
    return "".join(out)


def _summary_table(counts: Counter[str]) -> str:
    cells = "".join(f"<th>{k}</th>" for k in COLOURS) + "<th>unaligned</th>"
    vals = "".join(f'<td class="num">{counts.get(k, 0)}</td>' for k in COLOURS)
    return f'<table class="summary"><tr>{cells}</tr><tr>{vals}<td class="num">{counts.get("unaligned", 0)}</td></tr></table>'


def _document_section(n: int, doc: Document, open_: bool) -> tuple[str, Counter[str], Counter[str]]:
    counts: Counter[str] = Counter()
    unaligned: Counter[str] = Counter()
    notes: list[str] = []
    votes = {v.start: i for i, v in enumerate(doc.votes)}
    body = []
    for block in doc.blocks:
        marks = []
        for ent in doc.entities:
            if block.start <= ent.start and ent.end <= block.end:
                counts[ent.label] += 1
                css = ""
                if ent.label in ("TREATY", "LEADER") and not ent.id and not ent.anaphor:
                    css = "unaligned"
                    counts["unaligned"] += 1
                    unaligned[f"{ent.label} {ent.text}"] += 1
                anchor = f"vote-{n}-{votes[ent.start]}" if ent.label == "VOTE" and ent.start in votes else ""
                note = None
                if ent.label != "VOTE":
                    notes.append(f"<li><b>{_e(ent.text)}</b> — {_e(_title(ent))}</li>")
                    note = len(notes)
                marks.append(_Mark(ent.start - block.start, ent.end - block.start, ent.label, _title(ent), css, anchor, note))
        body.append(f'<p class="{_e(block.kind)}">{_highlight(block.text, marks)}</p>')
    rows = "".join(
        f'<tr id="vote-{n}-{i}"><td>{_e(v.body)}</td><td>{_e(v.date)}</td><td>{_e(v.subject_ja)}'
        f"{' / ' + _e(v.subject_en) if v.subject_en else ''}</td><td class=\"num\">{_e(v.for_)}</td>"
        f'<td class="num">{_e(v.against)}</td><td class="num">{_e(v.abstain)}</td><td>{_e(v.result)}</td>'
        f"<td>{_e('; '.join(v.notes))}</td></tr>"
        for i, v in enumerate(doc.votes)
    )
    vote_table = (
        '<table class="votes"><tr><th>body</th><th>date</th><th>subject</th><th>for</th><th>against</th>'
        f"<th>abstain</th><th>result</th><th>notes</th></tr>{rows}</table>"
        if doc.votes
        else "<p>No vote tallies.</p>"
    )
    todo = "".join(f"<li>{_e(k)} ({c})</li>" for k, c in unaligned.most_common())
    section = (
        f'<details class="doc" id="doc-{n}"{" open" if open_ else ""}><summary><h2>{_e(doc.doc_id)}</h2> '
        f"— {len(doc.sentences)} sentences, {sum(counts[k] for k in COLOURS)} entities</summary>"
        f"{_meta_list(doc)}{_summary_table(counts)}<h3>Text</h3>{''.join(body)}<h3>Vote tallies</h3>{vote_table}"
        f'<h3>Entities</h3><ol class="ents">{"".join(notes)}</ol>'
        + (f"<h3>Unaligned mentions</h3><ul>{todo}</ul>" if todo else "")
        + "</details>"
    )
    return section, counts, unaligned


def _meta_list(doc: Document) -> str:
    """The document's date and metadata (title, source, url, …) as a definition list; nothing when unknown."""
    items = {"date": doc.doc_date, **{k: v for k, v in (doc.meta or {}).items() if k not in ("date", "doc_id", "id")}}
    shown = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in items.items() if v not in (None, "", [], {}))
    return f'<dl class="meta">{shown}</dl>' if shown else ""


def render(documents: Iterable[Document], title: str = "jpnlp report", open_first: int = 1) -> str:
    """The HTML report of processed documents (with ``entities`` and ``votes``)."""
    sections, total, todo = [], Counter(), Counter()
    n_docs = 0
    for n, doc in enumerate(documents):
        s, c, u = _document_section(n, doc, n < open_first)
        sections.append(s)
        total.update(c)
        todo.update(u)
        n_docs += 1
    todo_html = "".join(f"<li>{_e(k)} ({c})</li>" for k, c in todo.most_common())
    return (
        f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{_e(title)}</h1>{_legend()}"
        f"<p>{n_docs} document{'' if n_docs == 1 else 's'}.</p>{_summary_table(total)}"
        + (f"<details><summary>Unaligned mentions in the corpus (the glossary's to-do list)</summary><ul>{todo_html}</ul></details>" if todo_html else "")
        + "".join(sections)
        + "</body></html>\n"
    )


def render_dataset(data_dir: Any, title: str = "jpnlp dataset report", limit: int | None = None) -> str:
    """A built dataset sentence by sentence; gold beside silver where the dataset has a gold split."""
    from pathlib import Path

    from .train.metrics import load_rows

    data_dir = Path(data_dir)
    splits = [s for s in ("train", "validation", "test", "gold") if any((data_dir / "data").glob(f"{s}-*.parquet"))]
    if not splits:
        from .errors import InputError

        raise InputError(data_dir, "not a dataset built by jpnlp build (no data/<split>-*.parquet)")
    rows = {s: load_rows(data_dir, s) for s in splits}
    gold = {r["id"]: r for r in rows.get("gold", [])}
    counts: Counter[str] = Counter()
    parts = []
    for split in (s for s in splits if s != "gold"):
        items = rows[split][:limit] if limit else rows[split]
        lines = []
        for r in items:
            silver = [(e["start"], e["end"], e["label"]) for e in r["entities"]]
            if r["id"] in gold:
                g = {(e["start"], e["end"]): e["label"] for e in gold[r["id"]]["entities"]}
                s_marks, g_marks = [], []
                for e in r["entities"]:
                    key = (e["start"], e["end"])
                    css = "" if g.get(key) == e["label"] else ("wrong" if key in g else "spurious")
                    counts[css or "agree"] += 1
                    s_marks.append(_Mark(e["start"], e["end"], e["label"], _row_title(e) + (f" · {css}" if css else ""), css))
                silver_keys = {(s, e) for s, e, _ in silver}
                for e in gold[r["id"]]["entities"]:
                    css = "" if (e["start"], e["end"]) in silver_keys else "missed"
                    if css:
                        counts["missed"] += 1
                    g_marks.append(_Mark(e["start"], e["end"], e["label"], _row_title(e) + (" · missed" if css else ""), css))
                lines.append(
                    f'<div class="pair"><div><h4>silver (rules)</h4><p>{_highlight(r["text"], s_marks)}</p></div>'
                    f'<div><h4>gold (hand-made)</h4><p>{_highlight(r["text"], g_marks)}</p></div></div>'
                )
            else:
                marks = [_Mark(e["start"], e["end"], e["label"], _row_title(e)) for e in r["entities"]]
                lines.append(f"<p>{_highlight(r['text'], marks)}</p>")
        parts.append(f'<details{" open" if split == "test" else ""}><summary><h2>{split}</h2> — {len(rows[split])} sentences</summary>{"".join(lines)}</details>')
    diff = (
        f"<p>Gold against silver on {len(gold)} sentences: {counts['agree']} agree, {counts['missed']} missed, "
        f"{counts['spurious']} spurious, {counts['wrong']} wrong label.</p>"
        if gold
        else "<p>This dataset has no gold split.</p>"
    )
    legend = _legend() + '<p class="legend"><span style="outline:2px solid #c00">missed</span><span style="outline:2px dotted #06c">spurious</span><span style="outline:2px solid #f90">wrong label</span></p>'
    return (
        f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{_e(title)}</title><style>{CSS}</style>'
        f"</head><body><h1>{_e(title)}</h1>{legend}{diff}{''.join(parts)}</body></html>\n"
    )


def _row_title(e: dict[str, Any]) -> str:
    return " · ".join(str(x) for x in (e["label"], e.get("en"), e.get("id"), e.get("value")) if x)
