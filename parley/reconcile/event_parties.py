"""Parties two reports of an event name, read with the sides they stand for; and the one dated
event an undated report can only be of. Used by :func:`parley.reconcile.events.merge_events`.

- :func:`stands_for`: "the US envoys" and the envoys by name are parties in common, also beside
  someone of another side ("US negotiators" and "Putin and Witkoff");
- :func:`recency`: of equal events, an undated report is of the latest before its article;
- :func:`beyond`: the parties one report names that the other does not, leaving out those the
  other stands for or is stood for by: "Rustem Umerov" beside "Ukraine (government)" names no
  one new, "Narendra Modi" beside "Vladimir Putin" does;
- :func:`outsider`: a report that names someone of no side beside an event of the sides' people
  is no more of the event's narration, though one article tells both;
- :func:`sole_event`: "US and Ukrainian teams agree a framework in Geneva", told without a date
  a day after the Geneva talks: a report with no date of its own that falls short of the score
  an undated report needs joins a dated event still, when that event is the only one of its
  type the report could be of and they agree on the place or on every party the report names
  (two or more of them people or bodies).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from parley.models import Article, EventMention


def beyond(
    one: AbstractSet[str],
    other: AbstractSet[str],
    sides: Mapping[str, str],
    governments: Mapping[str, str],
) -> set[str]:
    """The parties of ``one`` that ``other`` neither names nor stands for (``sides``: the side
    of each actor; ``governments``: the side each government stands for)."""
    government_of = {side: g for g, side in governments.items()}
    found = set()
    for party in one - other:
        if party in governments and any(sides.get(p) == governments[party] for p in other):
            continue  # "Ukraine (government)" beside Umerov
        if sides.get(party) in government_of and government_of[sides[party]] in other:
            continue  # Umerov beside "Ukraine (government)"
        found.add(party)
    return found


def outsider(
    mine_only: AbstractSet[str],
    theirs: AbstractSet[str],
    sides: Mapping[str, str],
    governments: Mapping[str, str],
) -> bool:
    """Whether a report names, beyond an event's parties, all of whom are of the negotiation's
    sides, someone of none of them ("X's talks with the US envoys", then "X's summit with the
    prime minister of a country that is no side")."""
    if not theirs or any(not (sides.get(p) or governments.get(p)) for p in theirs):
        return False
    return any(not (sides.get(p) or governments.get(p)) for p in mine_only)


def sole_event(
    scored: Sequence[tuple[Any, int, bool]], people: AbstractSet[str], governments: AbstractSet[str]
) -> Any | None:
    """Of the dated drafts an undated report may be of (each with its score and whether it is
    told in the report's place), the one it clearly refers to: the only one with a score of
    one or more, told in the same place, or holding every party the report names, two or more
    of them people or bodies rather than ``governments`` ("X is expected to hold a summit with
    Y"; but "European governments agreed" is any of their agreements)."""
    possible = [(d, same) for d, score, same in scored if score >= 1]
    if len(possible) != 1:
        return None
    draft, same = possible[0]
    if same or (len(people - governments) >= 2 and people <= draft.participants):
        return draft
    return None


def stands_for(
    people: AbstractSet[str],
    theirs: AbstractSet[str],
    sides: Mapping[str, str],
    governments: Mapping[str, str],
) -> int:
    """With no party in common: how many sides' governments one report names ("the US envoys")
    of which the other names someone, when the other names only people of those sides
    ("Witkoff and Kushner") or the one names only such governments ("US negotiators" beside
    "Putin and Witkoff"; not "US, Ukrainian and European delegations" beside "Dmitriev, Witkoff
    and Kushner": each names someone the other does not); the more of the two ways, else 0."""
    found = 0
    for one, other in ((people, theirs), (theirs, people)):
        named = {governments[g] for g in one if g in governments}
        present = {sides.get(a) for a in other}
        if named and (present <= named or all(governments.get(g) in present for g in one)):
            found = max(found, len(named & present))
    return found


def recency(d: Any, m: EventMention, article: Article | None) -> int:
    """For a report with no date of its own, how near before its publication the draft's first
    day is (higher is nearer); 0 for a dated report or an undated draft."""
    first = d.dates()[:1] or [p[0] for p in d.periods()[:1]]
    if m.date or not first or article is None or article.published is None:
        return 0
    return -abs((article.published - first[0]).days)
