"""Shared fixtures: the shipped corpus document and its hand-checked gold."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CORPUS_DOC = CORPUS / "us_russia_arms_control_2000.ja.txt"
GOLD_SEGMENTS = CORPUS / "annotations" / "us_russia_arms_control_2000.segments.jsonl"


def pytest_configure(config: pytest.Config) -> None:
    """A fresh Hugging Face datasets cache per run, set before any test imports ``datasets``: load_dataset() on a
    folder a test built reuses a cached copy of an earlier folder at the same temporary path (pytest numbers its
    temporary folders again), so rows could be stale."""
    config._jpnlp_hf_cache = tempfile.mkdtemp(prefix="jpnlp-tests-hf-")  # type: ignore[attr-defined]
    os.environ["HF_DATASETS_CACHE"] = config._jpnlp_hf_cache  # type: ignore[attr-defined]


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(getattr(config, "_jpnlp_hf_cache", ""), ignore_errors=True)


@pytest.fixture(scope="session")
def corpus_raw() -> str:
    return CORPUS_DOC.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_doc():  # type: ignore[no-untyped-def]
    import jpnlp

    return jpnlp.prepare(CORPUS_DOC)


@pytest.fixture(scope="session")
def gold_segments() -> list[dict]:
    with GOLD_SEGMENTS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def slices_to(raw: str, text: str) -> bool:
    """A raw slice is the mention: same first and last character, the mention's characters in order.

    Between them the raw text may hold line breaks and a page number that layout repair dropped.
    """
    from jpnlp import normalize

    r = normalize("".join(raw.split()))
    t = "".join(text.split())
    it = iter(r)
    return r[:1] == t[:1] and r[-1:] == t[-1:] and all(c in it for c in t)


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make a folder read-only: chmod where that binds, a simulation where it does not (root ignores modes).

    The simulation refuses what a read-only folder refuses — creating, removing or renaming entries in
    it, opening a new file there for writing — with the same ``PermissionError`` (EACCES).
    """
    import builtins
    import errno
    import io
    import os

    def make(folder: Path) -> Path:
        if os.geteuid() != 0:
            folder.chmod(0o555)
            return folder
        frozen = os.path.realpath(folder)

        def inside(path) -> bool:  # type: ignore[no-untyped-def]
            if isinstance(path, int):
                return False
            return os.path.dirname(os.path.realpath(os.fsdecode(path))) == frozen

        def deny(path) -> None:  # type: ignore[no-untyped-def]
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))

        def guard(fn, *which: int, writing=None):  # type: ignore[no-untyped-def]
            def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
                if (writing is None or writing(*args, **kwargs)) and any(inside(args[i]) for i in which):
                    deny(args[which[0]])
                return fn(*args, **kwargs)

            return wrapped

        def opens_for_writing(path, mode="r", *args, **kwargs) -> bool:  # type: ignore[no-untyped-def]
            return any(c in mode for c in "wax+") and not os.path.exists(path)

        def os_open_writes(path, flags, *args, **kwargs) -> bool:  # type: ignore[no-untyped-def]
            return bool(flags & os.O_CREAT) and not os.path.exists(path)

        for name in ("mkdir", "rmdir", "unlink", "remove"):
            monkeypatch.setattr(os, name, guard(getattr(os, name), 0))
        for name in ("rename", "replace"):
            monkeypatch.setattr(os, name, guard(getattr(os, name), 0, 1))
        monkeypatch.setattr(os, "open", guard(os.open, 0, writing=os_open_writes))
        monkeypatch.setattr(builtins, "open", guard(builtins.open, 0, writing=opens_for_writing))
        monkeypatch.setattr(io, "open", guard(io.open, 0, writing=opens_for_writing))
        return folder

    made: list[Path] = []

    def factory(folder: Path) -> Path:
        made.append(folder)
        return make(folder)

    yield factory
    for folder in made:
        if os.geteuid() != 0:
            folder.chmod(0o755)


def corpus_built_with(out: Path, **env: str) -> dict[str, bytes]:
    """``jpnlp build corpus/`` in a fresh process with ``env`` set: every file of the dataset but build.json."""
    import os
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "jpnlp", "build", str(CORPUS), "-o", str(out)]
    result = subprocess.run(cmd, env={**os.environ, **env}, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    dataset = next(out.iterdir())
    return {str(p.relative_to(dataset)): p.read_bytes() for p in sorted(dataset.rglob("*"))
            if p.is_file() and p.name != "build.json"}  # fmt: skip
