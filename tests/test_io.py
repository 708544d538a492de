"""Reading input: encodings, detection, and clear errors for bad input."""

from __future__ import annotations

import codecs
import io
import os
from pathlib import Path

import pytest

from jpnlp.errors import BinaryInputError, DecodeError, EmptyInputWarning, InputError, OutputError, UsageError
from jpnlp.io import (
    RawDocument,
    atomic_write,
    decode,
    list_inputs,
    read_inputs,
    read_path,
    read_stdin,
    spreadsheet_safe,
)  # fmt: skip

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


SHORT = {"half-width katakana": "ｶﾞﾝﾀﾞﾑ条約に署名した。", "NEC symbols": "①核兵器禁止条約に㈱が参加した。"}


@pytest.mark.parametrize(
    ("label", "encoding"),
    [(label, enc) for label in SHORT for enc in ("utf_16_le", "utf_16_be", "cp932", "euc_jp")
     if not (label == "NEC symbols" and enc == "euc_jp")],  # EUC-JP has no ① ㈱
)
def test_short_texts_with_half_width_katakana_and_nec_symbols(label: str, encoding: str) -> None:
    text, enc = decode(SHORT[label].encode(encoding), "x.txt")
    assert (text, enc) == (SHORT[label], codecs.lookup(encoding).name)


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


# -- hostile file systems (issue 12) -------------------------------------------


def _no_hang(seconds: int = 20):  # type: ignore[no-untyped-def]
    import signal

    def alarm(*_):  # type: ignore[no-untyped-def]
        raise TimeoutError("blocked")

    signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: os.mkfifo(d / "pipe.txt"), "not a regular file (a FIFO, device or socket)"),
        (lambda d: (d / "link.txt").symlink_to(d / "gone.txt"), "no such file"),
        (lambda d: (d / "zero.txt").symlink_to("/dev/zero"), "not a regular file (a FIFO, device or socket)"),
    ],
    ids=["a FIFO", "a dangling link", "a link to /dev/zero"],
)
@pytest.mark.parametrize("given", ["in a folder", "by name"])
def test_inputs_that_are_not_regular_files_are_reported(  # type: ignore[no-untyped-def]
    tmp_path: Path, make, message: str, given: str
) -> None:
    import signal

    (tmp_path / "ok.txt").write_text("条約", encoding="utf-8")
    make(tmp_path)
    odd = next(p for p in tmp_path.iterdir() if p.name != "ok.txt")
    _no_hang()
    try:
        items = list(read_inputs([tmp_path] if given == "in a folder" else [odd, tmp_path / "ok.txt"]))
    finally:
        signal.alarm(0)
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert errors == [f"{odd}: {message}"]
    assert [i.doc_id for i in items if not isinstance(i, InputError)] == ["ok"]


def _linked_folder(d: Path) -> None:
    (d.parent / "elsewhere").mkdir()
    (d.parent / "elsewhere" / "x.txt").write_text("条約", encoding="utf-8")
    (d / "linked").symlink_to(d.parent / "elsewhere", target_is_directory=True)


def _unreadable_folder(d: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (d / "locked").mkdir()
    (d / "locked" / "x.txt").write_text("条約", encoding="utf-8")
    locked = str(d / "locked")
    # tests may run as root, which reads a chmod 000 folder: deny it the way the OS would
    real_scandir, real_access = os.scandir, os.access

    def scandir(path="."):  # type: ignore[no-untyped-def]
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", lambda p, mode: os.fspath(p) != locked and real_access(p, mode))
    monkeypatch.setattr(Path, "glob", lambda self, pattern: iter([d / "ok.txt"]))  # glob skips it silently


@pytest.mark.parametrize(
    ("make", "name", "message"),
    [
        (lambda d, mp: _linked_folder(d), "linked", "a link to a folder, not followed (pass the folder itself to read it)"),
        (_unreadable_folder, "locked", "folder not readable (permission denied); its files were not read"),
    ],
    ids=["a link to a folder", "an unreadable folder"],
)
def test_folders_a_walk_passes_over_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make, name: str,
                                                 message: str) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "in"
    root.mkdir()
    (root / "ok.txt").write_text("条約", encoding="utf-8")
    make(root, monkeypatch)
    items = list(read_inputs([root]))
    assert [str(i) for i in items if isinstance(i, InputError)] == [f"{root / name}: {message}"]
    assert [i.doc_id for i in items if not isinstance(i, InputError)] == ["ok"]


def test_a_file_over_the_limit_is_refused_while_read(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 100)
    with pytest.raises(InputError, match="over the limit of 10 bytes"):
        read_path(p, max_bytes=10)


