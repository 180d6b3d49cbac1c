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
    span_group: str | None = None  # the group that is the expression, when the pattern needs context
    suffix: Callable[[re.Match[str]], str | None] | None = None  # time of day: "T15:00", "TMO"


def rule(name: str, pattern: str, resolve: Callable[[re.Match[str], Context], Resolved | None],
         kind: Kind = "other", guard: Callable[[re.Match[str], str], bool] | None = None,
         span_group: str | None = None,
         suffix: Callable[[re.Match[str]], str | None] | None = None) -> Rule:
    # every expression starts at the beginning of a word: checking that first is what keeps
    # forty patterns over a long text fast
    return Rule(name, re.compile(r"(?<![^\W_])" + pattern), resolve, kind, guard, span_group, suffix)


# --- fragments ----------------------------------------------------------------------------

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_END = r"(?![A-Za-z])"
WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def MON(g: str) -> str:  # noqa: N802 - fragment builders read like the grammar
    """A month name, full or abbreviated (with or without a dot)."""
    return rf"(?P<{g}>(?:{_MONTH_FULL}){_END}|(?:{_MONTH_ABBR})(?:\.|{_END}))"


def MONTH_FULL(g: str) -> str:  # noqa: N802
    return rf"(?P<{g}>(?:{_MONTH_FULL}){_END})"


def DAYNUM(g: str) -> str:  # noqa: N802
    """A day of the month: 1-31 with an optional ordinal suffix, not part of a longer number."""
    return rf"(?P<{g}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"


def YEAR(g: str) -> str:  # noqa: N802
    """A four-digit year 1000-2099 that is not part of a longer number or a percentage."""
    return rf"(?P<{g}>1\d\d\d|20\d\d)(?![\d%]|[.,]\d)"


def WD(g: str) -> str:  # noqa: N802
    return rf"(?P<{g}>{WEEKDAY_NAMES}){_END}"


_NUMBER_WORDS = alternation(
    [w for w in SMALL_NUMBERS if w not in ("a", "an")]
)
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
MODS = alternation(AMOUNT_MODIFIERS)
MOD = rf"(?:(?P<mod>(?i:{MODS}))\s+)?"
ORDINAL = r"(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)"


def preceded_by(text: str, start: int, words: tuple[str, ...] | frozenset[str]) -> bool:
    """Is the word just before ``start`` one of ``words`` (lower case)?"""
    before = re.search(r"([A-Za-z]+)[\s-]*$", text[max(0, start - 30) : start])
    return bool(before) and before.group(1).lower() in words
