"""Dates that only mean something against an anchor or an earlier date in the text.

* Against the anchor (the publication date): "today", "yesterday", "tomorrow", "tonight",
  weekdays, "this week", "last month", "next year", "last November", "this summer",
  "two weeks ago", "earlier in the year", "now", "recently", "the future".
* Against the latest date found earlier in the text (``basis="ref"``), falling back on the
  anchor when there is none: "the next day", "the following week", "that day",
  "three days later", "a year earlier", "the year-ago quarter", "the quarter".

Weekday rule (news convention): a bare weekday is the most recent such day on or before the
anchor ("on Tuesday" read on Wednesday is yesterday; read on Tuesday it is today) unless the
clause is in the future (:mod:`.tense`: "will meet on Thursday", "is expected to arrive
Friday"); then it is the next such day on or after the anchor. "last Friday" is the most recent
Friday strictly before the anchor, "next Friday" the first strictly after, "this Friday" the
one in the anchor's ISO week.
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .context import Context, Resolved, unresolved
from .grammar import MOD, MONTH_FULL, NUM, UNIT, WD, rule
from .lexicon import MONTHS, SEASONS, UNIT_PRECISION, WEEKDAYS, number_value

_ORDER = ["day", "week", "weekend", "month", "quarter", "season", "half", "year", "decade", "century"]


def _finer(a: str, b: str) -> str:
    return a if _ORDER.index(a) <= _ORDER.index(b) else b


def deictic(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = " ".join(m.group("w").lower().split())
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "the day before yesterday": -2, "the day after tomorrow": 2}[word]
    type_ = "TIME" if word == "tonight" else "DATE"
    if ctx.anchor is None:
        return unresolved(None, type_)
    period = cal.day(ctx.anchor + dt.timedelta(days=offset))
    if word == "tonight":
        return Resolved("TIME", period.value + "TNI", period, "publication")
    return ctx.relative(period)


def deictic_guard(m: re.Match[str], text: str) -> bool:
    """"Today" inside a name ("USA Today", "India Today") is not a date."""
    word = m.group("w")
    if not word[0].isupper():
        return True
    before = text[max(0, m.start() - 40) : m.start()]
    return not re.search(r"[A-Z][\w.&]*\s+$", before) or bool(re.search(r"[.!?:]\s+\S*\s*$", before))


def weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    n = WEEKDAYS[m.group("wd").lower()]
    rel = " ".join((m.group("rel") or "").lower().split())
    if ctx.anchor is None:
        return unresolved(f"XXXX-WXX-{n}")
    a = ctx.anchor
    if rel in ("last", "past", "this past"):
        date = cal.weekday_on_or_before(a, n, strictly=True)
    elif rel in ("next", "coming", "this coming"):
        date = cal.weekday_on_or_after(a, n, strictly=True)
    elif rel == "this":
        date = cal.weekday_in_week(a, n)
    elif ctx.tense(m.start(), m.end()) == "future":
        date = cal.weekday_on_or_after(a, n)
    else:
        date = cal.weekday_on_or_before(a, n)
    return ctx.relative(cal.day(date))


_SHIFT = {
    "this": 0, "current": 0, "the current": 0, "the present": 0, "this current": 0,
    "last": -1, "past": -1, "the past": -1, "the last": -1, "this past": -1,
    "next": 1, "coming": 1, "the coming": 1, "this coming": 1, "the next": 1,
}
_FROM_REF = {"the following": 1, "following": 1, "the previous": -1, "the prior": -1,
             "previous": -1, "prior": -1, "the same": 0, "that": 0, "the next": 1}


def _unit_precision(unit: str) -> str:
    u = unit.lower().replace("fiscal ", "").strip()
    return {"weekend": "weekend", "fiscal year": "year"}.get(u, UNIT_PRECISION.get(u, u))


def relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"this week", "last month", "next year", "the past year", "the following day",
    "that week", "the current quarter", "the latest quarter", "the quarter"."""
    rel = " ".join(m.group("rel").lower().split())
    unit = " ".join(m.group("unit").lower().split())
    precision = _unit_precision(unit)
    is_part = unit in ("morning", "afternoon", "evening", "night")
    if is_part:
        precision = "day"
    if rel in ("the latest", "latest", "the most recent", "the") and precision in ("quarter", "period"):
        return _latest_quarter(m, ctx)
    if rel in _FROM_REF and (rel not in ("the next",) or precision == "day"):
        ref = ctx.last_ref(m.start(), within=600)
        if ref is not None and _ORDER.index(ref.precision) <= _ORDER.index(precision) or \
                ref is not None and rel in ("the same", "that"):
            if rel in ("the same", "that") and _ORDER.index(ref.precision) > _ORDER.index(precision):
                return unresolved(None)
            shifted = cal.containing(precision, cal.shift(ref.start, _FROM_REF[rel], precision))
            return _with_part(ctx.from_ref(shifted, ref), unit if is_part else None)
        if rel in ("the same", "that"):
            return unresolved(None)
    if ctx.anchor is None:
        return unresolved(None, "TIME" if is_part else "DATE")
    shift = _SHIFT.get(rel, _FROM_REF.get(rel, 0))
    if precision == "weekend":
        return ctx.relative(_weekend(ctx, shift, m))
    period = cal.containing(precision, cal.shift(ctx.anchor, shift, precision))
    return _with_part(ctx.relative(period), unit if is_part else None)


