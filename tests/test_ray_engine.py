"""The ray engine: same contract as the local one (input order, ``init`` once per worker, any picklable item).

One local Ray instance serves the whole module: starting Ray and each actor pool costs
seconds on a small CI machine, so every test that runs a pool runs just one.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")

from jpnlp.dataset.ray_engine import PER_ACTOR, _cpus_per_actor, ordered_window, ray_map_ordered

from .conftest import CORPUS_DOC


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    if started:
        ray.shutdown()


# -- toy work, module-level so that actors can unpickle it by reference ---------

_INITS = 0


def count_init(tag: str) -> None:
    global _INITS
    _INITS += 1
    assert tag == "loaded"


def who(i: int) -> tuple[int, int, int]:
    """The item, the actor's pid and how often its init ran.

    A few items are slow and the rest sleep a seeded few ms, so that the actors finish out of input order
    (without ``preserve_order`` this test fails).
    """
    time.sleep(0.4 if i % 50 == 3 else random.Random(i).uniform(0, 0.005))
    return i, os.getpid(), _INITS


def no_init() -> None:
    pass


def broken_init() -> None:
    raise OSError("no model here")


def die_on_3(i: int) -> int:
    if i == 3:
        os._exit(1)  # as if killed, or out of memory
    return i


@dataclass
class Record:
    doc_id: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    note: str | None = None


def echo(item: Any) -> dict[str, Any]:
    """A result shaped like a build's: nested, ragged, with None and bools."""
    return {"in": item, "type": type(item).__name__, "ok": item is not None}


# -- the contract ---------------------------------------------------------------


class Counted:
    """An iterable that counts the items drawn from it (the driver must not read ahead of its window)."""

    def __init__(self, n: int) -> None:
        self.n, self.drawn = n, 0

    def __iter__(self) -> Iterator[int]:
        for i in range(self.n):
            self.drawn += 1
            yield i


def test_order_kept_and_init_runs_once_per_actor() -> None:
    items = Counted(200)
    out = []
    for result in ray_map_ordered(who, items, count_init, ("loaded",), workers=2):
        out.append(result)
        assert items.drawn - len(out) <= PER_ACTOR * 2  # streamed: never the whole input in the driver
    assert [i for i, _, _ in out] == list(range(200))
    inits = {pid: n for _, pid, n in out}
    assert len(inits) == 2  # the pool really has `workers` actors
    assert set(inits.values()) == {1}  # and each loaded its pipeline once, not per item or batch


ROUND_TRIPS: list[Any] = [
    None,
    True,
    False,
    0,
    "",
    "ＳＴＡＲＴⅡ条約",
    [],
    {"rows": [{"a": 1}, {"b": [1, 2, {"c": None}]}], "n": 2.5},
    (1, "x", None),
    Record("d1", [{"start": 0, "end": 3, "label": "TREATY", "meta": {"en": None}}], note="ok"),
    Record("d2"),
    {"error": "ValueError: bad", "path": None},
]


def test_any_picklable_item_and_result_round_trips() -> None:
    # batch_size 5 over 12 items: blocks of 4, so batches span blocks and the last one is short.
    out = list(ray_map_ordered(echo, ROUND_TRIPS, no_init, workers=2, batch_size=5))
    assert out == [echo(x) for x in ROUND_TRIPS]


def big_array(i: int) -> Any:
    """A result over Ray's inline limit (100 KB): it travels through the object store."""
    import numpy

    return numpy.full(50_000, i, dtype="int64")


def test_results_are_the_drivers_own_copies_not_views_of_the_object_store() -> None:
    # A zero-copy view (read-only) would pin its whole object in the store for as long as the driver keeps
    # any piece of it: the driver's memory then grows with the corpus.
    out = list(ray_map_ordered(big_array, range(3), no_init, workers=2))
    assert [int(a[0]) for a in out] == [0, 1, 2]
    assert all(a.flags.writeable for a in out)


def test_stopping_early_stops_the_pool() -> None:
    results = ray_map_ordered(echo, range(50), no_init, workers=1)
    assert [next(results)["in"] for _ in range(3)] == [0, 1, 2]
    results.close()
    assert ray.is_initialized()  # the caller's Ray instance is left alone
    # ... but the actor is gone: its CPU is free again.
    deadline = time.monotonic() + 20
    while ray.available_resources().get("CPU", 0) < ray.cluster_resources()["CPU"] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert ray.available_resources().get("CPU", 0) == ray.cluster_resources()["CPU"]


