"""When an event happened, as its report tells it: a duration that is how long it lasted (not a
window of time), a dateline's date (not the event's), and a day told in the past that the
publication date put after its telling. Used by :mod:`parley.extract.events`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from parley.extract.event_details import PLANNED_AUX
from parley.models import TimeExpression

# A duration that is a distance in time, or a span to come, not how long the event lasted.
NOT_LASTING_BEFORE = re.compile(
    r"\b(?:(?:in|over|for|during)\s+(?:the\s+)?(?:next|coming|past|last|following|previous)|within|in|since)"
    r"\s+$",
    re.IGNORECASE,
)
# "MOSCOW, Dec 3 (Continental Wire) -": the dateline's date is the article's, not the event's.
DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][\w .'’-]{1,40},\s*$")
DATELINE_AFTER = re.compile(r"^\s*(?:\(|[-–—|])")
# A penalty or a term is not how long an event lasted: "sentenced to three years", "jailed for
# five years", "a prison term of two years".
PENALTY_BEFORE = re.compile(
    r"\b(?:sentenced|sentencing|jailed|imprisoned|condemned|banned|barred|term|terms)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:to|for|of)\s+(?:(?:up\s+to|nearly|about|almost|over)\s+)?$",
    re.IGNORECASE,
)
# A duration whose own words make it a window of time ("the past 24 hours", "the next two years").
WINDOW = re.compile(r"(?:the\s+)?(?:next|coming|past|last|following|previous)\b", re.IGNORECASE)
WEEKDAY_ONLY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
MONTH_OR_DIGITS = re.compile(r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
NOT_LASTING_AFTER = re.compile(r"^\s*(after|before|later|earlier|ago|on|from now|into)\b", re.IGNORECASE)


def lasting(text: str, t: TimeExpression) -> bool:
    """How long something lasted ("five-hour", "nearly six hours"), not a distance in time."""
    if t.type != "DURATION" or not t.value or "X" in t.value:
        return False
    if WINDOW.match(t.text):
        return False  # "over the past 24 hours": a window of time, not how long it lasted
    before = text[max(0, t.span.start - 24) : t.span.start]
    after = text[t.span.end : t.span.end + 12]
    if PENALTY_BEFORE.search(text[max(0, t.span.start - 60) : t.span.start]):
        return False
    return not NOT_LASTING_BEFORE.search(before) and not NOT_LASTING_AFTER.search(after)


def in_dateline(text: str, t: TimeExpression) -> bool:
    line_start = text.rfind("\n", 0, t.span.start) + 1
    return bool(
        DATELINE_BEFORE.search(text[line_start : t.span.start]) and DATELINE_AFTER.match(text[t.span.end :])
    )


def not_after_telling(date: TimeExpression, trigger: Token) -> TimeExpression:
    """What a verb in the past tells happened by the time it was told: a day or month whose
    year was taken from the publication date ("announced ... on 24 February" in an article of
    20 February) and falls after it is the year before's; a weekday read as the coming one ("agreed
    on Monday") is the one before."""
    if date.anchor_from != "publication" or date.anchor is None or date.start is None:
        return date
    if date.start <= date.anchor or date.precision not in ("day", "month") or not told_in_past(trigger):
        return date
    if WEEKDAY_ONLY.search(date.text) and not MONTH_OR_DIGITS.search(date.text):
        if re.search(r"\b(next|coming)\b", date.text, re.IGNORECASE):
            return date  # "announced a session for next Tuesday": the session's day, to come
        # "agreed ... on Monday" read as the coming Monday: told in the past, the Monday before
        week = dt.timedelta(days=7)
        start = date.start - week
        end = date.end - week if date.end else None
        return replace(date, start=start, end=end, value=start.isoformat())
    try:
        start = date.start.replace(year=date.start.year - 1)
        end = date.end.replace(year=date.end.year - 1) if date.end else None
    except ValueError:  # 29 February
        return date
    value = start.isoformat() if date.precision == "day" else start.isoformat()[:7]
    return replace(date, start=start, end=end, value=value)


def within_telling(
    date: TimeExpression, trigger: Token, times: Sequence[TimeExpression]
) -> TimeExpression | None:
    """The date of a report told by ``trigger`` (:func:`not_after_telling`); None when a verb in
    the past still has a day, week or month after the publication date (read from the article's
    ``times``), however it was read ("a day later the army announced" after a date read as the
    coming April): what is told as done cannot have happened after its telling; None too for the
    date of a verb of saying the trigger only answers or is spoken of in (:func:`dates_the_saying`)."""
    if dates_the_saying(date, trigger):
        return None
    date = not_after_telling(date, trigger)
    published = publication(times)
    if published is None or date.start is None or date.start <= published:
        return date
    if trigger.pos_ == "VERB" and told_in_past(trigger):
        return None
    return date


def publication(times: Sequence[TimeExpression]) -> dt.date | None:
    """The publication date the article's times were read against (the anchor of those read
    from it); None when none was."""
    return next((t.anchor for t in times if t.anchor_from == "publication" and t.anchor), None)


def told_in_past(trigger: Token) -> bool:
    """The verb that tells of the trigger (itself, or the nearest verb above a noun) is in the
    past: "announced", "had travelled", "In his call on 12 February, he found ..."."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & PLANNED_AUX:
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxiliaries & {"had", "was", "were"}))


# Verbs of saying: a date on one of them is the day it was said.
SAYING = frozenset(
    "say tell add state note announce declare explain comment respond reply react warn insist speak "
    "report".split()
)
# Words that make what follows the cause of a saying or its topic: "said Friday in response to the
# attacks", "responding to the strikes", "responded Friday to the strikes", "spoke on Friday about
# the strikes"
ANSWERING = frozenset("response reaction reply answer respond react".split())
TOPIC = frozenset("about regarding concerning".split())


def dates_the_saying(date: TimeExpression, trigger: Token) -> bool:
    """The date hangs from a verb of saying ("said Friday", "said on Friday") and the trigger
    from that verb only through words of answering or of a topic ("Norland said Friday in
    response to the missile attacks", "X responded Friday to the strikes", "spoke on Friday
    about the strikes"), or through what was said (:func:`_what_was_said`): the day it was said,
    not the day of what it answers or tells of."""
    doc = trigger.doc
    span = doc.char_span(date.span.start, date.span.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head
    if span.root.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "said on Friday"
    if verb.i == trigger.i or verb.pos_ != "VERB" or verb.lemma_.lower() not in SAYING:
        return False
    t, through = trigger, verb.lemma_.lower() in ANSWERING
    while t.head.i != t.i and t.i != verb.i:
        through = through or t.lemma_.lower() in ANSWERING or (t.dep_ == "prep" and t.lower_ in TOPIC)
        if t.head.i == verb.i:
            return (through and t.dep_ in ("prep", "advcl", "npadvmod")) or _what_was_said(t)
        t = t.head
    return False


def _what_was_said(clause: Token) -> bool:
    """A "that" clause the parser hung under the verb of saying as a clause of circumstance or a
    second clause is what was said ("X reported on January 31, citing sources, that Russia sees
    little chance of a breakthrough during the talks"): the day is the telling's, not the talks'.
    (A date reaching the trigger through a clause hung as what was said is one the scope of the
    trigger let through: a clause of the narrator's own, "X told Y on Friday that ..., as the
    two leaders held their summit".)"""
    return clause.dep_ in ("advcl", "conj") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    )
