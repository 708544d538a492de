"""``--from-hf``: a Hugging Face dataset on disk, read offline, with ids, dates and metadata from its columns."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import datasets
import pytest

from jpnlp.dataset import build_dataset
from jpnlp.errors import InputError
from jpnlp.hf import iter_hf_documents

ROWS = [
    {"text": "米上院は2010年12月22日、新START条約を71対26で承認した。", "doc": "senate-1", "published": "2010-12-23",
     "title": "新START承認"},
    {"text": "オバマ大統領は同日、声明を出した。", "doc": "senate-2", "published": "2010-12-24", "title": "声明"},
]  # fmt: skip


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No network at all: any connection attempt fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("jpnlp tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _write(kind: str, folder: Path) -> Path:
    ds = datasets.Dataset.from_list(ROWS)
    if kind == "disk":
        ds.save_to_disk(str(folder / "disk"))
        return folder / "disk"
    path = folder / f"docs.{kind}"
    if kind == "parquet":
        ds.to_parquet(str(path))
    elif kind == "csv":
        ds.to_csv(str(path), index=False)
    elif kind == "json":
        path.write_text(json.dumps(ROWS, ensure_ascii=False), encoding="utf-8")
    else:  # jsonl
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["parquet", "json", "jsonl", "csv", "disk"])
def test_local_datasets_are_read_offline_with_ids_dates_and_metadata(tmp_path: Path, offline: None, kind: str) -> None:
    path = _write(kind, tmp_path)
    docs = list(iter_hf_documents(str(path), id_column="doc", date_column="published"))
    assert [(d.doc_id, d.doc_date, d.meta) for d in docs] == [
        ("senate-1", "2010-12-23", {"doc": "senate-1", "title": "新START承認", "date": "2010-12-23"}),
        ("senate-2", "2010-12-24", {"doc": "senate-2", "title": "声明", "date": "2010-12-24"}),
    ]
    assert docs[0].text == ROWS[0]["text"]


def test_build_from_a_json_file_offline_keeps_ids_and_metadata(tmp_path: Path, offline: None) -> None:
    built = build_dataset([], tmp_path / "out", from_hf=str(_write("jsonl", tmp_path)), id_column="doc",
                          date_column="published", fast=True).path  # fmt: skip
    table = datasets.load_dataset(str(built), "documents")["train"].to_list()
    assert [(r["doc_id"], r["date"], r["title"]) for r in table] == [
        ("senate-1", "2010-12-23", "新START承認"), ("senate-2", "2010-12-24", "声明")]  # fmt: skip
    vote = datasets.load_dataset(str(built), "votes")["train"][0]
    assert (vote["doc_id"], vote["doc_title"], vote["date"]) == ("senate-1", "新START承認", "2010-12-22")


@pytest.mark.parametrize(
    ("rows", "name", "kwargs", "message"),
    [
        (ROWS, "docs.jsonl", {"id_column": "id"}, "no column 'id' (columns: text, doc, published, title)"),
        (ROWS, "docs.jsonl", {"text_column": "body"}, "no column 'body' (columns: text, doc, published, title)"),
        ([{"text": 5}], "docs.jsonl", {}, "column 'text' holds int64, not text"),
        ([{**ROWS[0], "published": "23/12/2010"}], "docs.jsonl", {"date_column": "published"},
         "row 0 of train: date '23/12/2010' is not YYYY-MM-DD"),
        ([ROWS[0], ROWS[0]], "docs.jsonl", {"id_column": "doc"}, "row 1 of train: id 'senate-1' is not unique in 'doc'"),
        (ROWS, "docs.txt", {}, "not a dataset file (expected one of .arrow, .csv, .json, .jsonl, .ndjson, .parquet, .tsv)"),
    ],
)  # fmt: skip
def test_bad_datasets_are_one_line_naming_the_file(tmp_path: Path, offline: None, rows, name, kwargs, message) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(iter_hf_documents(str(path), **kwargs))
    assert str(info.value) == f"{path}: {message}"


def test_a_missing_path_is_not_sent_to_the_hub(tmp_path: Path, offline: None) -> None:
    with pytest.raises(InputError) as info:
        list(iter_hf_documents(str(tmp_path / "nope.json")))
    assert str(info.value) == f"{tmp_path / 'nope.json'}: no such file or folder (a dataset on the Hub is read only when named hub:NAME)"
