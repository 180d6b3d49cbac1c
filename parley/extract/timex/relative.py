"""Dates that mean something against the anchor (the publication date): "today",
"yesterday", "tomorrow", "tonight", weekdays, "this week", "last month", "next year",
"the past year", "the weekend", "last November", "this summer", "earlier in the year",
"year-end", "now", "recently", "the future". (Dates that lean on an earlier date in the text
are in :mod:`.anaphora`.)

Weekday rule (news convention): a bare weekday is the most recent such day on or before the
anchor ("on Tuesday" read on Wednesday is yesterday; read on Tuesday it is today) unless the
clause is in the future (:mod:`.tense`: "will meet on Thursday", "is expected to arrive
Friday"); then it is the next such day on or after the anchor. "last Friday" is the most
recent Friday strictly before the anchor, "next Friday" the first strictly after, "this
Friday" the one in the anchor's ISO week.

"the past year", "the last week" are read as the previous calendar period (a DATE), as the
TimeBank annotators mostly did; "the past two years" is a duration (:mod:`.amounts`).
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .anaphora import unit_precision
from .context import Context, Resolved, unresolved
from .grammar import MONTH_FULL, WD, rule
from .lexicon import DAY_PARTS, MONTHS, SEASONS, WEEKDAYS


def deictic(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = " ".join(m.group("w").lower().split())
    offset = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    type_ = "TIME" if word == "tonight" else "DATE"
    if ctx.anchor is None:
        return unresolved(None, type_)
    period = cal.day(ctx.anchor + dt.timedelta(days=offset))
    if word == "tonight":
        return Resolved("TIME", period.value + "TNI", period, "publication")
    return ctx.relative(period)


def deictic_guard(m: re.Match[str], text: str) -> bool:
    """The word "Today" inside a name ("USA Today", "India Today") is not a date."""
    word = m.group("w")
    if text[m.end() : m.end() + 2] in ("'s", "’s") and re.search(
        r"(?i)\b(?:of|in|for)\s+$", text[max(0, m.start() - 5) : m.start()]
    ):
        return False  # "in today's world", "for today's youth": the present in general
    if not word[0].isupper():
        return True
    before = text[max(0, m.start() - 40) : m.start()]
    return not re.search(r"[A-Z][\w.&]*\s+$", before) or bool(re.search(r"[.!?:]\s+\S*\s*$", before))


_PLURAL_WEEKDAY_AFTER = re.compile(
    r"\s+(?:and|or)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:s|\s+(?P<part>mornings|afternoons|evenings|nights))(?![\w-])"
)


def weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    n = WEEKDAYS[m.group("wd").lower()]
    rel = " ".join((m.group("rel") or "").lower().split())
    plural = None if rel else _PLURAL_WEEKDAY_AFTER.match(ctx.text, m.end())
    if plural is not None:  # "on Monday and Tuesday nights": both recur, as the second does
        part = plural.group("part")
        suffix = f"T{DAY_PARTS[part.rstrip('s')]}" if part else ""
        return Resolved("SET", f"XXXX-WXX-{n}{suffix}", None, "text")
    if ctx.anchor is None:
        return unresolved(f"XXXX-WXX-{n}")
    a = ctx.anchor
    if rel in ("last", "past", "this past"):
        date = cal.weekday_on_or_before(a, n, strictly=True)
    elif rel in ("next", "coming", "this coming"):
        date = cal.weekday_on_or_after(a, n, strictly=True)
    elif rel == "this":
        date = cal.weekday_in_week(a, n)
    elif not _possessive(ctx.text, m.end()) and ctx.tense(m.start(), m.end()) == "future":
        date = cal.weekday_on_or_after(a, n)
    else:
        date = cal.weekday_on_or_before(a, n)
    return ctx.relative(cal.day(date))


def weekday_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A range of weekdays ("from Monday to Wednesday", "Monday-Wednesday"): the
    first day placed like a bare weekday, the second the first such day after it."""
    first = weekday(m, ctx)
    if first is None or first.period is None:
        n1, n2 = WEEKDAYS[m.group("wd").lower()], WEEKDAYS[m.group("wd2").lower()]
        return unresolved(f"XXXX-WXX-{n1}/XXXX-WXX-{n2}")
    start = first.period.start
    end = cal.weekday_on_or_after(start, WEEKDAYS[m.group("wd2").lower()], strictly=True)
    return ctx.relative(cal.Period(f"{start.isoformat()}/{end.isoformat()}", "day", start, end))


