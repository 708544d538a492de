"""The shipped glossary id → Wikidata QID table (``data/wikidata.tsv``): well formed, sourced, joined onto entries."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from jpnlp.glossary import Glossary, GlossaryError, GlossaryWarning, default_glossary, wikidata_table

QID = re.compile(r"^Q[1-9][0-9]*$")
HEADER = ["id", "qid", "source"]


def _lines() -> list[str]:
    text = resources.files("jpnlp").joinpath("data/wikidata.tsv").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def _rows() -> list[list[str]]:
    return [line.split("\t") for line in _lines()[1:]]


ROWS = _rows()


def test_header_and_table_not_empty() -> None:
    assert _lines()[0].split("\t") == HEADER
    assert len(ROWS) >= 70


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_row_is_well_formed_and_sourced(row: list[str]) -> None:
    assert len(row) == 3, "a row is id<TAB>qid<TAB>source"
    entry_id, qid, source = row
    assert default_glossary().get(entry_id) is not None, f"{entry_id} is not a shipped glossary id"
    assert QID.match(qid), f"{entry_id}: {qid!r} is not an item id like Q42"
    assert source.strip() and source == source.strip(), f"{entry_id}: source must name where the QID was checked"


def test_ids_and_qids_are_unique() -> None:
    ids = Counter(r[0] for r in ROWS)
    qids = Counter(r[1] for r in ROWS)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [q for q, n in qids.items() if n > 1] == [], "two glossary ids share one Wikidata item"


def test_loader_keeps_every_row() -> None:
    assert wikidata_table() == {r[0]: r[1] for r in ROWS}


# Spot checks: each pairing was read in the stored source the table names.
SPOT = [
    ("leader.barack_obama", "Q76"),
    ("leader.george_w_bush", "Q207"),
    ("leader.george_h_w_bush", "Q23505"),
    ("leader.ronald_reagan", "Q9960"),
    ("leader.kofi_annan", "Q1254"),
    ("org.un", "Q1065"),
    ("org.nato", "Q7184"),
    ("org.unsc", "Q37470"),
    ("org.iaea", "Q41984"),
    ("treaty.un_charter", "Q171328"),
    ("treaty.npt", "Q186444"),
    ("treaty.cwc", "Q547896"),
]


@pytest.mark.parametrize(("entry_id", "qid"), SPOT)
def test_spot_checks_reach_shipped_entries(entry_id: str, qid: str) -> None:
    assert default_glossary().get(entry_id).wikidata == qid  # type: ignore[union-attr]


def test_entries_without_a_row_have_no_qid() -> None:
    assert default_glossary().get("treaty.salt").wikidata is None  # type: ignore[union-attr]


def test_user_entry_may_carry_its_own_qid(tmp_path: Path) -> None:
    p = tmp_path / "g.yaml"
    p.write_text("entries:\n  - {id: org.test_body, label: ORG, en: Test Body, wikidata: Q42}\n", encoding="utf-8")
    assert Glossary.load(p).get("org.test_body").wikidata == "Q42"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("", "Q1065"),  # a user entry merges into the shipped one: the shipped QID stays
        (", wikidata: Q42", "Q42"),  # a field the user gives wins
        (", replace: true", None),  # a replacement keeps only its own fields
    ],
)
def test_user_entry_for_a_shipped_id_and_its_qid(tmp_path: Path, extra: str, expected: str | None) -> None:
    p = tmp_path / "g.yaml"
    p.write_text(f"entries:\n  - {{id: org.un, label: ORG, en: United Nations{extra}}}\n", encoding="utf-8")
    if "replace" in extra:
        with pytest.warns(GlossaryWarning, match="drops 4 form"):
            glossary = Glossary.load(p)
    else:
        glossary = Glossary.load(p)
    assert glossary.get("org.un").wikidata == expected  # type: ignore[union-attr]


@pytest.mark.parametrize("bad", ["42", "Q0", "q42", "Q42a", "P31"])
def test_user_entry_with_malformed_qid_is_refused(tmp_path: Path, bad: str) -> None:
    p = tmp_path / "g.yaml"
    p.write_text(f"entries:\n  - {{id: org.test_body, label: ORG, en: Test Body, wikidata: '{bad}'}}\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="wikidata must be an item id like 'Q42'"):
        Glossary.load(p)


def test_glossary_doc_counts_match_table() -> None:
    doc = (Path(__file__).parents[1] / "src/jpnlp/data/GLOSSARY.md").read_text(encoding="utf-8")
    section = doc.split("## Wikidata ids", 1)[1].split("\n## ", 1)[0]
    assert f"**Counts.** {len(ROWS)} rows" in section
    per_label = Counter(r[0].split(".")[0].upper() for r in ROWS)
    for label, n in per_label.items():
        assert re.search(rf"^\| {label} \| {n} \|$", section, re.MULTILINE), f"GLOSSARY.md: {label} should be {n}"
