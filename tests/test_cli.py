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
        (["train", "spacy", "--data", str(tmp_path), "-o", str(tmp_path / "m")], "no train split"),
        (["train", "transformer", "--data", str(tmp_path), "--base", str(tmp_path / "nope")], "not a model checkpoint on disk"),
        (["eval", "--model", str(tmp_path), "--data", str(tmp_path)], "no gold split"),
        (["build", str(tmp_path / "none"), "-o", str(tmp_path / "out")], "no such file or directory"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


# -- never lose a user's data (issue 12) ---------------------------------------

import os

import pytest

from .tree import changes, snapshot

DOC = "参議院は賛成１２０、反対９０で新START条約を承認した。\n"
EARLIER = "earlier result\n"
FILE_COMMANDS = [["normalize"], ["segment"], ["votes"], ["extract", "--fast"]]


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC, encoding="utf-8")
    (corpus / "b.txt").write_text(DOC, encoding="utf-8")
    return corpus


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("other files", "holds more than jpnlp extract shards (notes.md)"),
        ("the input", "holds more than jpnlp extract shards (a.txt)"),
        ("a file", "is a file; --shard-docs writes a folder there"),
    ],
)
def test_shard_docs_never_replaces_a_folder_that_is_not_shards(tmp_path: Path, setup: str, message: str) -> None:
    corpus = _corpus(tmp_path)
    out = corpus if setup == "the input" else tmp_path / "results"
    if setup == "other files":
        out.mkdir()
        (out / "notes.md").write_text("mine\n", encoding="utf-8")
    elif setup == "a file":
        out.write_text(EARLIER, encoding="utf-8")
    before = snapshot(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus), "--fast", "-o", str(out), "--shard-docs", "1"])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"error: {out}: "), result.stderr
    assert message in result.stderr
    assert changes(before, snapshot(tmp_path)) == []


