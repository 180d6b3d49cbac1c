"""The analysis job: parse each stored article once, run the pipeline, store what it finds,
then run the corpus steps (actors, timeline, and any a plugin registered).

Only articles not yet analysed by this exact pipeline version are parsed, so running it again
after an ingest does the new articles only; a change of model or component version redoes all.
An article longer than ``max_chars`` is not parsed: its analysis is recorded as skipped, with
the reason, so it costs nothing on later runs (``--max-chars`` or ``--force`` to try again).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from parley import records, settings
from parley.corpus import StepReport, run_corpus_steps
from parley.extract.registry import ActorRegistry, default_registry
from parley.models import Actor
from parley.nlp import DEFAULT_MODEL, Parser, SpacyParser
from parley.pipeline import AnalysisFailure, Context, Pipeline, default_components
from parley.store import ArticleRecords, Store

BATCH_ARTICLES = 64
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
) -> AnalyseReport:
    registry = registry or default_registry()
    parser = parser or SpacyParser(model, n_process=n_process)
    pipeline = Pipeline(components or default_components(), parser, Context(registry, parser.name))
    todo = store.unanalysed("" if force else pipeline.version)  # no pipeline is called ""
    statements = 0
    failures: list[AnalysisFailure] = []
    stored = {rt.name for rt in records.all_types() if rt.scope == "article"}
    for offset in range(0, len(todo), BATCH_ARTICLES):
        ids = todo[offset : offset + BATCH_ARTICLES]
        lengths = store.text_lengths(ids)
        results: list[ArticleRecords] = []
        for article_id in ids:  # an oversized article is never even read out of the store
            if lengths.get(article_id, 0) > max_chars:
                failure = AnalysisFailure(article_id, "parse", _too_long(lengths[article_id], max_chars))
                failures.append(failure)
                results.append(ArticleRecords(article_id, error=failure.reason))
        fit = [a for i in ids if lengths.get(i, 0) <= max_chars and (a := store.article(i)) is not None]
        for result in pipeline.run(fit):
            if isinstance(result, AnalysisFailure):
                failures.append(result)
                results.append(ArticleRecords(result.article_id, error=result.reason))
            else:
                kept = {name: found for name, found in result.products.items() if name in stored}
                results.append(ArticleRecords(result.article.id, kept))
                statements += len(result["statement"])
        store.save_analyses(results, pipeline.version)
        if progress:
            progress(min(offset + BATCH_ARTICLES, len(todo)), len(todo))
    steps = run_corpus_steps(store, registry, changed=todo)
    return AnalyseReport(pipeline.version, len(todo), statements, store.count("actor"), failures, steps)


def resolve_corpus(store: Store, registry: ActorRegistry) -> list[Actor]:
    """Run every corpus step again (after a user's merge or split): cheap, no parsing."""
    run_corpus_steps(store, registry)
    return store.actors()


def _too_long(length: int, max_chars: int) -> str:
    return (
        f"skipped: {length:,} characters is over the limit of {max_chars:,} "
        f"(raise it with --max-chars to analyse this article)"
    )
