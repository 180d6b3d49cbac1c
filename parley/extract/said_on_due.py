"""A day something is or was due on: a plan, not when a saying happened.

"an annual speech, due on 21 April", "talks were expected to open on 3 May", "who will land on
Friday": the day is told with a future cue before it (:func:`parley.extract.timex.tense.tense_near`
reading the words before it alone). Such a day dates no saying in its sentence, and is no time
told as when something happened for the statements after it (:mod:`parley.extract.said_on`),
unless the saying itself is still to come ("is due to announce on Friday", "will say on
Friday"): then the day is its own, and after the article's it was not said yet.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.extract.timex.tense import tense_near
from parley.models import TimeExpression
from parley.nlp import text_of

_WILL = frozenset({"will", "'ll", "shall", "wo"})


def due(doc: Doc, t: TimeExpression) -> bool:
    """Whether ``t`` is told as a day something is or was due on."""
    return tense_near(text_of(doc), t.span.start, t.span.end, both_sides=False) == "future"


def ahead(verb: Token) -> bool:
    """Whether the saying of ``verb`` is still to come: "will announce", or an infinitive
    ("has scheduled a news conference Thursday to announce ...", "is expected to say")."""
    return any(
        c.dep_ == "aux" and (c.lower_ in _WILL or (c.lower_ == "to" and verb.tag_ == "VB"))
        for c in verb.children
    )
