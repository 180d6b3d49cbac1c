"""Reports of one sentence told together: a trip and a meeting that share their one date, the
items of a list of meetings each with its own place, and who sat through "hours of talks".
Short texts written for these tests, run through the whole per-article pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import event_mentions, one_event

PUBLISHED = dt.date(2025, 12, 4)  # a Thursday: "on Tuesday" is 2 December
TUESDAY = dt.date(2025, 12, 2)


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _of_type(pipeline, text: str, kind: str):
    return one_event(pipeline, text, kind, PUBLISHED)


def test_a_visit_whose_visitor_meets_someone_in_a_relative_clause_has_the_meeting_s_date(pipeline):
    text = (
        "The remark came after the fifth visit of Steve Witkoff to Russia, who met Vladimir Putin "
        "in Moscow on Tuesday to discuss the plan."
    )
    assert _of_type(pipeline, text, "meeting").date == TUESDAY
    visit = _of_type(pipeline, text, "visit")
    assert visit.date == TUESDAY and visit.precision == "day"


def test_a_trip_told_in_a_relative_clause_of_the_one_who_met_has_the_meeting_s_date(pipeline):
    text = "Steve Witkoff, who travelled to Moscow, met Vladimir Putin on Tuesday."
    assert _of_type(pipeline, text, "visit").date == TUESDAY


def test_a_sentence_with_two_dates_shares_none(pipeline):
    text = "Steve Witkoff, who travelled to Moscow in November, met Vladimir Putin on Tuesday."
    assert _of_type(pipeline, text, "visit").date != TUESDAY


def test_a_trip_and_a_planned_meeting_share_no_date(pipeline):
    text = "Steve Witkoff travelled to Moscow and will meet Vladimir Putin on Tuesday."
    visit = _of_type(pipeline, text, "visit")
    assert visit.status == "reported" and visit.date is None


def test_each_item_of_a_list_of_meetings_is_its_own_report_with_its_own_place(pipeline):
    text = (
        "The year saw talks in Saudi Arabia, and even a summit in Anchorage between "
        "Donald Trump and Vladimir Putin."
    )
    meetings = [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "meeting"]
    summit = next(e for e in meetings if text[e.trigger.start : e.trigger.end] == "summit")
    assert summit.place == "Anchorage"
    assert set(summit.participants) == {"donald-trump", "vladimir-putin"}
    talks = next(e for e in meetings if text[e.trigger.start : e.trigger.end] == "talks")
    assert talks.place == "Saudi Arabia" and not talks.participants


def test_who_speaks_after_hours_of_talks_took_part_in_them(pipeline):
    text = "After five hours of talks in the Kremlin, Emmanuel Macron said he had an assurance."
    talks = _of_type(pipeline, text, "meeting")
    assert "emmanuel-macron" in talks.participants and talks.place == "Moscow"


def test_who_speaks_after_talks_between_others_is_no_party_of_them(pipeline):
    text = (
        "After hours of talks between the two delegations in Geneva, Emmanuel Macron said the war "
        "would go on."
    )
    found = [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "meeting"]
    assert found and all("emmanuel-macron" not in e.participants for e in found)


def test_a_date_above_the_trigger_s_own_after_is_not_its_date(pipeline):
    # "the next week" is when the officials flew on, after the visit
    text = "The next week, after William Burns visited Moscow, two officials on the trip flew to Kyiv."
    visit = _of_type(pipeline, text, "visit")
    assert visit.place == "Moscow" and visit.date is None


def test_a_visit_in_an_after_clause_takes_no_date_from_the_meeting(pipeline):
    text = "After Steve Witkoff travelled to Moscow, Steve Witkoff met Vladimir Putin on Tuesday."
    assert _of_type(pipeline, text, "visit").date is None
