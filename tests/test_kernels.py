"""Matrix kernels: numpy's gemm in place of blis gives the same analysis, entities and dataset."""

from __future__ import annotations

from pathlib import Path

import pytest
from thinc.api import NumpyOps, get_current_ops

from jpnlp.kernels import fastest_kernel, ops_for_loading, resolve
from jpnlp.pipeline import ANALYSIS_PIPES

from .conftest import CORPUS_DOC, corpus_built_with


@pytest.mark.parametrize(
    ("argument", "env", "expected"),
    [("numpy", None, "numpy"), ("blis", "numpy", "blis"), (None, "blis", "blis"), (None, " NumPy ", "numpy")],
)
def test_resolve_argument_then_environment(monkeypatch: pytest.MonkeyPatch, argument, env, expected) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("JPNLP_KERNELS", raising=False)
    if env is not None:
        monkeypatch.setenv("JPNLP_KERNELS", env)
    assert resolve(argument) == expected


def test_auto_is_a_measured_choice_and_unknown_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JPNLP_KERNELS", raising=False)
    assert resolve("auto") == resolve(None) == fastest_kernel() in ("numpy", "blis")
    with pytest.raises(ValueError, match="unknown kernels 'mkl' \\(expected one of auto, numpy, blis\\)"):
        resolve("mkl")


def test_ops_are_restored_after_loading() -> None:
    before = get_current_ops()
    with ops_for_loading("numpy") as kernel:
        inside = get_current_ops()
        assert kernel == "numpy" and isinstance(inside, NumpyOps) and inside.use_blis is False
    assert get_current_ops() is before


def _analysis(kernels: str, analysis: bool = True) -> list[tuple]:
    """Tokens with their tags, heads and entities (GiNZA's and jpnlp's) over the corpus document."""
    import jpnlp
    from jpnlp.pipeline import annotate

    nlp = jpnlp.load(kernels=kernels, analysis=analysis)
    assert nlp.get_pipe("tok2vec").model.ops.use_blis is (kernels == "blis")
    assert set(ANALYSIS_PIPES).isdisjoint(nlp.pipe_names) is not analysis
    doc = annotate(jpnlp.prepare(CORPUS_DOC), nlp)
    tokens = [(t.idx, t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc]
    ents = [(e.start_char, e.end_char, e.label_, e._.en, e._.value) for e in doc.ents]
    ginza = [(s.start_char, s.end_char, s.label_) for s in doc.spans["ginza"]]
    return [tuple(tokens), tuple(ents), tuple(ginza)]


def test_numpy_and_blis_give_the_same_analysis_of_the_corpus() -> None:
    assert _analysis("numpy") == _analysis("blis")


def test_leaving_out_unused_analysis_keeps_tokens_heads_and_entities() -> None:
    """GiNZA's POS, compound splitting and bunsetu are not computed for jpnlp's outputs: tokens, heads, entities stay."""
    full, lean = _analysis("numpy"), _analysis("numpy", analysis=False)
    assert full[1:] == lean[1:]
    assert [(i, text, head) for i, text, _, _, _, head, _ in full[0]] == [(i, text, head) for i, text, _, _, _, head, _ in lean[0]]


def _build(value: str, out: Path) -> dict[str, bytes]:
    return corpus_built_with(out, JPNLP_KERNELS=value)


def test_numpy_and_blis_build_byte_identical_datasets(tmp_path: Path) -> None:
    numpy_files = _build("numpy", tmp_path / "numpy")
    blis_files = _build("blis", tmp_path / "blis")
    assert numpy_files.keys() == blis_files.keys()
    assert [f for f in numpy_files if numpy_files[f] != blis_files[f]] == []


@pytest.mark.parametrize(("env", "expected"), [(None, 1), ("0", 0), (" 2 ", 2)])
def test_blas_thread_limit_from_the_environment(monkeypatch: pytest.MonkeyPatch, env, expected) -> None:  # type: ignore[no-untyped-def]
    from jpnlp.kernels import blas_thread_limit

    monkeypatch.delenv("JPNLP_BLAS_THREADS", raising=False)
    if env is not None:
        monkeypatch.setenv("JPNLP_BLAS_THREADS", env)
    assert blas_thread_limit() == expected


def test_blas_threads_limits_openblas_inside_the_block_only() -> None:
    threadpoolctl = pytest.importorskip("threadpoolctl")
    from jpnlp.kernels import blas_threads

    def threads() -> list[int]:
        return [x["num_threads"] for x in threadpoolctl.threadpool_info() if x["user_api"] == "blas"]

    before = threads()
    with blas_threads(1):
        assert set(threads()) <= {1}
    assert threads() == before


def test_bad_blas_thread_limit_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from jpnlp.kernels import blas_thread_limit

    monkeypatch.setenv("JPNLP_BLAS_THREADS", "many")
    with pytest.raises(ValueError, match="JPNLP_BLAS_THREADS must be a whole number, not 'many'"):
        blas_thread_limit()


def test_one_or_several_blas_threads_give_the_same_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JPNLP_BLAS_THREADS", "0")  # OpenBLAS's own thread count
    several = _analysis("numpy", analysis=False)
    monkeypatch.setenv("JPNLP_BLAS_THREADS", "1")
    assert _analysis("numpy", analysis=False) == several


@pytest.mark.parametrize("text", ["日ソ共同宣言は1956年に署名された。", "  ゴルバチョフ書記長 　と\n\nレーガン大統領"])
def test_leaving_out_sub_tokens_keeps_tokens_tags_and_readings(text: str) -> None:
    """Without GiNZA's analysis the tokenizer skips Sudachi's A/B sub-tokens; what it does make is the same."""
    import jpnlp

    full, lean = jpnlp.load(analysis=True), jpnlp.load(analysis=False)
    a, b = full.make_doc(text), lean.make_doc(text)
    assert "sub_tokens" in a.user_data and "sub_tokens" not in b.user_data
    assert [(t.idx, t.text, t.tag_, t.lemma_, t.norm_, str(t.morph)) for t in a] == [
        (t.idx, t.text, t.tag_, t.lemma_, t.norm_, str(t.morph)) for t in b
    ]