def test_a_failing_init_fails_the_run_instead_of_hanging() -> None:
    with pytest.raises(ray.exceptions.RayActorError, match="no model here"):
        list(ray_map_ordered(echo, range(5), broken_init, workers=1))


def test_an_actor_that_dies_mid_run_stops_it_with_one_line() -> None:
    from jpnlp.errors import WorkerError

    with pytest.raises(WorkerError, match="--resume"):
        list(ray_map_ordered(die_on_3, range(10), no_init, workers=1))


@pytest.mark.parametrize("items", [[], iter(())], ids=["list", "iterator"])
def test_no_items_no_results(items: Any) -> None:
    assert list(ray_map_ordered(echo, items, no_init, workers=2)) == []


# -- the window, with a fake remote: no Ray needed --------------------------------


@pytest.mark.parametrize(("n", "window"), [(0, 3), (1, 3), (10, 1), (10, 3), (10, 10), (10, 50), (7, 0)])
def test_window_bounds_documents_in_flight_and_keeps_order(n: int, window: int) -> None:
    in_flight: set[int] = set()
    most = 0
    items = Counted(n)

    def submit(item: int) -> int:
        nonlocal most
        in_flight.add(item)
        most = max(most, len(in_flight))
        return item

    def result(handle: int) -> str:
        in_flight.remove(handle)
        return f"r{handle}"

    out = []
    for r in ordered_window(items, submit, result, window):
        out.append(r)
        assert items.drawn - len(out) < max(window, 1)  # the input is read lazily, just ahead of the output
    assert out == [f"r{i}" for i in range(n)]
    assert most <= max(window, 1)
    assert most == min(n, max(window, 1))  # and the window is used: the pool is kept busy
    assert not in_flight


@pytest.mark.parametrize(
    ("cluster_cpus", "workers", "expected"),
    [(2.0, 2, 1.0), (2.0, 1, 1.0), (2.0, 4, 0.5), (16.0, 4, 1.0), (0.0, 2, 0.5)],
)
def test_actors_ask_for_no_more_cpus_than_the_cluster_has(cluster_cpus: float, workers: int, expected: float) -> None:
    class FakeRay:
        @staticmethod
        def cluster_resources() -> dict[str, float]:
            return {"CPU": cluster_cpus}

    assert _cpus_per_actor(FakeRay, workers) == expected


def test_without_ray_a_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    monkeypatch.setitem(sys.modules, "ray.data", None)
    with pytest.raises(ImportError, match=r"pip install 'jpnlp\[ray\]'"):
        list(ray_map_ordered(echo, [1], no_init))


# -- a real build: the ray engine gives the same bytes as the local one ---------


def _comparable(path: Path) -> bytes:
    """The file's bytes, less what legitimately differs between two builds in different folders."""
    if path.name == "build.json":
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("engine", None)
        data.get("build", {}).pop("engine", None)
        return json.dumps(data, sort_keys=True).encode()
    if path.name == "state.json":  # the datasets cache fingerprint hashes the build's temporary path
        data = json.loads(path.read_text(encoding="utf-8"))
        data.pop("_fingerprint", None)
        return json.dumps(data, sort_keys=True).encode()
    return path.read_bytes()


def test_ray_build_is_byte_identical_to_local(tmp_path: Path) -> None:
    from jpnlp.dataset import build_dataset

    paragraphs = [p.strip() for p in CORPUS_DOC.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(paragraphs[:12]):  # 12 documents: the split is by document
        (corpus / f"d{i:02d}.txt").write_text(text + "\n", encoding="utf-8")

    local = build_dataset([corpus], tmp_path / "local", fast=True, engine="local").path
    on_ray = build_dataset([corpus], tmp_path / "ray", fast=True, engine="ray", workers=2).path

    files = sorted(str(p.relative_to(local)) for p in local.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(on_ray)) for p in on_ray.rglob("*") if p.is_file())
    for expected in ("README.md", "build.json", "conll/train.conll", "data/train-00000-of-00001.parquet"):
        assert expected in files
    assert any(f.startswith("spacy/") for f in files)
    differ = [f for f in files if _comparable(local / f) != _comparable(on_ray / f)]
    assert differ == []
    assert json.loads((on_ray / "build.json").read_text(encoding="utf-8"))["documents"] == 12
