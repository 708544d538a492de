"""Deterministic, streaming split assignment.

A unit (a whole document when the corpus has enough documents, otherwise a
paragraph) goes to a split by a seeded hash of its key, so the assignment
needs no global shuffle, is the same on every rebuild, and never cuts a
paragraph (or document) across splits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SPLITS = ("train", "validation", "test")


@dataclass(frozen=True)
class SplitConfig:
    train: float = 0.7
    validation: float = 0.15
    test: float = 0.15
    seed: int = 13
    min_documents: int = 10  # below this, split by paragraph

    def __post_init__(self) -> None:
        ratios = (self.train, self.validation, self.test)
        if not all(0 <= r <= 1 for r in ratios) or abs(sum(ratios) - 1.0) > 1e-6:  # NaN fails both comparisons
            raise ValueError(f"split ratios must be non-negative and add up to 1, got {ratios}")

    @classmethod
    def parse(cls, ratios: str, seed: int) -> SplitConfig:
        """From ``"0.7,0.15,0.15"``."""
        try:
            parts = [float(x) for x in ratios.split(",")]
        except ValueError:
            raise ValueError(f"split ratios must be three numbers like 0.7,0.15,0.15, got {ratios!r}") from None
        if len(parts) != 3:
            raise ValueError(f"split ratios must be three numbers like 0.7,0.15,0.15, got {ratios!r}")
        return cls(*parts, seed=seed)


def _unit_value(seed: int, key: str) -> float:
    h = hashlib.sha256(f"{seed}\x00{key}".encode()).digest()
    return int.from_bytes(h[:8], "big") / 2**64


def assign(config: SplitConfig, doc_id: str, block_index: int | None) -> str:
    """The split of a document (``block_index=None``) or of one of its paragraphs."""
    key = doc_id if block_index is None else f"{doc_id}\x00{block_index}"
    u = _unit_value(config.seed, key)
    if u < config.train:
        return "train"
    if u < config.train + config.validation:
        return "validation"
    return "test"
