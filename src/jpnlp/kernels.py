"""Matrix kernels for GiNZA's CPU inference: thinc's blis gemm or numpy's, whichever is faster here.

thinc's ``NumpyOps`` multiplies matrices with its bundled blis.  On many CPUs numpy's BLAS (OpenBLAS)
is several times faster on the shapes of GiNZA's CNN tok2vec, and ``NumpyOps(use_blis=False)`` uses
it for ``gemm`` and nothing else.  A model takes its ops when it is built, so :func:`ops_for_loading`
is entered around ``spacy.load``; other models in the process keep theirs.  Both kernels compute the
same products up to float rounding; tests check that entities, tokens and datasets are identical.

The choice: ``JPNLP_KERNELS`` (``auto``, ``numpy``, ``blis``) in the environment, else ``auto``, which
times both once per process on a representative product and keeps the faster.

:func:`blas_threads` keeps OpenBLAS on one thread while GiNZA runs (``JPNLP_BLAS_THREADS``, default 1; 0
leaves OpenBLAS's own setting).  GiNZA's products are small (a few hundred tokens × 768 × 768 for a short
document): waking a second thread costs more than it saves, and on a busy machine far more (62 ms against
1 ms for 100 tokens on the 2-core development machine under load); jpnlp's commands run one process per core
anyway.  A thread computes the same sums either way, so the output is the same.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Literal

import numpy
from thinc.api import NumpyOps, get_current_ops, set_current_ops

Kernel = Literal["numpy", "blis"]
KERNELS = ("auto", "numpy", "blis")
# GiNZA's tok2vec maxout: a batch of tokens (rows) × window·width (288) → width·pieces
_PROBE_SHAPE = (2048, 288, 288)


def blas_thread_limit() -> int:
    """OpenBLAS's threads while GiNZA runs: ``JPNLP_BLAS_THREADS``, else 1; 0 is no limit."""
    value = os.environ.get("JPNLP_BLAS_THREADS", "").strip() or "1"
    if not value.isdigit():
        raise ValueError(f"JPNLP_BLAS_THREADS must be a whole number, not {value!r}")
    return int(value)


@contextmanager
def blas_threads(limit: int | None = None) -> Iterator[None]:
    """OpenBLAS (numpy's BLAS) on at most ``limit`` threads inside the block (:func:`blas_thread_limit`)."""
    limit = blas_thread_limit() if limit is None else limit
    controller = _controller() if limit else None
    if controller is None:
        yield
        return
    with controller.limit(limits=limit, user_api="blas"):
        yield


@cache
def _controller():  # type: ignore[no-untyped-def]
    """threadpoolctl's view of the loaded BLAS libraries, found once (finding them takes milliseconds)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # not installed: OpenBLAS keeps its own setting
        return None
    return ThreadpoolController()


def _best_of(ops: NumpyOps, x: numpy.ndarray, y: numpy.ndarray, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        ops.gemm(x, y, trans2=True)
        best = min(best, time.perf_counter() - t)
    return best


@cache
def fastest_kernel() -> Kernel:
    """``numpy`` or ``blis``: the faster gemm on this machine (measured once, a few milliseconds)."""
    try:
        import blis  # noqa: F401  (thinc's default; absent on some platforms)
    except ImportError:
        return "numpy"
    rows, inner, cols = _PROBE_SHAPE
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((rows, inner), dtype=numpy.float32)
    y = rng.standard_normal((cols, inner), dtype=numpy.float32)
    with blas_threads():  # as GiNZA will run
        numpy_time = _best_of(NumpyOps(use_blis=False), x, y)
        blis_time = _best_of(NumpyOps(use_blis=True), x, y)
    return "numpy" if numpy_time < blis_time else "blis"


def resolve(kernels: str | None = None) -> Kernel:
    """The kernel to use: the argument, else ``JPNLP_KERNELS``, else the fastest; ``ValueError`` if unknown."""
    choice = (kernels or os.environ.get("JPNLP_KERNELS") or "auto").strip().lower()
    if choice not in KERNELS:
        raise ValueError(f"unknown kernels {choice!r} (expected one of {', '.join(KERNELS)})")
    return fastest_kernel() if choice == "auto" else choice  # type: ignore[return-value]


@contextmanager
def ops_for_loading(kernels: str | None = None) -> Iterator[Kernel]:
    """Models built inside this block multiply with the chosen kernel; the previous ops come back after."""
    kernel = resolve(kernels)
    previous = get_current_ops()
    set_current_ops(NumpyOps(use_blis=kernel == "blis"))
    try:
        yield kernel
    finally:
        set_current_ops(previous)
