"""Training spaCy NER models on a built dataset: a tiny synthetic slice, fast, and clear errors on bad input.

The sentences are invented (names, treaties and dates that exist nowhere); the dataset is written with the
build's own Parquet writer, so the trainer reads exactly what ``jpnlp build`` writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jpnlp.errors import InputError

# (tokens, tags): invented sentences in the shape of the corpus
SENTENCES = [
    (["山川", "一郎", "首相", "は", "2031年5月3日", "に", "北湖条約", "に", "署名", "した", "。"],
     ["B-LEADER", "I-LEADER", "O", "O", "B-DATE", "O", "B-TREATY", "O", "O", "O", "O"]),
    (["谷口", "次郎", "大統領", "は", "2029年", "、", "南浜協定", "を", "批准", "した", "。"],
     ["B-LEADER", "I-LEADER", "O", "O", "B-DATE", "O", "B-TREATY", "O", "O", "O", "O"]),
    (["会議", "は", "2033年1月", "に", "開か", "れ", "た", "。"],
     ["O", "O", "B-DATE", "O", "O", "O", "O", "O"]),
    (["森田", "三郎", "外相", "が", "東岬議定書", "に", "言及", "した", "。"],
     ["B-LEADER", "I-LEADER", "O", "O", "B-TREATY", "O", "O", "O", "O"]),
]  # fmt: skip


def row(i: int, tokens: list[str], tags: list[str], source: str = "silver", agree: float | None = 1.0) -> dict[str, Any]:
    n = len(tokens)
    return {
        "id": f"d#{i:05d}", "doc_id": "d", "sentence_index": i, "block": "paragraph", "block_index": i,
        "text": "".join(tokens), "raw_text": "".join(tokens), "raw_start": 0, "raw_end": len("".join(tokens)),
        "tokens": tokens, "spaces": [False] * n, "ner_tags": tags, "lemmas": [""] * n, "pos": [""] * n,
        "tags": [""] * n, "heads": list(range(n)), "deps": [""] * n, "entities": [], "votes": [],
        "reviewed": source == "gold", "label_source": source, "ginza_agreement": agree,
        "corpus": "default", "license": None, "source_url": None,
    }  # fmt: skip


def write_dataset(root: Path, splits: dict[str, list[dict[str, Any]]]) -> Path:
    from jpnlp.dataset.writers import ShardWriter

    (root / "data").mkdir(parents=True)
    for split, rows in splits.items():
        w = ShardWriter(root / "data", split)
        for r in rows:
            w.add(r)
        w.close()
    return root


def tiny(root: Path, repeat: int = 6) -> Path:
    rows = [row(i, *SENTENCES[i % len(SENTENCES)]) for i in range(repeat * len(SENTENCES))]
    gold = [row(i, *s, source="gold") for i, s in enumerate(SENTENCES)]
    return write_dataset(root, {"train": rows, "validation": rows[:4], "gold": gold})


FAST = {"training.max_steps": 20, "training.eval_frequency": 10, "training.patience": 0}


@pytest.mark.parametrize("base", ["scratch", "ginza"])
def test_each_kind_trains_on_a_tiny_slice_and_writes_loadable_metrics(tmp_path: Path, base: str) -> None:
    from jpnlp.train.spacy_ner import train_spacy

    data = tiny(tmp_path / "ds")
    metrics = train_spacy(data, tmp_path / "m", base, FAST)
    loaded = json.loads((tmp_path / "m" / "metrics.json").read_text(encoding="utf-8"))
    assert loaded["base"] == base and loaded["eval_split"] == "gold"
    assert "micro avg" in loaded["scores"] and loaded == json.loads(json.dumps(metrics, ensure_ascii=False))
    assert loaded["trained_on"]["train"]["sentences"] == 24
    import spacy

    assert set(spacy.load(tmp_path / "m" / "model-last").get_pipe("ner").labels) == {"TREATY", "LEADER", "DATE"}


def test_min_agreement_keeps_gold_and_agreeing_silver(tmp_path: Path) -> None:
    from jpnlp.train.corpus import write_training_data

    toks, tags = SENTENCES[0]
    rows = [row(0, toks, tags, agree=1.0), row(1, toks, tags, agree=0.5), row(2, toks, tags, "gold", agree=0.0),
            row(3, toks, tags, agree=None)]  # fmt: skip
    data = write_dataset(tmp_path / "ds", {"train": rows, "validation": rows})
    s = write_training_data(data, tmp_path / "c", min_agreement=1.0)
    assert (s["train"]["sentences"], s["train"]["gold"], s["train"]["dropped_disagreeing"]) == (2, 1, 2)
    assert write_training_data(data, tmp_path / "c2")["train"]["sentences"] == 4


def test_vote_is_not_learned(tmp_path: Path) -> None:
    from jpnlp.train.corpus import model_labels_only

    r = row(0, ["賛成", "10", "、", "反対", "2"], ["B-VOTE", "I-VOTE", "I-VOTE", "I-VOTE", "I-VOTE"])
    assert model_labels_only(r)["ner_tags"] == ["O"] * 5


@pytest.mark.parametrize(
    ("splits", "named", "says"),
    [
        ({"train": []}, "train-*.parquet", "no train split"),  # an empty split writes no shard
        ({"train": "unlabelled", "validation": "unlabelled"}, "train-*.parquet", "no TREATY/LEADER/DATE labels"),
        ({"train": "tiny"}, "validation-*.parquet", "no validation split"),
    ],
)
def test_bad_training_input_is_one_line_naming_the_file(tmp_path: Path, splits: dict, named: str, says: str) -> None:
    from jpnlp.train.spacy_ner import train_spacy

    toks, _ = SENTENCES[0]
    make = {"unlabelled": [row(0, toks, ["O"] * len(toks))], "tiny": [row(0, *SENTENCES[0])]}
    data = write_dataset(tmp_path / "ds", {s: make[v] if isinstance(v, str) else v for s, v in splits.items()})
    with pytest.raises(InputError) as e:
        train_spacy(data, tmp_path / "m", "scratch", FAST)
    assert says in str(e.value) and "\n" not in str(e.value)
    assert named in str(e.value) or str(data) in str(e.value)


def test_corrupt_model_folder_is_one_line_naming_it(tmp_path: Path) -> None:
    from jpnlp.models import resolve_model
    from jpnlp.train.metrics import spacy_tagger

    bad = tmp_path / "model"
    bad.mkdir()
    with pytest.raises(InputError, match="not a trained model") as e:
        resolve_model(bad)
    assert str(bad) in str(e.value)
    (bad / "meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="cannot load the spaCy model") as e:
        spacy_tagger(bad)
    assert str(bad) in str(e.value) and "\n" not in str(e.value)


def test_unknown_model_name_lists_the_packaged_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jpnlp.models import resolve_model

    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="nor a packaged model"):
        resolve_model("no-such-model")
