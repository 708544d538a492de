"""Typed errors raised by jpnlp.

Every error that reaches a user names the file and the problem in one line
(``str(err)``).  The CLI turns :class:`JpnlpError` into that line and exit
code 2; library users catch the specific subclass.
"""

from __future__ import annotations

import os
import re

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` safe to print or write as UTF-8 on one line: undecodable bytes of a file name, line breaks and
    other control characters escaped (``\\n``, ``\\x0b``, ``\\udcff``)."""
    safe = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), safe)


class JpnlpError(Exception):
    """Base class for every error jpnlp raises on purpose."""


class InputError(JpnlpError):
    """A file (or stdin) could not be read as text."""

    def __init__(self, path: str | os.PathLike[str] | None, message: str) -> None:
        self.path = printable(str(path)) if path is not None else "<stdin>"
        self.message = message
        super().__init__(f"{self.path}: {message}")


class CheckpointError(InputError):
    """A model checkpoint or tokenizer folder cannot be loaded (missing, damaged or of the wrong kind)."""


class BinaryInputError(InputError):
    """The input looks like binary data, not text."""

    def __init__(self, path: str | os.PathLike[str] | None, offset: int, reason: str) -> None:
        self.offset = offset
        super().__init__(path, f"binary data, not text ({reason} at byte offset {offset})")


class DecodeError(InputError):
    """The bytes cannot be decoded with the given or any detected encoding."""

    def __init__(
        self, path: str | os.PathLike[str] | None, encoding: str | None, offset: int, detail: str = ""
    ) -> None:
        self.encoding = encoding
        self.offset = offset
        how = f"as {encoding}" if encoding else "in any supported Japanese encoding"
        extra = f" ({detail})" if detail else ""
        super().__init__(path, f"cannot decode {how}: invalid bytes at byte offset {offset}{extra}")


class OutputError(JpnlpError):
    """An output file could not be written; earlier output is left untouched."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        self.path = printable(str(path))
        super().__init__(f"{self.path}: {message}")


class UsageError(JpnlpError):
    """A setting or an argument cannot work (a bad name, an output that would destroy data); nothing was written."""


class WorkerError(JpnlpError):
    """A worker process died; the documents finished so far are kept for ``--resume``."""


class JpnlpWarning(UserWarning):
    """Something the user should know about; the run goes on."""


class JournalWarning(JpnlpWarning):
    """A resume journal entry is damaged; the document is processed again."""


class EmptyInputWarning(JpnlpWarning):
    """The input holds no text; an empty document is produced."""
