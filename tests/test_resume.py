"""Interrupted builds and extractions go on with ``--resume`` and end byte-identical to an uninterrupted run."""

from __future__ import annotations

from pathlib import Path

import pytest

import jpnlp.dataset as ds
from jpnlp.dataset import build_dataset, journal_path

from .conftest import CORPUS_DOC


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve documents (enough to split by document): paragraphs of the corpus document, one per file."""
    import jpnlp

    folder = tmp_path_factory.mktemp("many")
    paragraphs = [b.text for b in jpnlp.prepare(CORPUS_DOC).blocks if b.kind == "paragraph" and len(b.text) > 80]
    for i, text in enumerate(paragraphs[:12]):
        (folder / f"doc{i:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def _files(dataset: Path) -> dict[str, bytes]:
    """Every file's bytes, except ``save_to_disk``'s ``state.json`` (its fingerprint hashes a cache path)."""
    return {
        str(p.relative_to(dataset)): p.read_bytes()
        for p in sorted(dataset.rglob("*"))
        if p.is_file() and p.name != "state.json"
    }


@pytest.fixture(scope="module")
def reference(many: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return _files(build_dataset([many], tmp_path_factory.mktemp("ref"), fast=True).path)


class _Interrupt:
    """Stands in for ``process_document``: lets ``n`` documents through, then a Ctrl-C."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.seen: list[str] = []

    def __call__(self, raw, *args):  # type: ignore[no-untyped-def]
        if len(self.seen) == self.n:
            raise KeyboardInterrupt
        self.seen.append(raw.doc_id)
        return _real(raw, *args)


_real = ds.process_document


