"""Look-ups, counts and curation actions over a :class:`~parley.store.Store`, for the presenters.

The CLI (and any other presenter) parses its options, calls these and prints the result; none of
them prints or knows about click. Each raises a :class:`~parley.errors.QueryError` when it cannot
answer as asked (the CLI turns it into exit code 2):

- records by id or unique id prefix: :func:`find_article`, :func:`find_statement`,
  :func:`find_event`, :func:`find_actor` (:class:`NotFound`, or :class:`AmbiguousId` listing the
  candidates);
- a user's words to actors: :func:`match_actors` (name, every alias and id, folded);
- curation: :func:`merge_actors`, :func:`split_actor` (checked, recorded, applied at once);
- counts (made in the store, never by reading every record): :func:`article_counts`,
  :func:`speaker_tally`, :func:`most_reported_events`, :func:`event_independence`; and
  :func:`cached`, which keeps a count while the store's revision stays the same;
- context: :func:`sentence_context` (the sentence around a statement), :func:`event_types`.

The store has no look-up by id for statements, events or actors, nor a way to tell a missing
article from an ambiguous prefix; these are done here over the listing methods.
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from parley import records
from parley.errors import AmbiguousId, InvalidOverride, NotFound
from parley.extract.registry import ActorRegistry, fold
from parley.models import Actor, Article, Event, Span, Statement
from parley.store import RecordQuery, Store

T = TypeVar("T")
UNKNOWN = "unknown"  # how a missing outlet or date is counted and shown
SHOWN_CANDIDATES = 8  # how many candidates an ambiguous prefix error lists
CACHED_KEYS = 64  # answers :func:`cached` keeps per store
LATEST_READ = 4  # statements read per day for each latest one wanted (words said are picked first)
LATEST_SPARE_DAYS = 3  # more days read for words said when views ascribed already fill the list

# -- records by id or unique id prefix -------------------------------------------------------------


def unique_id(kind: str, prefix: str, ids: Iterable[str]) -> str:
    """The one id in ``ids`` equal to ``prefix`` or starting with it (case-insensitive)."""
    key = prefix.strip().lower()
    if not key:
        raise NotFound(f"an empty {kind} id")
    candidates = sorted({i for i in ids if i.lower().startswith(key)})
    exact = [i for i in candidates if i.lower() == key]
    if exact:
        return exact[0]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise NotFound(f"no {kind} with id {prefix!r}")
    shown = ", ".join(candidates[:SHOWN_CANDIDATES])
    more = f" and {len(candidates) - SHOWN_CANDIDATES} more" if len(candidates) > SHOWN_CANDIDATES else ""
    raise AmbiguousId(
        f"{prefix!r} is the start of {len(candidates)} {kind} ids: {shown}{more}; give more of the id",
        candidates,
    )


def find_article(store: Store, prefix: str) -> Article:
    article_id = unique_id("article", prefix, store.article_ids(prefix.strip().lower(), limit=100))
    article = store.article(article_id)
    if article is None:  # pragma: no cover - the store listed it a moment ago
        raise NotFound(f"no article with id {prefix!r}")
    return article


def find_statement(store: Store, prefix: str) -> Statement:
    return _find_record(store, "statement", prefix)


def find_event(store: Store, prefix: str) -> Event:
    return _find_record(store, "event", prefix)


def find_contested(store: Store, prefix: str) -> Any:
    """A contested item by its id or a unique prefix of it."""
    return _find_record(store, "contested", prefix)


def find_actor(store: Store, prefix: str) -> Actor:
    try:
        return _find_record(store, "actor", prefix)
    except NotFound:
        raise NotFound(f"no actor with id {prefix!r} (see `parley actors`)") from None


def _find_record(store: Store, type_name: str, prefix: str):
    """The record whose key (id) is ``prefix`` or the only one starting with it: an indexed
    look-up, however large the store."""
    key = prefix.strip().lower()
    if not key:
        raise NotFound(f"an empty {type_name} id")
    found = {
        records.get(type_name).key(r): r
        for r in store.records(type_name, RecordQuery(key_prefix=key, limit=100))
    }
    return found[unique_id(type_name, prefix, found)]


# -- a user's words to actors ----------------------------------------------------------------------


def match_actors(actors: Iterable[Actor], words: str) -> list[Actor]:
    """Actors whose id is ``words``, or whose name or an alias contains them as whole words;
    case, accents, a leading "the" and a possessive folded away ("zelenskyy" finds Volodymyr
    Zelensky by his alias, "peskov" finds Dmitry Peskov). Raw speaker words are never matched:
    "a spokesperson for Zelenskyy's office" is not Zelensky."""
    key = fold(words)
    if not key:
        raise NotFound("no actor is named by empty words")
    pattern = re.compile(rf"(?<![\w'-]){re.escape(key)}(?![\w'-])")
    found = [
        a
        for a in actors
        if key == a.id.lower() or any(pattern.search(fold(name)) for name in (a.name, *a.aliases))
    ]
    if not found:
        raise NotFound(f"no actor is named {words!r} (names and ids: `parley actors`)")
    return sorted(found, key=lambda a: a.id)


# -- curation --------------------------------------------------------------------------------------


def merge_actors(
    store: Store, source: str, target: str, registry: ActorRegistry | None = None
) -> list[Actor]:
    """Record that actor ``source`` is actor ``target`` (ids or unique prefixes) and re-resolve
    the corpus; returns the actors now. Kept in the store and applied after every re-analysis."""
    src, tgt = find_actor(store, source), find_actor(store, target)
    if src.id == tgt.id:
        raise InvalidOverride(f"{src.id} cannot be merged into itself")
    store.add_override("merge", src.id, tgt.id)
    return _resolve(store, registry)


def split_actor(store: Store, actor: str, name: str, registry: ActorRegistry | None = None) -> list[Actor]:
    """Record that the mentions written ``name`` are not ``actor`` but an actor of their own;
    ``name`` must be one of the actor's names (case and accents aside)."""
    found = find_actor(store, actor)
    names = (found.name, *found.aliases)
    written = next((n for n in names if n == name), None) or next(
        (n for n in names if fold(n) == fold(name)), None
    )
    if written is None:
        raise InvalidOverride(f"{found.id} has no name {name!r}; its names: {', '.join(names)}")
    store.add_override("split", found.id, written)
    return _resolve(store, registry)


