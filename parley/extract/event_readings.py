"""How a trigger word is meant: whether "met" is a meeting, "agreed" an agreement, "occupies" a
capture, and whether the event is told as fact, claimed or denied.

- :func:`meets_someone`: a verb of ``party_verbs`` ("meet", "host") is a meeting only when
  someone meets someone: a party as its object ("met the envoy"), "with" a party ("met with
  Putin", "hosted a dinner for him"), or, without an object, parties as its subject ("the two
  sides met"); never "met an ill fate", "meets its demands", "met expectations". A party is a
  name of a person, body or country (the parse's entity or an extracted mention), a role, a
  personal pronoun, or a noun of ``words.party_nouns``; coordinated words count together ("the
  envoy and his team").
- :func:`unilateral`: "signed a law", "approved the budget": one party's act, no agreement,
  unless another party is named ("signed a memorandum with X").
- :func:`a_state`: "Russia occupies 20%", "occupied since 2014", "occupied Crimea": a state,
  not the event of occupying.
- :func:`told_as`: "claimed that the two sides agreed", "denied that they met": the event is
  ``claimed`` or ``denied``, not reported as fact.
- :func:`reported_by`: "Ukraine reported Russian strikes": the verb above a noun trigger only
  tells of it; its subject is no party and its date is not the event's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TypeVar

from spacy.tokens import Token

from parley.models import Mention

_T = TypeVar("_T")

PARTY_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
PARTY_MENTIONS = {"PERSON", "ROLE", "ORG", "GPE", "NORP"}
# personal pronouns that stand for a party ("met him", "they met"); not "it", "this", "which"
PARTY_PRONOUNS = {"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "me", "who", "whom"}
OBJECT_DEPS = ("dobj", "nsubjpass")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True)
class Words:  # the file's ``words`` lists, by the names of its fields
    party_nouns: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    side_nouns: frozenset[str] = frozenset()  # "Russian delegations": the side's government
    title_nouns: frozenset[str] = frozenset()  # "Kremlin newswire TASS": TASS's owner is no party
    speech_verbs: frozenset[str] = frozenset()  # "X told Y in an interview": X and Y took part
    attend_preps: frozenset[str] = frozenset()  # "X emerged from talks": X took part
    measured_attend_preps: frozenset[str] = frozenset()  # "after six hours of talks, X said"


def lists_of(kind: type[_T], data: dict) -> _T:
    """A ``kind`` (a dataclass of word sets) of the taxonomy file's lists of ``data`` named by its
    fields (lemmas, lower case; a list not given is empty)."""
    names = [f.name for f in fields(kind)]  # type: ignore[arg-type]
    return kind(**{name: frozenset(str(w).lower() for w in data.get(name) or ()) for name in names})


def words_of(data: dict) -> Words:
    """The taxonomy file's ``words`` lists (lemmas, lower case), read by
    :func:`parley.extract.event_taxonomy.load_taxonomy`."""
    return lists_of(Words, data)


def is_party(token: Token, mentions: Sequence[Mention], words: Words) -> bool:
    """Whether the noun phrase headed by ``token`` (or one coordinated with it) names someone who
    can meet: a person, a body, a country, a role, a personal pronoun or a party noun."""
    for t in (token, *token.conjuncts):
        if t.tag_ in ("WDT", "WP") and t.head.dep_ == "relcl":  # "the envoy whom he met"
            t = t.head.head
        if t.ent_type_ in PARTY_ENTITIES or t.lemma_.lower() in words.party_nouns:
            return True
        if t.pos_ == "PRON" and t.lower_ in PARTY_PRONOUNS:
            return True
        if t.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in t.children):
            return True  # "met each other", "one another"
        if any(m.label in PARTY_MENTIONS and m.span.start <= t.idx < m.span.end for m in mentions):
            return True
    return False


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject, or that of the verb it hangs from ("agreed to meet", "arrived and met")."""
    t = verb
    for _ in range(3):
        found = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
        if found:
            return found
        if t.dep_ not in ("xcomp", "conj", "advcl") or t.head.i == t.i:
            return []
        t = t.head
    return []


def _objects_of(word: Token, preposition: str) -> list[Token]:
    return [
        pobj
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ == preposition
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def meets_someone(verb: Token, mentions: Sequence[Mention], words: Words) -> bool:
    """ "Met the envoy", "met with Putin", "the two sides met"; not "met an ill fate", "meets its
    demands", "the conditions were met"."""
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    withs = _objects_of(verb, "with")
    fors = [o for t in (verb, *objects) for o in _objects_of(t, "for")]
    if any(is_party(o, mentions, words) for o in (*objects, *withs, *fors)):
        return True  # "met the envoy", "met with Putin", "hosted a dinner for him"
    if objects or withs:
        return False  # "met an ill fate", "meets its demands", "met with scepticism"
    subjects = _subjects(verb)
    if verb.dep_ == "relcl" and not subjects:
        subjects = [verb.head]
    return not subjects or any(is_party(s, mentions, words) for s in subjects)


def unilateral(verb: Token, not_objects: frozenset[str]) -> bool:
    """ "Signed a law", "approved the budget", "the law signed by X": one party's act, unless
    another party is named ("signed a memorandum with X", "a decree between ...")."""
    if not not_objects:
        return False
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        objects.append(verb.head)
    if not any(o.lemma_.lower() in not_objects for o in objects):
        return False
    if any(t.lower_ == "understanding" for o in objects for t in o.subtree):
        return False  # a memorandum of understanding
    return not any(
        c.dep_ == "prep" and c.lower_ in ("with", "between") for t in (verb, *objects) for c in t.children
    )


def a_state(verb: Token) -> bool:
    """ "Russia occupies 20%", "Russian forces occupy", "had occupied since 2014", "occupied
    Crimea": a state, not the event. Only a verb in the past tense, with nothing under "since",
    tells of the event ("Russian forces occupied the town in March")."""
    if verb.dep_ == "amod" or verb.tag_ in ("VBZ", "VBP", "VBG"):
        return True
    if any(c.lower_ == "since" for c in verb.children):
        return True
    return verb.tag_ == "VB" and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def told_as(trigger: Token, words: Words) -> str | None:
    """ "claimed that the two sides agreed", "claimed to have captured", "denied meeting him",
    "claimed the capture of X": ``claimed`` or ``denied`` when the first verb above the trigger
    takes its clause (or the trigger itself) as its complement and is a verb of claiming or of
    denial; None otherwise (told as fact, or by a verb that only reports it: "said")."""
    t = trigger
    while t.head.i != t.i:
        dep, head = t.dep_, t.head
        if dep == "conj":  # "claimed that they struck X and seized Y"
            t = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            own = t.i == trigger.i or t.i in {c.i for c in trigger.conjuncts}
            if not (dep in ("ccomp", "xcomp") or (own and dep in ("dobj", "nsubjpass", "pcomp"))):
                return None
            if any(c.dep_ == "neg" for c in head.children):
                return None  # "did not deny that they met"
            lemma = head.lemma_.lower()
            if lemma in words.claim_verbs:
                return "claimed"
            return "denied" if lemma in words.denial_verbs else None
        t = head
    return None


def reported_by(trigger: Token, words: Words) -> Token | None:
    """The verb of reporting a noun trigger is the object of ("Ukraine reported strikes", "the UN
    condemned the attacks"), whose subject and details are the report's, not the event's."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    t = trigger
    while t.dep_ == "conj" and t.head.i != t.i:  # "reported strikes and missile launches"
        t = t.head
    head = t.head
    if t.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in words.reporting_verbs:
        return head
    return None
