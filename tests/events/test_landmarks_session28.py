"""Landmark events the timeline dropped: casualty figures told by a verb of the event ("the attacks
killed 31 people") and a place after a date set beside the trigger ("the attacks Aug. 7 at the
consulates in X"), with guards that figures of something else stay out and that the timeline
still drops what is vague. Sentences written for these tests; places are real or invented, the
happenings invented."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.event_figures import _VERB_FIRST
from parley.extract.registry import default_registry
from parley.models import Article, Event
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from parley.reconcile.events import merge_events
from tests.extract.test_event_reports import event_mentions, one_event

PUBLISHED = dt.date(2026, 2, 20)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


# Casualty figures told by a verb of the event


def test_the_verb_the_attacks_are_the_subject_of_gives_their_figures(pipeline: Pipeline) -> None:
    text = (
        "The coordinated attacks Aug. 9 at the British embassies in Lima, Peru, and Quito, Ecuador, "
        "killed 31 people and injured more than 400."
    )
    event = one_event(pipeline, text, "strike")
    assert event.figures == {"killed": 31, "wounded": 400}
    assert event.place == "Lima"  # "at" hangs from the date set beside "attacks"
    assert event.date == dt.date(2025, 8, 9)


def test_a_clause_of_the_strike_gives_its_figures(pipeline: Pipeline) -> None:
    text = (
        "Northern forces shelled the market in Harrowgate on Monday, killing at least 12 civilians "
        "and wounding another 30."
    )
    assert one_event(pipeline, text, "strike").figures == {"killed": 12, "wounded": 30}


def test_an_attack_carried_out_gives_the_figures_of_the_verb_that_carried_it(pipeline: Pipeline) -> None:
    text = "Gunmen carried out an attack on the Italian embassy in Kabul on Sunday, killing three guards."
    event = one_event(pipeline, text, "strike")
    assert event.figures == {"killed": 3}
    assert event.place == "Kabul"


def test_the_figures_of_something_else_told_beside_a_strike_are_not_its_own(pipeline: Pipeline) -> None:
    text = (
        "Northern forces shelled the depot in Harrowgate on Monday, a week after a flood that "
        "killed 30 people."
    )
    assert one_event(pipeline, text, "strike").figures == {}


def test_figures_told_before_their_verb_still_count(pipeline: Pipeline) -> None:
    text = "Russian missiles struck Kharkiv on Monday and 14 people were killed."
    assert one_event(pipeline, text, "strike").figures == {"killed": 14}
    text = "The attack near the French embassy in Bamako left nine people dead and 20 wounded."
    assert one_event(pipeline, text, "strike").figures == {"killed": 9, "wounded": 20}


def test_a_number_of_years_or_a_share_after_the_verb_is_no_figure() -> None:
    assert not _VERB_FIRST.search("the man he killed 10 years ago")
    assert not _VERB_FIRST.search("the cuts injured 40% of the firms")
    found = _VERB_FIRST.search("the blast killed 10 people")
    assert found is not None and found["n"] == "10"


def test_a_place_after_a_date_set_beside_the_attacks_is_theirs(pipeline: Pipeline) -> None:
    text = (
        "The almost simultaneous attacks Aug. 7 at the French consulates in Lima, Peru, and Quito, "
        "Ecuador, killed 31 people."
    )
    event = one_event(pipeline, text, "strike")
    assert (event.place, event.figures) == ("Lima", {"killed": 31})


# The timeline keeps the report now read in full, and still drops the vague one


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    reports = event_mentions(pipeline, text)
    article = reports[0].article_id
    published = Article(
        id=article, sha256=article, title="t", text=text, origin="t", format="text", published=PUBLISHED
    )
    return merge_events(reports, {id(m): frozenset(m.participants) for m in reports}, {article: published})


def test_a_report_of_one_article_with_its_figures_is_kept(pipeline: Pipeline) -> None:
    text = "The car bomb attack at the Spanish embassy in Quito killed 12 people and injured 150 others."
    (event,) = _events(pipeline, text)
    assert (event.place, event.figures) == ("Quito", {"killed": 12, "wounded": 150})


def test_a_report_with_only_a_place_is_still_dropped(pipeline: Pipeline) -> None:
    assert (
        _events(pipeline, "The car bomb attack at the Spanish embassy in Quito was condemned abroad.") == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Northern forces shelled the depot in Harrowgate on Monday while rebels killed 30 people.",
        "Hours after the strike on the depot in Harrowgate on Monday, missiles killed 12 people.",
    ],
)
def test_a_clause_with_its_own_doers_gives_the_strike_no_figures(pipeline: Pipeline, text: str) -> None:
    assert all(not e.figures for e in _events(pipeline, text))
