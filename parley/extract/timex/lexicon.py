"""Words the time-expression grammar is built from, and how to read numbers written in words.

Everything here is plain English calendar vocabulary: no names of people, places or events.
Each table maps a lower-cased word to what it means; :mod:`.grammar` turns the keys into regular
expressions, so a word added here is recognised everywhere it fits.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {  # ISO: Monday = 1
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# Parts of the day and their TIMEX3 codes.
DAY_PARTS: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "mid-afternoon": "AF",
    "midafternoon": "AF",
    "mid afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

# Duration units: TIMEX3 letter, whether it is a time (PT...) unit, and how many of the letter
# one unit makes (a decade is written as ten years, as in the TimeML corpora).
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1),
    "minute": ("M", True, 1),
    "hour": ("H", True, 1),
    "day": ("D", False, 1),
    "night": ("D", False, 1),
    "week": ("W", False, 1),
    "weekend": ("D", False, 2),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "quarter": ("Q", False, 1),
    "year": ("Y", False, 1),
    "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
    "centuries": ("Y", False, 100),
    "millennium": ("Y", False, 1000),
    "millennia": ("Y", False, 1000),
}

# Precision of a date shifted by one unit ("two weeks ago" is a week, "a year ago" a year).
UNIT_PRECISION: dict[str, str] = {
    "day": "day",
    "night": "day",
    "week": "week",
    "weekend": "week",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centuries": "century",
}

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a hundred": 100,
    "hundred": 100,
    "a thousand": 1000,
    "thousand": 1000,
    "two thousand": 2000,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Quantities that give a duration with an unknown number: "several weeks" is PXW.
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "numerous")

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}

# Words in front of an amount that TimeML keeps inside the expression (its MOD attribute).
AMOUNT_MODIFIERS = (
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "no more than",
    "no less than",
    "not more than",
    "just over",
    "just under",
    "over",
    "under",
    "well over",
    "barely",
    "within",
    "another",
    "an additional",
    "an extra",
)

_WORD_NUMBER = re.compile(r"[a-z]+")


def number_value(words: str) -> float | None:
    """Read ``"twenty four"``, ``"twenty-four"``, ``"5"``, ``"2.5"``, ``"1,000"``, ``"5 1/2"``,
    ``"a couple of"``; None for a vague amount ("several") or anything unreadable."""
    w = " ".join(words.lower().replace("-", " ").split())
    if not w:
        return None
    frac = re.fullmatch(r"(\d+)\s+1/2", w)
    if frac:
        return int(frac.group(1)) + 0.5
    if re.fullmatch(r"\d[\d,]*(\.\d+)?", w):
        return float(w.replace(",", ""))
    if w in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[w])
    total = 0
    for token in w.split():
        if token in TENS:
            total += TENS[token]
        elif token in SMALL_NUMBERS and SMALL_NUMBERS[token] < 20:
            total += SMALL_NUMBERS[token]
        elif token == "hundred":
            total = max(total, 1) * 100
        elif token == "and":
            continue
        else:
            return None
    return float(total)


def alternation(words: list[str] | tuple[str, ...] | dict[str, object]) -> str:
    """A regex alternation of ``words``, longest first so that the longest form wins; spaces
    in a phrase match any run of white space."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _unit(word: str) -> tuple[str, bool, int]:
    w = word.lower()
    if w == "centuries":
        w = "century"
    elif w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS[w]


def duration_value(n: float | None, unit_word: str) -> str:
    """``P5D``, ``PT5H``, ``PXY``; fractions go down one unit (``PT5H30M``, ``P18M``)."""
    letter, is_time, mult = _unit(unit_word)
    t = "T" if is_time else ""
    if n is None:
        return f"P{t}X{letter}"
    n *= mult
    if n == int(n):
        return f"P{t}{int(n)}{letter}"
    whole, frac = int(n), n - int(n)
    sub = {
        "H": ("M", 60),
        "M": ("S", 60) if is_time else ("D", 30),
        "Y": ("M", 12),
        "D": ("H", 24),
        "W": ("D", 7),
    }.get(letter)
    if sub is None:
        return f"P{t}{n:g}{letter}"
    sub_letter, per = sub
    if letter == "Y":
        return f"P{whole}Y{round(frac * 12)}M" if whole else f"P{round(frac * 12)}M"
    if letter == "W":
        return f"P{round(n * 7)}D"
    if letter == "D":
        return f"P{whole}DT{round(frac * 24)}H" if whole else f"PT{round(frac * 24)}H"
    head = f"{whole}{letter}" if whole else ""
    return f"P{t}{head}{round(frac * per)}{sub_letter}"
