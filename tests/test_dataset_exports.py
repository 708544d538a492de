"""Exports other tools read without surprises: CoNLL (spacy convert), CoNLL-U (conllu), DocBins, flat tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import datasets
import pytest

from jpnlp.dataset import build_dataset
from jpnlp.dataset.writers import ConllUWriter, ConllWriter

from .conftest import CORPUS


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_dataset([CORPUS], tmp_path_factory.mktemp("exports")).path


@pytest.fixture(scope="module")
def rows(built: Path) -> dict[str, list[dict]]:
    ds = datasets.load_dataset(str(built))
    return {s: ds[s].to_list() for s in ds}


def _tag_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, label) of each IOB2 mention."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            out.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-") and out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1, out[-1][2])
    return out


def _tag_names(ds_rows: list[dict]) -> list[list[str]]:
    from jpnlp.dataset.rows import TAG_NAMES

    return [[TAG_NAMES[t] if isinstance(t, int) else t for t in r["ner_tags"]] for r in ds_rows]


def test_spacy_convert_reads_the_conll_as_the_dataset(built: Path, rows: dict, tmp_path: Path) -> None:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    cmd = [sys.executable, "-m", "spacy", "convert", str(built / "conll" / "test.conll"), str(tmp_path), "-c", "ner"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    docs = list(DocBin().from_disk(tmp_path / "test.spacy").get_docs(Vocab()))
    assert len(docs) == 1  # one document, no -DOCSTART- token in it
    words = [t.text for t in docs[0]]
    ents = [(e.start, e.end, e.label_) for e in docs[0].ents]
    expected_words, expected_ents, offset = [], [], 0
    for r, tags in zip(rows["test"], _tag_names(rows["test"])):
        expected_words += r["tokens"]
        expected_ents += [(a + offset, b + offset, label) for a, b, label in _tag_spans(tags)]
        offset += len(r["tokens"])
    assert "-DOCSTART-" not in words
    assert (words, ents) == (expected_words, expected_ents)
    assert len(ents) > 10
    # the sentence ids beside the file, one per sentence in order
    ids = (built / "conll" / "test.ids").read_text(encoding="utf-8").splitlines()
    assert ids == [r["id"] for r in rows["test"]]


def test_conllu_parses_and_rebuilds_each_sentence(built: Path, rows: dict) -> None:
    import conllu

    sentences = conllu.parse((built / "conllu" / "train.conllu").read_text(encoding="utf-8"))
    assert len(sentences) == len(rows["train"])
    for sent, row, tags in zip(sentences, rows["train"], _tag_names(rows["train"])):
        assert sent.metadata["sent_id"] == row["id"]
        rebuilt = "".join(t["form"] + ("" if (t["misc"] or {}).get("SpaceAfter") == "No" else " ") for t in sent)
        assert rebuilt.rstrip(" ") == sent.metadata["text"] == row["text"]
        assert [(t["misc"] or {}).get("NE", "O") for t in sent] == tags
        assert [t["upos"] for t in sent] == row["pos"] and all(row["pos"])
        roots = [t for t in sent if t["head"] == 0]
        assert roots and all(t["deprel"] == "root" for t in roots)


def test_docbins_keep_the_analysis_and_knowledge_base_ids(built: Path, rows: dict) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("ja")
    docs = [d for p in sorted((built / "spacy" / "train").glob("*.spacy")) for d in DocBin().from_disk(p).get_docs(nlp.vocab)]
    assert len(docs) == len(rows["train"])
    assert all(d.has_annotation(a) for d in docs for a in ("POS", "LEMMA", "DEP", "TAG"))
    got = [(e.text, e.label_, e.kb_id_) for d in docs for e in d.ents]
    # kb_id_: the Wikidata QID where the glossary entry has one, else the glossary id
    expected = [(e["text"], e["label"], e["wikidata"] or e["id"] or "") for r in rows["train"] for e in r["entities"]]
    assert got == expected
    assert ("ABM条約", "TREATY", "treaty.abm_treaty") in got
    assert ("エリツィン", "LEADER", "Q34453") in got


def test_every_mention_attribute_is_kept(rows: dict) -> None:
    ents = [e for s in ("train", "validation", "test") for r in rows[s] for e in r["entities"]]
    assert {e["role"] for e in ents if e["label"] == "LEADER"} >= {"大統領"}
    assert any(e["anaphor"] and e["text"].startswith("同条約") and e["en"] for e in ents)
    assert any(e["en_full"] for e in ents)
    votes = [v for r in rows["train"] for v in r["votes"]]
    assert votes and all(isinstance(v["notes"], list) for v in votes)


def test_flat_tables_hold_every_mention_and_tally(built: Path, rows: dict) -> None:
    ents = datasets.load_dataset(str(built), "entities")["train"].to_list()
    expected = [(s, r["id"], e["start"], e["label"]) for s in rows for r in rows[s] for e in r["entities"]]
    assert sorted((e["split"], e["row_id"], e["start"], e["label"]) for e in ents) == sorted(expected)
    votes = datasets.load_dataset(str(built), "votes")["train"].to_list()
    assert [(v["for"], v["against"], v["abstain"]) for v in votes if v["split"] == "train"] == [
        (v["for"], v["against"], v["abstain"]) for r in rows["train"] for v in r["votes"]
    ]
    assert all(v["sentence"][v["start"] : v["end"]] == v["text"] for v in votes)


ROW = {
    "id": "d#00000", "doc_id": "d", "text": "New York\tで", "tokens": ["New York", "\t", "で"], "spaces": [False, False, False],
    "ner_tags": ["B-LEADER", "O", "O"], "lemmas": ["", "", ""], "pos": ["", "", ""], "tags": ["", "", ""],
    "heads": [0, 1, 2], "deps": ["", "", ""],
}  # fmt: skip


def test_conll_token_with_spaces_becomes_its_parts(tmp_path: Path) -> None:
    w = ConllWriter(tmp_path / "x.conll")
    w.add(ROW)
    w.close()
    assert (tmp_path / "x.conll").read_text(encoding="utf-8") == "-DOCSTART- -X- O O\n\nNew\tB-LEADER\nYork\tI-LEADER\nで\tO\n\n"
    assert (tmp_path / "x.ids").read_text(encoding="utf-8") == "d#00000\n"


def test_conllu_in_fast_mode_has_no_analysis_and_no_whitespace_word(tmp_path: Path) -> None:
    w = ConllUWriter(tmp_path / "x.conllu")
    w.add(ROW)
    w.close()
    # a whitespace token is not a word: UD's SpacesAfter carries it on the word before
    assert (tmp_path / "x.conllu").read_text(encoding="utf-8").splitlines() == [
        "# sent_id = d#00000",
        "# text = New York で",
        "1\tNew York\t_\t_\t_\t_\t_\t_\t_\tSpacesAfter=\\t|NE=B-LEADER",
        "2\tで\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No",
        "",
    ]


def test_extra_spaces_are_tokens_and_every_export_keeps_offsets(tmp_path: Path) -> None:
    import conllu
    import spacy
    from spacy.tokens import DocBin

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("ロシアは　　ＳＴＡＲＴⅡ条約を批准した。\n", encoding="utf-8")
    out = build_dataset([tmp_path / "in"], tmp_path / "out", fast=True).path
    (row,) = datasets.load_dataset(str(out))["train"].to_list()
    assert row["text"] == "ロシアは  STARTII条約を批准した。"  # U+3000 twice: two spaces
    assert "".join(t + (" " if s else "") for t, s in zip(row["tokens"], row["spaces"])) == row["text"]
    (doc,) = DocBin().from_disk(next((out / "spacy" / "train").glob("*.spacy"))).get_docs(spacy.blank("ja").vocab)
    assert doc.text == row["text"]
    assert [(e.start_char, e.end_char) for e in doc.ents] == [(e["start"], e["end"]) for e in row["entities"]]
    (sent,) = conllu.parse((out / "conllu" / "train.conllu").read_text(encoding="utf-8"))
    after = {"No": ""}
    rebuilt = "".join(t["form"] + (after.get((t["misc"] or {}).get("SpaceAfter"), " ") if "SpacesAfter" not in
                                   (t["misc"] or {}) else t["misc"]["SpacesAfter"].replace("\\s", " ")) for t in sent)
    assert rebuilt.rstrip() == row["text"]


def test_the_card_declares_every_feature_of_every_config(built: Path) -> None:
    import yaml

    header = yaml.safe_load((built / "README.md").read_text(encoding="utf-8").split("---\n")[1])
    declared = {c["config_name"]: {f["name"] for f in c["features"]} for c in header["dataset_info"]}
    assert set(declared) == {c["config_name"] for c in header["configs"]} == {"default", "entities", "votes", "documents"}
    for config in declared:
        ds = datasets.load_dataset(str(built), config)
        assert declared[config] == set(next(iter(ds.values())).column_names), config
