"""Calendar dates written out: "December 3, 2025", "3 December", "Dec. 3", "2025-12-03",
"03.12.2025", "February 2022", "in March", "2014", "the 1990s", "the 20th century",
"summer 2025", "the third quarter", "Q3 2025", "the first half of 2025", "Nov 23-24".

A date or month written without its year, in a text telling of an earlier year, takes the year
the text has just established (:func:`.anaphora.in_year_told`). Otherwise it takes the latest
such date at or before the anchor, unless the next one after it is much nearer; a past verb
nearby widens that reach, a future one or "by"/"until" in front narrows it, "since" in front
always takes the past one (:func:`.calendar.pick_occurrence`). A quarter without a year is the
anchor's year's if it has begun by the anchor, else last year's (:func:`.calendar.quarter_year`).
Without an anchor the year stays unknown (``XXXX-12-03``, ``XXXX-03``): none is guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import anaphora
from . import calendar as cal
from .context import Context, Resolved, absolute, unresolved
from .eras import century, decade
from .grammar import (
    DAYNUM,
    MON,
    MONTH_FULL,
    ORDINAL,
    SPOKEN_YEAR,
    WD,
    YEAR,
    YEAR_ANY,
    preceded_by,
    rule,
    spoken_year_value,
)
from .lexicon import MONTHS, ORDINALS, SEASONS


def _month(m: re.Match[str], group: str = "mon") -> int:
    return MONTHS[m.group(group).rstrip(".").lower()]


def _ordinal(word: str) -> int:
    return ORDINALS[word.lower()]


def _year(m: re.Match[str], group: str = "y") -> int | None:
    g = m.groupdict()
    if g.get(group):
        return int(g[group])
    if g.get(group + "_sp"):
        return spoken_year_value(g[group + "_sp"])
    return None


def _day_date(m: re.Match[str], ctx: Context, mon: int, d: int, y: int | None) -> Resolved | None:
    if y is not None:
        date = cal.valid_date(y, mon, d)
        return absolute(cal.day(date)) if date else None
    if ctx.anchor is None:
        return unresolved(f"XXXX-{mon:02d}-{d:02d}") if cal.valid_date(2000, mon, d) else None
    placement = ctx.placement(m.start(), m.end())
    told = anaphora.in_year_told(ctx, m, placement, mon, d)
    if told is not None:
        return ctx.from_ref(*told)
    date = cal.closest_year(mon, d, ctx.anchor, placement)
    return ctx.relative(cal.day(date)) if date else None


def month_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    return _day_date(m, ctx, _month(m), int(m.group("d")), _year(m))


def numeric(m: re.Match[str], ctx: Context) -> Resolved | None:
    g = m.groupdict()
    y = int(g["y"])
    if len(g["y"]) == 2:
        y += 1900 if y >= 50 else 2000
    if g.get("a"):  # slashes: US order month/day unless the first number cannot be a month
        a, b = int(g["a"]), int(g["b"])
        mon, d = (b, a) if a > 12 else (a, b)
    else:
        mon, d = int(g["m"]), int(g["d"])
    date = cal.valid_date(y, mon, d)
    return absolute(cal.day(date)) if date else None


def day_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A range of days ("Nov 23-24", "23-24 November", "Nov 30-Dec 2"): one expression."""
    mon1 = _month(m)
    mon2 = _month(m, "mon2") if m.groupdict().get("mon2") else mon1
    d1, d2 = int(m.group("d")), int(m.group("d2"))
    y = _year(m)
    if y is None and ctx.anchor is None:
        return unresolved(f"XXXX-{mon1:02d}-{d1:02d}/XXXX-{mon2:02d}-{d2:02d}")
    if y is None:
        assert ctx.anchor is not None
        first = cal.closest_year(mon1, d1, ctx.anchor)
        if first is None:
            return None
        y = first.year
    start = cal.valid_date(y, mon1, d1)
    end = cal.valid_date(y + (mon2 < mon1), mon2, d2)
    if start is None or end is None or end <= start:
        return None
    period = cal.Period(f"{start.isoformat()}/{end.isoformat()}", "day", start, end)
    return absolute(period) if m.groupdict().get("y") else ctx.relative(period)


