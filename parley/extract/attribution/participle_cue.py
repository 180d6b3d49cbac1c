"""A cue the parser took for a participle: ``A pilot of a drone crew operating near the river
reported on March 3 that the enemy had lost two tanks``.

When a verb of saying is parsed as a modifier of the noun before it (``the river reported``) and
is followed, after an optional ``on DATE``, by ``that`` and a clause with a subject of its own,
the sentence has no verb of its own: its opening noun phrase, participle modifiers and all, is
the speaker, when its head names someone who can speak (a person, a role, a unit).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .agentive import can_hold_view
from .document import DocIndex, Found
from .verbs import is_verb

# Nouns for people and units that report, besides those :func:`.agentive.can_hold_view` knows.
_SPEAKING_NOUNS = frozenset(
    """
    pilot crew unit brigade battalion regiment platoon squad division serviceman servicemember
    operator gunner sniper scout marine paratrooper
    """.split()
)
_PAST_TAGS = frozenset({"VBD", "VBN"})  # past tense or participle: "reported"


def participle_cue(ix: DocIndex, v: Token) -> Found | None:
    """The attribution of a verb of saying misread as a participle (see the module), or None."""
    if v.dep_ != "acl" or v.tag_ not in _PAST_TAGS or v.lemma_.lower() not in C.SPEECH_VERBS:
        return None
    doc = ix.doc
    j = v.i + 1
    if j < ix.n and doc[j].lower_ == "on" and doc[j].head.i == v.i:
        date = next((c for c in doc[j].children if c.dep_ == "pobj"), None)
        if date is None or date.ent_type_ != "DATE":
            return None
        j = doc[j].right_edge.i + 1
    if j >= ix.n or doc[j].lower_ != "that" or ix.sid[j] != ix.sid[v.i]:
        return None
    clause = doc[j].head
    if not (is_verb(clause) and clause.i > j and doc[j].dep_ == "mark"):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    top = v
    while top.head.i != top.i and top.head.i < v.i:
        top = top.head
    if top.head.i != top.i or top.pos_ not in ("NOUN", "PROPN"):
        return None  # the sentence has a verb of its own: not a misread cue
    if not (can_hold_view(top) or top.lemma_.lower() in _SPEAKING_NOUNS):
        return None  # "The list of losses reported on Monday that ..."
    sa, sb = ix.sbounds[ix.sid[v.i]]
    if top.left_edge.i != sa or any(ix.in_quote(i) for i in range(sa, v.i)):
        return None
    src = ix.trim(sa, v.i)
    content = ix.trim(j, min(max(clause.right_edge.i, doc[j].right_edge.i) + 1, sb))
    if src is None or content is None or ix.overlaps_direct(content):
        return None
    return Found(content, "reported", src, (v.idx, v.idx + len(v.text)), None, v.i)
