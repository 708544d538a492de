"""A snapshot of a folder tree (path → type and content hash) to prove that a run changed nothing it must not."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict[str, tuple[str, str]]:
    """Every entry under ``root`` (links not followed): ``relative path → (type, sha256 | link target | mode)``.

    Entries whose relative path starts with one of ``skip`` are left out.
    """
    out: dict[str, tuple[str, str]] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in sorted(dirnames + filenames):
            p = Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            if rel.startswith(skip):
                continue
            mode = os.lstat(p).st_mode
            if stat.S_ISLNK(mode):
                out[rel] = ("link", os.readlink(p))
            elif stat.S_ISDIR(mode):
                out[rel] = ("dir", "")
            elif stat.S_ISREG(mode):
                out[rel] = ("file", hashlib.sha256(p.read_bytes()).hexdigest())
            else:
                out[rel] = ("special", oct(stat.S_IFMT(mode)))
    return out


def changes(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]) -> list[str]:
    """What differs between two snapshots, one line per path (empty when nothing changed)."""
    lines = [f"- {p}" for p in sorted(before.keys() - after.keys())]
    lines += [f"+ {p}" for p in sorted(after.keys() - before.keys())]
    lines += [f"~ {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    return lines
