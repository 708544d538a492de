"""Keeping the build's own memory flat: Arrow's buffers go back to the system as soon as they are freed.

pyarrow's default memory pool (mimalloc or jemalloc) keeps freed buffers for reuse.
The build makes many short-lived Arrow tables of varying size (a row group of each
split every few hundred rows, then the ``datasets`` copy of every split), and the
pool's high-water mark then rises with the corpus although no more is live at once.
The system allocator returns freed memory: peak memory stays what is really in use.
The allocator changes no byte of any output.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


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
