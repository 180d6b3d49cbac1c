"""How many threads the numerical libraries may start in a process that analyses articles.

numpy's OpenBLAS starts one thread per core by default. The matrices of one article (the
parser's layers, a sentence's embedding) are too small to share out: on the 2-core machine the
extra thread mostly spins, so one process spent about 40 % more CPU for the same articles and
was no faster, and two processes, each with its spinning thread, fought over the cores (the
benchmark in docs/benchmarks.md, "Parallel analysis"). Dask's nanny already starts its workers
with ``OPENBLAS_NUM_THREADS=1`` and the like for that reason; Parley does the same for its own
processes and for the in-process run, through threadpoolctl, which changes the limits of the
libraries already loaded (an environment variable is read only when a library starts).

The number is the ``PARLEY_BLAS_THREADS`` setting (1 by default).
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from threadpoolctl import threadpool_limits

from parley import settings
from parley.errors import ConfigError


def blas_threads() -> int:
    value = settings.BLAS_THREADS.get()
    try:
        threads = int(value)
    except ValueError:
        threads = 0
    if threads < 1:
        raise ConfigError(f"{settings.BLAS_THREADS.name} must be a whole number of 1 or more, not {value!r}")
    return threads


def limited() -> AbstractContextManager[object]:
    """The limit for the duration of a ``with`` block (an in-process run: the caller's process
    gets its own limits back afterwards)."""
    return threadpool_limits(limits=blas_threads())


def limit_this_process() -> None:
    """The limit for the rest of this process's life (a worker process, started to analyse)."""
    threadpool_limits(limits=blas_threads())
