"""A clause the parser cut loose from its verb: ``Some believe the level of spending on X shows
the campaign is worried``.

The parser made both "spending on X" (a clause) and "shows the campaign is worried" object
clauses of "believe", the second with no subject: the first clause is that subject, and what
they believe is the two together. The finite verb with no subject ("shows") is then no cue of
its own, with the believer as its speaker (:func:`subject_cut_loose`), and the believer's
content runs on through it (:func:`loose_predicate`). A finite verb right after its sibling
clause, with no comma or word between them, is all this reads; a verb with a subject of its own
(``believe A, B thinks``) is left as the parse gives it, and so is a verb of saying, thinking
or stating after a coordinated word (``said A mishandled it and critics accused ...``, ``said
A but said B``): the word after "and" is its subject, a speaker of its own, or the "but" joins
it to the cue. Another verb after a coordinated word (``said A has respect for B and his
comment was C``) runs the content on as well.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

_FINITE = frozenset({"VBZ", "VBD", "VBP"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# verbs that open a statement of their own (those the reported pass reads as cues)
_CUES = C.SPEECH_VERBS | C.COGNITION_VERBS | C.COMMISSIVE_VERBS | C.DESCRIBE_VERBS | C.OBJECT_CONTENT_VERBS


def subject_cut_loose(v: Token) -> bool:
    """Whether ``v`` is a finite verb with no subject that the parser hung, as a second object
    clause, on the verb whose first object clause, right before ``v``, is its subject."""
    return _sibling_before(v) is not None


def loose_predicate(c: Token) -> Token | None:
    """The verb whose subject clause ``c`` is when the parser cut it loose (see the module):
    the next object clause of ``c``'s head, right after ``c``; else None."""
    h = c.head
    if c.dep_ != "ccomp" or h.i == c.i:
        return None
    for s in h.children:
        if s.i > c.i and s.dep_ == "ccomp":
            before = _sibling_before(s)
            return s if before is not None and before.i == c.i else None
    return None


def _sibling_before(v: Token) -> Token | None:
    """The object clause of ``v``'s head that ends right before ``v``, when ``v`` is a finite
    object clause with no subject (see the module); else None."""
    h = v.head
    if v.dep_ != "ccomp" or h.i == v.i or v.tag_ not in _FINITE:
        return None
    if any(c.dep_ in _SUBJECTS or c.i < v.i for c in v.children):
        return None
    c = next((c for c in h.children if c.dep_ == "ccomp" and h.i < c.i < v.i), None)
    if c is None or c.right_edge.i + 1 != v.i or c.right_edge.is_punct:
        return None
    if v.lemma_.lower() in _CUES:
        t = c.right_edge
        while t.i != c.i:
            if t.dep_ in ("conj", "cc"):
                return None  # "sure A mishandled it and critics accused ...", "A but said ..."
            t = t.head
    return c
