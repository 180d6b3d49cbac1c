"""A date that follows a phrase of "after", "since", "before" ... and is that phrase's: read by
:meth:`parley.extract.event_details.Scope.owns`.

"Sanctions, which the West imposed after Russia's invasion in February 2022": the small model
often hangs "in February 2022" from the verb rather than from "invasion", the noun right before
it; the date then looks like the sanctions' own. A date phrase that starts right after the
object of such a word, hanging from the same word as it, is read as that object's: it bounds the
event, it does not date it. Not when that object is itself a time ("launched missiles after
midnight on Tuesday": Tuesday is the strike's), nor when the trigger is inside the phrase
("after talks in Geneva on Tuesday, X said" is the talks' date).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

# words that name a time: a phrase of "after" with one of them is a time, not another event
TIME_WORDS = {
    "midnight",
    "noon",
    "midday",
    "dawn",
    "dusk",
    "daybreak",
    "nightfall",
    "sunrise",
    "sunset",
    "dark",
    "minute",
    "hour",
    "day",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "weekend",
    "month",
    "year",
}


def after_bound_phrase(date: Token, trigger: Token, bound_words: Collection[str]) -> bool:
    """Whether the date phrase whose head is ``date`` follows right after a phrase of one of
    ``bound_words`` hung from the same word as the date's preposition (module docstring)."""
    if date.dep_ != "pobj" or date.head.pos_ != "ADP":
        return False
    prep = date.head
    if prep.head.i == prep.i:
        return False
    for bound in prep.head.children:
        if bound.i >= prep.i or bound.lower_ not in bound_words or bound.right_edge.i + 1 != prep.i:
            continue
        phrase = [t for t in bound.subtree if t.i != bound.i]
        if not phrase or bound.left_edge.i <= trigger.i <= bound.right_edge.i:
            continue
        if any(t.ent_type_ in ("DATE", "TIME") or t.lemma_.lower() in TIME_WORDS for t in phrase):
            continue  # "after midnight on Tuesday": a time, then the event's day
        return True
    return False
