"""The analysis job: parse each stored article once, run the pipeline, store what it finds,
then resolve actors across the whole corpus.

Only articles not yet analysed by this exact pipeline version are parsed, so running it again
after an ingest does the new articles only; a change of model or component version redoes all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from parley.extract.registry import ActorRegistry, default_registry
from parley.models import Actor, Event
from parley.nlp import DEFAULT_MODEL, Parser, SpacyParser
from parley.pipeline import DEFAULT_COMPONENTS, AnalysisFailure, Context, Pipeline
from parley.reconcile.actors import Override, resolve_actors
from parley.reconcile.events import merge_events
from parley.store import AnalysisRecords, Store

BATCH_ARTICLES = 64

Progress = Callable[[int, int], None]


@dataclass
class AnalyseReport:
    pipeline: str
    analysed: int
    statements: int
    actors: int
    failures: list[AnalysisFailure] = field(default_factory=list)


def analyse(
    store: Store,
    *,
    registry: ActorRegistry | None = None,
    parser: Parser | None = None,
    model: str = DEFAULT_MODEL,
    n_process: int = 1,
    components: Iterable[str] = DEFAULT_COMPONENTS,
    force: bool = False,
    progress: Progress | None = None,
) -> AnalyseReport:
    registry = registry or default_registry()
    parser = parser or SpacyParser(model, n_process=n_process)
    pipeline = Pipeline(components, parser, Context(registry, parser.name))
    todo = [a.id for a in store.articles()] if force else store.unanalysed(pipeline.version)
    statements = 0
    failures: list[AnalysisFailure] = []
    for offset in range(0, len(todo), BATCH_ARTICLES):
        articles = [store.article(i) for i in todo[offset : offset + BATCH_ARTICLES]]
        records = []
        for result in pipeline.run(x for x in articles if x is not None):
            if isinstance(result, AnalysisFailure):
                failures.append(result)
                records.append(AnalysisRecords(result.article_id, (), (), (), (), error=result.reason))
            else:
                records.append(
                    AnalysisRecords(
                        result.article.id, result.mentions, result.statements, result.times, result.events
                    )
                )
        statements += sum(len(r.statements) for r in records)
        store.save_analyses(records, pipeline.version)
        if progress:
            progress(min(offset + BATCH_ARTICLES, len(todo)), len(todo))
    actors = resolve_corpus(store, registry)
    return AnalyseReport(pipeline.version, len(todo), statements, len(actors), failures)


def resolve_corpus(store: Store, registry: ActorRegistry) -> list[Actor]:
    """Re-resolve every mention and speaker across the corpus (cheap: no parsing)."""
    overrides = [Override(*o) for o in store.overrides()]
    actors, mentions = resolve_actors(store.mentions(), registry, overrides)
    known = {a.id: a for a in actors}
    by_span = {(m.article_id, m.span.start, m.span.end): m.actor_id for m in mentions if m.actor_id}
    merged = {o.source: o.target for o in overrides if o.action == "merge"}
    speakers: dict[str, str | None] = {}
    for s in store.statements():
        ref = s.speaker_ref
        actor_id = (by_span.get((s.article_id, ref.start, ref.end)) if ref else None) or s.speaker_actor_id
        while actor_id in merged:
            actor_id = merged[actor_id]
        if actor_id and actor_id not in known:
            government = next(
                (
                    registry.government(side)
                    for side in registry.sides
                    if registry.government(side).id == actor_id
                ),
                None,
            )
            if government is not None:
                known[actor_id] = government
            else:
                actor_id = None
        speakers[s.id] = actor_id
    final = sorted(known.values(), key=lambda a: a.id)
    store.replace_actors(final, mentions, speakers)
    store.replace_events(_timeline(store, by_span, merged, known))
    return final


def _timeline(store: Store, by_span: dict, merged: dict[str, str], known: dict[str, Actor]) -> list[Event]:
    """Merge every stored event report into events, participants resolved like speakers."""
    reports = store.event_mentions()
    participants: dict[int, frozenset[str]] = {}
    for m in reports:
        ids = list(m.participants) + [by_span.get((m.article_id, r.start, r.end)) for r in m.participant_refs]
        resolved = set()
        for actor_id in filter(None, ids):
            while actor_id in merged:
                actor_id = merged[actor_id]
            if actor_id in known:
                resolved.add(actor_id)
        participants[id(m)] = frozenset(resolved)
    articles = {a.id: a for a in store.articles()}
    return merge_events(reports, participants, articles)
