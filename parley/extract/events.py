"""Event reports in one parsed article: typed by the event taxonomy (:mod:`.event_taxonomy`).

Per sentence, the first trigger word of each type that makes a concrete report gives one
:class:`EventMention`, as does each other item of a list of nouns it heads that tells something of
its own ("talks in X, and a summit in Y"); one course of action shares a date (:mod:`.event_clauses`).

A detail belongs to a trigger only when it hangs from the trigger, or from the words above it,
without passing another event word first: in "they met in Miami, the first talks since the
Kremlin meeting on Dec 2", "Dec 2" is the Kremlin meeting's, not the Miami talks'; in "the first
round since the resignation of X", X resigned, he did not negotiate. So:

- participants: the actor mentions tied to the trigger (subject, objects, "between A and B",
  "with A", "X's visit"), never a place ("talks at the Kremlin", "the Kremlin meeting"), nor the
  owner of something else ("Trump's son-in-law", "Kremlin newswire TASS"), nor someone who only
  reports the event; and the sides of "US and Russian delegations" (:mod:`.event_parties`);
  for a strike with no doer named, the side whose arms struck ("four Shahed drones struck",
  :mod:`.event_arms`);
- place: a place entity, or a registered institution, after "in", "at" or "near" (or the type's
  ``place_words``), the object of a ``place_objects`` verb ("visited Kyiv"), or a known place the
  model missed (:func:`.event_parties.missed_places`); an adjective of a side, "in Ukrainian
  strikes", is no place;
- date: the day-, week- or month-precise time expression nearest the trigger; failing one, or when
  it lies outside that year, a year in the trigger's own words before the article's publication
  date ``published`` ("resigned in 1993": :mod:`.event_years`);
- duration: "five-hour", "nearly six hours", but never a distance in time ("a day after",
  "within days", "over the next two years") nor an unknown amount ("for hours");
- casualty figures, for the types that count them (``figures: true``): "12 people were killed",
  or told by a verb of the trigger's ("the attacks killed 257": :mod:`.event_figures`);
- status: "planned" ("will meet", "is expected to"); "claimed" or "denied" under a verb of
  claiming or denial ("claimed that they agreed").

Negated triggers ("did not meet"), triggers inside quotes and headings are skipped, and so are
words that make no event (:mod:`.event_readings`, :mod:`.event_hypotheses`): "met an ill fate",
"signed a law", "Russia occupies 20%", "the possibility of a meeting", "bombing victims"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as Span_

from parley.extract.event_arms import armed_sides
from parley.extract.event_clauses import date_phrases, list_item, same_details, shared_dates
from parley.extract.event_context import in_context, told_next
from parley.extract.event_dates import in_dateline, lasting, publication, within_telling
from parley.extract.event_details import (
    DAY_WORDS,
    Scope,
    according_to,
    describes_other,
    done_by_instrument,
    is_subject,
    other_items,
    place_like,
    place_name,
    place_named,
)
from parley.extract.event_figures import casualties
from parley.extract.event_hypotheses import no_happening
from parley.extract.event_links import (
    chosen_place,
    filled,
    follows_other_event,
    in_outlet_name,
    outlet_spans,
    pair_named,
    restates,
)
from parley.extract.event_parties import (
    linked_chars,
    missed_names,
    missed_places,
    owns_trigger,
    sides_of_parties,
    title_of_other,
    visited,
)
from parley.extract.event_readings import reported_by, told_as
from parley.extract.event_taxonomy import EventType, Taxonomy, taxonomy_of
from parley.extract.event_taxonomy import load_taxonomy as load_taxonomy  # read from here too
from parley.extract.event_triggers import bare_noun, fires, habitual, negated, planned, sides_modifying
from parley.extract.event_years import own_year
from parley.extract.layout import Headings
from parley.extract.registry import ActorRegistry
from parley.models import Attribution, EventMention, Mention, Span, TimeExpression
from parley.nlp import text_of

PARTICIPANT_LABELS = {"PERSON", "ROLE", "ORG", "FAC"}
# "held talks", "hold a summit": a noun trigger these verbs take is as concrete as a verb
LIGHT_VERBS = {"hold", "have", "conduct", "attend", "host", "begin", "start", "open", "end", "join"}


def find_events(
    doc: Doc,
    article_id: str,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    attributions: Sequence[Attribution],
    registry: ActorRegistry,
    taxonomy: Sequence[EventType] | None = None,
    published: dt.date | None = None,
) -> list[EventMention]:
    given = taxonomy_of(taxonomy)  # its types, with its words and places
    types, lists = given.types, given.words
    quotes = [part for a in attributions if a.kind == "direct" for part in a.parts]
    text = text_of(doc)
    headings = Headings(text)
    found: list[EventMention] = []
    years: dict[int, TimeExpression] = {}  # by trigger: the year in its own words
    published = published or publication(times)
    maybe = _maybe_triggers(doc, types)
    k = 0
    for sent in doc.sents:
        words: set[str] | None = None  # the sentence's lemmas, read when a word may fire
        candidates = []
        while k < len(maybe) and maybe[k] < sent.end:
            token = doc[maybe[k]]
            k += 1
            if any(q.start <= token.idx < q.end for q in quotes) or token.idx in headings:
                continue
            if words is None:
                words = {t.lemma_.lower() for t in sent}
            event_type = fires(token, types, words, mentions, lists)
            if event_type is not None:
                candidates.append((token, event_type))
        event_words = {token.i for token, _ in candidates}
        fired: dict[str, Token] = {}
        here: list[tuple[Token, EventMention]] = []
        for token, event_type in candidates:
            if (
                (event_type.id in fired and not list_item(token, fired[event_type.id]))
                or negated(token)
                or no_happening(token, given.hypotheses)
                or done_by_instrument(token, event_type.id, types)
            ):
                continue
            scope = Scope(sent, token, event_words, reported_by(token, lists))
            event = _mention(text, scope, event_type, article_id, mentions, times, registry, given)
            if event.status != "planned" and (year := own_year(text, scope, times, published)):
                years[event.trigger.start] = year  # "resigned in 1993": unless a finer date in it comes
            if _concrete(event, token) and not (event_type.id in fired and same_details(event, here)):
                # a list item of a type already reported is its own event ("talks in X, and a
                # summit in Y"), unless it only restates the first
                fired.setdefault(event_type.id, token)
                for other, other_type in candidates:
                    if other_type is event_type and other.i != token.i and restates(other, token):
                        more = _mention(
                            text,
                            Scope(sent, other, event_words, reported_by(other, lists)),
                            event_type,
                            article_id,
                            mentions,
                            times,
                            registry,
                            given,
                        )
                        event = filled(event, more)
                here.append((token, event))
        found += in_context(shared_dates(here, date_phrases(text, sent, times)), here, found, text, times)
    return [_in_year(r, years) for r in told_next(found, doc, text, times)]


def _in_year(report: EventMention, years: dict[int, TimeExpression]) -> EventMention:
    """A report given the year in its trigger's own words (:mod:`.event_years`) when it has no
    date, or one outside that year."""
    year = years.get(report.trigger.start)
    if year is None or year.start is None or year.end is None:
        return report
    if report.date is not None and year.start <= report.date <= year.end:
        return report  # "In 2010, ... on 21 April": the day, in that year
    return replace(report, date=year.start, date_end=year.end, precision="year", date_text=year.text)


def _where(m: Mention, registry: ActorRegistry, places: dict[str, str]) -> str:
    """A place's name; a registered institution named as the place ("at the Kremlin") stands for
    the city it lies in (``places`` of the taxonomy), so that it agrees with "in Moscow"."""
    name = place_name(m.text)
    actor = registry.actor(m.actor_id) if m.actor_id else None
    if actor is not None and actor.kind == "institution":
        return places.get(name.casefold(), name)
    return name


def _head(sent: Span_, m: Mention) -> Token | None:
    span = sent.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def _concrete(event: EventMention, trigger: Token) -> bool:
    """A report worth a place on the timeline: it says when, where, how long or how many, or
    (a verb in the past) who did it. "The talks" alone, or "meetings will continue", are not;
    nor is an undated verb in the present ("whenever I visit Moscow", "as Russia bombs the
    grid", "in the plan, Ukraine agrees to ..."): a habit, or the terms of a text."""
    if habitual(trigger) and not event.date and event.status != "planned":
        return False  # "whenever I visit Moscow", "as Russia bombs ...": a habit, or a plan's terms
    if event.date or event.place or event.duration or event.figures:
        return True
    named = bool(event.participants or event.participant_refs)
    if trigger.pos_ != "VERB":  # "held talks with X", "is expected to hold a summit with X"
        return named and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in LIGHT_VERBS
    return event.status != "planned" and named


@cache
def _trigger_lemmas(taxonomy: tuple[EventType, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Every lemma :func:`_fires` accepts of a verb, and of a noun, for some type."""
    verbs: set[str] = set()
    nouns: set[str] = set()
    for t in taxonomy:
        verbs |= t.verbs | {verb for verb, _ in t.verbs_with_objects}
        nouns |= t.nouns
    return frozenset(verbs), frozenset(nouns)


def _maybe_triggers(doc: Doc, taxonomy: tuple[EventType, ...]) -> list[int]:
    """The indices of the tokens :func:`_fires` may accept (a verb or a noun with one of the
    taxonomy's lemmas), in order: read from one array, as building a spaCy Token for every word
    of the article costs more than the rest of the extractor."""
    verbs, nouns = _trigger_lemmas(taxonomy)
    strings = doc.vocab.strings
    array = doc.to_array([POS, LEMMA])
    pos = array[:, 0]
    words = np.flatnonzero((pos == VERB) | (pos == NOUN) | (pos == PROPN))
    lowered: dict[int, str] = {}
    out = []
    for i, p, lemma in zip(words.tolist(), pos[words].tolist(), array[words, 1].tolist(), strict=True):
        name = lowered.get(lemma)
        if name is None:
            name = lowered[lemma] = strings[lemma].lower()
        if name in (verbs if p == VERB else nouns):
            out.append(i)
    return out


def _mention(
    text: str,
    scope: Scope,
    event_type: EventType,
    article_id: str,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    registry: ActorRegistry,
    taxonomy: Taxonomy,
) -> EventMention:
    sent, trigger = scope.sent, scope.trigger
    lists = taxonomy.words
    start, end = sent.start_char, sent.end_char
    inside = [m for m in mentions if start <= m.span.start and m.span.end <= end]
    # names and places the model missed: "Medvedev gave an interview", "flew to Kyiv"
    named_elsewhere = dict(missed_names(sent, mentions))
    inside += [*named_elsewhere, *missed_places(sent, inside, registry, article_id, taxonomy.places)]
    linked, implied = linked_chars(trigger, scope.reporter, lists)
    refs, known = [], []
    places: list[tuple[tuple[bool, int], str, Token | None]] = []
    subtree = {t.idx for t in trigger.subtree}
    outlets = outlet_spans(text, start, end)
    for m in inside:
        is_implied = any(m.span.start <= c < m.span.end for c in implied)
        if not is_implied and not scope.owns(m.span.start, m.span.end):
            continue  # another event's participant, or named by whoever reports this one
        if in_outlet_name(m, outlets):
            pass  # "the India Today interview": a word of an outlet's name is no place
        elif visited(sent, m, trigger, event_type.place_objects, registry, taxonomy.places):
            # "visited Kyiv": the place itself
            places.append(((False, -1), _where(m, registry, taxonomy.places), None))
            continue
        elif place_like(text, scope, m, registry, event_type.place_words, taxonomy.places):
            # the nearest to the trigger: in its own words first ("during his meeting with
            # envoys in Moscow", not "a plan to end the war in Ukraine")
            rank = (m.span.start not in subtree, abs(m.span.start - trigger.idx))
            places.append((rank, _where(m, registry, taxonomy.places), _head(sent, m)))
            continue
        if not any(m.span.start <= c < m.span.end for c in linked) or according_to(text, m):
            continue  # named in the sentence but not a party to this event (e.g. who reports it)
        if text[m.span.end : m.span.end + 2] in ("'s", "’s") and not owns_trigger(sent, m, trigger):
            continue  # "Trump's son-in-law": the possessor is not the participant
        if place_named(text, m):
            continue  # "attacked near X", "Rostov Oblast": a place the parser took for a party
        if any(t.span.start < m.span.end and m.span.start < t.span.end for t in times):
            continue  # "Putin's June 2024": a name run into a date is no party
        if describes_other(sent, m, trigger) or title_of_other(sent.doc, m, inside, lists):
            continue  # "a key Kremlin partner", "Kremlin newswire TASS": not the Kremlin
        if m.label in PARTICIPANT_LABELS and (m.actor_id or m.label == "PERSON"):
            refs.append(named_elsewhere.get(m, m.span))
            if m.actor_id:
                known.append(m.actor_id)
        elif m.label == "GPE" and (side := registry.place_side(m.text)) and is_subject(sent, m):
            known.append(registry.government(side).id)
    # "the two leaders held a summit": the two people the sentence names
    refs += [
        m.span
        for m in pair_named(sent, trigger, linked, inside, registry, lists.party_nouns)
        if m.span not in refs
    ]
    # "US and Russian delegations met": the sides' governments
    sides = sides_of_parties(scope, linked, inside, registry, lists)
    known += [registry.government(side).id for side in sides]
    sentence_times = [t for t in times if start <= t.span.start and t.span.end <= end]
    # "the next round of meetings in X on Monday": words restating the trigger are its own
    others_events = {i for i in scope.event_words if not restates(sent.doc[i], trigger)}
    others = other_items(trigger)
    dates = [
        t
        for t in sentence_times
        if (t.type == "DATE" or (t.type == "TIME" and DAY_WORDS.search(t.text)))
        and t.start is not None
        and not in_dateline(text, t)
        and t.precision in ("day", "week", "month")
        and scope.owns(t.span.start, t.span.end, bounds=True)
        and t.span.start not in others
        and not describes_other(sent, t, trigger)
        and not follows_other_event(sent, t, trigger, others_events)
    ]
    # the date in the trigger's own words first ("his interview ... in February 2024"), then the nearest
    date = (
        min(dates, key=lambda t: (t.span.start not in subtree, abs(t.span.start - trigger.idx)))
        if dates
        else None
    )
    duration = next(
        (
            t
            for t in sentence_times
            if lasting(text, t)
            and scope.owns(t.span.start, t.span.end)
            and not scope.measures_other(t.span.start, t.span.end)
        ),
        None,
    )
    figures = casualties(scope) if event_type.figures else {}
    if event_type.agent_modifiers and (date or figures or not bare_noun(trigger)):
        # "Russian air strikes" on a day, or that killed people: Russia struck; but "Russian
        # attacks are a regular occurrence", "a period of Russian attacks" name no one strike
        known += [registry.government(side).id for side in sides_modifying(trigger, registry)]
        # "four Shahed drones struck a bus": the side whose arms (the dossier's) did it
        known += [registry.government(side).id for side in armed_sides(trigger, registry)]
    status = "planned" if planned(trigger) else told_as(trigger, lists) or "reported"
    if date is not None and status != "planned":
        date = within_telling(date, trigger, times)
    return EventMention(
        article_id=article_id,
        type=event_type.id,
        span=Span(start, end),
        trigger=Span(trigger.idx, trigger.idx + len(trigger.text)),
        participant_refs=tuple(refs),
        participants=tuple(dict.fromkeys(known)),
        place=chosen_place(places, date),
        date=date.start if date else None,
        date_end=date.end if date else None,
        precision=date.precision if date else None,
        date_text=date.text if date else None,
        duration=duration.value if duration else None,
        duration_text=duration.text if duration else None,
        figures=figures,
        status=status,
    )
