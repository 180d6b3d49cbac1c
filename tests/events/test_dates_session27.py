"""Event and weekday dates: a weekday in a phrase with no verb after a future clause, a verb of a
timetable in the present, a date that is the day something was said, and a report dated after
its publication. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.extract.timex import find_time_expressions
from parley.extract.timex.tense import tense_near
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import one_event

MONDAY = dt.date(2026, 3, 2)
FRIDAY = dt.date(2026, 2, 20)


def value(text: str, words: str, published: dt.date) -> str | None:
    """The value the time reader gives ``words`` in ``text``."""
    found = [t for t in find_time_expressions(text, published) if words in t.text]
    assert found, find_time_expressions(text, published)
    return found[0].value


# A phrase with no verb of its own after a future clause


def test_weekday_after_a_far_future_clause_is_the_coming_one() -> None:
    text = (
        "The minister is expected to spend only four hours on the ground in the port city, his "
        "first stop Thursday afternoon, before flying on to the capital."
    )
    assert value(text, "Thursday", MONDAY) == "2026-03-05TAF"


def test_weekday_after_a_far_past_clause_stays_the_last_one() -> None:
    text = (
        "The minister spent only four hours on the ground in the port city, his first stop "
        "Thursday afternoon, before flying on to the capital."
    )
    assert value(text, "Thursday", MONDAY) == "2026-02-26TAF"


def test_a_future_cue_in_another_sentence_does_not_reach() -> None:
    text = "The minister will fly out next month. His first stop was the port city Thursday afternoon."
    assert value(text, "Thursday", MONDAY) == "2026-02-26TAF"


def test_a_past_form_after_an_article_is_a_noun() -> None:
    text = "Aid workers on the ground Tuesday"
    start = text.index("Tuesday")
    assert tense_near(text, start, start + 7) is None
    said = "Aid workers said Tuesday"
    assert tense_near(said, said.index("Tuesday"), len(said)) == "past"


# A verb of a timetable in the present


def test_present_meet_with_a_weekday_is_the_coming_day() -> None:
    text = "The two foreign ministers meet separately Monday with the mediator."
    assert value(text, "Monday", FRIDAY) == "2026-02-23"
    text = "The delegation leaves on Sunday for the border talks."
    assert value(text, "Sunday", FRIDAY) == "2026-02-22"


def test_a_negated_or_headline_present_is_not_a_timetable() -> None:
    assert value("The two ministers did not meet Monday, officials said.", "Monday", FRIDAY) == "2026-02-16"
    assert value("Ministers meet mediator Monday\n\nThe talks went well.", "Monday", FRIDAY) == "2026-02-16"
    assert value("The ministers met separately Monday with the mediator.", "Monday", FRIDAY) == "2026-02-16"


# Events through the whole per-article pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def test_a_meeting_told_in_the_present_for_a_coming_day_is_planned(pipeline: Pipeline) -> None:
    text = "The two foreign ministers meet separately Monday with the mediator in Geneva."
    event = one_event(pipeline, text, "meeting", FRIDAY)
    assert (event.date, event.status) == (dt.date(2026, 2, 23), "planned")


def test_a_meeting_told_as_done_stays_reported(pipeline: Pipeline) -> None:
    text = "The two foreign ministers met separately Monday with the mediator in Geneva."
    event = one_event(pipeline, text, "meeting", FRIDAY)
    assert (event.date, event.status) == (dt.date(2026, 2, 16), "reported")


def test_the_day_of_a_saying_does_not_date_what_it_answers(pipeline: Pipeline) -> None:
    text = (
        "The government had every right to protect its people, Norway said Friday in response to "
        "the missile strikes on rebel camps in Yemen."
    )
    event = one_event(pipeline, text, "strike", FRIDAY)
    assert (event.date, event.place) == (None, "Yemen")
    text = "Norway said Friday, responding to the drone attacks on the port in Yemen, that they must stop."
    assert one_event(pipeline, text, "strike", FRIDAY).date is None


def test_a_date_of_the_answered_event_itself_is_kept(pipeline: Pipeline) -> None:
    text = (
        "The government had every right to protect its people, Norway said in response to the "
        "missile strikes on rebel camps in Yemen on Wednesday."
    )
    event = one_event(pipeline, text, "strike", FRIDAY)
    assert event.date == dt.date(2026, 2, 18)


def test_an_event_dated_by_the_saying_verb_itself_keeps_the_date(pipeline: Pipeline) -> None:
    text = "Rebel forces fired missiles at the border town in Yemen on Wednesday, Norway said Friday."
    event = one_event(pipeline, text, "strike", FRIDAY)
    assert event.date == dt.date(2026, 2, 18)


def test_talks_of_next_week_are_planned(pipeline: Pipeline) -> None:
    text = "The prime minister says wide gaps remain between the sides before next week's talks in London."
    event = one_event(pipeline, text, "meeting", FRIDAY)
    assert (event.date, event.status) == (dt.date(2026, 2, 23), "planned")


def test_talks_of_last_week_stay_reported(pipeline: Pipeline) -> None:
    text = "The prime minister says wide gaps remained after last week's talks in London."
    event = one_event(pipeline, text, "meeting", FRIDAY)
    assert (event.date, event.status) == (dt.date(2026, 2, 9), "reported")


def test_an_event_told_in_the_past_is_not_planned_whatever_its_date(pipeline: Pipeline) -> None:
    text = (
        "In a panel discussion this weekend in Washington, the longtime chief executive of the "
        "national civil rights league forcefully told a young woman that every vote matters."
    )
    event = one_event(pipeline, text, "meeting", MONDAY)
    assert event.status == "reported"


def test_the_day_of_a_response_does_not_date_what_it_responds_to(pipeline: Pipeline) -> None:
    text = "Norway responded Friday to the missile strikes on rebel camps in Yemen."
    event = one_event(pipeline, text, "strike", FRIDAY)
    assert (event.date, event.place) == (None, "Yemen")


def test_a_meeting_the_saying_was_made_at_keeps_its_day(pipeline: Pipeline) -> None:
    text = "The foreign minister of Norway said Friday at a meeting with rebels in Yemen that peace was near."
    event = one_event(pipeline, text, "meeting", FRIDAY)
    assert event.date == FRIDAY
