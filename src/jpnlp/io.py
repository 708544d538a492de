"""Reading input and writing output safely.

* :func:`decode` turns bytes into text: BOMs first, then strict UTF-8, then
  charset-normalizer restricted to the encodings Japanese text really uses,
  then strict fallbacks.  Binary data and undecodable bytes raise a typed
  :class:`~jpnlp.errors.InputError` naming the file and the byte offset.
* :func:`read_path` / :func:`iter_paths` / :func:`read_stdin` produce
  :class:`RawDocument` objects; directories are walked recursively with a glob.
* :func:`atomic_write` writes to a temporary file next to the target and
  renames it into place, so a failed write never leaves half a file or
  destroys the previous one.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import BinaryInputError, DecodeError, EmptyInputWarning, InputError, OutputError

# Encodings tried by detection.  Shift_JIS is a subset of CP932 and ISO-2022-JP
# is 7-bit; UTF-16 without a BOM is recognised by charset-normalizer.
DETECT_ENCODINGS: tuple[str, ...] = (
    "utf_8",
    "cp932",
    "euc_jp",
    "iso2022_jp",
    "utf_16_le",
    "utf_16_be",
)
# Tried strictly, in order, when detection gives nothing (e.g. EUC-JP text
# with JIS X 0213 characters such as Ⅱ, which plain euc_jp cannot decode).
FALLBACK_ENCODINGS: tuple[str, ...] = ("euc_jis_2004", "shift_jis_2004")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)
# C0 control characters that never occur in text (tab, LF, VT, FF, CR, ESC
# excluded: ESC introduces ISO-2022-JP escape sequences).
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))

DEFAULT_GLOB = "**/*.txt"
MAX_BYTES_DEFAULT = 512 * 1024 * 1024


@dataclass(frozen=True)
class RawDocument:
    """Text as read from one file, before any repair."""

    doc_id: str
    text: str
    encoding: str
    path: str | None = None


def _canonical(encoding: str) -> str:
    return codecs.lookup(encoding).name


def _looks_utf16(data: bytes) -> bool:
    """BOM-less UTF-16: ASCII-heavy text has NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return False
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    return max(even, odd) > 0.3 * half and min(even, odd) < 0.05 * half


def _check_binary(data: bytes, path: str | os.PathLike[str] | None) -> None:
    nul = data.find(b"\x00")
    if nul >= 0 and not _looks_utf16(data):
        raise BinaryInputError(path, nul, "NUL byte")
    if nul < 0:
        # Text may hold a stray control character; binary data is full of them.
        sample = data[:65536]
        controls = [i for i, b in enumerate(sample) if b in _CONTROL_BYTES]
        if controls and len(controls) > max(8, len(sample) // 100):
            raise BinaryInputError(path, controls[0], f"{len(controls)} control bytes in the first {len(sample)}")


def decode(data: bytes, path: str | os.PathLike[str] | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    ``encoding`` forces a codec; otherwise it is detected.  A BOM is removed
    from the text.  Raises :class:`BinaryInputError` or :class:`DecodeError`.
    """
    if encoding is not None:
        try:
            name = _canonical(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        try:
            text = data.decode(name)
        except UnicodeDecodeError as err:
            raise DecodeError(path, name, err.start, err.reason) from None
        if text.startswith("\ufeff"):
            text = text[1:]
        return text, name

    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).lstrip("\ufeff"), _canonical(name)
            except UnicodeDecodeError as err:
                raise DecodeError(path, name, err.start, err.reason) from None

    _check_binary(data, path)
    try:
        return data.decode("utf_8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err

    from charset_normalizer import from_bytes  # imported lazily: only non-UTF-8 input needs it

    best = from_bytes(data, cp_isolation=list(DETECT_ENCODINGS)).best()
    if best is not None:
        name = _canonical(best.encoding)
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    for name in FALLBACK_ENCODINGS:
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode(name), _canonical(name)
    raise DecodeError(path, None, utf8_error.start, "not UTF-8, Shift_JIS/CP932, EUC-JP, ISO-2022-JP or UTF-16")


def doc_id_for(path: Path, root: Path | None = None) -> str:
    """Stable document id: the path relative to ``root`` without its last suffix."""
    rel = path.relative_to(root) if root is not None and path != root else Path(path.name)
    return rel.with_suffix("").as_posix()


def read_path(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    root: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_BYTES_DEFAULT,
) -> RawDocument:
    """Read one file.  An empty file gives an empty document and a warning."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(p, f"file is {size} bytes, over the limit of {max_bytes} bytes")
        data = p.read_bytes()
    except IsADirectoryError:
        raise InputError(p, "is a directory (pass it as a directory input)") from None
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as err:
        raise InputError(p, err.strerror or str(err)) from None
    doc_id = doc_id_for(p, Path(root) if root is not None else None)
    if not data.strip():
        warnings.warn(f"{p}: empty file, producing an empty document", EmptyInputWarning, stacklevel=2)
        return RawDocument(doc_id, "", encoding or "utf-8", str(p))
    text, enc = decode(data, p, encoding)
    return RawDocument(doc_id, text, enc, str(p))


def read_stdin(encoding: str | None = None, stream: IO[bytes] | None = None) -> RawDocument:
    """Read all of standard input as one document with id ``stdin``."""
    data = (stream or sys.stdin.buffer).read()
    if not data.strip():
        warnings.warn("<stdin>: empty input, producing an empty document", EmptyInputWarning, stacklevel=2)
        return RawDocument("stdin", "", encoding or "utf-8", None)
    text, enc = decode(data, None, encoding)
    return RawDocument("stdin", text, enc, None)


def iter_paths(paths: list[str | os.PathLike[str]], glob: str = DEFAULT_GLOB) -> Iterator[tuple[Path, Path | None]]:
    """Yield ``(file, root)`` for each input: files as given, directories walked with ``glob``."""
    for item in paths:
        p = Path(item)
        if p.is_dir():
            for f in sorted(p.glob(glob)):
                if f.is_file():
                    yield f, p
        elif p.exists():
            yield p, None
        else:
            raise InputError(p, "no such file or directory")


def read_inputs(
    paths: list[str | os.PathLike[str]], encoding: str | None = None, glob: str = DEFAULT_GLOB
) -> Iterator[RawDocument | InputError]:
    """Read every input; a bad file yields its :class:`InputError` instead of stopping the run."""
    if not paths or [str(p) for p in paths] == ["-"]:
        try:
            yield read_stdin(encoding)
        except InputError as err:
            yield err
        return
    for f, root in iter_paths(paths, glob):
        try:
            yield read_path(f, encoding, root=root)
        except InputError as err:
            yield err


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it onto ``path`` only on success."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise OutputError(target, f"cannot write: {err.strerror or err}") from None
    kwargs = {"encoding": encoding, "newline": ""} if "b" not in mode else {}
    try:
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(target, f"cannot write: {err.strerror or err}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
