"""GiNZA's NER decoded with array operations: the same entities, without spaCy's per-move Cython calls.

spaCy's greedy parser loop asks every move of the NER whether it is valid, one Cython call after another, at
every token; the spaCy build installed here takes Python's lock inside each of those calls, so GiNZA's NER
(758 moves: 189 labels × B/I/L/U, and O) spent about 0.3 ms a token there, more than the tok2vec and the
parser together.  Without preset entities a move's validity depends on five facts about a state (is an entity
open and with which label, is this the last token, does the next one start a sentence, is this one
whitespace), so :func:`decode` computes it for all moves and all Docs of a batch at once.  The scores are
spaCy's own numbers: the model's precomputed lower layer, summed feature by feature in spaCy's order, the
maxout, and the upper layer through the same blis ``sgemm`` spaCy's loop calls.  So the moves chosen, and
the entities, are spaCy's; ``tests/test_ner_decode.py`` checks it on the corpus and on invented text.

:func:`install` swaps a pipeline's ``ner`` for an :class:`ArrayDecodedNER` on the same model and settings.
Docs that already carry entity annotation (where spaCy's preset-entity rules apply) keep spaCy's decoder.
``JPNLP_NER_DECODER=spacy`` (or ``load(ner_decoder="spacy")``) turns it off.
"""

from __future__ import annotations

import os
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

DECODERS = ("numpy", "spacy")
_B, _I, _L, _U, _O = range(5)
_KINDS = {"B": _B, "I": _I, "L": _L, "U": _U}


def resolve(decoder: str | None = None) -> str:
    """``numpy`` or ``spacy``: the argument, else ``JPNLP_NER_DECODER``, else ``numpy``."""
    choice = (decoder or os.environ.get("JPNLP_NER_DECODER") or "numpy").strip().lower()
    if choice not in DECODERS:
        raise ValueError(f"unknown NER decoder {choice!r} (expected one of {', '.join(DECODERS)})")
    return choice


class MoveTable:
    """Each move's kind (B, I, L, U, O; -1 for a move that is never valid here) and label index."""

    def __init__(self, moves: Any) -> None:
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        self.labels: list[str] = []
        index: dict[str, int] = {}
        kinds, labels = [], []
        for name in names:
            head, _, label = name.partition("-")
            kind = _O if name == "O" else _KINDS.get(head, -1) if label else -1  # "U-": blocked spans only
            kinds.append(kind)
            labels.append(index.setdefault(label, len(index)) if kind not in (-1, _O) else -1)
        self.labels = list(index)
        self.kind = numpy.array(kinds)
        self.label = numpy.array(labels)
        self.is_kind = {k: self.kind == k for k in (_B, _I, _L, _U, _O)}
        # every state's valid moves, looked up by [open label + 1 (0: none), facts code (see facts_code)]
        open_label = numpy.repeat(numpy.arange(-1, len(self.labels)), 8)
        code = numpy.tile(numpy.arange(8), len(self.labels) + 1)
        facts = (code & 4 > 0, code & 2 > 0, code & 1 > 0)
        self.masks = valid_moves(self, open_label, *facts).reshape(len(self.labels) + 1, 8, -1)


def facts_code(has_next: numpy.ndarray, next_starts: numpy.ndarray, is_space: numpy.ndarray) -> numpy.ndarray:
    """The three token facts of a state's validity as one number, 0-7."""
    return has_next * 4 + next_starts * 2 + is_space


def valid_moves(table: MoveTable, open_label: numpy.ndarray, has_next: numpy.ndarray,
                next_starts: numpy.ndarray, is_space: numpy.ndarray) -> numpy.ndarray:  # fmt: skip
    """``(states, moves)``: spaCy's ``is_valid`` of ``ner.pyx`` for Docs without preset entities."""
    is_open = open_label >= 0
    same = table.label[None, :] == open_label[:, None]
    k = table.is_kind
    begin = ~is_open & has_next & ~next_starts & ~is_space
    inside = is_open & has_next & ~next_starts
    unit = ~is_open & ~is_space
    return (
        (k[_B][None, :] & begin[:, None])
        | (k[_I][None, :] & inside[:, None] & same)
        | (k[_L][None, :] & is_open[:, None] & same)
        | (k[_U][None, :] & unit[:, None])
        | (k[_O][None, :] & ~is_open[:, None])
    )


