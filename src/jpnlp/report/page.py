"""The page around the sections: head with inline styles and script, the control bar, the legend.

Styles and script live in ``jpnlp/data/report*.css`` and ``report.js`` and are inlined, so the page is
one file that loads nothing.  The control bar starts ``hidden``: the script shows it, so a page read
without script (or printed) is plain, complete HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from .marks import COLOURS, esc


@cache
def asset(name: str) -> str:
    """A style sheet or script shipped in ``jpnlp/data``."""
    text = resources.files("jpnlp").joinpath(f"data/{name}").read_text(encoding="utf-8")
    if "</" in text:  # would end the <style>/<script> element early
        raise ValueError(f"jpnlp/data/{name} must not contain '</'")
    return text


def controls(sources: Iterable[str], disagreements: bool = False) -> str:
    """Search, filters by label, English-name source, unaligned and disagreement, gloss toggle, expand/collapse."""
    labels = "".join(
        f'<label><input type="checkbox" name="label" value="{k}" checked> <span class="ent ent-{k}">{k}</span></label>'
        for k in COLOURS
    )
    opts = '<option value="">all</option>' + "".join(f'<option value="{esc(s)}">{esc(s)}</option>' for s in sources)
    dis = '<label><input type="checkbox" id="dis"> disagreements only</label>' if disagreements else ""
    return (
        '<form id="controls" class="controls" hidden>'
        '<input type="search" id="q" placeholder="Search text, English names, values…" aria-label="Search">'
        f'<span>{labels}</span><label>English from <select id="src">{opts}</select></label>'
        f'<label><input type="checkbox" id="un"> unaligned only</label>{dis}'
        '<label><input type="checkbox" id="gl" checked> English names and values</label>'
        '<button type="button" id="expand">Expand all</button><button type="button" id="collapse">Collapse all</button>'
        '<output id="count"></output></form>'
    )


def page(title: str, body: str, sources: Iterable[str], disagreements: bool = False) -> str:
    """The whole HTML document."""
    return (
        f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{esc(title)}</title>'
        f"<style>{asset('report_marks.css')}{asset('report.css')}</style></head>"
        f'<body class="jpnlp"><h1>{esc(title)}</h1>{controls(sources, disagreements)}{body}'
        f"<script>{asset('report.js')}</script></body></html>\n"
    )


def source_order(sources: Iterable[str | None]) -> list[str]:
    """The English-name sources present, best known first, ``none`` (no English name) last."""
    known = _known_sources()
    present = {s or "none" for s in sources}
    return (
        [s for s in known if s in present]
        + sorted(present - {*known, "none"})
        + (["none"] if "none" in present else [])
    )


@cache
def _known_sources() -> tuple[str, ...]:
    """The sources of ``data/en_sources.tsv``, in its order (best first)."""
    text = resources.files("jpnlp").joinpath("data/en_sources.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#"))
    return tuple(r for r in rows if r != "source")
