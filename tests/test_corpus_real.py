"""The real-text corpus under ``corpus/real/``: provenance, licences, hashes, and no evaluation text in it.

Each group folder (``wiki``, ``treaty``, ``gov`` …) has its own ``manifest.json``.  Only text that may be
redistributed belongs here, each document with its address, licence and attribution; and since models are
trained on this corpus, no passage of a real-text evaluation set may be in it (by address or by sentence).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT

REAL = CORPUS / "real"
GROUPS = sorted(p for p in REAL.iterdir() if p.is_dir()) if REAL.is_dir() else []
# The licences a document here may carry (the README of each group says why each applies).
LICENCES = (
    "CC BY-SA",  # Japanese Wikipedia (3.0 or 4.0)
    "Public Domain (Copyright Act of Japan, Art. 13)",  # treaty, statute and official-notice texts
    "Government of Japan Standard Terms of Use",  # ministries' pages (compatible with CC BY 4.0)
    "Copyright Act of Japan, Art. 40",  # speeches in the Diet, public political speeches
    "Public Domain (Copyright Act of Japan: term of protection expired)",  # a 1930 government statement
)
FIELDS = ("doc_id", "path", "language", "encoding", "sha256", "source_format", "kind", "title", "source_url",
          "licence", "attribution", "description")  # fmt: skip
# Evaluation passages the corpus must not contain (the shared dev set sits beside the checkout in development).
EVAL_SETS = [*sorted((ROOT / "tests" / "data" / "real").glob("*.jsonl")), ROOT.parent / "shared" / "eval" / "dev" / "passages.jsonl"]
MIN_SENTENCE = 25  # shorter sentences (headings, dates, treaty titles) may recur in any text on the subject


def _documents() -> list[tuple[Path, dict]]:
    docs = []
    for group in GROUPS:
        manifest = json.loads((group / "manifest.json").read_text(encoding="utf-8"))
        docs.extend((group, d) for d in manifest["documents"])
    return docs


def _eval_passages() -> list[dict]:
    passages = []
    for path in EVAL_SETS:
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                passages.extend(json.loads(line) for line in fh if line.strip())
    return passages


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[。！？])|\n", text) if len(s.strip()) >= MIN_SENTENCE]


pytestmark = pytest.mark.skipif(not GROUPS, reason="no corpus/real/ groups")


@pytest.mark.parametrize("group", GROUPS, ids=lambda p: p.name)
def test_manifest_lists_exactly_the_files(group: Path) -> None:
    manifest = json.loads((group / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(d["path"] for d in manifest["documents"]) == sorted(p.name for p in group.glob("*.txt"))


def test_every_document_has_provenance_and_an_open_licence() -> None:
    for group, d in _documents():
        missing = [f for f in FIELDS if not d.get(f)]
        assert not missing, (d.get("doc_id"), missing)
        assert d["licence"].startswith(LICENCES), (d["doc_id"], d["licence"])
        assert d["source_url"].startswith(("https://", "http://")), d["doc_id"]
        assert d["kind"] != "news", d["doc_id"]  # news belongs in evaluation sets only
        assert (d["language"], d["encoding"]) == ("ja", "utf-8")
        assert d["doc_id"].startswith(f"{group.name}-"), d["doc_id"]


def test_hashes_ids_and_text() -> None:
    docs = _documents()
    ids = [d["doc_id"] for _, d in docs]
    assert len(ids) == len(set(ids))
    for group, d in docs:
        data = (group / d["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == d["sha256"], d["doc_id"]
        assert Path(d["path"]).stem == d["doc_id"]
        assert data.decode("utf-8").strip(), d["doc_id"]


def test_the_corpus_holds_a_million_characters_from_many_documents_and_kinds() -> None:
    docs = _documents()
    chars = sum(len((group / d["path"]).read_text(encoding="utf-8")) for group, d in docs)
    assert chars >= 1_000_000
    assert len(docs) >= 500
    assert {d["kind"] for _, d in docs} >= {"wikipedia", "diet", "government", "white-paper", "statute"}


def test_no_evaluation_passage_is_in_the_corpus() -> None:
    docs = _documents()
    urls = {d["source_url"].rstrip("/") for _, d in docs}
    corpus_sentences = {s for group, d in docs for s in _sentences((group / d["path"]).read_text(encoding="utf-8"))}
    for p in _eval_passages():
        assert p["source_url"].rstrip("/") not in urls, p["id"]
        shared = [s for s in _sentences(p["text"]) if s in corpus_sentences]
        assert not shared, p["id"]
