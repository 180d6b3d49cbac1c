"""The executor interface: partitions of articles in, lists of :class:`Outcome` out.

An executor runs the per-article stage of the analyse job somewhere: in this process
(``local``), in a pool of processes on this machine (``processes``), or on Dask workers
(``dask``: a local cluster, or a scheduler that other machines' workers joined). It never
touches the store: the client reads the articles, hands them over in partitions, and writes
what comes back, so any store backend works with any executor. Results may come back in any
order; each list holds one outcome per article of one partition.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from types import TracebackType

from parley.models import Article
from parley.nlp import Parser
from parley.parallel.work import Job, Outcome, failed

PARTITION = 8  # articles per task on a worker: small enough to keep every worker busy


class Executor(ABC):
    name = ""
    partition = PARTITION
    parser: Parser | None = None  # an in-process parser object, if the executor runs one

    @abstractmethod
    def map(self, job: Job, partitions: Iterable[list[Article]]) -> Iterator[list[Outcome]]:
        """Analyse each partition with the pipeline ``job`` describes, yielding each partition's
        outcomes as it completes. A partition whose worker was lost yields failures that are
        not stored (the articles are tried again on the next run); the run goes on."""

    def release(self) -> None:
        """Drop what this process holds for the per-article stage (a pipeline and a model it
        loaded itself), once the partitions are done: the corpus steps that follow do not need
        it. The next :meth:`map` loads it again. Workers elsewhere keep theirs."""
        return None

    def close(self) -> None:
        """Stop the workers this executor started (a pool, a local cluster); idempotent."""
        return None

    def __enter__(self) -> Executor:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def lost(articles: list[Article], exc: BaseException) -> list[Outcome]:
    """The outcomes of a partition whose worker failed as a whole (died, lost, unreachable)."""
    reason = f"not analysed, will be retried: {type(exc).__name__}: {exc}"
    return [failed(article.id, "worker", reason, store=False) for article in articles]
