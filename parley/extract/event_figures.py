"""Casualty figures of an event report: read by :mod:`parley.extract.events` for the types that
count them (``figures: true`` in the event taxonomy).

Two ways of telling them:

- the number before the word of death or injury, anywhere in the sentence ("257 people were
  killed", "12 dead", "left three people dead": :func:`.event_details.figures_in`);
- the verb before the number ("the attacks killed 257 people and injured more than 5,500", "struck
  the town, killing at least 12", "wounding another five"): counted only when the verb tells of
  the trigger (:func:`tells_of`) and belongs to its words (:class:`.event_details.Scope`), so
  that "a flood that killed 30" or "hours after the strike on X, missiles killed 12" told beside
  a strike is not the strike's. A number that measures time ("killed 10 years ago") or is a
  share ("10%") is none.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from parley.extract.event_details import NUMBER_WORDS, Scope, figures_in, own_clause
from parley.extract.event_parties import other_doers

# words that qualify a number without changing it: "at least 12", "more than 5,500"
_ABOUT = (
    r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|roughly|some|up\s+to|as\s+many\s+as|"
    r"an\s+estimated|another|a\s+further)\s+)?"
)
_VERB_FIRST = re.compile(
    r"\b(?P<verb>kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es|e))\s+"
    + _ABOUT
    + r"(?P<n>\d[\d,]*|"
    + "|".join(NUMBER_WORDS)
    + r")\b(?![.,]?\d)"
    + r"(?!\s*(?:%|(?:percent|per\s+cent|years?|months?|weeks?|days?|hours?|minutes?|times)\b))",
    re.IGNORECASE,
)


def casualties(scope: Scope) -> dict[str, int]:
    """The figures of the trigger of ``scope`` (module docstring): killed and wounded."""
    sent = scope.sent
    text = sent.text
    figures = figures_in(text)
    for match in _VERB_FIRST.finditer(text):
        raw = match.group("n").lower().replace(",", "")
        n = NUMBER_WORDS.get(raw, int(raw) if raw.isdigit() else None)
        start = sent.start_char + match.start("verb")
        verb = sent.doc.char_span(start, start + len(match.group("verb")), alignment_mode="expand")
        if n is None or verb is None or not tells_of(verb.root, scope.trigger):
            continue
        if not scope.owns(start, start + len(match.group("verb"))):
            continue
        key = "killed" if match.group("verb").lower().startswith("kill") else "wounded"
        figures[key] = figures.get(key, 0) + n
    return figures


# how a noun hangs inside the noun phrase of the word above it ("a wave of attacks", "the
# attacks Aug. 7 and the raids")
PHRASE_DEPS = {"pobj", "prep", "compound", "conj", "appos", "nmod"}


def tells_of(verb: Token, trigger: Token) -> bool:
    """Whether the verb of a casualty figure tells of the trigger's event: it hangs below the
    trigger ("struck the town, killing 12", "an attack that killed 5", "the attack on a village
    that killed 5"), or it is, or hangs as a clause from, the verb whose subject or object the
    trigger's noun phrase is ("the attacks ... killed 257 and injured 5,500", "carried out an
    attack, killing 3"); not a verb the trigger only dates or places ("hours after the strike on
    X, missiles killed 12")."""
    if own_clause(verb) or other_doers(verb):
        return False  # "shelled the depot while rebels killed 30": another happening's figure
    if verb.i in {t.i for t in trigger.subtree}:
        return True
    t = trigger
    while t.dep_ in PHRASE_DEPS and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("nsubj", "nsubjpass", "dobj") or t.head.pos_ not in ("VERB", "AUX"):
        return False
    above = t.head
    return verb.i == above.i or (verb.head.i == above.i and verb.dep_ in ("advcl", "conj"))
