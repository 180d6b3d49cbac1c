"""Two event reports of one sentence told as one course of action: read by
:mod:`parley.extract.events`.

"X travelled to Moscow on Tuesday and met Y", "the visit of X to Moscow, who met Y there on
Tuesday", "X, who visited Moscow, met Y on Tuesday", "arriving in Moscow on Tuesday, X met Y": a
trip and a meeting told by coordinated verbs, or by one in a relative or participial clause of
the other, with the same people, happen on the same day. The date phrase that hangs from one
trigger dates the other when that one has none of its own (:func:`shared_dates`); but only
when the sentence has no other date phrase, and both are told alike (neither planned while the
other is not), so "X visited Kyiv last week and will meet Y on Friday" stays undated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parley.extract import cues as C
from parley.extract.event_dates import in_dateline
from parley.extract.event_details import BOUND_WORDS, DAY_WORDS
from parley.extract.event_readings import SUBJECT_DEPS
from parley.models import EventMention, TimeExpression

# the subject of a relative clause that stands for the noun it describes ("X, who met Y")
# the words between a clause and the trigger it describes: a noun phrase ("the visit of X to
# Russia, who ...": the clause hangs from "Russia", a word of the visit's phrase)
PHRASE_POS = {"NOUN", "PROPN", "ADP", "DET", "ADJ", "NUM", "PRON", "PUNCT"}
CLAUSE_DEPS = ("relcl", "acl", "advcl")


def shared_dates(
    reports: Sequence[tuple[Token, EventMention]], sentence_dates: Sequence[TimeExpression]
) -> list[EventMention]:
    """The sentence's reports (each with its trigger), an undated one given the date of another
    it is told together with (:func:`told_together`), when ``sentence_dates`` (every date phrase
    of the sentence) hold just that one date."""
    out = [event for _, event in reports]
    if len({(t.span.start, t.span.end) for t in sentence_dates}) != 1:
        return out
    for i, (trigger, event) in enumerate(reports):
        if event.date is not None:
            continue
        for other, dated in reports:
            if dated.date is None or other.i == trigger.i:
                continue
            if (dated.status == "planned") != (event.status == "planned"):
                continue
            if told_together(trigger, other, event, dated):
                out[i] = replace(
                    event,
                    date=dated.date,
                    date_end=dated.date_end,
                    precision=dated.precision,
                    date_text=dated.date_text,
                )
                break
    return out


def told_together(a: Token, b: Token, first: EventMention, second: EventMention) -> bool:
    """Two triggers told as one course of action by the same people: coordinated verbs with one
    subject ("travelled ... and met"), or one a clause of the other (a relative clause whose
    subject is a relative pronoun, or a participle with no subject of its own), or either of
    these with a party in common."""
    common = _in_common(first, second)
    if a.pos_ == "VERB" and b.pos_ == "VERB" and (b in a.conjuncts or a in b.conjuncts):
        later = a if a.i > b.i else b
        return common or not _own_subject(later)
    for clause, other in ((a, b), (b, a)):
        if clause.pos_ != "VERB" or clause.dep_ not in CLAUSE_DEPS or not _describes(clause, other):
            continue
        if any(c.dep_ == "mark" and c.lower_ in BOUND_WORDS for c in clause.children):
            return False  # "after X visited Moscow, X met Y on Tuesday": the visit came first
        if common:
            return True
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        if clause.dep_ == "relcl":
            return len(subjects) == 1 and subjects[0].lower_ in C.RELATIVE_PRONOUNS
        return not subjects and clause.tag_ in ("VBG", "VBN")  # "arriving in Moscow, X met Y"
    return False


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _describes(clause: Token, other: Token) -> bool:
    """The clause hangs from the other trigger, or from a word of its noun phrase ("the visit
    of X to Russia, who met ...", "X, who visited Moscow, met ..." (X, the subject of "met"))."""
    t = clause.head
    for _ in range(8):
        if t.i == other.i:
            return True
        if t.pos_ not in PHRASE_POS or t.head.i == t.i:
            return False
        if t.dep_ in SUBJECT_DEPS and t.head.i == other.i:
            return True
        t = t.head
    return False


def _in_common(first: EventMention, second: EventMention) -> bool:
    return bool(set(first.participants) & set(second.participants)) or bool(
        set(first.participant_refs) & set(second.participant_refs)
    )


def date_phrases(text: str, sent: SpacySpan, times: Sequence[TimeExpression]) -> list[TimeExpression]:
    """The sentence's phrases that may date an event: a day, week or month (a clock time only
    with a day in it), not a dateline's."""
    return [
        t
        for t in times
        if sent.start_char <= t.span.start
        and t.span.end <= sent.end_char
        and (t.type == "DATE" or (t.type == "TIME" and DAY_WORDS.search(t.text)))
        and t.start is not None
        and t.precision in ("day", "week", "month")
        and not in_dateline(text, t)
    ]


def same_details(event: EventMention, reports: Sequence[tuple[Token, EventMention]]) -> bool:
    """Another word for an event already reported in the sentence ("meetings and talks with X"):
    nothing it tells (place, date, parties) differs from that report's."""
    return any(
        other.type == event.type
        and event.place in (None, other.place)
        and event.date in (None, other.date)
        and set(event.participants) <= set(other.participants)
        and {(r.start, r.end) for r in event.participant_refs}
        <= {(r.start, r.end) for r in other.participant_refs}
        for _, other in reports
    )


def list_item(token: Token, first: Token) -> bool:
    """A noun coordinated with the noun that gave the sentence's report of its type ("talks in
    X, and a summit in Y")."""
    return token.pos_ in ("NOUN", "PROPN") and first.i in {c.i for c in token.conjuncts}