def _with_part(result: Resolved, part: str | None) -> Resolved:
    if part is None or result.value is None:
        return result
    code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[part]
    return Resolved("TIME", f"{result.value}T{code}", result.period, result.basis, result.ref_date)


def _weekend(ctx: Context, shift: int, m: re.Match[str]) -> cal.Period:
    assert ctx.anchor is not None
    a = ctx.anchor
    if shift == 0 and m.group("rel").lower().strip() == "the":
        future = ctx.tense(m.start(), m.end()) == "future"
        shift = 0 if (future or a.isoweekday() >= 6) else -1
    return cal.weekend(a + dt.timedelta(weeks=shift))


def _latest_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    ref = ctx.last_ref(m.start(), within=1500, precisions=("quarter",))
    if ref is not None:
        return ctx.from_ref(ref, ref)
    if ctx.anchor is None:
        return unresolved("XXXX-QX")
    return ctx.relative(cal.last_completed_quarter(ctx.anchor))


def relative_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"last November", "this September", "next March"."""
    mon = MONTHS[m.group("mon").rstrip(".").lower()]
    rel = " ".join(m.group("rel").lower().split())
    if ctx.anchor is None:
        return unresolved(f"XXXX-{mon:02d}")
    a = ctx.anchor
    if rel in ("last", "past", "this past"):
        y = a.year if mon < a.month else a.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = a.year if mon > a.month else a.year + 1
    else:
        y = a.year
    return ctx.relative(cal.month(y, mon))


def relative_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"last fall", "this summer", "the spring", "next winter"."""
    code = SEASONS[m.group("s").lower()]
    rel = " ".join((m.group("rel") or "").lower().split())
    if ctx.anchor is None:
        return unresolved(f"XXXX-{code}")
    a = ctx.anchor
    instances = [cal.season(a.year + k, code) for k in (-2, -1, 0, 1)]
    past = [p for p in instances if p.end < a]
    future = [p for p in instances if p.start > a]
    if rel in ("last", "past", "this past"):
        return ctx.relative(past[-1])
    if rel in ("next", "coming", "this coming"):
        return ctx.relative(future[0])
    tense = ctx.tense(m.start(), m.end()) if rel != "this" else None
    if tense == "past":
        return ctx.relative([p for p in instances if p.start <= a][-1])
    if tense == "future":
        return ctx.relative([p for p in instances if p.end >= a][0])
    return ctx.relative(min(instances, key=lambda p: abs((p.start - a).days)))


