"""One processed document as a reviewable section: text by sentence, entity table, vote table, summary.

Anchors are built from numbers only (``{prefix}-s3`` for sentence 3, ``-m12`` for mention 12, ``-e4`` for
entity group 4, ``-v0`` for vote 0), never from file names or text, so nothing a user wrote ends up in
an id.  Links run both ways: a mark links to its entity group (or its vote row), the group lists links
to each mention; a vote row links to its sentence, the sentence's VOTE mark links to the row.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import marks as mk
from .marks import COLOURS, esc


@dataclass
class Section:
    """A document's HTML and what the corpus summary adds up."""

    html: str
    counts: Counter[str] = field(default_factory=Counter)
    unaligned: Counter[str] = field(default_factory=Counter)


def group_key(ent: Any) -> tuple[str, str]:
    """Mentions of one thing: same glossary id; else same label and English name, DATE value or text."""
    if ent.id:
        return ent.label, f"id:{ent.id}"
    return ent.label, f"en:{ent.en}" if ent.en else f"value:{ent.value}" if ent.value else f"text:{ent.text}"


def _groups(doc: Any) -> dict[tuple[str, str], list[int]]:
    groups: dict[tuple[str, str], list[int]] = {}
    for j, ent in enumerate(doc.entities):
        if ent.label != "VOTE":
            groups.setdefault(group_key(ent), []).append(j)
    return groups


def _sentence_at(doc: Any, starts: list[int], pos: int) -> Any | None:
    """The sentence holding text offset ``pos`` (sentences are in text order)."""
    k = bisect_right(starts, pos) - 1
    return doc.sentences[k] if k >= 0 and pos < doc.sentences[k].end else None


def _paragraphs(doc: Any) -> list[tuple[str, str, list[Any]]]:
    """(kind, text, sentences) per block; sentences of no known block, or a text without any, still show."""
    by_block: dict[int, list[Any]] = {}
    for s in doc.sentences:
        by_block.setdefault(s.block_index, []).append(s)
    paras = [(b.kind, b.text, by_block.pop(b.index, [])) for b in doc.blocks]
    paras += [("paragraph", "", ss) for ss in by_block.values()]
    return paras or [("paragraph", doc.text, [])]


def _text(doc: Any, p: str, hrefs: dict[int, str], votes_in: dict[int, list[int]]) -> str:
    """The document's blocks as paragraphs of sentence spans, every entity marked and linked."""
    starts = [s.start for s in doc.sentences]
    ents_in: dict[int, list[int]] = {}
    for j, ent in enumerate(doc.entities):
        s = _sentence_at(doc, starts, ent.start)
        if s is not None and ent.end <= s.end:
            ents_in.setdefault(s.index, []).append(j)
    html = []
    for kind, text, sentences in _paragraphs(doc):
        parts = []
        for s in sentences:
            marks = []
            for j in ents_in.get(s.index, []):
                e = doc.entities[j]
                marks.append(
                    mk.from_entity(e, e.start - s.start, e.end - s.start, id=f"{p}-m{j}", href=hrefs.get(j, ""))
                )
            refs = "".join(f'<a class="vref" href="#{p}-v{i}">vote {i + 1}</a>' for i in votes_in.get(s.index, []))
            parts.append(f'<span class="sent" id="{p}-s{s.index}">{mk.highlight(s.text, marks)}{refs}</span>')
        html.append(f'<p class="blk {esc(kind)}">{"".join(parts) or esc(text)}</p>')
    return "".join(html)


def _entity_table(doc: Any, p: str, groups: dict[tuple[str, str], list[int]]) -> str:
    """One row per entity group: label, English name or value, id, source, count, forms, links to mentions."""
    rows = []
    labels = list(COLOURS)
    order = sorted(enumerate(groups.items()), key=lambda t: (labels.index(t[1][0][0]), -len(t[1][1]), t[0]))
    for g, ((label, _), idx) in order:  # by label, most mentioned first; ``g`` is the anchor the marks use
        ents = [doc.entities[j] for j in idx]
        e = ents[0]
        src = e.en_source or ""
        conf = f"{e.en_conf:.2f}" if isinstance(e.en_conf, (int, float)) else ""
        forms = Counter(x.text for x in ents)
        links = " ".join(
            f'<a href="#{p}-m{j}" title="{esc(doc.entities[j].text)}">{n + 1}</a>' for n, j in enumerate(idx)
        )
        shown = "、".join(f"{f} ×{c}" if c > 1 else f for f, c in forms.items())
        attrs = f'data-label="{esc(label)}" data-src="{esc(src or "none")}"' + (
            ' data-un="1"' if mk.unaligned(e) else ""
        )
        rows.append(
            f'<tr id="{p}-e{g}" {attrs}><td><span class="ent ent-{esc(label)}">{esc(label)}</span></td>'
            f"<td>{esc(mk.gloss(e))}</td><td>{esc(e.id)}{' · ' + esc(e.wikidata) if e.wikidata else ''}</td>"
            f'<td>{esc(src)}</td><td class="num">{conf}</td><td class="num">{len(idx)}</td>'
            f'<td>{esc(shown)}</td><td class="links">{links}</td></tr>'
        )
    if not rows:
        return "<p>No entities.</p>"
    head = "".join(
        f"<th>{h}</th>" for h in ("label", "English / value", "id", "source", "conf", "count", "forms", "mentions")
    )
    return f'<table class="ents"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


