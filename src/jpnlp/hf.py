"""Documents from a Hugging Face dataset on disk (``--from-hf``), read offline.

A path is read by what it is: a ``save_to_disk`` folder, a Parquet, JSON, JSON Lines, CSV/TSV or Arrow file,
or a folder of such files.  Nothing here touches the network: a dataset on the Hub is read only when it is
named on purpose as ``hub:NAME``.  The text column holds the documents; ``id_column`` and ``date_column``
give each one its id and date, and every other column is kept as its metadata (:mod:`jpnlp.meta`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .io import RawDocument
from .meta import check_meta

HUB = "hub:"
_BUILDERS = {".parquet": "parquet", ".json": "json", ".jsonl": "json", ".ndjson": "json", ".csv": "csv",
             ".tsv": "csv", ".arrow": "arrow"}  # fmt: skip


def load(name_or_path: str) -> Any:
    """The dataset at ``name_or_path`` (a ``DatasetDict`` or ``Dataset``); InputError when it cannot be read."""
    import datasets

    p = Path(name_or_path)
    try:
        if name_or_path.startswith(HUB):
            return datasets.load_dataset(name_or_path[len(HUB) :])
        if p.is_dir() and any((p / f).exists() for f in ("dataset_dict.json", "dataset_info.json", "state.json")):
            return datasets.load_from_disk(str(p))
        if p.is_file():
            builder = _BUILDERS.get(p.suffix.lower())
            if builder is None:
                raise InputError(p, f"not a dataset file (expected one of {', '.join(sorted(_BUILDERS))})")
            extra = {"delimiter": "\t"} if p.suffix.lower() == ".tsv" else {}
            return datasets.load_dataset(builder, data_files=str(p), **extra)
        if p.is_dir():
            return datasets.load_dataset(str(p))  # a folder of data files, read by datasets' local loader
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001 - reported as one clear input error
        raise InputError(name_or_path, f"cannot read as a Hugging Face dataset: {str(e).splitlines()[0]}") from None
    raise InputError(name_or_path, f"no such file or folder (a dataset on the Hub is read only when named {HUB}NAME)")


def _check_columns(where: str, part: Any, text: str, others: list[str | None]) -> None:
    names = part.column_names
    for column in [text, *others]:
        if column is not None and column not in names:
            raise InputError(where, f"no column {column!r} (columns: {', '.join(names)})")
    dtype = getattr(part.features[text], "dtype", None)
    if dtype not in ("string", "large_string"):
        raise InputError(where, f"column {text!r} holds {dtype or 'not text'}, not text")


def iter_hf_documents(
    name_or_path: str, text_column: str = "text", id_column: str | None = None, date_column: str | None = None
) -> Iterator[RawDocument]:
    """One document per row: its text, its id and date from the named columns, the other columns as metadata."""
    import datasets

    ds = load(name_or_path)
    parts = ds.items() if isinstance(ds, datasets.DatasetDict) else [("data", ds)]
    name = Path(name_or_path.removeprefix(HUB)).name
    seen: set[str] = set()
    for split_name, part in parts:
        _check_columns(name_or_path, part, text_column, [id_column, date_column])
        for i, row in enumerate(part):
            doc_id = str(row[id_column]) if id_column else f"{name}/{split_name}/{i:06d}"
            if doc_id in seen:
                raise InputError(name_or_path, f"row {i} of {split_name}: id {doc_id!r} is not unique in {id_column!r}")
            seen.add(doc_id)
            fields = {k: v for k, v in row.items() if k != text_column}
            if date_column is not None:
                fields["date"] = fields.pop(date_column)
            meta = check_meta(fields, name_or_path, f"row {i} of {split_name}")
            date = meta.get("date")
            yield RawDocument(doc_id, row[text_column] or "", "utf-8", None, str(date) if date else None, meta)
