"""The words that tie two reports of an event together when their details do not: the names and
figures of their sentences ("Smolensk", "242") that few reports of their type use.

Two strikes on the same day, told without a place or a party in common, are one event only
when their sentences share such words; "Russia" or "Ukraine", in most strike reports of a war,
tell nothing. See :func:`needs_words` for when words are asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parley.models import EventMention

# Words that are capitalised for another reason than naming something (a sentence's first word),
# and the calendar's names (a date agrees through the dates, not the words).
_COMMON_CAPITALS = frozenset(
    "the a an on in at of to for by from with as after before when while but and or if this that "
    "these those it its he she they we his her their our last next earlier later according "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)
_WORD = re.compile(r"\b(?:[A-Z][\w’'-]*[a-z][\w’'-]*|\d[\d,.]*\d)\b")
# A word shared by more than this share of a type's articles ("Russia" in a war's strike
# reports) tells nothing about which event two reports are of.
COMMON_SHARE = 0.1
# Reports whose details alone do not tie them agree in content when they share this many
# distinctive words (or half the words of the one that has fewer, at least one).
SHARED_WORDS = 2


class Words:
    """The distinctive words of each report: names and figures of its sentence ("Smolensk",
    "242") that few of its type's articles use."""

    def __init__(self, reports: list[EventMention], words: Callable[[EventMention], str]) -> None:
        self._words = words
        self._of: dict[int, frozenset[str]] = {}
        articles: dict[str, dict[str, set[str]]] = {}  # type -> word -> articles
        count: dict[str, set[str]] = {}
        for m in sorted(reports, key=lambda m: (m.article_id, m.span.start)):
            found = self._read(m)
            self._of[id(m)] = found
            count.setdefault(m.type, set()).add(m.article_id)
            for w in found:
                articles.setdefault(m.type, {}).setdefault(w, set()).add(m.article_id)
        self._common = {
            kind: {w for w, ids in by_word.items() if len(ids) > max(2, COMMON_SHARE * len(count[kind]))}
            for kind, by_word in articles.items()
        }

    def _read(self, m: EventMention) -> frozenset[str]:
        found = set()
        for w in _WORD.findall(self._words(m)):
            w = re.sub(r"['’]s$", "", w)
            if w.lower() in _COMMON_CAPITALS:
                continue
            if w[0].isdigit():
                digits = w.replace(",", "").replace(".", "")
                if not digits.isdigit() or int(digits) < 32 or 1900 <= int(digits) <= 2100:
                    continue  # a day of the month or a year: the dates speak for those
            found.add(w.casefold())
        return frozenset(found)

    def of(self, m: EventMention) -> frozenset[str]:
        return self._of.get(id(m), frozenset()) - self._common.get(m.type, set())


def content_agrees(mine: frozenset[str], theirs: set[str]) -> bool:
    shared = len(mine & theirs)
    if not shared:
        return False
    return shared >= SHARED_WORDS or shared / min(len(mine), len(theirs)) >= 0.5


def needs_words(
    m: EventMention, theirs: bool, shared: int, same: bool, other: bool, detail: bool, week: bool = False
) -> bool:
    """Whether a report must also agree in its words with an event's to join it (``theirs``:
    the event has a day or week; ``shared``: parties in common; ``same``/``other``: the same
    or another place; ``detail``: the same duration or figures; ``week``: the dates agree only
    to the week, a day inside the other's week or the same week):

    - told in two places neither of which holds the other, unless two or more parties are the
      same ("Ukraine struck a plant in one city" and "strikes on another region" are two
      strikes; the same two leaders meeting on the same day are one meeting);
    - undated, or dated no finer than a month, on either side: the same party alone does not
      make one event of "Russia launched drones" told in two articles a week apart; a place or
      a duration or figures in common does;
    - dated to the same day or week with nothing else in common (no party, place, duration
      or figures);
    - of one week only, with one party in common and nothing else: "X's statements last week"
      and "X's statement on Friday" may be two of X's many statements that week."""
    if other:
        return shared < 2
    if same or detail:
        return False
    if week and shared < 2:
        return True
    dated = m.date is not None and m.precision in ("day", "week")
    if not (dated and theirs):
        return True
    return not shared
