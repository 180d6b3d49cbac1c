"""Speakers the text describes but does not name: the noun phrase a pronoun stands for when no
named person or body can be its antecedent ("The secretary of one of the judges testified. He
recalled ...": "The secretary of one of the judges"), kept as the statement's speaker words.

A description is a :class:`~parley.models.Mention` labelled :data:`DESCRIBED` over the noun
phrase's words, with the actor of the group when the words name a registered one, else none;
the statement builder makes its words and span the statement's speaker words and span.
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.extract.speaker_reading import SpeakerContext
from parley.models import Mention, Span

DESCRIBED = "DESCRIBED"
# Clauses and asides after the last noun of a phrase that are no part of whom it names.
_TRAILING = frozenset(("relcl", "acl", "appos", "advcl", "punct"))


def noun_phrase(t: Token) -> Span:
    """The characters of the noun phrase headed by ``t``: its words, without a relative clause
    or an aside after its last noun ("X, an outlet" -> "X"; "A and B, a site" -> "A and B")."""
    last = t
    while True:
        conj = [c for c in last.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not conj:
            break
        last = conj[-1]
    end = last.right_edge.i
    for c in last.children:
        if c.i > last.i and c.dep_ in _TRAILING:
            end = min(end, c.left_edge.i - 1)
    if last.i == t.i:
        end = max(end, t.i)
    doc = t.doc
    start = t.left_edge.i
    while end > start and (doc[end].is_punct or doc[end].dep_ == "cc"):
        end -= 1
    return Span(doc[start].idx, doc[end].idx + len(doc[end].text))


def described(ctx: SpeakerContext, t: Token, actor_id: str | None = None) -> Mention:
    """The noun phrase headed by ``t`` as a described speaker."""
    span = noun_phrase(t)
    return Mention(ctx.article_id, span, span.of(ctx.text), DESCRIBED, actor_id)


def redescribes(t: Token) -> bool:
    """Whether a subject noun for a person is a new description of someone already named ("the
    former central bank advisor" after "said Jane Roe, a fellow at ..."): "the", words describing
    the noun before it and nothing after it, and no earlier use of the noun in the article (a
    noun restricted by words after it, "the secretary of a judge", brings in someone new)."""
    children = list(t.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    if any(c.i > t.i and c.dep_ != "punct" for c in children) or any(c.dep_ == "poss" for c in children):
        return False
    if not any(c.dep_ in ("amod", "compound", "nmod") for c in children):
        return False
    lemma = t.lemma_.lower()
    return not any(w.lemma_.lower() == lemma for w in t.doc[: t.i])


def other_side(ctx: SpeakerContext, t: Token, m: Mention) -> bool:
    """Whether the words before noun ``t`` name a side ("the Russian diplomat") other than the
    one the registry or the article gives the person of ``m``."""
    actor = ctx.registry.actor(m.actor_id) if m.actor_id else None
    sides = {x for x in (m.side, actor.side if actor else None) if x}
    said = {ctx.registry.side_of_word(c.text) for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
    said.discard(None)
    return bool(sides and said and not said & sides)