def test_resume_skips_what_was_done_and_gives_the_same_dataset(
    many: Path, reference: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut = _Interrupt(5)
    monkeypatch.setattr(ds, "process_document", cut)
    with pytest.raises(KeyboardInterrupt):
        build_dataset([many], tmp_path, fast=True)
    assert not (tmp_path / "jpnlp-arms-control").exists()
    assert journal_path(tmp_path).is_dir()

    rest = _Interrupt(100)
    monkeypatch.setattr(ds, "process_document", rest)
    result = build_dataset([many], tmp_path, fast=True, resume=True)
    assert result.resumed == 5
    assert rest.seen == [f"doc{i:02d}" for i in range(5, 12)]  # only the seven not done before
    assert _files(result.path) == reference
    assert not journal_path(tmp_path).exists()  # a finished build removes its journal


def test_an_edited_document_is_processed_again(many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(many, corpus)
    monkeypatch.setattr(ds, "process_document", _Interrupt(3))
    with pytest.raises(KeyboardInterrupt):
        build_dataset([corpus], tmp_path / "out", fast=True)
    edited = corpus / "doc01.txt"
    edited.write_text("米上院は2010年12月22日、新START条約を71対26の賛成多数で承認した。\n", encoding="utf-8")
    rest = _Interrupt(100)
    monkeypatch.setattr(ds, "process_document", rest)
    result = build_dataset([corpus], tmp_path / "out", fast=True, resume=True)
    assert result.resumed == 2
    assert rest.seen == ["doc01"] + [f"doc{i:02d}" for i in range(3, 12)]


def test_without_resume_everything_is_done_again(many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ds, "process_document", _Interrupt(4))
    with pytest.raises(KeyboardInterrupt):
        build_dataset([many], tmp_path, fast=True)
    again = _Interrupt(100)
    monkeypatch.setattr(ds, "process_document", again)
    assert build_dataset([many], tmp_path, fast=True).resumed == 0
    assert len(again.seen) == 12


def test_other_settings_do_not_reuse_the_journal(many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ds, "process_document", _Interrupt(4))
    with pytest.raises(KeyboardInterrupt):
        build_dataset([many], tmp_path, fast=True)
    glossary = tmp_path / "g.yaml"
    glossary.write_text(
        "- id: treaty.test\n  label: TREATY\n  en: Test Treaty\n  ja: [試験条約]\n", encoding="utf-8"
    )
    again = _Interrupt(100)
    monkeypatch.setattr(ds, "process_document", again)
    assert build_dataset([many], tmp_path, fast=True, resume=True, glossary=str(glossary)).resumed == 0
    assert len(again.seen) == 12


# -- jpnlp extract -o --------------------------------------------------------

import json

from typer.testing import CliRunner

import jpnlp.extract as ex
from jpnlp.cli import app

runner = CliRunner()
_real_line = ex.record_line


class _LineInterrupt:
    def __init__(self, n: int, fail: str | None = None) -> None:
        self.n, self.fail = n, fail
        self.seen: list[str] = []

    def __call__(self, raw, *args):  # type: ignore[no-untyped-def]
        if len(self.seen) == self.n:
            raise KeyboardInterrupt
        self.seen.append(raw.doc_id)
        if raw.doc_id == self.fail:
            raise RecursionError("maximum recursion depth exceeded")  # a pathological document
        return _real_line(raw, *args)


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["doc_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_resume_and_isolation(many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.jsonl"
    ref = runner.invoke(app, ["extract", str(many), "--fast", "-o", str(tmp_path / "ref.jsonl")])
    assert ref.exit_code == 0, ref.output

    monkeypatch.setattr(ex, "record_line", _LineInterrupt(6, fail="doc02"))
    cut = runner.invoke(app, ["extract", str(many), "--fast", "-o", str(out)])
    assert cut.exit_code == 130
    assert "run the same command with --resume to go on" in cut.output
    assert not out.exists()  # nothing half-written

    rest = _LineInterrupt(100, fail="doc02")
    monkeypatch.setattr(ex, "record_line", rest)
    done = runner.invoke(app, ["extract", str(many), "--fast", "-o", str(out), "--resume"])
    assert done.exit_code == 1  # doc02 failed (its failure is remembered, not retried)
    assert "doc02.txt: RecursionError: maximum recursion depth exceeded" in done.output
    assert rest.seen == [f"doc{i:02d}" for i in range(6, 12)]
    assert _ids(out) == [i for i in _ids(tmp_path / "ref.jsonl") if i != "doc02"]
    assert out.read_text(encoding="utf-8").splitlines() == [
        line for line in (tmp_path / "ref.jsonl").read_text(encoding="utf-8").splitlines() if '"doc02"' not in line
    ]
    assert not ex.journal_path(out).exists()


def test_extract_shards(many: Path, tmp_path: Path) -> None:
    out = tmp_path / "records"
    result = runner.invoke(app, ["extract", str(many), "--fast", "-o", str(out), "--shard-docs", "5"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"extract-{i:05d}-of-00003.jsonl" for i in range(3)]
    ids = [i for n in names for i in _ids(out / n)]
    assert ids == [f"doc{i:02d}" for i in range(12)]
    assert [len(_ids(out / n)) for n in names] == [5, 5, 2]


def test_extract_resume_needs_an_output_file() -> None:
    result = runner.invoke(app, ["extract", "--resume"], input="条約".encode())
    assert result.exit_code == 2
    assert "needs -o/--output" in result.output


def test_extract_into_a_read_only_folder(many: Path, tmp_path: Path, read_only) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ro"
    out.mkdir()
    (out / "old.jsonl").write_text("earlier result\n", encoding="utf-8")
    read_only(out)
    result = runner.invoke(app, ["extract", str(many), "--fast", "-o", str(out / "old.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr == f"error: {out / 'old.jsonl'}: cannot write: Permission denied\n"
    assert sorted(p.name for p in out.iterdir()) == ["old.jsonl"]
    assert (out / "old.jsonl").read_text(encoding="utf-8") == "earlier result\n"


# -- a damaged journal is never served (issue 12) ------------------------------


def _damage(journal: Path, how: str) -> None:
    """Edit the first entry of a journal the way a careless hand or a bad disk would."""
    path = sorted(journal.glob("entries-*.jsonl"))[0]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    entry = json.loads(lines[0])
    if how == "altered":
        lines[0] = lines[0].replace("条約", "協定")
        assert lines[0] != json.dumps(entry)
    elif how == "null":
        entry["value"] = None
        lines[0] = json.dumps(entry, ensure_ascii=False) + "\n"
    else:  # no rows / no line
        entry["value"].pop("rows" if "rows" in entry["value"] else "line")
        lines[0] = json.dumps(entry, ensure_ascii=False) + "\n"
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("how", ["altered", "null", "missing"])
def test_extract_resume_recomputes_a_damaged_entry(
    many: Path, tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = tmp_path / "ref.jsonl"
    assert runner.invoke(app, ["extract", str(many), "--fast", "-o", str(ref)]).exit_code == 0
    out = tmp_path / "out.jsonl"
    monkeypatch.setattr(ex, "record_line", _LineInterrupt(4))
    assert runner.invoke(app, ["extract", str(many), "--fast", "-o", str(out)]).exit_code == 130
    _damage(ex.journal_path(out), how)
    rest = _LineInterrupt(100)
    monkeypatch.setattr(ex, "record_line", rest)
    done = runner.invoke(app, ["extract", str(many), "--fast", "-o", str(out), "--resume"])
    assert done.exit_code == 0, done.output
    assert rest.seen[0] == "doc00"  # the damaged entry, processed again
    assert out.read_bytes() == ref.read_bytes()
    warning = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1 and "1 damaged entry ignored (line 1: " in warning[0], done.stderr


@pytest.mark.parametrize("how", ["altered", "null", "missing"])
def test_build_resume_recomputes_a_damaged_entry(
    many: Path, reference: dict[str, bytes], tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jpnlp.errors import JournalWarning

    monkeypatch.setattr(ds, "process_document", _Interrupt(4))
    with pytest.raises(KeyboardInterrupt):
        build_dataset([many], tmp_path, fast=True)
    _damage(journal_path(tmp_path), how)
    rest = _Interrupt(100)
    monkeypatch.setattr(ds, "process_document", rest)
    with pytest.warns(JournalWarning, match="1 damaged entry ignored"):
        result = build_dataset([many], tmp_path, fast=True, resume=True)
    assert result.resumed == 3 and rest.seen[0] == "doc00"
    assert _files(result.path) == reference


# -- the inputs are read once (issue 12) ---------------------------------------


class _Meddle:
    """Stands in for ``process_document``: on the first document, deletes one input and adds another."""

    def __init__(self, corpus: Path, stop_after: int | None = None) -> None:
        self.corpus, self.stop_after = corpus, stop_after
        self.seen: list[str] = []

    def __call__(self, raw, *args):  # type: ignore[no-untyped-def]
        if not self.seen and (self.corpus / "doc07.txt").exists():
            (self.corpus / "doc07.txt").unlink()
            (self.corpus / "doc99.txt").write_text("新しい文書。\n", encoding="utf-8")
        if len(self.seen) == self.stop_after:
            raise KeyboardInterrupt
        self.seen.append(raw.doc_id)
        return _real(raw, *args)


def test_inputs_changed_during_a_build_do_not_change_it(
    many: Path, reference: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(many, corpus)
    monkeypatch.setattr(ds, "process_document", _Meddle(corpus))
    result = build_dataset([corpus], tmp_path / "out", fast=True)
    assert result.documents == 12 and not result.failed
    assert _files(result.path) == reference  # the corpus as it was when the build began


def test_inputs_changed_during_an_interrupted_build_resume_correctly(
    many: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    corpus = tmp_path / "c"
    shutil.copytree(many, corpus)
    monkeypatch.setattr(ds, "process_document", _Meddle(corpus, stop_after=9))  # doc00 … doc08 journaled
    with pytest.raises(KeyboardInterrupt):
        build_dataset([corpus], tmp_path / "out", fast=True)
    rest = _Interrupt(100)
    monkeypatch.setattr(ds, "process_document", rest)
    result = build_dataset([corpus], tmp_path / "out", fast=True, resume=True)
    assert result.resumed == 8 and rest.seen == ["doc09", "doc10", "doc11", "doc99"]  # doc07 is gone now
    fresh = build_dataset([corpus], tmp_path / "fresh", fast=True)
    assert _files(result.path) == _files(fresh.path)


def test_build_from_stdin_reads_it_once(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", "-", "-o", str(tmp_path), "--fast", "--no-gold"], input="米国は条約を批准した。\n")
    assert result.exit_code == 0, result.output
    build = json.loads((tmp_path / "jpnlp-arms-control" / "build.json").read_text(encoding="utf-8"))
    assert build["documents"] == 1 and build["sentences"] == 1
