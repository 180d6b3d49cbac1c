"""An :class:`Event` made of the reports :func:`parley.reconcile.events.merge_events` took to be of
one event: its day (the one most reports give, else the finest date), its parties (most reported
first), its place, figures, duration, conflicting details, status (the surest its reports give,
:data:`STATUS_ORDER`) and summary (the sentence of the report that sums it up best,
:func:`_summary_rank`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable
from typing import Any, get_args

from parley.models import Article, Event, EventMention, EventSource, Precision
from parley.reconcile.event_conflicts import conflicts, main_place

Report = tuple[EventMention, frozenset[str], Article | None]


def event_of(d: Any, places: dict[str, str], words: Callable[[EventMention], str]) -> Event:
    first, _, _ = min(d.reports, key=_summary_rank)
    days = Counter(m.date for m, _, _ in d.reports if m.date and m.precision == "day")
    dated = [m for m, _, _ in d.reports if m.date]
    date: dt.date | None = None
    precision: Precision | None = None
    if days:
        date, precision = min(days.items(), key=lambda kv: (-kv[1], kv[0]))[0], "day"
    elif dated:
        best = min(dated, key=lambda m: (_PRECISION.index(m.precision or "month"), m.date or dt.date.max))
        date, precision = best.date, best.precision
    durations = Counter(m.duration for m, _, _ in d.reports if m.duration)
    figures: dict[str, int] = {}
    for m, _, _ in d.reports:
        for k, v in m.figures.items():
            figures[k] = max(figures.get(k, 0), v)
    participants = Counter(p for _, ps, _ in d.reports for p in ps)
    told = {m.status for m, _, _ in d.reports}
    status = next((st for st in STATUS_ORDER if st in told), min(told))
    sources: list[EventSource] = []
    for m, _, a in sorted(d.reports, key=lambda r: (r[0].article_id, r[0].span.start)):
        published, outlet = (a.published, a.outlet) if a else (None, None)
        sources.append(
            EventSource(m.article_id, m.span, m.date, m.place, m.duration, published, outlet, m.precision)
        )
    summary = " ".join(words(first).split())
    key = f"{d.type}:{first.article_id}:{first.span.start}"
    return Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        type=d.type,
        date=date,
        precision=precision,
        # most reported first; ties by id, so a re-run gives the same record
        participants=tuple(sorted(participants, key=lambda p: (-participants[p], p))),
        place=main_place([m.place for m, _, _ in d.reports], places),
        summary=summary,
        sources=tuple(sources),
        duration=durations.most_common(1)[0][0] if durations else None,
        figures=figures,
        conflicts=conflicts(d.reports, places),
        status=status,
    )


_PRECISION = get_args(Precision)  # finest first: a coarse date ("in 2022") last
# An event's status is the surest its reports give: told as fact by one article, it happened;
# else claimed by someone; else planned; else only denied.
STATUS_ORDER = ("reported", "claimed", "planned", "denied")


def _summary_rank(r: Report) -> tuple:
    """The report whose sentence sums the event up: a report of what happened rather than of
    what was claimed, planned or denied (:data:`STATUS_ORDER`), from the earliest article, the
    one that gives the most details, then the first in the article."""
    m, people, a = r
    details = sum(bool(x) for x in (m.date, m.place, m.duration, m.figures)) + min(len(people), 2)
    published = a.published if a and a.published else dt.date.max
    rank = STATUS_ORDER.index(m.status) if m.status in STATUS_ORDER else len(STATUS_ORDER)
    return (rank, published, m.article_id, -details, m.span.start)
