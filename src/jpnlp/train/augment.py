"""The training mix: gold oversampled, mention-dense sentences oversampled, empty ones thinned, mentions replaced.

The corpus is entity-sparse (most sentences mention nothing) and its treaties and leaders are few and varied,
so the model sees too few of them.  :func:`mix_rows` reshapes the ``train`` rows, seeded (the same mix every
run), as :class:`Mix` says:

* gold rows (hand-made labels) ``gold_repeat`` times, silver rows with a mention ``dense_repeat`` times, and
  only a ``empty_keep`` share of the silver rows that mention nothing;
* ``replace`` extra copies of each row with a mention, each mention swapped for another of the same label
  (mention replacement, Dai & Adel 2020, "An Analysis of Simple Data Augmentation for Named Entity
  Recognition"): the context stays real, the names vary.  Treaties and leaders come from the glossary's forms
  (far more of them than the corpus mentions); dates from the distinct DATE mentions of the train rows
  themselves, each notation as likely as any other (a rare one — kanji numerals, an era with its Western
  year in brackets, an English date — is seen as often as ``2031年5月3日``).

A copy has no GiNZA analysis (its lemmas, tags and parse would no longer fit); the NER does not read them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

GLOSSARY_LABELS = ("TREATY", "LEADER")  # replaced by glossary forms; other labels by the rows' own mentions
Form = tuple[tuple[str, ...], tuple[bool, ...]]  # a mention's tokens, and whether a space follows each inside it


@dataclass(frozen=True)
class Mix:
    """How the train rows are resampled (the defaults are what the shipped model was trained with)."""

    gold_repeat: int = 4
    dense_repeat: int = 2
    empty_keep: float = 0.3
    replace: int = 2
    seed: int = 13

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


NO_MIX = Mix(gold_repeat=1, dense_repeat=1, empty_keep=1.0, replace=0)


def has_mention(row: dict[str, Any]) -> bool:
    return any(t != "O" for t in row["ner_tags"])


def mix_rows(rows: Sequence[dict[str, Any]], mix: Mix, forms: Callable[[str], list[Form]] | None = None,
             ) -> list[dict[str, Any]]:  # fmt: skip
    """The train rows resampled and augmented as ``mix`` says (``forms``: a label's tokenized glossary forms)."""
    rng = random.Random(mix.seed)
    own = mentions(rows)
    glossary = forms or glossary_forms

    def pool(label: str) -> list[Form]:
        return glossary(label) if label in GLOSSARY_LABELS else own.get(label, [])

    out: list[dict[str, Any]] = []
    for row in rows:
        if row.get("label_source") == "gold":
            copies = mix.gold_repeat
        elif has_mention(row):
            copies = mix.dense_repeat
        else:
            copies = 1 if rng.random() < mix.empty_keep else 0
        out += [row] * copies
        if has_mention(row):
            out += [replaced(row, pool, rng, n) for n in range(mix.replace)]
    return out


def mentions(rows: Sequence[dict[str, Any]]) -> dict[str, list[Form]]:
    """The distinct mentions of the rows by label, sorted."""
    found: dict[str, set[Form]] = {}
    for row in rows:
        for s, e, label in spans(row["ner_tags"]):
            found.setdefault(label, set()).add((tuple(row["tokens"][s:e]), (*row["spaces"][s : e - 1], False)))
    return {label: sorted(ms) for label, ms in found.items()}


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``[start, end)`` of IOB2 tags (an ``I-`` without its ``B-`` starts one)."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and out and out[-1][1] == i and out[-1][2] == tag[2:]:
            out[-1] = (out[-1][0], i + 1, tag[2:])
        elif tag != "O":
            out.append((i, i + 1, tag[2:]))
    return out


def replaced(row: dict[str, Any], forms: Callable[[str], list[Form]], rng: random.Random, n: int,
             ) -> dict[str, Any]:  # fmt: skip
    """A copy of ``row`` with each mention replaced by a random one of its label from ``forms``."""
    tokens: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos = 0
    for s, e, label in spans(row["ner_tags"]):
        if not forms(label):
            continue
        new, inner = rng.choice(forms(label))
        tokens += [*row["tokens"][pos:s], *new]
        spaces += [*row["spaces"][pos:s], *inner[:-1], row["spaces"][e - 1]]  # the space after it stays
        tags += list(row["ner_tags"][pos:s]) + [f"B-{label}"] + [f"I-{label}"] * (len(new) - 1)
        pos = e
    tokens += row["tokens"][pos:]
    spaces += list(row["spaces"][pos:])
    tags += list(row["ner_tags"][pos:])
    k = len(tokens)
    return {**row, "id": f"{row['id']}~{n}", "tokens": tokens, "spaces": spaces, "ner_tags": tags,
            "text": "".join(t + (" " if sp else "") for t, sp in zip(tokens, spaces)), "entities": [],
            "lemmas": [""] * k, "pos": [""] * k, "tags": [""] * k, "heads": list(range(k)), "deps": [""] * k}  # fmt: skip


@cache
def glossary_forms(label: str) -> list[Form]:
    """Every Japanese form of the glossary's entries of ``label``, normalized and tokenized (Sudachi mode C, the
    tokenizer the trained model runs with), sorted (a seeded choice picks the same one)."""
    import spacy

    from ..glossary import default_glossary
    from ..normalize import normalize

    nlp = spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "C"}}})
    # Japanese forms, and abbreviations written as one word (NPT, New START's 新START): Japanese text uses them
    entries = [e for e in default_glossary().entries.values() if e.label == label]
    texts = sorted({normalize(f) for e in entries for f in (*e.ja, *(a for a in e.abbr if " " not in a))})
    docs = [nlp(x) for x in texts if x.strip()]
    return [(tuple(t.text for t in d), tuple(bool(t.whitespace_) for t in d)) for d in docs]