def decode(ner: Any, docs: list[Doc], table: MoveTable) -> list[list[tuple[int, int, str]]]:
    """The entities spaCy's greedy decoder would find in each Doc, as ``(start, end, label)`` token offsets."""
    from blis.py import gemm

    out: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    lengths = numpy.array([len(d) for d in docs])
    if not lengths.any():
        return out
    t2v, lower, upper = ner.model.layers
    cached = lower.predict(t2v.predict(docs))  # (tokens + 1, feats, hiddens, pieces); row 0 is the padding
    n_rows, n_feats, n_hidden, n_pieces = cached.shape
    cached = numpy.ascontiguousarray(cached.reshape(n_rows, n_feats, n_hidden * n_pieces))
    bias = lower.get_param("b").reshape(-1)
    weights, upper_bias = upper.get_param("W"), upper.get_param("b")
    seen = numpy.ones(weights.shape[0], dtype=bool)
    seen[list(ner.model.attrs.get("unseen_classes") or ())] = False
    starts = numpy.concatenate([d.to_array([SENT_START]).reshape(-1) for d in docs]) == 1
    spaces = numpy.concatenate([d.to_array([IS_SPACE]).reshape(-1) for d in docs]).astype(bool)
    offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])

    active = numpy.flatnonzero(lengths > 0)  # Doc index of each unfinished state
    pos = numpy.zeros(len(active), dtype=numpy.int64)  # B(0), in the Doc
    open_label = numpy.full(len(active), -1)
    ent_start = numpy.zeros(len(active), dtype=numpy.int64)
    while len(active):
        g = offsets[active] + pos  # B(0) in the batch
        is_open = open_label >= 0
        # spaCy's three NER features: B(0), the entity's first token, B(0) - 1 inside an entity (-1: padding)
        rows = (g + 1, numpy.where(is_open, offsets[active] + ent_start + 1, 0), numpy.where(is_open, g, 0))
        unmaxed = numpy.zeros((len(active), cached.shape[2]), dtype=numpy.float32)
        for f, r in enumerate(rows):
            unmaxed += cached[r, f]
        unmaxed += bias
        hidden = unmaxed.reshape(len(active), n_hidden, n_pieces).max(axis=2)
        scores = gemm(hidden, weights, trans2=True, beta=0.0)
        scores += upper_bias
        if not seen.all():
            scores[:, ~seen] = scores.min()
        has_next = pos + 1 < lengths[active]
        next_starts = has_next & starts[numpy.minimum(g + 1, len(starts) - 1)]
        valid = table.masks[open_label + 1, facts_code(has_next, next_starts, spaces[g])]
        guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
        kinds, labels = table.kind[guess], table.label[guess]
        for s in numpy.flatnonzero((kinds == _L) | (kinds == _U)):
            begin = ent_start[s] if kinds[s] == _L else pos[s]
            out[active[s]].append((int(begin), int(pos[s]) + 1, table.labels[labels[s]]))
        opening = kinds == _B
        open_label = numpy.where(opening, labels, numpy.where((kinds == _L) | (kinds == _U), -1, open_label))
        ent_start = numpy.where(opening, pos, ent_start)
        pos = pos + 1
        left = pos < lengths[active]
        active, pos, open_label, ent_start = active[left], pos[left], open_label[left], ent_start[left]
    return out


def install(nlp: Language, name: str = "ner") -> bool:
    """Replace ``nlp``'s ``name`` component (a spaCy NER without beam search) by the same component, same
    model, decoded with :func:`decode`; returns whether it did."""
    ner = nlp.get_pipe(name)
    if type(ner) is not EntityRecognizer or ner.cfg.get("beam_width", 1) != 1:
        return False
    cfg = ner.cfg
    new = ArrayDecodedNER(ner.vocab, ner.model, ner.name, ner.moves,
                          update_with_oracle_cut_size=cfg.get("update_with_oracle_cut_size", 100),
                          beam_width=1, beam_density=cfg.get("beam_density", 0.0),
                          beam_update_prob=cfg.get("beam_update_prob", 0.0),
                          incorrect_spans_key=cfg.get("incorrect_spans_key"), scorer=ner.scorer)  # fmt: skip
    new.cfg = dict(cfg)
    # the component list holds (name, component) pairs; the config and the tok2vec listener are unchanged
    nlp._components[[n for n, _ in nlp._components].index(name)] = (name, new)
    return True


class _Decoded(list):  # type: ignore[type-arg]
    """The entities of each Doc of a batch (what ``predict`` hands ``set_annotations``)."""


class ArrayDecodedNER(EntityRecognizer):
    """spaCy's ``EntityRecognizer`` whose greedy decoding is :func:`decode`; spaCy's for preset entities."""

    def predict(self, docs: Any) -> Any:
        docs = list(docs)
        if any(d.has_annotation("ENT_IOB") for d in docs):
            return super().predict(docs)  # preset entities: spaCy's rules for them
        if getattr(self, "_move_table", None) is None:
            self._move_table = MoveTable(self.moves)
        return _Decoded(decode(self, docs, self._move_table))

    def set_annotations(self, docs: Any, result: Any) -> None:
        if not isinstance(result, _Decoded):
            return super().set_annotations(docs, result)
        for doc, ents in zip(docs, result):
            # as spaCy's BiluoPushDown.set_annotations: the entities, every other token O
            doc.set_ents([Span(doc, s, e, label=label) for s, e, label in ents], default="outside")
        return None
