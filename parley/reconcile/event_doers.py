"""Reports whose own party is someone they do not name, a person or body known only as someone's:
"his son's meeting with X", "the president's aide's visit", "Roe's son met X". Such a report
names X alone, and so looks like a report of any meeting with X, the son's father's among them;
but it tells of someone else's. It is one event only with another report of that kind, never
with one of a party it names or of no one in particular. Read from the report's words
(:func:`unnamed_doer`); used by :func:`parley.reconcile.events.merge_events` and
:mod:`parley.reconcile.event_kin`."""

from __future__ import annotations

import re

from parley.models import EventMention

# someone's: "his", "her", "their", "its", or a name or noun with "'s"; then up to two words
# ("Roe's top aide")
_OWNER = r"(?:\b(?i:his|her|their|its)|[\w.-]['’]s)\s+(?:[a-z][\w-]*\s+){0,2}?"
# "his son's meeting", "Roe's top aide's first visit": the doer owns the noun trigger
BEFORE_NOUN = re.compile(_OWNER + r"(?P<doer>[a-z][\w-]*)['’]s\s+(?:[a-z][\w-]*\s+){0,2}$")
# "Roe's son met", "his aide will meet", "the boy's father was ready to travel": the doer is the
# verb trigger's subject (a verb in the past, or after an auxiliary: never "his first meeting")
BEFORE_VERB = re.compile(
    _OWNER + r"(?P<doer>[a-z][\w-]*)\s+(?P<aux>(?:(?:will|would|shall|has|had|have|was|were|is|are|also|then|"
    r"later|reportedly)\s+)*(?:[a-z]+\s+to\s+)?)$"
)
PAST_FORMS = frozenset("met held spoke flew went came made struck began sent led fought took".split())
# time words that own an event without taking part in it ("the year's first summit")
TIME_WORDS = frozenset(
    "day week weekend month year decade century morning afternoon evening night today tonight "
    "yesterday tomorrow season summer winter spring autumn fall".split()
)


def unnamed_doer(m: EventMention, words: str) -> bool:
    """Whether the report's own party is someone's relative, aide or body that no mention of its
    parties names (``words``: the report's sentence, from ``m.span.start``)."""
    offset = m.trigger.start - m.span.start
    if not 0 < offset <= len(words):
        return False
    before = words[max(0, offset - 120) : offset]
    trigger = words[offset : m.trigger.end - m.span.start].lower()
    found = BEFORE_NOUN.search(before)
    if found is None:
        verb = BEFORE_VERB.search(before)
        told = trigger.endswith("ed") or trigger in PAST_FORMS or (verb is not None and verb.group("aux"))
        # a doer is a noun: not "previously" in "Roe's previously announced plan"
        found = verb if verb is not None and told and not verb.group("doer").endswith(("ly", "ed")) else None
    if found is None or found.group("doer").lower() in TIME_WORDS:
        return False
    start = m.span.start + offset - len(before) + found.start("doer")
    return not any(r.start <= start < r.end for r in m.participant_refs)


def unnamed_apart(unnamed: bool, other_unnamed: bool) -> bool:
    """Two reports (or events) that cannot be one: one of someone it does not name ("his son's
    meeting with X"), the other not ("X met Y", "the president met X")."""
    return unnamed != other_unnamed