def month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    y = _year(m)  # digits or words
    return absolute(cal.month(y, _month(m))) if y else None


def month_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    mon = _month(m)
    if ctx.anchor is None:
        return unresolved(f"XXXX-{mon:02d}")
    placement = ctx.placement(m.start(), m.end())
    told = anaphora.in_year_told(ctx, m, placement, mon)
    if told is not None:
        return ctx.from_ref(*told)
    return ctx.relative(cal.month(cal.month_year(mon, ctx.anchor, placement), mon))


def month_of_relative_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A month of a year named relatively: "January this year", "June last year"."""
    mon = _month(m)
    if ctx.anchor is None:
        return unresolved(f"XXXX-{mon:02d}")
    shift = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return ctx.relative(cal.month(ctx.anchor.year + shift, mon))


_MONTH_PREPOSITIONS = frozenset(
    "in since until till by from through of during before after early late mid last next this "
    "that each every between and or to the".split()
)


def month_alone_guard(m: re.Match[str], text: str) -> bool:
    """A month name alone is a date after a preposition; "May" and "March" need one (they are
    also a verb), and any month followed by a capitalised word without one is taken as a
    name ("April Smith")."""
    word = m.group("mon").rstrip(".")
    if preceded_by(text, m.start(), _MONTH_PREPOSITIONS):
        return True
    if word in ("May", "March"):
        return False
    return not re.match(r"\s+[A-Z][a-z]", text[m.end() : m.end() + 3])


def year_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    y = _year(m)
    return absolute(cal.year(y)) if y else None


def year_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A year's quarter: "the 1988 third quarter", "the 1988 quarter", "the 1989 period":
    the quarter being the one last named when the words do not say."""
    y = int(m.group("y"))
    if m.group("q"):
        return absolute(cal.quarter(y, _ordinal(m.group("q"))))
    ref = ctx.last_ref(m.start(), within=1500, precisions=("quarter",))
    if ref is not None:
        q = (ref.start.month - 1) // 3 + 1
        return replace(ctx.from_ref(cal.quarter(y, q), ref), topical=False)
    return absolute(cal.year(y))


_QUANTITY_WORDS = frozenset(
    "about around some nearly almost approximately roughly than least most over under only just total".split()
)


def year_guard(m: re.Match[str], text: str) -> bool:
    """A bare four-digit number is a year unless it is plainly a count ("about 2000 troops")
    or outside 1600-2099 with no preposition in front."""
    y = int(m.group("y"))
    if text[m.start() - 1 : m.start()] == "-" and not re.search(
        r"(?i)\b(?:mid|pre|post)-$", text[max(0, m.start() - 6) : m.start()]
    ):
        return False
    if preceded_by(text, m.start(), _QUANTITY_WORDS):
        return False
    if re.match(r"\s*(?:-|–)\s*\d", text[m.end() : m.end() + 4]):
        return False  # a range or a code such as 1998-45: the range rule owns real ranges
    if y < 1600:
        return preceded_by(text, m.start(), frozenset({"in", "since", "of", "from", "year", "until"}))
    return True


