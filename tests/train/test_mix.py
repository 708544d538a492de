"""The training mix: gold passages as training rows, resampling and mention replacement (issue #17).

Every sentence, name, treaty and date here is invented.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from jpnlp.errors import InputError
from jpnlp.train.augment import NO_MIX, Form, Mix, mentions, mix_rows, replaced, spans

TEXT = "山川一郎首相は2031年5月3日に北湖条約に署名した。\n会議は東岬市で開かれ、谷口次郎外相が出席した。\n森田三郎氏は南浜協定を批判した。"


def mention(surface: str, label: str) -> dict[str, Any]:
    i = TEXT.index(surface)
    return {"text": surface, "label": label, "start": i, "end": i + len(surface)}


def passages(path: Path, entities: list[dict[str, Any]], text: str = TEXT) -> Path:
    path.write_text(json.dumps({"id": "p1", "text": text, "entities": entities}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def tagged(row: dict[str, Any]) -> list[tuple[str, str]]:
    return [("".join(row["tokens"][s:e]), label) for s, e, label in spans(row["ner_tags"])]


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    from jpnlp.train.gold_rows import gold_rows

    root = tmp_path_factory.mktemp("gold")
    ents = [mention("山川一郎", "LEADER"), mention("2031年5月3日", "DATE"), mention("北湖条約", "TREATY"),
            mention("谷口次郎", "LEADER"), mention("南浜協", "TREATY")]  # the last ends inside a token  # fmt: skip
    evaluation = root / "eval.jsonl"
    evaluation.write_text(json.dumps({"id": "e", "text": "前文。会議は東岬市で開かれ、谷口次郎外相が出席した。"}, ensure_ascii=False) + "\n",
                          encoding="utf-8")  # fmt: skip
    return gold_rows([passages(root / "develop.jsonl", ents)], exclude=[evaluation])


def test_passages_become_gold_rows_on_the_pipeline_tokens(gold: tuple[list[dict[str, Any]], dict[str, Any]]) -> None:
    rows, summary = gold
    assert [tagged(r) for r in rows] == [[("山川一郎", "LEADER"), ("2031年5月3日", "DATE"), ("北湖条約", "TREATY")]]
    assert rows[0]["label_source"] == "gold" and rows[0]["id"] == "develop:p1#00000"
    assert "".join(rows[0]["tokens"]) == "山川一郎首相は2031年5月3日に北湖条約に署名した。"
    # three sentences: one trained on, one in an evaluation set, one with a mention off the token boundaries
    assert (summary["sentences"], summary["rows"], summary["excluded"], summary["misaligned"]) == (3, 1, 1, 1)


def test_a_held_out_set_is_never_trained_on(tmp_path: Path) -> None:
    from jpnlp.train.gold_rows import gold_rows

    with pytest.raises(InputError) as e:
        gold_rows([passages(tmp_path / "heldout.jsonl", [])])
    assert "heldout.jsonl: a held-out set is for final scores only" in str(e.value) and "\n" not in str(e.value)


def row(i: int, tokens: list[str], tags: list[str], source: str = "silver") -> dict[str, Any]:
    n = len(tokens)
    return {"id": f"d#{i}", "text": "".join(tokens), "tokens": tokens, "spaces": [False] * n, "ner_tags": tags,
            "entities": [], "lemmas": ["x"] * n, "pos": ["X"] * n, "tags": ["x"] * n, "heads": [0] * n,
            "deps": ["dep"] * n, "label_source": source}  # fmt: skip


TREATY_ROW = row(0, ["北湖", "条約", "に", "署名", "した"], ["B-TREATY", "I-TREATY", "O", "O", "O"])
DATE_ROW = row(1, ["2031", "年", "に", "開か", "れ", "た"], ["B-DATE", "I-DATE", "O", "O", "O", "O"])
EMPTY = [row(2 + i, ["会議", "が", "続い", "た"], ["O"] * 4) for i in range(10)]
GOLD_ROW = row(12, ["谷口", "次郎", "外相"], ["B-LEADER", "I-LEADER", "O"], source="gold")
FORMS = {"TREATY": [(("西", "海", "条約"), (False, False, False))], "LEADER": [(("大川",), (False,))]}


def forms(label: str) -> list[Form]:
    return FORMS.get(label, [])


@pytest.mark.parametrize(
    ("mix", "expected"),
    [
        (NO_MIX, {"d#0": 1, "d#1": 1, "d#12": 1, "empty": 10, "replaced": 0}),
        (Mix(gold_repeat=3, dense_repeat=2, empty_keep=0.0, replace=0), {"d#0": 2, "d#1": 2, "d#12": 3, "empty": 0, "replaced": 0}),
        (Mix(gold_repeat=1, dense_repeat=1, empty_keep=1.0, replace=2), {"d#0": 1, "d#1": 1, "d#12": 1, "empty": 10, "replaced": 6}),
    ],
)  # fmt: skip
def test_mix_resamples_and_replaces(mix: Mix, expected: dict[str, int]) -> None:
    out = mix_rows([TREATY_ROW, DATE_ROW, *EMPTY, GOLD_ROW], mix, forms)
    ids = Counter("replaced" if "~" in r["id"] else "empty" if r in EMPTY else r["id"] for r in out)
    assert {k: ids[k] for k in expected} == expected


def test_empty_rows_are_thinned_the_same_way_every_run() -> None:
    mix = Mix(empty_keep=0.5, replace=0)
    first = [r["id"] for r in mix_rows(EMPTY, mix, forms)]
    assert first == [r["id"] for r in mix_rows(EMPTY, mix, forms)] and 0 < len(first) < 10


def test_a_replaced_mention_keeps_its_context_and_label() -> None:
    new = replaced(TREATY_ROW, forms, random.Random(1), 0)
    assert list(zip(new["tokens"], new["ner_tags"])) == [
        ("西", "B-TREATY"), ("海", "I-TREATY"), ("条約", "I-TREATY"), ("に", "O"), ("署名", "O"), ("した", "O")]
    assert new["text"] == "西海条約に署名した" and new["id"] == "d#0~0" and not any(new["deps"])
    assert replaced(DATE_ROW, forms, random.Random(1), 0)["tokens"] == DATE_ROW["tokens"]  # no form: kept


def test_dates_are_replaced_by_the_rows_own_dates_spaces_and_all() -> None:
    english = row(20, ["on", "May", "3", ",", "2031", "."], ["O", "B-DATE", "I-DATE", "I-DATE", "I-DATE", "O"])
    english["spaces"] = [True, True, False, True, False, False]
    pool = mentions([DATE_ROW, english])["DATE"]
    assert pool == [(("2031", "年"), (False, False)), (("May", "3", ",", "2031"), (True, False, True, False))]
    new = replaced(DATE_ROW, lambda label: pool[1:], random.Random(1), 0)
    assert new["text"] == "May 3, 2031に開かれた" and new["ner_tags"][:5] == ["B-DATE", *["I-DATE"] * 3, "O"]


def test_glossary_forms_are_tokenized_japanese_forms() -> None:
    from jpnlp.train.augment import glossary_forms

    treaties = glossary_forms("TREATY")
    assert (("北", "大西洋", "条約"), (False,) * 3) in treaties and (("NPT",), (False,)) in treaties  # and abbreviations
    assert glossary_forms("DATE") == []


@pytest.mark.parametrize(
    ("trained_on", "command", "column"),
    [
        ({}, "--no-mix", "`d` train split"),
        ({"mix": Mix(2, 3, 0.5, 1, 7).to_dict(), "extra_gold": {"files": ["g/develop.jsonl"]}},
         "--extra-gold g/develop.jsonl --gold-repeat 2 --dense-repeat 3 --empty-keep 0.5 --replace 1 --seed 7",
         "`d` train split + `develop.jsonl` (gold)"),
        ({"mix": NO_MIX.to_dict()}, "--no-mix", "`d` train split"),
    ],
)  # fmt: skip
def test_report_says_how_the_mix_is_reproduced(tmp_path: Path, trained_on: dict, command: str, column: str) -> None:
    from jpnlp.train.report import write_report

    (tmp_path / "m").mkdir()
    metrics = {"model": "spacy", "config": "c.cfg", "base": "scratch", "data": "d", "trained_on": trained_on,
               "eval_split": "test", "train_seconds": 1.0, "size_mb": 1.0, "scores": {}}  # fmt: skip
    (tmp_path / "m" / "metrics.json").write_text(json.dumps(metrics), encoding="utf-8")
    line = write_report(tmp_path).read_text(encoding="utf-8").splitlines()[-1]
    assert f"jpnlp train spacy --base scratch --data d -o {(tmp_path / 'm').as_posix()} {command}`" in line
    assert f"| {column} |" in line


@pytest.mark.parametrize(
    ("name", "says"),
    [("missing.jsonl", "cannot read the passages file"), ("heldout.jsonl", "a held-out set is for final scores only")],
)
def test_bad_extra_gold_is_one_line_naming_the_file(tmp_path: Path, name: str, says: str) -> None:
    from typer.testing import CliRunner

    from jpnlp.cli import app

    if name == "heldout.jsonl":
        passages(tmp_path / name, [])
    r = CliRunner().invoke(app, ["train", "spacy", "--data", str(tmp_path), "-o", str(tmp_path / "m"),
                                 "--extra-gold", str(tmp_path / name)])  # fmt: skip
    assert r.exit_code == 2 and "Traceback" not in r.output
    line = r.stderr.strip()
    assert says in line and str(tmp_path / name) in line and "\n" not in line


def test_bench_table_marks_the_sets_a_model_was_trained_on(tmp_path: Path) -> None:
    from jpnlp.train.bench import scores
    from jpnlp.train.report import bench_lines

    (tmp_path / "m" / "model-best").mkdir(parents=True)
    (tmp_path / "m" / "metrics.json").write_text(json.dumps({"trained_on": {"extra_gold": {"files": ["x/develop.jsonl"]}}}))
    s = scores([{"TREATY": (1, 0, 0), "LEADER": (0, 0, 0), "DATE": (0, 0, 0), "VOTE": (0, 0, 0)}], 5)
    bench = {"seed": 13, "resamples": 5, "passages": {"a/develop.jsonl": 1, "a/heldout.jsonl": 1},
             "systems": {f"rules+{tmp_path / 'm' / 'model-best'}": {"scores": {"a/develop.jsonl": s, "a/heldout.jsonl": s}}}}  # fmt: skip
    rows = [line for line in bench_lines(bench) if line.startswith("| `m` + rules")]
    assert [r.split(" | ")[1] for r in rows] == ["develop.jsonl (trained on)", "heldout.jsonl"]
