"""``jpnlp build``: round trips, reconstruction of every entity, determinism, safety, spaCy training."""

from __future__ import annotations

import json
import re
from pathlib import Path

import datasets
import pytest
import yaml

from jpnlp.dataset import build_dataset
from jpnlp.errors import OutputError

from .conftest import CORPUS, CORPUS_DOC, slices_to


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ds")
    return build_dataset([CORPUS], out).path


def _parquet(path: Path) -> datasets.DatasetDict:
    splits = ("train", "validation", "test", "gold")
    files = {s: sorted(str(p) for p in (path / "data").glob(f"{s}-*.parquet")) for s in splits}
    return datasets.load_dataset("parquet", data_files={s: f for s, f in files.items() if f})


def test_load_from_disk_and_parquet_give_the_same_rows(built: Path) -> None:
    disk = datasets.load_from_disk(str(built / "disk"))
    pq = _parquet(built)
    assert set(disk) == set(pq) == {"train", "validation", "test", "gold"}
    for split in disk:
        assert disk[split].to_list() == pq[split].to_list()
    assert disk["train"].features["ner_tags"].feature.names[:3] == ["O", "B-TREATY", "I-TREATY"]
    # the card's YAML header (features, class labels, configs) is enough to load the folder
    by_card = datasets.load_dataset(str(built))
    assert by_card["gold"].features == disk["gold"].features
    assert by_card["test"].to_list() == disk["test"].to_list()


def test_every_sentence_once_and_ids_stable(built: Path, gold_segments: list[dict]) -> None:
    pq = _parquet(built)
    rows = [r for s in ("train", "validation", "test") for r in pq[s]]
    assert sorted(r["sentence_index"] for r in rows) == list(range(len(gold_segments)))
    assert all(r["id"] == f"{r['doc_id']}#{r['sentence_index']:05d}" for r in rows)
    # no paragraph is cut across splits
    where: dict[int, str] = {}
    for s in ("train", "validation", "test"):
        for r in pq[s]:
            assert where.setdefault(r["block_index"], s) == s


def test_every_entity_is_reconstructed_from_tokens_and_offsets(built: Path) -> None:
    raw = CORPUS_DOC.read_text(encoding="utf-8")
    pq = _parquet(built)
    names = pq["train"].features["ner_tags"].feature.names
    n = 0
    for split in pq:
        for r in pq[split]:
            toks, spaces, tags = r["tokens"], r["spaces"], [names[t] for t in r["ner_tags"]]
            assert "".join(t + (" " if sp else "") for t, sp in zip(toks, spaces)) == r["text"]
            assert raw[r["raw_start"] : r["raw_end"]] == r["raw_text"]
            # entities from IOB2 tags, as character spans
            spans, pos, cur = [], 0, None
            for t, sp, tag in zip(toks, spaces, tags):
                if tag.startswith("B-") or tag == "O" or (cur and tag[2:] != cur[2]):
                    if cur:
                        spans.append(tuple(cur))
                    cur = [pos, pos + len(t), tag[2:]] if tag != "O" else None
                else:
                    cur[1] = pos + len(t)
                pos += len(t) + (1 if sp else 0)
            if cur:
                spans.append(tuple(cur))
            assert spans == [(e["start"], e["end"], e["label"]) for e in r["entities"]]
            for e in r["entities"]:
                assert r["text"][e["start"] : e["end"]] == e["text"]
                assert slices_to(raw[e["raw_start"] : e["raw_end"]], e["text"])
                n += 1
    assert n > 100


