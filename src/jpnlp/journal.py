"""Resumable work: an append-only journal of finished documents, keyed by content hash.

Long runs (``jpnlp build``, ``jpnlp extract -o``) write each document's result
to a journal folder beside the output as soon as it is done, and assemble the
final output from it in input order.  If the run is interrupted (Ctrl-C, a
killed job, a full disk), the next run with ``--resume`` skips every document
whose key is already in the journal.  The key is a hash of the document's id,
its decoded text and the settings that shape the result (:func:`settings_key`),
so an edited document, a new glossary or another mode is processed again
rather than served stale.  A run without ``--resume`` starts a fresh journal;
a successful run deletes it.

The journal is JSON Lines (one ``{"key": …, "value": …}`` per document); a
line cut short by a crash is ignored, and a lock file keeps two runs from
sharing one journal.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import IO, Any

from .errors import OutputError


def settings_key(settings: dict[str, Any]) -> str:
    """A short, stable hash of the settings a result depends on, and of jpnlp's version and data tables."""
    full = {"_jpnlp": _package_stamp(), **settings}
    return hashlib.sha256(json.dumps(full, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


@functools.cache
def _package_stamp() -> str:
    # The shipped glossary and tables change the results as much as the code does.
    from . import __version__

    data = tree_digest(Path(__file__).resolve().parent / "data")
    return hashlib.sha256(json.dumps([__version__, data]).encode()).hexdigest()


def content_key(settings: str, doc_id: str, text: str, doc_date: str | None = None) -> str:
    """The journal key of one document: its id, its text, its given date (if any) and the run's settings."""
    h = hashlib.sha256()
    for part in (settings, doc_id, text) if doc_date is None else (settings, doc_id, text, doc_date):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def file_digest(path: str | os.PathLike[str] | None) -> str | None:
    """sha256 of a file's bytes (for settings that name a file, such as a glossary)."""
    if path is None:
        return None
    with contextlib.suppress(OSError):
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return None


def tree_digest(folder: str | os.PathLike[str] | None) -> list[tuple[str, str | None]] | None:
    """sha256 of every file under a folder (a model, a folder of annotations), by relative path."""
    if folder is None:
        return None
    root = Path(folder)
    if root.is_file():
        return [(root.name, file_digest(root))]
    return [(str(p.relative_to(root)), file_digest(p)) for p in sorted(root.rglob("*")) if p.is_file()]


class Journal:
    """Finished documents of one run, in ``folder``; ``resume=False`` discards an earlier journal."""

    def __init__(self, folder: str | os.PathLike[str], resume: bool = False) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = self._acquire_lock()  # before anything is deleted: another run may own these entries
            if not resume:
                for old in self.folder.glob("entries-*.jsonl"):
                    old.unlink()
        except OSError as e:
            raise OutputError(self.folder, f"cannot write the resume journal: {e.strerror or e}") from None
        self.index: dict[str, tuple[Path, int]] = {}
        self.resumed = 0
        existing = sorted(self.folder.glob("entries-*.jsonl"))
        for path in existing:
            self._scan(path)
        self.resumed = len(self.index)
        self.path = self.folder / f"entries-{len(existing):05d}.jsonl"
        self._out: IO[bytes] = self.path.open("ab")
        self._readers: dict[Path, IO[bytes]] = {}

    def _acquire_lock(self) -> IO[str] | None:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; one run per journal is the user's job
            return None
        fh = (self.folder / "lock").open("w")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise OutputError(self.folder, "another run is using this resume journal") from None
        return fh

    def _scan(self, path: Path) -> None:
        with path.open("rb") as fh:
            offset = 0
            for line in fh:
                if line.endswith(b"\n"):  # a line without its newline was cut short by a crash
                    try:
                        key = json.loads(line.decode("utf-8", "surrogatepass"))["key"]
                    except (ValueError, KeyError, TypeError):
                        key = None
                    if isinstance(key, str):
                        self.index[key] = (path, offset)
                offset += len(line)

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def add(self, key: str, value: Any) -> None:
        """Record a finished document (``value`` must be JSON-serializable)."""
        line = (json.dumps({"key": key, "value": value}, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")
        offset = self._out.tell()
        self._out.write(line)
        self._out.flush()  # in the OS's hands: a killed process loses nothing already added
        self.index[key] = (self.path, offset)

    def get(self, key: str) -> Any:
        path, offset = self.index[key]
        if path == self.path:
            self._out.flush()
        fh = self._readers.get(path)
        if fh is None:
            fh = self._readers[path] = path.open("rb")
        fh.seek(offset)
        return json.loads(fh.readline().decode("utf-8", "surrogatepass"))["value"]

    def close(self) -> None:
        for fh in self._readers.values():
            fh.close()
        self._readers.clear()
        if not self._out.closed:
            self._out.flush()
            with contextlib.suppress(OSError):
                os.fsync(self._out.fileno())
            self._out.close()
        if self._lock is not None and not self._lock.closed:
            self._lock.close()

    def discard(self) -> None:
        """Close and delete the journal (after a successful run)."""
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
