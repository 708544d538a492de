"""Build or check manifest.json for corpus/real/wiki from meta.jsonl (doc metadata) and the .txt files.

Usage: python3 build_manifest.py [--check]
"""
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LICENCE = "CC BY-SA 4.0"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entry(meta: dict) -> dict:
    path = HERE / meta["path"]
    out = {
        "doc_id": meta["doc_id"],
        "path": meta["path"],
        "language": "ja",
        "encoding": "utf-8",
        "sha256": sha256(path),
        "source_format": "wikipedia-article",
        "kind": "wikipedia",
        "title": meta["title"],
        "source_url": meta["source_url"],
        "licence": LICENCE,
        "attribution": f"Japanese Wikipedia contributors, 『{meta['article']}』",
        "description": meta["description"],
    }
    return out


def build() -> None:
    metas = [json.loads(line) for line in (HERE / "meta.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [m["doc_id"] for m in metas]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"meta.jsonl: duplicate doc_id {sorted(dup)}")
    docs = [entry(m) for m in metas]
    tmp = HERE / "manifest.json.tmp"
    tmp.write_text(json.dumps({"version": 1, "documents": docs}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(HERE / "manifest.json")
    print(len(docs), "documents,", sum(len((HERE / d["path"]).read_text(encoding="utf-8")) for d in docs), "characters")


def check() -> None:
    man = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    bad = [d["doc_id"] for d in man["documents"] if sha256(HERE / d["path"]) != d["sha256"]]
    listed = {d["path"] for d in man["documents"]}
    stray = sorted(p.name for p in HERE.glob("*.txt") if p.name not in listed)
    print("sha256 mismatches:", bad or "none", "| unlisted .txt:", stray or "none")
    sys.exit(1 if bad or stray else 0)


if __name__ == "__main__":
    check() if "--check" in sys.argv else build()