def test_card_counts_equal_the_data(built: Path) -> None:
    card = (built / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---\n")[1])
    pq = _parquet(built)
    info = {c["config_name"]: c for c in header["dataset_info"]}
    assert {s["name"]: s["num_examples"] for s in info["default"]["splits"]} == {s: pq[s].num_rows for s in pq}
    assert header["language"] == ["ja", "en"] and header["task_categories"] == ["token-classification"]
    table = card.split("## Entity counts")[1].split("## How")[0]
    for label in ("TREATY", "LEADER", "DATE", "VOTE"):
        row = re.search(rf"^\| {label} \| (.+) \|$", table, re.MULTILINE)
        assert row is not None
        counts = [int(x) for x in row.group(1).split(" | ")]
        assert counts == [sum(e["label"] == label for r in pq[s] for e in r["entities"]) for s in ("train", "validation", "test", "gold")]
    # the four vote tallies of the corpus are all in the data
    votes = [v for s in ("train", "validation", "test") for r in pq[s] for v in r["votes"]]
    assert sorted((v["for"], v["against"], v["abstain"]) for v in votes) == [(112, 15, 6), (122, 15, 7), (288, 131, 4), (413, 8, 1)]


def test_glossary_table_ships_with_the_data(built: Path) -> None:
    g = datasets.load_dataset("parquet", data_files=str(built / "glossary.parquet"))["train"]
    by_id = {r["id"]: r for r in g}
    assert by_id["treaty.start_ii"]["mention_count"] > 10
    assert by_id["treaty.start_ii"]["en"] == "START II"


def test_rebuild_is_byte_identical_and_needs_overwrite(built: Path) -> None:
    with pytest.raises(OutputError, match="already exists; pass --overwrite"):
        build_dataset([CORPUS], built.parent)
    before = {p.name: p.read_bytes() for p in (built / "data").glob("*.parquet")}
    again = build_dataset([CORPUS], built.parent, overwrite=True).path
    after = {p.name: p.read_bytes() for p in (again / "data").glob("*.parquet")}
    assert before == after


def test_interrupted_build_leaves_the_previous_dataset(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jpnlp.dataset as ds

    card = (built / "README.md").read_bytes()

    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(ds, "process_document", boom)
    with pytest.raises(KeyboardInterrupt):
        build_dataset([CORPUS], built.parent, overwrite=True)
    assert (built / "README.md").read_bytes() == card
    # no half-built folder; only the resume journal (see test_resume.py) stays
    assert [p.name for p in built.parent.iterdir() if p.name.startswith(".")] == [".jpnlp-arms-control.journal"]


def test_from_hf_and_a_failing_document(tmp_path: Path) -> None:
    src = datasets.Dataset.from_dict(
        {"text": ["米上院は2010年12月22日、新START条約を71対26の賛成多数で承認した。", "ロシア下院は賛成288、反対131で可決した。"]}
    )
    src.save_to_disk(str(tmp_path / "hf"))
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "bin.txt").write_bytes(b"\x00\x01\x02")
    r = build_dataset([bad], tmp_path / "out", from_hf=str(tmp_path / "hf"))
    assert r.documents == 2
    assert [f["error"] for f in r.failed] == ["binary data, not text (NUL byte at byte offset 0)"]
    errors = [json.loads(x) for x in (r.path / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors[0]["path"].endswith("bin.txt")
    assert "gold" not in r.split_rows  # no hand annotations for these texts
    rows = [row for s in r.split_rows for row in _parquet_splits(r.path, s)]
    assert sorted(v["for"] for row in rows for v in row["votes"]) == [71, 288]


def _parquet_splits(path: Path, split: str) -> list[dict]:
    files = sorted(str(p) for p in (path / "data").glob(f"{split}-*.parquet"))
    return datasets.load_dataset("parquet", data_files=files)["train"].to_list()


TINY_CONFIG = """
[paths]
train = null
dev = null
[system]
seed = 0
[nlp]
lang = "xx"
pipeline = ["tok2vec","ner"]
batch_size = 16
[components]
[components.tok2vec]
factory = "tok2vec"
[components.tok2vec.model]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 32
depth = 1
embed_size = 500
window_size = 1
maxout_pieces = 2
subword_features = false
[components.ner]
factory = "ner"
[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 16
maxout_pieces = 2
use_upper = true
nO = null
[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 32
upstream = "*"
[corpora]
[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
max_steps = 6
eval_frequency = 3
patience = 0
[training.optimizer]
@optimizers = "Adam.v1"
[training.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 200
tolerance = 0.2
[initialize]
"""


def test_spacy_train_runs_on_the_docbins(built: Path, tmp_path: Path) -> None:
    from spacy.cli.init_config import fill_config
    from spacy.cli.train import train

    (tmp_path / "tiny.cfg").write_text(TINY_CONFIG, encoding="utf-8")
    cfg = tmp_path / "full.cfg"
    fill_config(cfg, tmp_path / "tiny.cfg", silent=True)
    train(
        cfg,
        tmp_path / "model",
        overrides={"paths.train": str(built / "spacy" / "train"), "paths.dev": str(built / "spacy" / "validation")},
    )
    import spacy

    nlp = spacy.load(tmp_path / "model" / "model-last")
    assert set(nlp.get_pipe("ner").labels) == {"TREATY", "LEADER", "DATE", "VOTE"}


def test_workers_give_the_same_dataset(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    texts = [
        "ロシア下院は２０００年４月１４日、ＳＴＡＲＴⅡ条約批准関連法を賛成２８８、反対１３１、棄権４で可決した。",
        "米上院は2010年12月22日、新START条約を71対26の賛成多数で承認した。オバマ大統領は歓迎した。",
        "１ はじめに\n\n核兵器不拡散条約（ＮＰＴ）は１９７０年に発効した。",
    ]
    for i, t in enumerate(texts):
        (corpus / f"d{i}.txt").write_text(t, encoding="utf-8")
    one = build_dataset([corpus], tmp_path / "w1").path
    two = build_dataset([corpus], tmp_path / "w2", workers=2).path
    files = sorted(p.name for p in (one / "data").glob("*.parquet"))
    assert files == sorted(p.name for p in (two / "data").glob("*.parquet"))
    assert all((one / "data" / f).read_bytes() == (two / "data" / f).read_bytes() for f in files)


def test_full_disk_gives_one_clear_error_and_keeps_the_old_dataset(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from jpnlp.dataset import writers

    card = (built / "README.md").read_bytes()

    def no_space(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writers.ShardWriter, "_flush", no_space)
    with pytest.raises(OutputError) as info:
        build_dataset([CORPUS], built.parent, overwrite=True)
    assert str(info.value) == f"{built}: cannot write: No space left on device"
    assert (built / "README.md").read_bytes() == card
    assert [p.name for p in built.parent.iterdir() if p.name.startswith(".")] == [".jpnlp-arms-control.journal"]


def test_output_under_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=f"cannot write: {blocker} is not a folder"):  # not "File exists"
        build_dataset([CORPUS], blocker / "out")


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("g.yaml", "entries: [", "invalid glossary: line 1, column 11: YAML syntax error"),
        ("g.yaml", "entries:\n  - {id: treaty.start_ii, label: LEADER, en: X}\n", "redefines a TREATY entry as LEADER"),
        ("manifest.json", "{not json", "not a valid manifest"),
    ],
)
def test_bad_settings_fail_before_any_output(
    tmp_path: Path, built: Path, name: str, content: str, message: str, workers: int
) -> None:
    import shutil

    from typer.testing import CliRunner

    from jpnlp.cli import app

    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(CORPUS_DOC, corpus)
    out = tmp_path / "out"
    shutil.copytree(built, out / "ds")  # an earlier dataset that must survive
    args = ["build", str(corpus), "-o", str(out), "--name", "ds", "--overwrite", "--fast", "--workers", str(workers)]
    if name == "g.yaml":
        (tmp_path / name).write_text(content, encoding="utf-8")
        args += ["--glossary", str(tmp_path / name)]
    else:
        (corpus / name).write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ds"]
    assert (out / "ds" / "README.md").read_bytes() == (built / "README.md").read_bytes()


def test_read_only_output_folder(tmp_path: Path, built: Path, read_only) -> None:  # type: ignore[no-untyped-def]
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built, out / "ds")
    card = (out / "ds" / "README.md").read_bytes()
    read_only(out)
    with pytest.raises(OutputError) as info:
        build_dataset([CORPUS], out, "ds", overwrite=True, fast=True)
    assert str(info.value).endswith("cannot write: Permission denied")
    assert sorted(p.name for p in out.iterdir()) == ["ds"]
    assert (out / "ds" / "README.md").read_bytes() == card


# -- never lose a user's data (issue 12) ---------------------------------------


def _invoke_build(args: list[str]):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from jpnlp.cli import app

    return CliRunner().invoke(app, ["build", *args, "--fast", "--no-gold"])


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("the input corpus", "(no build.json); --overwrite replaces only an earlier build"),
        ("a folder of other files", "is not a dataset built by jpnlp (no build.json)"),
        ("a file", "is not a dataset built by jpnlp (no build.json)"),
        ("a symbolic link", "is a symbolic link; not replacing it"),
        ("a dataset holding the input", "holds the input"),
    ],
)
def test_overwrite_replaces_only_an_earlier_build(tmp_path: Path, built: Path, case: str, message: str) -> None:
    import shutil

    from .tree import changes, snapshot

    corpus = tmp_path / "mycorpus"
    corpus.mkdir()
    shutil.copy(CORPUS_DOC, corpus)
    name = "ds"
    source = corpus
    if case == "the input corpus":
        name = "mycorpus"
    elif case == "a folder of other files":
        (tmp_path / "ds").mkdir()
        (tmp_path / "ds" / "thesis.tex").write_text("mine\n", encoding="utf-8")
    elif case == "a file":
        (tmp_path / "ds").write_text("mine\n", encoding="utf-8")
    elif case == "a symbolic link":
        (tmp_path / "ds").symlink_to(corpus)
    else:
        shutil.copytree(built, tmp_path / "ds")
        shutil.copy(CORPUS_DOC, tmp_path / "ds" / "inside.txt")
        source = tmp_path / "ds" / "inside.txt"
    before = snapshot(tmp_path)
    result = _invoke_build([str(source), "-o", str(tmp_path), "--name", name, "--overwrite"])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert changes(before, snapshot(tmp_path)) == []


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "../up", ".hidden", "a\\b"])
def test_a_name_that_is_not_a_plain_folder_name_is_refused(tmp_path: Path, built: Path, name: str) -> None:
    import shutil

    from .tree import changes, snapshot

    out = tmp_path / "out"
    shutil.copytree(built, out / "other")  # another dataset beside it
    before = snapshot(tmp_path)
    result = _invoke_build([str(CORPUS), "-o", str(out), "--name", name, "--overwrite"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: --name ") and "must be a plain folder name" in result.stderr
    assert changes(before, snapshot(tmp_path)) == []


def test_overwrite_replaces_an_earlier_build(tmp_path: Path, built: Path) -> None:
    import shutil

    shutil.copytree(built, tmp_path / "ds")
    result = _invoke_build([str(CORPUS), "-o", str(tmp_path), "--name", "ds", "--overwrite"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ('{"documents": 5}', "'documents' must be a list"),
        ('{"documents": [5]}', "document 1 needs a text 'doc_id'"),
        ('{"documents": [{"doc_id": ["a"]}]}', "document 1 needs a text 'doc_id'"),
        ('{"documents": [{"doc_id": "a", "sha256": 12345}]}', "document 1: 'sha256' must be text"),
        ('["not", "a", "mapping"]', "not a valid manifest"),
    ],
)
def test_a_manifest_of_the_wrong_types_fails_first(tmp_path: Path, manifest: str, message: str) -> None:
    import shutil

    from .tree import changes, snapshot

    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(CORPUS_DOC, corpus)
    (corpus / "manifest.json").write_text(manifest, encoding="utf-8")
    before = snapshot(tmp_path)
    result = _invoke_build([str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and message in result.stderr, result.output
    assert changes(before, snapshot(tmp_path)) == []


def test_from_hf_with_a_column_that_is_not_text(tmp_path: Path) -> None:
    src = tmp_path / "hf"
    datasets.Dataset.from_dict({"text": [1, 2]}).save_to_disk(str(src))
    result = _invoke_build(["--from-hf", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {src}: column 'text' holds int64, not text\n"


def test_report_on_a_damaged_parquet_file(tmp_path: Path, built: Path) -> None:
    import shutil

    from typer.testing import CliRunner

    from jpnlp.cli import app

    ds = tmp_path / "ds"
    shutil.copytree(built, ds)
    for f in (ds / "data").glob("*.parquet"):
        f.write_bytes(f.read_bytes()[:100])
    result = CliRunner().invoke(app, ["report", "--dataset", str(ds), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {ds}: cannot read the ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "r.html").exists()


def test_build_warnings_are_one_line_each(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "c"
    corpus.mkdir()
    shutil.copy(CORPUS_DOC, corpus)
    for name in ("empty.txt", "blank.txt"):
        (corpus / name).write_text("" if name == "empty.txt" else " \n\u3000\n", encoding="utf-8")
    result = _invoke_build([str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"warning: {corpus / 'blank.txt'}: empty file, producing an empty document",
        f"warning: {corpus / 'empty.txt'}: empty file, producing an empty document",
    ]
