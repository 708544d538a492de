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
import dataclasses
import datetime
import json
import os
import re
import shutil
import sys
import tempfile
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

from .errors import BinaryInputError, DecodeError, EmptyInputWarning, InputError, OutputError

# Candidate encodings for text without a BOM, in order of preference on a
# tie.  Shift_JIS is a subset of CP932; the JIS X 0213 variants decode what
# plain EUC-JP/Shift_JIS cannot (e.g. Ⅱ in EUC).
CANDIDATE_ENCODINGS: tuple[str, ...] = ("cp932", "euc_jp", "euc_jis_2004", "shift_jis_2004")
MIN_PLAUSIBILITY = 0.6
_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(I", b"\x1b$(Q", b"\x1b$(D")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)
# C0 control characters that never occur in text (tab, LF, VT, FF, CR, ESC
# excluded: ESC introduces ISO-2022-JP escape sequences).
_CONTROL_BYTES = frozenset(range(0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))

DEFAULT_GLOB = "**/*.txt"
_T = TypeVar("_T")
MAX_BYTES_DEFAULT = 512 * 1024 * 1024


@dataclass(frozen=True)
class RawDocument:
    """Text as read from one file, before any repair."""

    doc_id: str
    text: str
    encoding: str
    path: str | None = None
    doc_date: str | None = None  # the document's date (ISO) when the user gives it (--doc-date, a manifest)


def _canonical(encoding: str) -> str:
    return codecs.lookup(encoding).name


def _plausibility(text: str) -> float:
    """Share of characters that ordinary Japanese text is made of."""
    if not text:
        return 0.0
    good = 0.0
    for ch in text:
        o = ord(ch)
        if (
            ch.isascii() and (ch.isprintable() or ch in "\t\n\r")
            or 0x3000 <= o <= 0x30FF  # CJK punctuation, hiragana, katakana
            or 0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
            or 0xFF01 <= o <= 0xFF5E  # full-width ASCII
            or 0x2160 <= o <= 0x217F  # roman numerals
            or 0x2010 <= o <= 0x206F  # general punctuation
        ):
            good += 1
        elif 0xFF61 <= o <= 0xFF9F:
            good += 0.3  # half-width katakana: real, but what a mis-decode looks like
    return good / len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for name in ("utf_16_le", "utf_16_be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if score > 0.9 and (best is None or score > best[0]):
            best = (score, text, _canonical(name))
    return (best[1], best[2]) if best else None


def _check_controls(data: bytes, path: str | os.PathLike[str] | None) -> None:
    # Text may hold a stray control character; binary data is full of them.
    sample = data[:65536]
    controls = [i for i, b in enumerate(sample) if b in _CONTROL_BYTES]
    if controls and len(controls) > max(8, len(sample) // 100):
        raise BinaryInputError(path, controls[0], f"{len(controls)} control bytes in the first {len(sample)}")


def _detect(data: bytes) -> tuple[str, str] | None:
    """Decode non-UTF-8 bytes: strict candidates, charset-normalizer among them, then plausibility."""
    decoded: dict[str, str] = {}
    for name in CANDIDATE_ENCODINGS:
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode(name)
            # CP932 maps almost any byte somewhere (0x80 → U+0080, 0xFD–0xFF →
            # private use): a decoding that is mostly such debris is no decoding.
            if _plausibility(text) >= MIN_PLAUSIBILITY:
                decoded[name] = text
    if not decoded:
        return None
    if len(decoded) == 1:
        name = next(iter(decoded))
        return decoded[name], _canonical(name)
    from charset_normalizer import from_bytes  # lazily: only non-UTF-8 input needs it

    best = from_bytes(data, cp_isolation=[n for n in decoded if n in ("cp932", "euc_jp")]).best()
    if best is not None and _canonical(best.encoding) in {_canonical(n) for n in decoded}:
        name = _canonical(best.encoding)
        return data.decode(name), name
    # charset-normalizer gives up on short texts; prefer the most Japanese-looking decoding.
    name = max(decoded, key=lambda n: (_plausibility(decoded[n]), -CANDIDATE_ENCODINGS.index(n)))
    return decoded[name], _canonical(name)


def decode(data: bytes, path: str | os.PathLike[str] | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``.

    ``encoding`` forces a codec; otherwise: a BOM decides; ISO-2022-JP escape
    sequences decide; NUL bytes mean UTF-16 without a BOM or binary data;
    then strict UTF-8; then the Japanese legacy encodings that decode the
    bytes strictly, charset-normalizer choosing among them, and for short
    texts (where it gives up) the decoding that looks most like Japanese.  A BOM is removed
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
        text = text.removeprefix("\ufeff")
        return text, name

    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).lstrip("\ufeff"), _canonical(name)
            except UnicodeDecodeError as err:
                raise DecodeError(path, name, err.start, err.reason) from None

    if any(esc in data for esc in _ISO2022_ESCAPES):
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("iso2022_jp"), "iso2022_jp"
    nul = data.find(b"\x00")
    if nul >= 0:
        found = _utf16_without_bom(data)
        if found is None:
            raise BinaryInputError(path, nul, "NUL byte")
        return found
    _check_controls(data, path)
    try:
        return data.decode("utf_8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    found = _detect(data)
    if found is None:
        raise DecodeError(path, None, utf8_error.start, "not UTF-8, Shift_JIS/CP932, EUC-JP, ISO-2022-JP or UTF-16")
    return found


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
    """Read every input; a bad file yields its :class:`InputError` instead of stopping the run.

    A document listed with a ``date`` in its directory's ``manifest.json`` carries it as ``doc_date``.
    """
    if not paths or [str(p) for p in paths] == ["-"]:
        try:
            yield read_stdin(encoding)
        except InputError as err:
            yield err
        return
    dates: dict[Path, dict[Path, str]] = {}
    for f, root in iter_paths(paths, glob):
        try:
            raw = read_path(f, encoding, root=root)
        except InputError as err:
            yield err
            continue
        if root is not None:
            if root not in dates:
                dates[root] = manifest_dates(root)
            date = dates[root].get(f.resolve())
            if date is not None:
                raw = dataclasses.replace(raw, doc_date=date)
        yield raw


def with_doc_date(items: Iterable[_T], doc_date: str | None) -> Iterator[_T]:
    """``items`` with ``doc_date`` given to each document that has no date of its own."""
    for item in items:
        if doc_date is not None and isinstance(item, RawDocument) and item.doc_date is None:
            item = dataclasses.replace(item, doc_date=doc_date)  # type: ignore[assignment]
        yield item


def read_manifest(root: str | os.PathLike[str]) -> list[dict[str, object]]:
    """The ``documents`` of ``root/manifest.json`` (empty without one); InputError if it is malformed."""
    m = Path(root) / "manifest.json"
    if not m.is_file():
        return []
    try:
        documents = json.loads(m.read_text(encoding="utf-8")).get("documents", [])
        if not isinstance(documents, list) or not all(isinstance(d, dict) for d in documents):
            raise ValueError
    except (ValueError, AttributeError, OSError):
        raise InputError(m, 'not a valid manifest (expected {"documents": [...]})') from None
    return documents


def manifest_dates(root: str | os.PathLike[str]) -> dict[Path, str]:
    """Resolved file path → the ``date`` (YYYY-MM-DD) its manifest entry gives; InputError for a bad date."""
    out: dict[Path, str] = {}
    for i, d in enumerate(read_manifest(root), 1):
        date = d.get("date")
        if date is None:
            continue
        if not isinstance(date, str) or not _ISO_DATE.fullmatch(date) or not _real_date(date):
            raise InputError(Path(root) / "manifest.json", f"document {i}: date {date!r} is not YYYY-MM-DD")
        name = d.get("path") or f"{d.get('doc_id')}.txt"
        out[(Path(root) / str(name)).resolve()] = date
    return out


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _real_date(s: str) -> bool:
    try:
        datetime.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(target, f"cannot write: {err.strerror or err}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def replace_dir(tmp: Path, target: Path) -> None:
    """Put the finished folder ``tmp`` in place of ``target``; the old folder is removed only after the swap."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary folder beside ``path``; on success it replaces ``path`` (an earlier folder is removed after)."""
    target = Path(path)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as err:
        raise OutputError(target, f"cannot write: {err.strerror or err}") from None
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        replace_dir(tmp, target)
    except OSError as err:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(target, f"cannot write: {err.strerror or err}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
