"""Reading gold files: a malformed one is one clear error naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from jpnlp.errors import InputError
from jpnlp.evaluate import read_jsonl


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"text": "a"}\n{"text": \n', "line 2: not JSON"),
        (b'{"text": "a"}\n[1, 2]\n', "line 2: not a JSON object"),
        (b"\xff\xfe{}\n", "cannot read"),
    ],
)
def test_malformed_gold_names_the_line(tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "x.entities.jsonl"
    p.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_jsonl(p)
    assert str(info.value).startswith(f"{p}: ") and message in str(info.value)


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert read_jsonl(p) == [{"a": 1}, {"a": 2}]
