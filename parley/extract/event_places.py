"""Whether a place's preposition hangs where it tells where an event happened: read by
:func:`parley.extract.event_details.place_like`.

A place after "in", "at" or "near" is the event's when its preposition hangs from the trigger
("talks in Geneva", "a visit to the Pentagon"), from a verb of the trigger's own words ("held
talks in Geneva", "called in Brussels for ..., by submitting"), from a verb describing the trigger
("the summit, held in Anchorage") or sharing its subject ("struck and damaged a depot in X"); or
from a noun the event is done to or with, hung from the trigger or its own verb: its object
("struck a hospital in X", "striking positions near X"), a party after "with", "between",
"against" or "on" ("met with the teams in Geneva", "an attack on civilians in X"), a location of
its own ("at a station in X"), the time it took ("met for a second day in Riyadh") or a direction
("attacked north of X near Y"); or a noun one of these holds with "of" ("the headquarters of the
army in X"). A date hung beside a word stands for that word ("the attacks Aug. 7 at the embassies
in X": :func:`beside_time`). A known place naming such a location counts too ("arrived at his Kyiv hotel":
:func:`names_location`). A place of any other noun is that noun's: "called for a new security
order in Europe" places the order, not the call; "a diplomat in Moscow", "the war in Ukraine",
"traders in Hong Kong" are no places of the event they are told with. A place naming a
document ("the Paris accord", "the Minsk agreements": :func:`names_document`) is a word of the
document's name, not where the event told with it happened.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from parley.extract.event_readings import SUBJECT_DEPS

# prepositions whose object takes part in the event, or is what it is done to
PARTY_PREPS = {"with", "between", "against", "on"}
# prepositions of a location: a place inside it is the event's too ("at a station in X")
LOCATION_PREPS = {"in", "at", "near", "inside", "outside"}
# a noun the event is done to, or an adverb of direction ("north of X"): its place is the event's
OBJECT_DEPS = {"dobj", "nsubjpass", "npadvmod", "advmod"}
NOMINAL = ("NOUN", "PROPN", "NUM", "PRON", "ADV")
OF_HOPS = 4  # at most this many "of" phrases between the place's noun and the event's words
# the time the event took: its place is the event's ("met for a second day in Riyadh")
TIME_NOUNS = {
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "weekend",
    "morning",
    "afternoon",
    "evening",
    "session",
}

# nouns of documents a place's name may name ("the Paris accord"): the place names the text
DOCUMENT_NOUNS = {
    "accord",
    "agreement",
    "treaty",
    "pact",
    "deal",
    "protocol",
    "declaration",
    "communique",
    "memorandum",
    "charter",
}


def names_document(noun: Token) -> bool:
    """ "The Paris accord", "the Paris climate agreement": whether ``noun``, which a place's name
    qualifies, is a document (or a noun inside a document's name), so that the place is a word
    of its name ("committed to the Paris accord" in Hangzhou happened in Hangzhou)."""
    for _ in range(3):
        if noun.lemma_.lower() in DOCUMENT_NOUNS:
            return True
        if noun.dep_ != "compound" or noun.head.i == noun.i:
            return False
        noun = noun.head
    return False


def holds_place(prep: Token, trigger: Token, domain: Collection[int], place_preps: Collection[str]) -> bool:
    """Whether the preposition ``prep`` before a place tells where the event of ``trigger``
    happened (module docstring); ``domain``: the indices of the trigger's words (the trigger and
    the words above it up to the next event word); ``place_preps``: more words than "in", "at"
    and "near" that come before the type's place ("to" for a visit)."""
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP" and prep.head.i != prep.i:
        prep = prep.head  # "near and within X"
    head = beside_time(prep.head)
    if _own(head, trigger) or (head.pos_ in ("VERB", "AUX") and head.i in domain):
        return True
    return _done_to(head, trigger, place_preps)


def _done_to(word: Token, trigger: Token, place_preps: Collection[str]) -> bool:
    """Whether ``word`` names what the event is done to or with, where or when it went on, or a
    direction from it (module docstring), through "of" ("east of X near Y", "the headquarters of
    the army in X")."""
    for _ in range(OF_HOPS):
        while word.dep_ == "conj" and word.head.i != word.i and word.head.pos_ in NOMINAL:
            word = word.head  # "the talks on energy, and a ceasefire in X": the first item's place
        if word.pos_ not in NOMINAL:
            return False
        if word.dep_ in OBJECT_DEPS:
            return _own(word.head, trigger)
        above = beside_time(word.head.head)
        if word.dep_ != "pobj" or above.i == word.head.i:
            return False
        preposition = word.head.lower_
        if preposition in PARTY_PREPS or preposition in LOCATION_PREPS or preposition in place_preps:
            return _own(above, trigger)
        if word.lemma_ in TIME_NOUNS:
            return _own(above, trigger)
        if preposition != "of":
            return False
        if _own(above, trigger):
            return True  # "the capture of the town in X"
        word = above
    return False


# how a date hangs beside the noun or verb it dates ("the attacks Aug. 7", "talks Monday")
TIME_DEPS = {"appos", "npadvmod", "nmod"}


def beside_time(token: Token) -> Token:
    """The word a date hung beside it dates, for a date word ("the attacks Aug. 7 at the
    embassies in X": "at" hangs from "Aug.", and X is where the attacks were); else the token."""
    while token.ent_type_ in ("DATE", "TIME") and token.dep_ in TIME_DEPS and token.head.i != token.i:
        token = token.head
    return token


def _own(token: Token, trigger: Token) -> bool:
    """The trigger, the verb a noun trigger is the object, subject or adverbial noun of ("held
    talks", "spent hours there on Sunday, the first round"), a verb
    describing it ("the summit, held in X") or one coordinated with a verb trigger and sharing
    its subject ("struck and damaged")."""
    if token.i == trigger.i:
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if trigger.head.i == token.i and trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "npadvmod"):
        return True  # "held talks"; "spent four hours at X on Sunday, the first round since ..."
    if token.head.i == trigger.i and token.dep_ in ("acl", "relcl"):
        return True
    return token in trigger.conjuncts and not any(c.dep_ in SUBJECT_DEPS for c in token.children)


def names_location(
    noun: Token, trigger: Token, domain: Collection[int], place_preps: Collection[str]
) -> bool:
    """Whether ``noun``, which a known place's name qualifies ("his Kyiv hotel", "a Geneva
    villa"), is where the event went on: the object of "in", "at" or "near" that holds a place of
    the event (:func:`holds_place`)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in LOCATION_PREPS or prep.head.i == prep.i:
        return False
    return holds_place(prep, trigger, domain, place_preps)
