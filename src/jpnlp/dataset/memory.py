"""Keeping the build's own memory flat: Arrow's buffers go back to the system as soon as they are freed.

pyarrow's default memory pool (mimalloc or jemalloc) keeps freed buffers for reuse.
The build makes many short-lived Arrow tables of varying size (a row group of each
split every few hundred rows, then the ``datasets`` copy of every split), and the
pool's high-water mark then rises with the corpus although no more is live at once.
The system allocator returns freed memory: peak memory stays what is really in use.

The writers' buffers (row groups, DocBin shards) are many small Python objects; once
they are freed, :func:`release_freed` hands the pages they leave free back to the
system before the ``datasets`` copy, whose Arrow buffers are large allocations that
could not reuse them.  Neither changes a byte of any output.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def system_arrow_pool() -> Iterator[None]:
    """Arrow allocates from the system allocator inside the block; the previous default pool is restored after."""
    import pyarrow as pa

    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)  # buffers remember their own pool: freeing them later is safe


def release_freed() -> None:
    """Collect garbage and return the C heap's free pages to the system (glibc's ``malloc_trim``; a no-op elsewhere)."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim():  # type: ignore[no-untyped-def]
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS, Windows)
        return None
