"""The built-in corpus steps: canonical actors, then the timeline.

``actors`` clusters the people and bodies mentioned across the corpus into canonical actors and
ties every mention and statement to one. It always starts from what the components extracted
(never from its own earlier output), so running it again — after new articles, or after a user's
merge or split — gives the same actors for the same evidence and loses none. ``events`` merges
every article's event reports into events, participants resolved like speakers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial

from parley.corpus import CorpusContext, corpus_step
from parley.extract.registry import ActorRegistry, fold
from parley.models import Actor, Mention, Statement
from parley.reconcile.actors import Override, Resolution, acronym, body_name, initials, is_body_name
from parley.reconcile.bodies import Bodies
from parley.reconcile.body_descriptions import described_body
from parley.reconcile.body_names import body_key, generic, introduced, kind_of, listed_kind, qualified
from parley.reconcile.events import merge_events, report_words
from parley.reconcile.speaker_gender import Genders, keep_titled
from parley.reconcile.speaker_names import SpeakerNames, speaker_words
from parley.store import RecordQuery
from parley.store.lazy import ArticleDates, StoredArticles

SpanKey = tuple[str, int, int]
ARTICLES_AT_ONCE = 500  # articles whose mentions and statements the actors step resolves together


@corpus_step(
    "actors",
    reads=("mention", "statement", "event_mention", "article"),
    writes=("actor", "mention", "statement"),
    # 2: governments events name; 3: bodies that speak; 4: titles; 5: merged bodies stay so; 6: a side's body,
    # outlets a noun names; 7: bodies by kind, exact names; 11: "Jr."; 12-16: titled_surnames, bearers; 17:
    # spellings, thing roles, the corpus's titles; 18: "X militants" a group, models and products no persons
    version="18",
)
def actors_step(ctx: CorpusContext) -> int:
    store = ctx.store
    overrides = [Override(*o) for o in store.overrides()]
    titled: list[Mention] = []  # the mentions with a courtesy title, kept as the actors are found
    extracted = keep_titled(store.records("mention", extracted=True), titled)
    resolution = Resolution.of(extracted, ctx.registry, overrides, ArticleDates(store))
    known = {a.id: a for a in resolution.actors}
    merged = _merges(overrides)
    # a body a user merged another into was made by this step when it spoke: its last record stands in
    kept = {a.id: a for a in store.records("actor") if a.id in merged.values()} if merged else {}
    changed = 0
    people: SpeakerNames | None = SpeakerNames(known.values())  # the person actors, by their names
    genders = Genders(ctx.registry)  # "he" is no woman the corpus's courtesy titles show
    genders.see(resolution.resolve(m) for m in titled)
    # mentions and statements resolved and written a few hundred articles at a time (a speaker is a
    # mention of its own article): what is held does not grow; the run is one step, owed if cut short
    every = store.unanalysed("")  # every article ("" is no pipeline)
    for start in range(0, len(every), ARTICLES_AT_ONCE):
        these = RecordQuery(article_ids=tuple(every[start : start + ARTICLES_AT_ONCE]))
        mentions = [resolution.resolve(m) for m in store.records("mention", these, extracted=True)]
        statements = list(store.records("statement", these, extracted=True))
        by_span = _by_span(mentions, statements, lambda a: getattr(store.article(a), "text", ""))
        by_span.built = people
        found = (genders.fits(s, _speaker(s, by_span, merged, known, ctx.registry, kept)) for s in statements)
        speakers = [(s, {"speaker_actor_id": a}) for s, a in zip(statements, found, strict=True)]
        changed += store.annotate("mention", ((m, {"actor_id": m.actor_id}) for m in mentions))
        changed += store.annotate("statement", speakers)
        people = by_span.built  # None once a merge's kept person joined `known`: then made per batch
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


# 2-6: undated joined/attached, one party, digests, kin types, tallies; 9: a year no day, a son's meeting
# (10: attached); 11: PARLEY_EVENTS kin/places; 12: event_apart.py; 13: own_act; 14-15: years merge as undated
@corpus_step(
    "events", reads=("event_mention", "mention", "actor", "article"), writes=("event",), version="16"
)
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
    words = partial(report_words, stored)
    events = merge_events(reports, participants, articles, words=words, sides=sides, governments=governments)
    return store.replace_records("event", events)


class _Spans(dict[SpanKey, str]):
    """(article, start, end) of each mention resolved to an actor -> its actor; and the
    organisations the model found, to make actors of those that speak (:func:`_body`): each by
    where it starts, and the names the articles give for abbreviations ("the Institute for the
    Study of War (ISW)"), article by article and, where just one, for all the batch; and, to read
    what the article says around a body (:meth:`introduced`, :meth:`qualified_bodies`), its
    statements and the way to its text."""

    def __init__(
        self,
        mentions: list[Mention],
        statements: Iterable[Statement] = (),
        texts: Callable[[str], str | None] | None = None,
    ) -> None:
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
        self.people: SpeakerNames | None = None  # the person actors by name, when first needed
        self.built: SpeakerNames | None = None  # actors_step's, while no person joined `known` since
        self.said: dict[str, list[Statement]] = {}  # article -> its statements
        for st in statements:
            self.said.setdefault(st.article_id, []).append(st)
        self.texts, self._texts = texts, dict[str, str]()
        self._qualified: dict[str, dict[frozenset[str], dict[str, str]]] = {}

    def text(self, article_id: str) -> str:
        if article_id not in self._texts:
            self._texts[article_id] = (self.texts(article_id) if self.texts else "") or ""
        return self._texts[article_id]

    def introduced(self, m: Mention) -> bool:
        """Whether a name of one word the model found is a body's a noun for one introduces
        ("broadcaster Yle", "outlet Meduza"), not a person's the clustering made an actor."""
        return (
            m.actor_id is None
            and m.label in ("ORG", "PERSON", "GPE")
            and len(m.text.split()) == 1
            and m.text[:1].isupper()
            and introduced(self.text(m.article_id), m.span.start)
        )

    def qualified_bodies(
        self, article_id: str, registry: ActorRegistry
    ) -> dict[frozenset[str], dict[str, str]]:
        """The bodies a side's word qualifies in the article, as kind -> country -> a name: the
        organisations the model found, with the side's adjective or possessive before them
        ("Ukraine's" + "Air Force"), and the ones that speak."""
        if article_id in self._qualified:
            return self._qualified[article_id]
        found: dict[frozenset[str], dict[str, str]] = {}
        text, before = self.text(article_id), None
        names = []
        for m in sorted(self.labels.get(article_id, ()), key=lambda m: m.span.start):
            if m.label == "ORG":
                name = body_name(m.text)
                glue = text[before.span.end : m.span.start] if before and text else ""
                if before and before.label in ("NORP", "GPE") and re.fullmatch(r"(?:['’]s)? ", glue):
                    name = f"{before.text}{glue}{name}"
                names.append(name)
            before = m
        for st in self.said.get(article_id, ()):
            words = _body_words(st, self, registry)
            names += [body_name(words[0])] if words else []
        for name in names:
            if key := body_key(name, registry):
                found.setdefault(key[1], {}).setdefault(key[0], name)
        self._qualified[article_id] = found
        return found


def _by_span(
    mentions: list[Mention],
    statements: Iterable[Statement] = (),
    texts: Callable[[str], str | None] | None = None,
) -> _Spans:
    return _Spans(mentions, statements, texts)


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
    is added to the actors when it speaks ("Moscow said"), and so is an organisation, named or
    described by its kind (:func:`_described`); else the person whose name the words are
    (:class:`SpeakerNames`). No name in an aside ("X, including Y") or of a body is the speaker."""
    s = speaker_words(s)
    ref = s.speaker_ref
    actor_id = (by_span.get((s.article_id, ref.start, ref.end)) if ref else None) or s.speaker_actor_id
    if actor_id is None:
        actor_id = _body(s, by_span, known, registry) or _described(s, by_span, known, registry)
    if actor_id is None and s.speaker:
        if by_span.people is None:
            by_span.people = by_span.built or SpeakerNames(known.values())
        actor_id = by_span.people.actor(
            s.speaker, by_span.labels.get(s.article_id, ()), by_span.text(s.article_id)
        )
    if actor_id is None:
        return None
    actor_id = _follow(actor_id, merged)
    if actor_id not in known and kept and actor_id in kept:  # a merge's target, not heard yet in this run
        if by_span.index is None:
            by_span.index = Bodies(known, registry)
        by_span.index.add(kept[actor_id])  # to be found by its name when it speaks
        by_span.built = None if kept[actor_id].kind == "person" else by_span.built
    if actor_id in known:
        return actor_id
    for side in registry.sides:
        government = registry.government(side)
        if government.id == actor_id:
            known[actor_id] = government
            return actor_id
    return None


def _described(s: Statement, spans: _Spans, known: dict[str, Actor], registry: ActorRegistry) -> str | None:
    """The body the speaker words describe by its kind ("the think-tank"): the one the article
    named before them (:func:`described_body`)."""
    where = (s.speaker_span or s.span).start
    before = [m for m in spans.labels.get(s.article_id, ()) if m.span.end <= where]
    name = described_body(s.speaker or "", before, registry)
    if name is None:
        return None
    if spans.index is None:
        spans.index = Bodies(known, registry)
    return spans.index.actor(name, None, f"{s.article_id}@{where}: said as {s.speaker!r}").id


# what may follow a body's name in the speaker words: nothing, its abbreviation in brackets, or
# a description after a comma ("the Institute for the Study of War, or ISW, a think tank")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’-]+|[A-Z]{2,8})$")  # "Staff", "USF"; not "MoD"
_AFTER_BODY = re.compile(r"^(?:\s*\(\s*[A-Z][A-Za-z.]{1,8}\s*\))?\s*(?:,.*)?$", re.DOTALL)


def _body(s: Statement, spans: _Spans, known: dict[str, Actor], registry: ActorRegistry) -> str | None:
    """The organisation a statement's speaker is, by name (:func:`is_body_name`), added to the
    actors when first heard (:func:`_body_words`). An abbreviation goes by the name its article
    (else any article of the batch, if just one) spells out for it."""
    found = _body_words(s, spans, registry)
    if found is None:
        return None
    words, after_the = found
    name = body_name(words)
    short = acronym(name)
    if short:
        name = spans.spelled.get((s.article_id, short)) or spans.named.get(short) or short
    if not is_body_name(name, after_the, registry):
        # a kind of body alone ("the General Staff") is the one body of that kind a side's word
        # qualifies in the article, if just one ("the General Staff of the Armed Forces of Ukraine")
        if qualified(name, registry) or not generic(name):
            return None
        named = spans.qualified_bodies(s.article_id, registry).get(kind_of(name), {})
        if len(named) != 1:
            return None
        (name,), short = named.values(), None
    if spans.index is None:
        spans.index = Bodies(known, registry)
    where = (s.speaker_span or s.speaker_ref or s.span).start
    return spans.index.actor(name, short, f"{s.article_id}@{where}: said as {s.speaker or words!r}").id


def _body_words(s: Statement, spans: _Spans, registry: ActorRegistry) -> tuple[str, bool] | None:
    """The words naming the organisation a statement's speaker is, and whether they may be a name
    of one word ("the" before them, or a noun for a body: "outlet Bild"): the organisation the
    extractor tied the speaker to ("it" standing for it; with the side's word before it in the
    speaker words, "Ukraine's" + "Air Force"), the one the speaker words name ("The Ukrainian
    General Staff said", "the ISW"; its abbreviation in brackets or a description after a comma
    may follow), or, where the model found none there, the words alone when they are a name of
    two words or more after "the" or a side's possessive ("Ukraine's General Staff", a listed
    kind in small letters too), a kind of body alone (for :func:`_body` to find whose), an
    abbreviation, or a name of one word the article introduces elsewhere as a body's ("outlet
    Meduza"), holding no other name than a side's and an organisation's after "of" ("the General
    Staff of" + "the Armed Forces of Ukraine")."""
    ref, words, span = s.speaker_ref, s.speaker or "", s.speaker_span
    if ref is not None:
        m = spans.bodies.get((s.article_id, ref.start))
        if m is None:  # "broadcaster Yle", the model taking it for a person
            at = [
                x
                for x in spans.labels.get(s.article_id, ())
                if (x.span.start, x.span.end) == (ref.start, ref.end)
            ]
            return (at[0].text, True) if at and spans.introduced(at[0]) else None
        if m.actor_id or m.span.end != ref.end:
            return None
        if span is not None and span.start < ref.start and ref.end <= span.end:
            name = words[: ref.end - span.start]
            q = qualified(body_name(name), registry)
            if q and q.form != "of" and q.rest == body_name(m.text):
                return name, True
        return m.text, m.text[:4].lower() == "the " or spans.introduced(m)
    if span is None or not words:
        return None
    lead = len(words) - len(re.sub(r"^[Tt]he\s+", "", words))
    m = spans.bodies.get((s.article_id, span.start + lead)) or spans.bodies.get((s.article_id, span.start))
    if m is not None:
        if m.actor_id or m.span.end > span.end:
            return None
        after = words[m.span.end - span.start :]
        if _AFTER_BODY.match(after):
            return m.text, lead > 0 or m.text[:4].lower() == "the " or spans.introduced(m)
        place = re.fullmatch(r"\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})", after)
        if m.text.endswith(" of") and place and registry.place_side(place.group(1)):
            return words, True  # "the State Emergency Service of" + "Ukraine"
        return None
    inside = [x for x in spans.labels.get(s.article_id, ()) if span.start <= x.span.start < span.end]
    for x in inside:
        if x.label in ("NORP", "GPE"):
            continue
        before = words[: x.span.start - span.start]
        q = qualified(body_name(words[: x.span.end - span.start]), registry)
        side_word = q is not None and q.form != "of" and q.rest == body_name(x.text)  # "Ukraine's" + X
        if x.label != "ORG" or x.actor_id or x.span.end != span.end:
            return None
        if not (side_word or re.search(r"\sof\s+$", before)):
            return None
    name = re.sub(r"\s*\([^()]*\)$", "", words[lead:])  # "the Unmanned Systems Forces (USF)"
    people = [x for x in inside if x.label in ("NORP", "GPE")]
    own = [
        w
        for w in re.finditer(r"\S+", name)
        if not any(x.span.start <= span.start + lead + w.start() < x.span.end for x in people)
    ]  # not "the Russians", "the Europeans": a people
    q = qualified(name, registry)
    possessive = q is not None and q.form == "possessive"
    if own and q is not None and q.form != "of" and (possessive or lead > 0) and listed_kind(q.rest):
        return name, True  # "Ukraine's general staff", "the Russian MoD": a listed kind of a side's
    split = name.split()
    if not own or not all(
        _NAME_WORD.match(w) or w in ("of", "for", "and", "on") or (w == "the" and split[n - 1 : n] == ["of"])
        for n, w in enumerate(split)
    ):
        return None
    if acronym(name):
        return name, lead > 0
    if len(split) > 1:
        if lead > 0 or possessive:
            return name, True
        return (name, False) if q is None and generic(name) else None  # "General Staff": whose?
    if lead == 0 and any(x.text == name and spans.introduced(x) for x in spans.labels.get(s.article_id, ())):
        return name, True  # "outlet Meduza ... Meduza reported"
    return None  # not "the West"


import parley.reconcile.contested_steps  # noqa: E402, F401  (claims, contested, signals)
import parley.reconcile.positions  # noqa: E402, F401  (positions)
import parley.reconcile.story_steps  # noqa: E402, F401  (copies through source_steps, stories, independence)
