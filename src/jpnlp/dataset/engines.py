"""Where the per-document work runs: in this process, in a local process pool, or on Ray.

Every engine has the same contract, :func:`map_ordered`: call ``init(*init_args)``
once per worker (it loads the pipeline), then ``fn(item)`` for every item, and
yield the results **in input order** — so the output of a build does not depend
on the engine or the number of workers.  ``fn`` must not raise (the build wraps
its work so that a failing document becomes an error record).

Where processes fork (:func:`forks`), the local pool runs ``init`` once in this
process and forks the workers after it: they share the loaded pipeline copy-on-write
instead of each loading it again.  Items and results cross the process boundary
pickled, so ``fn`` should take plain data (paths, text) and return encoded output.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

ENGINES = ("local", "ray")


def forks() -> bool:
    """Whether local workers are forked from this process (and so inherit what it has loaded)."""
    return hasattr(os, "fork")


def check_workers(workers: int, engine: str = "local") -> None:
    """Each local worker loads the pipeline: a typo must not fork 10,000 of them."""
    from ..errors import UsageError

    cpus = os.cpu_count() or 1
    if engine == "local" and workers > max(2, 2 * cpus):
        raise UsageError(f"--workers {workers}: more than twice the {cpus} CPUs of this machine")


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
    yield from _pool_map_ordered(fn, items, init, init_args, workers)


def _pool_map_ordered(
    fn: Callable[[Any], Any], items: Iterable[Any], init: Callable[..., None], init_args: tuple[Any, ...], workers: int
) -> Iterator[Any]:
    """A local process pool with a bounded window of documents in flight.

    Unlike ``multiprocessing.Pool``, a worker that dies (killed, out of memory) stops the run with
    :class:`~jpnlp.errors.WorkerError` instead of waiting for it forever; Ctrl-C reaches only this
    process (workers ignore SIGINT) and stops the workers at once.
    """
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from ..errors import WorkerError

    if forks():
        # Load once here; the forked workers share it (modules and pipeline) copy-on-write.
        init(*init_args)
        ctx, initargs = mp.get_context("fork"), (None,)
    else:
        ctx, initargs = mp.get_context(), (init, *init_args)
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init, initargs=initargs)
    pending: deque[Future[Any]] = deque()
    window = 4 * workers  # documents vary widely in size: a few queued per worker keeps them all busy
    try:
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        _stop(pool)
        raise WorkerError(
            "a worker process stopped (killed, or out of memory); the documents finished so far are kept: "
            "run the same command with --resume to go on"
        ) from None
    except BaseException:  # Ctrl-C, an error, or the consumer stopped early
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _worker_init(init: Callable[..., None] | None, *args: Any) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if init is not None:  # None: forked after the parent ran it
        init(*args)


def _stop(pool: Any) -> None:
    """Stop a process pool now: queued documents dropped, running ones killed."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
    else:
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            proc.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
