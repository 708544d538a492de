"""The corpus document end to end: hand-checked blocks and sentences, exact raw offsets."""

from __future__ import annotations

from pathlib import Path

import jpnlp
from jpnlp import normalize


def test_sentences_equal_the_hand_checked_gold(corpus_doc, gold_segments) -> None:  # type: ignore[no-untyped-def]
    ours = [(s.block_index, s.block, s.text) for s in corpus_doc.sentences]
    gold = [(g["block"], g["kind"], normalize(g["text"])) for g in gold_segments]
    assert ours == gold


def test_blocks_equal_the_hand_checked_gold(corpus_doc, gold_segments) -> None:  # type: ignore[no-untyped-def]
    gold_blocks: dict[int, str] = {}
    for g in gold_segments:
        gold_blocks.setdefault(g["block"], g["kind"])
    assert [(b.index, b.kind) for b in corpus_doc.blocks] == sorted(gold_blocks.items())


def test_block_facts(corpus_doc) -> None:  # type: ignore[no-untyped-def]
    kinds = [b.kind for b in corpus_doc.blocks]
    assert kinds.count("heading") == 6
    assert kinds.count("footnote") == 3
    assert corpus_doc.blocks[-1].number == 6
    assert corpus_doc.layout == "pdf"
    # footnote markers (1)…(17) are all found, attached to their sentences, in order
    markers = [m for s in corpus_doc.sentences for m in s.markers]
    assert markers == list(range(1, 18))
    assert corpus_doc.blocks[-2].text.endswith("(http://www.basicint.org/nuclear/revcon2000/nuk_00revcon_gen_russia.htm).")


def test_every_character_maps_back_to_raw(corpus_doc, corpus_raw) -> None:  # type: ignore[no-untyped-def]
    assert corpus_doc.raw == corpus_raw
    text = corpus_doc.text
    for s in corpus_doc.sentences:
        assert text[s.start : s.end] == s.text
        assert (s.raw_start, s.raw_end) == corpus_doc.raw_span(s.start, s.end)
        for p in range(s.start, s.end):
            rs, re_ = corpus_doc.raw_span(p, p + 1)
            piece = normalize(corpus_raw[rs:re_])
            if text[p] == " " and piece.isspace():
                continue  # a space layout inserted between English words stands for a line break
            # one raw unit → its normalization; Ⅱ → II gives two normalized characters
            assert piece == text[p] or (len(piece) > 1 and text[p] in piece), (p, piece)


def test_raw_span_of_a_mention_across_a_line_wrap(corpus_doc, corpus_raw) -> None:  # type: ignore[no-untyped-def]
    # 第二次戦略兵器削減条約(STARTII条約) wraps after 第二次戦略兵器削減条約(ST
    start = corpus_doc.text.index("第二次戦略兵器削減条約(STARTII条約)")
    end = start + len("第二次戦略兵器削減条約(STARTII条約)")
    rs, re_ = corpus_doc.raw_span(start, end)
    assert corpus_raw[rs:re_] == "第二次戦略兵器削減条約（ＳＴＡＲＴⅡ条約）"
    start = corpus_doc.text.index("第三次戦略兵器削減条約(STARTIII条約)")
    rs, re_ = corpus_doc.raw_span(start, start + len("第三次戦略兵器削減条約(STARTIII条約)"))
    assert corpus_raw[rs:re_] == "第三次戦略兵器削減条約（ＳＴ\n\nＡＲＴⅢ条約）"


def test_prepare_accepts_text_and_paths(tmp_path: Path) -> None:
    doc = jpnlp.prepare("米国は批准した。ロシアも批准した。", doc_id="t")
    assert [s.text for s in doc.sentences] == ["米国は批准した。", "ロシアも批准した。"]
    assert doc.doc_id == "t"
    p = tmp_path / "x.txt"
    p.write_bytes("ＳＴＡＲＴⅡ条約。".encode("cp932"))
    doc = jpnlp.prepare(p)
    assert (doc.doc_id, doc.encoding, doc.text) == ("x", "cp932", "STARTII条約。")
    assert jpnlp.prepare(str(p)).text == "STARTII条約。"


def test_empty_document() -> None:
    doc = jpnlp.prepare("")
    assert (doc.text, doc.blocks, doc.sentences) == ("", [], [])
