"""Amounts of time and times of day.

* Durations: "five hours" (``PT5H``), "two-hour", "four-year", "nearly five-hour",
  "the past two months" (``P2M``), "the first nine months", "several weeks" (``PXW``),
  "for years" (``PXY``), "half an hour" (``PT30M``), "5 1/2 hours" (``PT5H30M``), "day-long".
  Hours, minutes and seconds take the ``PT`` form, as in TimeML. A decade is ten years
  (``P20Y`` for "two decades"). Ages ("a 47-year-old", "52 years old") are not durations.
  Prepositions ("for", "in") stay outside the span; amount modifiers ("nearly", "more than",
  "at least") stay inside, as TimeML's ``mod`` attribute does.
* Sets: "daily" (``P1D``), "every Thursday" (``XXXX-WXX-4``), "each year", "$5 million a
  year", "on Mondays".
* Times of day: "3 p.m." (``T15:00``), "10:35 a.m.", "noon", "midnight", "this morning",
  "last night", "tonight"; joined to a day next to them by :mod:`.tagger` ("Tuesday night",
  "5 p.m. EST, Nov. 6"). Alone, a clock time falls on the latest day named before it in the
  same stretch of text, else on the anchor.
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .context import Context, Resolved, unresolved
from .grammar import MOD, MONTH_NAMES, NUM, UNIT, UNIT_KEYS, WEEKDAY_NAMES, rule
from .lexicon import DAY_PARTS, SMALL_NUMBERS, duration_value, number_value
from .sets import set_adverb, set_adverb_guard, set_every, set_rate, set_rate_guard, set_weekdays

_HOUR_WORDS = {
    w: int(n)
    for w, n in SMALL_NUMBERS.items()
    if w.isalpha() and 1 <= n <= 12 and w not in ("a", "an", "dozen")
}


def duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    g = m.groupdict()
    n = number_value(g["num"]) if g.get("num") else None
    if g.get("half"):
        n = (n or 0) + 0.5 if g.get("num") else 0.5
    return Resolved("DURATION", duration_value(n, g["unit"]), None, "text")


def vague_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    unit = m.group("unit")
    n = None if unit.lower().endswith("s") else 1.0  # "for years" is PXY, "day-long" P1D
    return Resolved("DURATION", duration_value(n, unit), None, "text")


def _duration_span(m: re.Match[str]) -> tuple[int, int]:
    """In "the four-year conflict" the article belongs to the noun, not to "four-year"."""
    if m.group("the") and not m.group("lead") and "-" in m.string[m.end("num") : m.start("unit")]:
        return (m.start("mod") if m.group("mod") else m.start("num")), m.end()
    return m.span()


def duration_guard(m: re.Match[str], text: str) -> bool:
    """Not an age ("a 47-year-old", "52 years old"), not a share ("three quarters of"),
    not an ordinal ("a second round")."""
    after = text[m.end() : m.end() + 12]
    if re.match(r"[\s-]+old\b|-old", after):
        return False
    unit = m.group("unit").lower()
    num = (m.groupdict().get("num") or "").lower()
    if unit.startswith("quarter") and (
        num in ("a", "an")
        or re.match(r"\s+of\s+(?:the|a|an|its|their|his|her|all|those|these|our|this|that)\b", after)
    ):
        return False  # "three quarters of the vote" is a share
    if unit == "second" and not num[:1].isdigit():
        return False
    if unit in ("night", "nights") and not num:
        return False
    return not _title_case_name(m, text)


def _title_case_name(m: re.Match[str], text: str) -> bool:
    """A unit written with a capital inside a sentence is part of a name ("60 Minutes")."""
    word = m.group("unit")
    return word[0].isupper() and m.start("unit") > m.start() and not word.isupper()


# --- times of day ---------------------------------------------------------------------------


def clock_suffix(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g.get("w"):
        return {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}[g["w"].lower()]
    raw = g["h"].lower()
    h = int(raw) if raw.isdigit() else _HOUR_WORDS[raw]
    mi = int(g["mi"]) if g.get("mi") else 0
    ap = (g.get("ap") or "").lower().replace(".", "").replace(" ", "")
    part = (g.get("part") or "").lower()
    if ap == "pm" or part in ("afternoon", "evening", "night") and h < 12:
        h = h % 12 + 12
    elif ap == "am" or part == "morning":
        h = h % 12
    if h > 24 or mi > 59:
        return None
    return f"T{h:02d}:{mi:02d}"


def part_suffix(m: re.Match[str]) -> str | None:
    return "T" + DAY_PARTS[" ".join(m.group("part").lower().split())]


def _on_day(m: re.Match[str], ctx: Context, suffix: str | None) -> Resolved | None:
    """A time of day alone: on the latest day named shortly before, else on the day a text
    telling of an earlier year has reached (:meth:`.Context.narrative_ref`), else on the anchor."""
    if suffix is None:
        return None
    ref = ctx.last_ref(m.start(), within=250, precisions=("day",))
    if ref is None:
        told = ctx.narrative_ref(m.start(), anaphoric=True)
        ref = told if told is not None and told.precision == "day" else None
    if ref is not None:
        return Resolved("TIME", ref.value + suffix, ref, "ref", ref.start)
    if ctx.anchor is None:
        return unresolved("XXXX-XX-XX" + suffix, "TIME")
    d = cal.day(ctx.anchor)
    return Resolved("TIME", d.value + suffix, d, "publication")


def clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    return _on_day(m, ctx, clock_suffix(m))


def bare_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A bare "morning" means nothing alone; "overnight" and "mid-afternoon" fall on the anchor."""
    part = " ".join(m.group("part").lower().split())
    if part not in ("overnight", "mid-afternoon", "midafternoon", "mid afternoon"):
        return None
    return _on_day(m, ctx, part_suffix(m))


