"""Datelines at the start of a story: ``Moscow, Dec 3 (NationPress)``, ``KYIV (Reuters) -``,
``Kyiv, Nov 24 -``, ``WASHINGTON --``, ``<Outlet> Political Desk:``. The dateline stays in the text; its span,
place, date words and outlet are recorded."""

from __future__ import annotations

import datetime as dt
import re

from parley.models import Dateline, Span

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

MONTH_PATTERN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{MONTH_PATTERN} \d{{1,2}}(?:,? \d{{4}})?|\d{{1,2}} {MONTH_PATTERN}(?:,? \d{{4}})?)"
_PLACE = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}(?:, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)?"
_OUTLET = r"[A-Z][^()\n]{1,40}"
_PATTERNS = [
    # Moscow, Dec 3 (NationPress) - / Kyiv, 24 November 2025 (Agency):
    rf"(?P<place>{_PLACE}),\s+(?P<date>{_DATE})\s*\((?P<outlet>{_OUTLET})\)\s*[-–—:]?\s*",
    # MOSCOW (Reuters) - / KYIV, Ukraine (AP) —
    rf"(?P<place>{_PLACE})\s*\((?P<outlet>{_OUTLET})\)\s*[-–—:]\s*",
    # Kyiv, Nov 24 - / Brussels, December 1:
    rf"(?P<place>{_PLACE}),\s+(?P<date>{_DATE})\s*[-–—:]\s*",
    # WASHINGTON -- The ... / FAIRVIEW, W.Va. - A ... / KYIV — Ukrainian ... (a place in capitals, a
    # dash and a sentence; not a label of the story: "EXCLUSIVE --", "BREAKING -")
    r"(?!(?:EXCLUSIVE|BREAKING|UPDATE|UPDATED|WATCH|LIVE|ANALYSIS|OPINION|EDITORIAL|NEWS)\b)"
    r"(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?)"
    r"\s+(?:--|[-–—])\s+(?=[A-Z])",
    # Rokna Political Desk: (outlet desks)
    r"(?P<outlet>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)??)\s+(?:Political|News|Foreign|World|International"
    r"|Diplomatic)?\s*Desk\s*[:–—-]\s*",
]
# A dateline is looked for in this many leading paragraphs (summary bullets can come first).
MAX_LEAD_PARAGRAPHS = 12
_DATELINE = [re.compile(p) for p in _PATTERNS]


def find_dateline(text: str, paragraph_starts: list[int]) -> Dateline | None:
    """Look for a dateline at the start of the first paragraphs (after any summary bullets)."""
    for start in paragraph_starts[:MAX_LEAD_PARAGRAPHS]:
        head = text[start : start + 160]
        for pattern in _DATELINE:
            match = pattern.match(head)
            if match:
                groups = match.groupdict()
                return Dateline(
                    span=Span(start, start + match.end()),
                    place=groups.get("place"),
                    date_text=groups.get("date"),
                    outlet=(groups.get("outlet") or "").strip() or None,
                )
    return None


def parse_month_day(date_text: str) -> tuple[int, int, int | None] | None:
    """``Dec 3`` -> (12, 3, None); ``3 December 2025`` -> (12, 3, 2025)."""
    words = re.findall(r"[A-Za-z]+|\d+", date_text)
    month = next((MONTHS[w.lower()] for w in words if w.lower() in MONTHS), None)
    numbers = [int(w) for w in words if w.isdigit()]
    day = next((n for n in numbers if 1 <= n <= 31), None)
    year = next((n for n in numbers if n > 31), None)
    if month is None or day is None:
        return None
    return month, day, year


def resolve_dateline_date(dateline: Dateline, lead: str, today: dt.date) -> dt.date | None:
    """The publication date a dateline gives, or None when it cannot be told.

    A dateline with a year is exact. Without a year, the date is one of the last two times that
    day came, not after ``today``, and only when the lead sentence names one weekday ("on
    Wednesday") and the date fell on that weekday: the weekday confirms a recent story. A weekday
    alone cannot pick the year of an older one (the same date falls on the same weekday every few
    years), so then the date is unknown, not guessed.
    """
    if not dateline.date_text:
        return None
    parsed = parse_month_day(dateline.date_text)
    if parsed is None:
        return None
    month, day, year = parsed
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0].lower()
    named = [i for i, name in enumerate(WEEKDAYS) if re.search(rf"\b{name}\b", sentence)]
    if len(named) != 1:
        return None
    recent = []  # the last two times that day came, not after today
    for y in range(today.year, today.year - 9, -1):
        try:
            day_date = dt.date(y, month, day)
        except ValueError:  # 29 February of a common year
            continue
        if day_date <= today:
            recent.append(day_date)
        if len(recent) == 2:
            break
    return next((d for d in recent if d.weekday() == named[0]), None)
