"""What a worker does with one partition of articles, wherever it runs.

A :class:`Job` is the picklable recipe of the pipeline (model, components, actor registry, and
the version the client expects); a worker builds the pipeline from it once, keeps it in a
module-level cache for every later partition, and turns each article into an :class:`Outcome`:
plain records to store (no spaCy objects), or the failure with its reason. Every executor, the
in-process one included, goes through :func:`run_partition`, so they store the same records.
"""

from __future__ import annotations

import hashlib
import importlib
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from parley import records
from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry
from parley.models import Article
from parley.nlp import Parser, SpacyParser, model_label
from parley.parallel import threads
from parley.pipeline import Analysis, AnalysisFailure, Context, Pipeline
from parley.store import ArticleRecords


@dataclass(frozen=True)
class Job:
    """How to build the pipeline in a worker; ``version`` is what the client will store."""

    model: str
    components: tuple[str, ...]
    registry: ActorRegistry = field(repr=False)
    version: str
    key: str  # identifies the recipe: a worker builds one pipeline per key
    # where the components' factories are defined: a worker imports them first, so a component
    # registered at run time (not through an entry point) is found there too
    modules: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """One article's result. ``records`` is what to store (with ``error`` set when a component
    or the parse failed); None when the article was not analysed at all (its worker was lost):
    nothing is stored, so the next run tries it again."""

    article_id: str
    records: ArticleRecords | None
    failure: AnalysisFailure | None = None
    statements: int = 0


class _Named:
    """A parser that only carries a model's name: the client builds the pipeline with it to check
    the components and to know the version, without loading the model the workers parse with."""

    def __init__(self, name: str) -> None:
        self.name = name

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        raise ConfigError("this pipeline only names its parser; articles are parsed by the workers")


def make_job(
    model: str, components: Iterable[str], registry: ActorRegistry, parser: Parser | None = None
) -> Job:
    """The recipe, checked: an unknown component or a missing requirement fails here, on the
    client, before any worker starts. ``parser`` (an in-process one) names the version."""
    names = tuple(components)
    name = parser.name if parser is not None else model_label(model)
    pipeline = Pipeline(names, _Named(name), Context(registry, name))
    modules = tuple(sorted({spec.factory.__module__ for spec in pipeline.specs}))
    digest = hashlib.sha256(pickle.dumps((model, names, pipeline.version, registry))).hexdigest()[:16]
    return Job(model, names, registry, pipeline.version, digest, modules)


def build(job: Job, parser: Parser | None = None) -> Pipeline:
    for module in job.modules:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise ConfigError(f"a worker cannot import {module!r}, where a component is: {exc}") from exc
    parser = parser or SpacyParser(job.model)
    pipeline = Pipeline(job.components, parser, Context(job.registry, parser.name))
    if pipeline.version != job.version:
        raise ConfigError(
            f"this worker's pipeline is {pipeline.version!r} but the client expects {job.version!r}: "
            f"install the same model and Parley version on every worker"
        )
    return pipeline


_PIPELINES: dict[str, Pipeline] = {}  # one per job key, per worker process: the model loads once


def cached_pipeline(job: Job) -> Pipeline:
    if job.key not in _PIPELINES:
        _PIPELINES.clear()  # a new recipe (another model or registry) replaces the old one
        threads.limit_this_process()  # a worker's process: one BLAS thread, as Dask's nanny sets
        _PIPELINES[job.key] = build(job)
    return _PIPELINES[job.key]


def analyse_partition(job: Job, articles: list[Article]) -> list[Outcome]:
    """The task a process or Dask worker runs: the cached pipeline over one partition."""
    return run_partition(cached_pipeline(job), articles)


def run_partition(pipeline: Pipeline, articles: list[Article]) -> list[Outcome]:
    """One outcome per article, in order. A component's failure is the article's own (the
    pipeline records it and goes on); if the parse itself fails, the articles are tried one by
    one so only the one that breaks it is marked failed."""
    stored = {rt.name for rt in records.all_types() if rt.scope == "article"}
    try:
        return [_outcome(result, stored) for result in pipeline.run(articles)]
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - the parser failed: narrow it down to the article
        if len(articles) > 1:
            return [outcome for article in articles for outcome in run_partition(pipeline, [article])]
        return [failed(articles[0].id, "parse", f"{type(exc).__name__}: {exc}")]


def failed(article_id: str, component: str, reason: str, *, store: bool = True) -> Outcome:
    """An article's failure; ``store=False`` when it was never analysed and should be retried."""
    failure = AnalysisFailure(article_id, component, reason)
    return Outcome(article_id, ArticleRecords(article_id, error=reason) if store else None, failure)


def _outcome(result: Analysis | AnalysisFailure, stored: set[str]) -> Outcome:
    if isinstance(result, AnalysisFailure):
        return failed(result.article_id, result.component, result.reason)
    kept = {name: found for name, found in result.products.items() if name in stored}
    return Outcome(result.article.id, ArticleRecords(result.article.id, kept), None, len(result["statement"]))
