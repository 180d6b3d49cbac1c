"""The built-in corpus steps: canonical actors, then the timeline.

``actors`` clusters the people and bodies mentioned across the corpus into canonical actors and
ties every mention and statement to one. It always starts from what the components extracted
(never from its own earlier output), so running it again — after new articles, or after a user's
merge or split — gives the same actors for the same evidence and loses none. ``events`` merges
every article's event reports into events, participants resolved like speakers.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from parley.corpus import CorpusContext, corpus_step
from parley.extract.registry import ActorRegistry, fold
from parley.models import Actor, Mention, Statement
from parley.reconcile.actors import Bodies, Override, Resolution, acronym, body_name, initials, is_body_name
from parley.reconcile.events import merge_events, report_words
from parley.store import RecordQuery
from parley.store.lazy import StoredArticles

SpanKey = tuple[str, int, int]
ARTICLES_AT_ONCE = 500  # articles whose mentions and statements the actors step resolves together


@corpus_step(
    "actors",
    reads=("mention", "statement", "event_mention"),
    writes=("actor", "mention", "statement"),
    # 2: governments events name; 3: organisations that speak; 4: titles; 5: merged bodies stay so
    version="5",
)
def actors_step(ctx: CorpusContext) -> int:
    store = ctx.store
    overrides = [Override(*o) for o in store.overrides()]
    resolution = Resolution.of(store.records("mention", extracted=True), ctx.registry, overrides)
    known = {a.id: a for a in resolution.actors}
    merged = _merges(overrides)
    # a body a user merged another into was made by this step when it spoke: its record from the
    # last run stands in until it speaks again, so the merged one's words have somewhere to go
    kept = {a.id: a for a in store.records("actor") if a.id in merged.values()} if merged else {}
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
            (s, {"speaker_actor_id": _speaker(s, by_span, merged, known, ctx.registry, kept)})
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
    for source in merged.keys() - {a.id for a in resolution.actors}:
        known.pop(source, None)  # a body merged away is made anew when it speaks: it stays merged
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
    governments = {ctx.registry.government(side).id: side for side in ctx.registry.sides}
    sides = {a.id: a.side for a in ctx.actors() if a.side}
    events = merge_events(
        reports,
        participants,
        articles,
        words=partial(report_words, stored),
        sides=sides,
        governments=governments,
    )
    return store.replace_records("event", events)


class _Spans(dict[SpanKey, str]):
    """(article, start, end) of each mention resolved to an actor -> its actor; and the
    organisations the model found, to make actors of those that speak (:func:`_body`): each by
    where it starts, and the names the articles give for abbreviations ("the Institute for the
    Study of War (ISW)"), article by article and, where just one, for all the batch."""

    def __init__(self, mentions: list[Mention]) -> None:
        super().__init__(
            ((m.article_id, m.span.start, m.span.end), m.actor_id) for m in mentions if m.actor_id
        )
        self.bodies = {(m.article_id, m.span.start): m for m in mentions if m.label == "ORG"}
        self.labels: dict[str, list[Mention]] = {}  # article -> its mentions
        for m in mentions:
            self.labels.setdefault(m.article_id, []).append(m)
        self.spelled: dict[tuple[str, str], str] = {}  # (article, abbreviation) -> name
        named: dict[str, dict[str, str]] = {}  # abbreviation -> folded name -> name
        ordered = sorted(self.bodies.values(), key=lambda m: (m.article_id, m.span.start))
        for full, short in zip(ordered, ordered[1:], strict=False):
            abbreviation = acronym(short.text)
            name = body_name(full.text)
            if (
                abbreviation
                and full.article_id == short.article_id
                and 0 < short.span.start - full.span.end <= 6  # "X (ISW)", "X, or ISW,"
                and initials(name) == abbreviation
            ):
                self.spelled[(full.article_id, abbreviation)] = name
                named.setdefault(abbreviation, {})[fold(name)] = name
        self.named = {a: next(iter(n.values())) for a, n in named.items() if len(n) == 1}
        self.index: Bodies | None = None  # built from the actors when first needed


def _by_span(mentions: list[Mention]) -> _Spans:
    return _Spans(mentions)


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
    by_span: _Spans,
    merged: dict[str, str],
    known: dict[str, Actor],
    registry: ActorRegistry,
    kept: dict[str, Actor] | None = None,
) -> str | None:
    """The statement's speaker: the actor of the mention that identifies it, else the one the
    extractor named, else the organisation its words name (:func:`_body`); a side's government
    is added to the actors when it speaks ("Moscow said"), and so is an organisation."""
    ref = s.speaker_ref
    actor_id = (by_span.get((s.article_id, ref.start, ref.end)) if ref else None) or s.speaker_actor_id
    if actor_id is None:
        actor_id = _body(s, by_span, known, registry)
    if actor_id is None:
        return None
    actor_id = _follow(actor_id, merged)
    if actor_id not in known and kept and actor_id in kept:  # a merge's target, not heard yet in this run
        if by_span.index is None:
            by_span.index = Bodies(known, registry)
        by_span.index.add(kept[actor_id])  # to be found by its name when it speaks
    if actor_id in known:
        return actor_id
    for side in registry.sides:
        government = registry.government(side)
        if government.id == actor_id:
            known[actor_id] = government
            return actor_id
    return None


