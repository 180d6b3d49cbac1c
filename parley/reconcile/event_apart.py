"""Reports the single pass of :func:`parley.reconcile.events.merge_events` keeps apart from an
event they would otherwise join, because their own article tells them as another happening:

- a report whose trigger comes right after "also" ("the forces also struck mines in the east")
  tells of one more event of its kind than the ones its article told before it: it joins no
  event that holds an earlier report of its own article (:func:`also_told`, :func:`told_apart`;
  after the pass too, :mod:`.event_attach`). Another article's report of the same happening can
  still join it, and it them;
- a report with no date of its own that scores as well with two or more events its own article
  tells (the article dated two strikes, then says "it was the first time the army struck such a
  target"): which one it is of cannot be told, so it stays apart (:func:`ambiguous`), as
  :mod:`.event_attach` leaves a report with two candidates apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from parley.models import EventMention

# the last word before the trigger, as far back as the words go
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
ONE_MORE = frozenset({"also"})


def also_told(m: EventMention, words: str) -> bool:
    """Whether the word right before the report's trigger is "also" (``words``: the report's
    sentence, from ``m.span.start``)."""
    offset = m.trigger.start - m.span.start
    if not 0 < offset <= len(words):
        return False
    last = _LAST_WORD.search(words[max(0, offset - 40) : offset])
    return last is not None and last.group(1).casefold() in ONE_MORE


def after_own(m: EventMention, reports: Sequence[tuple[EventMention, Any, Any]]) -> bool:
    """Whether an event's ``reports`` hold one of ``m``'s article told before it."""
    return any(r.article_id == m.article_id and r.span.start < m.span.start for r, _, _ in reports)


def told_apart(m: EventMention, also: bool, d: Any) -> bool:
    """Whether report ``m`` (told with "also": ``also``) and event ``d`` (with ``reports`` and
    ``also``, its reports told with "also") are two happenings by their article's telling: ``m``
    comes after one of ``d``'s reports of its article, or one of ``d``'s told with "also" comes
    after ``m``."""
    if also and after_own(m, d.reports):
        return True
    return any(x.article_id == m.article_id and m.span.start < x.span.start for x in getattr(d, "also", ()))


def ambiguous(m: EventMention, scored: Sequence[tuple[Any, int]]) -> bool:
    """Whether an undated report's best scores go to two or more events its own article tells
    (each draft with ``article_ids``)."""
    if m.date is not None or len(scored) < 2:
        return False
    best = max(score for _, score in scored)
    own = [d for d, score in scored if score == best and m.article_id in d.article_ids]
    return len(own) >= 2
