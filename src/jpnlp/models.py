"""Trained models by name: ``jpnlp-ner`` is the small spaCy NER model shipped inside the package.

``--model`` takes a folder (``jpnlp train spacy``/``transformer``) or the name of a packaged model, whose
weights lie in ``jpnlp/data/models/<name>/`` so that it works offline on a fresh install.  ``rules+M`` is
``M`` combined with the rules (``--combine``; see :mod:`jpnlp.combine`).
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputError

PACKAGED = Path(__file__).parent / "data" / "models"
DEFAULT = "jpnlp-ner"
COMBINE = "rules+"


def packaged() -> list[str]:
    """Names of the models shipped in the package."""
    return sorted(p.name for p in PACKAGED.iterdir() if (p / "meta.json").is_file()) if PACKAGED.is_dir() else []


def split_spec(spec: str | os.PathLike[str]) -> tuple[str, bool]:
    """``rules+M`` → (``M``, True); ``M`` → (``M``, False)."""
    s = str(spec)
    return (s[len(COMBINE):], True) if s.startswith(COMBINE) else (s, False)


def resolve_model(spec: str | os.PathLike[str]) -> str:
    """The folder of a model given as a folder or a packaged name (``rules+`` kept); InputError if neither."""
    name, combine = split_spec(spec)
    path = Path(name)
    if not path.exists() and "/" not in name and (PACKAGED / name / "meta.json").is_file():
        path = PACKAGED / name
    elif not path.exists():
        known = ", ".join(packaged()) or "none in this install"
        raise InputError(name, f"no such model folder, nor a packaged model ({known})")
    elif not ((path / "meta.json").is_file() or (path / "config.json").is_file()):
        raise InputError(path, "not a trained model (no meta.json or config.json): a corrupt or partial model folder?")
    return f"{COMBINE if combine else ''}{path}"
