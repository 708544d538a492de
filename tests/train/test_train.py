"""Training: a tiny spaCy model and a tiny transformer on the built dataset, saved, loaded, predicting the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jpnlp.dataset import build_dataset
from jpnlp.train.metrics import load_rows, report, spacy_tagger

from ..conftest import CORPUS


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dataset([CORPUS], tmp_path_factory.mktemp("ds")).path


def test_seqeval_strict_report() -> None:
    gold = [["B-TREATY", "I-TREATY", "O", "B-DATE"]]
    pred = [["B-TREATY", "I-TREATY", "O", "I-DATE"]]  # strict IOB2: an I- without B- is no entity
    r = report(gold, pred)
    assert r["TREATY"]["f1-score"] == 1.0
    assert r["DATE"]["f1-score"] == 0.0
    assert r["micro avg"]["precision"] == 1.0 and r["micro avg"]["recall"] == 0.5


def test_tiny_spacy_model_round_trip(data: Path, tmp_path: Path) -> None:
    from jpnlp.train.spacy_ner import train_spacy

    m = train_spacy(data, tmp_path / "sp", "scratch", {"training.max_steps": 4, "training.eval_frequency": 2})
    assert m["eval_split"] == "gold"
    assert set(m["scores"]) >= {"micro avg"}
    saved = json.loads((tmp_path / "sp" / "metrics.json").read_text(encoding="utf-8"))
    assert saved["scores"] == m["scores"]
    rows = load_rows(data, "gold")[:5]
    a, b = spacy_tagger(tmp_path / "sp" / "model-last"), spacy_tagger(tmp_path / "sp" / "model-last")
    assert [a(r["tokens"], r["spaces"]) for r in rows] == [b(r["tokens"], r["spaces"]) for r in rows]


def test_tokenizer_really_splits_and_has_offsets(data: Path, tmp_path: Path) -> None:
    from transformers import AutoTokenizer

    from jpnlp.train.tokenizer import train_tokenizer

    info = train_tokenizer(tmp_path / "tok", data)
    assert info["requested_vocab_size"] == 4000 and info["vocab_size"] < 4000  # capped at what the text supports
    tok = AutoTokenizer.from_pretrained(str(tmp_path / "tok"))
    enc = tok("ロシア下院はSTARTII条約を批准した。", add_special_tokens=False, return_offsets_mapping=True)
    pieces = tok.convert_ids_to_tokens(enc["input_ids"])
    assert len(pieces) >= 4 and tok.unk_token not in pieces
    assert "".join(pieces) == "ロシア下院はSTARTII条約を批准した。"
    # words given one by one: no bare ▁ piece, so the first piece of each word carries its content
    words = tok([["ロシア", "下院", "は", "STARTII", "条約"]], is_split_into_words=True, add_special_tokens=False)
    assert "\u2581" not in tok.convert_ids_to_tokens(words["input_ids"][0])
    assert enc["offset_mapping"][-1][1] == len("ロシア下院はSTARTII条約を批准した。")


def test_tiny_transformer_round_trip_and_fixed_seeds(data: Path, tmp_path: Path) -> None:
    from jpnlp.train.tokenizer import train_tokenizer
    from jpnlp.train.transformer import encode, train_transformer, transformer_tagger

    train_tokenizer(tmp_path / "tok", data)
    a = train_transformer(data, tmp_path / "a", tokenizer_dir=tmp_path / "tok", max_steps=3)
    b = train_transformer(data, tmp_path / "b", tokenizer_dir=tmp_path / "tok", max_steps=3)
    assert a["steps"] == 3 and a["parameters"] < 5_000_000
    assert a["scores"] == b["scores"]  # seeds fixed: the same run gives the same metrics
    assert (tmp_path / "a" / "model.safetensors").read_bytes() == (tmp_path / "b" / "model.safetensors").read_bytes()
    rows = load_rows(data, "gold")[:5]
    t1, t2 = transformer_tagger(tmp_path / "a"), transformer_tagger(tmp_path / "a")
    p1 = [t1(r["tokens"], r["spaces"]) for r in rows]
    assert p1 == [t2(r["tokens"], r["spaces"]) for r in rows]
    assert all(len(p) == len(r["tokens"]) for p, r in zip(p1, rows))
    # labels on first pieces only; -100 on special tokens and the other pieces
    from transformers import AutoTokenizer

    enc = encode(AutoTokenizer.from_pretrained(str(tmp_path / "a")), rows[:1])[0]
    assert enc["labels"][0] == -100 and enc["labels"][-1] == -100
    assert sum(x != -100 for x in enc["labels"]) == len(rows[0]["tokens"])


def test_extract_with_a_trained_model_keeps_the_schema(data: Path, tmp_path: Path) -> None:
    from jpnlp.pipeline import process
    from jpnlp.train.spacy_ner import train_spacy

    train_spacy(data, tmp_path / "sp", "scratch", {"training.max_steps": 30, "training.eval_frequency": 10})
    text = "ロシア下院は２０００年４月１４日、ＳＴＡＲＴⅡ条約批准関連法を賛成２８８、反対１３１、棄権４で可決した。"
    ruled = process(text)
    modeled = process(text, model=tmp_path / "sp" / "model-last")
    assert [e.label for e in modeled.entities if e.label == "VOTE"] == ["VOTE"]  # tallies still come from the rules
    for e in modeled.entities:
        assert modeled.text[e.start : e.end] == e.text
        assert modeled.raw[e.raw_start : e.raw_end] == e.raw_text
        if e.label == "DATE":
            assert e.value is not None  # values are resolved for predicted spans too
    assert ruled.entities[0].value == "2000-04-14"


def test_fine_tune_a_checkpoint_on_disk(data: Path, tmp_path: Path) -> None:
    """--base: any local token-classification checkpoint (here one trained a moment ago) is fine-tuned offline."""
    from jpnlp.train.tokenizer import train_tokenizer
    from jpnlp.train.transformer import train_transformer

    train_tokenizer(tmp_path / "tok", data)
    train_transformer(data, tmp_path / "base", tokenizer_dir=tmp_path / "tok", max_steps=2)
    m = train_transformer(data, tmp_path / "tuned", base=tmp_path / "base", max_steps=2)
    assert m["base"] == str(tmp_path / "base") and m["steps"] == 2
    assert (tmp_path / "tuned" / "tokenizer.json").exists()
    assert (tmp_path / "base" / "model.safetensors").read_bytes() != (tmp_path / "tuned" / "model.safetensors").read_bytes()
