"""Dates that lean on a date named earlier in the same text (``basis="ref"``).

* "the next day", "the following week", "the previous month", "that day", "the same year",
  "the day before": the latest date found before them (within a few hundred characters),
  moved by one unit; with no such date, "the next/following/previous" fall back on the
  anchor and "that day" stays unresolved.
* "three days later", "two weeks earlier": the latest date, moved; "two weeks ago",
  "five years from now": the anchor, moved.
* Comparisons in results reporting: "a year earlier", "a year ago", "year-earlier",
  "the year-ago quarter", "last year's quarter", "the corresponding period last year", "the
  quarter a year ago" are the quarter named last, a year back (else the latest date or the
  anchor, a year back); "year-earlier" and its kin skip a quarter not yet over (a forecast,
  "through the third quarter of next year", is not what results are compared with).
  They are marked not topical, so later words do not lean on them.
* A day or month written without its year in a text telling of an earlier year, the year it
  has just established ("In February 2022 ... on 24 February", "in 2022 ... in mid-February"),
  and "the next day" with no date just before it, the day the narration has reached
  (:func:`in_year_told`, used by the day and month rules of :mod:`.absolute`;
  :meth:`.Context.narrative_ref`).
* "the quarter", "the latest quarter", "the latest period": the quarter named last; else
  the quarter that ends on the date that follows ("the quarter ended Sept. 30"); else the
  last completed quarter before the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from . import calendar as cal
from .context import Context, Resolved, unresolved
from .grammar import DAYNUM, MOD, MON, NUM, UNIT, WD, rule
from .lexicon import MONTHS, UNIT_PRECISION, WEEKDAYS, number_value

ORDER = ["day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century"]
_STEP = {
    "the following": 1,
    "following": 1,
    "the next": 1,
    "the previous": -1,
    "the prior": -1,
    "previous": -1,
    "prior": -1,
    "the same": 0,
    "that same": 0,
    "that": 0,
}


def unit_precision(unit: str) -> str:
    u = " ".join(unit.lower().replace("fiscal", "").split())
    if u in ("morning", "afternoon", "evening", "night") or u.rstrip("s") in ("hour", "minute", "second"):
        return "day"  # "two hours ago" falls on a day; dates here are not finer than a day
    return {"weekend": "weekend"}.get(u, UNIT_PRECISION.get(u, u))


def _finer(a: str, b: str) -> str:
    return a if ORDER.index(a) <= ORDER.index(b) else b


def with_part(result: Resolved, part: str | None) -> Resolved:
    """A day with a part-of-day suffix, a TIME ("the next morning")."""
    if part not in ("morning", "afternoon", "evening", "night") or result.value is None:
        return result
    code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[part]
    return replace(result, type="TIME", value=f"{result.value}T{code}")


def step_from_ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    """One unit from the latest date: "the following day", "the previous week", "that year"."""
    rel = " ".join(m.group("rel").lower().split())
    unit = " ".join(m.group("unit").lower().split())
    precision = unit_precision(unit)
    ref = ctx.last_ref(m.start(), within=600)
    fits = ref is not None and ORDER.index(ref.precision) <= ORDER.index(precision)
    if not fits and rel not in ("the same", "that same", "that"):
        # "the next day" a few paragraphs on: the day the narration reached
        ref = ctx.narrative_ref(m.start(), anaphoric=True) or ref
    if ref is not None and (ORDER.index(ref.precision) <= ORDER.index(precision)):
        shifted = cal.containing(precision, cal.shift(ref.start, _STEP[rel], precision))
        return with_part(ctx.from_ref(shifted, ref), unit)
    if rel in ("the same", "that same", "that") or ctx.anchor is None:
        return unresolved(None)
    shifted = cal.containing(precision, cal.shift(ctx.anchor, _STEP[rel], precision))
    return with_part(replace(ctx.relative(shifted), fallback=True), unit)


def weekday_from_ref(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A weekday next to the latest day named: "the previous Friday", "the following Monday"."""
    n = WEEKDAYS[m.group("wd").lower()]
    forward = m.group("rel").lower().split()[-1] in ("following", "next")
    ref = ctx.last_ref(m.start(), within=600, precisions=("day",))
    base, result = (ref.start, ctx.from_ref) if ref is not None else (ctx.anchor, None)
    if base is None:
        return unresolved(f"XXXX-WXX-{n}")
    date = (
        cal.weekday_on_or_after(base, n, strictly=True)
        if forward
        else cal.weekday_on_or_before(base, n, strictly=True)
    )
    return (
        result(cal.day(date), ref) if result and ref else replace(ctx.relative(cal.day(date)), fallback=True)
    )