def year_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    y1 = int(m.group("y"))
    raw = m.group("y2")
    y2 = int(raw) if len(raw) == 4 else (y1 // 100) * 100 + int(raw)
    if y2 <= y1 or y2 - y1 > 200:
        return None
    period = cal.Period(f"{y1:04d}/{y2:04d}", "year", cal.year(y1).start, cal.year(y2).end)
    return absolute(period)


def season_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    y = _year(m)
    return absolute(cal.season(y, SEASONS[m.group("s").lower()])) if y else None


def quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A quarter: "the third quarter", "third-quarter", "the fiscal first quarter", "Q3 2025",
    "the fourth quarter of 2025", "last year's fourth quarter"."""
    g = m.groupdict()
    q = int(g["qn"]) if g.get("qn") else _ordinal(g["q"])
    y = _year(m)
    if y is None and g.get("yy"):
        y = 2000 + int(g["yy"]) if int(g["yy"]) < 50 else 1900 + int(g["yy"])
    if y is not None:
        return absolute(cal.quarter(y, q))
    rel = (g.get("rel") or "").lower().split()
    if ctx.anchor is None:
        return unresolved(f"XXXX-Q{q}")
    if rel:
        shift = {"last": -1, "previous": -1, "next": 1}.get(rel[-2] if len(rel) > 1 else rel[0], 0)
        return ctx.relative(cal.quarter(ctx.anchor.year + shift, q))
    return ctx.relative(cal.quarter(cal.quarter_year(q, ctx.anchor, ctx.tense(m.start(), m.end())), q))


def half(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A half year: "the first half of 1990", "the last two quarters of this year"."""
    h = 1 if m.group("h").lower() == "first" else 2
    y = _year(m)
    if y is not None:
        return absolute(cal.half(y, h))
    if ctx.anchor is None:
        return unresolved(f"XXXX-H{h}")
    shift = {"last": -1, "next": 1}.get((m.group("rel") or "").lower(), 0)
    return ctx.relative(cal.half(ctx.anchor.year + shift, h))


_WDAY = rf"(?:{WD('wd')},?\s+)?"
_YEAR_TAIL = rf"(?:,?\s+{YEAR('y')})?"
_QREL = r"(?P<rel>(?i:this|last|next|the\s+current|the\s+previous|the\s+next)\s+(?:fiscal\s+)?year)"

RULES = [
    rule(
        "day_range",
        rf"{MON('mon')}\s+{DAYNUM('d')}\s*(?:-|–|to|through|until|and)\s*(?:{MON('mon2')}\s+)?{DAYNUM('d2')}{_YEAR_TAIL}",
        day_range,
    ),
    rule(
        "day_range_dmy",
        rf"{DAYNUM('d')}\s*(?:-|–|to|and)\s*{DAYNUM('d2')}\s+{MON('mon')}{_YEAR_TAIL}",
        day_range,
    ),
    rule("month_day", rf"{_WDAY}{MON('mon')}\s+{DAYNUM('d')}{_YEAR_TAIL}", month_day, kind="day"),
    rule(
        "day_month",
        rf"{_WDAY}(?:(?i:the)\s+)?{DAYNUM('d')}(?:\s+(?i:of))?\s+{MON('mon')}{_YEAR_TAIL}",
        month_day,
        kind="day",
    ),
    rule(
        "iso_date",
        rf"(?<![\d-]){YEAR('y')}-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
        numeric,
        kind="day",
        keys=r"\d-\d\d-\d",
    ),
    rule(
        "dotted_date",
        r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>1\d\d\d|20\d\d)(?!\d)",
        numeric,
        kind="day",
        keys=r"\d\.\d",
    ),
    rule(
        "slashed_date",
        r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
        numeric,
        kind="day",
        keys=r"\d/\d",
    ),
    rule("month_year", rf"{MON('mon')}(?:,?\s+|\s+(?i:of)\s+){YEAR_ANY('y')}", month_year),
    # "between February 2022 and December 2025.17": a year with a footnote's number after it
    rule("month_year_note", rf"{MON('mon')},?\s+(?P<y>1\d\d\d|20\d\d)(?=\.\d{{1,3}}(?:\s|$))", month_year),
    rule(
        "month_relative_year",
        rf"{MONTH_FULL('mon')}\s+(?:(?i:of)\s+)?(?P<rel>(?i:this|last|next))\s+(?i:year)(?![\w-])",
        month_of_relative_year,
        keys=r"(?i:year)",
    ),
    rule("month_alone", MONTH_FULL("mon"), month_alone, guard=month_alone_guard),
    rule(
        "year_range",
        rf"(?<![\w$£€#.,/-]){YEAR('y')}\s*(?:-|–|/)\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d%])",
        year_range,
    ),
    rule("year", rf"(?<![\w$£€#.,/]){YEAR('y')}(?![\w-]|['’]s)", year_alone, guard=year_guard),
    rule("spoken_year", rf"(?P<y_sp>{SPOKEN_YEAR})", year_alone),
    rule(
        "year_period",
        rf"(?i:the)\s+{YEAR('y')}\s+(?:(?i:fiscal)\s+)?(?:(?P<q>{ORDINAL})[\s-]+)?(?i:quarter|period)(?![\w-])",
        year_period,
    ),
    rule(
        "fiscal_year",
        rf"(?i:(?:the\s+)?fiscal(?:\s+year)?|FY)[\s-]*(?:{YEAR('y')}|(?P<yy>\d\d)(?!\d))",
        lambda m, c: absolute(
            cal.year(_year(m) or 2000 + int(m.group("yy")) - 100 * (int(m.group("yy")) >= 50))
        ),
        keys=r"(?i:fiscal|FY)",
    ),
    rule(
        "decade",
        r"(?:(?i:the)\s+)?(?:(?P<dmod>(?i:early|mid|late))[\s-]+)?"
        r"(?:(?P<dec>1[5-9]\d0|20\d0)['’]?s|['’](?P<dec2>\d0)['’]?s"
        r"|(?P<decword>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))(?!\w)",
        decade,
        keys=r"\d0[\'’]?s|(?i:ties)\b",
    ),
    rule(
        "century",
        r"(?:(?i:the)\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|(?i:twenty[\s-]first|first|second|third|fourth|fifth|"
        r"sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
        r"seventeenth|eighteenth|nineteenth|twentieth))[\s-]+(?i:century)",
        century,
        keys=r"(?i:century)",
    ),
    rule(
        "season_year",
        rf"(?:(?i:the)\s+)?(?P<s>(?i:spring|summer|fall|autumn|winter))(?:\s+(?i:of))?\s+{YEAR_ANY('y')}",
        season_year,
    ),
    rule(
        "quarter",
        rf"(?:(?i:the)\s+)?(?:(?i:fiscal|calendar)[\s-]+)?(?P<q>{ORDINAL})[\s-]+(?:(?i:fiscal)[\s-]+)?(?i:quarter)(?![a-zA-Z])"
        rf"(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?:{YEAR('y')}|{_QREL}))?(?!s\b)",
        quarter,
        keys=r"(?i:quarter)",
    ),
    rule(
        "year_quarter",
        rf"(?:{YEAR('y')}|(?i:fiscal)\s+{YEAR('y2')}|(?P<rel>(?i:this|last|next)\s+year))['’]s\s+"
        rf"(?:(?i:fiscal)[\s-]+)?(?P<q>{ORDINAL})[\s-]+(?i:quarter)",
        lambda m, c: quarter_with_year2(m, c),
        keys=r"(?i:quarter)",
    ),
    rule(
        "q_code",
        rf"(?<![\w-])Q(?P<qn>[1-4])(?:\s+{YEAR('y')}|\s*['’](?P<yy>\d\d))?(?!\w)",
        quarter,
        keys=r"Q[1-4]",
    ),
    rule(
        "half",
        rf"(?:(?i:the)\s+)?(?P<h>(?i:first|second|last|latter))\s+(?i:half|two\s+quarters)\s+(?i:of)\s+"
        rf"(?:{YEAR('y')}|(?P<rel>(?i:this|last|next|the))\s+(?i:year))",
        half,
        keys=r"(?i:half|quarters)",
    ),
]


def quarter_with_year2(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A quarter after a possessive year: "1989's third quarter", "last year's fourth quarter"."""
    g = m.groupdict()
    q = _ordinal(g["q"])
    y = _year(m) or _year(m, "y2")
    if y is not None:
        return absolute(cal.quarter(y, q))
    if ctx.anchor is None:
        return unresolved(f"XXXX-Q{q}")
    shift = {"last": -1, "next": 1}.get(g["rel"].split()[0].lower(), 0)
    return ctx.relative(cal.quarter(ctx.anchor.year + shift, q))
