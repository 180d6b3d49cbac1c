"""Ties the parse alone misses between an event and its sentence: who came out of talks, who met
in a clause with no subject, who spoke in an interview named after an outlet, "the two
leaders", a date that belongs to another event or place. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import event_mentions

PUBLISHED = dt.date(2026, 3, 20)  # a Friday


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _events(pipeline, text: str, kind: str):
    return [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == kind], text


def _one(pipeline, text: str, kind: str):
    found, _ = _events(pipeline, text, kind)
    assert len(found) == 1, found
    return found[0]


def _named(pipeline, text: str, kind: str) -> set[str]:
    found, text = _events(pipeline, text, kind)
    assert len(found) == 1, found
    return {text[r.start : r.end] for r in found[0].participant_refs}


def test_who_comes_out_of_a_day_of_talks_took_part_in_them(pipeline):
    text = (
        "Russian and Ukrainian negotiators emerged from a long day of talks in Istanbul on Monday "
        "saying they had agreed to swap prisoners."
    )
    event = _one(pipeline, text, "meeting")
    assert {"russia-government", "ukraine-government"} <= set(event.participants)
    assert event.place == "Istanbul"


def test_who_met_in_a_clause_without_a_subject_is_the_subject_above_it(pipeline):
    text = (
        "Volodymyr Zelensky said on Tuesday that Ukraine would not give up land, after meeting the "
        "leaders of France and Germany in Paris."
    )
    event = _one(pipeline, text, "meeting")
    assert "europe-government" in event.participants  # "the leaders of France and Germany"
    named = set(event.participants) | _named(pipeline, text, "meeting")
    assert named & {"Volodymyr Zelensky", "volodymyr-zelensky", "ukraine-government"}


def test_a_place_in_an_outlets_name_is_no_place_and_the_speaker_gave_the_interview(pipeline):
    text = (
        "In the India Today interview broadcast on Thursday, Vladimir Putin said that Russia "
        "would take the whole of Donbas."
    )
    event = _one(pipeline, text, "interview")
    assert event.place is None
    assert "vladimir-putin" in event.participants


def test_the_two_leaders_are_the_two_people_the_sentence_names(pipeline):
    text = (
        "Emmanuel Macron told Vladimir Putin on Thursday that France was firmly for peace, as the "
        "two leaders held their summit in Sochi."
    )
    assert _named(pipeline, text, "meeting") >= {"Emmanuel Macron", "Vladimir Putin"}
    assert _one(pipeline, text, "meeting").date == dt.date(2026, 3, 19)


def test_a_date_after_the_second_of_two_places_is_the_second_ones(pipeline):
    text = "Officials said the changes agreed in Riyadh and in Istanbul on Sunday would be published."
    event = _one(pipeline, text, "agreement")
    assert event.place == "Istanbul" and event.date == dt.date(2026, 3, 15)


def test_a_date_right_after_another_meetings_words_is_that_meetings(pipeline):
    text = (
        "The strike came as Ukrainian and US negotiators met for a second day in Riyadh to discuss "
        "the results of the envoy's meeting with Putin in Moscow on Tuesday."
    )
    riyadh = [e for e in _events(pipeline, text, "meeting")[0] if e.place == "Riyadh"]
    assert len(riyadh) == 1 and riyadh[0].date is None
