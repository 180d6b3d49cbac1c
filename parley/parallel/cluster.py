"""Dask workers: a local cluster (``--workers N``) or a running scheduler (``--scheduler URL``).

The job is scattered to every worker once; each worker builds the pipeline from it on its first
partition and keeps it in a module-level cache (:func:`parley.parallel.work.cached_pipeline`),
so the model loads once per worker process. Only articles go out and plain records come back:
the client writes them to its store, so the workers need Parley and the model installed, not
access to the store. A few partitions per worker are in flight at a time. A local cluster runs
one single-threaded worker per process (spaCy and the extractors hold the GIL).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from parley.errors import ConfigError
from parley.models import Article
from parley.parallel.base import PARTITION, Executor, lost
from parley.parallel.work import Job, Outcome, analyse_partition

if TYPE_CHECKING:
    from distributed import Client

CONNECT_TIMEOUT = 20.0  # seconds to reach a scheduler


class DaskExecutor(Executor):
    """``workers``: start a local cluster of that many worker processes; ``address``: connect to
    a scheduler (``tcp://HOST:PORT``, waiting ``timeout`` seconds for it); ``client``: use a
    client the caller owns (not closed)."""

    name = "dask"

    def __init__(
        self,
        workers: int | None = None,
        *,
        address: str | None = None,
        client: Client | None = None,
        partition: int = PARTITION,
        timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        if sum(x is not None for x in (workers, address, client)) > 1:
            raise ConfigError("give a Dask executor workers, a scheduler address or a client: one only")
        if workers is not None and workers < 1:
            raise ConfigError(f"workers must be at least 1, not {workers}")
        self.workers = workers or 2
        self.address = address
        self.partition = partition
        self.timeout = timeout
        self._client: Client | None = client
        self._owned: list[Any] = []  # the client and cluster this executor started, to close

    def _connect(self) -> Client:
        if self._client is not None:
            return self._client
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("Dask is not installed: pip install 'dask[distributed]'") from exc
        if self.address:
            try:
                self._client = Client(self.address, timeout=self.timeout)
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from exc
            self._owned = [self._client]
        else:
            cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self._client = Client(cluster)
            self._owned = [self._client, cluster]
        return self._client

    def map(self, job: Job, partitions: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        from distributed import as_completed

        client = self._connect()
        shared_job = client.scatter(job, broadcast=True, hash=False)
        source = iter(partitions)
        pending: dict[Any, tuple[Any, list[Article]]] = {}  # task key: (future, articles)
        running = as_completed()

        def fill() -> None:  # two partitions per worker thread; workers may join or leave
            while len(pending) < 2 * max(sum(client.nthreads().values()), 1):
                articles = next(source, None)
                if articles is None:
                    return
                future = client.submit(analyse_partition, shared_job, articles, pure=False)
                pending[future.key] = (future, articles)
                running.add(future)

        try:
            fill()
            for future in running:
                _, articles = pending.pop(future.key)
                try:
                    outcomes = future.result()
                except ConfigError:
                    raise
                except Exception as exc:  # noqa: BLE001 - a worker died or left: the run goes on
                    outcomes = lost(articles, exc)
                future.release()
                yield outcomes
                fill()
        finally:
            running.clear()
            client.cancel([future for future, _ in pending.values()])
            shared_job.release()

    def close(self) -> None:
        if self._owned:  # a client the caller handed in stays open, and in use
            for owned in self._owned:
                owned.close()
            self._owned = []
            self._client = None
