"""Where the per-article stage of the analyse job runs: executors, registered by name.

::

    with executor_for(workers=2) as executor:          # a local Dask cluster
        analyse(store, executor=executor)

``local`` runs in this process (the default), ``processes`` in a pool on this machine,
``dask`` on Dask workers (a local cluster, or a scheduler at ``tcp://HOST:PORT``). The client
reads the articles, the executor returns plain records, the client stores them; corpus steps run
once, on the client, afterwards. Another executor is registered with :func:`register_executor`.
See :mod:`parley.parallel.base` for the interface and :mod:`parley.parallel.work` for what a
worker does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from parley.errors import ConfigError
from parley.parallel.base import PARTITION, Executor
from parley.parallel.work import Job, Outcome

__all__ = [
    "EXECUTORS",
    "PARTITION",
    "Executor",
    "Job",
    "Outcome",
    "create",
    "executor_for",
    "register_executor",
]

EXECUTORS: dict[str, Callable[..., Executor]] = {}


def register_executor(name: str) -> Callable[[Callable[..., Executor]], Callable[..., Executor]]:
    """Register ``factory(**options) -> Executor`` under a name."""

    def register(factory: Callable[..., Executor]) -> Callable[..., Executor]:
        EXECUTORS[name] = factory
        return factory

    return register


def create(name: str, **options: Any) -> Executor:
    """The executor registered as ``name``, built with ``options``."""
    if name not in EXECUTORS:
        raise ConfigError(f"no executor named {name!r}; registered: {sorted(EXECUTORS)}")
    return EXECUTORS[name](**options)


def executor_for(
    *, processes: int | None = None, workers: int | None = None, scheduler: str | None = None
) -> Executor:
    """The executor the analyse command's options ask for (at most one of them)."""
    options = {"processes": processes, "workers": workers, "scheduler": scheduler}
    given = [f"--{name}" for name, value in options.items() if value is not None]
    if len(given) > 1:
        raise ConfigError(f"{' and '.join(given)} cannot be combined: choose one way to run in parallel")
    if processes is not None:
        return create("processes", processes=processes)
    if workers is not None:
        return create("dask", workers=workers)
    if scheduler is not None:
        return create("dask", address=scheduler)
    return create("local")


@register_executor("local")
def _local(**options: Any) -> Executor:
    from parley.parallel.local import LocalExecutor

    return LocalExecutor(**options)


@register_executor("processes")
def _processes(**options: Any) -> Executor:
    from parley.parallel.processes import ProcessExecutor

    return ProcessExecutor(**options)


@register_executor("dask")
def _dask(**options: Any) -> Executor:
    from parley.parallel.cluster import DaskExecutor

    return DaskExecutor(**options)
