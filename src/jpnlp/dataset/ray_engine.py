"""The ``ray`` engine of :func:`jpnlp.dataset.engines.map_ordered`: documents on a Ray Data actor pool.

Each actor loads the pipeline once (``init`` in its constructor: loading spaCy is
the expensive part) and then runs ``fn`` over the small batches it is handed.
Items and results cross Ray Data as pickled ``bytes`` columns, so Arrow never has
to infer a schema from ragged nested rows, and ``preserve_order`` keeps the
results in input order: a Ray build is byte-identical to a local one.

The driver (the ``jpnlp build`` process) reads the inputs, ships them to the
actors and writes every output file itself; the actors only compute.  Whatever
``fn`` and ``init`` open by path (a glossary, gold annotations) must therefore
exist at the same path on every node, and jpnlp must be installed there.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

# Small batches: documents vary widely in size, and one batch is the unit of work
# an actor takes, so big batches would leave actors idle behind one long document.
BATCH_SIZE = 1

_MISSING = "the ray engine needs the 'ray' extra: pip install 'jpnlp[ray]'"


class _Worker:
    """One actor of the pool: ``init`` once, then ``fn`` over every item of every batch."""

    def __init__(self, fn: Callable[[Any], Any], init: Callable[..., None], init_args: tuple[Any, ...]) -> None:
        init(*init_args)
        self._fn = fn

    def __call__(self, batch: pa.Table) -> pa.Table:
        import pyarrow as pa

        results = [pickle.dumps(self._fn(pickle.loads(b)), pickle.HIGHEST_PROTOCOL) for b in batch["item"].to_pylist()]
        return pa.table({"result": pa.array(results, type=pa.binary())})


def ray_map_ordered(
    fn: Callable[[Any], Any],
    items: Iterable[Any],
    init: Callable[..., None],
    init_args: tuple[Any, ...] = (),
    *,
    workers: int = 1,
    address: str | None = None,
    batch_size: int = BATCH_SIZE,
    quiet: bool = True,
) -> Iterator[Any]:
    """``fn`` over ``items`` on a pool of ``workers`` Ray actors, results in input order.

    ``address=None`` uses Ray if this process already initialised it, a cluster named by
    ``RAY_ADDRESS`` if set, and otherwise a local instance started (and stopped) here;
    ``"auto"``, ``"host:6379"`` or ``"ray://host:10001"`` connect to a cluster.  ``fn`` and
    ``init`` must be importable module-level functions (actors unpickle them by reference).
    ``quiet`` keeps Ray's progress bars and informational logging off.
    """
    try:
        import ray
        from ray.data import ActorPoolStrategy, DataContext
    except ImportError as e:
        raise ImportError(_MISSING) from e
    with warnings.catch_warnings():
        # Ray 2.60's DataContext() assigns its own deprecated fields and warns about them.
        warnings.simplefilter("ignore", DeprecationWarning)
        DataContext.get_current()

    workers = max(workers, 1)
    # The whole input is handed to Ray Data up front (a dataset cannot grow), pickled
    # once here so that arbitrary objects pass through Arrow as opaque bytes.
    payload = [{"item": pickle.dumps(x, pickle.HIGHEST_PROTOCOL)} for x in items]
    if not payload:
        return  # nothing to do: do not start Ray for it
    batch_size = max(batch_size, 1)

    started = _connect(ray, workers, address, quiet)
    try:
        with _quiet_ray_data(quiet):
            # One block per batch, so that every batch can go to a different actor.
            ds = ray.data.from_items(payload, override_num_blocks=math.ceil(len(payload) / batch_size))
            del payload  # the blocks are in the object store now
            ctx = ds.context  # this dataset's own copy: the global DataContext stays untouched
            ctx.execution_options.preserve_order = True
            if quiet:
                ctx.enable_progress_bars = False
                ctx.print_on_execution_start = False
            ds = ds.map_batches(
                _Worker,
                fn_constructor_args=(fn, init, tuple(init_args)),
                batch_size=batch_size,
                batch_format="pyarrow",
                # A fixed pool: exactly `workers` actors, each loading the pipeline once.
                # (`concurrency=` is deprecated since Ray 2.51 in favour of `compute=`.)
                compute=ActorPoolStrategy(size=workers),
                num_cpus=_cpus_per_actor(ray, workers),
            )
            # iter() for the generator itself: the iterable that iter_batches returns has no close().
            batches = iter(ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=1))
            try:
                for table in batches:
                    for blob in table["result"].to_pylist():
                        yield pickle.loads(blob)
            finally:
                close = getattr(batches, "close", None)
                if close is not None:
                    close()  # stops the pool now when the caller stopped early
    finally:
        if started:
            ray.shutdown()


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

    A fixed pool that asks for more than the cluster has waits for ever; sharing
    CPUs only oversubscribes them.
    """
    cpus = float(ray.cluster_resources().get("CPU", 0)) or 1.0
    return min(1.0, cpus / workers)


@contextmanager
def _quiet_ray_data(quiet: bool) -> Iterator[None]:
    """Ray Data's console logging at WARNING (its log file keeps everything) while ``quiet``."""
    if not quiet:
        yield
        return
    consoles = [
        h
        for h in logging.getLogger("ray.data").handlers
        if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
    ]
    levels = [h.level for h in consoles]
    # Its only messages say that progress bars are off or go to the log: we turned them off.
    progress = logging.getLogger("ray.data._internal.progress")
    progress_level = progress.level
    for h in consoles:
        h.setLevel(max(h.level, logging.WARNING))
    progress.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for h, level in zip(consoles, levels):
            h.setLevel(level)
        progress.setLevel(progress_level)
