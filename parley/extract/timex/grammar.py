"""Regular-expression fragments shared by the rules, and the :class:`Rule` record.

A rule is a pattern plus a resolver. Patterns name their parts with groups; a fragment that
can occur twice in one pattern takes the group name as an argument. Month and weekday names
must be capitalised (news spelling), so "may", "march" and "sun" are not read as dates; all
other words match in any case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import AMOUNT_MODIFIERS, SMALL_NUMBERS, TENS, UNITS, VAGUE_NUMBERS, alternation

if TYPE_CHECKING:
    from .context import Context, Resolved

Kind = str  # "day" (resolves to one day: can take a time of day), "time" (a time of day), "other"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], Context], Resolved | None]
    kind: Kind = "other"
    guard: Callable[[re.Match[str], str], bool] | None = None
    # the part of the match that is the expression, when the pattern needs context: a group
    # name, or a function of the match giving (start, end)
    span_group: str | Callable[[re.Match[str]], tuple[int, int]] | None = None
    suffix: Callable[[re.Match[str]], str | None] | None = None  # time of day: "T15:00", "TMO"
    # a word every match contains: the pattern then only runs near its occurrences
    keys: re.Pattern[str] | None = None


def rule(
    name: str,
    pattern: str,
    resolve: Callable[[re.Match[str], Context], Resolved | None],
    kind: Kind = "other",
    guard: Callable[[re.Match[str], str], bool] | None = None,
    span_group: str | Callable[[re.Match[str]], tuple[int, int]] | None = None,
    suffix: Callable[[re.Match[str]], str | None] | None = None,
    keys: str | None = None,
) -> Rule:
    # every expression starts at the beginning of a word: checking that first, and running a
    # pattern only near its key words, is what keeps fifty patterns over a long text fast
    return Rule(
        name,
        re.compile(r"(?<![^\W_])" + pattern),
        resolve,
        kind,
        guard,
        span_group,
        suffix,
        re.compile(keys) if keys else None,
    )


# --- fragments ----------------------------------------------------------------------------

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_END = r"(?![A-Za-z])"
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MONTH_NAMES = _MONTH_FULL


def MON(g: str) -> str:  # noqa: N802 - fragment builders read like the grammar
    """A month name, full or abbreviated (with or without a dot)."""
    return rf"(?P<{g}>(?:{_MONTH_FULL}){_END}|(?:{_MONTH_ABBR})(?:\.|{_END}))"


def MONTH_FULL(g: str) -> str:  # noqa: N802
    return rf"(?P<{g}>(?:{_MONTH_FULL}){_END})"


def DAYNUM(g: str) -> str:  # noqa: N802
    """A day of the month: 1-31 with an optional ordinal suffix, not part of a longer number."""
    return rf"(?P<{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|[:.,]\d)"


def YEAR(g: str) -> str:  # noqa: N802
    """A four-digit year 1000-2099 that is not part of a longer number or a percentage."""
    return rf"(?P<{g}>1\d\d\d|20\d\d)(?![\d%]|[.,]\d)"


_TEEN_TENS = (
    "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
)
SPOKEN_YEAR = (
    rf"(?i:(?:the\s+year\s+)?(?:(?:nineteen|eighteen)[\s-]+(?:hundred(?:\s+and)?[\s-]+)?(?:{_TEEN_TENS})"
    rf"|two\s+thousand(?:(?:\s+and)?[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|{_TEEN_TENS}))?))(?![\w-])"
)


def YEAR_ANY(g: str) -> str:  # noqa: N802
    """A year in digits or in words ("nineteen ninety-six", "the year two thousand")."""
    return rf"(?:{YEAR(g)}|(?P<{g}_sp>{SPOKEN_YEAR}))"


def spoken_year_value(words: str) -> int | None:
    from .lexicon import number_value

    w = " ".join(words.lower().replace("-", " ").split())
    w = w.removeprefix("the year ").replace(" and ", " ")
    if w.startswith("two thousand"):
        rest = w.removeprefix("two thousand").strip()
        return 2000 + int(number_value(rest) or 0) if rest else 2000
    head, _, rest = w.partition(" ")
    rest = rest.removeprefix("hundred ").strip()
    tail = number_value(rest)
    if tail is None:
        return None
    return {"nineteen": 1900, "eighteen": 1800}[head] + int(tail)


def WD(g: str) -> str:  # noqa: N802
    return rf"(?P<{g}>{WEEKDAY_NAMES}){_END}"


_NUMBER_WORDS = alternation([w for w in SMALL_NUMBERS if w not in ("a", "an")])
_TENS = alternation(list(TENS))
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUM_WORDS = rf"(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_NUMBER_WORDS})"
NUM_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2)?"
VAGUE = alternation(VAGUE_NUMBERS)


def NUM(g: str) -> str:  # noqa: N802
    """An amount: digits, number words, "a"/"an", or a vague amount ("several")."""
    return rf"(?P<{g}>(?i:{NUM_DIGITS}|{NUM_WORDS}|{VAGUE}|an?)(?![\w]))"


UNIT_WORDS = alternation(list(UNITS))
UNIT = rf"(?i:{UNIT_WORDS}|years|months|weeks|days|hours|minutes|seconds|decades|nights|quarters|weekends)"
# Key words for the rules built on UNIT: a plain lower-case alternation, which the regex engine
# scans for far faster than UNIT itself (see ``Rule.keys``).
UNIT_KEYS = "second|minute|hour|day|night|week|month|quarter|year|decade|centur|millenni|fortnight"
MODS = alternation(AMOUNT_MODIFIERS)
MOD = rf"(?:(?P<mod>(?i:{MODS}))\s+)?"
ORDINAL = r"(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)"


def preceded_by(text: str, start: int, words: tuple[str, ...] | frozenset[str]) -> bool:
    """Is the word just before ``start`` one of ``words`` (lower case)?"""
    before = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 30) : start])
    return before is not None and before.group(1).lower() in words
