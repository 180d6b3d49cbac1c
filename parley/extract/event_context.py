"""A date a sentence takes from the sentences before it, when its own words point back to a day:
"Russia launched 242 drones that night", "Minutes later, Russia launched missiles", "later that
day", "the same day", "that morning"; or when it goes on telling the run of happenings whose day
the sentence before named (:mod:`parley.extract.event_runs`). Otherwise a report whose sentence
says nothing of when stays undated. Used by :func:`parley.extract.events.find_events`.

An undated report whose sentence holds such words takes, in order:

1. the day the time reader gave those words when it read them against an earlier date of the text
   ("that night" after "the January 9 attack": 9 January);
2. else the last day-precise date before the sentence, told in the sentence before it or earlier
   in its own paragraph: the date a report of that sentence took, when one did (its year read as
   the telling's), else the date as read.

A sentence with no such words may still tell the same run of happenings as the sentence before,
which names the day once ("... struck mines on March 3. Drones struck a bus carrying miners"):
:mod:`parley.extract.event_runs` carries that day on, under narrow conditions.

And an undated report told right before a sentence of its paragraph that only tells a time
("... but he had to make do with a phone call. It was November 2021.", "That was in March.",
"It was November 2021, and ...") takes that time, a day or month named by its month, never after
the publication date (:func:`told_next`).

A report whose date lies after the publication date, told by no verb in the past, is planned
(:func:`ahead`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Sentence

from parley.extract.event_clauses import date_phrases
from parley.extract.event_dates import not_after_telling, publication, told_in_past
from parley.extract.event_runs import carried
from parley.models import EventMention, Precision, TimeExpression

# A sentence that only tells a time: "It was November 2021.", "That was in March.", "It was
# early November 2021, and ...": these words, the time, then the sentence's end or another clause
TIME_ONLY_BEFORE = re.compile(
    r"(?:it|that|this)\s+was\s+(?:(?:only|just|already|still|now)\s+)?(?:(?:in|on)\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
TIME_ONLY_AFTER = re.compile(r"\s*(?:[.!](?:[\"'’”)]*)\s*$|[,;]\s+(?:and|but)\s)", re.IGNORECASE)
MONTH_NAME = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
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
        return carried(reports, here, found, text, times)  # a run of happenings told on that day
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


def told_next(
    found: list[EventMention], doc: Doc, text: str, times: Sequence[TimeExpression]
) -> list[EventMention]:
    """The article's reports, an undated one (not planned) given the time of the sentence right
    after its own, in its paragraph, when that sentence only tells a time (module docstring); and
    one dated after the publication date planned (:func:`ahead`)."""
    found = ahead(found, doc, times)
    if all(r.date or r.status == "planned" for r in found):
        return found
    out = list(found)
    sentences = list(doc.sents)
    for before, sent in zip(sentences, sentences[1:], strict=False):
        gap = text[before.start_char : sent.start_char]
        if "\n" in gap[len(gap.rstrip()) :]:
            continue  # another paragraph
        time = _time_only(text, sent, times)
        if time is None or time.start is None:
            continue
        for i, r in enumerate(out):
            if (
                r.date is None
                and r.status != "planned"
                and before.start_char <= r.span.start < before.end_char
            ):
                out[i] = replace(
                    r, date=time.start, date_end=time.end, precision=time.precision, date_text=time.text
                )
    return out


def ahead(found: list[EventMention], doc: Doc, times: Sequence[TimeExpression]) -> list[EventMention]:
    """A report ("reported") whose date begins after the publication date, told by no verb in the
    past, has not happened by then: it is planned ("they meet separately Monday" read on a Friday,
    "before next week's talks in Oakdale"). Told in the past ("In a panel this weekend, X told
    ...") it did happen, whatever its date says; claimed and denied reports keep their status."""
    published = publication(times)
    if published is None:
        return found
    out = []
    for r in found:
        if r.status == "reported" and r.date and r.date > published:
            trigger = doc.char_span(r.trigger.start, r.trigger.end, alignment_mode="expand")
            if trigger is not None and not told_in_past(trigger.root):
                r = replace(r, status="planned")
        out.append(r)
    return out


def _time_only(text: str, sent: Sentence, times: Sequence[TimeExpression]) -> TimeExpression | None:
    """The time a sentence only tells ("It was November 2021."), a day or month named by its
    month and not after the publication date; None for any other sentence."""
    if not TIME_ONLY_BEFORE.match(text, sent.start_char):
        return None
    for t in times:
        if not (sent.start_char < t.span.start < sent.end_char) or t.type != "DATE" or t.start is None:
            continue
        if t.precision not in ("day", "month") or not MONTH_NAME.search(t.text):
            return None
        t = not_after_telling(t, sent[1])  # "That was in March": the March before publication
        published = publication(times)
        if t.start is None or (published is not None and t.start > published):
            return None
        whole = TIME_ONLY_BEFORE.fullmatch(text, sent.start_char, t.span.start)
        return t if whole and TIME_ONLY_AFTER.match(text[t.span.end : sent.end_char]) else None
    return None
