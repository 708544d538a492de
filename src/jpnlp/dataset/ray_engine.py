"""The ``ray`` engine of :func:`jpnlp.dataset.engines.map_ordered`: documents streamed to a pool of Ray actors.

Each actor loads the pipeline once (``init`` in its constructor: loading spaCy is
the expensive part) and then runs ``fn`` over the small batches it is handed.
The driver streams: it draws items from its iterable only while fewer than a
fixed window of batches is in flight, hands each new batch to the actor with
the least unfinished work, and yields the results in input order as they come
back (:func:`ordered_window`).  Neither the driver nor the object store ever
holds more than the window, so a corpus far larger than the driver's memory
builds in one go, byte-identical to a local build.

The driver (the ``jpnlp build`` process) reads the inputs, ships them to the
actors and writes every output file itself; the actors only compute.  Whatever
``fn`` and ``init`` open by path (a glossary, gold annotations) must therefore
exist at the same path on every node, and jpnlp must be installed there.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

# Small batches: documents vary widely in size, and one batch is the unit of work
# an actor takes, so big batches would leave actors idle behind one long document.
BATCH_SIZE = 1
# Batches in flight per actor: enough that an actor always has the next one queued
# (no round trip to the driver between documents), few enough that the driver holds little.
PER_ACTOR = 4

_MISSING = "the ray engine needs the 'ray' extra: pip install 'jpnlp[ray]'"

T = TypeVar("T")
H = TypeVar("H")
R = TypeVar("R")


class _Worker:
    """One actor of the pool: ``init`` once, then ``fn`` over every item of every batch."""

    def __init__(self, fn: Callable[[Any], Any], init: Callable[..., None], init_args: tuple[Any, ...]) -> None:
        init(*init_args)
        self._fn = fn

    def run(self, batch: list[Any]) -> bytes:
        # One in-band pickle (see _unpack): the driver's copy of the results owns its memory.
        return pickle.dumps([self._fn(x) for x in batch], protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(data: bytes) -> list[Any]:
    """A batch's results, as :meth:`_Worker.run` packed them.

    Ray would hand results that hold Arrow tables or numpy arrays back zero-copy: views into the object
    store, each pinning the whole object there as long as any piece of it lives.  The driver keeps small
    pieces for a long time (a document's one-row table until the ``documents`` row group fills, a slice
    waiting for the next 500 rows), so every result stayed pinned and the driver's resident memory grew
    with the corpus (the object store's pages it had read: about 1.6 MB per document).  Packed in-band,
    a result is copied once out of the store and the object is freed at once.
    """
    return pickle.loads(data)  # our own actors' bytes


def ordered_window(items: Iterable[T], submit: Callable[[T], H], result: Callable[[H], R], window: int) -> Iterator[R]:
    """``result(submit(item))`` for every item, in input order, with at most ``window`` submitted and not yet
    yielded: items are drawn from ``items`` only as results are consumed, so memory stays flat however many."""
    window = max(window, 1)
    pending: deque[H] = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ray_map_ordered(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    init: Callable[..., None],
    init_args: tuple[Any, ...] = (),
    *,
    workers: int = 1,
    address: str | None = None,
    batch_size: int = BATCH_SIZE,
    window: int | None = None,
    quiet: bool = True,
) -> Iterator[Any]:
    """``fn`` over ``items`` on a pool of ``workers`` Ray actors, results in input order.

    At most ``window`` batches of ``batch_size`` items (default ``PER_ACTOR`` per actor) are in flight at once.
    ``address=None`` uses Ray if this process already initialised it, a cluster named by
    ``RAY_ADDRESS`` if set, and otherwise a local instance started (and stopped) here;
    ``"auto"``, ``"host:6379"`` or ``"ray://host:10001"`` connect to a cluster.  ``fn`` and
    ``init`` must be importable module-level functions (actors unpickle them by reference).
    ``quiet`` keeps the workers' output and Ray's informational logging off.
    """
    try:
        import ray
    except ImportError as e:
        raise ImportError(_MISSING) from e

    workers = max(workers, 1)
    batches = _batches(items, max(batch_size, 1))
    first = next(batches, None)
    if first is None:
        return  # nothing to do: do not start Ray for it

    started = _connect(ray, workers, address, quiet)
    actors: list[Any] = []
    try:
        remote = ray.remote(_Worker).options(num_cpus=_cpus_per_actor(ray, workers))
        actors = [remote.remote(fn, init, tuple(init_args)) for _ in range(workers)]
        balance = _Balancer(ray, actors)
        window = window or PER_ACTOR * workers
        for results in ordered_window(_chain(first, batches), balance.submit, balance.result, window):
            yield from results
    finally:
        for actor in actors:
            ray.kill(actor)  # stops the pool now when the caller stopped early (or a batch failed)
        if started:
            ray.shutdown()


def _chain(first: T, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield from rest


class _Balancer:
    """Hands each batch to the actor with the fewest unfinished batches (documents vary widely in length)."""

    def __init__(self, ray: Any, actors: list[Any]) -> None:
        self.ray = ray
        self.actors = actors
        self.unfinished: dict[Any, int] = {}  # ref -> index of the actor that runs it

    def submit(self, batch: list[Any]) -> Any:
        if len(self.unfinished) >= len(self.actors):
            # Drop what has finished (not fetched: the driver takes results only in input order).
            refs = list(self.unfinished)
            done, _ = self.ray.wait(refs, num_returns=len(refs), timeout=0, fetch_local=False)
            for ref in done:
                del self.unfinished[ref]
        load = [0] * len(self.actors)
        for i in self.unfinished.values():
            load[i] += 1
        i = load.index(min(load))
        ref = self.actors[i].run.remote(batch)
        self.unfinished[ref] = i
        return ref

    def result(self, ref: Any) -> list[Any]:
        from ..errors import WorkerError

        self.unfinished.pop(ref, None)
        try:
            return _unpack(self.ray.get(ref))
        except self.ray.exceptions.RayActorError as e:
            if getattr(e, "actor_init_failed", False):
                raise  # init's own error (no model, a bad glossary): the user must see it
            raise WorkerError(
                "a Ray actor stopped (killed, out of memory, or its node lost); the documents finished so far "
                "are kept: run the same command with --resume to go on"
            ) from None


def _connect(ray: Any, workers: int, address: str | None, quiet: bool) -> bool:
    """Make sure Ray is initialised; True when this call did it (and so must shut it down)."""
    if ray.is_initialized():
        return False
    target = address or os.environ.get("RAY_ADDRESS") or None
    if target and target.startswith("ray://"):
        ray.init(address=target)  # Ray Client refuses most driver options
        return True
    ray_logger = logging.getLogger("ray")
    level = ray_logger.level
    kwargs: dict[str, Any] = {"log_to_driver": not quiet, "ignore_reinit_error": True}
    if quiet:
        # Hides the start-up banner and the notice that a local instance uses token auth;
        # ray.init sets the "ray" logger's level, put back below.
        kwargs["logging_level"] = logging.ERROR
    try:
        if target:
            ray.init(address=target, **kwargs)
        else:
            # "local", not None: None would join a `ray start` cluster found on this machine,
            # which then refuses num_cpus.
            ray.init(address="local", num_cpus=workers, include_dashboard=False, **kwargs)
    finally:
        if quiet:
            ray_logger.setLevel(level)
    return True


def _cpus_per_actor(ray: Any, workers: int) -> float:
    """One CPU per actor, or a share when the cluster has fewer CPUs than ``workers``.

    Actors that ask for more than the cluster has wait for ever; sharing CPUs only oversubscribes them.
    """
    cpus = float(ray.cluster_resources().get("CPU", 0)) or 1.0
    return min(1.0, cpus / workers)
