"""Where the per-document work runs: in this process, in a local process pool, or on Ray.

Every engine has the same contract, :func:`map_ordered`: call ``init(*init_args)``
once per worker (it loads the pipeline), then ``fn(item)`` for every item, and
yield the results **in input order** — so the output of a build does not depend
on the engine or the number of workers.  ``fn`` must not raise (the build wraps
its work so that a failing document becomes an error record).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

ENGINES = ("local", "ray")


def map_ordered(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    init: Callable[..., None],
    init_args: tuple[Any, ...] = (),
    workers: int = 1,
    engine: str = "local",
    address: str | None = None,
) -> Iterator[Any]:
    """``fn`` over ``items`` on ``engine`` with ``workers`` workers, results in input order."""
    if engine == "ray":
        from .ray_engine import ray_map_ordered

        yield from ray_map_ordered(fn, items, init, init_args, workers=workers, address=address)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if workers <= 1:
        init(*init_args)
        yield from (fn(item) for item in items)
        return
    import multiprocessing as mp

    # fork shares the parent's loaded modules copy-on-write; spawn elsewhere.
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    pool = ctx.Pool(workers, initializer=init, initargs=init_args)
    try:
        # chunksize 1: documents vary widely in size, so hand them out one at a time.
        yield from pool.imap(fn, items, chunksize=1)
    finally:
        pool.close()
        pool.join()
