"""``--workers``: the per-document encoding runs in the workers and the output is the same bytes as with one."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

import jpnlp.dataset as ds
from jpnlp.cli import app
from jpnlp.dataset import build_dataset

from .conftest import CORPUS

runner = CliRunner()

# invented documents: a ratification vote, a summit, a dated entry into force, and one with two paragraphs
TEXTS = [
    "ロシア下院は２００３年５月１４日、モスクワ条約の批准法案を賛成２９４、反対１３４、棄権０で可決した。",
    "プーチン大統領とブッシュ大統領は会談し、戦略攻撃能力削減条約に署名した。",
    "包括的核実験禁止条約（ＣＴＢＴ）は１９９６年に採択されたが、まだ発効していない。",
    "１ 概要\n\n新ＳＴＡＲＴ条約は２０１１年２月５日に発効した。\n\n２ 評価\n\nオバマ大統領は条約を歓迎した。",
]


def _corpus(folder: Path, copies: int, broken: bool = False) -> Path:
    folder.mkdir(parents=True)
    for i in range(copies):
        (folder / f"d{i:02d}.txt").write_text(TEXTS[i % len(TEXTS)] * (1 + i % 3), encoding="utf-8")
    if broken:
        (folder / "zz.txt").write_bytes(b"\x00\xff\xfe binary")
    return folder


def _digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}  # fmt: skip


@pytest.mark.parametrize(
    ("copies", "broken", "gold"),
    [
        (4, True, False),  # fewer than 10 documents: split by paragraph; an unreadable file is an error row
        (12, False, False),  # split by document
        (0, False, True),  # the shipped corpus with its hand-made gold: the gold split too
    ],
)
def test_fast_build_with_two_workers_is_byte_identical(tmp_path: Path, copies: int, broken: bool, gold: bool) -> None:
    corpus = CORPUS if gold else _corpus(tmp_path / "c", copies, broken)
    one = build_dataset([corpus], tmp_path / "w1", fast=True).path
    two = build_dataset([corpus], tmp_path / "w2", fast=True, workers=2).path
    files = _digests(one)
    assert any(f.startswith("spacy/") for f in files) and any(f.startswith("conllu/") for f in files)
    assert ("conll/gold.conll" in files) == gold
    assert _digests(two) == files


def test_full_build_with_two_workers_is_byte_identical(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c", 3)
    one = build_dataset([corpus], tmp_path / "w1").path
    two = build_dataset([corpus], tmp_path / "w2", workers=2).path
    assert _digests(two) == _digests(one)


class _StopAfter:
    """Stands in for ``process_document``: lets ``n`` documents through, then a Ctrl-C."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.n == 0:
            raise KeyboardInterrupt
        self.n -= 1
        return _real(*args, **kwargs)


_real = ds.process_document


def test_resumed_build_with_two_workers_is_what_one_worker_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "c", 12)
    clean = build_dataset([corpus], tmp_path / "clean", fast=True).path
    monkeypatch.setattr(ds, "process_document", _StopAfter(5))
    with pytest.raises(KeyboardInterrupt):
        build_dataset([corpus], tmp_path / "out", fast=True)
    monkeypatch.setattr(ds, "process_document", _real)
    resumed = build_dataset([corpus], tmp_path / "out", fast=True, workers=2, resume=True)
    assert resumed.resumed == 5
    assert _digests(resumed.path) == _digests(clean)


@pytest.mark.parametrize(
    "extra",
    [
        [],
        ["--shard-docs", "2"],
        ["--layout", "plain"],
    ],
)
def test_extract_with_two_workers_is_byte_identical(tmp_path: Path, extra: list[str]) -> None:
    corpus = _corpus(tmp_path / "c", 5, broken=True)
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = runner.invoke(app, ["extract", str(corpus), "-o", str(one), "--fast", *extra])
    r2 = runner.invoke(app, ["extract", str(corpus), "-o", str(two), "--fast", "--workers", "2", *extra])
    assert (r1.exit_code, r2.exit_code) == (1, 1), r2.stderr  # the binary file is reported either way
    assert r1.stderr == r2.stderr
    digests = _digests(one) if one.is_dir() else {"": hashlib.sha256(one.read_bytes()).hexdigest()}
    assert (_digests(two) if two.is_dir() else {"": hashlib.sha256(two.read_bytes()).hexdigest()}) == digests


