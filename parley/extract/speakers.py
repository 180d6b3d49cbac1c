"""Speakers: which mention an attribution's source words stand for.

Who is the speaker of an attribution's source words:

1. the mention holding the source's syntactic head ("Kremlin spokesperson Dmitry Peskov",
   "Yuri Ushakov, Putin's adviser" -> the person, never the possessor);
2. a person named in apposition ("the spokesperson, Dmitry Peskov");
   a relative pronoun ("Yuri Ushakov, who said ...": the extractor returns "who") stands for
   the noun the relative clause hangs from, and is resolved as that noun phrase by 1 and 2;
   the statement's speaker words and span are then that noun phrase too;
3. a pronoun, by its person (:func:`_antecedent`): "I"/"we" inside another statement's direct
   quote -> that quote's speaker, else the person of the latest transcript label ("Name:"
   opening a paragraph), else for "we" a body named earlier in the sentence ("At the
   institute, we believe"); "he"/"she" -> the latest speaker within a few sentences if a
   person, else the latest person mentioned (a possessor too) in this or the previous
   paragraph or those sentences, unless an unknown name is the subject of a clause in
   between; "it" (not the empty one of "it is reported that") and "they"/"we" -> the latest
   speaker within a few sentences if a body (organisation or place); "it" also -> the subject
   of the nearest clause before it when that is a body;
4. a role word alone ("the spokesperson added") -> the latest speaker of this article whose role
   words contain it;
5. a place standing for a government ("Moscow said", "Russia has indicated") -> that side's
   government, when the registry ties the place to a side.
Otherwise the speaker keeps only its words ("an unnamed US official").

:class:`SpeakerContext` holds what resolution reads for one article and the speakers found so
far (in text order); :func:`speaker_mention` resolves one attribution's source. The statement
builder (:mod:`parley.extract.statements`) calls them in text order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parley.extract.attribution import find_quotes, relative_antecedent
from parley.extract.registry import ActorRegistry
from parley.models import Attribution, Mention, Span
from parley.nlp import text_of

PRONOUNS = {"he", "she", "him", "her"}
FIRST_PERSON = {"i", "we"}
GROUP_PRONOUNS = {"they", "we"}
THING_PRONOUNS = {"it"}
ALL_PRONOUNS = PRONOUNS | FIRST_PERSON | GROUP_PRONOUNS | THING_PRONOUNS
# How far back (in sentences) a pronoun may reach for the latest speaker.
PRONOUN_REACH = 4
_BODY_LABELS = ("ORG", "GPE")  # what "it", "they" and "we" may stand for
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_FINITE = ("VBD", "VBZ", "VBP", "MD")
# A transcript label: a short name and a colon opening a paragraph ("Jane Doe: I think ...").
_LABEL = re.compile(r"(?m)^[^\S\n]*([^\n:]{2,60}):")


@dataclass
class SpeakerContext:
    """What speaker resolution reads for one article, and the speakers found so far."""

    doc: Doc
    text: str
    article_id: str
    mentions: Sequence[Mention]
    registry: ActorRegistry
    sent_starts: list[int]
    # (sentence, speaker mention, where the statement's cue or source starts), in text order
    history: list[tuple[int, Mention, int]] = field(default_factory=list)
    quotes: list[tuple[tuple[Span, ...], Mention]] = field(default_factory=list)  # direct quotes
    labels: list[tuple[int, Mention]] = field(default_factory=list)  # (label start, person)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # quote regions of the text
    paragraphs: list[int] = field(default_factory=list)  # where each paragraph starts

    def sentence(self, char: int) -> int:
        return _sentence_index(self.sent_starts, char)

    def paragraph_start(self, char: int, back: int = 0) -> int:
        """Where the paragraph holding ``char`` starts, or the one ``back`` paragraphs before."""
        return self.paragraphs[max(bisect.bisect_right(self.paragraphs, char) - 1 - back, 0)]


def speaker_context(
    doc: Doc, article_id: str, mentions: Sequence[Mention], registry: ActorRegistry
) -> SpeakerContext:
    """A fresh context for one article: sentences, paragraphs, quotes and transcript labels."""
    text = text_of(doc)
    ctx = SpeakerContext(doc, text, article_id, mentions, registry, [s.start_char for s in doc.sents])
    ctx.labels = _transcript_labels(text, mentions)
    ctx.quoted = [(q.start, q.end) for q in find_quotes(text)]
    ctx.paragraphs = [0] + [m.end() for m in re.finditer(r"\n+", text)]
    return ctx


def speaker_mention(ctx: SpeakerContext, att: Attribution) -> Mention | None:
    """The mention ``att``'s source words stand for (rules 1-5 of the module docstring), or None."""
    doc, text, article_id, registry = ctx.doc, ctx.text, ctx.article_id, ctx.registry
    source = att.source
    assert source is not None
    source = relative_antecedent(doc, source) or source  # "X, who said": X
    words = source.of(text).strip().lower()
    if words in ALL_PRONOUNS:
        return _antecedent(ctx, words, source)
    inside = [m for m in ctx.mentions if source.start <= m.span.start and m.span.end <= source.end]
    if not inside:  # the NER tagged nothing here: the words may still name a known actor
        side = registry.place_side(words.removeprefix("the "))
        if side:  # "Kyiv insists": a place standing for its government
            return Mention(article_id, source, source.of(text), "GPE", registry.government(side).id)
        actor_id = registry.match_name(source.of(text))
        if actor_id:
            return Mention(article_id, source, source.of(text), "PERSON", actor_id)
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is not None:
        for m in inside:
            if m.span.start <= root.idx < m.span.end and not _possessive(text, m):
                speaker = _as_speaker(m, registry)
                if speaker is not None:
                    return speaker
    people = [m for m in inside if m.label == "PERSON" and not _possessive(text, m)]
    if people:
        return people[0]
    # "the official" may be the official named before; "one senior official" is someone new
    if root is not None and root.pos_ == "NOUN" and not INDEFINITE.match(words):
        role_word = root.lemma_.lower()
        for _, earlier, _ in reversed(ctx.history):
            role = (earlier.role or earlier.text if earlier.label == "ROLE" else earlier.role) or ""
            if role_word in role.lower().split():
                return earlier
    roles = [m for m in inside if m.label == "ROLE" and not _possessive(text, m)]
    if roles:
        return roles[0]
    actor_id = registry.match_name(source.of(text))  # a registered name the NER mislabelled
    if actor_id:
        return Mention(article_id, source, source.of(text), "PERSON", actor_id)
    return None


