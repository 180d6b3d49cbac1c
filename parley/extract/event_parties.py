"""Who takes part in an event, beyond the mentions the trigger's words hold: read by
:mod:`parley.extract.events`.

- :func:`linked_chars`: the words tied to a trigger (its own words, its verb's subject and
  objects, who speaks "in an interview", whom a pronoun stands for); :func:`owns_trigger`: the
  possessor of the trigger ("Putin's visit"). Not tied: the subject of the verb over a noun
  trigger that names its own maker ("X echoed statements by Y": :func:`has_maker`), the people
  of a clause beside the trigger with its own subject (:func:`other_doers`), whom a statement is
  made to (:func:`audience`); tied: the subject of any verb with a statement "in" it
  (:func:`made_in`: "In a statement, X condemned ...").
- :func:`title_of_other`: "Kremlin newswire TASS", "Kremlin aide Ushakov": a name right before a
  title noun (``words.title_nouns``) and another name says whose the other is; it is no party,
  however the parser attached it.
- :func:`sides_of_parties`: "US, Ukrainian and Russian delegations will meet", "talks with the
  Ukrainian team": a noun of ``words.side_nouns`` with a side's adjective or name stands for that
  side's government.
- :func:`missed_names`: a proper noun the model tagged as nothing ("Medvedev gave an interview")
  spelled as a person the article names elsewhere is that person: the report points at that
  other mention, which the corpus stage resolves.
- :func:`missed_places`: a place of the taxonomy's ``places`` or a side's place ("flew to Kyiv")
  the model tagged as nothing is still a place; so is an area named by an administrative word
  ("in Dnipropetrovsk Oblast"), whatever the model tagged it (:func:`.event_places.missed_areas`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from parley.extract.event_details import Scope, own_clause, place_name
from parley.extract.event_links import attended_by, spoken_in_loosely, understood_subject
from parley.extract.event_places import missed_areas
from parley.extract.event_readings import SUBJECT_DEPS, Words
from parley.extract.registry import ActorRegistry
from parley.models import Mention, Span
from parley.nlp import text_of

MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")
# lower-case words between two names: "Kremlin newswire TASS", "Kremlin chief negotiator X"
_TITLE_WORDS = re.compile(r"\s+((?:[a-z][a-z-]*\s+){1,3})")
_PLACE_PREPOSITIONS = {"in", "at", "near", "to"}
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)


def owns_trigger(sent: SpacySpan, m: Mention, trigger: Token) -> bool:
    """ "Putin's visit": the possessor of the trigger itself is a participant; so is the one
    "his" stands for in "Putin's essay, his address and his interview" (:func:`list_owner`)."""
    span = sent.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "poss":
        return False
    return span.root.head.i == trigger.i or span.root in list_owner(trigger)


def list_owner(trigger: Token) -> list[Token]:
    """ "X's essay, his address and his interview": for a trigger with a possessive pronoun in a
    list, the person who owns the list's first item, whom the pronoun stands for."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
        return []
    t = trigger
    while t.dep_ in ("conj", "appos") and t.head.i != t.i:
        t = t.head
    if t.i == trigger.i:
        return []
    return [c for c in t.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"]


def linked_chars(
    trigger: Token,
    reporter: Token | None = None,
    words: Words | None = None,
) -> tuple[set[int], set[int]]:
    """Start offsets of the tokens syntactically tied to the trigger: its own subtree (objects,
    "between A and B", "with A"), and for a noun ("held talks") the subject of its verb, or of
    a verb of ``words.speech_verbs`` it is said in ("X told Y in an interview", "X said at the
    summit": X and Y), or the subject of a verb it is the object of one of ``attend_preps``
    ("negotiators emerged from talks", "after six hours of talks, X said": :func:`attended_by`);
    and, second, those tied to it only by a pronoun or a clause ("before his talks", "who met",
    "expected to fly", "X said after meeting Y"), which count even where they hang from another
    event word or clause ("In the X interview ..., Y said": Y). The subject of a ``reporter``
    ("Ukraine reported strikes") only tells of the event."""
    words = words or Words()
    speech_verbs = words.speech_verbs
    tokens = set(trigger.subtree)
    if spoken_in(trigger, speech_verbs):
        tokens |= {t for c in trigger.head.head.children if c.dep_ in ("nsubj", "dobj") for t in c.subtree}
    elif made_in(trigger):  # "In a statement, X condemned the test": X made the statement
        tokens |= {t for c in trigger.head.head.children if c.dep_ == "nsubj" for t in c.subtree}
    tokens |= attended_by(trigger, words.attend_preps)
    for child in trigger.children:
        if own_clause(child) or other_doers(child):  # "X seized ..., but Y had retaken ...": Y is no party
            tokens -= set(child.subtree)
    implied: set[Token] = understood_subject(trigger)
    # "after six hours of talks, X announced": X, even past the other event word
    implied |= attended_by(trigger, words.measured_attend_preps, measured=True)
    speaking = spoken_in_loosely(trigger, speech_verbs)  # "In the X interview ..., Y said"
    if speaking is not None:
        implied |= {t for c in speaking.children if c.dep_ in ("nsubj", "dobj") for t in c.subtree}
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    if verb.pos_ in ("VERB", "AUX") and (reporter is None or verb.i != reporter.i):
        # "X echoed statements by Y", "X praised Y's visit": Y's event, X only tells of it
        doers = ("agent", "dobj", "prep") if has_maker(trigger) else (*SUBJECT_DEPS, "agent", "dobj", "prep")
        for child in verb.children:
            if child.dep_ in doers:
                tokens |= set(child.subtree)
        if verb.dep_ == "relcl" and not content_clause(verb):
            # "the visit of X, who met Y": X is the relative's subject
            implied |= {t for t in verb.head.subtree if t.i < verb.i}
        if verb.dep_ == "xcomp":  # "X is expected to fly": X is the subject of "expected"
            for child in verb.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    implied |= set(child.subtree)
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
        # "X said ... before his talks with Y": "his" is most likely the person who is subject of
        # the nearest verb above ("Peskov said Dmitriev reported on his talks": Dmitriev's), else
        # the sentence's subject
        t = trigger
        subjects = list_owner(trigger)  # "X's essay, his address and his interview": X
        while t.head.i != t.i and not subjects:
            t = t.head
            subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ == "PERSON"]
        if not subjects:
            subjects = [c for c in trigger.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        for child in subjects:
            implied |= set(child.subtree)
    # "a statement to reporters": whom a statement is made to hears it, and takes no part
    tokens -= {t for c in trigger.children if audience(c) for t in c.subtree}
    # keep out reported-speech clauses hanging from the trigger's verb
    linked = {t.idx for t in tokens | implied if t.dep_ not in ("ccomp",)}
    return linked, {t.idx for t in implied if t.dep_ not in ("ccomp",)}


def other_doers(clause: Token) -> bool:
    """ "X met Y while the department was investigating Z": a clause set beside the trigger
    ("while", "as", "after") with a subject of its own tells of another happening; its people
    are no parties. So does a noun joined to a verb trigger by "and" or "but", the subject of a
    clause the parser split ("X resigned and its chairman, Y, is stepping in"); a joined clause
    with its own subject is :func:`.event_details.own_clause`'s."""
    if clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        return clause.pos_ in ("NOUN", "PROPN")
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    return clause.dep_ == "advcl" and clause.pos_ in ("VERB", "AUX") and subject


def audience(prep: Token) -> bool:
    """ "A statement to my colleague X", "an announcement to the nation": the "to" phrase of a
    noun of something declared (``STATED_NOUNS``) names whom it was made to."""
    return prep.dep_ == "prep" and prep.lower_ == "to" and prep.head.lemma_.lower() in STATED_NOUNS


def has_maker(trigger: Token) -> bool:
    """ "Statements by Trump", "Putin's visit": a noun trigger naming who made it, after "by" or
    as a possessor other than a pronoun ("his talks" are most often the subject's)."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in trigger.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return True
        if c.dep_ == "prep" and c.lower_ == "by" and any(o.dep_ == "pobj" for o in c.children):
            return True
    return False


# nouns of something declared: whom it is made "to" is no party ("a statement to the press")
STATED_NOUNS = {"statement", "announcement", "communique"}
# nouns of something said or written: "in a statement, X condemned ...": X made it
SAID_NOUNS = {"statement", "announcement", "communique", "interview", "speech", "letter", "post", "op-ed"}


def made_in(trigger: Token) -> bool:
    """ "In a statement, X condemned the test", "in an interview, X attacked Y": a noun of
    something said or written after "in" under a verb (of any kind) with no maker of its own
    (:func:`has_maker`): the verb's subject said it."""
    head = trigger.head
    return (
        trigger.lemma_.lower() in SAID_NOUNS
        and trigger.dep_ == "pobj"
        and head.lower_ == "in"
        and head.head.pos_ == "VERB"
        and not has_maker(trigger)
    )


def content_clause(verb: Token) -> bool:
    """ "Claims by an official that he had approved it", parsed as a relative clause of
    "official": a clause opened by the conjunction "that" says what is claimed; the noun it
    hangs from is none of its parties."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


SPOKEN_IN = {"in", "at", "during", "on"}


def spoken_in(trigger: Token, speech_verbs: frozenset[str]) -> bool:
    """ "X told Y in an interview", "X said at the summit": a noun trigger after "in", "at",
    "during" or "on" under a verb of speech, whose speaker took part in it."""
    head = trigger.head
    return (
        trigger.pos_ in ("NOUN", "PROPN")
        and trigger.dep_ == "pobj"
        and head.lower_ in SPOKEN_IN
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in speech_verbs
    )


def title_of_other(doc: Doc, m: Mention, mentions: Sequence[Mention], words: Words) -> bool:
    """ "Kremlin newswire TASS", "Trump envoy Witkoff", "Kremlin chief negotiator X": a name
    followed by lower-case words, the last of which is a title noun, the others adjectives or
    nouns, and right away by another name, is a word of that name's title (its owner, its
    employer), not a party. The title noun is read from the text, since the parser often takes
    it for a verb; the words before it from the parse ("Putin met journalist X": a verb)."""
    found = _TITLE_WORDS.match(text_of(doc), m.span.end)
    if found is None or not any(o.span.start == found.end() and o.label != "NORP" for o in mentions):
        return False
    span = doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    *before, last = span
    if last.lower_ not in words.title_nouns and last.lower_.removesuffix("s") not in words.title_nouns:
        return False
    return all(t.pos_ in ("ADJ", "NOUN") or t.lower_ in words.title_nouns for t in before)


def _name(token: Token) -> str:
    """A word with the compounds before it ("United States")."""
    start = min([token.i, *(c.i for c in token.children if c.dep_ == "compound" and c.i < token.i)])
    return token.doc[start : token.i + 1].text


def _side_of(token: Token, registry: ActorRegistry) -> str | None:
    for name in (_name(token), token.text):
        found = registry.side_of_word(name) or registry.place_side(name)
        if found:
            return found
    return None


def sides_of_parties(
    scope: Scope,
    linked: set[int],
    mentions: Sequence[Mention],
    registry: ActorRegistry,
    words: Words,
) -> list[str]:
    """The sides named by the adjectives or names on a party noun tied to the trigger ("US,
    Ukrainian and Russian delegations", "the Ukrainian side", "Ukraine's negotiators"), or by
    the places after its "of" ("the leaders of Britain and France"); a noun
    that is a word of a named person's role ("Ukrainian negotiator Rustem Umerov") or a modifier
    of another noun ("a US delegation member") names no side of its own, nor does one who only
    tells of the event ("according to Ukrainian officials"). ``linked``: the start offsets of
    the words tied to the trigger (:func:`linked_chars`)."""
    sides: list[str] = []
    text = text_of(scope.sent.doc)
    for t in scope.sent:
        if t.lemma_.lower() not in words.side_nouns or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.idx not in linked or t.dep_ in ("compound", "amod", "nmod"):
            continue
        edge = t.left_edge.idx
        if not scope.owns(t.idx, t.idx + len(t)) or _ACCORDING_TO.search(text, max(0, edge - 18), edge):
            continue
        # "Ukrainian Foreign Minister", "X, Ukraine's negotiator": the person is the party
        held = any(m.span.start <= t.idx < m.span.end for m in mentions)
        if held or _role_of_person(t, mentions, registry):
            continue
        for c in t.children:
            if c.dep_ not in MODIFIER_DEPS or c.i > t.i:
                continue
            for word in (c, *c.conjuncts):  # "US, Ukrainian and Russian delegations"
                side = _side_of(word, registry)
                if side:
                    sides.append(side)
        for c in t.children:  # "the leaders of Britain, France and Germany"
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    for word in (o, *o.conjuncts) if o.dep_ == "pobj" else ():
                        side = registry.place_side(_name(word))
                        if side:
                            sides.append(side)
    return list(dict.fromkeys(sides))


def _argument(t: Token) -> bool:
    """A subject or object, or the object of "with", "by" or "between": where a party's name
    stands (not a word of a list of places, nor a name inside a thing's name)."""
    if t.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return True
    return t.dep_ == "pobj" and t.head.lower_ in ("with", "by", "between")


def _person(t: Token, mentions: Sequence[Mention], registry: ActorRegistry) -> bool:
    """A word of a person's name: the model's, or a mention's (a registered person the model
    took for an organisation)."""
    if t.ent_type_ == "PERSON":
        return True
    for m in mentions:
        if m.span.start <= t.idx < m.span.end:
            actor = registry.actor(m.actor_id) if m.actor_id else None
            return m.label == "PERSON" or (actor is not None and actor.kind == "person")
    return False


def _role_of_person(noun: Token, mentions: Sequence[Mention], registry: ActorRegistry) -> bool:
    """ "Ukraine's negotiator Rustem Umerov", "the head of the Russian delegation, X", "X, the
    head of the office and Ukraine's chief negotiator": a noun with a person in apposition, or
    inside the apposition of a person (through "of", "and"), is that person's role."""
    t = noun
    while True:
        if any(c.dep_ == "appos" and _person(c, mentions, registry) for c in t.children):
            return True
        if t.dep_ == "appos" and _person(t.head, mentions, registry):
            return True
        if t.head.i == t.i or t.dep_ not in ("conj", "appos", "pobj", "prep"):
            return False
        t = t.head


def missed_names(sent: SpacySpan, mentions: Sequence[Mention]) -> list[tuple[Mention, Span]]:
    """Proper nouns of the sentence the model tagged as nothing and no mention holds, standing as
    a subject or an object and spelled as a person the article names elsewhere: each as a
    mention at its own place, with the span of the nearest mention of that person (the one the
    corpus stage resolves)."""
    people: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.label == "PERSON":
            people.setdefault(m.text, []).append(m)
    if not people:
        return []
    found = []
    for t in sent:
        if t.pos_ != "PROPN" or t.ent_type_ or not _argument(t):
            continue
        name = _name(t)
        start = t.idx - (len(name) - len(t.text))
        if name not in people or any(m.span.start < t.idx + len(t) and start < m.span.end for m in mentions):
            continue
        other = min(people[name], key=lambda m: abs(m.span.start - start))
        here = Mention(other.article_id, Span(start, t.idx + len(t)), name, "PERSON", other.actor_id)
        found.append((here, other.span))
    return found


def missed_places(
    sent: SpacySpan,
    mentions: Sequence[Mention],
    registry: ActorRegistry,
    article_id: str,
    places: Mapping[str, str],
) -> list[Mention]:
    """Place names after "in", "at", "near" or "to" the model tagged as nothing ("flew to Kyiv"),
    or naming what follows them ("at his Kyiv hotel"): those of the taxonomy's ``places`` or a
    side's places, as place mentions. ``places``: the taxonomy's."""
    found = []
    for t in sent:
        if t.pos_ != "PROPN" or t.ent_type_:
            continue
        object_ = t.head if t.dep_ == "compound" and t.head.pos_ == "NOUN" else t
        if object_.dep_ != "pobj" or object_.head.lower_ not in _PLACE_PREPOSITIONS:
            continue
        name = _name(t)
        if name.casefold() not in places and not registry.place_side(name):
            continue
        start = t.idx - (len(name) - len(t.text))
        if any(m.span.start < t.idx + len(t) and start < m.span.end for m in mentions):
            continue
        found.append(Mention(article_id, Span(start, t.idx + len(t)), name, "GPE"))
    return found + missed_areas(sent, [*mentions, *found], article_id)


def visited(
    sent: SpacySpan,
    m: Mention,
    trigger: Token,
    verbs: frozenset[str],
    registry: ActorRegistry,
    places: Mapping[str, str],
) -> bool:
    """ "Visited Kyiv", "visited the White House": a place, or a known building (a place of the
    taxonomy's ``places``), that is the object of one of ``verbs`` (a type's ``place_objects``)
    is where the event happened, not a party to it."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in verbs:
        return False
    known = m.label in ("GPE", "LOC", "FAC") or place_name(m.text).casefold() in places
    if not (known or registry.place_side(m.text)):
        return False
    span = sent.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "dobj" and span.root.head.i == trigger.i
