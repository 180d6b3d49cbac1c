"""A date a report takes from the sentence right before it, when the two tell one run of
happenings: "Russian forces also struck mines in the east on March 3. Officials reported that
drones struck a bus carrying miners nearby, killing 12." The bus was struck that day, though its
sentence names none. Used by :func:`parley.extract.event_context.in_context`.

Newswire and daily war reports tell a day's events one sentence after another and name the day
once; a reader carries it on until something marks a change of time. The rule is narrow, since a
wrong day is worse than none:

- the sentence before is in the same paragraph and names exactly one day (every time it tells is
  that day), and a report of the same type, told (not planned) in its main clause, took that day:
  a strike carries its day to a strike, not a statement's day to a strike ("X announced on Monday
  ...": nothing of the next sentence is dated by it), nor a meeting told in a "who" clause;
- the report's own sentence tells no time at all (a duration of how long it lasted aside), no word
  of a change or a distance in time ("later", "after", "since", "previously", "again", "then" ...),
  and no condition ("if", "unless");
- the report names a place of its own (without one, the merging of events would read it as the
  article going on about the happening of the sentence before: "... a plant near X on March 1.
  Drones struck a bus, killing 12" would give the plant the bus's toll);
- the report is told with a verb of its own (a noun, "the strike killed three", goes on about a
  strike told before and is left to the merging of events) in the simple past ("struck", "was
  struck"; not "has struck", "will meet", nor the past perfect, "had visited", which places a
  happening before the day just told), and it is not in a clause that only gives a background ("who had
  visited ...", "after seizing ..."), nor the teller of the sentence's words ("..., the Kremlin
  statement said").

The report keeps ``precision`` ``day`` and takes, as ``date_text``, the words of the sentence
before that told the day (so a reader sees the date was written elsewhere than in its sentence).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as Sentence
from spacy.tokens import Token

from parley.extract.event_clauses import date_phrases
from parley.extract.event_dates import SAYING, lasting, told_in_past
from parley.extract.event_details import PLANNED_AUX
from parley.models import EventMention, TimeExpression

# Words that move the time, or put the happening at a distance from the day told before, or that
# make it a background, a habit or a condition: past one of these, the day before is not its day.
SHIFT = re.compile(
    r"\b(?:later|earlier|previously|before|after|afterwards?|since|ago|once|formerly|recently|"
    r"subsequently|eventually|until|till|meanwhile|then|next|following|past|again|already|ever|"
    r"first|years?|months?|weeks?|decades?|days?|nights?|times?|usually|often|regularly|"
    r"repeatedly|if|unless|whether|whenever)\b",
    re.IGNORECASE,
)
# Clause openers that make the trigger's clause a background or a condition to another one
BACKGROUND_MARKS = frozenset("after before since until once when while as if unless whether because".split())


def carried(
    reports: list[EventMention],
    here: Sequence[tuple[Token, EventMention]],
    found: Sequence[EventMention],
    text: str,
    times: Sequence[TimeExpression],
) -> list[EventMention]:
    """The sentence's ``reports`` (``here``: each with its trigger, in the same order), an undated
    one given the day of the sentence before (module docstring); ``found``: the article's reports
    so far."""
    if not here or all(r.date or r.status != "reported" for r in reports):
        return reports
    sent = here[0][0].sent
    if sent.start == 0 or SHIFT.search(sent.text) or _tells_time(text, sent, times):
        return reports
    before = sent.doc[sent.start - 1].sent
    if "\n" in text[before.start_char : sent.start_char]:
        return reports  # another paragraph
    day = _one_day(text, before, times, found)
    if day is None:
        return reports
    return [
        replace(r, date=day.date, date_end=day.date_end, precision="day", date_text=day.date_text)
        if r.date is None
        and r.status == "reported"
        and r.type == day.type
        and r.place is not None
        and trigger.pos_ == "VERB"
        and told_in_past(trigger)
        and not (_background(trigger) or _teller(trigger) or _past_perfect(trigger))
        else r
        for (trigger, _), r in zip(here, reports, strict=True)
    ]


def _tells_time(text: str, sent: Sentence, times: Sequence[TimeExpression]) -> bool:
    """The sentence tells a time of its own: any time expression, how long something lasted
    ("a five-hour meeting") aside."""
    return any(sent.start_char <= t.span.start < sent.end_char and not lasting(text, t) for t in times)


def _one_day(
    text: str, sent: Sentence, times: Sequence[TimeExpression], found: Sequence[EventMention]
) -> EventMention | None:
    """The report of ``sent`` dated by the one day the sentence tells (every time expression of
    it that day, none a dateline's); None when it tells none, more than one, or a time of another
    precision, or when no report told in it took that day."""
    told = [t for t in times if sent.start_char <= t.span.start < sent.end_char and not lasting(text, t)]
    phrases = date_phrases(text, sent, times)
    if not phrases or len(told) != len(phrases) or len({(t.start, t.precision) for t in phrases}) != 1:
        return None
    if phrases[0].precision != "day":
        return None
    words = {t.text for t in phrases}
    return next(
        (
            r
            for r in found
            if sent.start_char <= r.span.start < sent.end_char
            and _main_clause(sent, r)
            and r.status == "reported"
            and r.precision == "day"
            and r.date is not None
            and r.date_text in words
        ),
        None,
    )


def _main_clause(sent: Sentence, report: EventMention) -> bool:
    """The report is told in its sentence's own clause, not a background one ("X, who met Y on
    Friday, spoke to reporters": the meeting's Friday is no day of the sentence's run)."""
    trigger = sent.doc.char_span(report.trigger.start, report.trigger.end, alignment_mode="expand")
    return trigger is not None and not _background(trigger.root)


def _past_perfect(trigger: Token) -> bool:
    """ "had visited", "had struck and killed": a happening before the day told, not on it."""
    verbs = [trigger, trigger.head] if trigger.dep_ == "conj" else [trigger]
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for v in verbs for c in v.children)


def _background(trigger: Token) -> bool:
    """The trigger is in a clause that only gives a background, or a condition, to another
    ("drones struck the town, which Russia had seized", "after seizing the town"), or one under a
    modal ("could have struck")."""
    t = trigger
    while True:
        if t.dep_ == "relcl":
            return True
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS:
                return True
            if c.dep_ in ("aux", "auxpass") and c.lower_ in PLANNED_AUX:
                return True
        if t.dep_ == "pcomp" and t.head.lower_ in BACKGROUND_MARKS:
            return True  # "after seizing the town"
        if t.head.i == t.i:
            return False
        t = t.head


def _teller(trigger: Token) -> bool:
    """The trigger tells the sentence's words rather than a happening of the run ("..., the
    Kremlin statement said"): a comment's day is its own, not the day of what it comments on."""
    return trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in SAYING
