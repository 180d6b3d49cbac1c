"""Which words are event triggers and how they are told: a verb or noun of an event type that
takes what the type needs (:func:`fires`), negated, planned, and the sides a noun's adjectives
name as the doer, or the adjectives of the forces that are a verb's subject ("Russian forces struck
a hospital": :func:`sides_modifying`). Used by :mod:`parley.extract.events`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from parley.extract.event_details import PLANNED_AUX
from parley.extract.event_readings import Words, a_state, meets_someone, unilateral
from parley.extract.event_senses import misread
from parley.extract.registry import ActorRegistry
from parley.models import Mention

if TYPE_CHECKING:
    from parley.extract.events import EventType

PLANNED_HEADS = {"expect", "plan", "schedule", "due", "set", "hope", "want", "intend", "propose"}


def fires(
    token: Token,
    taxonomy: Sequence[EventType],
    words: set[str],
    mentions: Sequence[Mention],
    lists: Words,
) -> EventType | None:
    lemma = token.lemma_.lower()
    for t in taxonomy:
        if t.requires_any and not (t.requires_any & words):
            continue
        if token.pos_ == "VERB" and lemma in t.verbs:
            if t.verb_deps and not _takes(token, t):
                continue  # "agreed that it was hard", "agreed with the statement"
            if lemma in t.party_verbs and not meets_someone(token, mentions, lists):
                continue  # "met an ill fate", "meets its demands"
            if lemma in t.stative_verbs and a_state(token):
                continue  # "Russia occupies 20%"
            if unilateral(token, t.not_objects):
                continue  # "signed a law"
            if misread(token, t.senses, mentions, lists.speech_verbs):
                continue  # "Trump attacked Clinton", "seized on a report", "agreed to an interview"
            if not t.objects or _has_object(token, t.objects):
                return t
        elif token.pos_ == "VERB" and any(
            lemma == verb and _has_object(token, objects) for verb, objects in t.verbs_with_objects
        ):
            return t
        elif token.pos_ in ("NOUN", "PROPN") and lemma in t.nouns and _noun_fires(token, lemma, t):
            if misread(token, t.senses, mentions, lists.speech_verbs):
                continue  # "a call for more aid", "a wake-up call", "delivered the agreements to X"
            return t
    return None


def _participle_of(verb: Token) -> bool:
    """ "the framework agreed in Geneva": a past participle whose noun is what it is done to."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


# prepositions that say what was agreed ("agreed on a ceasefire", "agreed to the terms")
WHAT_PREPS = {"on", "to", "upon", "over"}


def _takes(verb: Token, t: EventType) -> bool:
    """Whether the verb has a dependant of ``verb_deps`` (a past participle's noun counts as its
    passive subject: "the framework agreed in Geneva"); a preposition only with something other
    than a time ("agreed on Monday" is no agreement). With one of ``not_preps`` ("agreed with
    the statement", "with which X agreed": an opinion), only what says what was agreed counts:
    an object, a clause, "on", "to" ... ("agreed with Kyiv on a ceasefire")."""
    opinion = any(c.dep_ == "prep" and c.lower_ in t.not_preps for c in verb.children)
    if _participle_of(verb) and "nsubjpass" in t.verb_deps:
        return True
    for child in verb.children:
        if child.dep_ != "prep":
            if child.dep_ in t.verb_deps:
                return True
            continue
        if "prep" not in t.verb_deps or child.lower_ in t.not_preps:
            continue
        if opinion and child.lower_ not in WHAT_PREPS:
            continue
        if any(o.ent_type_ not in ("DATE", "TIME") for o in child.children if o.dep_ in ("pobj", "pcomp")):
            return True
    return False


