"""The build's memory helpers: they change where memory comes from and when it goes back, never any value."""

from __future__ import annotations

import pyarrow as pa
import pytest

from jpnlp.dataset.memory import release_freed, system_arrow_pool


def test_system_pool_inside_the_block_and_the_previous_one_after() -> None:
    before = pa.default_memory_pool().backend_name
    with system_arrow_pool():
        assert pa.default_memory_pool().backend_name == "system"
        inside = pa.array([f"条約{i}" for i in range(1000)])
    assert pa.default_memory_pool().backend_name == before
    # an array made inside outlives the block and is still whole (its buffers remember their own pool)
    assert inside.to_pylist()[999] == "条約999"
    del inside


def test_the_previous_pool_comes_back_after_an_error() -> None:
    before = pa.default_memory_pool().backend_name
    with pytest.raises(KeyError), system_arrow_pool():
        raise KeyError("x")
    assert pa.default_memory_pool().backend_name == before


def test_release_freed_keeps_live_objects() -> None:
    live = [{"tokens": ["新", "START", "条約"]} for _ in range(10_000)]
    release_freed()  # on glibc, malloc_trim; elsewhere only gc
    assert live[-1]["tokens"][2] == "条約"


def test_batches_pack_many_small_tables_and_keep_the_batch_boundaries() -> None:
    from jpnlp.dataset.writers import Batches

    schema = pa.schema([("i", pa.int64()), ("s", pa.string())])
    batches = Batches(schema, batch_rows=150)
    out = []
    for i in range(400):  # one-row tables, as the documents table gets them
        out += batches.add(pa.table({"i": [i], "s": [None if i % 7 == 0 else f"行{i}"]}, schema=schema))
        assert len(batches.tables) < Batches.MAX_TABLES
    rest = batches.rest()
    assert [b.num_rows for b in out] == [150, 150] and rest is not None and rest.num_rows == 100
    assert pa.concat_tables([*out, rest]).to_pydict() == {"i": list(range(400)),
                                                          "s": [None if i % 7 == 0 else f"行{i}" for i in range(400)]}  # fmt: skip