def day_before_after(m: re.Match[str], ctx: Context) -> Resolved | None:
    """Next to the last date: "the day before", "the night after", "the week before"."""
    precision = unit_precision(m.group("unit"))
    sign = -1 if m.group("dir").lower() in ("before", "earlier") else 1
    ref = ctx.last_ref(m.start(), within=600)
    if ref is None:
        return unresolved(None)
    return ctx.from_ref(cal.containing(precision, cal.shift(ref.start, sign, precision)), ref)


def _unit_word(raw: str) -> str:
    u = raw.lower()
    return "century" if u == "centuries" else u.rstrip("s") if u.rstrip("s") in UNIT_PRECISION else u


def offset(m: re.Match[str], ctx: Context) -> Resolved | None:
    """An amount of time away: "two weeks ago", "five years from now" (from the anchor);
    "three days later", "a year earlier" (from the latest date in the text, else the anchor)."""
    direction = " ".join(m.group("dir").lower().split())
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    from_anchor = direction in ("ago", "from now", "hence", "back")
    n = number_value(m.group("num"))
    unit = _unit_word(m.group("unit"))
    if n is None:  # "several years ago", "a few days later"
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Resolved("DATE", value, None, "publication" if ctx.anchor else "unknown")
    steps = int(n * (10 if unit == "decade" else 100 if unit == "century" else 1))
    shift_unit = "year" if unit in ("decade", "century") else unit
    precision = unit_precision(shift_unit)
    if shift_unit == "year":
        qref = ctx.last_ref(m.start(), within=600, precisions=("quarter",))
        if qref is not None:
            shifted = cal.shift_period(qref, sign * steps, "year")
            return replace(ctx.from_ref(shifted, qref), topical=False)
    if not from_anchor:  # "three days later": the latest date, else the one the narration reached
        ref = ctx.last_ref(m.start(), within=600) or ctx.narrative_ref(m.start(), anaphoric=True)
        if ref is not None and ref.precision not in ("decade", "century", "weekend", "half", "season"):
            prec = _finer(ref.precision, precision)
            shifted = cal.containing(prec, cal.shift(ref.start, sign * steps, shift_unit))
            return replace(ctx.from_ref(shifted, ref), topical=shift_unit != "year")
    if ctx.anchor is None:
        return unresolved(None)
    result = ctx.relative(cal.containing(precision, cal.shift(ctx.anchor, sign * steps, shift_unit)))
    return replace(result, topical=not (shift_unit == "year" and steps == 1), fallback=not from_anchor)


