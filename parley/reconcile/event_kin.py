"""Events of two types that stand for one happening, told as one event: a visit and the meeting it
was for ("the visit of the envoy to Russia, who met the president in Moscow on Tuesday"), an
interview and the statements made in it. The pairs are the ``kin`` of the taxonomy
(:attr:`parley.extract.event_taxonomy.Taxonomy.kin`, given by the event merge); the first type of a
pair is the one kept.

After the single pass (:func:`parley.reconcile.events.merge_events`), which merges reports of one
type only, an event of the second type of a pair joins the one event of the first type that
(:func:`_joins`):

- names a party it names too (the same person, body or government; a side standing for its
  people is not enough), and both or neither are of someone they do not name ("his son's visit",
  :mod:`.event_doers`), and
- holds or lies in its place, when both name one, and is not only denied while the other is not,
  and
- shares a day with it, no day of either being more than a day from the other's, and no year
  ("in 1998") of either holding none of the other's dates; or is told in
  the same sentence with no day apart ("X's visit to Russia, where he met Y"); or, undated, is
  told in the sentence right before or after one of the other's reports ("This was X's first
  visit to the country", after the sentence dating the summit).

Two candidates, and it stays apart. So two meetings of one day with different people, or a visit
one day and a meeting a week later, stay two events.
"""

from __future__ import annotations

from typing import Any

from parley.reconcile.event_conflicts import same_place
from parley.reconcile.event_doers import unnamed_apart

# The gap, in characters, between two sentences told one after the other (the space between them)
ADJACENT_GAP = 3


def merge_kin(drafts: list[Any], places: dict[str, str], pairs: tuple[tuple[str, str], ...]) -> list[Any]:
    """The drafts left once each of a kin pair's second type has joined the one draft of the first
    type it stands for (see the module docstring). A draft has ``type``, ``reports``,
    ``participants``, ``words``, ``dates()``, ``periods()``, ``coarse()``, ``places()`` and
    ``add``. ``pairs`` are a taxonomy's ``kin`` (:attr:`.event_taxonomy.Taxonomy.kin`): (type
    kept, type that joins it)."""
    gone: set[int] = set()
    for kept, joins in pairs:
        hosts = [d for d in drafts if d.type == kept and id(d) not in gone]
        for d in drafts:
            if d.type != joins or id(d) in gone:
                continue
            found = [h for h in hosts if _joins(d, h, places)]
            if len(found) != 1:
                continue
            host = found[0]
            for i, report in enumerate(d.reports):
                host.add(report, frozenset(d.words) if i == 0 else frozenset())
            gone.add(id(d))
    return [d for d in drafts if id(d) not in gone]


def _joins(d: Any, host: Any, places: dict[str, str]) -> bool:
    """Whether draft ``d`` stands for the same happening as ``host`` (module docstring)."""
    if not (d.participants & host.participants):
        return False
    if unnamed_apart(getattr(d, "unnamed", False), getattr(host, "unnamed", False)):
        return False  # "his son's visit" is not his meeting
    if d.places() and host.places():
        if not any(same_place(a, b, places) for a in d.places() for b in host.places()):
            return False
    if _only_denied(d) != _only_denied(host):
        return False
    mine, theirs = set(d.dates()), set(host.dates())
    if mine and theirs and any(min(abs((x - y).days) for y in theirs) > 1 for x in mine):
        return False  # a day of one far from the other's
    if mine & theirs:
        return True
    if (mine and theirs) or _other_periods(d, host) or _other_years(d, host):
        return False
    if _same_sentence(d, host):
        return True
    undated = not mine and not d.periods()
    return undated and bool(theirs) and _next_to(d, host)


def _only_denied(d: Any) -> bool:
    return all(m.status == "denied" for m, _, _ in d.reports)


def _other_periods(d: Any, host: Any) -> bool:
    """A week or month of one that holds none of the other's days."""
    for one, other in ((d, host), (host, d)):
        days = other.dates()
        for start, end, _ in one.periods():
            if days and not any(start <= x <= end for x in days):
                return True
    return False


def _other_years(d: Any, host: Any) -> bool:
    """A year of one ("the 1998 visit") that holds none of the other's days, periods or years."""
    for one, other in ((d, host), (host, d)):
        theirs = [(x, x) for x in other.dates()] + [p[:2] for p in other.periods()] + other.coarse()
        for start, end in one.coarse():
            if theirs and not any(start <= b and a <= end for a, b in theirs):
                return True
    return False


def _same_sentence(d: Any, host: Any) -> bool:
    told = {(m.article_id, m.span.start) for m, _, _ in host.reports}
    return any((m.article_id, m.span.start) in told for m, _, _ in d.reports)


def _next_to(d: Any, host: Any) -> bool:
    """A report of ``d`` told in the sentence right before or after one of ``host``'s."""
    for m, _, _ in d.reports:
        for h, _, _ in host.reports:
            if h.article_id != m.article_id:
                continue
            if (
                0 <= m.span.start - h.span.end <= ADJACENT_GAP
                or 0 <= h.span.start - m.span.end <= ADJACENT_GAP
            ):
                return True
    return False
