"""The resume journal: keys, crash-cut lines, locking."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from jpnlp.errors import OutputError
from jpnlp.journal import Journal, content_key, settings_key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (("s", "d1", "本文"), ("s", "d1", "本文"), True),
        (("s", "d1", "本文"), ("s", "d1", "本文。"), False),  # an edited document
        (("s", "d1", "本文"), ("s", "d2", "本文"), False),  # the same text under another id
        (("s", "d1", "本文"), ("t", "d1", "本文"), False),  # other settings
        (("s", "d1x", "y"), ("s", "d1", "xy"), False),  # parts are separated, not concatenated
    ],
)
def test_content_key(a: tuple[str, str, str], b: tuple[str, str, str], same: bool) -> None:
    assert (content_key(*a) == content_key(*b)) is same


def test_settings_key_ignores_dict_order() -> None:
    assert settings_key({"a": 1, "b": [1, 2]}) == settings_key({"b": [1, 2], "a": 1})
    assert settings_key({"a": 1}) != settings_key({"a": 2})


def test_entries_survive_a_new_run_and_a_cut_line_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    with Journal(folder) as j:
        j.add("k1", {"rows": [["文", None]], "n": 1})
        j.add("k2", {"text": "\ud800 lone surrogate"})
    # a crash in the middle of writing the third entry
    with (folder / "entries-00000.jsonl").open("ab") as fh:
        fh.write(b'{"key": "k3", "value": {"rows": [')
    with Journal(folder, resume=True) as j:
        assert j.resumed == 2 and "k3" not in j
        assert j.get("k1") == {"rows": [["文", None]], "n": 1}
        assert j.get("k2") == {"text": "\ud800 lone surrogate"}
        j.add("k3", {"n": 3})
        assert j.get("k3") == {"n": 3}
    with Journal(folder, resume=True) as j:
        assert sorted(j.index) == ["k1", "k2", "k3"]
    with Journal(folder) as j:  # no resume: a fresh journal
        assert len(j) == 0


def test_two_runs_cannot_share_a_journal(tmp_path: Path) -> None:
    with Journal(tmp_path / "j") as j:
        j.add("k", 1)
        for resume in (True, False):
            with pytest.raises(OutputError, match="another run is using this resume journal"):
                Journal(tmp_path / "j", resume=resume)
        assert j.get("k") == 1


def test_discard_removes_the_folder(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j")
    j.add("k", 1)
    j.discard()
    assert not (tmp_path / "j").exists()


def _shaped(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("rows"), list)


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (lambda line: line.replace("本文", "改竄"), "checksum mismatch"),  # valid JSON, altered text
        (lambda line: line.replace('"sha256":"', '"sha256":"0'), "checksum mismatch"),
        (lambda line: '{"key":"k1","value":{"rows":["x"]}}\n', "checksum mismatch"),  # no checksum (an old journal)
        (lambda line: '{"key":"k1","sha256":"%s","value":null}\n' % _sum(None), "unexpected value"),
        (lambda line: '{"key":"k1","sha256":"%s","value":{"n":1}}\n' % _sum({"n": 1}), "unexpected value"),
        (lambda line: '["k1"]\n', "not a journal entry"),
        (lambda line: '{"key": 5, "value": 1}\n', "not a journal entry"),
        (lambda line: "k1 本文\n", "not JSON"),
    ],
)
def test_a_damaged_entry_is_ignored_with_a_warning(  # type: ignore[no-untyped-def]
    tmp_path: Path, edit, why: str
) -> None:
    from jpnlp.errors import JournalWarning

    folder = tmp_path / "j"
    with Journal(folder) as j:
        j.add("k1", {"rows": ["本文"]})
        j.add("k2", {"rows": ["別文"]})
    path = folder / "entries-00000.jsonl"
    first, second = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(edit(first) + second, encoding="utf-8")
    with pytest.warns(JournalWarning, match=f"1 damaged entry ignored \\(line 1: {why}\\)"), Journal(
        folder, resume=True, valid=_shaped
    ) as j:
        assert "k1" not in j and j.get("k2") == {"rows": ["別文"]}
        j.add("k1", {"rows": ["本文"]})  # recomputed
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", JournalWarning)  # line 1 is still there, superseded
        with Journal(folder, resume=True, valid=_shaped) as j:
            assert j.get("k1") == {"rows": ["本文"]}


def _sum(value: object) -> str:
    from jpnlp.journal import _canonical, _checksum

    return _checksum(_canonical(value))
