"""The fast tokenizer makes exactly the tokens of spaCy's Japanese tokenizer (split mode C)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from jpnlp.tokenizer import SudachiSurfaceTokenizer

from .conftest import CORPUS_DOC


@pytest.fixture(scope="module")
def pair() -> tuple[spacy.language.Language, SudachiSurfaceTokenizer]:
    ref = spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "C"}}})
    return ref, SudachiSurfaceTokenizer(ref.vocab, "C")


def _same(pair, text: str) -> None:  # type: ignore[no-untyped-def]
    ref, fast = pair
    a, b = ref.make_doc(text), fast(text)
    assert [(t.text, t.whitespace_) for t in b] == [(t.text, t.whitespace_) for t in a]
    assert b.text == text


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\u3000\u3000",
        "米国は批准した。",
        "START II 条約  と  ABM条約",  # single and double spaces between words
        " 先頭と末尾に空白 ",
        "行\n\n次の段落\n",
        "…と述べた。",  # Sudachi gives an empty token after …
        "2000年4月14日、賛成288、反対131、棄権4",
        "ｶﾞﾝﾀﾞﾑ and 😀 e\u0301",
    ],
)
def test_same_tokens_as_spacy(pair, text: str) -> None:  # type: ignore[no-untyped-def]
    _same(pair, text)


def test_same_tokens_on_the_corpus(pair) -> None:  # type: ignore[no-untyped-def]
    import jpnlp

    for block in jpnlp.prepare(CORPUS_DOC).blocks:
        _same(pair, block.text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("米国条約はをの、。 \u3000\n\tABC123ｶﾞ…・（）「」😀")), max_size=60))
def test_same_tokens_on_arbitrary_text(pair, text: str) -> None:  # type: ignore[no-untyped-def]
    _same(pair, text)


def test_registered_for_spacy_configs() -> None:
    nlp = spacy.blank("ja", config={"nlp": {"tokenizer": {"@tokenizers": "jpnlp.SudachiSurfaceTokenizer.v1"}}})
    assert [t.text for t in nlp("新START条約を批准した。")] == ["新", "START", "条約", "を", "批准", "し", "た", "。"]
