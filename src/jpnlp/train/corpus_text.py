"""Raw corpus text for the tokenizer and for pretraining: the sentences of every ``.txt`` file under some folders.

Each file goes through :func:`jpnlp.document.prepare` (layout repair, normalization, segmentation), so the
pieces and the encoder see text exactly as the NER dataset's tokens are written.  Files are read in sorted
order, each once, so a run is reproducible.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..io import DEFAULT_GLOB, iter_paths


def text_files(paths: Iterable[str | os.PathLike[str]], glob: str = DEFAULT_GLOB) -> list[Path]:
    """Every ``.txt`` file under ``paths`` (files are taken as given), sorted, each once."""
    seen: set[str] = set()
    out: list[Path] = []
    for f, _ in iter_paths([str(p) for p in paths], glob):
        real = os.path.realpath(f)
        if real not in seen:
            seen.add(real)
            out.append(Path(f))
    return sorted(out)


def documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, list[str]]]:
    """``(file, its non-empty normalized sentences)`` for every text file under ``paths``."""
    import warnings

    from ..document import prepare
    from ..errors import EmptyInputWarning

    for f in text_files(paths):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", EmptyInputWarning)  # an empty file adds nothing; none at all is an error
            document = prepare(f)
        yield f, [s.text for s in document.sentences if s.text.strip()]


def describe_paths(paths: Iterable[str | os.PathLike[str]]) -> str:
    """The inputs as one short string for an error message."""
    return ", ".join(str(p) for p in paths) or "<no corpus>"
