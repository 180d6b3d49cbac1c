"""An inverted cue set off by commas inside the sentence, its speaker described by an apposition:
``The advertisement, said Jane Roe, the director of the group, is intended to shame them``.

The parser tends to take the words before the comma for the subject of "said" and the name after
it for the subject of the rest (``Jane Roe ... is intended``). When a verb of saying comes right
after a comma that closes the sentence's opening noun phrase (its subject), and the clause it
governs opens with a noun phrase right after the verb that can speak, closed by a comma, the name
is the speaker and what was said is the opening noun phrase and the words after the name's
closing comma: two parts, as with ``The plan, he said, is dead`` (:mod:`.parenthetical`). So it is
when the parser gave both noun phrases to "said" as its subjects and made it an aside of the verb
after them (``The harbour plan, said the minister, is dead``).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .agentive import can_hold_view
from .document import DocIndex, Found
from .verbs import is_verb

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def inverted_aside(ix: DocIndex, v: Token) -> Found | None:
    """The attribution of an inverted parenthetical cue ``v`` (see the module), or None."""
    if v.lemma_.lower() not in C.SPEECH_VERBS or v.tag_ not in ("VBD", "VBZ", "VBP") or v.i < 2:
        return None
    doc = ix.doc
    if doc[v.i - 1].text != "," or ix.in_quote(v.i):
        return None
    sa, sb = ix.sbounds[ix.sid[v.i]]
    front = next((c for c in v.children if c.dep_ in _SUBJECTS and c.i < v.i), None)
    if front is None or front.left_edge.i != sa or front.right_edge.i not in (v.i - 2, v.i - 1):
        return None  # the opening noun phrase, and nothing between it and the comma
    clause = next((c for c in v.children if c.dep_ == "ccomp" and c.i > v.i and is_verb(c)), None)
    if clause is None and v.dep_ == "parataxis" and v.head.i > v.i and is_verb(v.head):
        clause = v.head  # "The plan, said the minister, is dead" as an aside of "is"
    if clause is None:
        return None
    # the name after "said": the parser made it the subject of the clause, or of "said" itself
    who = next((c for c in clause.children if c.dep_ in _SUBJECTS and v.i < c.i < clause.i), None)
    who = who or next((c for c in v.children if c.dep_ in _SUBJECTS and c.i > v.i), None)
    if who is None or who.left_edge.i != v.i + 1 or not can_hold_view(who):
        return None
    close = who.right_edge.i if doc[who.right_edge.i].text == "," else who.right_edge.i + 1
    if close >= clause.i or doc[close].text != ",":
        return None  # the name is not closed by a comma before the rest of the clause
    end = min(max(clause.right_edge.i + 1, close + 2), sb)
    first = ix.trim(sa, v.i - 1)
    second = ix.trim(close + 1, end)
    src = ix.trim(v.i + 1, close)
    if first is None or second is None or src is None:
        return None
    if ix.overlaps_direct(first) or ix.overlaps_direct(second):
        return None
    cue = (v.idx, v.idx + len(v.text))
    return Found(first, "reported", src, cue, None, v.i, more=[second])
