"""Trigger words read in a sense that is no event of their type (the ``senses`` of a type in the
taxonomy, ``parley/data/events.yaml`` by default, read with it by :mod:`.event_taxonomy`):

- a verbal attack (``verbal_verbs``, ``force_words``, ``speaker_nouns``, ``target_nouns``,
  ``speech_nouns``): "X attacked the senator for her record", "the paper attacked the plan", "she
  attacked loopholes" is no strike (:mod:`parley.extract.event_attacks`);
- an idiom of a verb and a preposition, ``idiom_preps``: "seized on a report" exploits it;
- an appeal or an idiom of a noun: "a call for more aid" (``appeal_preps``), "a wake-up call"
  (``idiom_modifiers``); never with one of ``kinds`` on the noun ("a phone call");
- consent, not agreement: "agreed to an interview" (``consent_nouns``); a person as what is agreed
  or approved (``person_objects: false``): "endorsed the senator", "all agreed the challenger won" concur;
- a document handed over: "delivered the agreements to X" (a noun of the type as the object of
  one of ``document_verbs`` with a recipient), not the agreement itself;
- an idiom of a verb and its object, ``idiom_objects``: "striking a blow for a principle";
- a route or a distance, not a visit: one of ``route_verbs`` with a direct object and no "to"
  ("traveled the country and the world", "flew 12 hours"; but "flew a team to the capital" is one);
- a verdict, not a statement: one of ``verdict_verbs`` with a complement ("was declared dead",
  "declared him the winner");
- a thing that comes, not a visit: a subject of ``cargo_nouns`` ("the first batch of evidence
  arrived at the lab", "the shipment arrived");
- words just said, not a document: one of ``spoken_objects`` after "this" or "that" ("delivered
  this message to the board", after the speech it sums up);
- a thing taken, not a place: one of ``place_verbs`` whose object (or passive subject, or the noun
  its participle describes) is a common noun that is none of ``place_nouns`` nor "of" a place
  ("occupied the front row", "seized weapons", "captured the moment"; but "seized the village",
  "captured 300 square kilometres", "seized control of X", "occupied X"): :func:`_thing_taken`.

Used by :func:`parley.extract.event_triggers.fires`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley.extract.event_attacks import Attacks, is_person, place_token, verbal_attack
from parley.models import Mention


@dataclass(frozen=True)
class Senses:
    attacks: Attacks = Attacks()  # "X attacked the senator": words, not force
    idiom_preps: tuple[tuple[str, frozenset[str]], ...] = ()  # ("seize", {"on", "upon"})
    appeal_preps: frozenset[str] = frozenset()  # "a call for more aid"
    idiom_modifiers: frozenset[str] = frozenset()  # "a wake-up call"
    kinds: frozenset[str] = frozenset()  # "a phone call": always the event
    consent_nouns: frozenset[str] = frozenset()  # "agreed to an interview"
    person_objects: bool = True  # False: "endorsed the senator" is no agreement
    document_verbs: frozenset[str] = frozenset()  # "delivered the agreements to X"
    idiom_objects: frozenset[str] = frozenset()  # "striking a blow for a principle"
    route_verbs: frozenset[str] = frozenset()  # "traveled the country": no visit
    verdict_verbs: frozenset[str] = frozenset()  # "was declared dead": no statement
    cargo_nouns: frozenset[str] = frozenset()  # "the evidence arrived": no visit
    spoken_objects: frozenset[str] = frozenset()  # "delivered this message": words, no document
    place_verbs: frozenset[str] = frozenset()  # "occupied the front row": a place only
    place_nouns: frozenset[str] = frozenset()  # "seized the village": what is a place


ATTACK_KEYS = ("verbal_verbs", "force_words", "speaker_nouns", "target_nouns", "speech_nouns")


def _words(data: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or ())


def senses_of(data: dict) -> Senses:
    """A type's ``senses`` in the taxonomy file (lemmas, lower case), read by
    :func:`parley.extract.event_taxonomy.load_taxonomy`."""
    return Senses(
        Attacks(*(_words(data, k) for k in ATTACK_KEYS)),
        tuple((v, frozenset(p)) for v, p in (data.get("idiom_preps") or {}).items()),
        _words(data, "appeal_preps"),
        _words(data, "idiom_modifiers"),
        _words(data, "kinds"),
        _words(data, "consent_nouns"),
        bool(data.get("person_objects", True)),
        _words(data, "document_verbs"),
        _words(data, "idiom_objects"),
        _words(data, "route_verbs"),
        _words(data, "verdict_verbs"),
        _words(data, "cargo_nouns"),
        _words(data, "spoken_objects"),
        _words(data, "place_verbs"),
        _words(data, "place_nouns"),
    )


def misread(token: Token, senses: Senses, mentions: Sequence[Mention], speech: frozenset[str]) -> bool:
    """Whether the trigger word is meant in a sense that is no event of its type (``senses``, the
    type's: ``EventType.senses``)."""
    if token.pos_ == "VERB":
        return (
            verbal_attack(token, senses.attacks, mentions, speech)
            or _idiom(token, senses)
            or _consent(token, senses, mentions)
            or _object_sense(token, senses)
            or _thing_taken(token, senses, mentions)
        )
    return _appeal(token, senses) or _handed_over(token, senses)


def _idiom(verb: Token, senses: Senses) -> bool:
    """ "seized on a report", "seizing upon the news": the verb and its preposition, with no
    object, mean to exploit (never "seized on Monday the town")."""
    preps = next((p for v, p in senses.idiom_preps if v == verb.lemma_.lower()), None)
    if not preps or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in preps and not _times(c) for c in verb.children)


