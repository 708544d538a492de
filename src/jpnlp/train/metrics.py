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

from ..dataset.agreement import GINZA_TO_OURS  # one mapping for the scores and the silver agreement

Tagger = Callable[[Sequence[str], Sequence[bool]], list[str]]
LABELS = ("TREATY", "LEADER", "DATE", "VOTE")


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
    try:
        ds = datasets.load_dataset("parquet", data_files=files)["train"]
        names = ds.features["ner_tags"].feature.names
    except Exception as e:  # noqa: BLE001 - a damaged or foreign Parquet file: one line, not a traceback
        from ..errors import InputError

        raise InputError(data_dir, f"cannot read the {split} split: {type(e).__name__}: {e}") from None
    rows = ds.to_list()
    for r in rows:
        r["ner_tags"] = [names[t] for t in r["ner_tags"]]
    return rows


def evaluate_tagger(tagger: Tagger, rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    gold, pred = [], []
    for r in rows:
        gold.append(list(r["ner_tags"]))
        pred.append(tagger(r["tokens"], r["spaces"]))
    return report(gold, only_gold_labels(gold, pred))


def only_gold_labels(gold: list[list[str]], pred: list[list[str]]) -> list[list[str]]:
    """Drop predicted labels the gold does not annotate (VOTE in the hand-made gold): they are not scored."""
    labels = {t[2:] for g in gold for t in g if t != "O"}
    return [[t if t == "O" or t[2:] in labels else "O" for t in p] for p in pred]


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

    try:
        nlp = spacy.load(model)
    except Exception as e:  # noqa: BLE001 - a corrupt or partial model folder: one line naming it
        from ..errors import InputError

        raise InputError(model, f"cannot load the spaCy model (corrupt or partial folder?): {type(e).__name__}: {e}") from None

    def tag(tokens: Sequence[str], spaces: Sequence[bool]) -> list[str]:
        doc = Doc(nlp.vocab, words=list(tokens), spaces=list(spaces))
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return _doc_tags(doc, mapping)

    return tag


def ginza_tagger() -> Tagger:
    """GiNZA's own entities, labels mapped to ours."""
    return spacy_tagger("ja_ginza", GINZA_TO_OURS)


def write_metrics(path: Path, payload: dict[str, Any]) -> None:
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def second_set_rows(path: Path) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """The hand-written second test set as dataset rows (GiNZA tokens, gold tags), and the rules' tags per row."""
    from ..dataset.rows import align_sentences, sentence_row
    from ..document import prepare
    from ..evaluate import locate, read_jsonl
    from ..pipeline import annotate, default_pipeline

    nlp = default_pipeline()
    rows: list[dict[str, Any]] = []
    rules: dict[str, list[str]] = {}
    for item in read_jsonl(path):
        document = prepare(item["text"], doc_id=item["id"], layout="plain")
        doc = annotate(document, nlp)
        align_sentences(doc, document.sentences)
        gold = [locate(document.text, 0, len(document.text), e) for e in item["entities"]]
        gold_ents = [(m.start, m.end, m.label, {"en": m.en, "value": m.value}) for m in gold]
        ours = [(e.start_char, e.end_char, e.label_, {}) for e in doc.ents if e.label_ in ("TREATY", "LEADER", "DATE")]
        for sent in document.sentences:
            row = sentence_row(document, doc, sent, _inside(gold_ents, sent), [])
            rows.append(row)
            rules[row["id"]] = sentence_row(document, doc, sent, _inside(ours, sent), [])["ner_tags"]
    return rows, rules


def _inside(ents: list[Any], sent: Any) -> list[Any]:
    return [x for x in ents if sent.start <= x[0] and x[1] <= sent.end]


def model_tagger(spec: str, silver: dict[str, list[str]]) -> Callable[[dict[str, Any]], list[str]]:
    """A row tagger for ``rules``, ``ginza``, a spaCy model folder or a transformer folder."""
    if spec == "rules":
        return lambda row: silver[row["id"]]
    if spec == "ginza":
        t = ginza_tagger()
    elif (Path(spec) / "meta.json").exists():
        t = spacy_tagger(spec)
    elif (Path(spec) / "config.json").exists():
        from .transformer import transformer_tagger

        t = transformer_tagger(Path(spec))
    else:
        from ..errors import InputError

        raise InputError(spec, "not a model: expected rules, ginza, a spaCy model folder or a transformer folder")
    return lambda row: t(row["tokens"], row["spaces"])


def evaluate_models(
    data: Path, models: Sequence[str], split: str = "gold", second_set: Path | None = None
) -> dict[str, dict[str, Any]]:
    """seqeval reports for every model on the dataset split and on the second set."""
    rows = load_rows(data, split)
    # the rules' tags for a sentence are the silver tags the build wrote for it (test has the gold sentences)
    silver = {r["id"]: r["ner_tags"] for s in ("train", "validation", "test") for r in _maybe_rows(data, s)}
    sets = {f"{split} split": (rows, silver)}
    if second_set is not None:
        srows, srules = second_set_rows(second_set)
        sets["second set"] = (srows, srules)
    out: dict[str, dict[str, Any]] = {}
    for name, (rs, sil) in sets.items():
        gold = [list(r["ner_tags"]) for r in rs]
        for spec in models:
            tagger = model_tagger(spec, sil)
            out[f"{spec} on {name}"] = report(gold, only_gold_labels(gold, [tagger(r) for r in rs]))
    return out


def _maybe_rows(data: Path, split: str) -> list[dict[str, Any]]:
    try:
        return load_rows(data, split)
    except Exception:  # noqa: BLE001 - a split may be absent
        return []


def format_reports(reports: dict[str, dict[str, Any]]) -> str:
    lines = [f"{'model / set':58} {'TREATY':>7} {'LEADER':>7} {'DATE':>7} {'VOTE':>7} {'micro P':>8} {'micro R':>8} {'micro F1':>8}"]
    for name, r in reports.items():
        def f(k: str, r: dict[str, Any] = r) -> str:
            return f"{r[k]['f1-score']:.3f}" if k in r else "  -  "

        m = r.get("micro avg", {"precision": 0, "recall": 0, "f1-score": 0})
        lines.append(
            f"{name[:58]:58} {f('TREATY'):>7} {f('LEADER'):>7} {f('DATE'):>7} {f('VOTE'):>7} "
            f"{m['precision']:8.3f} {m['recall']:8.3f} {m['f1-score']:8.3f}"
        )
    return "\n".join(lines)