INDEFINITE = re.compile(r"^(?:a|an|one|another|some|several|two|three|four|many|other)\b")


def _as_speaker(m: Mention, registry: ActorRegistry) -> Mention | None:
    """A mention as a speaker: a place the registry ties to a side is its government (whatever
    the NER label); other places and organisations only when they stand for an actor."""
    if m.label in ("PERSON", "ROLE") or m.actor_id:
        return m
    side = registry.place_side(m.text.removeprefix("the "))
    if side:
        return Mention(m.article_id, m.span, m.text, m.label, registry.government(side).id)
    return None


def _antecedent(ctx: SpeakerContext, pronoun: str, source: Span) -> Mention | None:
    """The mention a pronoun speaker stands for (rule 3 of the module docstring), or None."""
    if pronoun in FIRST_PERSON:
        for parts, speaker in reversed(ctx.quotes):  # "I" inside someone's quote: that someone
            if any(p.start <= source.start < p.end for p in parts):
                return speaker
        label = next((m for start, m in reversed(ctx.labels) if start < source.start), None)
        if label is not None:
            return label
        if pronoun == "i":
            return None
        body = _body_in_sentence(ctx, source)
        if body is not None:
            return body
    sentence = ctx.sentence(source.start)
    last = ctx.history[-1] if ctx.history and sentence - ctx.history[-1][0] <= PRONOUN_REACH else None
    if pronoun in PRONOUNS:
        if last is not None and last[1].label not in _BODY_LABELS:
            found: Mention | None = last[1]
            since = last[2]
        else:
            found = _person_before(ctx, source, sentence)
            since = found.span.end if found else source.start
        # a name the NER did not take for a person, subject of a clause in between ("X told
        # reporters ..." with X tagged as an organisation), is the one meant when the registry
        # or an earlier person mention knows it; else better no speaker than the wrong one
        named = _name_subject_between(ctx, since, source.start)
        if named is not None and named[0] is not None and not _names_a_person(ctx, named[0]):
            named = None  # "the Kremlin has taken steps ..., she wrote": "she" is a person
        if named is None and _unnamed_person_between(ctx, since, source.start):
            return None  # "The secretary of one of the judges testified. He recalled ...": not X
        return found if named is None else named[0]
    if pronoun in THING_PRONOUNS and _empty_it(ctx.doc, source):
        return None
    if last is not None and last[1].label in _BODY_LABELS:
        return last[1]
    if pronoun in THING_PRONOUNS:
        return _body_subject_before(ctx, source, sentence)
    return None


