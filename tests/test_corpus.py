"""The shipped corpus: the manifest matches the files byte for byte."""

from __future__ import annotations

import hashlib
import json

from jpnlp.io import doc_id_for

from .conftest import CORPUS, ROOT


def test_manifest_matches_files() -> None:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    # corpus/real/ groups carry their own manifests (tests/test_corpus_real.py)
    files = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("**/*.txt") if "real" not in p.relative_to(CORPUS).parts[:1])
    assert sorted(d["path"] for d in manifest["documents"]) == files
    for d in manifest["documents"]:
        path = CORPUS / d["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == d["sha256"]
        assert doc_id_for(path, CORPUS) == d["doc_id"]
        assert d["language"] == "ja"


def test_corpus_copy_is_byte_identical_to_shared_source() -> None:
    shared = ROOT.parent / "shared" / "corpus" / "us_russia_arms_control_2000.ja.txt"
    ours = CORPUS / "us_russia_arms_control_2000.ja.txt"
    if shared.exists():  # shared/ sits beside the checkout in development and CI
        assert shared.read_bytes() == ours.read_bytes()
    assert hashlib.sha256(ours.read_bytes()).hexdigest() == (
        "353226a6508a0a9959f95095f2d713aef2955712d2052ac8ba7567ac59403db4"
    )
