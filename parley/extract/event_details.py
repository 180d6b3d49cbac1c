"""Which words of a sentence belong to an event trigger, and what they say.

A detail belongs to a trigger only when it hangs from the trigger, or from the words above it up
to the next event word, without passing another event word or entering another clause (what
someone said, a relative clause describing someone) on the way: :class:`Scope`. On top of that:
places (:func:`place_like`), how long it lasted and datelines whose date is the article's
(:mod:`parley.extract.event_dates`), who only tells of the event (:func:`according_to`) and casualty
figures (:func:`figures_in`). The taxonomy's ``places`` (where each place lies) are those of the
taxonomy the extractor was given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from parley.extract.event_bounds import after_bound_phrase
from parley.extract.event_places import admin_area, beside_time, holds_place, names_document, names_location
from parley.extract.registry import ActorRegistry
from parley.models import Mention, TimeExpression

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLANNED_AUX = {"will", "would", "could", "may", "might", "shall", "should"}
# nouns a date modifies and stays a time with ("the Christmas period", "the May holidays")
TIME_NOUNS = {
    "period",
    "holiday",
    "week",
    "weekend",
    "season",
    "night",
    "morning",
    "evening",
    "day",
    "break",
    "recess",
}


PLACE_WORDS = re.compile(r"\b(in|at|near)\s+(the\s+)?$", re.IGNORECASE)


# Words that make a date under them a bound of the event, not its date.
BOUND_WORDS = {"since", "after", "before", "until", "till", "following", "ahead", "prior", "unlike"}


PLACE_HOPS = 2  # a place's preposition hangs at most this far below the trigger's words


# A clock time is a date only with a day in it ("Tuesday night", "5 p.m., 12/3", not "shortly
# after midnight" nor "at 4.50am": a clock time's digits name no day).
DAY_WORDS = re.compile(
    r"\d{1,4}[-/]\d{1,2}|\b(mon|tues|wednes|thurs|fri|satur|sun)day|\b(today|yesterday|tomorrow|tonight)\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)


NUMBER_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}


_CASUALTIES = re.compile(
    r"\b(?P<n>\d[\d,]*|" + "|".join(NUMBER_WORDS) + r")\s+(?:(?:people|civilians|soldiers|persons|"
    r"children)\s+)?(?:(?:were|have been|had been)\s+)?(?P<what>killed|dead|deaths|fatalities|died|"
    r"wounded|injured)\b",
    re.IGNORECASE,
)


class Scope:
    """Which words of a sentence are a trigger's: those that reach it, or the words above it up
    to the next event word, without passing another event word on the way. ``reporter`` is a
    verb that only tells of a noun trigger ("Ukraine reported strikes", "the UN condemned the
    attacks on Thursday"): it and what hangs from it are the report's, not the event's."""

    def __init__(
        self, sent: SpacySpan, trigger: Token, event_words: set[int], reporter: Token | None = None
    ) -> None:
        self.sent = sent
        self.trigger = trigger
        self.reporter = reporter
        self.domain = {trigger.i}
        self.event_words = event_words - _manner(trigger)
        if reporter is not None:
            self.event_words = self.event_words | {reporter.i}
        t = trigger
        # up to the next event word, or the verb that reports the trigger's clause ("X said on
        # Monday that they met": Monday is when it was said); but a clause of the narrator's
        # own the parser hung inside what is reported ("X told Y on Friday that ..., as the two
        # leaders held their summit") happens when the telling does
        narrated = False
        # "The next week, after X visited Moscow, Y flew to Kyiv": past a clause opened by
        # "after", "before" ..., the words are of another time (a date there is not the trigger's);
        # not past a phrase ("said on Monday after two days of talks": the talks' last day)
        self.later: set[int] = set()
        bounded = False
        # "Dr. X, who survived the attack at his home": above a relative clause is whom it
        # describes, and a date there ("the warrant issued Monday charged ...") is not the trigger's
        described = False
        while t.head.i != t.i and (t.dep_ != "ccomp" or narrated):
            if t.dep_ == "ccomp":
                narrated = False
            narrated = narrated or _narrated(t)
            bounded = bounded or _bound_clause(t)
            described = described or t.dep_ == "relcl"
            t = t.head
            if t.i in self.event_words:
                break
            self.domain.add(t.i)
            if bounded or described:
                self.later.add(t.i)

    def owns(self, start: int, end: int, bounds: bool = False) -> bool:
        """Whether the words at ``start:end`` are the trigger's; with ``bounds``, a date under
        "since", "after", "until" ... on the way is not ("the first visit since the invasion in
        February 2022": February 2022 bounds the visit, it is not when it happened), whether the
        word or a clause it opens ("a visit, shortly after he took office in November 2021": the
        clause's own verb holds the date), nor one above the trigger's own "after" ("the next
        week, after X visited Moscow, Y flew to Kyiv"), nor one right after such a phrase
        (:func:`.event_bounds.after_bound_phrase`)."""
        span = self.sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        t = span.root
        if bounds and after_bound_phrase(t, self.trigger, BOUND_WORDS):
            return False  # "imposed after the invasion in February 2022", "in" hung on "imposed"
        while True:
            if t.i in self.domain:
                return not (bounds and t.i in self.later)
            if t.i in self.event_words and t.i != span.root.i:
                return False
            if bounds and (t.lower_ in BOUND_WORDS or _bound_clause(t)):
                return False  # "since the invasion in X", "shortly after he took office in X"
            if t.head.i == t.i or t.dep_ == "ccomp":
                return False  # another clause's: what someone said
            if t.dep_ == "relcl" and t.head.i not in self.event_words:
                return False  # what describes someone ("X, who led the team until last week")
            if own_clause(t):
                return False  # "X seized ... in March, but by April Y had retaken ...": Y's
            t = t.head

    def measures_other(self, start: int, end: int) -> bool:
        """ "After six hours of talks, X announced": a duration whose "of" names another event
        word measures that event, not the trigger."""
        span = self.sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        return any(
            o.i in self.event_words and o.i != self.trigger.i
            for c in span.root.children
            if c.lower_ == "of"
            for o in c.children
        )

    def hops(self, token: Token) -> int | None:
        """How far below the trigger's words a token hangs (0: one of them), None: not at all; a
        date hung beside a word is no step ("the attacks Aug. 7 at the embassies")."""
        n = 0
        while token.i not in self.domain:
            if token.head.i == token.i or token.i in self.event_words:
                return None
            token, n = token.head, n + (beside_time(token) is token)
        return n


def _manner(trigger: Token) -> set[int]:
    """ "Developed by X in consultation with Y", "agreed in talks with Y": an event noun without
    a determiner after "in" hanging from the trigger tells how its event went; what hangs from it
    is the trigger's too (Y took part)."""
    return {
        o.i
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "in"
        for o in c.children
        if o.dep_ == "pobj" and o.pos_ == "NOUN" and not any(d.dep_ in ("det", "poss") for d in o.children)
    }


def _bound_clause(t: Token) -> bool:
    """A clause opened by "after", "before", "until" ... ("after X visited Moscow")."""
    return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BOUND_WORDS for c in t.children)


