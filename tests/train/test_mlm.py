"""MLM pretraining on raw corpus text, then fine-tuning for NER: a tiny slice end to end, and bad input."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.dataset import build_dataset
from jpnlp.errors import CheckpointError, InputError

from ..conftest import CORPUS, CORPUS_DOC

TINY = {"steps": 3, "seq_len": 32, "batch_size": 4, "vocab_size": 600}

# invented sentences, a second "document" of raw corpus text
INVENTED = "甲国と乙国は新しい軍縮条約に署名した。\n条約は二〇〇一年に発効する見込みである。\n両国の首脳は会談を歓迎した。\n"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dataset([CORPUS], tmp_path_factory.mktemp("ds")).path


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("raw")
    (d / "sub").mkdir()
    (d / "sub" / "invented.txt").write_text(INVENTED, encoding="utf-8")
    (d / "doc.txt").write_text(CORPUS_DOC.read_text(encoding="utf-8"), encoding="utf-8")
    (d / "notes.md").write_text("not read", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def encoder(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jpnlp.train.pretrain import EncoderSize, pretrain

    out = tmp_path_factory.mktemp("enc") / "encoder-mlm"
    pretrain([raw], out, size=EncoderSize(layers=1, hidden=32, heads=2, intermediate=64), **TINY)
    return out


def test_pretrain_writes_a_loadable_checkpoint_and_metrics(encoder: Path) -> None:
    from transformers import BertForMaskedLM

    from jpnlp.train.pretrain import METRICS_FILE, mask_fill_check

    m = json.loads((encoder / METRICS_FILE).read_text(encoding="utf-8"))
    assert m["steps"] == 3 and m["documents"] == 2 and m["characters"] > 10_000
    assert [p["step"] for p in m["loss_curve"]] == [1, 2, 3] and m["held_out_loss"] > 0
    assert m["tokenizer"]["sentences"] > 100  # learned from the raw text, not from a dataset split
    assert BertForMaskedLM.from_pretrained(str(encoder)).config.num_hidden_layers == 1
    assert len(mask_fill_check(encoder, "米国は<mask>条約を批准した。")) == 1


def test_pretraining_is_reproducible(raw: Path, encoder: Path, tmp_path: Path) -> None:
    from jpnlp.train.pretrain import EncoderSize, pretrain

    pretrain([raw], tmp_path / "again", size=EncoderSize(layers=1, hidden=32, heads=2, intermediate=64), **TINY)
    assert (tmp_path / "again" / "model.safetensors").read_bytes() == (encoder / "model.safetensors").read_bytes()


def test_fine_tune_the_pretrained_encoder_and_the_random_baseline(data: Path, encoder: Path, tmp_path: Path) -> None:
    from jpnlp.train.transformer import train_transformer, transformer_tagger

    a = train_transformer(data, tmp_path / "pre", base=encoder, max_steps=2)
    b = train_transformer(data, tmp_path / "rand", base=encoder, max_steps=2, random_init=True)
    for out, m in ((tmp_path / "pre", a), (tmp_path / "rand", b)):
        saved = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
        assert saved["scores"] == m["scores"] and "micro avg" in m["scores"] and m["steps"] == 2
        assert m["validation_curve"] and m["class_weights"]["O"] == 1.0
    assert b["base"].endswith("(architecture only, random weights)") and a["parameters"] == b["parameters"]
    assert (tmp_path / "pre" / "model.safetensors").read_bytes() != (tmp_path / "rand" / "model.safetensors").read_bytes()
    assert transformer_tagger(tmp_path / "pre")(["米国", "は", "批准", "した"], [False] * 4).__len__() == 4


@pytest.mark.parametrize("length", [10, 40, 126])
def test_span_masking_covers_fifteen_percent_of_the_pieces(length: int) -> None:
    from jpnlp.train.pretrain import span_mask

    ids = [2, *range(10, 10 + length), 3]
    inputs, labels = span_mask(ids, random.Random(length), mask_id=4, vocab=500, specials={0, 2, 3})
    masked = [i for i, lab in enumerate(labels) if lab != -100]
    assert len(masked) == max(1, round(0.15 * length))
    assert labels[0] == labels[-1] == -100 and inputs[0] == 2 and inputs[-1] == 3  # specials never masked
    assert all(labels[i] == ids[i] for i in masked)
    assert all(inputs[i] == ids[i] for i in range(len(ids)) if i not in masked)


def test_blocks_keep_sentences_whole_and_fit(encoder: Path) -> None:
    from transformers import AutoTokenizer

    from jpnlp.train.pretrain import pack

    tok = AutoTokenizer.from_pretrained(str(encoder))
    sentences = ["甲国は条約を批准した。", "乙国は署名した。" * 8, "丙国は棄権した。"]
    blocks = pack(tok, [sentences], seq_len=16)
    assert all(len(b) <= 16 and b[0] == tok.cls_token_id and b[-1] == tok.sep_token_id for b in blocks)
    inner = [i for b in blocks for i in b[1:-1]]
    assert inner == [i for s in tok(sentences, add_special_tokens=False)["input_ids"] for i in s]


def _one_line(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "Traceback" not in result.output
    return lines[0]


def test_empty_corpus_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "blank.txt").write_text("\n\n", encoding="utf-8")
    line = _one_line(CliRunner().invoke(app, ["train", "pretrain", "--corpus", str(tmp_path / "empty"), "-o", str(tmp_path / "o")]))
    assert str(tmp_path / "empty") in line and "no text to pretrain on" in line


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: (d / "config.json").write_text("{not json", encoding="utf-8"),
        lambda d: (d / "model.safetensors").write_bytes((d / "model.safetensors").read_bytes()[:100]),
        lambda d: (d / "config.json").unlink(),
    ],
    ids=["config", "weights", "no-config"],
)
def test_corrupt_checkpoint_is_one_line(damage, data: Path, encoder: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from jpnlp.train.transformer import train_transformer

    broken = tmp_path / "broken"
    shutil.copytree(encoder, broken)
    damage(broken)
    with pytest.raises(CheckpointError) as e:
        train_transformer(data, tmp_path / "out", base=broken, max_steps=1)
    assert str(e.value).startswith(str(broken)) and "\n" not in str(e.value)
    line = _one_line(CliRunner().invoke(app, ["train", "transformer", "--data", str(data), "--base", str(broken), "-o", str(tmp_path / "o2")]))
    assert line.startswith(str(broken)) or str(broken) in line


def _write_split(folder: Path, rows: dict[str, list]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (folder / "data").mkdir(parents=True)
    pq.write_table(pa.table(rows), folder / "data" / "train-00000-of-00001.parquet")
    return folder


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        ({"id": ["a"], "text": ["甲国は署名した。"], "tokens": [["甲国", "は", "署名", "した", "。"]]}, "without labels"),
        ({"id": ["a"], "text": ["x"]}, "without labels"),
    ],
    ids=["tokens-only", "text-only"],
)
def test_dataset_without_labels_is_one_line(rows: dict, says: str, encoder: Path, tmp_path: Path) -> None:
    from jpnlp.train.transformer import train_transformer

    ds = _write_split(tmp_path / "ds", rows)
    with pytest.raises(InputError, match=says) as e:
        train_transformer(ds, tmp_path / "out", base=encoder, max_steps=1)
    assert "train-00000-of-00001.parquet" in str(e.value)


def test_empty_train_split_is_one_line(data: Path, encoder: Path, tmp_path: Path) -> None:
    import shutil

    import pyarrow.parquet as pq

    from jpnlp.train.transformer import train_transformer

    ds = tmp_path / "ds"
    shutil.copytree(data, ds)
    f = next((ds / "data").glob("train-*.parquet"))
    pq.write_table(pq.read_table(f).slice(0, 0), f)
    with pytest.raises(InputError, match="the train split has no rows") as e:
        train_transformer(ds, tmp_path / "out", base=encoder, max_steps=1)
    assert str(ds) in str(e.value)


@pytest.mark.parametrize(
    ("counts", "f1"),
    [
        ({"TREATY": (3, 1, 0), "LEADER": (1, 0, 1), "DATE": (0, 0, 0)}, 0.8),
        ({"TREATY": (0, 2, 2), "LEADER": (0, 0, 0), "DATE": (0, 0, 0)}, 0.0),
        ({"TREATY": (0, 0, 0), "LEADER": (0, 0, 0), "DATE": (5, 0, 0)}, 1.0),
    ],
)
def test_micro_average_over_the_model_labels(counts: dict, f1: float) -> None:
    from jpnlp.train.passage_scores import micro

    labels = {k: {"tp": tp, "fp": fp, "fn": fn} for k, (tp, fp, fn) in counts.items()} | {"VOTE": {"tp": 0, "fp": 9, "fn": 9}}
    assert micro(labels)["f1"] == f1  # VOTE (from the rules) is not the model's and not counted
