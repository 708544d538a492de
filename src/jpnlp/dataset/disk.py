"""The dataset's ``disk/`` folder (what ``DatasetDict.save_to_disk`` writes), written as the rows come.

The build used to write the Parquet shards, then read them back with ``Dataset.from_parquet`` (decoded into
an Arrow cache file) and copy that with ``save_to_disk``: the whole dataset decoded and written twice, in one
process, after the workers had finished — serial time that more workers do not shorten.  :class:`DiskWriter`
gets the very Arrow tables the Parquet shards get and appends them, in ``save_to_disk``'s record batches of
1,000 rows, to ``datasets``' own :class:`~datasets.arrow_writer.ArrowWriter` (what ``save_to_disk`` uses): the
data files are written once, as the documents arrive, and ``datasets.load_from_disk`` memory-maps them as before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .writers import Batches

BATCH_ROWS = 1_000  # datasets.config.DEFAULT_MAX_BATCH_SIZE: save_to_disk's record batches
MAX_SHARD_BYTES = 500 * 10**6  # save_to_disk's default max_shard_size ("500MB")


class DiskWriter:
    """One split of ``disk/``: ``data-NNNNN-of-NNNNN.arrow`` files, ``state.json`` and ``dataset_info.json``.

    A data file closes once it holds ``max_shard_bytes`` of Arrow data (so a split under 500 MB is one file,
    as ``save_to_disk`` writes it); :meth:`close` names the files ``-of-N`` and writes the two JSON files.
    """

    def __init__(self, directory: Path, split: str, features: Any, max_shard_bytes: int = MAX_SHARD_BYTES) -> None:
        self.directory, self.split, self.features = directory, split, features
        self.max_shard_bytes = max_shard_bytes
        self.paths: list[Path] = []
        self.rows = self.num_bytes = 0
        self._writer: Any = None
        self._batches = Batches(features.arrow_schema, BATCH_ROWS)

    def add_table(self, table: Any) -> None:
        """Rows already encoded (:func:`jpnlp.dataset.writers.encode_rows` of the dataset's features)."""
        for batch in self._batches.add(table):
            self._write(batch)

    def _write(self, batch: Any) -> None:
        from datasets.arrow_writer import ArrowWriter

        if self._writer is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            path = self.directory / f"data-{len(self.paths):05d}.arrow"
            self._writer = ArrowWriter(features=self.features, path=str(path), embed_local_files=True)
            self.paths.append(path)
        self._writer.write_table(batch)
        if self._writer._num_bytes >= self.max_shard_bytes:
            self._finish_file()

    def _finish_file(self) -> None:
        rows, size = self._writer.finalize()
        self._writer.close()
        self._writer = None
        self.rows += rows
        self.num_bytes += size

    def close(self, fingerprint: str) -> int:
        """Finish the files and describe them (``fingerprint`` goes to ``state.json``); returns the rows written."""
        rest = self._batches.rest()
        if rest is not None:
            self._write(rest)
        if self._writer is not None:
            self._finish_file()
        n = len(self.paths)
        names = [f"data-{i:05d}-of-{n:05d}.arrow" for i in range(n)]
        for path, name in zip(self.paths, names):
            path.rename(path.with_name(name))
        state = {"_data_files": [{"filename": name} for name in names], "_fingerprint": fingerprint,
                 "_format_columns": None, "_format_kwargs": {}, "_format_type": None, "_output_all_columns": False,
                 "_split": self.split}  # fmt: skip
        (self.directory / "state.json").write_text(json.dumps(state, indent=2, sort_keys=True), encoding="utf-8")
        info = self._info()
        # save_to_disk sorts only the first level of keys (the features' own order is the columns')
        (self.directory / "dataset_info.json").write_text(
            json.dumps({k: info[k] for k in sorted(info)}, indent=2), encoding="utf-8"
        )
        return self.rows

    def _info(self) -> dict[str, Any]:
        from datasets import DatasetInfo, SplitDict, SplitInfo
        from datasets.utils.py_utils import asdict

        splits = SplitDict()
        splits.add(SplitInfo(name=self.split, num_bytes=self.num_bytes, num_examples=self.rows))
        info = DatasetInfo(features=self.features, splits=splits, dataset_size=self.num_bytes)
        return asdict(info)
