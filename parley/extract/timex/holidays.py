"""Named days of the calendar: "Christmas", "New Year's Eve", "Easter", "Thanksgiving Day",
"Election Day". Fixed dates and the common movable feasts of the Western and US calendars
(Easter by the Gregorian computus; Thanksgiving the fourth Thursday of November; Labor Day
the first Monday of September; Memorial Day the last Monday of May; Election Day the Tuesday
after the first Monday of November). Which year: "last"/"next"/"this" when said, otherwise
the occurrence nearest the anchor, or the latest one before it in a past-tense clause.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import calendar as cal
from .context import Context, Resolved, unresolved
from .grammar import rule


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, iso_weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return cal.weekday_on_or_after(first, iso_weekday) + dt.timedelta(weeks=n - 1)


def _last_weekday(year: int, month: int, iso_weekday: int) -> dt.date:
    return cal.weekday_on_or_before(cal.month(year, month).end, iso_weekday)


_DAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
    "easter sunday": easter,
    "easter": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "easter week": easter,
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _last_weekday(y, 5, 1),
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
}
_NAMES = "|".join(
    re.escape(k).replace(r"\ ", r"\s+").replace("'", "['’]") for k in sorted(_DAYS, key=len, reverse=True)
)


def holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    name = " ".join(m.group("h").lower().replace("’", "'").split())
    when = _DAYS[name]
    if ctx.anchor is None:
        return unresolved(None)
    a = ctx.anchor
    dates = [when(a.year + k) for k in (-1, 0, 1)]
    rel = (m.group("rel") or "").lower()
    if rel == "last":
        date = max(d for d in dates if d < a)
    elif rel == "next":
        date = min(d for d in dates if d > a)
    elif rel == "this":
        date = dates[1]
    else:
        past = max(d for d in dates if d <= a)
        future = min(d for d in dates if d > a)
        date = (
            cal.pick_occurrence(
                past, future, (a - past).days, (future - a).days, ctx.placement(m.start(), m.end())
            )
            or past
        )
    period = cal.week(date) if name == "easter week" else cal.day(date)
    return ctx.relative(period)


RULES = [
    rule(
        "holiday",
        rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>(?i:{_NAMES}))(?![\w-])",
        holiday,
        kind="day",
        keys=r"Christmas|CHRISTMAS|Year['’]s|Valentine|Halloween|Easter|Good Friday|Thanksgiving|Labor Day"
        r"|Memorial Day|Election Day|Boxing Day|christmas|easter|thanksgiving|halloween",
    ),
]
