"""Processes on this machine: a pool where each process loads the model once.

The pool starts its processes with ``spawn`` (a clean interpreter each: no inherited threads,
store connections or locks) and warms them with the job, so the models load side by side while
the client reads the first partitions. At most two partitions per process are in flight, so a
large corpus is never all in memory at once. The pool is kept between calls to :meth:`map`
with the same job (a watch loop pays the start-up once) until :meth:`close`.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from parley.errors import ConfigError
from parley.models import Article
from parley.parallel.base import PARTITION, Executor, lost
from parley.parallel.work import Job, Outcome, analyse_partition, cached_pipeline


class ProcessExecutor(Executor):
    name = "processes"

    def __init__(self, processes: int = 2, partition: int = PARTITION) -> None:
        if processes < 1:
            raise ConfigError(f"processes must be at least 1, not {processes}")
        self.processes = processes
        self.partition = partition
        self._pool: ProcessPoolExecutor | None = None
        self._key = ""

    def _start(self, job: Job) -> ProcessPoolExecutor:
        if self._pool is None or self._key != job.key:
            self.close()
            self._pool = ProcessPoolExecutor(
                self.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_warm,
                initargs=(job,),
            )
            self._key = job.key
        return self._pool

    def map(self, job: Job, partitions: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        source = iter(partitions)
        pending: dict[Future[list[Outcome]], list[Article]] = {}

        def submit_next() -> None:
            articles = next(source, None)
            if articles is None:
                return
            try:
                pending[self._start(job).submit(analyse_partition, job, articles)] = articles
            except BrokenProcessPool:  # a process died earlier: start a fresh pool for the rest
                self.close()
                pending[self._start(job).submit(analyse_partition, job, articles)] = articles

        try:
            for _ in range(2 * self.processes):
                submit_next()
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    articles = pending.pop(future)
                    yield _collect(future, articles)
                    submit_next()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _warm(job: Job) -> None:
    try:
        cached_pipeline(job)
    except Exception:  # noqa: BLE001 - a pool whose initializer fails is broken for good; the
        pass  # first task builds the pipeline again and reports the error to the client


def _collect(future: Future[list[Outcome]], articles: list[Article]) -> list[Outcome]:
    try:
        return future.result()
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - the process died (memory, a crash): the run goes on
        return lost(articles, exc)
