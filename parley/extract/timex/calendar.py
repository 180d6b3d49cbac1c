"""Calendar periods and the arithmetic the tagger needs: a period's TIMEX3 value and the calendar
days it covers, shifting by units, and choosing the year of a date written without one.

Conventions (written here once, used everywhere):

* weeks are ISO weeks, Monday to Sunday (``2025-W49``); a weekend is its Saturday and Sunday
  (``2025-W49-WE``);
* seasons are meteorological, northern hemisphere: spring March–May, summer June–August, autumn
  September–November, winter December to February of the next year (``2025-WI`` starts on
  1 December 2025);
* a decade is written by its first three digits (``199`` for the 1990s), a century by two
  (``19`` for the twentieth century, 1900–1999), as in TimeML.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass, replace
from typing import TypeVar

T = TypeVar("T")

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    """A calendar period: its TIMEX3 value, its precision and the days it covers."""

    value: str
    precision: str  # day, week, weekend, month, quarter, half, season, year, decade, century
    start: dt.date
    end: dt.date

    def narrowed(self, part: str) -> Period:
        """The same value with the days narrowed to the early, middle or late third
        ("late November" is still ``2025-11`` but covers 21–30 November)."""
        days = (self.end - self.start).days + 1
        third = days // 3
        if part == "early" and third:
            return replace(self, end=self.start + dt.timedelta(days=third - 1))
        if part == "mid" and third:
            return replace(
                self, start=self.start + dt.timedelta(days=third), end=self.end - dt.timedelta(days=third)
            )
        if part == "late" and third:
            return replace(self, start=self.end - dt.timedelta(days=third - 1))
        return self


def day(d: dt.date) -> Period:
    return Period(d.isoformat(), "day", d, d)


def week(d: dt.date) -> Period:
    year, num, weekday = d.isocalendar()
    monday = d - dt.timedelta(days=weekday - 1)
    return Period(f"{year}-W{num:02d}", "week", monday, monday + dt.timedelta(days=6))


def weekend(d: dt.date) -> Period:
    w = week(d)
    return Period(w.value + "-WE", "weekend", w.start + dt.timedelta(days=5), w.end)


def month(year: int, m: int) -> Period:
    last = _cal.monthrange(year, m)[1]
    return Period(f"{year:04d}-{m:02d}", "month", dt.date(year, m, 1), dt.date(year, m, last))


def quarter(year: int, q: int) -> Period:
    first = month(year, 3 * q - 2)
    return Period(f"{year:04d}-Q{q}", "quarter", first.start, month(year, 3 * q).end)


def half(year: int, h: int) -> Period:
    return Period(f"{year:04d}-H{h}", "half", month(year, 6 * h - 5).start, month(year, 6 * h).end)


def season(year: int, code: str) -> Period:
    first = SEASON_MONTHS[code]
    start = dt.date(year, first, 1)
    end_month = add_months(start, 2)
    return Period(f"{year:04d}-{code}", "season", start, month(end_month.year, end_month.month).end)


def year(y: int) -> Period:
    return Period(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def decade(first_year: int) -> Period:
    d = first_year - first_year % 10
    return Period(f"{d // 10:03d}", "decade", dt.date(d, 1, 1), dt.date(d + 9, 12, 31))


def century(first_year: int) -> Period:
    c = first_year - first_year % 100
    return Period(f"{c // 100:02d}", "century", dt.date(max(c, 1), 1, 1), dt.date(c + 99, 12, 31))


def containing(precision: str, d: dt.date) -> Period:
    """The period of the given precision that contains ``d``."""
    if precision == "day":
        return day(d)
    if precision == "week":
        return week(d)
    if precision == "weekend":
        return weekend(d)
    if precision == "month":
        return month(d.year, d.month)
    if precision == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if precision == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if precision == "season":
        code = {12: "WI", 1: "WI", 2: "WI"}.get(d.month) or ("SP", "SU", "FA")[(d.month - 3) // 3]
        return season(d.year - (d.month <= 2), code)
    if precision == "year":
        return year(d.year)
    if precision == "decade":
        return decade(d.year)
    if precision == "century":
        return century(d.year)
    raise ValueError(f"unknown precision {precision!r}")


def add_months(d: dt.date, n: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + n
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(d.day, _cal.monthrange(y, m + 1)[1]))


_UNITS = {
    "hour",
    "minute",
    "second",
    "day",
    "night",
    "week",
    "weekend",
    "fortnight",
    "month",
    "quarter",
    "half",
    "season",
    "year",
    "decade",
    "century",
}


def shift(d: dt.date, n: int, unit: str) -> dt.date:
    """``d`` moved by ``n`` units (negative: back in time)."""
    if unit.endswith("s") and unit[:-1] in _UNITS:
        unit = unit[:-1]
    if unit in ("hour", "minute", "second"):  # a date moves only by whole days
        whole_days = dt.timedelta(**{f"{unit}s": n}).total_seconds() / 86400
        return d + dt.timedelta(days=int(whole_days))
    if unit in ("day", "night"):
        return d + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return d + dt.timedelta(weeks=2 * n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}[
        unit
    ]
    return add_months(d, n * months)


def shift_period(p: Period, n: int, unit: str) -> Period:
    """The period of the same precision as ``p``, ``n`` units away ("the year-ago quarter")."""
    return containing(p.precision, shift(p.start, n, unit))


def weekday_on_or_before(anchor: dt.date, iso_weekday: int, strictly: bool = False) -> dt.date:
    back = (anchor.isoweekday() - iso_weekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def weekday_on_or_after(anchor: dt.date, iso_weekday: int, strictly: bool = False) -> dt.date:
    ahead = (iso_weekday - anchor.isoweekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def weekday_in_week(anchor: dt.date, iso_weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=iso_weekday - anchor.isoweekday())


def valid_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# How much farther back than forward a date may lie and still be taken as the past one:
# news mostly reports what has happened, and a past verb nearby makes that likelier still.
# "narrated": a date in the clause of a past verb that tells what happened ("announced the start
# ... on 24 February"): always the latest one not after the anchor.
_PAST_REACH = {None: 1.9, "past": 3.0, "narrated": 1000.0, "future": 0.5, "since": 1000.0, "deadline": 0.0}


def pick_occurrence(
    past: T | None, future: T | None, past_gap: float, future_gap: float, tense: str | None
) -> T | None:
    """Choose between the latest occurrence at or before the anchor and the first one after
    it: the past one unless it lies more than ``_PAST_REACH[tense]`` times farther away."""
    if past is None or future is None:
        return past if future is None else future
    return past if past_gap <= _PAST_REACH.get(tense, 1.9) * future_gap else future


def closest_year(m: int, d: int, anchor: dt.date, tense: str | None = None) -> dt.date | None:
    """The year of a month and day written without one ("Dec 28" read on 3 January is last
    December; "Jan. 14" read on 5 January is this January): see :func:`pick_occurrence`."""
    found = [c for c in (valid_date(anchor.year + k, m, d) for k in (-1, 0, 1)) if c is not None]
    past = max((c for c in found if c <= anchor), default=None)
    future = min((c for c in found if c > anchor), default=None)
    return pick_occurrence(
        past, future, (anchor - past).days if past else 0, (future - anchor).days if future else 0, tense
    )


def month_year(m: int, anchor: dt.date, tense: str | None) -> int:
    """The year of a month named alone ("in March"): the anchor's month itself, else the
    latest such month before it or the first after it (see :func:`pick_occurrence`):
    "December" read in February is last December, "January" read in October next January."""
    if m == anchor.month:
        return anchor.year
    past_year = anchor.year if m < anchor.month else anchor.year - 1
    future_year = anchor.year if m > anchor.month else anchor.year + 1
    past_gap = (anchor.month - m) % 12
    future_gap = (m - anchor.month) % 12
    return pick_occurrence(past_year, future_year, past_gap, future_gap, tense)  # type: ignore[return-value]


def quarter_year(q: int, anchor: dt.date, tense: str | None) -> int:
    """The year of a quarter named without one: this year's if it has begun by the anchor,
    otherwise last year's, unless the verb nearby is future."""
    current = (anchor.month - 1) // 3 + 1
    if q > current and tense != "future":
        return anchor.year - 1
    return anchor.year


def last_completed_quarter(anchor: dt.date) -> Period:
    return shift_period(containing("quarter", anchor), -1, "quarter")
