"""Reports of a type that happens day after day (strikes, captures) told over a span of time: a
week's or a month's total, not one day's event ("Russia attacked Ukraine during the week with more
than 1,500 drones", "has captured 30 villages since January", "this month"). Such a report, with no
day of its own, is a tally: it makes no event and joins none. Used by
:func:`parley.reconcile.events.merge_events`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from parley.models import EventMention

_UNIT = r"(?:week|weeks|weekend|month|months|year|days|winter|summer|spring|autumn)"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
OVER_SPAN = re.compile(
    rf"\b(?:during|over|throughout|across)\s+(?:the|this|that|last|past)\s+(?:(?:past|last|previous|whole|"
    rf"entire|same)\s+)?(?:\w+\s+)?{_UNIT}\b"
    rf"|\b(?:this|that|last)\s+(?:week|month|year)\b"
    rf"|\bsince\s+(?:(?:early|mid|late)[\s-]+)?(?:{_MONTH}|the\s+(?:start|beginning)|last|the\s+turn)\b",
    re.IGNORECASE,
)


def over_span(text: str) -> bool:
    """The words tell of a span of time ("during the week", "this month", "since January")."""
    return bool(OVER_SPAN.search(text))


def spanned(
    reports: Iterable[EventMention], words: Callable[[EventMention], str], recurring: Collection[str]
) -> set[int]:
    """The ``id`` of each report of a recurring type with no day of its own whose sentence tells
    of a span of time ("the biggest attack this month", told with its day, is that day's)."""
    return {
        id(m)
        for m in reports
        if m.type in recurring and not (m.date and m.precision == "day") and over_span(words(m))
    }
