"""Decades and centuries: "the 1990s", "the '90s", "the nineties", "the early 2000s",
"the 20th century", "the twenty-first century". The rules that find them are in :mod:`.absolute`."""

from __future__ import annotations

import re

from . import calendar as cal
from .context import Context, Resolved, absolute, unresolved

_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    g = m.groupdict()
    if g.get("dec"):
        period = cal.decade(int(g["dec"]))
        result = absolute(period)
    else:
        tens = int(g["dec2"][0]) if g.get("dec2") else _DECADE_WORDS[g["decword"].lower()]
        if ctx.anchor is None:
            return unresolved(None)
        # the latest such decade that has begun by the anchor: "the '90s" read in 2025 is 199
        first = (ctx.anchor.year // 100) * 100 + tens * 10
        if first > ctx.anchor.year:
            first -= 100
        period = cal.decade(first)
        result = ctx.relative(period)
    if g.get("dmod") and result.period:
        narrowed = result.period.narrowed(g["dmod"].lower())
        return Resolved(result.type, result.value, narrowed, result.basis, result.ref_date)
    return result


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}


def century(m: re.Match[str], ctx: Context) -> Resolved | None:
    raw = m.group("n").lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else _ORDINAL_WORDS.get(raw)
    if not n or n > 21:
        return None
    return absolute(cal.century((n - 1) * 100))
