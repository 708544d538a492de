"""``jpnlp train tokenizer``: a SentencePiece unigram model, wrapped as a Hugging Face fast tokenizer.

Trained on the normalized sentences of a built dataset (its non-gold splits) and/or
raw corpus text (``--corpus``: folders of ``.txt`` files, see :mod:`.corpus_text`), with ``normalization_rule_name='identity'`` (jpnlp's normalizer has
already run; SentencePiece's NFKC would undo the offset map).  The vocabulary
size follows the text: SentencePiece refuses a vocabulary larger than the
text supports (``Vocabulary size too high``; the corpus document alone
supports about 1,500 pieces), so the requested size is capped at what the
error reports and training is retried — the size used is recorded.

The wrapper is a ``PreTrainedTokenizerFast`` whose ``tokenizers`` Unigram
model holds the SentencePiece pieces and scores (read with ``sentencepiece``,
so no ``protobuf`` converter is involved); character offsets are available.  A tokenizer built the wrong way
silently maps a whole sentence to one unknown token; :func:`check_splits`
refuses such a tokenizer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SPECIALS = ("<pad>", "<unk>", "<s>", "</s>", "<mask>")
DEFAULT_VOCAB = 4000


def corpus_lines(data: Path | None, extra: Iterable[Path] = ()) -> list[str]:
    """Training text: the dataset's non-gold sentences and the ``.txt`` files in ``extra`` (files or folders of
    raw corpus text, normalized like the dataset)."""
    from .corpus_text import documents
    from .metrics import load_rows

    lines: list[str] = []
    if data is not None:
        for split in ("train", "validation", "test"):
            try:
                lines.extend(r["text"] for r in load_rows(data, split))
            except Exception:  # noqa: BLE001, S112 - a missing split is fine
                continue
    for _, sentences in documents(extra):
        lines.extend(sentences)
    return [ln for ln in lines if ln.strip()]


def train_tokenizer(
    output: Path,
    data: Path | None = None,
    extra: Iterable[Path] = (),
    vocab_size: int = DEFAULT_VOCAB,
    seed: int = 13,
    lines: list[str] | None = None,
) -> dict[str, Any]:
    """Train ``output/spm.model`` and save the fast tokenizer in ``output``; return what was done.

    ``lines`` (already normalized sentences) replace reading ``data`` and ``extra``."""
    import sentencepiece as spm

    from ..errors import InputError

    extra = list(extra)
    if lines is None:
        lines = corpus_lines(data, extra)
    if not lines:
        from .corpus_text import describe_paths

        raise InputError(describe_paths([p for p in (data, *extra) if p]), "no text to train a tokenizer on")
    output.mkdir(parents=True, exist_ok=True)
    text_file = output / "train.txt"
    text_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = vocab_size
    for _ in range(3):
        try:
            spm.SentencePieceTrainer.train(
                input=str(text_file),
                model_prefix=str(output / "spm"),
                model_type="unigram",
                vocab_size=size,
                character_coverage=1.0,
                normalization_rule_name="identity",
                pad_id=0, unk_id=1, bos_id=2, eos_id=3,
                user_defined_symbols=["<mask>"],
                split_digits=True,
                num_threads=1,
                minloglevel=2,
            )  # fmt: skip
            break
        except RuntimeError as e:
            m = re.search(r"<= (\d+)", str(e))
            few = re.search(r"smaller than required_chars\. \d+ vs (\d+)", str(e))
            if few:  # every character is a piece (character_coverage 1.0): at least that many
                size = int(few.group(1)) + 16
                continue
            if "Vocabulary size too high" not in str(e) or not m:
                raise
            size = int(m.group(1))  # the largest the text supports
    text_file.unlink()
    tok = wrap(output / "spm.model")
    check_splits(tok)
    tok.save_pretrained(str(output))
    info = {"vocab_size": size, "requested_vocab_size": vocab_size, "sentences": len(lines), "characters": sum(map(len, lines))}
    (output / "jpnlp_tokenizer.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def wrap(model_file: Path) -> Any:
    """A ``PreTrainedTokenizerFast`` over a SentencePiece unigram model (offsets available).

    The pieces and their scores are read with ``sentencepiece`` and put into a
    ``tokenizers`` Unigram model with SentencePiece's Metaspace pre-tokenizer.
    """
    import sentencepiece as spm
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    sp = spm.SentencePieceProcessor(model_file=str(model_file))
    vocab = [(sp.id_to_piece(i), sp.get_score(i)) for i in range(sp.get_piece_size())]
    backend = Tokenizer(models.Unigram(vocab, unk_id=sp.unk_id(), byte_fallback=False))
    # jpnlp has normalized already: no normalizer. No ▁ is prepended: Japanese words (GiNZA tokens,
    # is_split_into_words) follow each other without spaces, as in the training text; with a prepended ▁
    # the first piece of every word would be a bare ▁ and carry the word's label without its content
    backend.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="never")
    backend.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="never")
    cls_id, sep_id = sp.piece_to_id("<s>"), sp.piece_to_id("</s>")
    backend.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> $B </s>", special_tokens=[("<s>", cls_id), ("</s>", sep_id)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=backend,
        unk_token="<unk>", pad_token="<pad>", bos_token="<s>", eos_token="</s>",
        cls_token="<s>", sep_token="</s>", mask_token="<mask>",
    )  # fmt: skip


def check_splits(tok: Any, sample: str = "ロシア下院はSTARTII条約を批准した。") -> None:
    """Refuse a tokenizer that does not really split (the silent one-unknown-token failure)."""
    ids = tok(sample, add_special_tokens=False)["input_ids"]
    unk = tok.unk_token_id
    if len(ids) < 3 or sum(i == unk for i in ids) > len(ids) // 2:
        raise RuntimeError(f"tokenizer does not split text: {tok.convert_ids_to_tokens(ids)}")
