"""Words that tell of no event that happened, on older newswire: an idiom or an illness named by a
strike word, an attack named only inside another act (victims, their help, a tribute), a route
travelled, a verdict declared, a possibility, a requirement, advice, a "not" on the auxiliary;
and a date outside a relative clause is not the date of the event inside it. Each with a guard
that the real event is still found. Sentences written for these tests, run through the whole
per-article pipeline (spaCy included)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_triggers import negated
from parley.extract.registry import default_registry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import event_mentions

PUBLISHED = dt.date(1999, 6, 11)  # a Friday


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _events(pipeline, text: str, kind: str):
    return [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "President Hale said the United States is striking a blow for the principle of free trade.",
        "The senator struck a careful balance between the two camps on Monday.",
        "She prayed on Monday for the judge to have a heart attack and die.",
        "Mayor Ellen Park paid tribute on Wednesday to bombing victims and embassy staff.",
        "Dr. Mark Hale on Thursday led a team of doctors to Lagos to help victims of terrorist attacks "
        "on the embassies in Lagos and Abuja.",
    ],
)
def test_a_strike_word_inside_another_act_is_no_strike(pipeline, text):
    assert _events(pipeline, text, "strike") == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the police station in Kano on Tuesday, killing four officers.",
        "A car bomb attack on Monday outside the court wounded twelve people.",
        "The air strikes on the depot on Thursday destroyed three warehouses.",
    ],
)
def test_an_attack_is_still_a_strike(pipeline, text):
    assert len(_events(pipeline, text, "strike")) == 1


def test_a_route_travelled_is_no_visit(pipeline):
    text = "Before his arrest, Miller had traveled the country and the world, police said on Monday."
    assert _events(pipeline, text, "visit") == []
    text = "The foreign minister traveled to Lagos on Monday for talks with the president."
    assert len(_events(pipeline, text, "visit")) == 1
    text = "A surgeon on Thursday flew a team of nurses to Lagos to treat the wounded."
    assert len(_events(pipeline, text, "visit")) == 1
    text = "Last week, the governor flew here to open a hospital - one she has promised for years."
    assert len(_events(pipeline, text, "visit")) == 1


def test_a_thing_that_came_is_no_visit(pipeline):
    text = "The first shipment of evidence arrived on Saturday at the police lab in Boston, officials said."
    assert _events(pipeline, text, "visit") == []
    text = "The police chief arrived on Saturday at the lab in Boston."
    assert len(_events(pipeline, text, "visit")) == 1


def test_words_just_said_are_no_document_sent(pipeline):
    text = "On Monday, Ellen Park delivered this message to the town council."
    assert _events(pipeline, text, "proposal-sent") == []
    text = "On Monday, the envoy delivered a message from the king to the prime minister."
    assert len(_events(pipeline, text, "proposal-sent")) == 1


def test_advice_when_visiting_is_no_visit(pipeline):
    text = "A notice issued on June 3 tells travellers to take care when visiting Lagos and Abuja."
    assert _events(pipeline, text, "visit") == []
    text = "While visiting Lagos on Monday, the minister met the president."
    assert len(_events(pipeline, text, "visit")) == 1


def test_declared_dead_is_no_statement(pipeline):
    text = "An hour later, the doctor was declared dead at the county hospital on Tuesday."
    assert _events(pipeline, text, "statement") == []
    text = "The ministry declared on Tuesday that the border would reopen."
    assert len(_events(pipeline, text, "statement")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile, the possibility of a meeting between the mayor and the family arose on Thursday.",
        "Any decision to close the plant must be agreed jointly by the two governments on Monday.",
        "President Trump on Thursday dismissed warnings from the Kremlin that US air strikes could harm "
        "relations with Russia.",
    ],
)
def test_a_possibility_a_requirement_or_a_not_is_no_event(pipeline, text):
    assert [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type != "statement"] == []


def test_a_not_hung_on_the_auxiliary_negates(pipeline):
    parser = SpacyParser()
    text = (
        "Visas for the group of more than 20 teachers, classmates and others _ including Paulo Mendes, "
        "Brazilian Senate president _ that Mendes wants to accompany the family were not yet approved, "
        "officials said."
    )
    (doc,) = parser.parse([text])
    assert negated(next(t for t in doc if t.lower_ == "approved"))  # "not" hung on "were"
    (doc,) = parser.parse(["Visas for the minister's delegation were approved, officials said."])
    assert not negated(next(t for t in doc if t.lower_ == "approved"))


def test_a_planned_event_is_still_planned(pipeline):
    (meeting,) = _events(pipeline, "The two presidents could meet in Geneva on Monday.", "meeting")
    assert meeting.status == "planned"
    (talks,) = _events(pipeline, "Talks with the rebels could take place in Geneva on Monday.", "meeting")
    assert talks.status == "planned"
    (deal,) = _events(pipeline, "The two governments approved the accord in Geneva on Monday.", "agreement")
    assert deal.status == "reported"


def test_a_date_outside_a_relative_clause_is_not_its_event(pipeline):
    text = (
        "The warrant issued Monday charged him in the 1995 shooting of Dr. Alan Reese, "
        "who survived the attack at his home in Ancaster."
    )
    assert all(e.date is None for e in _events(pipeline, text, "strike"))
    text = "The envoy, whose talks with the rebels ran for five hours on Monday, left for Abuja."
    (talks,) = _events(pipeline, text, "meeting")
    assert talks.date == dt.date(1999, 6, 7)