def test_file_names_that_are_not_utf8_are_escaped(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as fh:
        fh.write("条約".encode())
    (doc,) = read_inputs([tmp_path])
    assert isinstance(doc, RawDocument)
    assert doc.doc_id == "caf\\udce9" and doc.path == f"{tmp_path}/caf\\udce9.txt"
    doc.doc_id.encode("utf-8")  # writable as UTF-8 (JSON Lines, Parquet, stderr)


def test_two_files_with_one_document_id_are_refused(tmp_path: Path) -> None:
    for d in ("d1", "d2"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text("条約", encoding="utf-8")
    with pytest.raises(UsageError, match="would both be document 'a'; pass the folder that holds both"):
        list_inputs([tmp_path / "d1", tmp_path / "d2"])
    assert [f.name for f, _ in list_inputs([tmp_path])] == ["a.txt", "a.txt"]  # d1/a and d2/a


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("条約", encoding="utf-8")
    assert len(list_inputs([tmp_path, tmp_path, tmp_path / "a.txt"])) == 1


@pytest.mark.parametrize("data", [b"", b" \n", codecs.BOM_UTF8, codecs.BOM_UTF8 + "\u3000\n".encode()])
def test_empty_bom_only_and_blank_files_warn(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "e.txt"
    p.write_bytes(data)
    with pytest.warns(EmptyInputWarning, match="empty file"):
        read_path(p)


@pytest.mark.parametrize("glob", ["", "/etc/*.conf", "../x/*", "a/../../*", "~/*.txt"])
def test_globs_that_leave_the_folder_are_refused(tmp_path: Path, glob: str) -> None:
    with pytest.raises(UsageError, match="must be a relative pattern inside the input folder"):
        list_inputs([tmp_path], glob)


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx"])
def test_spreadsheet_safe_quotes_formulas(value: str) -> None:
    assert spreadsheet_safe(value) == "'" + value
    assert spreadsheet_safe("条約") == "条約" and spreadsheet_safe(-2) == -2


def test_an_output_under_a_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=f"cannot write: {tmp_path / 'afile'} is not a folder"), atomic_write(
        tmp_path / "afile" / "out"
    ) as fh:
        fh.write("x")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["米国と露国は条約を批准した", "条約", "核軍縮と不拡散"])
def test_utf16_without_bom_or_nul_bytes(codec: str, text: str) -> None:
    """Pure Japanese (no ASCII) in UTF-16 has no NUL byte; it was rejected or read as mojibake."""
    assert decode(text.encode(codec), "x.txt") == (text, codecs.lookup(codec).name)


@pytest.mark.parametrize("text", ["abcd", "The treaty entered into force.\n", "条約を批准した。"])
def test_utf8_is_not_taken_for_utf16(text: str) -> None:
    assert decode(text.encode("utf-8"), "x.txt") == (text, "utf-8")


def test_a_tree_too_deep_to_name_is_one_error(tmp_path: Path) -> None:
    fd = os.open(tmp_path, os.O_RDONLY)
    for _ in range(80):  # 80 × 61 characters: past PATH_MAX
        os.mkdir("d" * 60, dir_fd=fd)
        inner = os.open("d" * 60, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    os.close(fd)
    with pytest.raises(InputError, match="cannot list the folder: File name too long"):
        list_inputs([tmp_path])


def test_leftovers_of_a_killed_run_are_swept_and_nothing_else(tmp_path: Path) -> None:
    from jpnlp.io import make_temp, sweep_leftovers

    target = tmp_path / "out.jsonl"
    dead, fd = make_temp(target)
    os.close(fd)  # its process is gone: the lock with it
    live, live_fd = make_temp(target, folder=True)  # a run still writing
    (tmp_path / ".out.jsonl.backup.tmp").write_text("the user's own file\n", encoding="utf-8")
    try:
        sweep_leftovers(target)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, ".out.jsonl.backup.tmp"])
    finally:
        os.close(live_fd)


def test_a_corpus_folder_is_walked_without_its_real_text_collections(tmp_path: Path) -> None:
    from jpnlp.io import iter_paths

    (tmp_path / "manifest.json").write_text('{"documents": []}', encoding="utf-8")
    (tmp_path / "a.txt").write_text("本文。", encoding="utf-8")
    (tmp_path / "real" / "wiki").mkdir(parents=True)
    (tmp_path / "real" / "wiki" / "b.txt").write_text("本文。", encoding="utf-8")
    assert [f.name for f, _ in iter_paths([tmp_path])] == ["a.txt"]
    assert [f.name for f, _ in iter_paths([tmp_path / "real"])] == ["b.txt"]  # named: read
    (tmp_path / "manifest.json").unlink()  # not a corpus folder: every file under it
    assert sorted(f.name for f, _ in iter_paths([tmp_path])) == ["a.txt", "b.txt"]