# "..., as the two leaders held their summit": a clause after a comma opened by these tells
# what went on meanwhile
NARRATED_MARKS = {"as", "while"}


def _narrated(t: Token) -> bool:
    """An adverbial clause with a subject of its own after a comma, opened by "as" or "while":
    the narrator's, whatever clause the parser hung it from."""
    if t.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in NARRATED_MARKS for c in t.children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return False  # "..., while describing X": the reporting subject's own doing
    before = t.left_edge.i - 1
    return before >= t.sent.start and t.doc[before].text == ","


def place_like(
    text: str,
    scope: Scope,
    m: Mention,
    registry: ActorRegistry,
    more_words: frozenset[str],
    places: Mapping[str, str],
) -> bool:
    """A place of the event: a place entity after "in"/"at"/"near", or a registered institution
    named as where it happened ("at the Kremlin", "the Kremlin talks"), whose preposition hangs
    from the event's own words, or from what it is done to or with (:func:`.event_places.
    holds_place`: "met with the teams in Geneva", "struck a depot in X"; not "called for a new
    order in Europe", "a plan to end the war in Ukraine"); or a known place naming where it went
    on ("arrived at his Kyiv hotel"): one of ``places`` (the taxonomy's)."""
    actor = registry.actor(m.actor_id) if m.actor_id else None
    institution = actor is not None and actor.kind == "institution"
    before = text[max(0, m.span.start - 10) : m.span.start]
    extra = re.search(r"\b(\w+)\s+(the\s+)?$", before)
    typed = bool(extra and extra.group(1).lower() in more_words)  # "a visit to India"
    if PLACE_WORDS.search(before) or typed:
        # an organisation named after "at", or the type's words ("a visit to the Pentagon"), with
        # no actor of its own is a building ("at Hyderabad House")
        building = (
            m.label == "ORG" and m.actor_id is None and (typed or re.search(r"\bat\s+(the\s+)?$", before))
        )
        if not (institution or m.label in PLACE_LABELS or building):
            return False
        name = place_name(m.text)
        if (registry.side_of_word(name) and not registry.place_side(name)) or any(c.isdigit() for c in name):
            return False  # "in Ukrainian strikes"; "Kyiv.12"
        span = scope.sent.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "pobj":
            return False  # "in the India Today interview": a word of another noun
        hops = scope.hops(span.root.head.head)
        if hops is None or (hops > PLACE_HOPS and not admin_area(span.root)):
            return False  # an area ("in X Oblast") may hang deep in what is struck: holds_place
        # "called for a new security order in Europe": the order's place, not the call's
        return holds_place(span.root.head, scope.trigger, scope.domain, more_words)
    known = place_name(m.text).casefold() in places
    if institution or m.label in ("LOC", "FAC") or known:
        # "the Kremlin talks", "the Geneva round"; but "US-Ukraine talks" are between parties
        span = scope.sent.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "compound" or names_document(span.root.head):
            return False  # "the Paris accord": a word of the accord's name
        # "arrived at his Kyiv hotel": a known place naming where the event went on
        return span.root.head.i == scope.trigger.i or (
            known and names_location(span.root.head, scope.trigger, scope.domain, more_words)
        )
    return False


