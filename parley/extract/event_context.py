"""A date a sentence takes from the sentences before it, when its own words point back to a day:
"Russia launched 242 drones that night", "Minutes later, Russia launched missiles", "later that
day", "the same day", "that morning". Only that case: a report whose sentence says nothing of when
stays undated. Used by :func:`parley.extract.events.find_events`.

An undated report whose sentence holds such words takes, in order:

1. the day the time reader gave those words when it read them against an earlier date of the text
   ("that night" after "the January 9 attack": 9 January);
2. else the last day-precise date before the sentence, told in the sentence before it or earlier
   in its own paragraph: the date a report of that sentence took, when one did (its year read as
   the telling's), else the date as read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Sentence

from parley.extract.event_clauses import date_phrases
from parley.extract.event_dates import not_after_telling
from parley.models import EventMention, Precision, TimeExpression

# Words pointing back to a day told before: "that night", "later that day", "the same day",
# "minutes later", "hours later"
POINTING_BACK = re.compile(
    r"\b(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?:night|morning|evening|afternoon|day)\b"
    r"|\b(?:minutes|moments|hours)\s+later\b",
    re.IGNORECASE,
)
Day = tuple[dt.date, dt.date, Precision, str]  # first and last day, precision, the words


def in_context(
    reports: list[EventMention],
    here: Sequence[tuple[Token, EventMention]],
    found: Sequence[EventMention],
    text: str,
    times: Sequence[TimeExpression],
) -> list[EventMention]:
    """The sentence's ``reports`` (``here``: each with its trigger), an undated one given the day
    its words point back to (module docstring); ``found``: the article's reports so far."""
    if not here or all(r.date for r in reports):
        return reports
    sent = here[0][0].sent
    if not POINTING_BACK.search(sent.text):
        return reports
    date = _own(text, sent, times) or _before(text, sent, times, found, here[0][0])
    if date is None:
        return reports
    start, end, precision, words = date
    return [
        r if r.date else replace(r, date=start, date_end=end, precision=precision, date_text=words)
        for r in reports
    ]


def _own(text: str, sent: Sentence, times: Sequence[TimeExpression]) -> Day | None:
    """The day the time reader gave the sentence's words that point back ("that night")."""
    for t in times:
        if not (sent.start_char <= t.span.start and t.span.end <= sent.end_char):
            continue
        own = t.anchor_from == "text" and t.precision == "day" and POINTING_BACK.fullmatch(t.text)
        if own and t.start is not None:
            return t.start, t.end or t.start, "day", t.text
    return None


def _before(
    text: str, sent: Sentence, times: Sequence[TimeExpression], found: Sequence[EventMention], trigger: Token
) -> Day | None:
    """The last day-precise date of the sentence before, or earlier in the paragraph."""
    doc = sent.doc
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    paragraph = text.rfind("\n", 0, sent.start_char) + 1
    since = min(paragraph, previous.start_char) if previous is not None else paragraph
    dates = [
        t for t in times if since <= t.span.start and t.span.end <= sent.start_char and t.precision == "day"
    ]
    phrases = []
    for s in _sentences(doc, since, sent.start_char):
        phrases += [t for t in date_phrases(text, s, dates) if t.precision == "day"]
    if not phrases:
        return None
    last = max(phrases, key=lambda t: t.span.start)
    for r in found:
        same = r.date_text == last.text and r.span.start <= last.span.start < r.span.end
        if same and r.date is not None and r.precision == "day":
            return r.date, r.date_end or r.date, "day", last.text
    read = not_after_telling(last, trigger)
    return (read.start, read.end or read.start, "day", last.text) if read.start else None


def _sentences(doc: Doc, start: int, end: int) -> list[Sentence]:
    """The sentences of ``doc`` that begin in [start, end)."""
    out = []
    i = doc.char_span(start, start + 1, alignment_mode="expand")
    s = i.sent if i is not None else None
    while s is not None and s.start_char < end:
        out.append(s)
        s = doc[s.end].sent if s.end < len(doc) else None
    return out
