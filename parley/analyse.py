"""The analysis job: parse each stored article once, run the pipeline, store what it finds,
then run the corpus steps (actors, timeline, and any a plugin registered).

Only articles not yet analysed by this exact pipeline version are parsed, so running it again
after an ingest does the new articles only; a change of model or component version redoes all.
An article longer than ``max_chars`` is not parsed: its analysis is recorded as skipped, with
the reason, so it costs nothing on later runs (``--max-chars`` or ``--force`` to try again).

The per-article stage runs on an :class:`~parley.parallel.Executor`: in this process by default,
or in a pool of processes or on Dask workers (``executor=executor_for(workers=2)``). This job
reads the articles and hands them over in partitions; what comes back is written here, in
batches, whatever the store; the corpus steps run once, here, after the last partition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from parley import heap, settings
from parley.corpus import StepReport, mark_pending, run_corpus_steps
from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry, default_registry
from parley.models import Actor, Article
from parley.nlp import DEFAULT_MODEL, Parser
from parley.parallel import Executor, Outcome, threads
from parley.parallel.local import LocalExecutor
from parley.parallel.work import Job, failed, make_job
from parley.pipeline import AnalysisFailure, default_components
from parley.store import ArticleRecords, Store

BATCH_ARTICLES = 64  # analyses written to the store in one go
# ~80,000 words: far beyond any news article; a crawler's runaway page is not
MAX_CHARS = int(settings.MAX_CHARS.default)

Progress = Callable[[int, int], None]


@dataclass
class AnalyseReport:
    pipeline: str
    analysed: int
    statements: int
    actors: int
    failures: list[AnalysisFailure] = field(default_factory=list)
    corpus_steps: list[StepReport] = field(default_factory=list)


def analyse(
    store: Store,
    *,
    registry: ActorRegistry | None = None,
    parser: Parser | None = None,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    components: Iterable[str] | None = None,
    force: bool = False,
    max_chars: int = MAX_CHARS,
    progress: Progress | None = None,
    executor: Executor | None = None,
    on_step: Callable[[StepReport], None] | None = None,
) -> AnalyseReport:
    """Analyse the articles this pipeline has not, then run the corpus steps.

    ``parser`` and ``n_process`` (spaCy's own parse processes) apply to the default in-process
    run; ``executor`` runs the per-article stage elsewhere (:func:`parley.parallel.executor_for`);
    the caller closes it, so a watch loop keeps its workers and their loaded models. ``on_step``
    is given each corpus step's report as the step ends."""
    registry = registry or default_registry()
    if parser is not None and executor is not None:
        raise ConfigError("a parser object runs in this process only: give it to LocalExecutor(parser)")
    executor = executor or LocalExecutor(parser, n_process)
    with threads.limited():  # one BLAS thread here too: the parse and the corpus steps gain nothing from more
        return _analyse(store, registry, executor, model, components, force, max_chars, progress, on_step)


def _analyse(
    store: Store,
    registry: ActorRegistry,
    executor: Executor,
    model: str,
    components: Iterable[str] | None,
    force: bool,
    max_chars: int,
    progress: Progress | None,
    on_step: Callable[[StepReport], None] | None = None,
) -> AnalyseReport:
    job = make_job(model, components or default_components(), registry, executor.parser)
    todo = store.unanalysed("" if force else job.version)  # no pipeline is called ""
    if todo:
        mark_pending(store)  # a run killed before its corpus steps leaves them owed
    tally = _Tally(store, job, todo, progress)
    partitions = _partitions(store, todo, executor.partition, max_chars, tally)
    for outcomes in executor.map(job, partitions):
        tally.add(outcomes)
    tally.flush(last=True)
    executor.release()  # the model and the parse's heap are not needed by the corpus steps
    heap.give_back()
    steps = run_corpus_steps(store, registry, changed=todo, on_step=on_step)
    actors = store.count("actor")
    return AnalyseReport(job.version, len(todo), tally.statements, actors, tally.failures, steps)


def resolve_corpus(store: Store, registry: ActorRegistry) -> list[Actor]:
    """Run every corpus step again (after a user's merge or split): cheap, no parsing."""
    with threads.limited():
        run_corpus_steps(store, registry)
    return store.actors()


class _Tally:
    """Outcomes as they come back: counted, reported as progress, and stored in batches in the
    order of ``todo`` whatever order the partitions finish in, so a parallel run leaves the
    store as a local run does (corpus steps read records in stored order)."""

    def __init__(self, store: Store, job: Job, todo: list[str], progress: Progress | None) -> None:
        self.store, self.job, self.todo, self.progress = store, job, todo, progress
        self.done = self.statements = 0
        self.failures: list[AnalysisFailure] = []
        self.arrived: dict[str, ArticleRecords | None] = {}
        self.next = 0  # the position in todo of the next article to store
        self.pending: list[ArticleRecords] = []

    def add(self, outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            self.done += 1
            self.statements += outcome.statements
            if outcome.failure is not None:
                self.failures.append(outcome.failure)
            self.arrived[outcome.article_id] = outcome.records
        while self.next < len(self.todo) and self.todo[self.next] in self.arrived:
            found = self.arrived.pop(self.todo[self.next])
            self.pending += [found] if found is not None else []
            self.next += 1
        if len(self.pending) >= BATCH_ARTICLES:
            self.flush()
        if self.progress and outcomes:
            self.progress(self.done, len(self.todo))

    def gone(self, article_ids: Iterable[str]) -> None:
        """Articles in the list to do that the store no longer has: nothing to wait for."""
        gone = dict.fromkeys(article_ids)
        self.done += len(gone)
        self.arrived.update(gone)

    def flush(self, *, last: bool = False) -> None:
        if last:  # anything still waiting on an article that never came back (it cannot)
            order = {article_id: n for n, article_id in enumerate(self.todo)}
            waiting = sorted(self.arrived.items(), key=lambda item: order.get(item[0], 0))
            self.pending += [found for _, found in waiting if found is not None]
            self.arrived.clear()
        if self.pending:
            self.store.save_analyses(self.pending, self.job.version)
            self.pending = []


def _partitions(
    store: Store, todo: list[str], size: int, max_chars: int, tally: _Tally
) -> Iterator[list[Article]]:
    """The articles to analyse, read from the store a partition at a time. An oversized article
    is never even read out of the store: its skip is tallied here, with the reason."""
    for offset in range(0, len(todo), size):
        ids = todo[offset : offset + size]
        lengths = store.text_lengths(ids)
        too_long = [i for i in ids if lengths.get(i, 0) > max_chars]
        tally.add([failed(i, "parse", _too_long(lengths[i], max_chars)) for i in too_long])
        fit = [a for i in ids if lengths.get(i, 0) <= max_chars and (a := store.article(i)) is not None]
        tally.gone(set(ids) - set(too_long) - {a.id for a in fit})
        if fit:
            yield fit


def _too_long(length: int, max_chars: int) -> str:
    return (
        f"skipped: {length:,} characters is over the limit of {max_chars:,} "
        f"(raise it with --max-chars to analyse this article)"
    )
