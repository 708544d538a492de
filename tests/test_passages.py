"""The real-text passages format: reading, checking, and scoring jpnlp against it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jpnlp.cli import app
from jpnlp.errors import InputError
from jpnlp.evaluate_passages import PassageScorer, match_mentions, names_match, vote_checks
from jpnlp.passages import GoldEntity, GoldVote, parse_passage, read_passages

TEXT = "米上院は2010年12月22日、新START条約を71対26で承認した。"


def _ent(surface: str, label: str, text: str = TEXT, occurrence: int = 0, **kw: object) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return {"text": surface, "label": label, "start": start, "end": start + len(surface), **kw}


def _passage(**kw: object) -> dict:
    return {"id": "p1", "text": TEXT, "entities": [_ent("新START条約", "TREATY", en="New START")], "votes": [], **kw}


def test_parse_passage_reads_offsets_alternatives_and_votes() -> None:
    vote = {"for": 71, "against": 26, "abstain": None, "result": "passed", "body": "US Senate",
            "date": "2010-12-22", "subject": "New START", "text": "71対26"}  # fmt: skip
    p = parse_passage(_passage(votes=[vote], source_kind="news",
                               entities=[_ent("新START条約", "TREATY", en="New START", alt=["新START"])]))  # fmt: skip
    assert p.entities == (GoldEntity(16, 24, "新START条約", "TREATY", "New START", None, ("新START",), ()),)
    assert p.votes == (GoldVote(71, 26, None, "passed", "US Senate", "2010-12-22", "New START", "71対26"),)
    assert p.kind == "news"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("[1, 2]", "line 1: a passage must be a JSON object"),
        ('{"id": "p1"}', "line 1: a passage needs a string 'id' and 'text'"),
        ("{not json", "line 1: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        (json.dumps(_passage(entities=[{**_ent("新START条約", "TREATY"), "label": "PERSON"}])),
         "line 1: unknown label 'PERSON' (expected one of TREATY, LEADER, DATE, VOTE)"),
        (json.dumps(_passage(entities=[{**_ent("新START条約", "TREATY"), "start": 15}])),
         "line 1: entity '新START条約' at 15-24 does not match the text there ('、新START条約')"),
        (json.dumps(_passage(entities=[{"text": "x", "label": "DATE"}])),
         "line 1: an entity needs 'text', 'start' and 'end'"),
        (json.dumps(_passage(votes=[{"for": "71", "against": 26}])),
         "line 1: 'for' must be a non-negative integer or null"),
        (json.dumps(_passage(entities=[{**_ent("新START条約", "TREATY"), "alt": "新START"}])),
         "line 1: 'alt' must be a list of strings"),
        (json.dumps(_passage(source_url=5)), "line 1: 'source_url' must be a string or null"),
        (json.dumps(_passage()) + "\n" + json.dumps(_passage()), "line 2: duplicate passage id 'p1'"),
        ("\n\n", "no passages"),
    ],
)  # fmt: skip
def test_a_bad_passages_file_is_one_line_naming_file_and_line(tmp_path: Path, record: str, message: str) -> None:
    f = tmp_path / "gold.jsonl"
    f.write_text(record + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_passages(f)
    assert str(info.value) == f"{f}: {message}"


@dataclass
class Pred:
    """What the scorer reads of one of our entities."""

    raw_start: int
    raw_end: int
    text: str
    raw_text: str = ""

    def __post_init__(self) -> None:
        self.raw_text = self.raw_text or self.text


G_NAME = GoldEntity(0, 8, "化学兵器禁止条約", "TREATY", alt=("化学兵器禁止条約", "CWC"))
G_FULL = GoldEntity(0, 13, "化学兵器禁止条約(CWC)", "TREATY", alt=("化学兵器禁止条約", "CWC"))


@pytest.mark.parametrize(
    ("gold", "pred", "pairs", "missed", "spurious"),
    [
        # the same text at an overlapping place: a hit, whatever the width or spacing
        ([G_NAME], [Pred(0, 8, "化学兵器禁止条約")], 1, 0, 0),
        ([GoldEntity(0, 6, "２０１０年", "DATE")], [Pred(0, 6, "2010年", "２０１０年")], 1, 0, 0),
        ([GoldEntity(0, 9, "2019 年 8 月", "DATE")], [Pred(0, 9, "2019年8月")], 1, 0, 0),
        # the same text elsewhere in the passage is no hit
        ([G_NAME], [Pred(20, 28, "化学兵器禁止条約")], 0, 1, 1),
        # name + bracketed abbreviation: one gold mention; the split reading scores once, the half is absorbed
        ([G_FULL], [Pred(0, 8, "化学兵器禁止条約"), Pred(9, 12, "CWC")], 1, 0, 0),
        ([G_FULL], [Pred(0, 13, "化学兵器禁止条約(CWC)")], 1, 0, 0),
        # a span cut short is both a miss and a spurious mention
        ([G_NAME], [Pred(2, 8, "兵器禁止条約")], 0, 1, 1),
        # anaphora are links, not names: never spurious
        ([], [Pred(0, 3, "同条約"), Pred(5, 9, "この協定")], 0, 0, 0),
    ],
)
def test_match_mentions(gold: list, pred: list, pairs: int, missed: int, spurious: int) -> None:
    p, m, s = match_mentions(gold, pred)
    assert (len(p), len(m), len(s)) == (pairs, missed, spurious)


@pytest.mark.parametrize(
    ("ours", "gold", "same"),
    [
        (["New START"], ["new start"], True),
        (["Abe Shinzō"], ["Shinzo Abe"], True),  # accents and family-name order
        (["The Arms Trade Treaty"], ["Arms Trade Treaty"], True),
        ([None, "Treaty on the Non-Proliferation of Nuclear Weapons"], ["NPT", "Treaty on the Non-Proliferation of Nuclear Weapons"], True),
        (["START II"], ["START III"], False),
        ([None], ["Barack Obama"], False),
        (["Barack Obama"], [None], False),
    ],
)  # fmt: skip
def test_names_match(ours: list, gold: list, same: bool) -> None:
    assert names_match(ours, gold) is same


@dataclass
class Tally:
    for_: int | None
    against: int | None
    abstain: int | None = None
    result: str | None = None
    body: str | None = None
    date: str | None = None


GOLD_VOTE = GoldVote(71, 26, None, "passed", "US Senate", "2010-12-22", None, "71対26")


@pytest.mark.parametrize(
    ("ours", "wrong"),
    [
        (Tally(71, 26, None, "passed", "US Senate", "2010-12-22"), set()),
        (Tally(71, 26, 0, "passed", "United States Senate", "2010-12-22"), {"abstain", "body"}),
        (Tally(71, 26, None, None, "Senate", "2010-12"), {"result", "date"}),
    ],
)
def test_vote_checks_field_by_field(ours: Tally, wrong: set[str]) -> None:
    assert {k for k, ok in vote_checks(ours, GOLD_VOTE).items() if not ok} == wrong


@dataclass
class Ent:
    label: str
    raw_start: int
    raw_end: int
    text: str
    value: str | None = None
    en: str | None = None
    en_full: str | None = None
    id: str | None = None

    @property
    def raw_text(self) -> str:
        return self.text


@dataclass
class Doc:
    entities: list
    votes: list


def test_scorer_counts_values_names_and_votes_per_kind() -> None:
    passage = parse_passage(_passage(
        source_kind="news",
        entities=[_ent("2010年12月22日", "DATE", value="2010-12-22"), _ent("新START条約", "TREATY", en="New START"),
                  _ent("71対26", "VOTE")],
        votes=[{"for": 71, "against": 26, "result": "passed", "body": "US Senate", "date": "2010-12-22", "text": "71対26"}],
    ))  # fmt: skip
    doc = Doc([Ent("DATE", 4, 15, "2010年12月22日", value="2010-12"), Ent("TREATY", 17, 24, "START条約", en="START I"),
               Ent("VOTE", 25, 30, "71対26"), Ent("VOTE", 31, 35, "賛成多数")],
              [Tally(71, 26, None, "passed", "US Senate", "2010-12-22"), Tally(3, 1)])  # fmt: skip
    scorer = PassageScorer(lambda e: [e.en, e.en_full])
    scorer.add(passage, doc)  # type: ignore[arg-type]
    d = scorer.report.to_dict()
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in d["labels"].items()} == {
        "TREATY": (0, 1, 1), "LEADER": (0, 0, 0), "DATE": (1, 0, 0), "VOTE": (1, 0, 0)}  # fmt: skip
    assert (d["date_value_accuracy"], d["name_accuracy"]) == (0.0, None)
    assert d["votes"] == {"gold": 1, "found": 1, "exact": 1, "spurious": 1, "field_exact_rate": 1.0,
                          "fields": {"abstain": 1.0, "result": 1.0, "body": 1.0, "date": 1.0}}  # fmt: skip
    assert d["by_kind"]["news"]["passages"] == 1
    assert scorer.report.errors == [
        "p1 TREATY missed   '新START条約'", "p1 TREATY spurious 'START条約'",
        "p1 DATE value '2010年12月22日': gold 2010-12-22 got 2010-12"]  # fmt: skip


def test_eval_passages_command(tmp_path: Path) -> None:
    """jpnlp's own figures on a passage of our own: the command reads the format and scores every part."""
    text = "ロシア下院は２０００年４月１４日、ＳＴＡＲＴⅡ条約を賛成２８８、反対１３１、棄権４で可決した。"
    record = {
        "id": "own-1", "source_kind": "news", "text": text,
        "entities": [_ent("２０００年４月１４日", "DATE", text, value="2000-04-14"),
                     _ent("ＳＴＡＲＴⅡ条約", "TREATY", text, en="START II"),
                     _ent("賛成２８８、反対１３１、棄権４", "VOTE", text)],
        "votes": [{"for": 288, "against": 131, "abstain": 4, "result": "passed", "body": "State Duma",
                   "date": "2000-04-14", "text": "賛成２８８、反対１３１、棄権４"}],
    }  # fmt: skip
    gold = tmp_path / "own.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(app, ["eval", "--passages", str(gold), "--fast", "--json", str(out)])
    assert result.exit_code == 0, result.output
    d = json.loads(out.read_text(encoding="utf-8"))[str(gold)]
    assert {k: v["f1"] for k, v in d["labels"].items()} == {"TREATY": 1.0, "LEADER": 0.0, "DATE": 1.0, "VOTE": 1.0}
    assert (d["date_value_accuracy"], d["name_accuracy"], d["votes"]["exact"]) == (1.0, 1.0, 1)
    assert "vote records: 1/1 field-exact, 1 found, 0 spurious" in result.stdout


def test_eval_passages_bad_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    gold = tmp_path / "bad.jsonl"
    gold.write_text('{"id": "x", "text": "abc", "entities": [{"text": "b", "label": "DATE", "start": 0, "end": 1}]}\n')
    out = tmp_path / "scores.json"
    out.write_text("earlier\n")
    result = CliRunner().invoke(app, ["eval", "--passages", str(gold), "--fast", "--json", str(out)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {gold}: line 1: entity 'b' at 0-1 does not match the text there ('a')"
    assert out.read_text() == "earlier\n"
