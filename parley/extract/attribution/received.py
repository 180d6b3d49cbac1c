"""What someone received speaks, not the one who received it: ``The agency received intelligence
suggesting that ...``, ``officials obtained a letter saying ...``, ``she heard reports claiming
...``. A participle of saying right after the object of a verb of receiving or finding (the
parser hangs it on the noun or on the verb) has that object as its speaker, never the verb's
subject, who only got the words (for :func:`.speakers.subject_of`)."""

from __future__ import annotations

from spacy.tokens import Token

from .document import NOMINAL_POS, DocIndex

# Verbs of getting words from someone else: their subject is the one who got them (not "read":
# "the spokesman read a statement saying ..." may be reading it out).
_RECEIVING = frozenset("receive obtain get gather intercept acquire collect hear see find uncover".split())


def received_object(ix: DocIndex, v: Token) -> Token | None:
    """The object of a verb of receiving that participle cue ``v`` follows (``received
    intelligence suggesting ...``: intelligence), or None."""
    if v.tag_ != "VBG" or v.i == 0:
        return None
    h = v.head
    obj: Token | None = None
    if v.dep_ == "acl" and h.pos_ in NOMINAL_POS and h.dep_ == "dobj":
        obj, verb = h, h.head
    elif v.dep_ == "advcl" and h.i < v.i:
        obj = next((c for c in h.children if c.dep_ == "dobj" and c.i < v.i), None)
        verb = h
        if obj is not None and obj.right_edge.i != v.i - 1:
            obj = None  # only right before the participle: "received intelligence suggesting"
    if obj is None:
        return None
    if verb.lemma_.lower() not in _RECEIVING or ix.pid[obj.i] != ix.pid[v.i] or ix.in_quote(obj.i):
        return None
    return obj
