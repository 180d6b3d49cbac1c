"""Passive participles of saying or describing: the noun they are said of is no speaker.

``X stands accused of ...``, ``a plant, described as ...``, ``firms accused of ...``: X says
nothing (a perfect ``has described`` is active; ``X was quoted as saying`` is handled by
:func:`.speakers.subject_of` before this test).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

# Deps of a past participle standing without an auxiliary as a passive: a participle modifying
# a noun ("a plant, described as ..."), or the complement of "stand", "remain", "be" ("X stands
# accused of ...").
_PARTICIPLE_DEPS = frozenset({"acl", "acomp", "oprd", "xcomp", "advcl", "amod"})


def passive_participle(v: Token) -> bool:
    """A verb of saying or describing as a passive participle with no agent ("X stands accused
    of ...", "a plant, described as ...", "X was called ..."): the noun it is said of is no
    speaker (a perfect "has described" is active; "X was quoted as saying" is handled apart)."""
    if v.tag_ != "VBN" or v.lemma_.lower() in C.QUOTING_VERBS:
        return False
    kids = list(v.children)
    if any(c.dep_ in ("agent", "nsubj") for c in kids):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids):
        return False  # "has described": active
    if any(c.dep_ == "auxpass" for c in kids):
        return True
    if v.dep_ not in _PARTICIPLE_DEPS or any(c.dep_ == "ccomp" for c in kids):
        return False  # "Hacker groups announced that ...": a finite verb the parser hung on a noun
    if v.dep_ in ("acl", "amod"):
        # "a plant, described as", "firms accused of ...", "with growth expected to fall": when
        # the sentence has a main verb of its own ("X, including Y, called for ..." has none:
        # "called" is its verb, which the parser hung on a noun); without a comma, only with
        # no object ("Hacker groups announced the attack": a verb hung on a noun)
        root = v.sent.root
        if root.i == v.i or root.pos_ not in ("VERB", "AUX"):
            return False
        lemma = v.lemma_.lower()
        if lemma in C.DESCRIBE_NO_OBJECT and any(
            c.dep_ == "prep" and c.lower_ in C.DESCRIBE_PREPS[lemma] for c in v.children
        ):
            return False  # "The plan called for ...": active
        if v.i > 0 and v.doc[v.i - 1].text in (",", "—", "–", "("):
            return True
        return not any(c.dep_ in ("dobj", "dative") for c in kids)
    return True
