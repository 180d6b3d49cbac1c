"""Who is quoted how widely: each speaker's statements and the articles they are in, for the
brief's "who said what" and "what changed" (its most quoted).

A speaker quoted at length in one long article (a profile, an interview, an analysis) is not
quoted as widely as one quoted across many articles, however many statements that one article
holds. Speakers are ranked by the number of articles quoting them, then (among as many) an actor
with a side (a party of the negotiation) before one without, then by statements.

Counted in the store as :func:`parley.lookups.speaker_tally` counts (statements in the speaker's
own words, by a resolved speaker), whose count by speaker and day is shared; the articles are
counted in the store too, only for the statements of the day asked about, or, over the whole
store, only for the speakers with the most statements: a speaker's articles are never more than
their statements, so those left out could not rank among the first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from parley.dossier_scope import dossier_scope
from parley.lookups import OWN_WORDS, SpeakerTally, cached, speaker_tally
from parley.models import Actor, Statement
from parley.store import RecordQuery, Store

__all__ = ["Quoted", "latest_said", "quoted_widely", "tally"]

BY = ("speaker_actor_id", "article_id")
CANDIDATES = 10  # over the whole store, articles are counted for this many times the speakers asked for
PICK_FROM = 4  # a speaker's latest statements read for each one shown
MIN_WORDS = 4  # words of a statement that tells something ("such allegations" does not)


@dataclass(frozen=True)
class Quoted:
    actor: Actor
    statements: int  # said on or after the day (all, with no day)
    articles: int  # the articles those statements are in
    earlier: bool = False  # also quoted before the day, or on no known day (it may be before)


def tally(store: Store) -> SpeakerTally:
    """Statements counted by speaker and day, with the store's actors (kept while the store is
    unchanged; shared, so never changed)."""
    # kept without the store: a value holding its store would keep it from ever being let go
    return cached(store, ("quoted", "tally"), lambda: replace(speaker_tally(store, latest=0), store=None))


def quoted_widely(store: Store, since: dt.date | None = None, limit: int | None = None) -> list[Quoted]:
    """The speakers quoted on or after ``since`` (a statement said on no known day is then left
    out), or the first ``limit`` of all (every one with neither), the most widely quoted first."""
    t = tally(store)
    if since is not None:
        day = since.isoformat()
        said = {
            i: sum(n for d, n in days.items() if d is not None and d >= day) for i, days in t.days.items()
        }
        said = {i: n for i, n in said.items() if n}
        articles = _articles(store, RecordQuery(equals=OWN_WORDS, since=since))
        earlier = {i for i, days in t.days.items() if any(d is None or d < day for d in days)}
        return _ranked(t, said, articles, earlier)
    said = dict(t.by_actor)
    ids = sorted(said, key=lambda i: (-said[i], i))
    if limit == 0:
        return []
    want = len(ids) if limit is None else limit * CANDIDATES
    while True:
        chosen, rest = ids[:want], ids[want:]
        where = RecordQuery(equals=(*OWN_WORDS, ("speaker_actor_id", tuple(chosen))))
        found = _ranked(t, {i: said[i] for i in chosen}, _articles(store, where) if chosen else {}, set())
        shown = found[:limit] if limit is not None else found
        # one left out has no more articles than statements: it could not rank among those shown
        if not rest or (len(shown) == limit and said[rest[0]] < shown[-1].articles):
            return shown
        want *= 2


def latest_said(store: Store, actor_id: str, want: int) -> list[Statement]:
    """The actor's latest statements to show, latest first: of the latest ``PICK_FROM`` times as
    many as wanted (:meth:`parley.lookups.SpeakerTally.latest`), those that tell something
    (``MIN_WORDS`` words at least: not "denied: such allegations") and touch the negotiation
    (:mod:`parley.dossier_scope`: not a leader's remarks on another country's crisis) first."""
    found = replace(tally(store), store=store, latest_per_actor=want * PICK_FROM).latest(actor_id)
    scope = dossier_scope(store)

    def shown_later(s: Statement) -> tuple[bool, bool, bool]:  # words said before views ascribed
        return s.ascribed, len(s.text.split()) < MIN_WORDS, scope is not None and not scope.names(s.text)

    chosen = set(map(id, sorted(found, key=shown_later)[:want]))  # sorted() keeps the latest first
    return [s for s in found if id(s) in chosen]


def _articles(store: Store, where: RecordQuery) -> dict[str, int]:
    """The articles each speaker is quoted in, of the statements ``where`` selects."""
    counts: dict[str, int] = {}
    for (actor_id, _), _n in store.count_by("statement", BY, where).items():
        counts[actor_id] = counts.get(actor_id, 0) + 1
    return counts


def _ranked(
    t: SpeakerTally, said: dict[str, int], articles: dict[str, int], earlier: set[str]
) -> list[Quoted]:
    found = [
        Quoted(t.actors[i], n, articles.get(i, 0), i in earlier) for i, n in said.items() if i in t.actors
    ]
    return sorted(found, key=lambda q: (-q.articles, q.actor.side is None, -q.statements, q.actor.id))
