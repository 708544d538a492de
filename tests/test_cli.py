"""The command line: output, exit codes, and no damage on failure."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jpnlp.cli import app

from .conftest import CORPUS, CORPUS_DOC

runner = CliRunner()


def test_segment_corpus_jsonl(tmp_path: Path, gold_segments) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "s.jsonl"
    result = runner.invoke(app, ["segment", str(CORPUS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(gold_segments)
    assert rows[0] == {
        "doc_id": "us_russia_arms_control_2000.ja",
        "index": 0,
        "block": "heading",
        "block_index": 0,
        "text": "1 はじめに",
        "start": 0,
        "end": 6,
        "raw_start": 1,
        "raw_end": 7,
        "markers": [],
    }
    raw = CORPUS_DOC.read_text(encoding="utf-8")
    assert raw[rows[0]["raw_start"] : rows[0]["raw_end"]] == "１ はじめに"


def test_segment_text_format_from_stdin() -> None:
    result = runner.invoke(app, ["segment", "--format", "text"], input="米国は批准した。ロシアも批准した。".encode("cp932"))
    assert result.exit_code == 0
    assert result.stdout == "米国は批准した。\nロシアも批准した。\n\n"


def test_normalize_command(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("ＳＴＡＲＴⅡ条約（ＡＢＭ）\n", encoding="utf-8")
    result = runner.invoke(app, ["normalize", str(p)])
    assert result.exit_code == 0
    assert result.stdout == "STARTII条約(ABM)\n"


def test_missing_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("earlier result\n", encoding="utf-8")
    result = runner.invoke(app, ["segment", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file or directory"
    assert out.read_text(encoding="utf-8") == "earlier result\n"


def test_binary_file_exit_code_and_message(tmp_path: Path) -> None:
    p = tmp_path / "blob.txt"
    p.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    result = runner.invoke(app, ["segment", str(p)])
    assert result.exit_code == 1
    assert f"error: {p}: binary data, not text (NUL byte at byte offset 7)" in result.stderr
    assert "Traceback" not in result.output


def test_directory_with_a_bad_file_processes_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("米国は批准した。", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00\x00\x01")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out" / "s.jsonl"
    result = runner.invoke(app, ["segment", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["text"]) for r in rows] == [("good", "米国は批准した。")]
    assert "bad.txt: binary data" in result.stderr
    assert "empty.txt: empty file" in result.stderr
    assert "1 input(s) failed" in result.stderr


def test_forced_wrong_encoding(tmp_path: Path) -> None:
    p = tmp_path / "sjis.txt"
    p.write_bytes("米国".encode("cp932"))
    result = runner.invoke(app, ["segment", str(p), "--encoding", "utf-8"])
    assert result.exit_code == 1
    assert f"{p}: cannot decode as utf-8: invalid bytes at byte offset 0" in result.stderr


def test_detected_encoding_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "euc.txt"
    p.write_bytes("ロシア下院は可決した。".encode("euc_jp"))
    result = runner.invoke(app, ["segment", str(p), "-f", "text"])
    assert result.exit_code == 0
    assert result.stdout == "ロシア下院は可決した。\n\n"
    assert f"{p}: read as euc_jp" in result.stderr


def test_help_everywhere() -> None:
    for args in (["--help"], ["segment", "--help"], ["normalize", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0
        assert "Usage" in result.stdout


def test_new_entry_points_name_the_bad_input(tmp_path: Path) -> None:
    cases = [
        (["report", "--dataset", str(tmp_path), "-o", str(tmp_path / "r.html")], "not a dataset built by jpnlp build"),
        (["train", "spacy", "--data", str(tmp_path), "-o", str(tmp_path / "m")], "missing; run jpnlp build first"),
        (["train", "transformer", "--data", str(tmp_path), "--base", str(tmp_path / "nope")], "not a model checkpoint on disk"),
        (["eval", "--model", str(tmp_path), "--data", str(tmp_path)], "no gold split"),
        (["build", str(tmp_path / "none"), "-o", str(tmp_path / "out")], "no such file or directory"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_python_dash_m_runs_the_command_line() -> None:
    import subprocess
    import sys

    from jpnlp import __version__

    result = subprocess.run([sys.executable, "-m", "jpnlp", "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, f"jpnlp {__version__}\n")
