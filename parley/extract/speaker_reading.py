"""What speaker resolution reads in one article, shared by its rules for noun phrases
(:mod:`parley.extract.speakers`) and for "he"/"she" (:mod:`parley.extract.pronouns`): the
article's context and the speakers found so far, where its sentences start and end, the
subjects of its clauses, whether a mention is a person and who it names, and the nouns for a
person.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parley.extract.registry import ActorRegistry, fold, names_agree, strip_honorifics
from parley.models import Mention, Span

# How far back (in sentences) a pronoun may reach for the latest speaker.
PRONOUN_REACH = 4
_BODY_LABELS = ("ORG", "GPE")  # what "it", "they" and "we" may stand for
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_FINITE = ("VBD", "VBZ", "VBP", "MD")

# Nouns for a person, which a "he" or "she" after them stands for sooner than a name before them.
PERSON_NOUNS = frozenset(
    "secretary spokesman spokeswoman spokesperson minister official envoy ambassador diplomat "
    "negotiator adviser advisor aide judge lawyer attorney prosecutor investigator witness "
    "officer commander general soldier analyst expert researcher professor journalist reporter "
    "correspondent editor author activist resident man woman mother father son daughter wife "
    "husband lawmaker senator deputy mayor governor chairman chairwoman director spy".split()
)


# Nouns for a person holding a role, which "the X said" may take from a speaker named before
# with that role ("the president", "the minister"); no body ("the ministry", "the agencies").
ROLE_NOUNS = PERSON_NOUNS | frozenset(
    "president chancellor premier leader king queen pope chief head prince monarch ruler "
    "commissioner representative delegate emissary mediator founder candidate politician "
    "prelate archbishop bishop patriarch cleric".split()
)

# Nouns for the staff whose findings are their organisation's ("ISW analysts note ..."): words
# said by "X analysts" are X's.
ANALYST_NOUNS = frozenset("analyst researcher economist expert scholar".split())


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
    sources: list[tuple[Span, Mention | None]] = field(default_factory=list)  # speaker words, whom
    paragraphs: list[int] = field(default_factory=list)  # where each paragraph starts
    genders: dict[str, set[str]] | None = None  # person key -> "m"/"f" the text shows (lazily)

    def sentence(self, char: int) -> int:
        return _sentence_index(self.sent_starts, char)

    def paragraph_start(self, char: int, back: int = 0) -> int:
        """Where the paragraph holding ``char`` starts, or the one ``back`` paragraphs before."""
        return self.paragraphs[max(bisect.bisect_right(self.paragraphs, char) - 1 - back, 0)]


def declared_gender(ctx: SpeakerContext, key: str) -> str | None:
    """The gender the dossier's ``pronouns`` give the person a person key names ("m", "f", "x"
    for "they"), or None (not a registered actor, or not given)."""
    spec = ctx.registry.specs.get(key)
    return spec.gender if spec else None


def _sentence_index(starts: list[int], char: int) -> int:
    return max(bisect.bisect_right(starts, char) - 1, 0)


def _sent_end(ctx: SpeakerContext, sentence: int) -> int:
    return ctx.sent_starts[sentence + 1] if sentence + 1 < len(ctx.sent_starts) else len(ctx.text)


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


def _main_clause(t: Token) -> bool:
    """Whether ``t`` is the subject of its sentence's main clause (or of a verb joined to it)."""
    h = t.head
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    return h.dep_ not in ("ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp", "pobj")


def _is_person(ctx: SpeakerContext, m: Mention) -> bool:
    """A person mention, or one the registry ties to a person whatever the NER label."""
    actor = ctx.registry.actor(m.actor_id) if m.actor_id else None
    return m.label in ("PERSON", "ROLE") or (actor is not None and actor.kind == "person")


def _possessive(text: str, m: Mention) -> bool:
    return text[m.span.end : m.span.end + 1] in ("'", "’")  # "X's", "X’s", "Xs'"


def _person_key(ctx: SpeakerContext, m: Mention) -> str:
    """Who a person mention names: its actor, else its last name word."""
    if m.actor_id:
        return m.actor_id
    words = strip_honorifics(m.text).split()
    return "~" + fold(words[-1]) if words else "~"


def named_elsewhere(ctx: SpeakerContext, root: Token, source: Span) -> Mention | None:
    """A name in the speaker words the model found no entity for ("Roe", "Chairperson Jane
    Roe" with nothing found there), when the article names that person elsewhere: the
    nearest mention before the words (else after) whose name ends with the same word, provided
    every such mention names one person (their full names, and the first name in the words if
    any, agree: two people who share a surname are never guessed between)."""
    if root.pos_ != "PROPN" or not root.text[:1].isupper():
        return None
    surname = fold(root.text)
    named = [
        m
        for m in ctx.mentions
        if m.label == "PERSON"
        and not (source.start <= m.span.start < source.end)
        and fold(strip_honorifics(m.text)).split()[-1:] == [surname]
    ]
    firsts = [c for c in root.children if c.dep_ == "compound" and c.i == root.i - 1 and c.pos_ == "PROPN"]
    names = {fold(strip_honorifics(m.text)) for m in named} | {f"{fold(c.text)} {surname}" for c in firsts}
    full = [n for n in names if len(n.split()) > 1]
    ids = {m.actor_id for m in named if m.actor_id}
    if not named or len(ids) > 1 or not all(names_agree(a, b) for a in full for b in full):
        return None
    before = [m for m in named if m.span.end <= source.start]
    return before[-1] if before else named[0]


def named_with_role(ctx: SpeakerContext, words: SpacySpan) -> Mention | None:
    """ "The photographer said": the person the article named with that noun before ("photographer
    Jane Roe", "the prosecutor, Jane Roe", "Archbishop Roe"), when the nearest use of the noun
    before (over other bare "the photographer"s) is that person's and no other person is named
    with it. A noun that brought in someone else ("a photographer", "the photographer of the
    agency") in between is whom the words mean: no one named."""
    noun = words.root.lemma_.lower()
    for t in reversed(ctx.doc[: words.start]):
        if t.lemma_.lower() != noun or any(a <= t.idx < b for a, b in ctx.quoted):
            continue
        person = _person_named_by(ctx, t)
        if person is not None:
            break
        if not _bare_definite(t):
            return None  # "one foreign minister", "the secretary of one of the judges"
    else:
        return None
    key = _person_key(ctx, person)
    for m in ctx.mentions:
        if m.span.start >= words.start_char or not _is_person(ctx, m):
            continue
        if noun in fold(f"{m.role or ''} {m.text}").split() and _person_key(ctx, m) != key:
            return None  # two people named with the noun: no guess
    return person


def _person_named_by(ctx: SpeakerContext, t: Token) -> Mention | None:
    """The person mention a noun is the title or role of: it is in the name ("Archbishop Roe"),
    modifies it ("photographer Jane Roe"), or has it in apposition ("the prosecutor, Jane Roe")."""
    for m in ctx.mentions:
        if not _is_person(ctx, m):
            continue
        inside = m.span.start <= t.idx < m.span.end
        modifies = t.dep_ in ("compound", "amod", "nmod", "appos") and m.span.start <= t.head.idx < m.span.end
        apposed = any(c.dep_ == "appos" and m.span.start <= c.idx < m.span.end for c in t.children)
        if inside or modifies or apposed:
            return m
    return None


def _bare_definite(t: Token) -> bool:
    """ "the photographer": a singular noun with "the" and nothing after it, pointing back."""
    return (
        t.tag_ in ("NN", "NNP")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        and not any(c.i > t.i and c.dep_ not in ("punct",) for c in t.children)
    )
