"""Whom an "it" or a plural "they" speaker stands for (rule 3 of :mod:`parley.extract.speakers`).

"it": walking back sentence by sentence within the pronoun's paragraph and the one before (and
``PRONOUN_REACH`` sentences), the subjects of clauses and the speakers of statements, latest
first (main clauses first; in an earlier sentence, its main clause's only): the first body
("Moscow had hoped ... . Four years later, it conceded": Moscow). Other "it"s, people, plural
subjects and the statement's own words are passed over; a singular common noun that names no
one ("The report came out. It said ...") stops the walk: no one.

"they": the subjects of the pronoun's sentence before it, then of the main clause of the
sentence before, within the paragraph and the one before: the first plural subject for people or
a group ("Officials were shocked, as they believed ...", "the researchers concluded"), a
coordination of names ("London and Washington"), or the names coordinated after "by" in a
subject ("An estimate by X and Y found ..., they reported"), kept as the speaker's words
(:mod:`parley.extract.described_speakers`). A "they" before it follows its own antecedent. A
plural subject for things ("The assessments accepted ..., but they rejected"), a coordination
holding a pronoun, or a plural noun for a group that is no subject nearer the pronoun in its
sentence ("A block for the services was that they believed") stops the walk: no one; so does
a "they" inside a quote (the quoted speaker's word).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from spacy.tokens import Token

from parley.extract.described_speakers import DESCRIBED, described
from parley.extract.speaker_reading import (
    _BODY_LABELS,
    ANALYST_NOUNS,
    PRONOUN_REACH,
    ROLE_NOUNS,
    SpeakerContext,
    _main_clause,
    _sent_end,
    _subjects,
)
from parley.models import Mention, Span

# Plural nouns for a group of people or bodies that may say something ("the services", "allies").
GROUP_NOUNS = (
    ROLE_NOUNS
    | ANALYST_NOUNS
    | frozenset(
        "people official authority leader member ally partner government country state nation "
        "agency service organization organisation group outlet party side capital observer "
        "critic supporter opponent economist scientist investigator monitor".split()
    )
)
_NOMINAL = ("NOUN", "PROPN")


def _candidates(
    ctx: SpeakerContext, source: Span, content: Sequence[Span], back: int
) -> list[Token | Mention]:
    """The subject tokens and speaker mentions back from ``source``, ``back`` sentences at
    most and never before the paragraph before: latest first, the main clause first; in an
    earlier sentence only its main clause's; none inside the statement's own words."""
    sentence = ctx.sentence(source.start)
    floor = max(ctx.paragraph_start(source.start, back=1), ctx.sent_starts[max(sentence - back, 0)])
    out: list[Token | Mention] = []
    for s in range(sentence, ctx.sentence(floor) - 1, -1):
        lo = max(ctx.sent_starts[s], floor)
        hi = source.start if s == sentence else _sent_end(ctx, s)
        found: list[tuple[bool, int, Token | Mention]] = [
            (not _main_clause(t), -t.idx, t)
            for t in _subjects(ctx, lo, hi)
            if not any(p.start <= t.idx < p.end for p in content) and (s == sentence or _main_clause(t))
        ]
        found += [(False, -a, m) for s2, m, a in ctx.history if s2 == s and lo <= a < hi]
        found.sort(key=lambda x: (x[0], x[1]))
        out += [x for _, _, x in found]
    return out


def _mention_at(ctx: SpeakerContext, t: Token) -> Mention | None:
    return next((m for m in ctx.mentions if m.span.start <= t.idx < m.span.end), None)


def it_antecedent(
    ctx: SpeakerContext, source: Span, content: Sequence[Span]
) -> Mention | Literal[False] | None:
    """The organisation or place an "it" speaker stands for; False when the walk stops at a
    thing it may stand for instead (no one), None when it finds nothing."""
    for x in _candidates(ctx, source, content, PRONOUN_REACH):
        if isinstance(x, Mention):
            if x.label in _BODY_LABELS:
                return x
            continue
        assert isinstance(x, Token)
        if x.lower_ == "it" or x.pos_ == "PRON":
            continue
        m = _mention_at(ctx, x)
        if m is not None:
            if m.label in _BODY_LABELS and ctx.text[m.span.end : m.span.end + 1] not in ("'", "’"):
                return m
            continue
        if x.tag_ == "NN":
            return False  # "The report came out. It said ...": the report, no one who speaks
    return None


def they_antecedent(ctx: SpeakerContext, source: Span, content: Sequence[Span]) -> Mention | None:
    """The plural group a "they" speaker stands for, as a described speaker (with the group's
    actor when a registered one), or None."""
    if any(a <= source.start < b for a, b in ctx.quoted):
        return None  # "If people still don't believe you", someone's words: not the reporter's
    lo = ctx.sent_starts[ctx.sentence(source.start)]
    for t in _subjects(ctx, lo, source.start):  # "An estimate by X and Y found ..., they reported"
        if any(p.start <= t.idx < p.end for p in content) and (names := _authors(ctx, t)) is not None:
            return names
    nearest = _group_not_subject(ctx, source, content)
    for x in _candidates(ctx, source, content, 1):
        if isinstance(x, Mention):
            if x.label == DESCRIBED and _plural(ctx, x):
                return x  # a "they" before, or a group said before
            continue
        assert isinstance(x, Token)
        if nearest is not None and x.i < nearest and not x.left_edge.i <= nearest <= x.right_edge.i:
            return None  # "A block for the services was that they ...": not someone before
        if x.pos_ == "PRON":
            if x.lower_ == "they":
                return None  # a "they" whose statement found no one: no one either
            continue
        group = _group(ctx, x)
        if group is not None:
            return group if isinstance(group, Mention) else None
        if x.tag_ in ("NNS", "NNPS"):
            return None  # "The assessments accepted ..., but they rejected": not people
    return None


def _group(ctx: SpeakerContext, t: Token) -> Mention | None | bool:
    """The group a subject names: a plural noun for people or bodies ("the researchers"), a
    coordination of names ("X and Y"), or the names coordinated after "by" in it ("an estimate
    by X and Y"); False when it coordinates a pronoun ("He and a colleague"); else None."""
    if (names := _authors(ctx, t)) is not None:
        return names
    conj = [c for c in t.children if c.dep_ == "conj"]
    if conj:
        if any(c.pos_ == "PRON" for c in conj) or t.pos_ == "PRON":
            return False
        return described(ctx, t) if _coordinated_names(ctx, t) or _group_noun(t) else None
    if _group_noun(t):
        m = _mention_at(ctx, t)
        return described(ctx, t, m.actor_id if m is not None else None)
    return None


def _group_noun(t: Token) -> bool:
    return t.tag_ in ("NNS", "NNPS") and t.lemma_.lower() in GROUP_NOUNS


def _coordinated_names(ctx: SpeakerContext, t: Token) -> bool:
    """Whether ``t`` and the nominals coordinated with it are each a name the model found."""
    conj = [c for c in t.children if c.dep_ == "conj" and c.pos_ in _NOMINAL]
    return bool(conj) and all(x.pos_ == "PROPN" and _mention_at(ctx, x) is not None for x in (t, *conj))


def _group_not_subject(ctx: SpeakerContext, source: Span, content: Sequence[Span]) -> int | None:
    """The token index of the latest plural noun for a group before ``source`` in its sentence
    that is no subject ("a block for some services was that they ..."), or None."""
    lo = ctx.sent_starts[ctx.sentence(source.start)]
    span = ctx.doc.char_span(lo, source.start, alignment_mode="contract")
    for t in reversed(list(span or ())):
        if any(p.start <= t.idx < p.end for p in content) or t.dep_ in ("nsubj", "nsubjpass"):
            continue
        if _group_noun(t):
            return t.i
    return None


def _plural(ctx: SpeakerContext, m: Mention) -> bool:
    """Whether a described speaker is a group: its head plural, or names coordinated."""
    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and (root.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in root.children))


def _authors(ctx: SpeakerContext, t: Token) -> Mention | None:
    """The names coordinated after "by" in a singular subject ("An estimate by X and Y")."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "by" and t.tag_ == "NN":
            for o in c.children:
                if o.dep_ == "pobj" and _coordinated_names(ctx, o):
                    return described(ctx, o)
    return None
