"""The spaCy pipeline over whole documents: chunking, offsets, GiNZA's entities, saving and loading."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import jpnlp
from jpnlp.pipeline import OUR_PIPES, annotate, chunk_spans, default_pipeline, process

from .conftest import slices_to

TEXT = (
    "１ はじめに\n\n"
    "米露は、１９９３年１月に第二次戦略兵器削減条約（ＳＴＡＲＴⅡ条約）に署名した。"
    "また両国は、１９９７年３月のヘルシンキ二国間サミットで合意し、同年９月には同条約議定書に署名した。\n\n"
    "プーチン大統領代行は４月１４日に批准を求めた。クリントン大統領は９月１日に決定した。"
)


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return default_pipeline()


def test_load_adds_our_components_after_ginza(nlp) -> None:  # type: ignore[no-untyped-def]
    names = nlp.pipe_names
    assert names[-len(OUR_PIPES) :] == [name for name, _ in OUR_PIPES]
    assert "ner" in names and names.index("ner") < names.index("jpnlp_dates")


def test_chunks_cover_the_text_at_sentence_starts() -> None:
    doc = jpnlp.prepare(TEXT * 3, layout="plain")
    spans = list(chunk_spans(doc, max_bytes=300))
    assert len(spans) > 3
    assert "".join(doc.text[a:b] for a, b in spans) == doc.text
    starts = {s.start for s in doc.sentences}
    assert all(a in starts or a == 0 for a, _ in spans)
    longest_sentence = max(len(s.text.encode("utf-8")) for s in doc.sentences)
    assert all(len(doc.text[a:b].encode("utf-8")) <= max(300, longest_sentence + 2) for a, b in spans)


def test_chunked_and_whole_give_the_same_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = jpnlp.prepare(TEXT, layout="plain")
    whole = annotate(doc, nlp)
    chunked = annotate(doc, nlp, max_bytes=200)
    assert chunked.text == whole.text == doc.text
    key = lambda d: [(e.start_char, e.end_char, e.label_, e._.value, e._.en) for e in d.ents]
    assert key(chunked) == key(whole)


def test_entities_values_roles_and_links(nlp) -> None:  # type: ignore[no-untyped-def]
    d = process(TEXT, nlp, layout="plain")
    got = [(e.label, e.text, e.value, e.role, e.anaphor) for e in d.entities]
    assert got == [
        ("DATE", "1993年1月", "1993-01", None, False),
        ("TREATY", "第二次戦略兵器削減条約(STARTII条約)", None, None, False),
        ("DATE", "1997年3月", "1997-03", None, False),
        ("DATE", "同年9月", "1997-09", None, False),
        ("TREATY", "同条約議定書", None, None, True),
        ("LEADER", "プーチン", None, "大統領代行", False),
        ("DATE", "4月14日", "1997-04-14", None, False),
        ("LEADER", "クリントン", None, "大統領", False),
        ("DATE", "9月1日", "1997-09-01", None, False),
    ]
    treaty, protocol = d.entities[1], d.entities[4]
    assert (treaty.en, treaty.id) == ("START II", "treaty.start_ii")
    assert protocol.en == "START II Protocol"
    assert d.entities[5].id == "leader.vladimir_putin"
    assert (d.entities[7].en, d.entities[7].id) == ("Bill Clinton", "leader.bill_clinton")  # 大統領 in 1997, not Hillary


def test_raw_offsets_slice_the_raw_text(nlp, corpus_raw) -> None:  # type: ignore[no-untyped-def]
    d = process(Path("tests/../corpus/us_russia_arms_control_2000.ja.txt"), nlp)
    assert d.entities
    for e in d.entities:
        assert d.raw[e.raw_start : e.raw_end] == e.raw_text
        assert (e.raw_start, e.raw_end) == d.raw_span(e.start, e.end)
        assert slices_to(e.raw_text, e.text)
        assert corpus_raw[e.raw_start : e.raw_end] == e.raw_text


def test_span_extensions_and_ginza_spans(nlp) -> None:  # type: ignore[no-untyped-def]
    document = jpnlp.prepare(TEXT, layout="plain")
    doc = annotate(document, nlp)
    ent = next(e for e in doc.ents if e.label_ == "TREATY")
    assert (ent._.raw_start, ent._.raw_end) == document.raw_span(ent.start_char, ent.end_char)
    assert ent.kb_id_ == ent._.id == "treaty.start_ii"
    assert {e.label_ for e in doc.ents} <= {"TREATY", "LEADER", "DATE"}
    # GiNZA's own entities that do not overlap ours are kept
    ginza = doc.spans["ginza"]
    assert [(g.text, g.label_) for g in ginza if g.label_ == "Position_Vocation"] == [("大統領代行", "Position_Vocation"), ("大統領", "Position_Vocation")]
    for g in ginza:
        assert all(g.end <= e.start or g.start >= e.end for e in doc.ents)


def test_plain_nlp_call_works_without_a_document(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("ロシア下院は2000年4月14日にSTART II条約を批准した。")
    assert [(e.text, e.label_) for e in doc.ents] == [("2000年4月14日", "DATE"), ("START II条約", "TREATY")]
    assert doc.ents[0]._.raw_start == doc.ents[0].start_char


def test_saved_pipeline_loads_with_plain_spacy_load(nlp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nlp.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == nlp.pipe_names
    text = "クリントン大統領は2000年9月1日にNMD配備を延期した。"
    assert [(e.text, e.label_, e._.en) for e in loaded(text).ents] == [(e.text, e.label_, e._.en) for e in nlp(text).ents]


@pytest.mark.parametrize("text", ["反対１棄権1.5Ⅱ条約", "賛成２反対３棄権4.5号"])
def test_a_token_split_twice_in_fast_mode(text: str) -> None:
    """A piece of a split token split again must keep a readable DEP without a parser (spaCy's E018 before)."""
    from jpnlp.pipeline import default_pipeline, process

    doc = process(jpnlp.prepare(text), default_pipeline(fast=True))
    assert doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names the glossary does not know take the English spelling the text gives them
        (
            "南極海洋生物資源保存条約(Convention on the Conservation of Antarctic Marine Living Resources)に加入した。",
            [("南極海洋生物資源保存条約", "Convention on the Conservation of Antarctic Marine Living Resources"),
             ("Convention on the Conservation of Antarctic Marine Living Resources",
              "Convention on the Conservation of Antarctic Marine Living Resources")],
        ),
        (
            "ミゲル・サントス(Miguel Santos)首相は、サントス首相として初めて演説した。",
            [("ミゲル・サントス", "Miguel Santos"), ("Miguel Santos", "Miguel Santos"), ("サントス", "Miguel Santos")],
        ),
    ],
)  # fmt: skip
def test_english_names_given_in_the_text(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    doc = process(text, nlp=nlp)
    assert [(e.text, e.en) for e in doc.entities if e.label in ("TREATY", "LEADER")] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a zero-width joiner inside a treaty name does not split it (START II, not START I + II条約)
        ("ＳＴＡＲＴ\u200dⅡ条約を批准した。", [("STARTII条約", "ＳＴＡＲＴ\u200dⅡ条約", "TREATY", "START II")]),
        # a squared era sign keeps its era: ㍻12年 is 2000, not 2012
        ("㍻12年に署名した。", [("平成12年", "㍻12年", "DATE", "2000")]),
    ],
)
def test_hostile_characters_keep_names_and_eras(raw: str, expected: list[tuple[str, str, str, str]]) -> None:
    from jpnlp.io import RawDocument

    doc = process(RawDocument("t", raw, "utf-8"), default_pipeline(True))
    assert [(e.text, e.raw_text, e.label, e.en or e.value) for e in doc.entities] == expected
