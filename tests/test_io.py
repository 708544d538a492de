"""Reading input: encodings, detection, and clear errors for bad input."""

from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import pytest

from jpnlp.errors import BinaryInputError, DecodeError, EmptyInputWarning, InputError, OutputError
from jpnlp.io import atomic_write, decode, read_inputs, read_path, read_stdin

TEXT = "ロシア下院は４月１４日に、ＳＴＡＲＴ条約批准関連法を賛成２８８、反対１３１、棄権４で可決した。\n"

ENCODINGS = [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    ("utf-16 with BOM", TEXT.encode("utf-16"), "utf-16"),
    ("utf-16-le without BOM", TEXT.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be without BOM", TEXT.encode("utf-16-be"), "utf-16-be"),
    ("shift_jis", TEXT.encode("shift_jis"), "cp932"),
    ("cp932", TEXT.encode("cp932"), "cp932"),
    ("euc-jp", TEXT.encode("euc_jp"), "euc_jp"),
    ("iso-2022-jp", TEXT.encode("iso2022_jp"), "iso2022_jp"),
]


@pytest.mark.parametrize(("name", "data", "expected_encoding"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_detects_japanese_encodings(name: str, data: bytes, expected_encoding: str) -> None:
    text, enc = decode(data, "x.txt")
    assert text == TEXT
    assert enc == codecs.lookup(expected_encoding).name


def test_roman_numerals_in_euc_need_jis_x_0213() -> None:
    data = "ＳＴＡＲＴⅡ条約の批准".encode("euc_jis_2004")
    text, enc = decode(data, "x.txt")
    assert text == "ＳＴＡＲＴⅡ条約の批准"
    assert enc == "euc_jis_2004"


def test_forced_encoding() -> None:
    assert decode("米国".encode("cp932"), "x.txt", "shift_jis") == ("米国", "shift_jis")


def test_forced_encoding_that_does_not_fit_names_file_and_offset() -> None:
    with pytest.raises(DecodeError) as info:
        decode("abc米国".encode("cp932"), "dir/x.txt", "utf-8")
    assert str(info.value) == "dir/x.txt: cannot decode as utf-8: invalid bytes at byte offset 3 (invalid start byte)"
    assert info.value.offset == 3


def test_unknown_encoding_name() -> None:
    with pytest.raises(InputError, match=r"^x.txt: unknown encoding 'klingon'$"):
        decode(b"abc", "x.txt", "klingon")


def test_binary_file_is_refused_with_offset() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(BinaryInputError) as info:
        decode(png, "img.png")
    assert info.value.offset == 8
    assert str(info.value) == "img.png: binary data, not text (NUL byte at byte offset 8)"


def test_control_bytes_without_nul_are_binary() -> None:
    data = bytes([0x01, 0x02, 0x03, 0x04, 0x05]) * 40
    with pytest.raises(BinaryInputError, match="control bytes"):
        decode(data, "blob")


def test_undecodable_bytes_report_first_bad_offset() -> None:
    data = "核兵器".encode() + b"\x80\x80\xff\xfe\x80" * 3
    with pytest.raises(DecodeError) as info:
        decode(data, "bad.txt")
    assert info.value.offset == 9
    assert "bad.txt: cannot decode in any supported Japanese encoding: invalid bytes at byte offset 9" in str(info.value)


def test_empty_file_gives_empty_document_and_warning(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.warns(EmptyInputWarning, match="empty.txt: empty file"):
        doc = read_path(p)
    assert doc.text == ""
    assert doc.doc_id == "empty"


def test_missing_file_and_directory_as_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_path(tmp_path)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 2000)
    with pytest.raises(InputError, match="big.txt: file is 2000 bytes, over the limit of 1000 bytes"):
        read_path(p, max_bytes=1000)


def test_directory_with_one_bad_file_reads_the_others(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("米国。", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes("ロシア。".encode("cp932"))
    (tmp_path / "sub" / "c.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "ignored.md").write_text("not read", encoding="utf-8")
    items = list(read_inputs([tmp_path]))
    ok = [(d.doc_id, d.text, d.encoding) for d in items if not isinstance(d, InputError)]
    bad = [str(e) for e in items if isinstance(e, InputError)]
    assert ok == [("a", "米国。", "utf-8"), ("sub/b", "ロシア。", "cp932")]
    assert bad == [f"{tmp_path / 'sub' / 'c.txt'}: binary data, not text (NUL byte at byte offset 0)"]


def test_stdin() -> None:
    doc = read_stdin(stream=io.BytesIO("米国。".encode("euc_jp")))
    assert (doc.doc_id, doc.text, doc.encoding) == ("stdin", "米国。", "euc_jp")


def test_atomic_write_keeps_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write("partial")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.txt"]  # no temporary file left behind


def test_atomic_write_into_unwritable_place(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"), atomic_write(blocker / "out.txt") as fh:
        fh.write("never")