def _noun_fires(token: Token, lemma: str, t: EventType) -> bool:
    """ "talks" but not "talk of war"; "a round of talks" but not "a round of mobilisation"."""
    if lemma in t.plural_nouns and token.tag_ not in ("NNS", "NNPS"):
        return False
    for noun, objects in t.nouns_with_of:
        if noun == lemma:
            of = [o for c in token.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
            if of and not any(o.lemma_.lower() in objects for o in of):
                return False
            if not of and token.tag_ == "NNS" and [c.lower_ for c in token.children] == ["the"]:
                return False  # "doing the rounds": an idiom, no round of anything
    return True


def _has_object(verb: Token, objects: frozenset[str]) -> bool:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and (
            child.lemma_.lower() in objects or any(t.lemma_.lower() in objects for t in child.subtree)
        ):
            return True
    return False


def negated(token: Token) -> bool:
    """ "did not meet", "no talks"; also a "not" the parser hung on the auxiliary ("were not yet
    approved")."""
    head = token if token.pos_ == "VERB" else token.head
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return any(c.dep_ == "neg" for t in (head, *aux) for c in t.children) or any(
        c.dep_ == "det" and c.lower_ == "no" for c in token.children
    )


# "before X travels to Moscow": a verb in the present after these tells of what is to come
FUTURE_MARKS = {"before", "until", "till", "when", "once", "after"}


def planned(token: Token) -> bool:
    """A future, possible or intended event: "will meet", "talks are scheduled", "told him to
    meet", "before he travels to Moscow"."""
    verb = token if token.pos_ == "VERB" else token.head
    present = verb.tag_ in ("VBZ", "VBP")
    if present and any(c.dep_ == "mark" and c.lower_ in FUTURE_MARKS for c in verb.children):
        return True
    for t in (verb, verb.head):
        to_do = t.dep_ != "acl"  # "expected to meet", but not "a plan to end the war"
        if any(
            c.dep_ == "aux" and (c.lower_ in PLANNED_AUX or (c.tag_ == "TO" and to_do)) for c in t.children
        ):
            return True
        if t.lemma_.lower() in PLANNED_HEADS and t.i != token.i:  # spaCy tokens: compare by index
            return True
    if verb.dep_ == "pcomp":
        # "could be averted through negotiating with X", "plans for seizing the airfield": the
        # gerund tells of a means or an aim (but "failed to protect him from being seized" did happen)
        above = verb.head.head
        return above.lemma_.lower() in PLANNED_HEADS or any(
            c.dep_ == "aux" and c.lower_ in PLANNED_AUX for c in above.children
        )
    return False


def sides_modifying(trigger: Token, registry: ActorRegistry) -> list[str]:
    """The sides a noun trigger's adjectives or names stand for: "Russian air strikes", "renewed
    Ukrainian drone attacks" (through the noun's compounds), "US strikes"; not "strikes on Russian
    refineries" (that side is struck)."""
    if trigger.pos_ == "VERB":
        return _sides_of_forces(trigger, registry)
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return []
    nouns = [trigger, *(c for c in trigger.children if c.dep_ == "compound")]
    return _sides_before(nouns, trigger.i, registry)


def _sides_before(nouns: list[Token], before: int, registry: ActorRegistry) -> list[str]:
    """The sides named by the nouns' modifiers that stand before position ``before``, once each."""
    sides = []
    for noun in nouns:
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < before:
                side = registry.side_of_word(c.text) or registry.place_side(c.text)
                if side:
                    sides.append(side)
    return list(dict.fromkeys(sides))


# Nouns of armed forces whose side adjective names the doer: "Russian forces struck a hospital"
FORCE_NOUNS = {"force", "troop", "drone", "military", "army", "soldier", "unit", "navy", "artillery"}


def _sides_of_forces(verb: Token, registry: ActorRegistry) -> list[str]:
    """ "Russian forces struck a hospital", "Ukrainian drones hit a refinery": the side of the
    forces that are the verb's subject and struck something (its object); not "Russian forces
    attacked near X" (an assault on a front line, no one strike)."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in FORCE_NOUNS]
    return _sides_before(subjects, subjects[0].i if len(subjects) == 1 else verb.i, registry)


BULLETS = ("-", "–", "•", "*")


def habitual(trigger: Token) -> bool:
    """ "Whenever I visit Moscow", "as Russia bombs the grid", "in the plan, Ukraine agrees to
    ...": a verb in the present tells of a habit or of a text's terms; not in a bulleted summary
    line ("- US and Ukrainian teams agree a framework in Geneva"), where it tells of news."""
    if trigger.tag_ not in ("VBZ", "VBP"):
        return False
    return not trigger.sent.text.lstrip().startswith(BULLETS)


def bare_noun(noun: Token) -> bool:
    """ "Russian attacks", "Russian shelling": a noun with no determiner, number or possessor,
    which speaks of strikes in general unless a date or figures pin one down."""
    return not any(c.dep_ in ("det", "nummod", "poss") for c in noun.children)
