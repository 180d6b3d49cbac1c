"""Words that look like events but are not ("met an ill fate", "agreed with the statement",
"occupies a fifth"), who is a party to a strike told by someone else, and events told as claims.
Sentences written for these tests, run through the whole per-article pipeline (spaCy included)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import event_mentions

PUBLISHED = dt.date(2026, 2, 20)  # a Friday


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _events(pipeline, text: str, kind: str | None = None):
    return [e for e in event_mentions(pipeline, text, PUBLISHED) if kind is None or e.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "The old coalition has met with a grim fate after losing two elections on Monday.",
        "Moscow offered closer trade ties on Tuesday if Ukraine meets its demands over the border.",
        "The grid could meet only half of the demand for power on Tuesday.",
        "The new rules were met with scepticism in Vienna on Monday.",
        "Hundreds of people were hosted in three shelters in Vienna on Monday.",
    ],
)
def test_meeting_a_fate_a_demand_or_a_deadline_is_no_meeting(pipeline, text):
    assert _events(pipeline, text, "meeting") == []


@pytest.mark.parametrize(
    "text",
    [
        "The two delegations met in Oslo on Friday.",
        "The envoy met his counterpart in Rome on Monday.",
        "Zelensky met with Putin in Geneva on Tuesday.",
        "Norway hosted the Ukrainian delegation in Oslo on Monday.",
    ],
)
def test_someone_meeting_someone_is_a_meeting(pipeline, text):
    (event,) = _events(pipeline, text, "meeting")
    assert event.date is not None and event.place is not None


def test_agreeing_with_a_statement_is_an_opinion_not_an_agreement(pipeline):
    text = "It was a harsh verdict, and one with which the old professor agreed on Monday."
    assert _events(pipeline, text, "agreement") == []
    text = "The professor agreed with the envoy's view of the war in a lecture in Oslo on Monday."
    assert _events(pipeline, text, "agreement") == []
    (event,) = _events(pipeline, "Both sides agreed on a ceasefire in Oslo on Friday.", "agreement")
    assert event.date == dt.date(2026, 2, 20)


def test_signing_a_law_is_no_agreement_but_signing_a_deal_is(pipeline):
    text = "The president signed a law in Kyiv on Friday banning imports of grain."
    assert _events(pipeline, text, "agreement") == []
    text = "Ukraine and Moldova signed a trade agreement in Oslo on Monday."
    (event,) = _events(pipeline, text, "agreement")
    assert event.place == "Oslo"


def test_a_strike_is_the_attackers_not_the_reporters(pipeline):
    text = "Ukraine reported renewed Russian drone strikes over the past day: three people were killed."
    (event,) = _events(pipeline, text, "strike")
    assert event.participants == ("russia-government",)
    assert event.figures == {"killed": 3} and event.duration is None


def test_the_day_a_strike_is_condemned_is_not_the_strikes_day(pipeline):
    text = "The mayor condemned on Wednesday the Russian attack on a school in Odesa."
    (event,) = _events(pipeline, text, "strike")
    assert event.date is None and event.participants == ("russia-government",)


def test_strikes_in_general_name_no_attacker(pipeline):
    for text in (
        "Russian drone attacks on civilians in Ukraine are a regular occurrence.",
        "In the long war in Ukraine, Russian shelling of civilians is a regular occurrence.",
        "The talks in Vienna were followed by a deadly period of Russian attacks.",
    ):
        assert all(not e.participants for e in _events(pipeline, text, "strike")), text


def test_a_window_of_time_is_not_how_long_a_strike_lasted(pipeline):
    text = "Russia launched 80 drones at the capital over the past 24 hours."
    (event,) = _events(pipeline, text, "strike")
    assert event.duration is None and event.participants == ("russia-government",)


def test_an_event_told_in_a_claim_is_claimed_with_every_party_of_the_subject(pipeline):
    text = (
        "The minister claimed on Thursday that Ukraine and Russia agreed to new principles during the talks."
    )
    (event,) = _events(pipeline, text, "agreement")
    assert event.status == "claimed"
    assert set(event.participants) == {"ukraine-government", "russia-government"}


def test_an_event_told_in_a_denial_is_denied(pipeline):
    text = "The spokesman denied that Rubio met Lavrov in Vienna on Monday."
    (event,) = _events(pipeline, text, "meeting")
    assert event.status == "denied" and event.place == "Vienna"
    text = "The spokesman said that Rubio met Lavrov in Vienna on Monday."
    (event,) = _events(pipeline, text, "meeting")
    assert event.status == "reported"


def test_occupying_is_a_state_unless_told_as_a_past_event(pipeline):
    for text in (
        "Russia, which occupies a fifth of the region, wants more land.",
        "The enclave, which Russia has occupied since 2014, voted on Sunday.",
        "Drones hit a depot in occupied Crimea on Sunday.",
    ):
        assert _events(pipeline, text, "capture") == [], text
    (event,) = _events(pipeline, "Russian forces occupied the town of Brody in March 2022.", "capture")
    assert event.date == dt.date(2022, 3, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Panicked rumours were doing the rounds among diplomats in Vienna on Monday.",
        "A fresh round of conscription began in Vienna on Monday.",
        "He feared that public talk of a wider war in Vienna on Monday would cause panic.",
        "The two leaders believed the crisis could be defused through negotiating with Putin.",
    ],
)
def test_idioms_and_hypotheses_are_no_meeting(pipeline, text):
    assert _events(pipeline, text, "meeting") == []


def test_a_round_of_talks_is_a_meeting(pipeline):
    (event,) = _events(pipeline, "Another round of talks in Vienna ended on Monday.", "meeting")
    assert event.place == "Vienna" and event.date == dt.date(2026, 2, 16)


def test_a_weekday_told_in_the_past_is_the_one_before_publication(pipeline):
    text = "The minister claimed that Ukraine and Russia agreed to new principles on Monday."
    (event,) = _events(pipeline, text, "agreement")
    assert event.date == dt.date(2026, 2, 16)


def test_a_gerund_is_planned_only_under_a_modal_or_a_plan(pipeline):
    text = "The army drew up plans for seizing the airfield near Hostomel on 18 February."
    assert [e.status for e in _events(pipeline, text, "capture")] in ([], ["planned"])
    text = "The guards failed to protect the minister from being seized by rebels in Caracas last month."
    (event,) = _events(pipeline, text, "capture")
    assert event.status == "reported"


def test_a_coordinated_clause_with_its_own_subject_is_another_event(pipeline):
    text = (
        "Early in the war in March 2022, Russian forces seized a large area near the capital, "
        "but by April 2022 Ukraine had retaken most of it."
    )
    events = _events(pipeline, text, "capture")
    assert events and all("ukraine-government" not in e.participants for e in events)


def test_the_length_of_the_talks_is_not_the_length_of_the_statement_after_them(pipeline):
    text = "After six hours of talks in Oslo, Zelensky announced that he had secured a truce."
    (statement,) = _events(pipeline, text, "statement")
    (meeting,) = _events(pipeline, text, "meeting")
    assert statement.duration is None and meeting.duration == "PT6H"


@pytest.mark.parametrize(
    "text",
    [
        "The two sides met for talks in Oslo on Friday.",
        "Modi later hosted a private dinner for Putin in Delhi on Friday.",
        "Putin told a meeting of his security council on Friday that the ideas were useful.",
    ],
)
def test_meetings_for_talks_a_dinner_for_a_guest_and_a_meeting_addressed(pipeline, text):
    (event,) = _events(pipeline, text, "meeting")
    assert event.date == dt.date(2026, 2, 20)


def test_a_framework_agreed_in_a_city_is_an_agreement_but_a_law_signed_is_not(pipeline):
    text = "The meeting is meant to close the remaining gaps in the framework agreed in Oslo last week."
    assert [e.type for e in _events(pipeline, text, "agreement")] == ["agreement"]
    assert _events(pipeline, "The law signed by the president on Friday bans imports.", "agreement") == []


def test_who_claims_a_capture_is_its_party_and_the_capture_is_claimed(pipeline):
    text = "Fighting went on, with Russia claiming the capture of Brody earlier this week."
    (event,) = _events(pipeline, text, "capture")
    assert event.status == "claimed" and event.participants == ("russia-government",)
