"""What the dates of a report and of a draft event say about their being one event (used by
:func:`parley.reconcile.events.merge_events`; the scores are described in its module).

A date coarser than a month ("in 2022", "in the spring", "the first quarter") is *coarse*: it
says when the event was not, never which day it was. A coarse report joins only an event whose
days or periods lie in its span, scoring nothing for the date, and is read as undated for the
evidence it needs; a draft dated only coarsely takes a report of any day or period in its span
(it neither shares that day nor rules it out by its articles' publication dates), and a coarse
report in its span only as an undated report would be taken (its articles published within
``REPORT_WINDOW_DAYS`` of the draft's: "in 2019" in two articles months apart is no one event)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from parley.models import EventMention

REPORT_WINDOW_DAYS = 10
MAX_DATE_GAP_DAYS = 1
FINE = ("day", "week", "month")  # the precisions that can place a report on the timeline

Period = tuple[dt.date, dt.date]


def coarse(m: EventMention) -> bool:
    """A report dated, but coarser than a month ("in 2022")."""
    return m.date is not None and m.precision is not None and m.precision not in FINE


def fine_date(m: EventMention) -> bool:
    """A report dated to a day, week or month."""
    return m.date is not None and m.precision in FINE


def span(m: EventMention) -> Period:
    assert m.date is not None
    return m.date, m.date_end or m.date


def date_score(d: Any, m: EventMention, published: dt.date | None) -> int | None:
    """What the dates say of report ``m`` (of an article published on ``published``) joining
    draft ``d`` (``dates()``, ``periods()``, ``coarse()``, ``published()``); None: not the same
    event."""
    days, periods = d.dates(), d.periods()
    if coarse(m):
        spans = [(x, x) for x in days] + [p[:2] for p in periods] + d.coarse()
        if spans and not _overlaps(span(m), spans):
            return None
        if days or periods:
            return 0
        # a draft dated no finer than the report: read both as undated, so that "in 2019" in two
        # articles months apart is not one event on the year alone
    elif m.date and m.precision == "day":
        if days:
            gap = min(abs((m.date - x).days) for x in days)
            return None if gap > MAX_DATE_GAP_DAYS else (2 if gap == 0 else 0)
        if periods:
            inside = [p for p in periods if p[0] <= m.date <= p[1]]
            return (1 if any(p[2] == "week" for p in inside) else 0) if inside else None
        if d.coarse():
            return 0 if _overlaps(span(m), d.coarse()) else None
        return published_after(m.date, d.published())
    elif m.date and m.precision in ("week", "month"):
        end = m.date_end or m.date
        if days:
            if not any(m.date <= x <= end for x in days):
                return None
            return 1 if m.precision == "week" else 0
        if periods:
            if not any(p[0] <= end and m.date <= p[1] for p in periods):
                return None
            return 1 if any(p[:2] == (m.date, end) and p[2] == "week" for p in periods) else 0
        if d.coarse():
            return 0 if _overlaps(span(m), d.coarse()) else None
        return published_after(m.date, d.published())
    # the report has no date of its own (or a coarse one, and the draft none finer)
    mine = [published] if published else []
    if days or periods:
        return published_after(days[0] if days else periods[0][0], mine, planned=m.status == "planned")
    theirs = d.published()
    if mine and theirs and min(abs((mine[0] - x).days) for x in theirs) > REPORT_WINDOW_DAYS:
        return None
    return 0


def published_after(day: dt.date, published: list[dt.date], planned: bool = False) -> int | None:
    """0 when every publication date is within the report window after the event (or, for a
    report of a planned event, before it), else None."""
    window = dt.timedelta(days=REPORT_WINDOW_DAYS)
    for p in published:
        if not (day - (window if planned else dt.timedelta(0)) <= p <= day + window):
            return None
    return 0


def _overlaps(period: Period, spans: list[Period]) -> bool:
    return any(a <= period[1] and period[0] <= b for a, b in spans)