def deictic_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """A day and its part: "this morning", "last night", "yesterday afternoon"."""
    rel = m.group("rel").lower().split()[-1]
    part = m.group("part").lower()
    offset = {"this": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[rel]
    if ctx.anchor is None:
        return unresolved(None, "TIME")
    d = cal.day(ctx.anchor + dt.timedelta(days=offset))
    return Resolved("TIME", f"{d.value}T{DAY_PARTS[part]}", d, "publication")


_AMPM = r"(?P<ap>(?i:a\.\s?m\.?|p\.\s?m\.?|am|pm)(?![\w]))"
_TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK|(?i:local\s+time))(?![\w]))?"
_CMOD = r"(?:(?i:around|about|approximately|shortly\s+after|shortly\s+before|just\s+after|just\s+before)\s+)?"
_LEAD = (
    r"(?:(?P<the>(?i:the))\s+)?(?:(?P<lead>(?i:first|last|past|next|coming|previous|latest|final|following|"
    r"remaining|preceding|prior|initial|full|entire|whole|additional|subsequent|ensuing|intervening))\s+)?"
)
_HOURW = "|".join(_HOUR_WORDS)

RULES = [
    rule(
        "set_rate",
        r"(?<![\w-])(?i:a|an|per)\s+(?P<unit>(?i:day|week|month|year|hour|night|quarter|minute))(?![\w-])",
        set_rate,
        guard=set_rate_guard,
        keys=UNIT_KEYS,
    ),
    rule(
        "duration",
        rf"{_LEAD}{MOD}{NUM('num')}(?:\s+(?i:to|or)\s+{NUM('num2')})?(?P<half>\s+(?i:and\s+a\s+half))?"
        rf"(?:\s+(?i:more|additional|straight|consecutive|full|long|trading|working|business))?[\s-]+"
        rf"(?P<unit>{UNIT})(?:[\s-](?i:long))?(?![\w-])",
        duration,
        guard=duration_guard,
        span_group=lambda m: _duration_span(m),
        keys=UNIT_KEYS,
    ),
    rule(
        "duration_and_half",
        rf"{MOD}{NUM('num')}\s+(?P<unit>{UNIT})(?P<half>\s+(?i:and\s+a\s+half))(?![\w-])",
        duration,
        keys=r"(?i:and\s+a\s+half)",
    ),
    rule(
        "half_unit",
        rf"{MOD}(?P<half>(?i:half))\s+(?i:an?)\s+(?P<unit>(?i:hour|day|year|minute|century|decade))(?![\w-])",
        duration,
        keys=r"(?i:half)",
    ),
    rule(
        "vague_duration",
        r"(?:(?i:the)\s+)?(?i:past|last|next|coming|recent|previous|following|ensuing|intervening|early|final|"
        r"first|remaining|preceding|subsequent)\s+(?P<unit>(?i:years|months|weeks|days|decades|hours|minutes|"
        r"quarters|centuries|weekends))(?![\w-])",
        vague_duration,
        keys=UNIT_KEYS,
    ),
    rule(
        "units_ahead",
        r"(?i:the)\s+(?P<unit>(?i:years|months|weeks|days|decades|hours|quarters))\s+(?i:ahead)(?![\w-])",
        vague_duration,
        keys=r"(?i:ahead)",
    ),
    rule(
        "long_adjective",
        r"(?<![\w-])(?P<unit>(?i:hour|day|week|month|year|decade|hours|days|weeks|months|years|decades))-long",
        vague_duration,
        keys=r"-(?i:long)",
    ),
    rule(
        "bare_plural",
        r"(?i:\b(?:for|within|over|after|in|took|spent|lasted|follows|following|of)\s+)"
        r"(?P<t>(?P<unit>(?i:years|months|weeks|days|decades|hours|centuries|minutes)))(?![\w-])",
        vague_duration,
        span_group="t",
        keys=UNIT_KEYS,
    ),
    rule(
        "over_the_years",
        r"(?i:\b(?:over|through|throughout|during)\s+)(?P<t>(?i:the)\s+(?P<unit>(?i:years|decades|centuries)))(?![\w-])",
        vague_duration,
        span_group="t",
        keys=UNIT_KEYS,
    ),
    rule(
        "set_every",
        rf"(?i:every|each|per)\s+(?:(?P<other>(?i:other))\s+)?(?:{NUM('num')}\s+)?"
        rf"(?P<unit>{UNIT}|{WEEKDAY_NAMES}|{MONTH_NAMES}|(?i:morning|evening|afternoon|night))(?![\w-])",
        set_every,
    ),
    rule(
        "set_adverb",
        r"(?<![\w-])(?P<w>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|"
        r"(?:once|twice)\s+an?\s+(?:day|week|month|year|hour)))(?![\w-])",
        set_adverb,
        guard=set_adverb_guard,
    ),
    rule(
        "set_weekdays",
        rf"(?P<wd>{WEEKDAY_NAMES})(?:s|\s+(?P<part>(?i:mornings|afternoons|evenings|nights)))(?![\w-])",
        set_weekdays,
        keys=r"(?:day)(?:s|\s)",
    ),
    rule(
        "clock",
        rf"{_CMOD}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*{_AMPM}{_TZ}",
        clock,
        kind="time",
        suffix=clock_suffix,
        keys=r"(?i:[ap]\.?\s?m\b)",
    ),
    rule(
        "clock24",
        rf"(?i:\bat\s+)(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d){_TZ})(?![\d])",
        clock,
        kind="time",
        span_group="t",
        suffix=clock_suffix,
        keys=r"\d:\d\d",
    ),
    rule(
        "clock_words",
        rf"{_CMOD}(?P<h>1[0-2]|[1-9]|(?i:{_HOURW}))(?:\s+o['’]clock)?\s+(?i:in\s+the)\s+(?P<part>(?i:morning|afternoon|evening|night))",
        clock,
        kind="time",
        suffix=clock_suffix,
        keys=r"(?i:in\s+the\s)",
    ),
    rule(
        "oclock",
        rf"{_CMOD}(?P<h>1[0-2]|[1-9]|(?i:{_HOURW}))\s+o['’]clock",
        clock,
        kind="time",
        suffix=clock_suffix,
        keys=r"o[\'’]clock",
    ),
    rule(
        "noon",
        r"(?<![\w-])(?<!(?i:high)\s)(?P<w>(?i:noon|midnight|midday))(?![\w-])",
        clock,
        kind="time",
        suffix=clock_suffix,
    ),
    rule(
        "deictic_part",
        r"(?P<rel>(?i:this|tomorrow|yesterday|last))\s+(?P<part>(?i:morning|afternoon|evening|night))(?![\w-])",
        deictic_part,
    ),
    rule(
        "bare_part",
        r"(?:(?i:the)\s+)?(?P<part>(?i:morning|afternoon|evening|night|mid-afternoon|midafternoon|mid\s+afternoon|overnight))(?![\w-])",
        bare_part,
        kind="time",
        suffix=part_suffix,
    ),
]