def _person_before(ctx: SpeakerContext, source: Span, sentence: int) -> Mention | None:
    """The latest person mentioned before ``source`` in its paragraph or the one before, or
    within ``PRONOUN_REACH`` sentences; a possessor counts ("X's house ... she said")."""
    floor = min(ctx.paragraph_start(source.start, back=1), ctx.sent_starts[max(sentence - PRONOUN_REACH, 0)])
    before = [m for m in ctx.mentions if floor <= m.span.start < source.start and _is_person(ctx, m)]
    return before[-1] if before else None


def _body_in_sentence(ctx: SpeakerContext, source: Span) -> Mention | None:
    """An organisation or place named earlier in the sentence ("At the institute, we ...")."""
    start = ctx.sent_starts[ctx.sentence(source.start)]
    for m in reversed(ctx.mentions):
        if start <= m.span.start and m.span.end <= source.start and m.label in _BODY_LABELS:
            return _as_speaker(m, ctx.registry) or m
    return None


def _is_person(ctx: SpeakerContext, m: Mention) -> bool:
    """A person mention, or one the registry ties to a person whatever the NER label."""
    actor = ctx.registry.actor(m.actor_id) if m.actor_id else None
    return m.label in ("PERSON", "ROLE") or (actor is not None and actor.kind == "person")


def _names_a_person(ctx: SpeakerContext, m: Mention) -> bool:
    """The registry's word first (a registered body is no person, whatever the label says)."""
    actor = ctx.registry.actor(m.actor_id) if m.actor_id else None
    return actor.kind == "person" if actor is not None else m.label in ("PERSON", "ROLE")


def _body_subject_before(ctx: SpeakerContext, source: Span, sentence: int) -> Mention | None:
    """The subject of the nearest clause before ``source`` (other "it"s skipped), when it is an
    organisation or a place, within its paragraph and ``PRONOUN_REACH`` sentences."""
    floor = max(ctx.sent_starts[max(sentence - PRONOUN_REACH, 0)], ctx.paragraph_start(source.start))
    for t in reversed(_subjects(ctx, floor, source.start)):
        if t.lower_ == "it":
            continue
        for m in ctx.mentions:
            if m.span.start <= t.idx < m.span.end and m.label in _BODY_LABELS:
                return None if _possessive(ctx.text, m) else _as_speaker(m, ctx.registry) or m
        return None
    return None