def _possessive(text: str, end: int) -> bool:
    """A possessive weekday ("Wednesday's ruling") names a day already past, whatever the verb."""
    return text[end : end + 2] in ("'s", "’s")


_SHIFT = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "the present": 0,
    "this current": 0,
    "the full": 0,
    "last": -1,
    "past": -1,
    "the past": -1,
    "the last": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "this coming": 1,
    "the next": 1,
}


def relative_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A period next to the anchor's: "this week", "last month", "next year", "the past year",
    "the current quarter", "the weekend", "the latest fiscal year" (the last complete one)."""
    rel = " ".join(m.group("rel").lower().split())
    precision = unit_precision(m.group("unit"))
    if ctx.anchor is None:
        return unresolved(None)
    if precision == "weekend":
        return ctx.relative(_weekend(ctx, _SHIFT.get(rel), m))
    shift = -1 if rel in ("the latest", "latest", "the most recent") else _SHIFT[rel]
    return ctx.relative(cal.containing(precision, cal.shift(ctx.anchor, shift, precision)))


def _weekend(ctx: Context, shift: int | None, m: re.Match[str]) -> cal.Period:
    """A weekend: "this/last/next weekend"; "the weekend" alone is the latest one, or the
    coming one in a future clause; "this weekend" in a past clause of a weekday is the one just
    gone ("spoke at a panel this weekend", written on a Monday)."""
    assert ctx.anchor is not None
    a = ctx.anchor
    if shift is None:
        future = ctx.tense(m.start(), m.end()) == "future"
        shift = 0 if (future or a.isoweekday() >= 6) else -1
    elif shift == 0 and a.isoweekday() <= 5 and ctx.tense(m.start(), m.end()) == "past":
        shift = -1
    return cal.weekend(a + dt.timedelta(weeks=shift))


def current_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """The period that holds the anchor: "(the end) of the year", "earlier in the month",
    "later this week"."""
    if ctx.anchor is None:
        return unresolved(None)
    return ctx.relative(cal.containing(unit_precision(m.group("unit")), ctx.anchor))


def year_end(m: re.Match[str], ctx: Context) -> Resolved | None:
    """The last day of the year ("year-end"): the coming one unless the clause is past."""
    if ctx.anchor is None:
        return unresolved("XXXX-12-31")
    date = cal.closest_year(12, 31, ctx.anchor, ctx.placement(m.start(), m.end()))
    return ctx.relative(cal.day(date)) if date else None


def relative_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A month named relatively: "last November", "this September", "next March"."""
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
    """A season named relatively: "last fall", "this summer", "the spring", "next winter"."""
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
    if rel == "this":  # the anchor's own year's season (a winter begun last December if in Jan-Feb)
        return ctx.relative(cal.season(a.year - (code == "WI" and a.month <= 2), code))
    tense = ctx.tense(m.start(), m.end())
    if tense == "past":
        return ctx.relative([p for p in instances if p.start <= a][-1])
    if tense == "future":
        return ctx.relative([p for p in instances if p.end >= a][0])
    return ctx.relative(min(instances, key=lambda p: abs((p.start - a).days)))


def _relative_unit_guard(m: re.Match[str], text: str) -> bool:
    """Only "the full year"; and "This Week" with capitals inside a sentence is a title."""
    if m.group("rel").lower().split()[-1] == "full" and not m.group("unit").lower().endswith("year"):
        return False
    unit = m.group("unit")
    return not (
        unit[0].isupper()
        and m.group("rel")[0].isupper()
        and not re.search(r"(?:^|[.!?]\s+|\n)$", text[max(0, m.start() - 3) : m.start()])
    )


_REF_VALUES = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "present": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
}


def ref_word(m: re.Match[str], ctx: Context) -> Resolved | None:
    word = " ".join(m.group("w").lower().split())
    value = _REF_VALUES.get(word) or ("FUTURE_REF" if word.endswith(("future", "term")) else "PAST_REF")
    if value == "PRESENT_REF" and ctx.anchor is not None:
        return Resolved("DATE", value, cal.day(ctx.anchor), "publication")
    return Resolved("DATE", value, None, "publication" if ctx.anchor else "unknown")


