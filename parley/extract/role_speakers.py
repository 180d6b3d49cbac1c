"""Role nouns as speakers: whom "the spokesperson", "the official" or "the spokesperson of a
brigade" stand for (rule 4 of :mod:`parley.extract.speakers`).

A definite noun phrase for a person ("the spokesperson stated", "said the official") points back
to the latest source the article brought in with that noun. That may be a person named with it
("Kremlin spokesman Dmitry Peskov said ... the spokesman added": Peskov), but when another source
came in with the noun in between ("A European intelligence official said ...", "a spokesperson
for the brigade", "the official from the agency"), the phrase is that source's: unnamed, no
actor, never the person named before it. Any other person brought in with the noun counts, as
an object too ("reporters asked a spokesman for the navy ... the spokesman added" may be the
navy's): in doubt the speaker stays unnamed rather than be given to the wrong person.

Words restricting the noun ("the spokesperson of a brigade operating in the east", "the
British intelligence official") make a phrase of their own: it is a person named before only
when those words agree with that person's (their role words, name, registered roles or side:
"the Kremlin spokesman" is the "Kremlin spokesman Dmitry Peskov" of before), else no one named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parley.extract.registry import fold
from parley.extract.role_descriptions import described_person, noun_class
from parley.extract.speaker_reading import (
    ROLE_NOUNS,
    SpeakerContext,
    _is_person,
    _person_key,
    _person_named_by,
    named_with_role,
)
from parley.models import Mention, Span

# Words before a role noun that say nothing about who holds the role ("the senior official").
_GENERIC = frozenset("same senior top high ranking high-ranking veteran".split())
# Words that make the noun someone else's ("the other official", "a second spokesperson").
_ANOTHER = frozenset("other another second third different".split())
_DESCRIBING = ("NOUN", "PROPN", "ADJ", "NUM", "VERB")
_DEFINITE = frozenset(("the", "this", "that"))
INDEFINITE = re.compile(r"^(?:a|an|one|another|some|several|two|three|four|many|other)\b")


def role_noun_speaker(ctx: SpeakerContext, span: SpacySpan, source: Span, names: bool) -> Mention | None:
    """The person speaker words headed by a singular noun for a person stand for ("the
    spokesperson", "the official"; not "said the ministry", "the agencies", "one senior
    official", who is someone new): the latest speaker with the noun in their role, unless
    another source came in with it since; else, when the words name no one (``names`` false)
    and are "the", adjectives and the noun ("the archbishop"), the one person the article named
    with the noun (:func:`named_with_role`), or else described with a word of its class
    (:func:`_described`); the words restricting the noun agreeing with each."""
    root = span.root
    if (
        root.pos_ == "NOUN"
        and root.tag_ == "NN"
        and root.lemma_.lower() in ROLE_NOUNS
        and not INDEFINITE.match(source.of(ctx.text).strip().lower())
    ):
        earlier = earlier_with_role(ctx, root, source, description(span, root))
        if earlier is not None:
            return earlier
    if not names and _the_noun(span):
        named = named_with_role(ctx, span)
        if named is not None and agrees(ctx, description(span, root), named):
            return named
        return _described(ctx, span, source)
    return None


def _described(ctx: SpeakerContext, span: SpacySpan, source: Span) -> Mention | None:
    """ "The prelate said": the one person named before whose title or role words hold a word of
    the noun's class ("Archbishop Roe", :mod:`parley.extract.role_descriptions`), when the words
    restricting the noun agree with them and no other source came in with a word of the class."""
    root = span.root
    person = described_person(ctx, root.lemma_.lower(), source.start)
    words = description(span, root)
    if person is None or another(root) or not agrees(ctx, words, person):
        return None
    if any(other_source_between(ctx, w, person, source, words) for w in noun_class(root.lemma_)):
        return None
    return person


def _the_noun(span: SpacySpan) -> bool:
    """Speaker words that are "the", a singular common noun and adjectives before it."""
    root = span.root
    return (
        root.pos_ == "NOUN"
        and root.tag_ == "NN"
        and span[0].lower_ == "the"
        and all(t.i == root.i or (t.head.i == root.i and t.dep_ in ("det", "amod")) for t in span)
    )


def description(tokens: Iterable[Token], noun: Token) -> set[str]:
    """The words restricting ``noun`` among ``tokens`` ("the spokesperson of a Ukrainian
    brigade": ukrainian, brigade), folded; none for "the spokesperson", "the senior official"."""
    words = set()
    for t in tokens:
        if t.i == noun.i or t.pos_ not in _DESCRIBING or t.is_stop or t.dep_ == "det":
            continue
        if not any(a.i == noun.i for a in t.ancestors):
            continue
        word = _word(t.text)
        if word and word not in _GENERIC:
            words.add(word)
    return words


def another(noun: Token) -> bool:
    """ "the other official", "a second spokesperson": someone else than the one before."""
    return any(c.lower_ in _ANOTHER for c in noun.children if c.i < noun.i)


def agrees(ctx: SpeakerContext, words: set[str], m: Mention) -> bool:
    """Whether each restricting word fits what the article or the registry says of the person of
    ``m``: their role words, name, registered roles and aliases, or their side ("Ukrainian")."""
    if not words:
        return True
    known = {_word(w) for w in f"{m.role or ''} {m.text}".split()}
    actor = ctx.registry.actor(m.actor_id) if m.actor_id else None
    sides = {m.side} if m.side else set()
    if actor is not None:
        known |= {_word(w) for phrase in (actor.name, *actor.roles, *actor.aliases) for w in phrase.split()}
        if actor.side:
            sides.add(actor.side)
    return all(_fits(w, known) or ctx.registry.side_of_word(w) in sides - {None} for w in words)


def earlier_with_role(ctx: SpeakerContext, noun: Token, source: Span, words: set[str]) -> Mention | None:
    """The latest speaker whose role words hold ``noun`` (and agree with the restricting
    ``words``), when no other source came in with the noun after them; else None."""
    if another(noun):
        return None
    role_word = noun.lemma_.lower()
    for _, earlier, _ in reversed(ctx.history):
        role = (earlier.role or earlier.text if earlier.label == "ROLE" else earlier.role) or ""
        if role_word in role.lower().split() and agrees(ctx, words, earlier):
            if other_source_between(ctx, role_word, earlier, source, words):
                return None
            return earlier
    return None


def other_source_between(
    ctx: SpeakerContext, noun: str, person: Mention, source: Span, words: set[str]
) -> bool:
    """Whether the article brought in a source other than ``person`` with ``noun`` (and, when
    the speaker words restrict it, ``words`` among its own) after naming them and before the
    speaker words ``source``: "A European official said ..." between "Jane Roe, an official"
    and "said the official"."""
    start = ctx.doc.char_span(person.span.start, person.span.end, alignment_mode="expand")
    end = ctx.doc.char_span(source.start, source.end, alignment_mode="expand")
    if start is None or end is None:
        return False
    for t in ctx.doc[start.start : end.start]:  # between the person named and the speaker words
        if t.tag_ not in ("NN", "NNP") or t.lemma_.lower() != noun:
            continue
        if any(a <= t.idx < b for a, b in ctx.quoted):
            continue
        if _introduces_other(ctx, t, person, words):
            return True
    return False


def _introduces_other(ctx: SpeakerContext, t: Token, person: Mention, words: set[str]) -> bool:
    """Whether the use ``t`` of the noun is a source other than ``person``."""
    key = _person_key(ctx, person)
    for span, said in ctx.sources:  # the speaker words of a statement: whom they were taken for
        if span.start <= t.idx < span.end:
            if said is not None and _is_person(ctx, said):
                return _person_key(ctx, said) != key
            break
    named = _person_named_by(ctx, t)
    if named is not None:
        return _person_key(ctx, named) != key  # "Ukrainian spokesman Jane Roe"
    if _said_of(ctx, t, key):
        return False  # "Roe, who is the spokesman", "she is a spokesman"
    own = description([x for x in t.sent if x.i != t.i], t)
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in t.children)
    if definite and not another(t) and agrees(ctx, own, person):
        return False  # "the spokesperson" again, "the Kremlin spokesman": the same one
    return all(_fits(w, own) for w in words)


def _said_of(ctx: SpeakerContext, t: Token, key: str) -> bool:
    """ "Roe is the spokesman", "Roe, who is a spokesman", "he is a spokesman": a noun said of a
    subject that is the person (or a pronoun, which cannot be told apart)."""
    if t.dep_ != "attr":
        return False
    subjects = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for s in subjects:
        if s.lower_ in ("he", "she"):
            return True
        target = s.head.head if s.lower_ in ("who", "that") and s.head.dep_ == "relcl" else s
        for m in ctx.mentions:
            if m.span.start <= target.idx < m.span.end and _is_person(ctx, m):
                return _person_key(ctx, m) == key
    return False


def _word(text: str) -> str:
    word = fold(text)
    return word[:-2] if word.endswith("'s") else word


def _fits(word: str, known: Iterable[str]) -> bool:
    """A word among ``known``, or of the same stem ("Ukrainian"/"Ukraine", "defence"/"defense")."""
    for k in known:
        if word == k:
            return True
        n = 0
        for a, b in zip(word, k, strict=False):
            if a != b:
                break
            n += 1
        if n >= 4 and n >= min(len(word), len(k)) - 3:
            return True
    return False
