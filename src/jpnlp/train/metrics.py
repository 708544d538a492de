"""Entity-level scores in seqeval's strict IOB2 mode, and the taggers they compare.

A *tagger* maps a dataset row (``tokens``, ``spaces``) to one IOB2 tag per
token.  Every model — the rules, GiNZA's own NER, a trained spaCy model, a
trained transformer — is scored the same way on the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

Tagger = Callable[[Sequence[str], Sequence[bool]], list[str]]
LABELS = ("TREATY", "LEADER", "DATE", "VOTE")
GINZA_TO_OURS = {"Treaty": "TREATY", "Law": "TREATY", "Person": "LEADER", "Date": "DATE"}


def report(gold: list[list[str]], pred: list[list[str]]) -> dict[str, Any]:
    """Per-label and micro-averaged precision/recall/F1 (strict IOB2, entity level)."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    rep = classification_report(gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    out: dict[str, Any] = {}
    for k, v in rep.items():
        out[k] = {m: round(float(v[m]), 4) for m in ("precision", "recall", "f1-score")} | {"support": int(v["support"])}
    return out


def load_rows(data_dir: Path, split: str) -> list[dict[str, Any]]:
    """Rows of one split of a built dataset (its Parquet shards), with tags as strings."""
    import datasets

    files = sorted(str(p) for p in (Path(data_dir) / "data").glob(f"{split}-*.parquet"))
    if not files:
        from ..errors import InputError

        raise InputError(data_dir, f"no {split} split (data/{split}-*.parquet)")
    ds = datasets.load_dataset("parquet", data_files=files)["train"]
    names = ds.features["ner_tags"].feature.names
    rows = ds.to_list()
    for r in rows:
        r["ner_tags"] = [names[t] for t in r["ner_tags"]]
    return rows


def evaluate_tagger(tagger: Tagger, rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    gold, pred = [], []
    for r in rows:
        gold.append(list(r["ner_tags"]))
        pred.append(tagger(r["tokens"], r["spaces"]))
    return report(gold, pred)


def _doc_tags(doc: Any, mapping: dict[str, str] | None = None) -> list[str]:
    tags = []
    prev = None
    for t in doc:
        label = t.ent_type_
        if mapping is not None:
            label = mapping.get(label, "")
        if not label:
            tags.append("O")
            prev = None
            continue
        begin = t.ent_iob_ == "B" or prev != label
        tags.append(f"{'B' if begin else 'I'}-{label}")
        prev = label
    return tags


def spacy_tagger(model: str | Path, mapping: dict[str, str] | None = None) -> Tagger:
    """Tags from a spaCy pipeline run on the given tokens (its tokenizer is not used)."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load(model)

    def tag(tokens: Sequence[str], spaces: Sequence[bool]) -> list[str]:
        doc = Doc(nlp.vocab, words=list(tokens), spaces=list(spaces))
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return _doc_tags(doc, mapping)

    return tag


def ginza_tagger() -> Tagger:
    """GiNZA's own entities, labels mapped to ours."""
    return spacy_tagger("ja_ginza", GINZA_TO_OURS)


def silver_tagger(rows_by_id: dict[str, list[str]]) -> Callable[[dict[str, Any]], list[str]]:
    """The rules' tags (the silver labels a build wrote for the same sentence)."""
    return lambda row: rows_by_id[row["id"]]


def write_metrics(path: Path, payload: dict[str, Any]) -> None:
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