def _object_sense(verb: Token, senses: Senses) -> bool:
    """ "striking a blow for the principle" (an idiom), "traveled the country and the world" (a
    route), "was declared dead" (a verdict), "the evidence arrived" (a thing), "delivered this
    message" (words just said)."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in senses.idiom_objects for o in objects):
        return True
    doc = verb.doc
    # a noun right in the verb's words, not one after a dash the parser hung on it ("flew here
    # ... - one he has waged")
    if lemma in senses.route_verbs and any(
        o.pos_ == "NOUN" and not any(t.is_punct for t in doc[verb.i + 1 : o.i]) for o in objects
    ):
        # "traveled the country and the world"; but "flew a team to the capital" went there
        return not any(c.dep_ == "prep" and c.lower_ in ("to", "into", "for") for c in verb.children)
    if any(
        o.lemma_.lower() in senses.spoken_objects and any(c.lower_ in DEMONSTRATIVES for c in o.children)
        for o in objects
    ):
        return True  # "delivered this message to the board": what was just said
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(w.lemma_.lower() in senses.cargo_nouns for s in subjects for w in (s, *_of_objects(s))):
        return True  # "the first batch of evidence arrived at the lab"
    return lemma in senses.verdict_verbs and any(c.dep_ in ("oprd", "acomp") for c in verb.children)


DEMONSTRATIVES = {"this", "that", "these", "those"}


def _thing_taken(verb: Token, senses: Senses, mentions: Sequence[Mention]) -> bool:
    """ "occupied the front row", "seized a car bomb", "capture the moment": one of
    ``place_verbs`` whose object is a common noun that is no place: none of ``place_nouns``
    ("village", "airfield", "kilometre"), no place by the parse or a mention, and with no
    place after "of" ("control of the town", "20 percent of the region"). A name ("seized
    X", which the parser may not know for a place), a person ("seized in a raid" with a
    name as its subject) or no object at all tells nothing: the verb stays a capture."""
    if verb.lemma_.lower() not in senses.place_verbs:
        return False
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not taken and verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN":
        taken = [verb.head]  # "the seized weapons", "weapons seized at the border"
    if not taken:
        return False
    return all(o.pos_ == "NOUN" and not _place_noun(o, senses, mentions) for o in taken)


def _place_noun(noun: Token, senses: Senses, mentions: Sequence[Mention]) -> bool:
    """A common noun that names a place: one of ``place_nouns``, a place by the parse or a
    mention, or a noun with a place after "of" ("control of X", "the rest of the region")."""
    if (
        noun.lemma_.lower() in senses.place_nouns
        or noun.lower_ in senses.place_nouns
        or place_token(noun, mentions)
    ):
        return True
    return any(o.pos_ == "PROPN" or _place_noun(o, senses, mentions) for o in _of_objects(noun))


def _of_objects(noun: Token) -> list[Token]:
    """ "a batch of evidence": the noun after "of"."""
    return [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]


def _times(prep: Token) -> bool:
    return any(o.ent_type_ in ("DATE", "TIME") for o in prep.children if o.dep_ == "pobj")


def _appeal(noun: Token, senses: Senses) -> bool:
    """ "a call for more refugees", "a call for X to accept ...", "a wake-up call": no call; but
    "a phone call for an hour" is one."""
    if any(c.lemma_.lower() in senses.kinds for c in noun.children if c.dep_ in ("compound", "amod")):
        return False
    if any(
        c.lemma_.lower() in senses.idiom_modifiers or c.lower_ in senses.idiom_modifiers
        for c in noun.children
        if c.dep_ in ("compound", "amod")
    ):
        return True
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in senses.appeal_preps and not _times(c):
            return True  # "a call for more aid"
        marks = [m.lower_ for m in c.children if m.dep_ == "mark"]
        if c.dep_ in ("advcl", "acl", "relcl") and any(m in senses.appeal_preps for m in marks):
            return True  # "a call for the country to accept more refugees"
    return False


def _consent(verb: Token, senses: Senses, mentions: Sequence[Mention]) -> bool:
    """ "agreed to an interview": one party's consent; "endorsed the senator", "all agreed the challenger won"
    (a name the parser took for the object of a clause): backing or concurring, no agreement."""
    tos = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children]
    if any(o.dep_ == "pobj" and o.lemma_.lower() in senses.consent_nouns for o in tos):
        return True
    if senses.person_objects:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") and not _times(c) for c in verb.children):
        return False  # "agreed with the envoy on the terms"
    for o in (c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1):
        following = o.doc[o.i + 1] if o.i + 1 < len(o.doc) else None
        if is_person(o, mentions):
            return True
        if o.pos_ == "PROPN" and following is not None and following.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True  # "all agreed the challenger won": a clause, not what was agreed
    return False


def _handed_over(noun: Token, senses: Senses) -> bool:
    """ "delivered the immunity agreements for X", "sent the accord to Y": a document handed over
    to someone, not the agreement (but "delivered a ceasefire", with no one to receive it, is)."""
    head = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or head.lemma_.lower() not in senses.document_verbs:
        return False
    preps = [c for t in (noun, head) for c in t.children if c.dep_ == "prep"]
    return any(c.lower_ in ("to", "for") for c in preps) or any(c.dep_ == "dative" for c in head.children)
