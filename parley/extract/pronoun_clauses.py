"""Who a "he"/"she" speaker in an adverbial clause stands for, from the verb that clause hangs
from, for :mod:`parley.extract.pronouns`: the subject of the main clause named after a clause
put before it ("Though she called the plan shameful, Olsen voted for it": Olsen), or the
object of the verb ("Arends called Olsen a disgrace after she attacked the police": Olsen),
when the text shows that person of the pronoun's gender.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from parley.extract.speaker_reading import _SUBJECT_DEPS, SpeakerContext
from parley.models import Mention, Span

# the clauses a pronoun subject may sit in for these rules: adverbial ones ("after she ...")
_ADVERBIAL = ("advcl",)


def _clause_of(ctx: SpeakerContext, source: Span) -> tuple[Token, Token] | None:
    """The pronoun subject at ``source`` and the adverbial clause holding it (its first verb,
    for "Though she called ... and called for ..."), or None."""
    span = ctx.doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in _SUBJECT_DEPS:
        return None
    clause = span.root.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return (span.root, clause) if clause.dep_ in _ADVERBIAL else None


def _person(people: Sequence[Mention], t: Token) -> Mention | None:
    return next((m for m in people if m.span.start <= t.idx < m.span.end), None)


def named_after_in_main_clause(ctx: SpeakerContext, source: Span, m: Mention) -> bool:
    """Whether person ``m``, named after the pronoun at ``source`` in its sentence, is the subject
    of the verb an adverbial clause holding the pronoun hangs from, that clause coming before the
    name ("Though she called ..., Olsen kept ...", "When he landed, Arends said ...")."""
    found = _clause_of(ctx, source)
    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if found is None or span is None or span.root.dep_ not in _SUBJECT_DEPS:
        return False
    clause, name = found[1], span.root
    return clause.head.i == name.head.i and clause.right_edge.i < name.i


def person_of_own_verb(
    ctx: SpeakerContext, source: Span, people: Sequence[Mention], shown: Callable[[Mention], set[str]]
) -> Mention | None:
    """The person a pronoun subject of an adverbial clause stands for, from the verb the clause
    hangs from, when the text shows them of the pronoun's gender (``shown``: the genders known
    for a person): the verb's subject named after a clause put before it ("Though she called
    ..., Olsen kept ..."); else the one person named as the verb's object before the clause,
    when the verb's subject is neither shown of that gender nor a pronoun like it ("Arends
    called Olsen a disgrace after she ...", Arends not shown a woman)."""
    found = _clause_of(ctx, source)
    if found is None or found[0].lower_ not in ("he", "she"):
        return None
    pronoun, clause = found
    gender = "m" if pronoun.lower_ == "he" else "f"
    verb = clause.head
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if len(subjects) != 1:
        return None
    subject = _person(people, subjects[0])
    quoted = [m for m in people if any(a <= m.span.start < b for a, b in ctx.quoted)]
    if subject is not None and subject not in quoted and subjects[0].i > clause.right_edge.i:
        return subject if shown(subject) == {gender} else None
    if subjects[0].lower_ == pronoun.lower_ or (subject is not None and gender in shown(subject)):
        return None
    objects = [_person(people, c) for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]
    named = [m for m in objects if m is not None and m not in quoted and shown(m) == {gender}]
    return named[0] if len(named) == 1 else None
