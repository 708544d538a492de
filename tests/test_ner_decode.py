"""GiNZA's NER decoded with array operations finds exactly spaCy's entities, and jpnlp's outputs stay the same."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from jpnlp.ner_decode import DECODERS, ArrayDecodedNER, MoveTable, decode, resolve

from .conftest import CORPUS_DOC, corpus_built_with

# invented sentences: names, dates, places, Latin script, digits, full- and half-width spaces, blank lines
TEXTS = [
    "1972年5月26日、ニクソン大統領とブレジネフ書記長はモスクワで弾道弾迎撃ミサイル制限条約に署名した。",
    "田中角栄首相は北京を訪れ、周恩来総理と会談した。翌日、共同声明が発表された。",
    "国連総会は賛成120、反対5、棄権10で決議を採択した。",
    "  東京 　大阪\n\nNew York Times の記者は 2020 年 3 月に Geneva へ行った。",
    "外務省によると、第2回日米首脳会談は来月ワシントンで開かれる。\n同会談では安全保障条約が議題となる。",
    "平成12年、ロシア連邦議会下院はSTARTII条約を批准した。",
    "。",
    "東",
    "",
]


@cache
def _ginza():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.load("ja_ginza", exclude=["morphologizer", "compound_splitter", "bunsetu_recognizer"])


def _parsed(texts: list[str]) -> list:  # type: ignore[type-arg]
    """Docs through GiNZA's tokenizer, tok2vec and parser: what its NER gets."""
    nlp = _ginza()
    with nlp.select_pipes(disable=["ner"]):
        return list(nlp.pipe(texts))


def _spacy_entities(docs: list) -> list[list[tuple[int, int, str]]]:  # type: ignore[type-arg]
    ner = _ginza().get_pipe("ner")
    assert type(ner) is not ArrayDecodedNER
    return [[(e.start, e.end, e.label_) for e in d.ents] for d in ner.pipe([d.copy() for d in docs])]


def _corpus_chunks(max_bytes: int) -> list[str]:
    import jpnlp
    from jpnlp.pipeline import chunk_spans

    doc = jpnlp.prepare(CORPUS_DOC)
    return [doc.text[a:b] for a, b in chunk_spans(doc, max_bytes)]


@pytest.mark.parametrize(
    ("argument", "env", "expected"),
    [(None, None, "numpy"), ("spacy", "numpy", "spacy"), (None, "spacy", "spacy"), (None, " NumPy ", "numpy")],
)
def test_resolve_argument_then_environment(monkeypatch: pytest.MonkeyPatch, argument, env, expected) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("JPNLP_NER_DECODER", raising=False)
    if env is not None:
        monkeypatch.setenv("JPNLP_NER_DECODER", env)
    assert resolve(argument) == expected in DECODERS


def test_unknown_decoder_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown NER decoder 'beam' \\(expected one of numpy, spacy\\)"):
        resolve("beam")


def test_move_table_reads_ginzas_biluo_moves() -> None:
    table = MoveTable(_ginza().get_pipe("ner").moves)
    kinds = table.kind.tolist()
    assert kinds.count(4) == 1 and kinds.count(-1) == 1  # one O; "U-" (blocked spans) never valid here
    assert [kinds.count(k) for k in range(4)] == [len(table.labels)] * 4
    assert "Person" in table.labels


@pytest.mark.parametrize(
    "texts",
    [[t] for t in TEXTS] + [TEXTS, _corpus_chunks(24_000), _corpus_chunks(2_000)],
    ids=[f"text{i}" for i in range(len(TEXTS))]
    + ["all texts in one batch", "corpus, large chunks", "corpus, small chunks"],
)
def test_decode_finds_spacys_entities(texts: list[str]) -> None:
    docs = _parsed(texts)
    ner = _ginza().get_pipe("ner")
    assert decode(ner, docs, MoveTable(ner.moves)) == _spacy_entities(docs)


def test_preset_entities_keep_spacys_decoder() -> None:
    import jpnlp

    nlp = jpnlp.load(analysis=False)
    assert isinstance(nlp.get_pipe("ner"), ArrayDecodedNER)
    doc = _parsed([TEXTS[0]])[0]
    doc.set_ents([doc[0:2]], default="unmodified")  # a preset entity: spaCy's rules around it apply
    ours = nlp.get_pipe("ner")(doc.copy())
    theirs = _ginza().get_pipe("ner")(doc.copy())
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [(e.start, e.end, e.label_) for e in theirs.ents]
    assert [t.ent_iob_ for t in ours] == [t.ent_iob_ for t in theirs]


@cache
def _analysis(decoder: str, text: str) -> tuple:  # type: ignore[type-arg]
    """Tokens, jpnlp's entities (spans, labels, values, English) and GiNZA's of one text."""
    import jpnlp
    from jpnlp.pipeline import annotate

    nlp = _pipeline(decoder)
    doc = annotate(jpnlp.prepare(text), nlp)
    tokens = [(t.idx, t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_) for t in doc]
    ents = [(e.start_char, e.end_char, e.label_, e.kb_id_, e._.en, e._.value, e._.role, e._.id) for e in doc.ents]
    ginza = [(s.start_char, s.end_char, s.label_) for s in doc.spans.get("ginza", [])]
    return tuple(tokens), tuple(ents), tuple(ginza)


@cache
def _pipeline(decoder: str):  # type: ignore[no-untyped-def]
    import jpnlp

    nlp = jpnlp.load(analysis=False, ner_decoder=decoder)
    assert isinstance(nlp.get_pipe("ner"), ArrayDecodedNER) is (decoder == "numpy")
    assert nlp.meta["jpnlp"]["ner_decoder"] == decoder
    return nlp


@pytest.mark.parametrize("text", [CORPUS_DOC.read_text(encoding="utf-8"), *TEXTS[:6]])
def test_jpnlp_tokens_and_entities_are_the_same_with_either_decoder(text: str) -> None:
    assert _analysis("numpy", text) == _analysis("spacy", text)


def _build(value: str, out: Path) -> dict[str, bytes]:
    return corpus_built_with(out, JPNLP_NER_DECODER=value)


def test_both_decoders_build_byte_identical_datasets(tmp_path: Path) -> None:
    fast_files = _build("numpy", tmp_path / "numpy")
    spacy_files = _build("spacy", tmp_path / "spacy")
    assert fast_files.keys() == spacy_files.keys()
    assert [f for f in fast_files if fast_files[f] != spacy_files[f]] == []


def test_mask_table_is_the_validity_rules() -> None:
    """The looked-up masks are :func:`valid_moves` of every state: no entity or one of each label, all facts."""
    import numpy

    from jpnlp.ner_decode import facts_code, valid_moves

    table = MoveTable(_ginza().get_pipe("ner").moves)
    rng = numpy.random.default_rng(0)
    open_label = rng.integers(-1, len(table.labels), 500)
    facts = [rng.integers(0, 2, 500).astype(bool) for _ in range(3)]
    assert (table.masks[open_label + 1, facts_code(*facts)] == valid_moves(table, open_label, *facts)).all()
