"""Which earlier draft events could take a report, without scoring every one of them.

:func:`parley.reconcile.events.merge_events` scores a report against the drafts of its type; on a
large corpus most drafts are weeks away from the report and their dates rule them out. This
index returns, in the order the drafts were made, every draft whose dates do *not* rule the
report out (and possibly a few more): the scoring then decides exactly as it would over all
drafts. What the dates allow (see :func:`.event_when.date_score`):

- a report dated to the day D: a draft with a day within a day of D, a week or month holding D,
  or no dates at all and every source published within ``window`` days after D (or none dated);
- a report dated to a week or month [S, E]: a draft with a day or period inside [S, E], or no
  dates and its sources published within ``window`` days after S;
- a report dated coarser than a month ("in 2022", :mod:`.event_when`): every draft; a draft so
  dated is looked at every time;
- an undated report of an article published on P: a draft whose first date is within ``window``
  days of P, or an undated draft with a source published within ``window`` days of P; an
  undated report of an undated article: every draft.

Entries are only ever added (a draft that gains a day is found by the day; the bucket it was in
before still lists it): a lookup may return a draft the scoring then rejects, never miss one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from parley.models import Article, EventMention
from parley.reconcile.event_when import coarse

LONGEST_PERIOD_DAYS = 62  # a week or a month; anything longer is looked at every time


class DraftIndex:
    def __init__(self, window: int) -> None:
        self.window = window
        self.drafts: list[Any] = []  # in the order they were made
        self._order: dict[int, int] = {}
        self._buckets: dict[str, dict[dt.date, dict[int, Any]]] = defaultdict(lambda: defaultdict(dict))
        self._always: dict[int, Any] = {}  # no source dated, or a period too long to index

    def new(self, draft: Any) -> None:
        self._order[id(draft)] = len(self.drafts)
        self.drafts.append(draft)

    def added(self, draft: Any, m: EventMention, article: Article | None) -> None:
        """Record what report ``m`` (of ``article``) has just brought ``draft``."""
        key = id(draft)
        if m.date and m.precision == "day":
            self._put("day", m.date, draft)
        elif m.date and m.precision in ("week", "month"):
            days = _days(m.date, m.date_end or m.date)
            if days is None:
                self._always[key] = draft
            for day in days or ():
                self._put("period", day, draft)
        elif coarse(m):
            self._always[key] = draft  # "in 2022": any report of that year may join it
        if article and article.published:
            self._put("published", article.published, draft)
        elif len(draft.reports) == 1:
            self._always[key] = draft  # a draft none of whose sources is dated takes any date
        first = draft.dates()[:1] or [p[0] for p in draft.periods()[:1]]
        if first:
            self._put("first", first[0], draft)

    def candidates(self, m: EventMention, article: Article | None) -> list[Any]:
        found: dict[int, Any] = dict(self._always)
        published = article.published if article else None
        if m.date and m.precision == "day":
            self._get(found, "day", _span(m.date, -1, 1))
            self._get(found, "period", [m.date])
            self._get(found, "published", _span(m.date, 0, self.window))
        elif m.date and m.precision in ("week", "month"):
            days = _days(m.date, m.date_end or m.date)
            if days is None:
                return list(self.drafts)
            self._get(found, "day", days)
            self._get(found, "period", days)
            self._get(found, "published", _span(m.date, 0, self.window))
        elif coarse(m):
            return list(self.drafts)  # "in 2022": any draft of that year
        elif published is not None:
            self._get(found, "first", _span(published, -self.window, self.window))
            self._get(found, "published", _span(published, -self.window, self.window))
        else:
            return list(self.drafts)
        return sorted(found.values(), key=lambda d: self._order[id(d)])

    def _put(self, kind: str, day: dt.date, draft: Any) -> None:
        self._buckets[kind][day][id(draft)] = draft

    def _get(self, found: dict[int, Any], kind: str, days: Iterable[dt.date]) -> None:
        buckets = self._buckets[kind]
        for day in days:
            if day in buckets:
                found.update(buckets[day])


def _span(day: dt.date, before: int, after: int) -> list[dt.date]:
    return [day + dt.timedelta(days=n) for n in range(before, after + 1)]


def _days(start: dt.date, end: dt.date) -> list[dt.date] | None:
    length = (end - start).days
    if length < 0 or length > LONGEST_PERIOD_DAYS:
        return None
    return _span(start, 0, length)
