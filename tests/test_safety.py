"""A property: whatever goes wrong, a run leaves the output as it was and changes nothing else.

For every command that writes an output and every failure path the suite can reach — a bad input, a bad
setting, a full disk, Ctrl-C, SIGKILL — the tree around the output is snapshotted (paths, types, sha256)
before and after the run.  The output must be byte-identical; outside it only the resume journal of
``extract``/``build`` may remain after an interruption or a full disk (that is what ``--resume`` reads),
and a SIGKILL may leave temporary files, which the next run sweeps away.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app

from .conftest import CORPUS_DOC
from .tree import changes, snapshot

runner = CliRunner()
EARLIER = "earlier result\n"
BAD_GLOSSARY = "entries: ["

# name → (arguments for INPUTS and OUT, what OUT is, does it keep a resume journal)
COMMANDS: dict[str, tuple[Callable[[list[str], Path], list[str]], str, bool]] = {
    "normalize": (lambda i, o: ["normalize", *i, "-o", str(o)], "file", False),
    "segment": (lambda i, o: ["segment", *i, "-o", str(o)], "file", False),
    "votes": (lambda i, o: ["votes", *i, "--format", "csv", "-o", str(o)], "file", False),
    "extract": (lambda i, o: ["extract", "--fast", *i, "-o", str(o)], "file", True),
    "extract-shards": (lambda i, o: ["extract", "--fast", *i, "-o", str(o), "--shard-docs", "2"], "shards", True),
    "report": (lambda i, o: ["report", *i, "-o", str(o)], "file", False),
    "build": (
        lambda i, o: ["build", *i, "-o", str(o.parent), "--name", o.name, "--overwrite", "--fast", "--no-gold"],
        "dataset",
        True,
    ),
}
SLOW = {"report"}  # the full GiNZA pipeline: left out of the subprocess cases


@pytest.fixture(scope="module")
def paragraphs() -> list[str]:
    import jpnlp

    return [b.text for b in jpnlp.prepare(CORPUS_DOC).blocks if b.kind == "paragraph" and len(b.text) > 80][:6]


def _setup(root: Path, kind: str, paragraphs: list[str]) -> tuple[Path, Path]:
    """A corpus folder and an earlier output of ``kind`` (a file, a folder of shards, a dataset)."""
    corpus = root / "corpus"
    corpus.mkdir()
    for i, text in enumerate(paragraphs):
        (corpus / f"doc{i}.txt").write_text(text + "\n", encoding="utf-8")
    (root / "blob.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    (root / "bad.yaml").write_text(BAD_GLOSSARY, encoding="utf-8")
    out = root / "results" / "out"
    out.parent.mkdir()
    (out.parent / "neighbour.txt").write_text("another file beside the output\n", encoding="utf-8")
    if kind == "file":
        out.write_text(EARLIER, encoding="utf-8")
    elif kind == "shards":
        out.mkdir()
        (out / "extract-00000-of-00001.jsonl").write_text(EARLIER, encoding="utf-8")
    else:
        out.mkdir()
        (out / "build.json").write_text("{}\n", encoding="utf-8")
        (out / "README.md").write_text(EARLIER, encoding="utf-8")
    return corpus, out


def _journal(out: Path, command: str) -> str:
    return f".{out.name}.journal"


def _allowed(before: dict, after: dict, out: Path, root: Path, extra: tuple[str, ...]) -> list[str]:
    """The changes outside what a failed run may leave (``extra``: path prefixes relative to ``root``)."""
    return [c for c in changes(before, after) if not c[2:].startswith(extra)]


# -- in process: bad input, bad settings ---------------------------------------


def _bad_settings(command: str) -> list[str]:
    if command in ("extract", "extract-shards", "build"):
        return ["--glossary", "BAD"]
    return ["--encoding", "rot13"]


@pytest.mark.parametrize("failure", ["bad input", "bad settings", "nothing matches"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_failed_run_changes_nothing(tmp_path: Path, paragraphs: list[str], command: str, failure: str) -> None:
    args_of, kind, _ = COMMANDS[command]
    corpus, out = _setup(tmp_path, kind, paragraphs)
    if failure == "bad input":
        inputs = [str(tmp_path / "blob.txt")]
    elif failure == "bad settings":
        inputs = [str(corpus), *(a.replace("BAD", str(tmp_path / "bad.yaml")) for a in _bad_settings(command))]
    else:
        (corpus / "empty").mkdir()
        inputs = [str(corpus / "empty")]
    before = snapshot(tmp_path)
    result = runner.invoke(app, args_of(inputs, out))
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output and result.stderr.strip().startswith("error: "), result.stderr
    assert changes(before, snapshot(tmp_path)) == []


# -- in a subprocess: a full disk, Ctrl-C, SIGKILL ----------------------------


def _jpnlp(args: list[str], **kwargs) -> subprocess.Popen:  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, "-c", "from jpnlp.cli import run; run()", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kwargs,
    )  # fmt: skip


def _wait_for(check: Callable[[], bool], proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "the run never reached the point to interrupt"
        time.sleep(0.02)


def _limit_file_size() -> None:
    # Every file this process writes stops at 256 bytes (EFBIG): a full disk, as the writer sees it.
    resource.setrlimit(resource.RLIMIT_FSIZE, (256, 256))


FILE_COMMANDS = sorted(c for c in COMMANDS if c not in SLOW)


@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_a_full_disk_changes_nothing_but_the_journal(tmp_path: Path, paragraphs: list[str], command: str) -> None:
    args_of, kind, journaled = COMMANDS[command]
    corpus, out = _setup(tmp_path, kind, paragraphs)
    before = snapshot(tmp_path)
    proc = _jpnlp(args_of([str(corpus)], out), preexec_fn=_limit_file_size)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 2, err.decode()
    lines = err.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "cannot write: File too large" in lines[0], lines
    keep = (f"results/{_journal(out, command)}",) if journaled else ()
    assert _allowed(before, snapshot(tmp_path), out, tmp_path, keep) == []


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
@pytest.mark.parametrize("command", FILE_COMMANDS)
def test_an_interrupted_run_changes_nothing_but_the_journal(
    tmp_path: Path, paragraphs: list[str], command: str, sig: signal.Signals
) -> None:
    """The run reads standard input; it is interrupted while its temporary output exists and it waits for more."""
    args_of, kind, journaled = COMMANDS[command]
    _, out = _setup(tmp_path, kind, paragraphs)
    before = snapshot(tmp_path)
    proc = _jpnlp(args_of(["-"], out), stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(paragraphs[0].encode())
    proc.stdin.flush()
    journal = out.parent / _journal(out, command)

    def waiting() -> bool:  # the temporary output made (and the journal, made after it), stdin being read
        made = any(p.name.endswith(".tmp") for p in out.parent.iterdir())
        return made and (not journaled or journal.exists())

    _wait_for(waiting, proc)
    time.sleep(0.2)
    os.killpg(proc.pid, sig)  # what Ctrl-C does: the whole process group
    proc.communicate(timeout=60)
    assert proc.returncode != 0
    keep = (f"results/{_journal(out, command)}",) if journaled else ()
    if sig == signal.SIGKILL:
        keep += (f"results/.{out.name}.",)  # the temporary output; swept by the next run (below)
    assert _allowed(before, snapshot(tmp_path), out, tmp_path, keep) == []
    if sig == signal.SIGINT:
        return
    again = _jpnlp(args_of(["-"], out) + (["--resume"] if journaled else []), stdin=subprocess.PIPE)
    _, err = again.communicate(paragraphs[0].encode(), timeout=300)
    assert again.returncode == 0, err.decode()
    outside = f"results/{out.name}"
    assert [c for c in changes(before, snapshot(tmp_path)) if not c[2:].startswith(outside)] == []


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux /proc)."""
    kids = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat_file.parent.name))
    return sorted(kids)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("stop", ["Ctrl-C", "a worker killed"])
def test_a_parallel_build_stops_at_once(tmp_path: Path, paragraphs: list[str], stop: str) -> None:
    """Mid-work, with two workers: no hang, the earlier dataset kept, only the journal left beside it."""
    args_of, kind, _ = COMMANDS["build"]
    corpus, out = _setup(tmp_path, kind, paragraphs)
    for i in range(30):  # enough documents to still be busy when stopped
        (corpus / f"more{i:02d}.txt").write_text(paragraphs[i % len(paragraphs)] + f"{i}\n", encoding="utf-8")
    before = snapshot(tmp_path)
    proc = _jpnlp([*args_of([str(corpus)], out), "--workers", "2"])
    journal = out.parent / _journal(out, "build")

    def started() -> bool:
        return any(p.stat().st_size for p in journal.glob("entries-*.jsonl"))

    _wait_for(started, proc)
    if stop == "Ctrl-C":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        os.kill(_children(proc.pid)[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=60)  # before the fix: a pool waiting forever for a dead worker
    assert proc.returncode == (130 if stop == "Ctrl-C" else 2), err.decode()
    assert "run the same command with --resume to go on" in err.decode()
    assert _allowed(before, snapshot(tmp_path), out, tmp_path, (f"results/{journal.name}",)) == []
