"""The side of the forces that struck: "Russian forces struck a hospital on Monday" is Russia's
strike (the side adjective of the dossier on the verb's subject), with a date or figures to pin
one strike down; "Russian forces attacked near a village" (an assault on a front line) names no
doer."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import event_mentions


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _strikes(pipeline, text: str):
    return [m for m in event_mentions(pipeline, text, dt.date(2026, 2, 20)) if m.type == "strike"]


def test_the_side_of_forces_that_struck_on_a_day_is_the_party(pipeline):
    (strike,) = _strikes(pipeline, "Russian forces struck a children's clinic in the city on February 14.")
    assert strike.participants == ("russia-government",)


def test_drones_of_a_side_that_hit_a_plant_on_a_day_name_that_side(pipeline):
    (strike,) = _strikes(pipeline, "On Tuesday, Ukrainian drones struck an oil depot far behind the front.")
    assert strike.participants == ("ukraine-government",)


def test_forces_attacking_near_a_village_name_no_party(pipeline):
    found = _strikes(pipeline, "Russian forces attacked near the village of Sunnydale on February 14.")
    assert all(not m.participants for m in found)


def test_forces_that_struck_with_no_date_or_figures_name_no_party(pipeline):
    # a place makes the strike a report of its own; no date or figures pin down whose it was
    found = _strikes(pipeline, "Russian forces struck a children's clinic in Kharkiv.")
    assert found and all(not m.participants for m in found)


def test_struck_forces_are_not_the_doer(pipeline):
    # the side struck is the object, not the subject: no party from "Ukrainian positions"
    found = _strikes(pipeline, "Drones struck Ukrainian forces near the river on February 14.")
    assert all(not m.participants for m in found)