def offset(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"two weeks ago", "a year earlier", "three days later", "five years from now"."""
    direction = " ".join(m.group("dir").lower().split())
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1
    from_anchor = direction in ("ago", "from now", "hence", "back")
    n = number_value(m.group("num"))
    unit = m.group("unit").lower().rstrip("s") if m.group("unit").lower() not in ("centuries",) else "century"
    if unit in ("hour", "minute", "second"):
        if ctx.anchor is None:
            return unresolved(None)
        return ctx.relative(cal.day(ctx.anchor))
    if n is None:
        return unresolved("PAST_REF" if sign < 0 else "FUTURE_REF") if ctx.anchor is None else \
            Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, "publication")
    steps = int(n * (10 if unit == "decade" else 1))
    shift_unit = "year" if unit == "decade" else unit
    precision = _unit_precision(unit if unit != "decade" else "year")
    if unit == "year":
        qref = ctx.last_ref(m.start(), within=600, precisions=("quarter",))
        if qref is not None:
            return ctx.from_ref(cal.shift_period(qref, sign * steps, "year"), qref)
    if not from_anchor:
        ref = ctx.last_ref(m.start(), within=600)
        if ref is not None and ref.precision not in ("decade", "century"):
            prec = _finer(ref.precision, precision) if ref.precision != "weekend" else precision
            shifted = cal.containing(prec, cal.shift(ref.start, sign * steps, shift_unit))
            return ctx.from_ref(shifted, ref)
    if ctx.anchor is None:
        return unresolved(None)
    return ctx.relative(cal.containing(precision, cal.shift(ctx.anchor, sign * steps, shift_unit)))


def year_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"year-earlier", "the year-ago quarter", "the year-earlier period"."""
    what = " ".join((m.group("what") or "").lower().split())
    if "months" in what:
        n = number_value(what.split()[0]) or 0
        return Resolved("DURATION", f"P{int(n)}M", None, "text")
    qref = ctx.last_ref(m.start(), within=1500, precisions=("quarter",))
    if qref is not None and what != "year":
        return ctx.from_ref(cal.shift_period(qref, -1, "year"), qref)
    ref = ctx.last_ref(m.start(), within=600, precisions=("year", "month", "day"))
    if ref is not None:
        return ctx.from_ref(cal.shift_period(ref, -1, "year"), ref)
    if ctx.anchor is None:
        return unresolved(None)
    return ctx.relative(cal.year(ctx.anchor.year - 1))


def within_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"earlier in the year", "later in the week": the period that holds the anchor."""
    if ctx.anchor is None:
        return unresolved(None)
    return ctx.relative(cal.containing(_unit_precision(m.group("unit")), ctx.anchor))


_REF_VALUES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF",
}


def ref_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = " ".join(m.group("w").lower().split())
    value = _REF_VALUES.get(word) or ("FUTURE_REF" if word.endswith("future") else "PAST_REF")
    if value == "PRESENT_REF" and ctx.anchor is not None:
        return Resolved("DATE", value, cal.day(ctx.anchor), "publication")
    return Resolved("DATE", value, None, "publication" if ctx.anchor else "unknown")


def day_before_after(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the day before", "the night after", "the week before": next to the last date."""
    unit = m.group("unit").lower()
    sign = -1 if m.group("dir").lower() in ("before", "earlier") else 1
    precision = "day" if unit == "night" else _unit_precision(unit)
    ref = ctx.last_ref(m.start(), within=600)
    if ref is None:
        return unresolved(None)
    shifted = cal.containing(precision, cal.shift(ref.start, sign, precision))
    return ctx.from_ref(shifted, ref)


_REL = (r"this\s+past|this\s+coming|this\s+current|the\s+current|the\s+present|the\s+past|the\s+last|"
        r"the\s+next|the\s+coming|the\s+following|the\s+previous|the\s+prior|the\s+same|the\s+latest|"
        r"the\s+most\s+recent|this|last|next|past|coming|current|previous|prior|following|latest|that")
_PERIOD_UNITS = r"week|weekend|month|year|quarter|decade|century|fiscal\s+year|fiscal\s+quarter"
_DIR = r"ago|earlier|later|from\s+now|hence|back|before(?=\s*[,.;:)]|\s*$)|after(?=\s*[,.;:)]|\s*$)"

RULES = [
    rule("deictic",
         r"(?<![\w-])(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow))(?![\w-])",
         deictic, kind="day", guard=deictic_guard),
    rule("weekday", rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming|past))\s+)?{WD('wd')}",
         weekday, kind="day"),
    rule("relative_unit", rf"(?P<rel>(?i:{_REL}))\s+(?P<unit>(?i:{_PERIOD_UNITS}))(?![\w-])", relative_unit),
    rule("relative_day",
         r"(?P<rel>(?i:the\s+following|the\s+previous|the\s+prior|the\s+same|the\s+next|that))\s+"
         r"(?P<unit>(?i:day|morning|afternoon|evening|night))(?![\w-])",
         relative_unit, kind="day"),
    rule("the_quarter", r"(?P<rel>(?i:the))\s+(?P<unit>(?i:quarter))(?![\w-])(?!\s+(?i:of|century|mile|point|percent))",
         relative_unit),
    rule("latest_period", r"(?P<rel>(?i:the\s+latest|the\s+most\s+recent))\s+(?P<unit>(?i:period))(?![\w-])",
         relative_unit),
    rule("relative_month", rf"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|past|coming))\s+{MONTH_FULL('mon')}",
         relative_month),
    rule("relative_season",
         r"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|past|coming|the))\s+"
         r"(?P<s>(?i:spring|summer|fall|autumn|winter))(?![\w-])(?!\s+(?i:of|in|from|to)\b)",
         relative_season),
    rule("offset",
         rf"{MOD}{NUM('num')}(?:\s+(?i:or\s+(?:so|two|three|more)))?[\s-]+(?P<unit>{UNIT})(?:\s+(?i:or\s+so))?\s+(?P<dir>(?i:{_DIR}))",
         offset),
    rule("year_ago",
         r"(?:(?i:the)\s+)?(?:(?i:comparable|same|prior)\s+)?(?i:year)[-\s](?i:ago|earlier)(?![\w-])"
         r"(?:\s+(?P<what>(?i:(?:first|second|third|fourth)[\s-]+quarter|quarter|period|nine\s+months|six\s+months|"
         r"fiscal\s+year|year)))?(?![\w-])",
         year_ago),
    rule("within_period",
         r"(?i:earlier|later)\s+(?i:in|this)\s+(?i:the\s+)?(?P<unit>(?i:day|week|month|year|quarter|decade))(?![\w-])",
         within_period),
    rule("ref_word",
         r"(?<![\w-])(?P<w>(?i:the\s+(?:near|distant|foreseeable|immediate|not\s+too\s+distant)\s+future|"
         r"the\s+future|the\s+past|nowadays|these\s+days|currently|recently|lately)|[Nn]ow)(?![\w-])",
         ref_word),
    rule("day_before_after",
         r"(?i:the)\s+(?P<unit>(?i:day|night|week|month|year))\s+(?P<dir>(?i:before|after|earlier))(?=\s*[,.;:)])",
         day_before_after, kind="day"),
]

