"""What a verb of describing says of someone: ``called the plan "a disaster"``, ``described it
as ...``, ``accused X of ...``, ``called for ...`` (:func:`describe_span`, for
:mod:`.reported`). Only with a quote in it that nothing else says, or with the preposition that
makes the verb a verb of saying (``as``, ``of``, ``for``; not a day: ``called the president on
12 February``), and with what is described named after the verb."""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract import cues as C

from .document import DocIndex, Found, extend_to_quotes
from .verbs import is_cue_verb

_DESCRIBE_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "prep", "dative", "acomp", "attr"})
_OWN_CLAUSE_CUES = C.SPEECH_VERBS | C.COGNITION_VERBS
_SUBJ = frozenset({"nsubj", "nsubjpass"})


def describe_span(ix: DocIndex, v: Token, lemma: str) -> tuple[int, int] | None:
    """What ``v`` says of someone: ``called the plan "a disaster"``, ``described it as
    ...``, ``accused X of ...``, ``called for ...``. Only with a quote in it, or with
    the preposition that makes the verb a verb of saying (``as``, ``of``, ``for``)."""
    p = ix.pid[v.i]
    parts = [c for c in v.children if c.i > v.i and ix.pid[c.i] == p and c.dep_ in _DESCRIBE_DEPS]
    if not parts:
        return None
    parts += _listed_on(v, max(c.right_edge.i for c in parts))
    a = min(c.left_edge.i for c in parts)
    b = max(c.right_edge.i for c in parts) + 1
    a, b = ix.para_clip(a, b, v.i)
    span = ix.trim(a, b)
    if span is None:
        return None
    span = extend_to_quotes(ix, span, v)
    if any(
        q.start >= span[0] and q.end <= span[1] and _quote_under(ix, k, v)
        for k, q in enumerate(ix.quotes)
        if span[0] <= q.start < span[1]
    ):
        return span
    # "called the president on 12 February": a day, not "called on X to ..."
    preps = {c.lower_ for c in parts if c.dep_ == "prep" and not _a_time(c)}
    for c in parts:  # the parser hung it on the object: "described the offer as ...",
        if c.dep_ == "dobj":  # "accused the firm of hiding ..."
            preps.update(g.lower_ for g in c.rights if g.dep_ == "prep" and _describing(g))
    if not preps & C.DESCRIBE_PREPS.get(lemma, frozenset()):
        return None
    if lemma not in C.DESCRIBE_NO_OBJECT and not _described(v):
        # "what it described as successful actions", "firms accused of ...": without what
        # is described (before the cue, or nowhere) the rest says nothing
        return None
    return span


def _listed_on(v: Token, end: int) -> list[Token]:
    """The later nouns of a list the parser hung on the verb itself, not on the list's first noun
    (``called for a ceasefire, security guarantees and compromises``: "guarantees" a conjunct of
    "called"): nouns right after ``end`` with only commas and "and"/"or" between, no subject."""
    doc = v.doc
    found = []
    for c in v.children:
        if c.dep_ != "conj" or c.pos_ not in ("NOUN", "PROPN") or c.left_edge.i <= end:
            continue
        between = doc[end + 1 : c.left_edge.i]
        if len(between) and all(t.lower_ in (",", "and", "or") for t in between):
            if not any(g.dep_ in _SUBJ for g in c.children):
                found.append(c)
                end = c.right_edge.i
    return found


def _a_time(prep: Token) -> bool:
    """Whether a preposition governs a date or a time (``on 12 February``, ``on Monday``)."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _describing(prep: Token) -> bool:
    """Whether a preposition on a verb's object says what the verb says of it (``as ...``, ``of
    hiding ...``), not what the object is (``the head of the agency``)."""
    return prep.lower_ == "as" or any(g.dep_ == "pcomp" for g in prep.children)


def _quote_under(ix: DocIndex, k: int, v: Token) -> bool:
    """Whether quote ``k`` is what ``v`` calls something (``called the plan "a disaster"``),
    not words of a clause of their own inside its complement (``referring to X, where he
    noted that "..."``): no verb between the quote and ``v``."""
    a, b = ix.qtok[k]
    inside = range(a, b)
    doc = ix.doc
    roots = [
        doc[i] for i in inside if not doc[i].is_punct and (doc[i].head.i not in inside or doc[i].head.i == i)
    ]
    for t in roots:
        t = t.head
        while t.i != v.i:
            if t.head.i == t.i or (
                is_cue_verb(t, _OWN_CLAUSE_CUES) and any(c.dep_ in _SUBJ for c in t.children)
            ):
                return False  # "where he noted that "..."": the quote is his, in a clause of its own
            t = t.head
    return bool(roots)


def _described(v: Token) -> bool:
    """Whether a verb of describing names, after it, what it describes: an object
    (``described the talks as ...``, ``accused X of ...``) or the ``to`` of ``referred to X
    as ...``."""
    return any(
        c.i > v.i and (c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "to"))
        for c in v.children
    )


def with_its_preposition(ix: DocIndex, v: Token, f: Found) -> Found:
    """ "called for new talks", "called on voters to ...": the preposition that makes the verb
    one of saying is the cue's ("called for"), and what was called for is the content."""
    lemma = v.lemma_.lower()
    doc = ix.doc
    if lemma not in C.DESCRIBE_NO_OBJECT or f.cue is None or v.i + 2 >= len(doc):
        return f
    prep = doc[v.i + 1]
    if prep.head.i != v.i or prep.dep_ != "prep" or prep.lower_ not in C.DESCRIBE_PREPS.get(lemma, ()):
        return f
    if f.content[0] != prep.idx or doc[v.i + 2].idx >= f.content[1]:
        return f
    f.cue = (f.cue[0], prep.idx + len(prep.text))
    f.content = (doc[v.i + 2].idx, f.content[1])
    return f
