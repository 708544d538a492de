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
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TypeVar

from .errors import BinaryInputError, DecodeError, EmptyInputWarning, InputError, OutputError, UsageError, printable

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

_CONTROL_RE = re.compile(b"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SAMPLE = 16384  # characters measured when two decodings compete

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
    meta: dict[str, object] | None = None  # what a manifest entry or a dataset's columns say of it (jpnlp.meta)


def _canonical(encoding: str) -> str:
    return codecs.lookup(encoding).name


def _plausibility(text: str, half_width_kana: float = 0.3) -> float:
    """Share of characters that ordinary Japanese text is made of.  Half-width katakana count ``half_width_kana``:
    real, but what a legacy mis-decode looks like (never a UTF-16 one)."""
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
            or 0x2460 <= o <= 0x24FF  # circled numbers ① (CP932's NEC row 13)
            or 0x3200 <= o <= 0x33FF  # enclosed and squared CJK: ㈱ ㍻ ㌔
        ):
            good += 1
        elif 0xFF61 <= o <= 0xFF9F:
            good += half_width_kana
    return good / len(text)


def _japanese_score(text: str) -> tuple[float, float]:
    """The share of kana, then plausibility: Japanese prose is full of kana, a mis-decoding almost never is."""
    kana = sum(1 for ch in text if "\u3041" <= ch <= "\u30fa")
    return (kana / len(text) if text else 0.0), _plausibility(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for name in ("utf_16_le", "utf_16_be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text[:_SAMPLE], half_width_kana=1.0)
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
        except (LookupError, UnicodeError, ValueError):  # rot13, base64, 'undefined': not text encodings
            raise InputError(path, f"{encoding!r} is not a text encoding") from None
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
    try:
        utf8: str | None = data.decode("utf_8")
    except UnicodeDecodeError as err:
        utf8, utf8_error = None, err
    if utf8 is not None and not _CONTROL_RE.search(data):
        return utf8, "utf-8"  # the common case, decided without measuring anything
    # Japanese UTF-16 without a BOM has no NUL byte; its bytes look like broken UTF-8 or control characters.
    utf16 = _utf16_without_bom(data) if len(data) % 2 == 0 else None
    if utf16 is not None:
        rival = utf8 if utf8 is not None else (_detect(data) or ("", ""))[0]
        if _japanese_score(rival[:_SAMPLE]) < _japanese_score(utf16[0][:_SAMPLE]):
            return utf16
    _check_controls(data, path)
    if utf8 is not None:
        return utf8, "utf-8"
    found = _detect(data)
    if found is None:
        raise DecodeError(path, None, utf8_error.start, "not UTF-8, Shift_JIS/CP932, EUC-JP, ISO-2022-JP or UTF-16")
    return found


def check_encoding(encoding: str | None) -> str | None:
    """The canonical name of ``--encoding``; a :class:`UsageError` before any work if it is no text encoding."""
    if encoding is None:
        return None
    try:
        name = _canonical(encoding)
        "".encode(name).decode(name)  # 'rot13', 'base64', 'undefined' fail here
    except (LookupError, UnicodeError, ValueError):
        raise UsageError(f"--encoding {printable(encoding)!r}: not a text encoding") from None
    return name


def check_glob(glob: str) -> str:
    """``--glob`` must be a relative pattern that stays inside the folder it is applied to."""
    parts = Path(glob).parts
    if not glob or Path(glob).is_absolute() or ".." in parts or glob.startswith("~"):
        shown = printable(glob)
        raise UsageError(f"--glob {shown!r}: must be a relative pattern inside the input folder (like **/*.txt)")
    return glob


def doc_id_for(path: Path, root: Path | None = None) -> str:
    """Stable document id: the path relative to ``root`` without its last suffix (undecodable name bytes escaped)."""
    rel = path.relative_to(root) if root is not None and path != root else Path(path.name)
    return printable(rel.with_suffix("").as_posix())


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
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block forever, /dev/zero never end
            raise InputError(p, "not a regular file (a FIFO, device or socket)")
        if st.st_size > max_bytes:
            raise InputError(p, f"file is {st.st_size} bytes, over the limit of {max_bytes} bytes")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # st_size is a hint: the file may grow while it is read
        if len(data) > max_bytes:
            raise InputError(p, f"file is over the limit of {max_bytes} bytes")
    except IsADirectoryError:
        if p.is_symlink():
            raise InputError(p, "a link to a folder, not followed (pass the folder itself to read it)") from None
        if not os.access(p, os.R_OK | os.X_OK):
            raise InputError(p, "folder not readable (permission denied); its files were not read") from None
        raise InputError(p, "is a directory (pass it as a directory input)") from None
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as err:
        raise InputError(p, err.strerror or str(err)) from None
    doc_id = doc_id_for(p, Path(root) if root is not None else None)
    shown = printable(str(p))
    text, enc = decode(data, p, encoding) if data.strip() else ("", encoding or "utf-8")
    if not text.strip():  # empty, a BOM alone, or only white space
        warnings.warn(f"{shown}: empty file, producing an empty document", EmptyInputWarning, stacklevel=2)
    return RawDocument(doc_id, text, enc, shown)


def read_stdin(encoding: str | None = None, stream: IO[bytes] | None = None) -> RawDocument:
    """Read all of standard input as one document with id ``stdin``."""
    data = (stream or sys.stdin.buffer).read()
    if not data.strip():
        warnings.warn("<stdin>: empty input, producing an empty document", EmptyInputWarning, stacklevel=2)
        return RawDocument("stdin", "", encoding or "utf-8", None)
    text, enc = decode(data, None, encoding)
    return RawDocument("stdin", text, enc, None)


def iter_paths(paths: list[str | os.PathLike[str]], glob: str = DEFAULT_GLOB) -> Iterator[tuple[Path, Path | None]]:
    """Yield ``(file, root)`` for each input: files as given, directories walked with ``glob``.

    A corpus folder (one with a ``manifest.json``) is walked without its ``real/`` collections, which are large
    and read only when named (``jpnlp extract corpus/real/wiki``) or by ``jpnlp build --full``."""
    check_glob(glob)
    for item in paths:
        p = Path(item)
        if p.is_dir():
            try:
                found = sorted(p.glob(glob))
            except (OSError, RecursionError) as err:  # a tree too deep, a name too long
                raise InputError(p, f"cannot list the folder: {getattr(err, 'strerror', None) or err}") from None
            found += _unwalked_folders(p) if "**" in glob else []
            collections = p / "real" if (p / "manifest.json").is_file() else None
            for f in sorted(found):
                if collections is not None and f.is_relative_to(collections):
                    continue  # a corpus's real-text collections: read when named, or by build --full
                # FIFOs, devices, dangling links, linked and unreadable folders: reported by read_path, not dropped
                if not f.is_dir() or f.is_symlink() or not os.access(f, os.R_OK | os.X_OK):
                    yield f, p
        elif p.exists() or p.is_symlink():
            yield p, None
        else:
            raise InputError(p, "no such file or directory")


def _unwalked_folders(root: Path) -> list[Path]:
    """Folders under ``root`` that a recursive glob passes over without a word: links to folders (not followed:
    they may lead outside the input, or round in a cycle) and folders that cannot be read."""
    unreadable: list[Path] = []
    linked: list[Path] = []
    for dirpath, dirnames, _ in os.walk(root, onerror=lambda err: unreadable.append(Path(err.filename))):
        linked += [Path(dirpath, d) for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
    return [d for d in unreadable + linked if d != root]


def list_inputs(paths: list[str | os.PathLike[str]], glob: str = DEFAULT_GLOB) -> list[tuple[Path, Path | None]]:
    """Every input file once, in order, as ``(file, root)``: the plan of a run, listed before anything is read.

    A file given twice (or reached through two folders) is read once.  Two files that would get the
    same document id (``d1/a.txt`` and ``d2/a.txt`` given as two folders) are a :class:`UsageError`.
    """
    seen: set[str] = set()
    ids: dict[str, Path] = {}
    files: list[tuple[Path, Path | None]] = []
    for f, root in iter_paths(paths, glob):
        real = os.path.realpath(f)
        if real in seen:
            continue
        seen.add(real)
        doc_id = doc_id_for(f, root)
        if doc_id in ids:
            raise UsageError(
                f"{printable(str(ids[doc_id]))} and {printable(str(f))} would both be document {doc_id!r}; "
                "pass the folder that holds both instead"
            )
        ids[doc_id] = f
        files.append((f, root))
    return files


def read_files(
    files: list[tuple[Path, Path | None]], encoding: str | None = None
) -> Iterator[RawDocument | InputError]:
    """Read listed files (see :func:`list_inputs`); a bad file yields its :class:`InputError`.

    A file listed in its folder's ``manifest.json`` carries its entry as ``meta`` and its ``date`` as ``doc_date``.
    """
    manifests: dict[Path, dict[Path, dict[str, object]]] = {}
    for f, root in files:
        try:
            raw = read_path(f, encoding, root=root)
        except InputError as err:
            yield err
            continue
        if root is not None:
            if root not in manifests:
                manifests[root] = manifest_meta(root)
            meta = manifests[root].get(f.resolve())
            if meta is not None:
                date = meta.get("date")
                raw = dataclasses.replace(raw, doc_date=str(date) if date else None, meta=meta)
        yield raw


def is_stdin(paths: list[str | os.PathLike[str]] | None) -> bool:
    """Whether the inputs mean standard input (nothing given, or ``-``)."""
    return not paths or [str(p) for p in paths] == ["-"]


def read_inputs(
    paths: list[str | os.PathLike[str]], encoding: str | None = None, glob: str = DEFAULT_GLOB
) -> Iterator[RawDocument | InputError]:
    """Read every input; a bad file yields its :class:`InputError` instead of stopping the run.

    A document listed in its directory's ``manifest.json`` carries its entry as ``meta`` and its ``date`` as
    ``doc_date``.
    """
    if is_stdin(paths):
        try:
            yield read_stdin(encoding)
        except InputError as err:
            yield err
        return
    yield from read_files(list_inputs(paths, glob), encoding)


def json_line(obj: object) -> str:
    """One JSON Lines record with its newline; U+2028/U+2029 escaped, since many line readers split there."""
    return json.dumps(obj, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: a string that starts like a formula (``=HYPERLINK(…)``) gets a ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


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


def manifest_meta(root: str | os.PathLike[str]) -> dict[Path, dict[str, object]]:
    """Resolved file path → the metadata of its ``manifest.json`` entry (every field but ``path``, checked by
    :func:`jpnlp.meta.check_meta`); InputError for a bad field or an entry whose file does not exist."""
    from .meta import check_meta

    where = Path(root) / "manifest.json"
    out: dict[Path, dict[str, object]] = {}
    for i, d in enumerate(read_manifest(root), 1):
        name = str(d.get("path") or f"{d.get('doc_id')}.txt")
        path = (Path(root) / name).resolve()
        if not path.is_file():
            raise InputError(where, f"document {i}: no file {name!r} in {root}")
        out[path] = check_meta({k: v for k, v in d.items() if k != "path"}, where, f"document {i}")
    return out


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def output_target(path: str | os.PathLike[str]) -> Path:
    """Where an output named ``path`` really goes.

    A symbolic link is written through: the result replaces the link's target (atomically) and the link
    stays.  A device node, FIFO or socket is refused, as is a path under a file: renaming a new file onto
    them would destroy them.
    """
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
        if target.is_symlink():
            raise OutputError(path, "is a symbolic link that loops; not writing through it")
    for parent in target.parents:
        if parent.exists() or parent.is_symlink():
            if not parent.is_dir():
                raise OutputError(path, f"cannot write: {printable(str(parent))} is not a folder")
            break
    try:
        mode = target.stat().st_mode
    except OSError:
        return target
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OutputError(path, "is not a regular file (a device, FIFO or socket); not replacing it "
                          "(leave out -o to write to standard output)")  # fmt: skip
    return target


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (through links); False where either is missing."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(output: str | os.PathLike[str], inputs: list[Path]) -> Path:
    """Refuse, before any work, an output that is an input or cannot be replaced (see :func:`output_target`)."""
    target = output_target(output)
    for f in inputs:
        if same_file(f, target):
            raise UsageError(f"{printable(str(output))}: is also an input; choose another output")
    return target


def _try_lock(fd: int) -> bool:
    """Take an exclusive advisory lock on ``fd`` without waiting; False if another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def make_temp(target: Path, folder: bool = False) -> tuple[Path, int]:
    """A temporary file or folder beside ``target`` (``.NAME.XXXX.tmp``), locked while this process lives.

    Returns its path and the descriptor that holds the lock (close it when done).  Leftovers of a killed
    run (no lock held on them) are swept away first.
    """
    directory = target.parent if str(target.parent) else Path(".")
    sweep_leftovers(target)
    if folder:
        tmp = tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        try:
            fd = os.open(tmp, os.O_RDONLY)
        except BaseException:
            os.rmdir(tmp)
            raise
    else:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    _try_lock(fd)
    return Path(tmp), fd


def sweep_leftovers(target: Path) -> None:
    """Remove the temporary files and folders that a killed run left beside ``target``.

    Only those no live process holds locked (see :func:`make_temp`); nothing where locks are unknown.
    """
    if not hasattr(os, "O_NOFOLLOW") or sys.platform == "win32":
        return
    directory = target.parent if str(target.parent) else Path(".")
    import glob as globmod

    ours = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp")  # tempfile's names, nothing else
    for p in directory.glob(f".{globmod.escape(target.name)}.*.tmp"):
        if not ours.fullmatch(p.name):
            continue
        try:
            fd = os.open(p, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if not _try_lock(fd):
                continue  # a run writing it now
            if p.is_dir():
                shutil.rmtree(p, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    p.unlink()
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it onto ``path`` only on success (see :func:`output_target`)."""
    target = output_target(path)
    if target.is_dir():
        raise OutputError(path, "is a folder; name a file")
    directory = target.parent if str(target.parent) else Path(".")
    kwargs = {"encoding": encoding, "newline": ""} if "b" not in mode else {}
    tmp = ""
    try:  # one try from the temporary file's creation on: a Ctrl-C at any point removes it
        directory.mkdir(parents=True, exist_ok=True)
        tmp_path, fd = make_temp(target)
        tmp = str(tmp_path)
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
        os.replace(tmp, target)
    except OSError as err:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise OutputError(path, f"cannot write: {err.strerror or err}") from None
    except BaseException:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


def replace_dir(tmp: Path, target: Path) -> None:
    """Put the finished folder ``tmp`` in place of ``target``; the old folder is removed only after the swap.

    If the swap fails halfway the old folder is put back.  Callers decide first whether ``target`` may be
    replaced at all (see :func:`output_target`).
    """
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    moved = False
    if target.exists():
        target.rename(old)
        moved = True
    try:
        tmp.rename(target)
    except BaseException:
        if moved:
            old.rename(target)
        raise
    if moved:
        shutil.rmtree(old, ignore_errors=True)


def inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is ``folder`` or lies under it (both resolved through links)."""
    p, f = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return p == f or f in p.parents


@contextlib.contextmanager
def atomic_dir(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary folder beside ``path``; on success it replaces ``path`` (an earlier folder is removed after)."""
    target = output_target(path)
    if target.exists() and not target.is_dir():
        raise OutputError(path, "is a file, not a folder; not replacing it")
    parent = target.parent if str(target.parent) else Path(".")
    tmp: Path | None = None
    lock = -1
    try:  # one try from the temporary folder's creation on: a Ctrl-C at any point removes it
        parent.mkdir(parents=True, exist_ok=True)
        tmp, lock = make_temp(target, folder=True)
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        replace_dir(tmp, target)
    except OSError as err:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(path, f"cannot write: {err.strerror or err}") from None
    except BaseException:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if lock >= 0:
            os.close(lock)
