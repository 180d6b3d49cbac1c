"""Trigger words that tell of no event that happened (the ``hypotheses`` lists of the taxonomy,
``parley/data/events.yaml`` by default, read with it by :mod:`.event_taxonomy`), skipped by
:mod:`parley.extract.events`:

- a possibility, not an event: the object of "of" under one of ``possibility_nouns`` ("the
  possibility of a meeting reemerged", "the threat of strikes"), or the subject of a verb with
  "could", "might" or "may" that tells what the event would do, not that it would happen
  ("warnings that air strikes could harm relations"; "talks could take place on Monday", a verb
  of ``happen_verbs``, stay planned);
- a requirement or a rule: a verb under "must" or "ought" ("any decision must be agreed
  jointly");
- advice or a habit: a gerund after "when", "whenever", "if" or "while" in a clause in the
  present ("travellers should exercise caution when visiting X"), not one told in the past ("while
  visiting the capital on Monday, he said ...");
- an event named inside another thing: a noun that qualifies one of ``inside_nouns``, or the
  object of "of" under one ("bombing victims", "victims of the attacks", "the anniversary of the
  bombing"; also "bombing victims" the parser read as a verb and its object): the sentence is
  about the victims or the anniversary, and its date and place are theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from parley.extract.event_readings import lists_of

POSSIBLE_AUX = {"could", "might", "may"}
REQUIRED_AUX = {"must", "ought"}
ADVICE_MARKS = {"when", "whenever", "if", "while"}
PAST_TAGS = {"VBD", "VBN"}


@dataclass(frozen=True)
class Hypotheses:  # the file's ``hypotheses`` lists, by the names of its fields
    possibility_nouns: frozenset[str] = frozenset()  # "the possibility of a meeting"
    happen_verbs: frozenset[str] = frozenset()  # "talks could take place": planned, kept
    inside_nouns: frozenset[str] = frozenset()  # "victims of the attacks"


def hypotheses_of(data: dict) -> Hypotheses:
    """The taxonomy file's ``hypotheses`` lists (lemmas, lower case), read by
    :func:`parley.extract.event_taxonomy.load_taxonomy`."""
    return lists_of(Hypotheses, data)


def no_happening(token: Token, lists: Hypotheses) -> bool:
    """Whether the trigger tells of no event that happened (see the module); ``lists`` are the
    taxonomy's (``Taxonomy.hypotheses``)."""
    if token.pos_ in ("NOUN", "PROPN"):
        return (
            _of_noun(token, lists.possibility_nouns | lists.inside_nouns)
            or _qualifies(token, lists.inside_nouns)
            or _would_do(token, lists.happen_verbs)
        )
    return token.pos_ == "VERB" and (
        _required(token) or _advice(token) or _names_victims(token, lists.inside_nouns)
    )


def _of_noun(noun: Token, nouns: frozenset[str]) -> bool:
    """ "the possibility of a meeting", "victims of terrorist attacks": the noun is what "of"
    under one of ``nouns`` names (also as an item of a list: "of the talks and the summit")."""
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    prep = t.head
    return (
        t.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i != prep.i
        and prep.head.lemma_.lower() in nouns
    )


def _qualifies(noun: Token, inside: frozenset[str]) -> bool:
    """ "bombing victims", "the attack suspects": a noun that only qualifies one of ``inside``."""
    head = noun.head
    return noun.dep_ == "compound" and head.i != noun.i and head.lemma_.lower() in inside


def _would_do(noun: Token, happen: frozenset[str]) -> bool:
    """ "air strikes could harm relations": the noun is the subject of a verb with "could",
    "might" or "may" that tells what it would do, not that it would happen ("could take place",
    "might resume", "could be held" are planned events)."""
    if noun.dep_ != "nsubj" or noun.head.pos_ != "VERB":
        return False
    verb = noun.head
    if not any(c.dep_ == "aux" and c.lower_ in POSSIBLE_AUX for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
        return False  # "could have killed": told of what happened
    return verb.lemma_.lower() not in happen


def _required(verb: Token) -> bool:
    """ "must be agreed jointly", "ought to meet": a requirement or a rule, no event."""
    for t in (verb, verb.head if verb.dep_ == "xcomp" else verb):
        if any(c.dep_ == "aux" and c.lower_ in REQUIRED_AUX for c in t.children):
            return not any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
    return False


def _advice(verb: Token) -> bool:
    """ "exercise caution when visiting X": a gerund after "when", "if" ... in a clause that is
    not told in the past: advice or a habit, not a visit."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in ADVICE_MARKS for c in verb.children):
        return False
    main = verb.head
    told = [main, *(c for c in main.children if c.dep_ in ("aux", "auxpass"))]
    return not any(t.tag_ in PAST_TAGS for t in told)


def _names_victims(verb: Token, inside: frozenset[str]) -> bool:
    """ "paid tribute to bombing victims", "help attack victims": the parser read the noun before
    one of ``inside_nouns`` as a verb taking it as object; with no subject of its own, it only
    says which victims."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        following is not None
        and following.dep_ == "dobj"
        and following.head.i == verb.i
        and following.lemma_.lower() in inside
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )
