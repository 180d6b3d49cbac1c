"""TIMEX3 durations for people: ``PT4H`` is "4 hours", ``P1DT2H`` is "1 day 2 hours"."""

from __future__ import annotations

import re

_UNITS_DATE = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_UNITS_TIME = {"H": "hour", "M": "minute", "S": "second"}
_PART = re.compile(r"(\d+(?:\.\d+)?|X)([A-Z])")


def readable_duration(value: str | None) -> str | None:
    """``PT4H`` -> "4 hours", ``P2D`` -> "2 days", ``PT1H30M`` -> "1 hour 30 minutes",
    ``PXD`` -> "days"; anything that is not a TIMEX3 duration is returned as it is."""
    if not value or not value.startswith("P"):
        return value
    date_part, _, time_part = value[1:].partition("T")
    words = []
    for part, units in ((date_part, _UNITS_DATE), (time_part, _UNITS_TIME)):
        matched = _PART.findall(part)
        if "".join(n + u for n, u in matched) != part:
            return value
        for amount, unit in matched:
            if unit not in units:
                return value
            name = units[unit]
            if amount == "X":
                words.append(f"{name}s")
            else:
                number = float(amount)
                shown = f"{number:g}"
                words.append(f"{shown} {name}{'' if number == 1 else 's'}")
    return " ".join(words) or value