def place_name(words: str) -> str:
    return re.sub(r"^(the)\s+", "", words.strip(), flags=re.IGNORECASE)


def own_clause(t: Token) -> bool:
    """A clause coordinated with another one, with a subject of its own ("Russia seized ..., but
    Ukraine had retaken ..."): its words are its own event's."""
    return (
        t.dep_ == "conj"
        and t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    )


# Words before a name that make it a place on a front line, not a party: "attacked near X",
# "advanced toward X", "east of X"; and the last words of many place names the parser takes
# for people ("Rostov Oblast", "Kucheriv Yar").
DIRECTION_BEFORE = re.compile(
    r"\b(?:near|toward|towards|into|from|around|outside|direction|(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
PLACE_NAME_ENDINGS = {"oblast", "krai", "raion", "region", "district", "yar", "khutory", "city", "village"}


def place_named(text: str, m: Mention) -> bool:
    """A name that stands for a place whatever its label: after "near", "toward", "east of" ...,
    or ending in, or followed by, a word of place names ("Rostov Oblast", "Kherson region")."""
    before = text[max(0, m.span.start - 24) : m.span.start]
    last = m.text.split()[-1].casefold() if m.text.split() else ""
    after = re.match(r"\s+(\w+)", text[m.span.end : m.span.end + 16])
    following = after.group(1).casefold() if after else ""  # "Kherson region": the word after the name
    return (
        bool(DIRECTION_BEFORE.search(before)) or last in PLACE_NAME_ENDINGS or following in PLACE_NAME_ENDINGS
    )


def according_to(text: str, m: Mention) -> bool:
    """ "According to X": X tells of the event."""
    return bool(
        re.search(r"\baccording\s+to\s+(the\s+)?$", text[max(0, m.span.start - 18) : m.span.start], re.I)
    )


def is_subject(sent: SpacySpan, m: Mention) -> bool:
    """A subject, or a word coordinated with one ("the United States and Russia agreed")."""
    span = sent.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def figures_in(sentence: str) -> dict[str, int]:
    figures: dict[str, int] = {}
    for match in _CASUALTIES.finditer(sentence):
        raw = match.group("n").lower().replace(",", "")
        n = NUMBER_WORDS.get(raw, int(raw) if raw.isdigit() else None)
        if n is None:
            continue
        what = match.group("what").lower()
        key = "killed" if what in ("killed", "dead", "deaths", "fatalities", "died") else "wounded"
        figures[key] = figures.get(key, 0) + n
    return figures


def describes_other(sent: SpacySpan, m: Mention | TimeExpression, trigger: Token) -> bool:
    """A name or date that only modifies another noun ("a key Kremlin partner", "his June 2024
    speech during the summit"): it is that noun's, not the trigger's; unless that noun is the
    trigger's own subject or object ("the Trump administration announced")."""
    span = sent.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    root, noun = span.root, span.root.head
    if root.dep_ not in ("compound", "amod", "nmod") or noun.pos_ != "NOUN" or noun.i == trigger.i:
        return False
    if isinstance(m, TimeExpression) and noun.lemma_.lower() in TIME_NOUNS:
        return False  # "over the Christmas period", "the New Year holidays": still a time
    return not (noun.head.i == trigger.i and noun.dep_ in ("nsubj", "nsubjpass", "dobj", "agent"))


def other_items(trigger: Token) -> set[int]:
    """For a noun trigger in a list ("his address in June 2022, and his interview in February
    2024"), the start offsets of the words that belong to the list's other items: each item's
    details are its own."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return set()
    items = {c.i for c in trigger.conjuncts}
    if not items:
        return set()
    items.add(trigger.i)
    found = set()
    for token in trigger.sent:
        t = token
        while t.i not in items and t.head.i != t.i:
            t = t.head
        if t.i in items and t.i != trigger.i:
            found.add(token.idx)
    return found


@cache
def _instruments(taxonomy: tuple[Any, ...]) -> dict[str, frozenset[str]]:
    """The things the taxonomy (``events.EventType``) names as what some types are done with
    ("launch" a drone, a missile), each with the types it belongs to."""
    found: dict[str, set[str]] = {}
    for t in taxonomy:
        for _, objects in t.verbs_with_objects:
            for word in objects:
                found.setdefault(word, set()).add(t.id)
    return {word: frozenset(ids) for word, ids in found.items()}


def done_by_instrument(trigger: Token, type_id: str, taxonomy: tuple[Any, ...]) -> bool:
    """ "Drones flew over the base": a verb of a type whose subject is another type's instrument
    (a drone, a missile) tells of that instrument, not of a visit by someone."""
    if trigger.pos_ != "VERB":
        return False
    instruments = _instruments(taxonomy)
    for child in trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            types = instruments.get(child.lemma_.lower())
            if types is not None and type_id not in types:
                return True
    return False
