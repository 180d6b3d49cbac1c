"""More ties between an event trigger and the words of its sentence, where the parse alone does
not make them: read by :mod:`parley.extract.event_parties` and :mod:`parley.extract.events`.

- :func:`attended_by`: "negotiators emerged from a long day of talks", "the envoys went into
  talks": the subject of a verb the trigger is the object of one of ``words.attend_preps``
  (through a measure of time: "a day of", "hours of") took part in it; so did the subject of a
  verb after ``words.measured_attend_preps`` and a measure ("after six hours of talks, X said");
- :func:`understood_subject`: "X said, after meeting Y", "having met Y, X said": a verb trigger
  with no subject of its own (a gerund or a participle) has the subject of the verb above it;
- :func:`spoken_in_loosely`: "In the India Today interview broadcast on Monday, X said": the
  speech verb a trigger's phrase opened by "in", "at", "during" or "on" hangs from, where the
  parse took a word of the phrase (an outlet's name) for the preposition's object;
- :func:`pair_named`: "the two leaders held a summit", "both leaders met", "X, who hosted a
  dinner for him": a party noun counted as two, or a person and a personal pronoun, stand for
  the two people the sentence names, when it names just two;
- :func:`in_outlet_name`: "the India Today interview": a place name inside an outlet's name
  (``parley/data/outlets.yaml``) is no place;
- :func:`chosen_place`: "agreed in Geneva and in Florida on Sunday": of places coordinated with
  each other, the one a date after them all is told of (the last), else the nearest;
- :func:`restates`, :func:`filled`: "met X at the Kremlin, in talks that ran for five hours":
  another word of the trigger's type hanging from it through prepositions tells of the same
  event, and fills in the details the trigger's words lack;
- :func:`follows_other_event`: "met to discuss the results of the meeting in Moscow on Tuesday":
  a date right after the phrase of another event word between it and the trigger is that
  event's, however the parser attached it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parley.clean.outlets import default_registry as known_outlets
from parley.extract.event_readings import SUBJECT_DEPS
from parley.extract.registry import ActorRegistry
from parley.models import EventMention, Mention, TimeExpression

# "a long day of talks", "hours of talks", "the first session of the summit": measures of time
MEASURE_NOUNS = {"day", "days", "hour", "week", "night", "evening", "morning", "session", "round"}
SPOKEN_IN = {"in", "at", "during", "on"}
# words of a noun phrase between its preposition and its head noun ("in the India Today interview")
_PHRASE_POS = {"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART", "PUNCT"}
PAIR_WORDS = {"two", "both"}
PARTY_PREPS = {"with", "between", "among"}  # "talks with X", "talks between A and B"
PERSON_PRONOUNS = {"he", "she", "him", "her"}


def attended_by(trigger: Token, preps: frozenset[str], measured: bool = False) -> set[Token]:
    """ "American and Ukrainian negotiators emerged from a long day of talks": the words of the
    subject of the verb a noun trigger hangs from through one of ``preps`` (``words.attend_preps``),
    directly or through a measure of time ("a day of", "hours of"). With ``measured``, only
    through a measure ("after six hours of talks in the Kremlin, X announced":
    ``words.measured_attend_preps``), and when the trigger names no party of its own ("after
    hours of talks between A and B, X said": X may only tell of them)."""
    if trigger.pos_ not in ("NOUN", "PROPN") or not preps:
        return set()
    t = trigger
    while (
        t.dep_ == "pobj"
        and t.head.lower_ == "of"
        and t.head.head.pos_ == "NOUN"
        and (t.head.head.lemma_.lower() in MEASURE_NOUNS or t.head.head.ent_type_ in ("DATE", "TIME"))
    ):
        t = t.head.head
    if measured and (t.i == trigger.i or any(c.lower_ in PARTY_PREPS for c in trigger.children)):
        return set()
    if t.dep_ != "pobj" or t.head.lower_ not in preps or t.head.dep_ != "prep":
        return set()
    verb = t.head.head
    if verb.pos_ != "VERB":
        return set()
    return {w for c in verb.children if c.dep_ == "nsubj" for w in c.subtree}


def understood_subject(trigger: Token) -> set[Token]:
    """ "Zelensky said, after meeting the leaders ...", "having met Y, X said": a verb trigger
    with no subject of its own, in a clause after a preposition or an adverbial participle, has
    the subject of the verb above it (the words of that subject)."""
    if trigger.pos_ != "VERB" or any(c.dep_ in (*SUBJECT_DEPS, "agent", "mark") for c in trigger.children):
        return set()
    if trigger.tag_ not in ("VBG", "VBN"):
        return set()
    if trigger.dep_ == "pcomp" and trigger.head.dep_ == "prep":
        verb = trigger.head.head
    elif trigger.dep_ == "advcl":
        verb = trigger.head
    else:
        return set()
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {w for c in verb.children if c.dep_ in SUBJECT_DEPS for w in c.subtree}


def spoken_in_loosely(trigger: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The verb of speech a noun trigger's phrase hangs from, when the phrase is opened by "in",
    "at", "during" or "on" but the parse took another of its words for the preposition's object
    ("In the India Today interview broadcast the previous day, X said": X spoke in it)."""
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ == "pobj":
        return None
    i = trigger.i - 1
    while i >= trigger.sent.start and trigger.doc[i].pos_ in _PHRASE_POS and trigger.doc[i].text != ",":
        i -= 1
    if i < trigger.sent.start or trigger.doc[i].lower_ not in SPOKEN_IN or trigger.doc[i].pos_ != "ADP":
        return None
    t = trigger
    for _ in range(3):
        if t.head.i == t.i or (t.dep_ == "ccomp" and t.i > t.head.i):
            return None  # "X said that in the interview ...": what X said, not where
        t = t.head
        if t.pos_ == "VERB" and t.lemma_.lower() in speech_verbs:
            return t
    return None


def _person(m: Mention, registry: ActorRegistry) -> bool:
    actor = registry.actor(m.actor_id) if m.actor_id else None
    return m.label == "PERSON" or (actor is not None and actor.kind == "person")


def pair_named(
    sent: SpacySpan,
    trigger: Token,
    linked: set[int],
    mentions: Sequence[Mention],
    registry: ActorRegistry,
    party_nouns: frozenset[str],
) -> list[Mention]:
    """ "X told Y ..., as the two leaders held their summit": a plural party noun tied to the
    trigger and counted as two ("the two leaders", "both sides") stands for the two people the
    sentence names, when it names just two; so do a person and "he", "she", "him" or "her" ("X,
    who hosted a dinner for him", "X's visit, where he is to hold a summit with Y")."""
    paired = False
    for t in sent:
        if t.idx not in linked or t.lemma_.lower() not in party_nouns or t.tag_ not in ("NNS", "NNPS"):
            continue
        if any(c.lower_ in PAIR_WORDS and c.dep_ in ("nummod", "det", "predet") for c in t.children):
            paired = True
    anchors = _own_words(trigger)
    for t in sent:  # "Y, who later hosted a dinner for him": the other person named
        if t.lower_ not in PERSON_PRONOUNS or t.idx not in linked:
            continue
        if t.head in anchors or (t.head.dep_ == "prep" and t.head.head in anchors):
            paired = True
    if not paired:
        return []
    people: dict[str, Mention] = {}
    for m in mentions:
        if _person(m, registry):
            people.setdefault(m.actor_id or m.text, m)
    return list(people.values()) if len(people) == 2 else []


def _own_words(trigger: Token) -> set[Token]:
    """The trigger and the words above it a pronoun may be a party of: "(where) he is expected
    to hold a summit" (summit, hold, expected), not "announced that he had secured ...", nor
    "information he picked up"."""
    words = {trigger}
    t = trigger
    while t.dep_ in ("dobj", "pobj", "prep", "xcomp") and t.head.i != t.i:
        t = t.head
        words.add(t)
    return words


def outlet_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the outlets of ``parley/data/outlets.yaml`` are named in the sentence at
    ``start:end`` (read once per sentence, for :func:`in_outlet_name`)."""
    return [(start + f.start(), start + f.end()) for f in known_outlets().mentions(text[start:end])]


def in_outlet_name(m: Mention, outlets: Sequence[tuple[int, int]]) -> bool:
    """A place name that is a word of an outlet's name ("the India Today interview"), the
    outlets being where :func:`outlet_spans` found them."""
    return any(a <= m.span.start and m.span.end <= b for a, b in outlets)


def chosen_place(
    places: list[tuple[tuple[bool, int], str, Token | None]], date: TimeExpression | None
) -> str | None:
    """The event's place of its candidates ((rank, name, the place's head word)): the best
    ranked, unless it is coordinated with others ("in Geneva and in Florida", "in Geneva and
    Florida") and a date comes after them all ("... on Sunday"): that date is the last one's,
    and so is the event (the other place's event is told without a date)."""
    if not places:
        return None
    best = min(places, key=lambda p: p[0])
    head = best[2]
    if head is None or date is None:
        return best[1]
    group = [p for p in places if p[2] is not None and _coordinated(head, p[2])]
    if len(group) < 2:
        return best[1]
    last = max(group, key=lambda p: p[2].i if p[2] is not None else -1)
    return last[1] if last[2] is not None and date.span.start > last[2].idx else best[1]


def _coordinated(a: Token, b: Token) -> bool:
    """Two place words coordinated with each other, or whose prepositions are ("in Geneva and
    in Florida")."""
    if a.i == b.i:
        return True
    if b in a.conjuncts:
        return True
    return a.dep_ == "pobj" and b.dep_ == "pobj" and b.head in a.head.conjuncts


def follows_other_event(sent: SpacySpan, t: TimeExpression, trigger: Token, event_words: set[int]) -> bool:
    """ "Met ... to discuss the results of Witkoff's meeting with Putin in Moscow on Tuesday": a
    date whose phrase starts right after the phrase of another event word standing between the
    trigger and the date is that event's."""
    span = sent.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None:
        return False
    first = span.root.head if span.root.dep_ == "pobj" and span.root.head.pos_ == "ADP" else span[0]
    for i in event_words:
        if i != trigger.i and trigger.i < i < first.i and sent.doc[i].right_edge.i + 1 == first.i:
            return True
    return False


# "met ... since the Kremlin meeting on Dec 2": a word of the same type under these is another event
ANOTHER_TIME = {"since", "after", "before", "until", "following", "ahead", "prior", "unlike"}


def restates(other: Token, trigger: Token) -> bool:
    """ "met X at the Kremlin, in talks that ran for five hours": a word of the trigger's type
    under the trigger, through nothing but prepositions other than "since", "after" ..., speaks
    of the same event; "met to discuss the results of the meeting in Moscow" does not, nor does
    another item of a list ("talks in X, and a summit in Y")."""
    t = other
    while t.head.i != t.i:
        if t.lower_ in ANOTHER_TIME or (t.i != other.i and t.pos_ != "ADP") or t.dep_ == "conj":
            return False  # "talks in X, and a summit in Y": an item of a list is another event
        t = t.head
        if t.i == trigger.i:
            return True
    return False


def filled(event: EventMention, more: EventMention) -> EventMention:
    """The event with the details it lacks taken from another word for it in its sentence."""
    return replace(
        event,
        place=event.place or more.place,
        date=event.date or more.date,
        date_end=event.date_end if event.date else more.date_end,
        precision=event.precision if event.date else more.precision,
        date_text=event.date_text if event.date else more.date_text,
        duration=event.duration or more.duration,
        duration_text=event.duration_text if event.duration else more.duration_text,
        figures=event.figures or more.figures,
    )