VOTE_FIELDS = ("sentence", "body", "date", "subject", "for", "against", "abstain", "other", "total", "result", "notes")


def _vote_table(doc: Any, p: str, sentence_of: list[Any]) -> str:
    """One row per vote tally with every field of the record, and a link to its sentence."""
    if not doc.votes:
        return "<p>No vote tallies.</p>"
    rows = []
    for i, v in enumerate(doc.votes):
        k = sentence_of[i]
        sent = f'<a href="#{p}-s{k.index}">{esc(k.text)}</a>' if k is not None else esc(v.sentence)
        body = esc(v.body) + (f" ({esc(v.body_ja)})" if v.body_ja else "")
        subject = esc(v.subject_ja) + (" / " + esc(v.subject_en) if v.subject_en else "")
        nums = "".join(f'<td class="num">{esc(x)}</td>' for x in (v.for_, v.against, v.abstain, v.other, v.total))
        rows.append(
            f'<tr id="{p}-v{i}" data-label="VOTE"><td class="sentence">{sent}</td><td>{body}</td><td>{esc(v.date)}</td>'
            f"<td>{subject}</td>{nums}<td>{esc(v.result)}</td><td>{esc('; '.join(v.notes))}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in VOTE_FIELDS)
    return f'<table class="votes"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def summary_table(counts: Counter[str]) -> str:
    """Mentions per label and unaligned mentions."""
    cells = "".join(f"<th>{k}</th>" for k in COLOURS) + "<th>unaligned</th>"
    vals = "".join(f'<td class="num">{counts.get(k, 0)}</td>' for k in (*COLOURS, "unaligned"))
    return f'<table class="summary"><tr>{cells}</tr><tr>{vals}</tr></table>'


def meta_list(doc: Any) -> str:
    """The document's date and metadata (title, source, url, …) as a definition list; nothing when unknown."""
    items = {"date": doc.doc_date, **{k: v for k, v in (doc.meta or {}).items() if k not in ("date", "doc_id", "id")}}
    shown = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in items.items() if v not in (None, "", [], {}))
    return f'<dl class="meta">{shown}</dl>' if shown else ""


def section(doc: Any, prefix: str, open_: bool = True) -> Section:
    """The ``<details>`` of one document; ``prefix`` makes its anchors unique on the page."""
    p = esc(prefix)
    groups = _groups(doc)
    hrefs = {j: f"{p}-e{g}" for g, idx in enumerate(groups.values()) for j in idx}
    by_start = {e.start: j for j, e in enumerate(doc.entities) if e.label == "VOTE"}
    linked = set()  # votes whose VOTE mark links to their row; the others get a "vote n" link after the sentence
    for i, v in enumerate(doc.votes):
        if v.start in by_start:
            hrefs[by_start[v.start]] = f"{p}-v{i}"
            linked.add(i)
    starts = [s.start for s in doc.sentences]
    sentence_of = [_sentence_at(doc, starts, v.start) for v in doc.votes]
    votes_in: dict[int, list[int]] = {}
    for i, s in enumerate(sentence_of):
        if s is not None and i not in linked:
            votes_in.setdefault(s.index, []).append(i)
    counts: Counter[str] = Counter(e.label for e in doc.entities)
    todo = Counter(f"{e.label} {e.text}" for e in doc.entities if mk.unaligned(e))
    counts["unaligned"] = sum(todo.values())
    todo_html = "".join(f"<li>{esc(k)} ({c})</li>" for k, c in todo.most_common())
    n_ents = sum(counts[k] for k in COLOURS)
    html = (
        f'<details class="doc" id="{p}"{" open" if open_ else ""}><summary><h2>{esc(doc.doc_id)}</h2> '
        f"— {len(doc.sentences)} sentences, {n_ents} mentions, {len(doc.votes)} votes</summary>"
        f"{meta_list(doc)}{summary_table(counts)}<h3>Text</h3>"
        f"{_text(doc, p, hrefs, votes_in)}<h3>Vote tallies</h3>{_vote_table(doc, p, sentence_of)}"
        f"<h3>Entities ({len(groups)} grouped by id)</h3>{_entity_table(doc, p, groups)}"
        + (f"<h3>Unaligned mentions</h3><ul>{todo_html}</ul>" if todo_html else "")
        + "</details>"
    )
    return Section(html, counts, todo)
