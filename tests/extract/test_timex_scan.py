"""The time-expression rules' fast scan (parley.extract.timex.scan): the same matches as the
regex engine's own ``finditer``, for every rule, on text written for this test and on random
text, whole or in windows."""

from __future__ import annotations

import random
import re
import string
import sys

import pytest

from parley.extract.timex import scan
from parley.extract.timex.tagger import RULES

TEXT = (
    "On Monday, Dec. 3, 2025, at 5 p.m. EST, the talks resumed; three weeks ago they had stalled. "
    "In the 1990s and the early 2000s, the 20th century's last decade, Q3 2025 and the first half "
    "of 2025 were far off. Nov 23-24, 2014-15, 03.12.2025, 2025-12-03 and 12/3 all appear. "
    "Two years later, on Tuesday night, the envoy said: 'Not until next spring.' Every Tuesday, "
    "twice a week, for nearly six hours, at 14:30 or at noon, since last year, this month, a year "
    "earlier, the day before, in mid-January, late November, by the end of the year, Christmas "
    "Eve, nineteen ninety-six, the year two thousand and five, fiscal 2024, FY2023, five-hour, "
    "a decade and a half, the weekend, 10 o'clock, in the morning, over the years.\n\n"
    "FOUR YEARS AGO (all capitals); \u212aelvin \u017fince \u0130n May; x2025; _March 3; March3."
)
_WORDS = (
    "the a in on at of since last next this every two three 3 12 2025 1999 03 twice year years "
    "month months week weeks day days hour hours ago later earlier before after until noon night "
    "morning Monday Tuesday Dec. December Nov March May spring summer fiscal FY Q3 half quarter "
    "decade 1990s early late mid end - , . ; : ' \u2019 \" 5 p.m. am 14:30 o'clock Christmas"
).split()


def _random_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(5, 60))]
        glue = [rng.choice([" ", " ", " ", "", "\n", "-", "  "]) for _ in words]
        out.append("".join(w + g for w, g in zip(words, glue, strict=True)))
    return out


def _spans(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_the_finder_finds_what_finditer_finds(rule):
    found = scan.finder(rule.pattern)
    rng = random.Random(rule.name)
    for text in [TEXT, *_random_texts(40)]:
        assert _spans(scan.finditer(rule.pattern, found, text)) == _spans(rule.pattern.finditer(text))
        pos = rng.randint(0, len(text))
        end = rng.randint(pos, len(text))
        assert _spans(scan.finditer(rule.pattern, found, text, pos, end)) == _spans(
            rule.pattern.finditer(text, pos, end)
        )


def test_every_rule_gets_a_finder():
    """A rule whose first characters cannot be read still works (plain finditer), only slower."""
    assert [r.name for r in RULES if scan.finder(r.pattern) is None] == []


@pytest.mark.parametrize(
    "pattern",
    [r"x*", r".ab", r"[^a]b", r"(?:a|.)b", r"(?i)ab", r"(?i:é)x"],
)
def test_a_pattern_without_readable_first_characters_keeps_plain_finditer(pattern):
    compiled = re.compile(pattern)
    assert scan.finder(compiled) is None
    text = "aab xab ab éx x"
    assert _spans(scan.finditer(compiled, None, text)) == _spans(compiled.finditer(text))


def test_case_insensitive_ascii_letters_match_no_other_characters_than_the_ones_listed():
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    matched = set(re.findall(r"(?i:[a-z])", everything))
    assert matched <= set(string.ascii_letters + scan._CASE_EXTRAS)
