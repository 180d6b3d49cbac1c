"""A report dated only by a year in its trigger's own words ("resigned in 1993", "the 1998
bombings", "signed the accord last year"): read by :mod:`parley.extract.events`.

Such a report takes the year (precision ``year``) when it has no finer date of its own or from
the sentences around it, or when the finer date it was given lies outside that year; and only
when:

- the year is in the trigger's own phrase: it modifies the trigger ("the 1998 bombings") or hangs
  on it through "in" or "during" ("resigned in 1993", "In 2010, X signed ..."), and it is the
  trigger's as a day would be (:class:`.event_details.Scope`: not another list item's, not
  another event's, not in a clause describing someone);
- it names one year, in digits or as "last year": not a fiscal year (which is no calendar year),
  not a span counted back ("two years ago", only roughly a year), not one end of a span ("since
  2014", "from 2014 to 2022", "between 2014 and 2022", "2014-2022", "by 1999": these words never
  hang the year on the trigger through "in" or "during"), not one of a list of years ("in 2014 and
  2015");
- the whole year lies before the article's publication date (a year not over yet, a forecast, or a
  year with no publication date to read it against says too little);
- the report is not planned, and the trigger's phrase holds only one such year.

The year says when the event was, never which day: merging reads it as undated
(:mod:`parley.reconcile.event_when`), and the timeline prints it as the year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Token

from parley.extract.event_dates import in_dateline
from parley.extract.event_details import Scope, describes_other, other_items
from parley.extract.event_links import follows_other_event, restates
from parley.models import TimeExpression

NAMED_YEAR = re.compile(r"^(?:\d{4}|last\s+year)$", re.IGNORECASE)
# "from 2014 to 2022", "2014 and 2015", "2014-22": the year is one end or one item of several
RANGE_AFTER = re.compile(r"^\s*(?:-|–|—|to|and|or|through|until|till)\s*'?\d{2,4}\b", re.IGNORECASE)
# how a year hangs on the trigger: a modifier of a noun ("the 2014 annexation"), an adverb ("last
# year"), or the object of these prepositions ("in 1993")
MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "npadvmod", "poss"})
IN_YEAR = frozenset({"in", "during"})


def own_year(
    text: str, scope: Scope, times: Sequence[TimeExpression], published: dt.date | None
) -> TimeExpression | None:
    """The year in the trigger's own words that dates the report of ``scope`` in an article
    published on ``published`` (module docstring); None when there is none, or more than one."""
    if published is None:
        return None
    sent, trigger = scope.sent, scope.trigger
    years = [
        t
        for t in times
        if sent.start_char <= t.span.start and t.span.end <= sent.end_char and _one_past_year(t, published)
    ]
    if not years:
        return None  # most sentences: nothing more to read
    subtree = {t.idx for t in trigger.subtree}
    others = other_items(trigger)
    others_events = {i for i in scope.event_words if not restates(sent.doc[i], trigger)}
    found = [
        t
        for t in years
        if t.span.start in subtree
        and t.span.start not in others
        and not RANGE_AFTER.match(text[t.span.end :])
        and not in_dateline(text, t)
        and _hangs_on(sent.doc, t, trigger)
        and scope.owns(t.span.start, t.span.end, bounds=True)
        and not describes_other(sent, t, trigger)
        and not follows_other_event(sent, t, trigger, others_events)
    ]
    return found[0] if len(found) == 1 else None


def _one_past_year(t: TimeExpression, published: dt.date) -> bool:
    """A date naming one calendar year, all of it before ``published``."""
    if t.type != "DATE" or t.precision != "year" or t.start is None or t.end is None:
        return False
    return bool(NAMED_YEAR.match(t.text.strip())) and t.start.year == t.end.year and t.end < published


def _hangs_on(doc, t: TimeExpression, trigger: Token) -> bool:
    """The year modifies the trigger, or hangs on it through "in" or "during", and is no item of a
    list of years."""
    span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return False  # "in 2014 and 2015"
    if root.head.i == trigger.i:
        return root.dep_ in MODIFIER_DEPS
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in IN_YEAR and prep.head.i == trigger.i