def test_shard_docs_replaces_an_earlier_shard_folder(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = tmp_path / "results"
    for shards in ("1", "2"):
        result = runner.invoke(app, ["extract", str(corpus), "--fast", "-o", str(out), "--shard-docs", shards])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["extract-00000-of-00001.jsonl"]


@pytest.mark.parametrize("command", FILE_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("which", ["the file given", "a file of the folder given"])
def test_output_that_is_an_input_is_refused(tmp_path: Path, command: list[str], which: str) -> None:
    corpus = _corpus(tmp_path)
    source = corpus / "a.txt" if which == "the file given" else corpus
    before = snapshot(tmp_path)
    result = runner.invoke(app, [*command, str(source), "-o", str(corpus / "a.txt")])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {corpus / 'a.txt'}: is also an input; choose another output\n"
    assert changes(before, snapshot(tmp_path)) == []


NOTHING_READ = [
    ("a glob matching nothing", ["--glob", "*.md"], 2, "error: no input files (none matches --glob '*.md')"),
    ("an unknown encoding", ["--encoding", "klingon"], 2, "error: --encoding 'klingon': not a text encoding"),
    ("a codec that is no text encoding", ["--encoding", "rot13"], 2, "error: --encoding 'rot13': not a text encoding"),
    ("the 'undefined' codec", ["--encoding", "undefined"], 2, "error: --encoding 'undefined': not a text encoding"),
    ("an empty glob", ["--glob", ""], 2, "error: --glob '': must be a relative pattern"),
    ("an absolute glob", ["--glob", "/etc/*.conf"], 2, "error: --glob '/etc/*.conf': must be a relative pattern"),
    ("a glob leaving the folder", ["--glob", "../*/*.txt"], 2, "error: --glob '../*/*.txt': must be a relative"),
    ("only a binary file", ["BINARY"], 1, "error: no input could be read"),
]


@pytest.mark.parametrize("command", FILE_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize(("case", "args", "code", "message"), NOTHING_READ, ids=[c[0] for c in NOTHING_READ])
def test_nothing_read_leaves_the_output_as_it_was(
    tmp_path: Path, command: list[str], case: str, args: list[str], code: int, message: str
) -> None:
    corpus = _corpus(tmp_path)
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    out = tmp_path / "out.jsonl"
    out.write_text(EARLIER, encoding="utf-8")
    inputs = [str(blob)] if args == ["BINARY"] else [str(corpus), *args]
    before = snapshot(tmp_path)
    result = runner.invoke(app, [*command, *inputs, "-o", str(out)])
    assert result.exit_code == code, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert changes(before, snapshot(tmp_path)) == []


def test_missing_model_is_a_usage_error(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text(EARLIER, encoding="utf-8")
    before = snapshot(tmp_path)
    result = runner.invoke(app, ["extract", str(corpus), "--model", str(tmp_path / "nope"), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'nope'}: no such model folder, nor a packaged model (jpnlp-ner)\n"
    assert changes(before, snapshot(tmp_path)) == []


@pytest.mark.parametrize("command", FILE_COMMANDS, ids=lambda c: c[0])
def test_output_onto_a_fifo_is_refused(tmp_path: Path, command: list[str]) -> None:
    corpus = _corpus(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    before = snapshot(tmp_path)
    result = runner.invoke(app, [*command, str(corpus), "-o", str(fifo)])
    assert result.exit_code == 2
    expected = f"error: {fifo}: is not a regular file (a device, FIFO or socket); not replacing it"
    assert result.stderr.startswith(expected)
    assert changes(before, snapshot(tmp_path)) == []


@pytest.mark.parametrize("command", FILE_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("dangling", [False, True])
def test_output_through_a_symlink_replaces_its_target_and_keeps_the_link(
    tmp_path: Path, command: list[str], dangling: bool
) -> None:
    corpus = _corpus(tmp_path)
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "out.txt"
    if not dangling:
        target.write_text(EARLIER, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = runner.invoke(app, [*command, str(corpus), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") not in ("", EARLIER)
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


def test_a_newline_in_a_file_name_cannot_forge_lines_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "x\nerror: forged.txt").write_bytes(b"\x00\x01\x02\x03")
    result = runner.invoke(app, ["segment", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path}/x\\nerror: forged.txt: binary data, not text (NUL byte at byte offset 0)",
        "1 input(s) failed",
    ]


def test_a_file_name_that_is_not_utf8_is_no_crash(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as fh:
        fh.write(DOC.encode("cp932"))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", "--fast", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{tmp_path}/caf\\udce9.txt: read as cp932" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["doc_id"] == "caf\\udce9"


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    (tmp_path / '=HYPERLINK("evil").txt').write_text(DOC, encoding="utf-8")
    result = runner.invoke(app, ["votes", str(tmp_path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].startswith('"\'=HYPERLINK(""evil"")",')


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "100000"], "--workers 100000: more than twice the"),
        (["--ratios", "nan,nan,nan"], "Invalid value for --ratios"),
        (["--ratios", "1.5,-0.25,-0.25"], "Invalid value for --ratios"),
    ],
)
def test_build_settings_out_of_range(tmp_path: Path, args: list[str], message: str) -> None:
    corpus = _corpus(tmp_path)
    before = snapshot(tmp_path)
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "--fast", *args])
    assert result.exit_code == 2 and message in result.stderr, result.output
    assert changes(before, snapshot(tmp_path)) == []


def test_two_inputs_with_one_document_id_are_a_usage_error(tmp_path: Path) -> None:
    for d in ("d1", "d2"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(DOC, encoding="utf-8")
    result = runner.invoke(app, ["segment", str(tmp_path / "d1"), str(tmp_path / "d2")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path}/d1/a.txt and {tmp_path}/d2/a.txt would both be document 'a'; "
        "pass the folder that holds both instead\n"
    )


@pytest.mark.parametrize("command", [["segment"], ["extract", "--fast"]], ids=lambda c: c[0])
def test_line_separators_inside_text_do_not_break_json_lines(tmp_path: Path, command: list[str]) -> None:
    p = tmp_path / "a.txt"
    p.write_text("条約\u2028本文\u2029と注。\n", encoding="utf-8")
    result = runner.invoke(app, [*command, str(p)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()  # str.splitlines splits at U+2028/U+2029 too
    assert all(json.loads(line) for line in lines)
    assert "\u2028" in json.loads(lines[0])["text"]


def test_python_dash_m_runs_the_command_line() -> None:
    import subprocess
    import sys

    from jpnlp import __version__

    result = subprocess.run([sys.executable, "-m", "jpnlp", "--version"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (0, f"jpnlp {__version__}\n")
