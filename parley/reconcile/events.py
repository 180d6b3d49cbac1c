"""Merging reports of the same event across articles into one :class:`Event`.

Two reports are of the same event only when they have the same type and nothing rules it out;
then the evidence is scored:

- dates: the same day (+2); a day inside the other report's week, or the same week (+1); inside
  its month (0); one or both unknown, with the undated report published no earlier than the event
  (for a planned event: no earlier than ``REPORT_WINDOW_DAYS`` before it) and at most
  ``REPORT_WINDOW_DAYS`` after it (0); days a day apart (0, kept as a conflict); further apart,
  or a day outside the other's week or month: never the same event. Two undated reports must be
  published within ``REPORT_WINDOW_DAYS`` of each other; a date coarser than a month ("in 2022")
  only rules out an event outside it, and a report so dated needs the evidence of an undated one
  (:mod:`.event_when`);
- participants: overlap coefficient |A∩B| / min(|A|,|B|) at least 0.5 (+2), any overlap (+1),
  none while both name someone: never the same event; nor, of a type that is one person's own act
  (``own_act`` in the taxonomy: a resignation), when each names someone the other does not;
- place: the same, or one inside the other ("Geneva" and "Switzerland", by the ``places`` of the
  event taxonomy; "South Florida" and "Florida") (+1); two places neither of which
  holds the other (-2: only the same day and the same people merge them, and the places are
  then kept as a conflict);
- duration: the same (+1).

Agreeing details must include more than the dates and one party: reports of a ``recurring``
type (strikes) a day apart sharing fewer than two parties, reports told in two places
(unless two or more parties are the same), undated ones or ones dated only to the month, ones
agreeing only to the week with one party in common ("X's statements last week", "X's statement on
Friday"), and same-day ones with no party, place, duration or figures in common are one event only when their
sentences also share distinctive words (:mod:`parley.reconcile.event_words`: "Smolensk", "242",
not "Russia"). So "Russia launched drones" in four articles of a fortnight is not one strike. A
report of an article already among the event's sources needs no words when one side is dated
(one article's narration goes on about the event it dated: "the summit ... the meeting"), unless,
of a type that is one person's own act (``own_act``), it names someone and the event no one ("a
communique said ...", then "the decision, announced by X": X is no party of the communique), or,
of a ``recurring`` type, the two are told in two places ("a hospital in X ... a bus near Y").

Reports from a digest (an article with ``DIGEST_REPORTS`` or more of one type, such as a think
tank's daily list of every village attacked) count only with casualty figures, a registered party,
or, of a type that does not recur daily, a resolved party and a date or place. A report joins the
best-scoring event at ``MERGE_SCORE`` or more (``UNDATED_MERGE_SCORE`` for a report with no date of
its own joining a dated event reported by other articles), else starts a new one; an undated report
short of that score still joins the one dated event of its type it can be of, when they agree on the
place or on every party it names, two or more people (:func:`.event_parties.sole_event`); of equal
events, it joins the latest before its article. A party one report names and the other does not
counts as new only when the other names neither its side's government nor, for a government, someone
of its side (:func:`.event_parties.beyond`); an article's undated report joins the event it dated on
less evidence, unless it names someone of no side beside an event of the sides' people
(:func:`.event_parties.outsider`). Conflicting details (date, place, duration) are kept side by
side, one entry per value with every source that gives it. What is left undated joins the one dated
event it can be of on what the pass does not read (:mod:`.event_attach`); a visit joins the meeting
it was for (:mod:`.event_kin`); a strike told over a week is none (:mod:`.event_spans`). A report
whose own party is someone it does not name ("his son's meeting with X", :mod:`.event_doers`) is
one event only with another such report. A report told with "also" joins no event its article told
before it, and an undated one as good a match for two events of its own article stays apart
(:mod:`.event_apart`). Then events whose evidence is too thin are dropped
(:func:`thin`): one article, nobody named, no casualty figures, and not both a date and a place.
An event's status is the surest its reports give (:data:`.event_records.STATUS_ORDER`): reported
if one article tells it as fact, else claimed, planned, denied."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from functools import partial

from parley.extract.event_taxonomy import Taxonomy, load_taxonomy
from parley.models import Article, Event, EventMention
from parley.reconcile.event_apart import also_told, ambiguous, told_apart
from parley.reconcile.event_attach import attach
from parley.reconcile.event_conflicts import same_place
from parley.reconcile.event_doers import unnamed_apart, unnamed_doer
from parley.reconcile.event_index import DraftIndex
from parley.reconcile.event_kin import merge_kin
from parley.reconcile.event_parties import beyond, outsider, recency, sole_event, stands_for
from parley.reconcile.event_records import Report, event_of
from parley.reconcile.event_spans import spanned
from parley.reconcile.event_when import REPORT_WINDOW_DAYS, coarse, date_score, fine_date
from parley.reconcile.event_words import Words, content_agrees, needs_words

MERGE_SCORE = 2
# An undated report joins another article's dated event on more evidence (parties and a place)
UNDATED_MERGE_SCORE = 3
OTHER_PLACE = -2
# An article with this many reports of one type is a digest (a think tank's front-line report)
DIGEST_REPORTS = 8


class _Draft:
    """Reports taken to be of one event so far, with what scoring needs of them kept up to date
    as reports join (scoring runs once per report and earlier draft of its type)."""

    def __init__(self, type: str, sole: bool = True) -> None:
        self.type = type
        # an undated report may join it as the one event it can be of (``sole_event``); not a
        # draft the fast path leaves out of the index, so that both paths merge alike
        self.sole = sole
        self.reports: list[Report] = []
        self.participants: set[str] = set()
        self.article_ids: set[str] = set()
        self._days: dict[dt.date, None] = {}  # in order of arrival, once each
        self._periods: dict[tuple[dt.date, dt.date, str], None] = {}
        self._coarse: dict[tuple[dt.date, dt.date], None] = {}  # "in 2022" (``event_when``)
        self._places: set[str] = set()
        self._durations: set[str] = set()
        self._published: dict[dt.date, None] = {}
        self.words: set[str] = set()  # its reports' distinctive words (``event_words.Words``)
        self.figures: list[dict[str, int]] = []
        self.unnamed = False  # a report's own party is someone it does not name (``event_doers``)
        self.also: list[EventMention] = []  # its reports told with "also" (``event_apart``)

    def add(self, report: Report, words: frozenset[str] = frozenset()) -> None:
        m, people, article = report
        self.reports.append(report)
        self.words |= words
        if m.figures:
            self.figures.append(m.figures)
        self.participants |= people
        self.article_ids.add(m.article_id)
        if m.date and m.precision == "day":
            self._days[m.date] = None
        if m.date and m.precision in ("week", "month"):
            self._periods[m.date, m.date_end or m.date, m.precision or ""] = None
        if m.date and coarse(m):
            self._coarse[m.date, m.date_end or m.date] = None
        if m.place:
            self._places.add(m.place)
        if m.duration:
            self._durations.add(m.duration)
        if article and article.published:
            self._published[article.published] = None

    def dates(self) -> list[dt.date]:
        return list(self._days)

    def periods(self) -> list[tuple[dt.date, dt.date, str]]:
        return list(self._periods)

    def coarse(self) -> list[tuple[dt.date, dt.date]]:
        return list(self._coarse)

    def places(self) -> set[str]:
        return self._places

    def durations(self) -> set[str]:
        return self._durations

    def published(self) -> list[dt.date]:
        return list(self._published)


def merge_events(
    reports: Iterable[EventMention],
    participants: dict[int, frozenset[str]],
    articles: Mapping[str, Article],
    taxonomy: Taxonomy | None = None,
    exhaustive: bool = False,
    words: Callable[[EventMention], str] | None = None,
    sides: Mapping[str, str] | None = None,
    governments: Mapping[str, str] | None = None,
) -> list[Event]:
    """``participants`` maps ``id(report)`` to its resolved actor ids; ``taxonomy`` (by default the
    one of the ``PARLEY_EVENTS`` setting, :func:`.event_taxonomy.load_taxonomy`) says where each
    place lies, which types happen day after day and which stand for one happening. ``exhaustive``
    scores every report against every draft of its type: the reference the fast path must match
    (tests use it).
    ``words`` gives a report's words for the event's summary; by default they are read from its
    article in ``articles`` (a caller may give articles without their text, to hold less, and
    read the words elsewhere). ``sides`` gives the side of each actor (by id) and
    ``governments`` the side each government stands for, so that "the US envoys" (the US
    government) and the envoys by name are parties in common."""
    given = load_taxonomy() if taxonomy is None else taxonomy
    where = given.places
    recurring = frozenset(t.id for t in given if t.recurring)  # strikes: they happen day after day
    own = frozenset(t.id for t in given if t.own_act)  # resignations: one person's own act
    reports = list(reports)
    per_article = Counter((m.article_id, m.type) for m in reports)
    digest = {k for k, n in per_article.items() if n >= DIGEST_REPORTS}
    reports = [
        m for m in reports if (m.article_id, m.type) not in digest or _kept(m, participants, recurring)
    ]
    drafts: list[_Draft] = []
    of_type: dict[str, DraftIndex] = {}
    if words is None:
        words = partial(report_words, articles)
    tallies = spanned(reports, words, recurring)  # a week's total is no one day's strike
    reports = [m for m in reports if id(m) not in tallies]
    doers: set[int] = set()  # reports of someone they do not name: "his son's meeting with X"
    more: set[int] = set()  # reports told with "also": one more event than their article told before

    def reading(m: EventMention) -> str:  # each report's words read once, for all three
        text = words(m)
        if unnamed_doer(m, text):
            doers.add(id(m))
        if also_told(m, text):
            more.add(id(m))
        return text

    distinctive = Words(reports, reading)
    # a report dated only by a year goes with the undated (its 1 January is no day: before the days
    # of its year it would be the draft they are scored against, which asks less of them)
    ordered = sorted(
        reports, key=lambda m: (m.date if fine_date(m) else dt.date.max, m.article_id, m.span.start)
    )
    for m in ordered:
        people = participants.get(id(m), frozenset(m.participants))
        article = articles.get(m.article_id)
        if not exhaustive and _best_possible(m, people) < MERGE_SCORE:
            # nothing in it could make it join an event, or let another report join it (a score
            # needs the detail on both sides): an event of its own, never looked at again
            draft = _Draft(m.type, sole=False)
            drafts.append(draft)
            draft.add((m, people, article), distinctive.of(m))  # its words for ``attach``
            draft.unnamed = id(m) in doers
            continue
        index = of_type.setdefault(m.type, DraftIndex(REPORT_WINDOW_DAYS))
        scored: list[tuple[_Draft, int]] = []
        possible: list[tuple[_Draft, int, bool]] = []  # dated drafts an undated report may be of
        mine = distinctive.of(m)
        # the drafts whose dates do not rule it out
        for d in index.drafts if exhaustive else index.candidates(m, article):
            parties = (sides or {}, governments or {})
            unnamed = id(m) in doers
            score = _score(d, m, people, article, where, mine, parties, unnamed, recurring=recurring, own=own)
            if score is not None and told_apart(m, id(m) in more, d):
                continue  # "X also struck Y": not the strike its article told before
            if score is not None and score >= _needed(d, m):
                scored.append((d, score))
            elif score is not None and d.sole and (d.dates() or d.periods()):
                here = m.place is not None and any(same_place(m.place, p, where) for p in d.places())
                possible.append((d, score, here))
        open_to = _best_possible(m, people) >= MERGE_SCORE  # as the fast path: see above
        if ambiguous(m, scored):
            scored, open_to = [], False  # as good a match for two events its article tells
        if not scored and not m.date and m.type not in recurring and open_to:
            # nothing reached the score an undated report needs: the one dated event it can be of
            sole = sole_event(possible, people, frozenset(governments or ()))
            scored = [(sole, UNDATED_MERGE_SCORE)] if sole is not None else []
        if scored:
            # of equals, an undated report is of the latest event before it was published
            draft = max(scored, key=lambda ds: (ds[1], recency(ds[0], m, article)))[0]
        else:
            draft = _Draft(m.type, sole=open_to)
            drafts.append(draft)
            index.new(draft)
        draft.add((m, people, article), mine)
        draft.unnamed = draft.unnamed or id(m) in doers
        if id(m) in more:
            draft.also.append(m)
        index.added(draft, m, article)
    drafts = attach(drafts, where, (sides or {}, governments or {}), REPORT_WINDOW_DAYS, recurring)
    drafts = merge_kin(drafts, where, given.kin)  # a visit and the meeting it was for
    return [e for e in (event_of(d, where, words) for d in drafts) if not thin(e)]


def report_words(articles: Mapping[str, Article], m: EventMention) -> str:
    article = articles.get(m.article_id)
    return article.text[m.span.start : m.span.end] if article else ""


def _best_possible(m: EventMention, people: frozenset[str]) -> int:
    """The highest score a report could get with any event (see :func:`_score`)."""
    when = 2 if m.date and m.precision == "day" else 1 if m.date and m.precision == "week" else 0
    return when + (2 if people else 0) + (1 if m.place else 0) + (1 if m.duration else 0)


def thin(e: Event) -> bool:
    """Too little evidence for the timeline: one article, nobody named, no casualty figures,
    and not both a date (to the day or week) and a place."""
    articles = {s.article_id for s in e.sources}
    dated = e.date is not None and e.precision in ("day", "week")
    return len(articles) < 2 and not e.participants and not e.figures and not (dated and e.place)


def _needed(d: _Draft, m: EventMention) -> int:
    """The score a report needs to join a draft event."""
    same_article = m.article_id in d.article_ids
    if fine_date(m) or not (d.dates() or d.periods()) or same_article:
        return MERGE_SCORE
    return UNDATED_MERGE_SCORE


def _score(
    d: _Draft,
    m: EventMention,
    people: frozenset[str],
    article: Article | None,
    places: dict[str, str],
    words: frozenset[str] = frozenset(),
    parties: tuple[Mapping[str, str], Mapping[str, str]] = ({}, {}),
    unnamed: bool = False,
    *,
    recurring: frozenset[str],
    own: frozenset[str],
) -> int | None:
    """The evidence that report ``m`` is of draft ``d`` (the module docstring); None: not the
    same event. ``unnamed``: the report's own party is someone it does not name; ``recurring``:
    the types that happen day after day; ``own``: the types of one person's own act."""
    theirs = d.participants
    if unnamed_apart(unnamed, d.unnamed):
        return None  # "his son's meeting with X" is not his meeting with X
    when = date_score(d, m, article.published if article else None)
    if when is None:
        return None
    score = when
    shared = 0
    dated = bool(d.dates()) or any(p[2] == "week" for p in d.periods())
    # one article's narration goes on about an event it has dated ("the summit ... the meeting")
    told_here = m.article_id in d.article_ids and (
        dated or (m.date is not None and m.precision in ("day", "week"))
    )
    # but of one person's own act, a report naming someone is not its article's narration of one
    # it told naming no one ("a communique said ...", then "the decision, announced by X")
    told_here = told_here and not (d.type in own and people and not theirs)
    if people and theirs:
        shared = len(people & theirs) or stands_for(people, theirs, *parties)
        if not shared:
            return None
        mine_only, theirs_only = beyond(people, theirs, *parties), beyond(theirs, people, *parties)
        if d.type in own and mine_only and theirs_only:
            return None  # "X resigned from the firm", "Y resigned from the firm": two resignations
        # an article goes on about the event it dated with the parties it named ("the summit
        # ... the two leaders"), not with someone of no side ("X's talks with the US envoys in
        # Moscow ... X's summit with a prime minister of a country that is no side")
        told_here = told_here and not outsider(mine_only, theirs, *parties)
        # each naming a party the other lacks ("X met Y", "X flew on to brief Z"): one shared
        # party counts for less, unless they are of one day or one article's narration of it
        apart = bool(mine_only) and bool(theirs_only) and when < 2 and not told_here
        score += 2 if shared / min(len(people), len(theirs)) >= 0.5 and not apart else 1
    same, other = False, False
    if m.place and d.places():
        same = any(same_place(m.place, p, places) for p in d.places())
        other = not same
        score += 1 if same else OTHER_PLACE
    if other and d.type in recurring and m.article_id in d.article_ids:
        return (
            None  # one article's strikes of a day in two places are two ("a hospital in X ... a bus near Y")
        )
    lasted = bool(m.duration and m.duration in d.durations())
    if lasted:
        score += 1
    counted = bool(m.figures and m.figures in d.figures)
    if d.type in recurring:
        # a day apart, reports of a type that happens daily are one event's only with more than
        # one party in common, or words ("Russia launched drones" on Wednesday and "Russian
        # strikes" on Thursday are two strikes)
        dated = dated and (when > 0 or shared >= 2 or not (m.date and m.precision == "day"))
    needed = not told_here and needs_words(m, dated, shared, same, other, lasted or counted, when == 1)
    if needed and not content_agrees(words, d.words):
        return None
    return score


def _kept(m: EventMention, people: Mapping[int, frozenset[str]], recurring: frozenset[str]) -> bool:
    """A report of an article's digest that counts (``recurring``: types that happen day after day)."""
    told = m.type not in recurring and bool(people.get(id(m))) and bool(m.date or m.place)
    return bool(m.figures or m.participants) or told