def _name_subject_between(ctx: SpeakerContext, start: int, end: int) -> tuple[Mention | None] | None:
    """The latest proper name in ``[start, end)`` that is the subject of a clause and no
    person, place or people the NER found, as the person it names (a registered name, or a
    person mentioned earlier with the same last word), or ``(None,)`` when it names no one
    known; None when there is no such subject."""
    for t in reversed(_subjects(ctx, start, end)):
        if t.pos_ != "PROPN":
            continue
        labels = {m.label for m in ctx.mentions if m.span.start <= t.idx < m.span.end}
        if labels & {"PERSON", "ROLE", "GPE", "NORP", "LOC", "FAC"}:
            continue
        doc = ctx.doc
        a = t.i
        while a > 0 and doc[a - 1].pos_ == "PROPN" and doc[a - 1].head.i == t.i:
            a -= 1
        name = Span(doc[a].idx, t.idx + len(t.text))
        words = name.of(ctx.text)
        actor_id = ctx.registry.match_name(words)
        if actor_id:
            return (Mention(ctx.article_id, name, words, "PERSON", actor_id),)
        last = t.lower_
        for m in reversed(ctx.mentions):
            if m.label == "PERSON" and m.span.end <= name.start and m.text.lower().split()[-1:] == [last]:
                return (m,)
        return (None,)
    return None


# Nouns for a person, which a "he" or "she" after them stands for sooner than a name before them.
PERSON_NOUNS = frozenset(
    "secretary spokesman spokeswoman spokesperson minister official envoy ambassador diplomat "
    "negotiator adviser advisor aide judge lawyer attorney prosecutor investigator witness "
    "officer commander general soldier analyst expert researcher professor journalist reporter "
    "correspondent editor author activist resident man woman mother father son daughter wife "
    "husband lawmaker senator deputy mayor governor chairman chairwoman director spy".split()
)


def _unnamed_person_between(ctx: SpeakerContext, start: int, end: int) -> bool:
    """Whether the subject of a clause in ``[start, end)`` is a person no mention names (a
    singular person noun: "the secretary of one of the judges", "a witness")."""
    return any(
        t.pos_ == "NOUN"
        and t.tag_ == "NN"
        and t.lemma_.lower() in PERSON_NOUNS
        and not any(m.span.start <= t.idx < m.span.end for m in ctx.mentions)
        and not any(c.dep_ == "poss" for c in t.children)  # "his wife": the possessor's
        for t in _subjects(ctx, start, end)
    )


def _subjects(ctx: SpeakerContext, start: int, end: int) -> list[Token]:
    """Subjects of finite clauses outside quotes, in ``[start, end)``, in text order."""
    span = ctx.doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    return [
        t
        for t in span
        if t.dep_ in _SUBJECT_DEPS
        and not any(a <= t.idx < b for a, b in ctx.quoted)
        and (
            t.head.tag_ in _FINITE
            or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in t.head.children)
        )
    ]


def _empty_it(doc: Doc, source: Span) -> bool:
    """The "it" of "it is reported that", "it is wrong to ...", "it seems that": no one."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    t: Token = span[0]
    if t.dep_ in ("expl", "nsubjpass"):
        return True
    head = t.head
    return head.lemma_ in ("be", "seem", "appear") and any(
        c.dep_ in ("acomp", "attr", "ccomp", "xcomp") for c in head.children
    )


def _transcript_labels(text: str, mentions: Sequence[Mention]) -> list[tuple[int, Mention]]:
    """Paragraphs opening with a person's name and a colon ("Jane Doe: I think ..."): the
    speaker of the first-person words that follow, until the next label."""
    people = {(m.span.start, m.span.end): m for m in mentions if m.label == "PERSON"}
    return [(x.start(1), people[x.span(1)]) for x in _LABEL.finditer(text) if x.span(1) in people]


def _possessive(text: str, m: Mention) -> bool:
    return text[m.span.end : m.span.end + 1] in ("'", "’")  # "X's", "X’s", "Xs'"


def _sentence_index(starts: list[int], char: int) -> int:
    return max(bisect.bisect_right(starts, char) - 1, 0)