def _resolve(store: Store, registry: ActorRegistry | None) -> list[Actor]:
    from parley.analyse import resolve_corpus  # the analysis job; imported when an action needs it
    from parley.extract.registry import default_registry

    return resolve_corpus(store, registry or default_registry())


# -- counts ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleCounts:
    total: int
    outlets: list[tuple[str, int]]  # most articles first
    days: list[tuple[str, int]]  # ISO days in order, "unknown" last
    by_outlet_day: dict[str, dict[str, int]]


def article_counts(store: Store) -> ArticleCounts:
    """Articles per outlet, per day and both, counted in the store (no article is read)."""
    outlets: Counter[str] = Counter()
    days: Counter[str] = Counter()
    grid: dict[str, Counter[str]] = {}
    for outlet_or_none, published, n in store.article_tally():
        outlet = outlet_or_none or UNKNOWN
        day = published.isoformat() if published else UNKNOWN
        outlets[outlet] += n
        days[day] += n
        grid.setdefault(outlet, Counter())[day] += n
    return ArticleCounts(
        total=sum(outlets.values()),
        outlets=sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        days=sorted(days.items(), key=lambda kv: (kv[0] == UNKNOWN, kv[0])),
        by_outlet_day={o: dict(sorted(c.items())) for o, c in sorted(grid.items())},
    )


# what a speaker says: not a claim they deny or relay, nor a question put to them
OWN_WORDS = (("embedded_in", (None,)),)


@dataclass
class SpeakerTally:
    """Statements counted in the store: all, and by resolved speaker in their own words (with the
    days they were said on); each speaker's latest statements are read when asked for."""

    total: int = 0
    by_actor: Counter[str] = field(default_factory=Counter)
    actors: dict[str, Actor] = field(default_factory=dict)
    days: dict[str, Counter[str | None]] = field(default_factory=dict)  # actor -> said_on -> n
    store: Store | None = None
    latest_per_actor: int = 2

    @property
    def attributed(self) -> int:
        return sum(self.by_actor.values())

    def latest(self, actor_id: str) -> list[Statement]:
        """The actor's latest statements, latest said first (the first stored first among those
        of one day), undated last: only the days that hold them are read. Words said come
        before a thought or wish the writer ascribes to the actor (``ascribed``: "Moscow
        believes ..."), which fill the list only when too few words were said."""
        want = self.latest_per_actor
        if not want or self.store is None:
            return []
        days = self.days.get(actor_id, Counter())
        dated = sorted((d for d in days if d is not None), reverse=True)
        who = (("speaker_actor_id", (actor_id,)), *OWN_WORDS)
        said: list[Statement] = []
        ascribed: list[Statement] = []
        asks = [
            RecordQuery(equals=who, since=dt.date.fromisoformat(d), until=dt.date.fromisoformat(d))
            for d in dated
        ]
        if days.get(None):
            asks.append(RecordQuery(equals=(*who, ("said_on", (None,)))))
        spare = LATEST_SPARE_DAYS  # days read for words said once views fill the list
        for ask in asks:  # the latest day first, each read only while words are still wanted
            if len(said) >= want or (len(said) + len(ascribed) >= want and (spare := spare - 1) < 0):
                break
            for s in self.store.records("statement", replace(ask, limit=want * LATEST_READ)):
                (ascribed if s.ascribed else said).append(s)
        found = (said + ascribed)[:want]
        return sorted(found, key=lambda s: (s.said_on is None, -(s.said_on.toordinal() if s.said_on else 0)))


