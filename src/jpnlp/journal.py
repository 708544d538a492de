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

The journal is JSON Lines (one ``{"key": …, "sha256": …, "value": …}`` per
document); a line cut short by a crash is ignored, and a lock file keeps two
runs from sharing one journal.  An entry whose checksum does not match its
value, or whose value the run's ``valid`` check rejects (an edited, damaged or
foreign line), is ignored with a :class:`~jpnlp.errors.JournalWarning`: its
document is processed again, never served altered.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Self

from .errors import JournalWarning, OutputError, printable


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


def content_key(
    settings: str, doc_id: str, text: str, doc_date: str | None = None, meta: dict[str, Any] | None = None
) -> str:
    """The journal key of one document: its id, its text, its given date and metadata (if any) and the run's settings."""
    h = hashlib.sha256()
    parts = [settings, doc_id, text] + ([doc_date] if doc_date is not None else [])
    for part in parts + ([json.dumps(meta, sort_keys=True, ensure_ascii=False)] if meta else []):
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


def _canonical(value: Any) -> bytes:
    """The bytes an entry's checksum covers; JSON round trips reproduce them exactly (key order is kept)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def _checksum(canonical: bytes) -> str:
    return hashlib.sha256(canonical).hexdigest()


def entry_line(key: str, value: Any) -> bytes:
    """The journal line of a finished document (``value`` must be JSON-serializable); a worker can make it and
    the run only append it (:meth:`Journal.add_line`)."""
    canonical = _canonical(value)
    head = json.dumps(key, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return b'{"key":%s,"sha256":"%s","value":%s}\n' % (head, _checksum(canonical).encode(), canonical)


class Journal:
    """Finished documents of one run, in ``folder``; ``resume=False`` discards an earlier journal.

    ``valid`` checks the shape of a resumed value (a rejected entry is ignored, with a warning).
    """

    def __init__(
        self, folder: str | os.PathLike[str], resume: bool = False, valid: Callable[[Any], bool] | None = None
    ) -> None:
        self.folder = Path(folder)
        self.valid = valid
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
        damaged: list[tuple[int, str]] = []
        with path.open("rb") as fh:
            offset = 0
            for n, line in enumerate(fh, 1):
                if line.endswith(b"\n"):  # a line without its newline was cut short by a crash
                    key, why = self._check(line)
                    if key is not None:
                        self.index[key] = (path, offset)
                    else:
                        damaged.append((n, why))
                offset += len(line)
        if damaged:
            n, why = damaged[0]
            warnings.warn(
                f"{printable(str(path))}: {len(damaged)} damaged entr{'y' if len(damaged) == 1 else 'ies'} ignored "
                f"(line {n}: {why}); {'its document is' if len(damaged) == 1 else 'their documents are'} "
                "processed again",
                JournalWarning,
                stacklevel=3,
            )

    def _check(self, line: bytes) -> tuple[str | None, str]:
        """The key of a sound entry, or ``None`` and what is wrong with it."""
        try:
            entry = json.loads(line.decode("utf-8", "surrogatepass"))
        except ValueError:
            return None, "not JSON"
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str) or "value" not in entry:
            return None, "not a journal entry"
        if entry.get("sha256") != _checksum(_canonical(entry["value"])):
            return None, "checksum mismatch"
        if self.valid is not None and not self.valid(entry["value"]):
            return None, "unexpected value"
        return entry["key"], ""

    def __contains__(self, key: str) -> bool:
        return key in self.index

    def __len__(self) -> int:
        return len(self.index)

    def add(self, key: str, value: Any) -> None:
        """Record a finished document (``value`` must be JSON-serializable)."""
        self.add_line(key, entry_line(key, value))

    def add_line(self, key: str, line: bytes) -> None:
        """Record a finished document whose :func:`entry_line` for ``key`` was made elsewhere."""
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
            with contextlib.suppress(OSError):  # a full disk: what did not fit is lost, what did is kept
                self._out.flush()
                os.fsync(self._out.fileno())
            with contextlib.suppress(OSError):
                self._out.close()
        if self._lock is not None and not self._lock.closed:
            self._lock.close()

    def discard(self) -> None:
        """Close and delete the journal (after a successful run)."""
        self.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
