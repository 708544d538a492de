"""``disk/``: the Arrow files ``save_to_disk`` writes, written as the rows come (:mod:`jpnlp.dataset.disk`)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import datasets
import pyarrow as pa
import pytest

import jpnlp.dataset as ds
from jpnlp.dataset.disk import DiskWriter
from jpnlp.dataset.encode import encode, writes
from jpnlp.dataset.splits import SplitConfig
from jpnlp.dataset.writers import encode_rows, features
from jpnlp.io import RawDocument

# invented sentences
TEXTS = [
    "ロシア下院は２００３年５月１４日、モスクワ条約の批准法案を可決した。新ＳＴＡＲＴ条約は２０１１年に発効した。",
    "プーチン大統領とブッシュ大統領は会談し、条約に署名した。",
]


@pytest.fixture(scope="module")
def rows() -> list[dict]:  # type: ignore[type-arg]
    ds._init_worker(None, True)
    out = []
    for i, text in enumerate(TEXTS * 3):
        res = ds.process_document(RawDocument(f"d{i}.txt", text, "utf-8"), None)
        out += [row for _, row in writes(res, SplitConfig(), True)]
    return out


@pytest.mark.parametrize("max_shard_bytes", [10**9, 1])  # one data file; a file per record batch
def test_disk_split_loads_back_as_the_rows_written(tmp_path: Path, rows: list[dict], max_shard_bytes: int) -> None:  # type: ignore[type-arg]
    writer = DiskWriter(tmp_path / "train", "train", features(), max_shard_bytes=max_shard_bytes)
    for row in rows:
        writer.add_table(encode_rows(features(), [row]))
    assert writer.close("0123456789abcdef") == len(rows)
    state = json.loads((tmp_path / "train" / "state.json").read_text(encoding="utf-8"))
    names = [f["filename"] for f in state["_data_files"]]
    n = 1 if max_shard_bytes > 1 else -(-len(rows) // 1000)
    assert names == [f"data-{i:05d}-of-{n:05d}.arrow" for i in range(n)]
    assert sorted(p.name for p in (tmp_path / "train").iterdir()) == sorted([*names, "state.json", "dataset_info.json"])
    loaded = datasets.load_from_disk(str(tmp_path / "train"))
    assert (loaded.split, loaded.features, state["_fingerprint"]) == ("train", features(), "0123456789abcdef")
    assert loaded.info.splits["train"].num_examples == len(rows)
    assert loaded.to_list() == datasets.Dataset.from_list(rows, features=features()).to_list()


def test_encoded_tables_cross_a_pickle_unchanged(rows: list[dict]) -> None:  # type: ignore[type-arg]
    """Workers send tables as Arrow IPC streams: the same schema (features metadata too) and values come back."""
    res = {"doc_id": "d", "rows": [(r, None) for r in rows[:5]], "document": {"doc_id": "d"}}
    encoded = encode(res, SplitConfig(1, 0, 0), True)
    back = pickle.loads(pickle.dumps(encoded))
    for before, after in [(encoded.splits["train"].rows, back.splits["train"].rows), (encoded.document, back.document),
                          *((encoded.tables[t], back.tables[t]) for t in encoded.tables)]:  # fmt: skip
        assert isinstance(after, pa.Table)
        assert after.equals(before) and after.schema.equals(before.schema, check_metadata=True)
    assert back.splits["train"].conllu == encoded.splits["train"].conllu and back.mentions == encoded.mentions