def speaker_tally(store: Store, latest: int = 2) -> SpeakerTally:
    actors = {a.id: a for a in store.actors()}
    total = cached(store, "statements", lambda: store.count("statement"))
    tally = SpeakerTally(total=total, actors=actors, store=store, latest_per_actor=latest)
    by = ("speaker_actor_id", "said_on")  # one pass of the store, shared by every section that counts
    grouped = cached(store, by, lambda: store.count_by("statement", by, RecordQuery(equals=OWN_WORDS)))
    for (actor_id, said_on), n in grouped.items():
        if actor_id in actors:
            tally.by_actor[actor_id] += n
            tally.days.setdefault(actor_id, Counter())[said_on] += n
    return tally


def event_independence(store: Store, events: Iterable[Event]) -> dict[str, int]:
    """How many of each event's sources are independent of each other (copies, one outlet's
    articles and citation chains counted once), as the ``independence`` corpus step recorded it;
    an event it has not covered yet (the step runs after ``events`` in ``parley analyse``) is
    left out: its sources are counted, its independent ones are not known."""
    ids = tuple(dict.fromkeys(e.id for e in events))
    if not ids or "independence" not in {rt.name for rt in records.all_types()}:
        return {}
    # the counts alone, read in the database: each record's groups of article ids are never decoded
    found = store.count_by(
        "independence", ("subject", "subject_id", "independent"), RecordQuery(equals=(("subject_id", ids),))
    )
    return {subject_id: n for subject, subject_id, n in found if subject == "event"}


def event_day(date: dt.date | str | None, precision: str | None) -> str:
    """An event's date as it is known: "2025-12", "week of 2025-11-17", a day, "1993", or "undated"."""
    if date is None:
        return "undated"
    day = date if isinstance(date, str) else date.isoformat()
    if precision == "month":
        return day[:7]
    if precision == "week":
        return f"week of {day}"
    if precision == "year":
        return day[:4]
    return day


def most_reported_events(store: Store, limit: int = 10) -> list[Event]:
    """The dated, reported (not planned) events reported by the most articles, latest first
    among equals; returned in date order. An event dated only by a year ("resigned in 1993") is
    left out: what happened when is a matter of days."""
    dated = [
        (e.date, e)
        for e in store.events()
        if e.date is not None and e.precision in ("day", "week", "month") and e.status == "reported"
    ]
    top = sorted(dated, key=lambda de: (de[1].source_articles, de[0]), reverse=True)[:limit]
    return [e for _, e in sorted(top, key=lambda de: de[0])]


# -- a cache for the presenters -------------------------------------------------------------------

_CACHE: weakref.WeakKeyDictionary[Any, dict[Hashable, tuple[str, Any]]] = weakref.WeakKeyDictionary()


def cached(store: Store, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, kept with the store's :meth:`~parley.store.Store.revision` and given again
    while the revision is the same: any write to the store, by anyone, makes it anew. For counts
    over the whole store (the brief's sections) that a server is asked for often; the value is
    shared by every caller, so none may change it."""
    revision = store.revision()
    kept = _CACHE.setdefault(store, {})
    hit = kept.get(key)
    if hit is None or hit[0] != revision:
        if len(kept) >= CACHED_KEYS:  # many days asked for: the oldest answer goes
            del kept[next(iter(kept))]
        hit = kept[key] = (revision, make())
    return hit[1]


# -- context ---------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n")
_CLOSING = ".!?\"”’')]"


def sentence_context(text: str, span: Span) -> tuple[str, str, str]:
    """``(before, statement, after)``: the statement with the rest of the sentence(s) it is in."""
    start = 0
    for end in _SENTENCE_END.finditer(text, 0, span.start):
        start = end.end()
    stop, pos = len(text), span.end
    while pos > span.start and text[pos - 1] in _CLOSING:  # a statement may end its sentence
        pos -= 1
    after = _SENTENCE_END.search(text, pos)
    if after:  # keep the closing punctuation, not the space or line break after it
        stop = after.start() + len(after.group().rstrip())
    return text[start : span.start], span.of(text), text[span.end : stop]


def event_types() -> tuple[str, ...]:
    """The event types of the taxonomy in use (the file the ``PARLEY_EVENTS`` setting names, by
    default the bundled ``parley/data/events.yaml``), in its order: the types the extractor finds,
    read through :func:`~parley.extract.event_taxonomy.load_taxonomy` (read again only when the
    file changes). Raises :class:`~parley.errors.ConfigError` for a file that cannot be read."""
    from parley.extract.event_taxonomy import load_taxonomy  # the extractors' modules: when asked

    return tuple(t.id for t in load_taxonomy())