_REL = (
    r"this\s+past|this\s+coming|this\s+current|the\s+current|the\s+present|the\s+past|the\s+last|"
    r"the\s+next|the\s+coming|the\s+latest|the\s+most\s+recent|this|last|next|past|coming|current"
)
_PERIOD_UNITS = r"week|weekend|month|year|quarter|decade|century|fiscal\s+year|fiscal\s+quarter"
_SEASON = r"(?P<s>(?i:spring|summer|fall|autumn|winter))(?![\w-])"
_FUTURE_WORDS = (
    r"the\s+(?:near|distant|foreseeable|immediate|not\s+too\s+distant)\s+future|the\s+future|"
    r"the\s+(?:near|short)\s+term"
)
_PAST_FOLLOWERS = (
    r"few|several|many|two|three|four|five|six|seven|eight|nine|ten|twenty|\d+|"
    r"years|months|weeks|days|decades|summers|winters|quarters|centuries|century|decade|"
    r"year|month|week|quarter|day|weekend"
)

RULES = [
    rule(
        "deictic",
        r"(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|"
        r"tomorrow))(?![\w-])",
        deictic,
        kind="day",
        guard=deictic_guard,
    ),
    rule(
        "weekday_range",
        rf"(?:(?i:from|between)\s+)?(?P<rel>){WD('wd')}\s*(?:-|–|(?i:to|until|till|through|and))\s*{WD('wd2')}",
        weekday_range,
        guard=lambda m, t: (
            bool(re.match(r"(?i)from|between", m.group(0))) or bool(re.match(r"\s*[-–]", t[m.end("wd") :]))
        ),
        keys=r"(?:day)\s*(?:-|–|(?i:to|until|till|through|and))\s*[A-Z]",
    ),
    rule(
        "weekday",
        rf"(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|coming|past))\s+)?{WD('wd')}",
        weekday,
        kind="day",
    ),
    rule(
        "relative_unit",
        rf"(?P<rel>(?i:{_REL}|the\s+full))\s+(?P<unit>(?i:{_PERIOD_UNITS}))(?![\w-])",
        relative_unit,
        guard=_relative_unit_guard,
    ),
    rule(
        "fiscal_year_ended",
        r"(?i:the\s+(?:fiscal\s+|full\s+)?year)(?=\s+(?i:ended|ending|that\s+ended)\b)",
        lambda m, c: Resolved("DURATION", "P1Y", None, "text"),
        keys=r"(?i:ended|ending)",
    ),
    rule(
        "for_the_year",
        r"(?i:\b(?:for|throughout)\s+)(?P<t>(?i:the\s+(?:fiscal\s+|full\s+)?(?P<unit>year)))(?![\w-])",
        current_period,
        span_group="t",
        keys=r"(?i:year)",
    ),
    rule(
        "a_later_date",
        r"(?i:a\s+later\s+date)(?![\w-])",
        lambda m, c: Resolved("DATE", "FUTURE_REF", None, "publication" if c.anchor else "unknown"),
        keys=r"(?i:later)",
    ),
    rule(
        "the_weekend",
        r"(?P<rel>(?i:the))\s+(?P<unit>(?i:weekend))(?![\w-])",
        relative_unit,
        keys=r"(?i:weekend)",
    ),
    rule(
        "of_the_period",
        r"(?<=\bof\s)(?i:the)\s+(?P<unit>(?i:month|year|week|quarter|decade))(?![\w-])",
        current_period,
    ),
    rule(
        "within_period",
        r"(?i:earlier|later)\s+(?i:in|this)\s+(?i:the\s+)?(?P<unit>(?i:day|week|month|year|quarter|decade))(?![\w-])",
        current_period,
    ),
    rule("year_end", r"(?i:year[-\s]end|year['’]s\s+end)(?![\w-])", year_end, keys=r"(?i:end)"),
    rule(
        "relative_month",
        rf"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|past|coming))\s+{MONTH_FULL('mon')}",
        relative_month,
    ),
    rule(
        "relative_season",
        rf"(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|past|coming))\s+{_SEASON}",
        relative_season,
    ),
    rule(
        "the_season",
        rf"(?P<rel>(?i:the))\s+(?:(?i:early|late|mid)[\s-]+)?{_SEASON}(?!\s+(?i:of)\b)",
        relative_season,
    ),
    rule(
        "ref_word",
        rf"(?P<w>(?i:{_FUTURE_WORDS}|the\s+past(?!\s+(?:{_PAST_FOLLOWERS})\b)|nowadays|these\s+days|"
        r"currently|recently|lately|(?<=\bat\s)present)|[Nn]ow)(?![\w-])",
        ref_word,
    ),
]
