"""A day something is or was due on: a plan, not when a saying happened.

"an annual speech, due on 21 April", "talks were expected to open on 3 May", "who will land on
Friday", "said a package would be adopted on 3 June": the first verb or adjective above the day
in the parse is one of a plan ("due", "expected", "scheduled"), has "will" or "would", or is an
infinitive a verb of planning governs ("plans to launch on 6 November"). Such a day dates no
saying in its sentence, and is no time told as when something happened for the statements
after it (:mod:`parley.extract.said_on`), unless the saying itself is still to come ("is due to
announce on Friday", "will say on Friday"): then the day is its own, and after the article's it
was not said yet. Read on the parse, not on the words before the day: "With the invasion
expected within days, on 20 February 2022 the president urged ..." dates the urging.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.models import TimeExpression

_WILL = frozenset({"will", "'ll", "shall", "wo", "would"})
# words of a plan that a day may hang on ("due on 21 April", "expected on 2 May")
_PLANNED = frozenset({"due", "expected", "scheduled", "slated", "set", "planned"})
# verbs of planning an infinitive after them is the plan of ("plans to launch on 6 November")
_PLANNING = frozenset(
    {"plan", "expect", "schedule", "intend", "aim", "hope", "agree", "prepare", "set", "want"}
)


def due(doc: Doc, t: TimeExpression) -> bool:
    """Whether ``t`` is told as a day something is or was due on."""
    span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX", "ADJ"):
        token = token.head
    if token.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    if token.lower_ in _PLANNED and not (
        token.tag_ == "VBD" and any(c.dep_ in ("dobj", "prt") for c in token.children)
    ):
        return True  # "due", "planned to pay"; not an act told ("set out his demands", "expected the worst")
    if any(c.dep_ == "aux" and c.lower_ in _WILL for c in token.children):
        return True
    return _infinitive(token) and token.head.lemma_.lower() in _PLANNING | _PLANNED


def ahead(verb: Token) -> bool:
    """Whether the saying of ``verb`` is still to come: "will announce", or an infinitive
    ("has scheduled a news conference Thursday to announce ...", "is expected to say")."""
    return any(c.dep_ == "aux" and c.lower_ in _WILL - {"would"} for c in verb.children) or _infinitive(verb)


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
