"""Hand-annotated real-text passages (``jpnlp train spacy --extra-gold FILE``) as gold training rows.

Each passage is prepared and tokenized exactly as ``jpnlp extract`` and ``jpnlp build`` do it (repair,
normalize, segment, GiNZA), and each sentence becomes a dataset row (:func:`jpnlp.dataset.rows.sentence_row`)
whose tags are the passage's gold mentions, ``label_source`` ``gold``.  A gold mention is given in raw
offsets; it is placed on the tokens whose raw spans it covers exactly.  A sentence with a mention that does
not fall on token boundaries is left out whole (counted): a half-labelled sentence would teach the model that
the unlabelled part is no mention.  Sentences that occur in an evaluation set (:mod:`jpnlp.dataset.exclude`;
by default every ``tests/data/real/*.jsonl`` except the files trained on) are left out too, and a
file named ``heldout*`` is refused.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..passages import Passage

HELD_OUT = "heldout"  # a file named heldout*.jsonl is never trained on, whatever else is asked


def passage_rows(passage: Passage, nlp: Any, counts: Counter[str]) -> list[dict[str, Any]]:
    """The gold rows of one passage (``counts`` gets ``sentences`` and ``misaligned``)."""
    from ..dataset.rows import align_sentences, sentence_row
    from ..document import prepare
    from ..io import RawDocument
    from ..pipeline import annotate

    document = prepare(RawDocument(passage.id, passage.text, "utf-8"))
    doc = annotate(document, nlp)
    align_sentences(doc, document.sentences)
    rows = []
    for sent in document.sentences:
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            continue
        counts["sentences"] += 1
        ents = sentence_mentions(passage, document, [(t.idx, t.idx + len(t.text)) for t in span])
        if ents is None:
            counts["misaligned"] += 1
            continue
        rows.append(sentence_row(document, doc, sent, ents, [], reviewed=True))
    return rows


def sentence_mentions(passage: Passage, document: Any, tokens: list[tuple[int, int]]) -> list[Any] | None:
    """The gold mentions over a sentence's tokens (normalized offsets) as ``(start, end, label, attrs)``, or
    None when one overlaps the sentence without falling on its token boundaries."""
    raw = [document.raw_span(s, e) for s, e in tokens]
    if not raw:
        return []
    lo, hi = raw[0][0], raw[-1][1]
    out = []
    for g in passage.entities:
        if g.end <= lo or hi <= g.start:
            continue
        inside = [i for i, (rs, re_) in enumerate(raw) if g.start <= rs and re_ <= g.end]
        if not inside or raw[inside[0]][0] != g.start or raw[inside[-1]][1] != g.end:
            return None
        out.append((tokens[inside[0]][0], tokens[inside[-1]][1], g.label, {"en": g.en, "value": g.value}))
    return out


def gold_rows(files: list[Path], exclude: list[Path] | None = None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Gold rows of every passage in ``files``, less sentences found in the evaluation sets; and a summary."""
    from ..dataset.exclude import EvalText, default_sets
    from ..passages import read_passages
    from ..pipeline import default_pipeline

    for f in files:
        if Path(f).name.startswith(HELD_OUT):
            raise InputError(f, "a held-out set is for final scores only, never for training (--extra-gold)")
    passages = {f: read_passages(f) for f in files}  # every file checked before any work
    trained = {Path(f).resolve() for f in files}
    held = EvalText([p for p in [*default_sets(), *(exclude or [])] if Path(p).resolve() not in trained])
    nlp = default_pipeline()
    counts: Counter[str] = Counter()
    rows = []
    for f, items in passages.items():
        for passage in items:
            for row in passage_rows(passage, nlp, counts):
                if row["text"] in held:
                    counts["excluded"] += 1
                    continue
                rows.append({**row, "id": f"{Path(f).stem}:{row['id']}"})
    summary = {"files": [str(f) for f in files], "passages": sum(map(len, passages.values())),
               "sentences": counts["sentences"], "rows": len(rows), "misaligned": counts["misaligned"],
               "excluded": counts["excluded"]}  # fmt: skip
    return rows, summary
