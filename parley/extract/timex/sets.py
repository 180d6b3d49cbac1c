"""Sets (recurring times): "daily" (``P1D``), "every Thursday" (``XXXX-WXX-4``), "each year",
"$5 million a year", "on Mondays". The rules that find them are in :mod:`.amounts`."""

from __future__ import annotations

import re

from .context import Context, Resolved
from .lexicon import DAY_PARTS, MONTHS, WEEKDAYS, duration_value, number_value

_SET_UNITS = {
    "day": "P1D",
    "week": "P1W",
    "month": "P1M",
    "year": "P1Y",
    "hour": "PT1H",
    "night": "P1D",
    "quarter": "P1Q",
    "minute": "PT1M",
}
_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "semiannually": "P6M",
}


def set_every(m: re.Match[str], ctx: Context) -> Resolved | None:
    g = m.groupdict()
    unit = g["unit"]
    if unit.lower() in WEEKDAYS and unit[0].isupper():
        return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[unit.lower()]}", None, "text")
    if unit.lower() in MONTHS and unit[0].isupper():
        return Resolved("SET", f"XXXX-{MONTHS[unit.lower()]:02d}", None, "text")
    part = DAY_PARTS.get(unit.lower())
    if part and unit.lower() not in ("night",):
        return Resolved("SET", f"XXXX-XX-XXT{part}", None, "text")
    n = 2.0 if g.get("other") else (number_value(g["num"]) if g.get("num") else 1.0)
    return Resolved("SET", duration_value(n, unit), None, "text")


def set_adverb(m: re.Match[str], ctx: Context) -> Resolved | None:
    words = m.group("w").lower().split()
    if words[0] in ("once", "twice"):
        return Resolved("SET", _SET_UNITS[words[-1]], None, "text")
    return Resolved("SET", _ADVERBS[words[0]], None, "text")


def set_adverb_guard(m: re.Match[str], text: str) -> bool:
    """The word "daily" in a name ("the Daily Mail") is not a set."""
    word = m.group("w")
    return not (word[0].isupper() and re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]))


def set_rate(m: re.Match[str], ctx: Context) -> Resolved | None:
    return Resolved("SET", _SET_UNITS[m.group("unit").lower()], None, "text")


def set_rate_guard(m: re.Match[str], text: str) -> bool:
    """A rate ("a year") follows an amount: "$5 million a year", "three times a day",
    "interviews a day"."""
    before = text[max(0, m.start() - 30) : m.start()]
    return bool(
        re.search(
            r"(?:\d%?|million|billion|trillion|thousand|hundred|percent|times|twice|once|"
            r"dollars|cents|[a-z]{3,}s)\s*$",
            before,
        )
    )


def set_weekdays(m: re.Match[str], ctx: Context) -> Resolved | None:
    n = WEEKDAYS[m.group("wd").lower()]
    part = m.group("part")
    suffix = f"T{DAY_PARTS[part.lower().rstrip('s')]}" if part else ""
    return Resolved("SET", f"XXXX-WXX-{n}{suffix}", None, "text")