# what may follow a body's name in the speaker words: nothing, its abbreviation in brackets, or
# a description after a comma ("the Institute for the Study of War, or ISW, a think tank")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’-]+|[A-Z]{2,8})$")  # "Staff", "USF"; not "MoD"
_AFTER_BODY = re.compile(r"^(?:\s*\(\s*[A-Z][A-Za-z.]{1,8}\s*\))?\s*(?:,.*)?$", re.DOTALL)


def _body(s: Statement, spans: _Spans, known: dict[str, Actor], registry: ActorRegistry) -> str | None:
    """The organisation a statement's speaker is, by name (:func:`is_body_name`), added to the
    actors when first heard (:func:`_body_words`). An abbreviation goes by the name its article
    (else any article of the batch, if just one) spells out for it."""
    found = _body_words(s, spans)
    if found is None:
        return None
    words, after_the = found
    name = body_name(words)
    short = acronym(name)
    if short:
        name = spans.spelled.get((s.article_id, short)) or spans.named.get(short) or short
    if not is_body_name(name, after_the, registry):
        return None
    if spans.index is None:
        spans.index = Bodies(known, registry)
    where = (s.speaker_span or s.speaker_ref or s.span).start
    return spans.index.actor(name, short, f"{s.article_id}@{where}: said as {s.speaker or words!r}").id


def _body_words(s: Statement, spans: _Spans) -> tuple[str, bool] | None:
    """The words naming the organisation a statement's speaker is, and whether "the" comes
    before them: the organisation the extractor tied the speaker to ("it" standing for it), the
    one the speaker words name ("The Ukrainian General Staff said", "the ISW"; its abbreviation
    in brackets or a description after a comma may follow), or, where the model found none
    there, the words alone when they are a name of two words or more after "the" or an
    abbreviation, holding no other name than a side's."""
    ref, words, span = s.speaker_ref, s.speaker or "", s.speaker_span
    if ref is not None:
        m = spans.bodies.get((s.article_id, ref.start))
        if m is None or m.actor_id or m.span.end != ref.end:
            return None
        return m.text, m.text[:4].lower() == "the "
    if span is None or not words:
        return None
    lead = len(words) - len(re.sub(r"^[Tt]he\s+", "", words))
    m = spans.bodies.get((s.article_id, span.start + lead)) or spans.bodies.get((s.article_id, span.start))
    if m is not None:
        if m.actor_id or m.span.end > span.end or not _AFTER_BODY.match(words[m.span.end - span.start :]):
            return None
        return m.text, lead > 0 or m.text[:4].lower() == "the "
    inside = [x for x in spans.labels.get(s.article_id, ()) if span.start <= x.span.start < span.end]
    if any(x.label not in ("NORP", "GPE") for x in inside):
        return None
    name = re.sub(r"\s*\([^()]*\)$", "", words[lead:])  # "the Unmanned Systems Forces (USF)"
    own = [
        w
        for w in re.finditer(r"\S+", name)
        if not any(x.span.start <= span.start + lead + w.start() < x.span.end for x in inside)
    ]  # not "the Russians", "the Europeans": a people
    if not own or not all(_NAME_WORD.match(w) or w in ("of", "for", "and", "on") for w in name.split()):
        return None
    if acronym(name):
        return name, lead > 0
    return (name, True) if lead > 0 and len(name.split()) > 1 else None  # not "the West"


import parley.reconcile.contested_steps  # noqa: E402, F401  (claims, contested, signals)
import parley.reconcile.positions  # noqa: E402, F401  (positions)
import parley.reconcile.source_steps  # noqa: E402, F401  (copies, stories, independence)