def test_resumed_extract_with_two_workers_is_what_one_worker_writes(tmp_path: Path) -> None:
    from jpnlp.extract import extract_to, journal_path
    from jpnlp.io import list_inputs, read_files
    from jpnlp.pipeline import default_pipeline

    corpus = _corpus(tmp_path / "c", 6)
    nlp = default_pipeline(True)
    raws = list(read_files(list_inputs([str(corpus)])))

    def cut(n: int):  # type: ignore[no-untyped-def]
        yield from raws[:n]
        raise KeyboardInterrupt

    clean, out = tmp_path / "clean.jsonl", tmp_path / "out.jsonl"
    extract_to(raws, clean, nlp, settings={})
    with pytest.raises(KeyboardInterrupt):
        extract_to(cut(3), out, nlp, settings={})
    assert journal_path(out).is_dir() and not out.exists()
    result = extract_to(raws, out, nlp, settings={}, resume=True, workers=2, pipeline=(None, True))
    assert (result.resumed, result.documents) == (3, 6)
    assert out.read_bytes() == clean.read_bytes()


@pytest.mark.parametrize(("batch_rows", "shard_rows", "shard_docs"), [(3, 7, 5), (1, 2, 1), (500, 50_000, 1_000)])
def test_appending_encoded_documents_writes_what_adding_rows_writes(
    tmp_path: Path, batch_rows: int, shard_rows: int, shard_docs: int
) -> None:
    """Row groups, Parquet shards and DocBin shards fall at the same rows however the rows arrive."""
    from jpnlp.dataset.encode import encode, writes
    from jpnlp.dataset.splits import SplitConfig
    from jpnlp.dataset.writers import ConllUWriter, ConllWriter, DocBinWriter, ShardWriter, TableWriter
    from jpnlp.io import list_inputs, read_files

    ds._init_worker(None, True)
    corpus = _corpus(tmp_path / "c", 4)
    results = [ds.process_document(raw, None) for raw in read_files(list_inputs([str(corpus)]))]
    split = SplitConfig()

    def writers(root: Path):  # type: ignore[no-untyped-def]
        root.mkdir()
        return (ShardWriter(root, "train", shard_rows=shard_rows, batch_rows=batch_rows),
                TableWriter(root / "entities.parquet", "entities", batch_rows=batch_rows),
                DocBinWriter(root / "spacy", shard_docs=shard_docs), ConllWriter(root / "x.conll"),
                ConllUWriter(root / "x.conllu"))  # fmt: skip

    shard, table, docbin, conll, conllu = writers(tmp_path / "rows")
    for res in results:
        for _, row in writes(res, split, False):
            shard.add(row), table.add("train", row), docbin.add(row), conll.add(row), conllu.add(row)
    shard.close(), table.close(), docbin.close(), conll.close(), conllu.close()

    shard, table, docbin, conll, conllu = writers(tmp_path / "parts")
    for res in results:
        encoded = encode({**res, "rows": [(row, None) for _, row in writes(res, split, False)]}, SplitConfig(1, 0, 0), True)
        encoded = pickle.loads(pickle.dumps(encoded))  # as it comes back from a worker
        part = encoded.splits["train"]
        shard.add_table(part.rows), docbin.add_part(part.docbins), conll.add_text(res["doc_id"], part.conll, part.conll_ids)
        conllu.add_text(part.conllu), table.add_table(encoded.tables["entities"])
    shard.close(), table.close(), docbin.close(), conll.close(), conllu.close()

    rows, parts = _digests(tmp_path / "rows"), _digests(tmp_path / "parts")
    assert len([f for f in rows if f.endswith(".spacy")]) > (1 if shard_docs < 100 else 0)
    assert parts == rows


_STATE: dict[str, object] = {}


def _remember(value: str) -> None:
    _STATE["calls"] = int(_STATE.get("calls", 0)) + 1  # type: ignore[call-overload]
    _STATE["value"] = value


def _read(item: int) -> tuple[int, object, int]:
    import os

    return item, _STATE.get("value"), os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_share_what_init_loaded_once(workers: int) -> None:
    import os

    from jpnlp.dataset.engines import forks, map_ordered

    if workers > 1 and not forks():
        pytest.skip("workers are forked only where processes fork")
    _STATE.clear()
    out = list(map_ordered(_read, range(20), _remember, ("pipeline",), workers=workers))
    assert [item for item, _, _ in out] == list(range(20))  # input order
    assert {value for _, value, _ in out} == {"pipeline"}
    assert _STATE["calls"] == 1  # loaded once, in this process; forked workers inherit it
    assert (os.getpid() in {pid for *_, pid in out}) == (workers == 1)
