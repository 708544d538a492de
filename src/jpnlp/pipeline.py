"""The spaCy pipeline: ``ja_ginza`` plus jpnlp's components, run over whole documents.

:func:`load` builds the :class:`~spacy.language.Language` once per process
(GiNZA's tokenizer, tagger, parser and NER, then ``jpnlp_dates_v1``,
``jpnlp_treaties_v1``, ``jpnlp_leaders_v1``, ``jpnlp_linker_v1``).

:func:`annotate` runs it over a :class:`~jpnlp.document.Document`.  Sudachi
rejects inputs over 49,149 UTF-8 bytes, so GiNZA gets the text in chunks
cut at sentence boundaries (each well under the limit, whitespace between
sentences kept), and the chunk Docs are joined with ``Doc.from_docs`` into
one Doc whose text is exactly ``document.text``.  jpnlp's components then
run once over the whole Doc, so relative dates and anaphora resolve across
chunks.  :func:`process` returns plain dataclasses for people who do not
want spaCy objects.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .document import Document, Entity, prepare
from .io import RawDocument
from .kernels import blas_threads
from .models import resolve_model, split_spec

SUDACHI_MAX_BYTES = 49_149
CHUNK_BYTES = 24_000  # half the limit: room for GiNZA's own processing, and faster pipes
OUR_PIPES: tuple[tuple[str, str], ...] = (
    ("jpnlp_dates", "jpnlp_dates_v1"),
    ("jpnlp_treaties", "jpnlp_treaties_v1"),
    ("jpnlp_leaders", "jpnlp_leaders_v1"),
    ("jpnlp_linker", "jpnlp_linker_v1"),
    ("jpnlp_votes", "jpnlp_votes_v1"),
)
PIPELINE_VERSION = "1"
# GiNZA components no jpnlp output reads. The parser is not among them: GiNZA's NER keeps to its sentences.
ANALYSIS_PIPES = ("morphologizer", "compound_splitter", "bunsetu_recognizer")


def load(
    model: str = "ja_ginza",
    glossary: str | os.PathLike[str] | None = None,
    fast: bool = False,
    kernels: str | None = None,
    analysis: bool = True,
    ner_decoder: str | None = None,
) -> Language:
    """A new pipeline: ``model`` (an installed spaCy package or path) plus jpnlp's components.

    ``glossary`` is a user glossary file that extends or overrides the shipped one.  ``fast=True``
    uses no neural component at all: Sudachi's token boundaries (mode C, as GiNZA; see
    :mod:`jpnlp.tokenizer`) and jpnlp's rules and glossary.  Entities, values and tallies come from the rules either way; what fast mode loses is
    GiNZA's own entities (``doc.spans["ginza"]``), its parse, and GiNZA's ``Person`` hint for kanji
    leader names the glossary does not know (Sudachi's name tags, read in both modes by
    :mod:`jpnlp.name_tags`, cover most of them).  ``kernels`` picks the matrix kernel of the neural
    components (``auto``, ``numpy``, ``blis``; see :mod:`jpnlp.kernels`): the output is the same.
    ``analysis=False`` leaves out GiNZA's components whose results jpnlp's outputs do not use
    (:data:`ANALYSIS_PIPES`: POS, compound splitting, bunsetu) and the tokenizer's sub-tokens (the
    compound splitter's input); entities and tokens are the same.
    ``ner_decoder`` (``numpy``, the default, or ``spacy``; else ``JPNLP_NER_DECODER``) decodes GiNZA's NER
    with array operations (:mod:`jpnlp.ner_decode`): the same entities, several times faster.
    """
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    if fast:
        from . import tokenizer  # noqa: F401  (registers jpnlp.SudachiSurfaceTokenizer.v1)

        # Sudachi's token boundaries only (the same tokens as spaCy's "ja", without tags, lemmas and readings)
        nlp = spacy.blank("ja", config={"nlp": {"tokenizer": {"@tokenizers": "jpnlp.SudachiSurfaceTokenizer.v1"}}})
        nlp.meta["jpnlp"] = {"fast": True}
    else:
        from . import ner_decode
        from .kernels import ops_for_loading

        with ops_for_loading(kernels) as kernel:
            nlp = spacy.load(model, exclude=() if analysis else ANALYSIS_PIPES)
        if not analysis and hasattr(nlp.tokenizer, "need_subtokens"):
            nlp.tokenizer.need_subtokens = False  # Sudachi's A/B split of each token: only compound_splitter reads it
        decoder = ner_decode.resolve(ner_decoder)
        if decoder == "numpy" and "ner" in nlp.pipe_names:
            ner_decode.install(nlp)
        nlp.meta["jpnlp"] = {"fast": False, "kernels": kernel, "ner_decoder": decoder}
    cfg = {"glossary_path": str(glossary)} if glossary else {}
    for name, factory in OUR_PIPES:
        nlp.add_pipe(factory, name=name, config=cfg if factory not in ("jpnlp_dates_v1", "jpnlp_votes_v1") else {})
    return nlp


def describe(nlp: Language | None, model: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """What really ran, for the records: GiNZA's package and version (or fast mode), and a trained model."""
    if nlp is None:
        ran = None
    elif nlp.meta.get("jpnlp", {}).get("fast"):
        ran = "none (fast mode: Sudachi tokens and rules)"
    else:
        ran = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    trained = None
    if model is not None:
        path, combined = split_spec(resolve_model(model))
        trained = {"path": path, "sha256": _model_digest(path), "mode": "combine" if combined else "replace"}
    return {"model": ran, "trained_model": trained}