def year_back(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A year back: "year-earlier", "the year-ago quarter", "last year's quarter", "the
    corresponding period last year", "the year-earlier nine months" (a duration, as in TimeML)."""
    what = " ".join((m.groupdict().get("what") or "").lower().split())
    if what.endswith("months"):
        return Resolved("DURATION", f"P{int(number_value(what.split()[0]) or 0)}M", None, "text")
    # the period compared is one being reported on: a quarter already over, not a forecast
    qref = ctx.last_ref(m.start(), within=1500, precisions=("quarter",), ended=True)
    if qref is not None and what not in ("year", "fiscal year"):
        return replace(ctx.from_ref(cal.shift_period(qref, -1, "year"), qref), topical=False)
    ref = ctx.last_ref(m.start(), within=600, precisions=("year", "month", "day"))
    if ref is not None:
        return replace(ctx.from_ref(cal.shift_period(ref, -1, "year"), ref), topical=False)
    if ctx.anchor is None:
        return unresolved(None)
    return replace(ctx.relative(cal.year(ctx.anchor.year - 1)), topical=False)


_ENDED = re.compile(rf"\s+(?i:ended|ending|that\s+ended|which\s+ended)\s+{MON('mon')}\s+{DAYNUM('d')}")


def latest_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """The quarter being reported: "the quarter", "the latest quarter", "the latest period"."""
    ended = _ENDED.match(ctx.text, m.end())
    if ended and ctx.anchor is not None:
        end = cal.closest_year(
            MONTHS[ended.group("mon").rstrip(".").lower()], int(ended.group("d")), ctx.anchor, "past"
        )
        if end is not None:  # the quarter that holds most of the three months ending then
            return ctx.relative(cal.containing("quarter", end - dt.timedelta(days=45)))
    ref = ctx.last_ref(m.start(), within=1500, precisions=("quarter",))
    if ref is not None:
        return ctx.from_ref(ref, ref)
    if ctx.anchor is None:
        return unresolved("XXXX-QX")
    return ctx.relative(cal.last_completed_quarter(ctx.anchor))


_AGO = r"ago|from\s+now|hence|back"
_LATER = r"earlier|later|before(?=\s*[,.;:)]|\s*$)|after(?=\s*[,.;:)]|\s*$)"
_DAY_PLUS = r"(?i:days?|weeks?|weekends?|months?|quarters?|years?|decades?|centuries|century|fortnights?)"


def in_year_told(
    ctx: Context, m: re.Match[str], placement: str | None, mon: int, d: int | None = None
) -> tuple[cal.Period, cal.Period] | None:
    """A day or month written without its year, in a text telling of an earlier year
    (:meth:`.Context.narrative_ref`: "In February 2022 ... on 24 February", "on 22 January
    ... by mid-February the embassies had left"): the occurrence nearest that time, with the
    date it was taken from; never one after the anchor, nor for what is to come ("will meet on
    24 February", "talks due by 24 February")."""
    if ctx.anchor is None or placement == "future":
        return None
    if placement == "deadline" and ctx.tense(m.start(), m.end()) != "past":
        return None  # "by mid-February" told in the past is the narration's; else it is to come
    ref = ctx.narrative_ref(m.start())
    if ref is None:
        return None

    forward = ctx.range_end(m.start())  # "between February 2022 and December": not before it

    def distance(p: cal.Period) -> tuple[int, int, int]:
        gap = (
            0
            if p.end >= ref.start and p.start <= ref.end
            else min(abs((p.start - ref.end).days), abs((ref.start - p.end).days))
        )
        # on a tie, the later one: narration moves on
        return int(forward and p.start < ref.start), gap, int(p.start < ref.start)

    found = []
    for k in (-1, 0, 1):
        y = ref.start.year + k
        if d is None:
            found.append(cal.month(y, mon))
        elif (date := cal.valid_date(y, mon, d)) is not None:
            found.append(cal.day(date))
    if not found:
        return None
    best = min(found, key=distance)
    return (best, ref) if best.start <= ctx.anchor else None


RULES = [
    rule(
        "step_from_ref",
        r"(?P<rel>(?i:the\s+following|the\s+previous|the\s+prior|the\s+same|that\s+same|that))\s+"
        r"(?P<unit>(?i:day|morning|afternoon|evening|night|week|weekend|month|year|quarter|fiscal\s+year))(?![\w-])",
        step_from_ref,
        kind="day",
    ),
    rule(
        "next_day",
        r"(?P<rel>(?i:the\s+next))\s+(?P<unit>(?i:day|morning|afternoon|evening|night))(?![\w-])",
        step_from_ref,
        kind="day",
    ),
    rule(
        "weekday_from_ref",
        rf"(?P<rel>(?i:the\s+previous|the\s+following|the\s+prior|the\s+next))\s+{WD('wd')}",
        weekday_from_ref,
        kind="day",
    ),
    rule(
        "day_before_after",
        r"(?i:the)\s+(?P<unit>(?i:day|night|week|month|year))\s+(?P<dir>(?i:before|after|earlier))(?=\s*[,.;:)])",
        day_before_after,
        kind="day",
    ),
    rule(
        "ago",
        rf"{MOD}{NUM('num')}(?:\s+(?i:or\s+(?:so|two|three|more)))?[\s-]+(?P<unit>{UNIT})(?:\s+(?i:or\s+so))?\s+(?P<dir>(?i:{_AGO}))(?![\w-])",
        offset,
        keys=r"(?i:ago|from\s+now|hence|back)\b",
    ),
    rule(
        "later",
        rf"{MOD}{NUM('num')}[\s-]+(?P<unit>{_DAY_PLUS})\s+(?P<dir>(?i:{_LATER}))(?![\w-])",
        offset,
        guard=lambda m, text: number_value(m.group("num")) is not None,
        keys=r"(?i:earlier|later|before|after)\b",
    ),
    rule(
        "year_back",
        r"(?:(?i:the)\s+)?(?:(?i:comparable|same|prior|corresponding)\s+)?(?i:year)[-\s](?i:ago|earlier)(?![\w-])"
        r"(?:\s+(?P<what>(?i:(?:first|second|third|fourth)[\s-]+quarter|quarter|period|nine\s+months|six\s+months|"
        r"fiscal\s+year|year)))?(?![\w-])",
        year_back,
        keys=r"(?i:year)",
    ),
    rule(
        "last_years_period",
        r"(?i:last\s+year['’]s\s+(?:quarter|period)|the\s+(?:corresponding|comparable|same)\s+(?:quarter|period)"
        r"(?:\s+(?:of|in))?\s+(?:last|the\s+previous|the\s+prior)\s+year|the\s+(?:(?:corresponding|comparable|same)\s+)?"
        r"(?:quarter|period)\s+a\s+year\s+(?:ago|earlier))(?![\w-])",
        year_back,
        keys=r"(?i:year)",
    ),
    rule(
        "the_quarter",
        r"(?i:the)\s+(?i:quarter)(?![\w-])(?!\s+(?i:of|century|mile|point|percent|hour))",
        latest_quarter,
        keys=r"(?i:quarter)",
    ),
    rule(
        "latest_quarter",
        r"(?i:the\s+(?:latest|most\s+recent|just[\s-]ended))\s+(?i:quarter|period)(?![\w-])",
        latest_quarter,
    ),
]
