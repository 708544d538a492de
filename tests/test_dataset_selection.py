"""What a build reads and keeps: collections with --full, evaluation text kept out of training, the silver
agreement score.  Texts are invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jpnlp.dataset.agreement import agreement
from jpnlp.dataset.exclude import EvalText
from jpnlp.dataset.sources import corpus_files, provenance, read_corpus
from jpnlp.errors import InputError


def make_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    (corpus / "real" / "wiki").mkdir(parents=True)
    (corpus / "real" / "gov").mkdir(parents=True)
    (corpus / "main.txt").write_text("本文である。", encoding="utf-8")
    for name, licence in (("wiki", "CC BY-SA 4.0"), ("gov", "public")):
        folder = corpus / "real" / name
        (folder / "a.txt").write_text(f"{name}の文書である。", encoding="utf-8")  # the same file name in both
        entry = {"doc_id": "a", "path": "a.txt", "licence": licence, "source_url": f"https://example.org/{name}"}
        (folder / "manifest.json").write_text(json.dumps({"documents": [entry]}), encoding="utf-8")
    return corpus


def test_default_build_reads_only_the_default_corpus(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    assert [f.name for f, _ in corpus_files([corpus], full=False)] == ["main.txt"]


def test_full_build_reads_collections_with_unique_ids_and_provenance(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    docs = list(read_corpus(corpus_files([corpus], full=True)))
    assert [d.doc_id for d in docs] == ["main", "real/gov/a", "real/wiki/a"]
    wiki = provenance(docs[2].meta)
    assert wiki == {"corpus": "real/wiki", "license": "CC BY-SA 4.0", "source_url": "https://example.org/wiki"}
    assert provenance(docs[0].meta)["corpus"] == "default"


def test_full_build_needs_a_manifest_in_each_collection(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    (corpus / "real" / "news").mkdir()
    with pytest.raises(InputError, match="without a manifest.json") as e:
        corpus_files([corpus], full=True)
    assert "news" in str(e.value)


@pytest.mark.parametrize(
    ("sentence", "excluded"),
    [
        ("山川首相は北湖条約に署名した。", True),  # verbatim
        ("山川首相は　北湖条約に\n署名した。", True),  # spacing and line breaks differ
        ("ＳＴＡＲＴⅡ条約の批准を審議した。", True),  # full width in the sentence, normalized in the set
        ("谷口大統領は南浜協定を批准した。", False),
        ("署名した。", False),  # too short to mean anything
    ],
)
def test_evaluation_text_is_recognised(tmp_path: Path, sentence: str, excluded: bool) -> None:
    f = tmp_path / "eval.jsonl"
    lines = [{"id": "x1", "text": "前文。山川首相は北湖条約に署名した。後文。"}, {"id": "x2", "text": "START II条約の批准を審議した。"}]
    f.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert (sentence in EvalText([f])) is excluded


@pytest.mark.parametrize(("content", "says"), [("{not json", "line 1: not JSON"), ('{"id": "a"}', "line 1: no 'text'")])
def test_bad_evaluation_set_is_one_line_naming_the_file(tmp_path: Path, content: str, says: str) -> None:
    f = tmp_path / "eval.jsonl"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=says) as e:
        EvalText([f])
    assert str(f) in str(e.value)


@pytest.mark.parametrize(
    ("rules", "ginza", "score"),
    [
        ([], [], 1.0),
        ([(0, 4, "LEADER")], [(0, 4, "Person")], 1.0),
        ([(0, 4, "LEADER")], [(0, 2, "Person")], 0.0),  # a name cut short is a disagreement
        ([(0, 4, "LEADER"), (6, 9, "DATE")], [(0, 4, "Person")], 0.6667),
        ([(0, 4, "VOTE")], [(0, 4, "Country")], 1.0),  # labels neither side maps are not compared
        ([], [(0, 2, "Person")], 0.0),  # GiNZA finds a person the rules do not call a leader
    ],
)
def test_agreement_with_ginza(rules: list, ginza: list, score: float) -> None:
    assert agreement(rules, ginza) == score


def test_build_full_drops_evaluation_sentences_and_records_provenance(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from jpnlp.dataset import build_dataset
    from jpnlp.dataset.splits import SplitConfig

    corpus = make_corpus(tmp_path)
    (corpus / "real" / "wiki" / "a.txt").write_text("山川首相は北湖条約に署名した。谷口大統領は南浜協定を批准した。", encoding="utf-8")
    f = tmp_path / "eval.jsonl"
    f.write_text(json.dumps({"id": "x", "text": "山川首相は北湖条約に署名した。"}, ensure_ascii=False), encoding="utf-8")
    split = SplitConfig(1.0, 0.0, 0.0)  # everything in train
    r = build_dataset([corpus], tmp_path / "out", full=True, exclude=[f], fast=True, split=split, gold=False)
    assert r.excluded == {"train": 1}
    rows = pq.read_table(sorted((r.path / "data").glob("train-*.parquet"))).to_pylist()
    assert "山川首相は北湖条約に署名した。" not in {x["text"] for x in rows}
    wiki = [x for x in rows if x["doc_id"] == "real/wiki/a"]
    assert wiki and {(x["corpus"], x["license"], x["label_source"]) for x in wiki} == {("real/wiki", "CC BY-SA 4.0", "silver")}
    assert all(x["ginza_agreement"] is None for x in rows)  # fast mode: no GiNZA entities to agree with
    card = (r.path / "README.md").read_text(encoding="utf-8")
    assert "real/wiki/a" in card and "https://example.org/wiki" in card
    assert json.loads((r.path / "build.json").read_text())["excluded"]["train"] == 1


def test_gold_rows_for_training_keep_the_rules_tallies_and_ids() -> None:
    from jpnlp.dataset.rows import with_rule_votes

    tokens = ["山川", "首相", "は", "賛成", "10", "で", "北湖条約", "を", "承認"]
    spaces = [False] * len(tokens)

    def ent(s: int, e: int, label: str, **kw: object) -> dict:
        return {"start": s, "end": e, "label": label, "id": None, "en": None, **kw}

    silver = {"tokens": tokens, "spaces": spaces,
              "entities": [ent(5, 9, "VOTE"), ent(10, 14, "TREATY", id="treaty.north_lake", en="North Lake Treaty")]}
    gold = {"tokens": tokens, "spaces": spaces, "ner_tags": ["B-LEADER", "O", "O", "O", "O", "O", "B-TREATY", "O", "O"],
            "entities": [ent(0, 2, "LEADER"), ent(10, 14, "TREATY", en="Treaty of North Lake")]}  # fmt: skip
    row = with_rule_votes(gold, silver)
    assert row["ner_tags"] == ["B-LEADER", "O", "O", "B-VOTE", "I-VOTE", "O", "B-TREATY", "O", "O"]
    treaty = next(e for e in row["entities"] if e["label"] == "TREATY")
    assert (treaty["id"], treaty["en"]) == ("treaty.north_lake", "Treaty of North Lake")  # the gold English stays
