"""Reports with no day of their own that the single pass of
:func:`parley.reconcile.events.merge_events` left apart, attached after it to the one dated event
they can be of.

The pass joins an undated report to a dated event on enough evidence and only within the report
window; what it leaves is read again here. Each draft with no day or week of its own (undated, or
dated to a month) is set against the drafts of its type dated to a day or week that nothing rules
out (:func:`_fits`): no place of either outside the other's, no party it names that the event
neither names nor stands for, its month or year ("in 2019") holding the event's days, its
articles published after the event (for a planned one, before it). Of those it joins the only one
of the first tier that has any; two or more there, and it stays apart:

1. told by one of its own articles, agreeing on the place or on a party, with distinctive words
   in common ("after six hours of talks in the Kremlin, X announced ..." in the article that
   dated X's talks in Moscow; not that article's "Kremlin meeting" of another day, whose words
   are not the talks');
2. else dated no more than the report window before its articles, agreeing on the place with
   distinctive words in common, or naming the same person or body, its articles published
   within ``NEAR_DAYS`` of the event ("Putin's first visit to the United States", told the day
   of his dated visit);
3. else told in a named place (one the ``places`` of the event taxonomy put inside
   another: "Alaska", not a country) where no report of any type is dated outside the event's
   days: "the summit in Alaska", months later, when the Anchorage summit is the one dated
   event there. Moscow, where talks come and go, never qualifies.

A report whose own party is someone it does not name ("his son's meeting with X",
:mod:`.event_doers`) joins only an event of such reports, and another report never joins one. A
report told with "also" joins no event its article told before it (:mod:`.event_apart`).

Last, an undated draft still apart joins the one event dated only to a month that fits it as
above and is told by one of its own articles on the terms of the first tier (:func:`_to_months`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any

from parley.reconcile.event_apart import told_apart
from parley.reconcile.event_conflicts import same_place
from parley.reconcile.event_doers import unnamed_apart
from parley.reconcile.event_parties import beyond, stands_for
from parley.reconcile.event_words import content_agrees

NEAR_DAYS = 3

Parties = tuple[Mapping[str, str], Mapping[str, str]]  # each actor's side; each government's side
Span = tuple[dt.date, dt.date]


def attach(
    drafts: list[Any], places: dict[str, str], parties: Parties, window: int, recurring: Collection[str]
) -> list[Any]:
    """The drafts left once each undated one has joined the dated event it can only be of (read
    against the events as the single pass left them: one attached report makes no other's case)."""
    dated = [d for d in drafts if d.type not in recurring and _spans(d)]
    if not dated:
        return _to_months(drafts, places, parties, recurring)
    told = [
        (m.place, m.date, m.date_end or m.date)
        for d in drafts
        for m, _, _ in d.reports
        if m.place and m.date and m.precision in ("day", "week", "month")
    ]
    moves: dict[int, tuple[Any, Any]] = {}
    for d in drafts:
        if d.type in recurring or _spans(d):
            continue
        fitting = [e for e in dated if e.type == d.type and _fits(d, e, places, parties)]
        for tier in (_told_here, _near, _lone_place):
            found = [e for e in fitting if tier(d, e, places, parties, window, told)]
            if found:
                if len(found) == 1:
                    moves[id(d)] = (d, found[0])
                break
    for d, e in moves.values():
        for report in d.reports:
            e.add(report)
        e.words |= d.words
        if getattr(d, "also", None):
            e.also.extend(d.also)
    return _to_months([d for d in drafts if id(d) not in moves], places, parties, recurring)


def _to_months(
    drafts: list[Any], places: dict[str, str], parties: Parties, recurring: Collection[str]
) -> list[Any]:
    """The drafts left once each undated one has joined the one event dated only to a month
    that one of its own articles tells, on the terms of the first tier ("X had travelled to see
    Y. It was November 2021." and, later in the article, "after X visited Moscow")."""
    monthly = [d for d in drafts if d.type not in recurring and _months(d) and not _spans(d)]
    moves: dict[int, tuple[Any, Any]] = {}
    for d in drafts:
        if d.type in recurring or d.periods() or _spans(d):
            continue
        found = [
            e
            for e in monthly
            if e.type == d.type
            and _fits(d, e, places, parties, _months(e))
            and _told_here(d, e, places, parties, 0, [])
        ]
        if len(found) == 1:
            moves[id(d)] = (d, found[0])
    for d, e in moves.values():
        for report in d.reports:
            e.add(report)
        e.words |= d.words
        if getattr(d, "also", None):
            e.also.extend(d.also)
    return [d for d in drafts if id(d) not in moves]


def _months(d: Any) -> list[Span]:
    return [(p[0], p[1]) for p in d.periods() if p[2] == "month"]


def _spans(d: Any) -> list[Span]:
    """The days and weeks a draft is dated to."""
    return [(x, x) for x in d.dates()] + [(p[0], p[1]) for p in d.periods() if p[2] == "week"]


def _fits(d: Any, e: Any, places: dict[str, str], parties: Parties, spans: list[Span] | None = None) -> bool:
    spans = spans or _spans(e)
    if unnamed_apart(getattr(d, "unnamed", False), getattr(e, "unnamed", False)):
        return False  # "his son's meeting with X" is not his meeting with X
    also = getattr(d, "also", [])
    if any(told_apart(m, any(m is x for x in also), e) for m, _, _ in d.reports):
        return False  # "X also met Y": not the meeting its article told before
    if not all(any(s <= b and a <= t for a, b in spans) for s, t, _ in d.periods()):
        return False  # "in August" is not of a summit in June
    if not all(any(s <= b and a <= t for a, b in spans) for s, t in d.coarse()):
        return False  # "in 2019" is not of a summit in 2020
    if not all(same_place(p, q, places) for p in d.places() for q in e.places()):
        return False
    if d.participants and e.participants and beyond(d.participants, e.participants, *parties):
        return False
    first, last = min(a for a, _ in spans), max(b for _, b in spans)
    for m, _, article in d.reports:
        published = article.published if article else None
        if published and (published > last if m.status == "planned" else published < first):
            return False  # told before it happened, or planned after it
    return True


def _shared(d: Any, e: Any, parties: Parties) -> int:
    if not (d.participants and e.participants):
        return 0
    return len(d.participants & e.participants) or stands_for(d.participants, e.participants, *parties)


def _words(d: Any, e: Any) -> bool:
    return bool(d.words and e.words) and content_agrees(frozenset(d.words), e.words)


def _told_here(d: Any, e: Any, places: dict[str, str], parties: Parties, window: int, told: list) -> bool:
    placed = bool(d.places() and e.places())
    return bool(d.article_ids & e.article_ids) and (placed or _shared(d, e, parties) > 0) and _words(d, e)


def _near(d: Any, e: Any, places: dict[str, str], parties: Parties, window: int, told: list) -> bool:
    first = min(a for a, _ in _spans(e))
    published = [a.published for _, _, a in d.reports if a and a.published]
    reach = dt.timedelta(days=window)
    if not published or any(p > first + reach or p < first - reach for p in published):
        return False
    if d.places() and e.places() and _words(d, e):
        return True
    named = (d.participants & e.participants) - set(parties[1])  # people or bodies, no government
    return bool(named) and all(p <= first + dt.timedelta(days=NEAR_DAYS) for p in published)


def _lone_place(d: Any, e: Any, places: dict[str, str], parties: Parties, window: int, told: list) -> bool:
    if not (d.places() and e.places()) or not all(p.casefold() in places for p in d.places()):
        return False
    spans = _spans(e)
    return all(
        any(s <= b and a <= t for a, b in spans)
        for place, s, t in told
        if any(same_place(place, p, places) for p in d.places())
    )
