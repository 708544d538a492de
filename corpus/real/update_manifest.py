"""Recompute the sha256 of every document in a collection's manifest.json and check the folder.

Run: python3 corpus/real/update_manifest.py FOLDER          (rewrites sha256 fields, then checks)
     python3 corpus/real/update_manifest.py FOLDER --check  (only checks; exit 1 on any problem)
tests/test_corpus_real.py checks the same (and more) for every collection.
"""
import hashlib
import json
import os
import sys

REQUIRED = ("doc_id", "path", "language", "encoding", "sha256", "source_format", "kind",
            "title", "source_url", "licence", "attribution", "description")


def sha256_of(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main() -> int:
    check_only = "--check" in sys.argv
    folders = [a for a in sys.argv[1:] if a != "--check"]
    if len(folders) != 1:
        print(__doc__)
        return 2
    HERE = folders[0]  # noqa: N806 - the collection folder
    mpath = os.path.join(HERE, "manifest.json")
    with open(mpath, encoding="utf-8") as f:
        manifest = json.load(f)
    problems, seen, total = [], set(), 0
    for doc in manifest["documents"]:
        fpath = os.path.join(HERE, doc["path"])
        if not check_only:
            doc["sha256"] = sha256_of(fpath)
        problems += [f"{doc.get('doc_id')}: missing {k}" for k in REQUIRED if not doc.get(k)]
        if doc["doc_id"] in seen:
            problems.append(f"{doc['doc_id']}: duplicate doc_id")
        seen.add(doc["doc_id"])
        if doc["sha256"] != sha256_of(fpath):
            problems.append(f"{doc['doc_id']}: sha256 mismatch")
        with open(fpath, encoding="utf-8") as f:
            total += len(f.read())
    listed = {d["path"] for d in manifest["documents"]}
    problems += [f"{n}: not in manifest" for n in sorted(os.listdir(HERE)) if n.endswith(".txt") and n not in listed]
    if not check_only:
        tmp = mpath + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=2)
            f.write("\n")
        os.replace(tmp, mpath)
    for p in problems:
        print(p)
    print(f"{len(manifest['documents'])} documents, {total} characters, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
