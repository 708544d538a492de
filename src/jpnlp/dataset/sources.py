"""Which corpus files a build reads: the shipped default corpus, and with ``--full`` its real-text collections.

A *collection* is a folder ``<corpus>/real/<name>/`` with its own ``manifest.json`` (files, licence,
source_url, …).  ``jpnlp build`` leaves collections out, so the default build stays small; ``jpnlp build
--full`` reads each one too.  A collection's documents get ids prefixed with ``real/<name>/`` (unique across
collections and the default corpus) and their manifest entry as metadata, so provenance reaches the rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..io import RawDocument, list_inputs, read_files

REAL = "real"
DEFAULT = "default"


def collections(corpus: Path) -> list[Path]:
    """The real-text collections of a corpus folder: the ``real/*/`` folders; each must hold a ``manifest.json``."""
    real = corpus / REAL
    found = sorted(d for d in real.iterdir() if d.is_dir() and not d.name.startswith(".")) if real.is_dir() else []
    for d in found:
        if not (d / "manifest.json").is_file():
            raise InputError(d, "a real-text collection without a manifest.json (files, licence, source_url)")
    return found


def collection_name(folder: Path) -> str:
    """``corpus/real/wiki`` → ``real/wiki`` (the doc id prefix and the rows' ``corpus`` value)."""
    return f"{REAL}/{folder.name}"


def corpus_files(inputs: list[Path], full: bool) -> list[tuple[Path, Path | None]]:
    """``(file, root)`` of every input file; collections only with ``full`` (their files have the collection
    folder as root, so they read its manifest)."""
    files: list[tuple[Path, Path | None]] = []
    for item in inputs:
        if not item.is_dir():
            files += list_inputs([item])
            continue
        real = (item / REAL).resolve()
        files += [(f, r) for f, r in list_inputs([item]) if not f.resolve().is_relative_to(real)]
        if full:
            for folder in collections(item):
                files += list_inputs([folder])
    return files


def read_corpus(files: list[tuple[Path, Path | None]]) -> Iterator[RawDocument | InputError]:
    """:func:`jpnlp.io.read_files`, with collection documents renamed ``real/<name>/<id>``."""
    for raw in read_files(files):
        if isinstance(raw, RawDocument) and raw.path and _collection_of(Path(raw.path)) is not None:
            folder = _collection_of(Path(raw.path))
            meta = {**(raw.meta or {}), "corpus": collection_name(folder)}  # type: ignore[arg-type]
            raw = dataclasses.replace(raw, doc_id=f"{collection_name(folder)}/{raw.doc_id}", meta=meta)
        yield raw


def _collection_of(path: Path) -> Path | None:
    for parent in path.parents:
        if parent.parent.name == REAL and (parent / "manifest.json").is_file():
            return parent
    return None


def provenance(meta: dict[str, Any] | None) -> dict[str, str | None]:
    """The provenance columns of a row: its collection, licence and source URL (manifests say ``licence`` and
    ``source_url``; front matter may say ``license`` and ``url``)."""
    meta = meta or {}

    def text(*keys: str) -> str | None:
        v = next((meta[k] for k in keys if meta.get(k) not in (None, "")), None)
        return None if v is None else str(v)

    return {"corpus": text("corpus") or DEFAULT, "license": text("licence", "license"),
            "source_url": text("source_url", "url")}  # fmt: skip
