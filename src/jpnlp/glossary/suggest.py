"""``jpnlp glossary suggest``: glossary entries for the names a corpus uses and the glossary lacks.

:func:`collect` groups the TREATY and LEADER mentions the pipeline could not align by their
:func:`~jpnlp.glossary.match_key` (and, where two groups got the same English name, into one),
most frequent first.  :func:`to_yaml` writes them as a glossary file a user edits and passes to
``--glossary`` as it is: each entry has a proposed id, the English name the pipeline gave the
mention, its forms, and comments with the counts, examples and the shipped entries it is near.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import printable
from ..link import link_treaty
from . import Glossary, _catch_all, match_key
from .near import Near, near_entries

LABELS = ("TREATY", "LEADER")
EXAMPLE_CHARS = 40  # context kept on each side of the mention in an example line
_SPACE = re.compile(r"\s+")


@dataclass
class Candidate:
    """Unaligned mentions that would make one glossary entry."""

    label: str
    forms: Counter[str] = field(default_factory=Counter)
    names: Counter[tuple[str, str | None]] = field(default_factory=Counter)  # (English name, its source)
    confidence: dict[str, float] = field(default_factory=dict)  # English name -> best confidence seen
    documents: set[str] = field(default_factory=set)
    examples: list[str] = field(default_factory=list)
    id: str = ""
    near: list[Near] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(self.forms.values())

    @property
    def en(self) -> str | None:
        return self.names.most_common(1)[0][0][0] if self.names else None

    @property
    def en_source(self) -> str | None:
        return self.names.most_common(1)[0][0][1] if self.names else None


def is_candidate(entity: Any, glossary: Glossary) -> bool:
    """An unaligned TREATY/LEADER mention that an entry could name (not a composed name, not a common word)."""
    if entity.label not in LABELS or entity.id or entity.anaphor:
        return False
    key = match_key(entity.text)
    if not key or _catch_all(key) or glossary.candidates(entity.text):
        return False  # nothing to add, or a form the glossary has (ambiguous, or under another label)
    return entity.label != "TREATY" or link_treaty(entity.text, glossary) is None  # composed: 同…議定書


def collect(documents: Iterable[Any], glossary: Glossary) -> list[Candidate]:
    """Candidate entries from processed :class:`~jpnlp.document.Document` objects, most frequent first."""
    groups: dict[tuple[str, str], Candidate] = {}
    for doc in documents:
        for e in doc.entities:
            if not is_candidate(e, glossary):
                continue
            c = groups.setdefault((e.label, match_key(e.text)), Candidate(e.label))
            c.forms[e.text] += 1
            c.documents.add(doc.doc_id)
            if e.en:
                c.names[(e.en, getattr(e, "en_source", None))] += 1
                conf = getattr(e, "en_conf", None)
                if conf is not None:
                    c.confidence[e.en] = max(float(conf), c.confidence.get(e.en, 0.0))
            if len(c.examples) < 2:
                line = example(doc, e.start, e.end)
                if line not in c.examples:
                    c.examples.append(line)
    cands = _merge_same_english(list(groups.values()))
    return sorted(cands, key=lambda c: -c.count)  # stable: first seen first among equals


def _merge_same_english(cands: list[Candidate]) -> list[Candidate]:
    """Groups of one label that got the same English name are one concept (フー条約 and フー条約(FT))."""
    out: dict[tuple[str, str], Candidate] = {}
    alone: list[Candidate] = []
    for c in cands:
        if c.en is None:
            alone.append(c)
            continue
        first = out.setdefault((c.label, match_key(c.en)), c)
        if first is not c:
            first.forms.update(c.forms)
            first.names.update(c.names)
            first.documents |= c.documents
            first.examples = (first.examples + [x for x in c.examples if x not in first.examples])[:2]
            for en, conf in c.confidence.items():
                first.confidence[en] = max(conf, first.confidence.get(en, 0.0))
    return list(out.values()) + alone


def example(doc: Any, start: int, end: int) -> str:
    """The sentence around a mention on one line, trimmed to :data:`EXAMPLE_CHARS` on each side."""
    sent = next((s for s in doc.sentences if s.start <= start < s.end), None)
    lo, hi = (sent.start, sent.end) if sent else (start, end)
    a, b = max(lo, start - EXAMPLE_CHARS), min(hi, end + EXAMPLE_CHARS)
    text = ("…" if a > lo else "") + doc.text[a:b] + ("…" if b < hi else "")
    return printable(_SPACE.sub(" ", text).strip())


def suggest(
    documents: Iterable[Any], glossary: Glossary, min_count: int = 1, limit: int | None = None
) -> list[Candidate]:
    """The candidates seen at least ``min_count`` times (at most ``limit``), with ids and near misses."""
    cands = [c for c in collect(documents, glossary) if c.count >= min_count][:limit]
    taken = set(glossary.entries)
    for c in cands:
        c.id = unique_id(c.label, c.en or "", taken)
        taken.add(c.id)
        c.near = near_entries(glossary, c.forms.most_common(1)[0][0], c.label)
    return cands


def slug(text: str) -> str:
    """An id slug from an English name: ASCII letters and digits joined by ``_`` (``Treaty of Pelindaba`` →
    ``treaty_of_pelindaba``); accents dropped, at most about 40 characters."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_)
    out = ""
    for w in words:
        if out and len(out) + len(w) > 40:
            break
        out = f"{out}_{w}" if out else w
    return out


