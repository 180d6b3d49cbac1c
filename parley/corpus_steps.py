"""The built-in corpus steps: canonical actors, then the timeline.

``actors`` clusters the people and bodies mentioned across the corpus into canonical actors and
ties every mention and statement to one. It always starts from what the components extracted
(never from its own earlier output), so running it again — after new articles, or after a user's
merge or split — gives the same actors for the same evidence and loses none. ``events`` merges
every article's event reports into events, participants resolved like speakers.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from parley.corpus import CorpusContext, corpus_step
from parley.extract.registry import ActorRegistry
from parley.models import Actor, Mention, Statement
from parley.reconcile.actors import Override, Resolution
from parley.reconcile.events import merge_events, report_words
from parley.store import RecordQuery
from parley.store.lazy import StoredArticles

SpanKey = tuple[str, int, int]
ARTICLES_AT_ONCE = 500  # articles whose mentions and statements the actors step resolves together


@corpus_step(
    "actors",
    reads=("mention", "statement", "event_mention"),
    writes=("actor", "mention", "statement"),
    version="2",  # 2: the governments event reports name are actors
)
def actors_step(ctx: CorpusContext) -> int:
    store = ctx.store
    overrides = [Override(*o) for o in store.overrides()]
    resolution = Resolution.of(store.records("mention", extracted=True), ctx.registry, overrides)
    known = {a.id: a for a in resolution.actors}
    merged = _merges(overrides)
    changed = 0
    # the mentions and statements are resolved and written a few hundred articles at a time (a
    # statement's speaker is a mention of its own article), so what is held does not grow with
    # the corpus; the run is one step, owed again if it is cut short
    every = store.unanalysed("")  # every article ("" is no pipeline)
    for start in range(0, len(every), ARTICLES_AT_ONCE):
        these = RecordQuery(article_ids=tuple(every[start : start + ARTICLES_AT_ONCE]))
        mentions = [resolution.resolve(m) for m in store.records("mention", these, extracted=True)]
        by_span = _by_span(mentions)
        speakers = [
            (s, {"speaker_actor_id": _speaker(s, by_span, merged, known, ctx.registry)})
            for s in store.records("statement", these, extracted=True)
        ]
        changed += store.annotate("mention", ((m, {"actor_id": m.actor_id}) for m in mentions))
        changed += store.annotate("statement", speakers)
    # after the statements: a side's government that speaks becomes an actor then; so does one
    # an event report names as taking part ("US and Ukrainian delegations met"), to be shown by name
    governments = {ctx.registry.government(side).id: side for side in ctx.registry.sides}
    for report in store.records("event_mention"):
        for actor_id in report.participants:
            if actor_id in governments and actor_id not in known:
                known[actor_id] = replace(
                    ctx.registry.government(governments[actor_id]),
                    evidence=("registry: a side named as taking part in an event",),
                )
    return changed + store.replace_records("actor", sorted(known.values(), key=lambda a: a.id))


@corpus_step("events", reads=("event_mention", "mention", "actor", "article"), writes=("event",))
def events_step(ctx: CorpusContext) -> int:
    store = ctx.store
    by_span = ctx.actor_spans()
    merged = _merges([Override(*o) for o in store.overrides()])
    known = {a.id for a in ctx.actors()}
    # a side's government takes part in an event ("Marelia agreed ...") even if it never speaks
    known |= {ctx.registry.government(side).id for side in ctx.registry.sides}
    reports = store.event_mentions()
    participants: dict[int, frozenset[str]] = {}
    for m in reports:
        ids = list(m.participants) + [by_span.get((m.article_id, r.start, r.end)) for r in m.participant_refs]
        participants[id(m)] = frozenset(
            actor_id for actor_id in (_follow(i, merged) for i in ids if i) if actor_id in known
        )
    # only the articles that report events (a skipped, oversized article is never read), held
    # without their text: a summary's words are read from the store when the events are made
    reporting = {m.article_id for m in reports}
    stored = StoredArticles(ctx.store)
    articles = {i: replace(a, text="", removed=(), links=()) for i, a in stored.items() if i in reporting}
    events = merge_events(reports, participants, articles, words=partial(report_words, stored))
    return store.replace_records("event", events)


def _by_span(mentions: list[Mention]) -> dict[SpanKey, str]:
    return {(m.article_id, m.span.start, m.span.end): m.actor_id for m in mentions if m.actor_id}


def _merges(overrides: list[Override]) -> dict[str, str]:
    return {o.source: o.target for o in overrides if o.action == "merge"}


def _follow(actor_id: str, merged: dict[str, str]) -> str:
    seen = set()
    while actor_id in merged and actor_id not in seen:
        seen.add(actor_id)
        actor_id = merged[actor_id]
    return actor_id


def _speaker(
    s: Statement,
    by_span: dict[SpanKey, str],
    merged: dict[str, str],
    known: dict[str, Actor],
    registry: ActorRegistry,
) -> str | None:
    """The statement's speaker: the actor of the mention that identifies it, else the one the
    extractor named; a side's government is added to the actors when it speaks ("Moscow said")."""
    ref = s.speaker_ref
    actor_id = (by_span.get((s.article_id, ref.start, ref.end)) if ref else None) or s.speaker_actor_id
    if actor_id is None:
        return None
    actor_id = _follow(actor_id, merged)
    if actor_id in known:
        return actor_id
    for side in registry.sides:
        government = registry.government(side)
        if government.id == actor_id:
            known[actor_id] = government
            return actor_id
    return None


import parley.reconcile.contested_steps  # noqa: E402, F401  (claims, contested, signals)
import parley.reconcile.positions  # noqa: E402, F401  (positions)
import parley.reconcile.source_steps  # noqa: E402, F401  (copies, stories, independence)
