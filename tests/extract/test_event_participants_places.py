"""Who took part in an event and where it happened: a place naming a document ("the Geneva
accord") is no place of the event; a building visited ("visited the White House") is a place,
not a party; "in a statement, X condemned ..." names the statement's maker; "X echoed statements
by Y" makes Y, not X, the one who spoke; people of a clause set beside the trigger with a subject
of its own ("while the ministry was investigating Z") are no parties; whom a statement is made
to is no party; reports dated only to one week with one party and nothing else in common are
not merged. Each with a guard that what
worked still works. Sentences written for these tests, run through the whole per-article
pipeline (spaCy included)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.models import Article, EventMention, Span
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from parley.reconcile.events import merge_events
from tests.extract.test_event_reports import event_mentions

PUBLISHED = dt.date(2026, 3, 6)  # a Friday


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _events(pipeline, text: str, kind: str):
    return [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == kind]


def _names(text: str, event) -> set[str]:
    return {text[r.start : r.end] for r in event.participant_refs}


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday in Tokyo, the two leaders formally committed their countries to the Geneva accord.",
        "Russia walked away from the Black Sea grain deal on Monday.",
    ],
)
def test_a_place_naming_a_document_is_no_place(pipeline, text):
    found = _events(pipeline, text, "agreement")
    assert found and all(e.place in (None, "Tokyo") for e in found)


def test_a_place_of_the_agreement_itself_is_still_its_place(pipeline):
    text = "Ukraine and Russia signed the agreement in Istanbul on Friday."
    (event,) = _events(pipeline, text, "agreement")
    assert event.place == "Istanbul"


def test_the_talks_named_for_their_city_are_still_held_there(pipeline):
    text = "The Geneva talks on Monday ended without a deal."
    (event,) = _events(pipeline, text, "meeting")
    assert event.place == "Geneva"


def test_a_building_visited_is_a_place_not_a_party(pipeline):
    text = "The prime minister visited the White House on Wednesday."
    (event,) = _events(pipeline, text, "visit")
    assert event.place == "Washington"
    assert "white-house" not in event.participants
    assert "the White House" not in _names(text, event)


def test_a_city_visited_is_still_the_place(pipeline):
    text = "Steve Witkoff visited Moscow on Tuesday."
    (event,) = _events(pipeline, text, "visit")
    assert event.place == "Moscow"
    assert "Steve Witkoff" in _names(text, event)


def test_in_a_statement_the_subject_made_it(pipeline):
    text = "In a statement on Friday, Vladimir Putin condemned the test as reckless."
    (event,) = _events(pipeline, text, "statement")
    assert "Vladimir Putin" in _names(text, event)


def test_a_statement_by_someone_else_is_not_the_subjects(pipeline):
    text = "Senator John Miller echoed statements by Sarah Collins last week that the bill would fail."
    (event,) = _events(pipeline, text, "statement")
    names = _names(text, event)
    assert "Sarah Collins" in names
    assert "John Miller" not in names


def test_the_subject_of_a_light_verb_still_takes_part(pipeline):
    text = "Sarah Collins held talks with John Miller in Rome on Tuesday."
    (event,) = _events(pipeline, text, "meeting")
    assert {"Sarah Collins", "John Miller"} <= _names(text, event)


def test_people_of_a_clause_beside_the_trigger_are_no_parties(pipeline):
    text = (
        "Her decision to meet with John Miller in June while the ministry was investigating his "
        "brother, Peter Miller, drew criticism."
    )
    (event,) = _events(pipeline, text, "meeting")
    names = _names(text, event)
    assert "John Miller" in names
    assert "Peter Miller" not in names


def test_the_object_of_the_trigger_verb_is_still_a_party(pipeline):
    text = "Sarah Collins met John Miller in Paris on Monday."
    (event,) = _events(pipeline, text, "meeting")
    assert {"Sarah Collins", "John Miller"} <= _names(text, event)


def test_whom_a_statement_is_made_to_is_no_party(pipeline):
    text = "In a statement to the reporter Tom Baker on Friday, Sarah Collins denied the claim."
    (event,) = _events(pipeline, text, "statement")
    names = _names(text, event)
    assert "Sarah Collins" in names
    assert "Tom Baker" not in names


def test_the_outlet_an_interview_is_given_to_still_takes_part(pipeline):
    text = "Vladimir Putin gave an interview to Tucker Carlson on Friday."
    (event,) = _events(pipeline, text, "interview")
    assert "Tucker Carlson" in _names(text, event)


# --- merging: one party and one week are not enough -----------------------------------------

WEEK = dt.date(2026, 2, 23)  # a Monday
FRIDAY = WEEK + dt.timedelta(days=4)


def _article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id,
        sha256=article_id,
        title="t",
        text=text,
        origin=article_id,
        format="text",
        outlet=f"Outlet {article_id}",
        published=FRIDAY + dt.timedelta(days=3),
    )


def _report(article_id: str, text: str, who: tuple[str, ...], day: dt.date, precision: str, place=None):
    return EventMention(
        article_id=article_id,
        type="statement",
        span=Span(0, len(text)),
        trigger=Span(0, 5),
        participants=who,
        place=place,
        date=day,
        date_end=day + dt.timedelta(days=6) if precision == "week" else day,
        precision=precision,
        date_text="last week" if precision == "week" else "on Friday",
    )


def _merged(first: tuple[str, str, tuple[str, ...]], second: tuple[str, str, tuple[str, ...]], place=None):
    articles = {"a": _article("a", first[0]), "b": _article("b", second[0])}
    reports = [
        _report("a", first[0], first[2], WEEK, first[1], place),
        _report("b", second[0], second[2], FRIDAY, second[1], place),
    ]
    events = merge_events(reports, {id(r): frozenset(r.participants) for r in reports}, articles)
    return sorted(len(e.sources) for e in events)


def test_one_party_in_one_week_is_not_one_statement():
    first = (
        "Governor Collins echoed statements by Miller last week on policing in Ohio.",
        "week",
        ("miller",),
    )
    second = ("In a statement Friday, Miller welcomed the endorsement of Senator Baker.", "day", ("miller",))
    assert _merged(first, second) == [1, 1]


def test_two_parties_in_one_week_are_still_one_event():
    first = ("Miller and Collins issued statements last week on policing.", "week", ("miller", "collins"))
    second = ("In a statement Friday, Miller and Collins spoke.", "day", ("miller", "collins"))
    assert _merged(first, second) == [2]


def test_one_party_and_one_place_in_one_week_are_still_one_event():
    first = ("Miller made statements in Rome last week.", "week", ("miller",))
    second = ("In a statement in Rome on Friday, Miller spoke.", "day", ("miller",))
    assert _merged(first, second, place="Rome") == [2]
