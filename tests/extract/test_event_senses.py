"""Trigger words read in a sense that is no event of their type: a verbal attack is no strike,
"seized on a report" no capture, "a call for more aid" or "a wake-up call" no call, agreeing to
an interview, with a person or that someone won no agreement, and agreements handed over are
documents. Each with a guard that the real event is still found. Sentences written for these
tests, run through the whole per-article pipeline (spaCy included)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import event_mentions

PUBLISHED = dt.date(2026, 3, 6)  # a Friday


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _events(pipeline, text: str, kind: str):
    return [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "At a rally in Ohio on Tuesday, John Miller attacked Sarah Collins for her vote on the budget.",
        "The senator said that Miller had personally attacked his daughter, Maria, on Monday.",
        "The governor called her a liar after she attacked teachers' unions on Wednesday.",
        "In a speech on Tuesday, John Miller attacked the tax loopholes that benefit his rivals.",
        "Senator Sarah Collins has been pounding John Miller as a fraud since Monday.",
        "On Thursday the newspaper attacked the minister, saying he had misled parliament.",
        "In its editorial on Thursday, it attacked John Miller, saying he had misled voters.",
    ],
)
def test_a_verbal_attack_is_no_strike(pipeline, text):
    assert _events(pipeline, text, "strike") == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia attacked Kyiv with drones on Tuesday.",
        "Russian forces struck the power grid in Kharkiv on Monday.",
        "Ukraine attacked a refinery in Saratov on Wednesday.",
        "Putin attacked Ukraine in February 2022.",
        "On Monday a gunman attacked Sarah Collins outside her office, wounding two guards.",
        "Putin struck Kramatorsk again on Monday.",
        "Putin attacked the power grid on Monday.",
        "Zaporizhzhia was attacked by the enemy on Monday.",
    ],
)
def test_force_on_a_place_or_a_person_is_still_a_strike(pipeline, text):
    assert len(_events(pipeline, text, "strike")) == 1


def test_seizing_on_a_report_is_no_capture(pipeline):
    text = "On Tuesday the opposition seized on a newspaper report that the minister had lied."
    assert _events(pipeline, text, "capture") == []
    text = "Russian forces seized the village of Pishchane on Tuesday."
    assert len(_events(pipeline, text, "capture")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The president sounded a call for the country to accept more refugees on Monday.",
        "On Monday the pope renewed his call for a ceasefire in Ukraine.",
        "An adviser called the defeat on Saturday a true wake-up call to the party.",
    ],
)
def test_an_appeal_or_a_wake_up_call_is_no_call(pipeline, text):
    assert _events(pipeline, text, "call") == []


def test_a_phone_call_is_still_a_call(pipeline):
    text = "Zelensky and Macron held a phone call on Monday."
    assert len(_events(pipeline, text, "call")) == 1
    text = "Zelensky had a call with Macron on Monday."
    assert len(_events(pipeline, text, "call")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Sarah Collins at the Daily Ledger agreed with Tom Hayes about the winner on Monday.",
        "Sarah Collins and Tom Hayes agreed about the winner on Monday.",
        "Writing for a panel that all agreed Collins won the debate on Tuesday, Hayes praised her.",
        "Collins agreed to a 20-minute interview with the Daily Ledger on Monday.",
        "A nurses' union endorsed Sarah Collins for governor on Thursday.",
        "On Thursday morning, prosecutors delivered the immunity agreements for two aides.",
    ],
)
def test_concurring_consenting_or_a_handed_document_is_no_agreement(pipeline, text):
    assert _events(pipeline, text, "agreement") == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine agreed to a 30-day ceasefire on Tuesday.",
        "The two delegations agreed on a prisoner exchange in Istanbul on Monday.",
        "Kyiv agreed with Washington on a minerals deal on Wednesday.",
        "The envoys signed the agreement in Geneva on Monday.",
        "Trump delivered a ceasefire in Gaza in October 2025.",
    ],
)
def test_parties_agreeing_is_still_an_agreement(pipeline, text):
    assert len(_events(pipeline, text, "agreement")) >= 1
