"""Whether a place's preposition hangs where it tells where an event happened: read by
:func:`parley.extract.event_details.place_like`; and the areas the model missed as places
(:func:`missed_areas`, read by :func:`parley.extract.event_parties.missed_places`).

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

An area named by an administrative word ("in Dnipropetrovsk Oblast", "in the Kherson region",
"near Ternivka, Dnipropetrovsk Oblast": :func:`admin_area`) is a place whatever the model tagged
it, and it is the event's when its preposition hangs anywhere inside what the event is done to
("struck mines belonging to a company, X, in Y Oblast", "struck a bus carrying miners near X":
:func:`in_object`): the parser hangs it from the nearest noun, and such an area is not what a
company or a bus is described by, but where the thing struck stood.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parley.extract.event_readings import SUBJECT_DEPS
from parley.models import Mention, Span
from parley.nlp import text_of

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
    if _done_to(head, trigger, place_preps):
        return True
    return any(admin_area(o) for o in prep.children if o.dep_ == "pobj") and in_object(head, trigger)


# the head nouns of an administrative area's name ("Dnipropetrovsk Oblast", "the Kherson region")
ADMIN_WORDS = {"oblast", "region", "province", "district", "raion", "krai", "governorate", "city"}
OBJECT_HOPS = 6  # at most this many words between an area's preposition and the event's object
# how the words of the phrase of what an event is done to hang together: "mines belonging to a
# company in X", "a bus carrying miners near X" (the participle's object too), "the depot of the army in X"
OBJECT_PHRASE_DEPS = {"pobj", "prep", "acl", "appos", "compound", "dobj"}


def admin_area(token: Token) -> bool:
    """ "Dnipropetrovsk Oblast", "the Kherson region", "Sumy City": a singular administrative
    word (``ADMIN_WORDS``) with a proper name before it; or a name followed by such a phrase after
    a comma ("Ternivka, Dnipropetrovsk Oblast"). Not "the Donetsk and Luhansk regions" (more
    places than one), "a Russian region" (an adjective, no name), "the Paris accord"."""
    if token.lower_ in ADMIN_WORDS:
        return token.tag_ in ("NN", "NNP") and area_start(token) < token.i
    return token.pos_ == "PROPN" and area_after(token) is not None


def area_start(head: Token) -> int:
    """The index of the first word of the name before an administrative word: its proper nouns
    hung from it, and theirs ("Dnipropetrovsk Oblast", "Velykyi Burluk district")."""
    names = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
    if not names or names[-1].i != head.i - 1:
        return head.i
    return min(t.i for c in names for t in c.subtree)


def area_after(name: Token) -> Token | None:
    """ "Ternivka, Dnipropetrovsk Oblast": the administrative word of the area a name is followed
    by after a comma, which says where the named place lies."""
    doc = name.doc
    if name.i + 3 >= len(doc) or doc[name.i + 1].text != ",":
        return None
    for head in doc[name.i + 3 : min(len(doc), name.i + 6)]:
        if head.lower_ in ADMIN_WORDS and head.tag_ in ("NN", "NNP") and area_start(head) == name.i + 2:
            return head
    return None


def in_object(word: Token, trigger: Token) -> bool:
    """Whether ``word`` lies inside the phrase of what the event is done to: it hangs, through
    nouns of that phrase and participles without a subject of their own ("belonging to",
    "carrying"), from the trigger's object or from the trigger itself ("an attack on a bus
    carrying miners near X")."""
    for _ in range(OBJECT_HOPS):
        if word.head.i == word.i:
            return False
        if _elsewhere(word):
            return False
        if word.dep_ in (*OBJECT_DEPS, "prep") and _own(word.head, trigger):
            return True
        if word.dep_ not in OBJECT_PHRASE_DEPS:
            return False
        if word.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in word.children):
            return False
        word = word.head
    return False


# prepositions of a way to or from somewhere, or of whom a thing serves: an area past one of them is
# not where the thing struck was ("a train carrying evacuees to shelters in X", "power for towns in X");
# "belonging to" a company in X is the company's, and it is
ELSEWHERE_PREPS = {"to", "from", "into", "onto", "toward", "towards", "for"}


def _elsewhere(word: Token) -> bool:
    return word.dep_ == "prep" and word.lower_ in ELSEWHERE_PREPS and word.head.lemma_.lower() != "belong"


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


# prepositions before an area that say where something is
AREA_PREPOSITIONS = {"in", "at", "near"}


def missed_areas(sent: SpacySpan, mentions: Sequence[Mention], article_id: str) -> list[Mention]:
    """Areas named by an administrative word after "in", "at" or "near" ("in Dnipropetrovsk
    Oblast", "in the Kherson region"), and names the area after them says where they lie ("near
    Ternivka, Dnipropetrovsk Oblast": Ternivka; :func:`admin_area`) that no place
    mention holds whole, as place mentions, whatever the model made of their words (a place cut
    short, "Dnipropetrovsk"; an organisation "Ternivka, Dnipropetrovsk Oblast"). A registered
    actor's words are left alone."""
    found = []
    for t in sent:
        if t.dep_ != "pobj" or t.head.lower_ not in AREA_PREPOSITIONS or not admin_area(t):
            continue
        # "near Ternivka, Dnipropetrovsk Oblast": Ternivka, as where the model tags it a place
        first = t.doc[area_start(t)] if area_after(t) is None else t.doc[min([t.i, *_names_before(t)])]
        start, end = first.idx, t.idx + len(t)
        overlapping = [m for m in mentions if m.span.start < end and start < m.span.end]
        if any(m.actor_id for m in overlapping):
            continue
        if any(m.label in ("GPE", "LOC") and (m.span.start, m.span.end) == (start, end) for m in overlapping):
            continue
        found.append(Mention(article_id, Span(start, end), text_of(sent.doc)[start:end], "GPE"))
    return found


def _names_before(name: Token) -> list[int]:
    """The indices of the proper nouns right before a name that are words of it ("Velyki
    Prokhody")."""
    return [c.i for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