@cache
def _model_digest(model: str) -> str:
    import hashlib
    import json

    from .journal import tree_digest

    return hashlib.sha256(json.dumps(tree_digest(model)).encode()).hexdigest()


@cache
def default_pipeline(fast: bool = False, analysis: bool = False) -> Language:
    """The pipeline of jpnlp's commands (or the fast one), loaded once per process; without GiNZA's
    analysis unless the output keeps it (the dataset's CoNLL-U and DocBins do)."""
    return load(fast=fast, analysis=analysis)


def chunk_spans(doc: Document, max_bytes: int = CHUNK_BYTES) -> Iterator[tuple[int, int]]:
    """``[start, end)`` pieces of ``doc.text`` below ``max_bytes``, cut where a sentence starts."""
    text = doc.text
    if not text:
        return
    cuts = [s.start for s in doc.sentences] or [0]
    start = 0
    size = 0
    prev = 0
    for cut in cuts[1:] + [len(text)]:
        piece = len(text[prev:cut].encode("utf-8"))
        if size and size + piece > max_bytes:
            yield start, prev
            start, size = prev, 0
        size += piece
        prev = cut
    yield start, len(text)


# An invented sentence that takes the rules through their patterns: dates, leaders, a treaty and its abbreviation, a vote.
_WARM_UP = (
    "２０１０年４月８日、オバマ大統領とメドベージェフ大統領はプラハで新戦略兵器削減条約（新ＳＴＡＲＴ）に署名し、"
    "米上院は同年１２月２２日、賛成７１、反対２６でこれを承認した。"
)


def warm_up(nlp: Language) -> None:
    """Run ``nlp`` once over a short invented text, for the work it does only the first time.

    The rules compile their regular expressions on first use (about a second in all: dates, leaders, treaty
    abbreviations).  A pool's workers fork after ``init``: warmed up there, they share what it compiled instead of
    each paying it again on its first document.  Nothing it leaves behind changes a later document's analysis.
    """
    annotate(prepare(RawDocument("warm-up", _WARM_UP, "utf-8")), nlp)


def annotate(document: Document, nlp: Language | None = None, max_bytes: int = CHUNK_BYTES) -> Doc:
    """Run the pipeline over a whole document; the Doc's text is ``document.text``."""
    nlp = nlp or default_pipeline()
    ours = [name for name, _ in OUR_PIPES if name in nlp.pipe_names]
    texts = [document.text[a:b] for a, b in chunk_spans(document, max_bytes)]
    neural = not nlp.meta.get("jpnlp", {}).get("fast")
    with nlp.select_pipes(disable=ours), blas_threads(None if neural else 0):
        docs = list(nlp.pipe(texts)) if texts else [nlp.make_doc("")]
    if len(docs) == 1:
        doc = docs[0]
    else:
        with warnings.catch_warnings():
            # W102: GiNZA's per-Doc bunsetu caches cannot be merged; GiNZA recomputes them on demand.
            warnings.filterwarnings("ignore", message=r"\[W102\]")
            doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != document.text:  # never expected; offsets would be wrong
        raise RuntimeError("chunked annotation changed the text")
    doc._.jpnlp_source = document
    doc._.doc_date = document.doc_date
    if "ner" in nlp.pipe_names:  # GiNZA's own entities before ours replace them (the silver agreement score)
        doc.user_data["jpnlp_ginza_ents"] = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


def entities_of(doc: Doc, document: Document) -> list[Entity]:
    """Plain :class:`~jpnlp.document.Entity` records of the Doc's entities."""
    out = []
    for e in doc.ents:
        rs, re_ = document.raw_span(e.start_char, e.end_char)
        out.append(
            Entity(
                start=e.start_char,
                end=e.end_char,
                text=e.text,
                label=e.label_,
                raw_start=rs,
                raw_end=re_,
                raw_text=document.raw[rs:re_],
                en=e._.en,
                en_full=e._.en_full,
                id=e._.id if e.label_ in ("TREATY", "LEADER") else None,
                value=e._.value,
                role=e._.role,
                anaphor=bool(e._.anaphor),
                mod=e._.mod,
                wikidata=e._.wikidata,
                en_source=e._.en_source,
                en_conf=e._.en_conf,
            )
        )
    return out


def process(
    source: str | os.PathLike[str] | RawDocument | Document,
    nlp: Language | None = None,
    model: str | os.PathLike[str] | None = None,
    combine: bool = False,
    **prepare_options: object,
) -> Document:
    """Repair, normalize, segment and annotate; returns the :class:`Document` with ``entities``.

    ``model`` (a folder from ``jpnlp train spacy`` or ``jpnlp train transformer``) finds the
    TREATY/LEADER/DATE spans in place of the rules; glossary alignment and DATE values are still
    applied to the predicted spans.  ``combine=True`` keeps the rules' spans and adds the model's where the
    rules found nothing (:mod:`jpnlp.combine`).  ``model`` may also be a packaged model's name (``jpnlp-ner``).
    """
    document = source if isinstance(source, Document) else prepare(source, **prepare_options)  # type: ignore[arg-type]
    doc = annotate(document, nlp)
    if model is not None:
        path, combined = split_spec(resolve_model(model))
        apply_model(doc, document, path, nlp or default_pipeline(), combine or combined)
    document.entities = entities_of(doc, document)
    document.votes = list(doc._.votes or [])
    return document


def apply_model(doc: Doc, document: Document, model: str, nlp: Language, combine: bool = False) -> None:
    """A trained model's spans in place of the rules' (or, with ``combine``, beside them): see :mod:`jpnlp.combine`."""
    from .combine import apply_model as apply

    apply(doc, document, model, nlp, combine)