def unique_id(label: str, en: str, taken: set[str]) -> str:
    base = f"{label.lower()}.{slug(en) or 'new'}"
    n, candidate = 1, base
    while candidate in taken:
        n += 1
        candidate = f"{base}_{n}"
    return candidate


# What a YAML reader refuses in a stream or takes for a line break (U+2028, U+2029, NEL): escaped.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(text: str) -> str:
    return _NOT_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML, and so are its \\u escapes)."""
    return _escape(json.dumps(text, ensure_ascii=False))


def _comment(text: str) -> str:
    """``text`` safe inside a one-line YAML comment."""
    return _escape(printable(text))


def entry_yaml(c: Candidate) -> list[str]:
    """One candidate as commented YAML lines of an ``entries:`` list."""
    docs = f" in {len(c.documents)} documents" if len(c.documents) > 1 else ""
    lines = [f"  # {c.count} mention{'s' if c.count != 1 else ''}{docs}"]
    en = c.en
    if en:
        conf = c.confidence.get(en)
        how = f" from {_comment(str(c.en_source))}" if c.en_source else ""
        lines.append(f"  # en: {_comment(en)}{how}{f' (confidence {conf:.2f})' if conf is not None else ''}")
    else:
        lines.append("  # en: no English name found: the Japanese form stands in; write the English name")
    lines += [f"  # e.g. {_comment(x)}" for x in c.examples]
    lines += [f"  # near: {n.entry.id} — {_comment(n.form)} ({n.score:.2f})" for n in c.near]
    forms = [f for f, _ in c.forms.most_common()]
    if en:  # the English name is a lookup key already: listing it as a form adds nothing
        forms = [f for f in forms if match_key(f) != match_key(en)]
    lines += [
        f"  - id: {c.id}",
        f"    label: {c.label}",
        f"    en: {_q(en or c.forms.most_common(1)[0][0])}",
        f"    ja: [{', '.join(_q(f) for f in forms)}]",
    ]
    if c.label == "LEADER":
        lines.append("    # country: XX  (ISO 3166 code)   offices: [{title_en: …, title_ja: …, from: YYYY, to: YYYY}]")
    return lines


def to_yaml(cands: list[Candidate]) -> str:
    """A glossary document of the candidates: ``jpnlp glossary check`` passes it and ``--glossary`` reads it."""
    head = [
        f"# jpnlp glossary suggest: {len(cands)} candidate entr{'y' if len(cands) == 1 else 'ies'}, most frequent first.",
        "# Check each id, en and form, delete what is not a name, then: jpnlp glossary check FILE",
        "# and use it with --glossary FILE.  An id the shipped glossary has would merge into that entry.",
    ]
    if not cands:
        return "\n".join([*head, "entries: []"]) + "\n"
    body = [line for c in cands for line in ["", *entry_yaml(c)]]
    return "\n".join([*head, "entries:", *body]) + "\n"


def to_tsv(cands: list[Candidate]) -> str:
    """One line per form: count, label, form (the older output of ``glossary suggest``)."""
    rows = [(n, c.label, f) for c in cands for f, n in c.forms.most_common()]
    return "".join(f"{n}\t{label}\t{f}\n" for n, label, f in sorted(rows, key=lambda r: -r[0]))
