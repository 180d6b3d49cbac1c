"""Speakers named with a church or military title, people the model ran into an organisation's
name or missed beside a noun for a person, and organisations that speak through an outlet's or
an analyst's words: each on short articles written for these tests, on a made-up negotiation."""

from __future__ import annotations

import pytest

from parley.extract.mentions import find_mentions
from parley.extract.registry import COURTESY_TITLES, HONORIFICS, ActorRegistry, strip_honorifics
from parley.models import Mention, Span
from parley.nlp import load_model
from parley.reconcile.actors import resolve_actors
from tests.extract.statement_runs import SIDES, load_registry, one, statements_of

REGISTRY = (
    SIDES
    + """\
actors:
  - id: tomas-lind
    name: Tomas Lind
    kind: person
    side: north
    roles: [President of Northland]
"""
)


@pytest.fixture(scope="module")
def registry(tmp_path_factory) -> ActorRegistry:
    return load_registry(tmp_path_factory, REGISTRY)


@pytest.fixture(scope="module")
def analyse(registry):
    return statements_of(registry, "Talks on the river treaty")


@pytest.fixture(scope="module")
def mentions(registry):
    nlp = load_model()

    def run(text: str) -> list[Mention]:
        return find_mentions(nlp(text), "a", registry)

    return run


# titles: one list, in parley/data/names.yaml


def test_church_and_military_titles_are_no_part_of_a_name():
    assert strip_honorifics("Archbishop Marek Vollan") == "Marek Vollan"
    assert strip_honorifics("Major Archbishop Vollan") == "Vollan"
    assert strip_honorifics("Gen. Ilse Karvo") == "Ilse Karvo"
    assert strip_honorifics("Lt. Col. Ilse Karvo") == "Ilse Karvo"
    assert strip_honorifics("Metropolitan Onufry Dalsk") == "Onufry Dalsk"
    assert strip_honorifics("Colonel Karvo") == "Karvo"
    assert strip_honorifics("General") == "General"  # a title alone is left as it is
    assert COURTESY_TITLES <= HONORIFICS and "mr" in COURTESY_TITLES and "archbishop" not in COURTESY_TITLES


def test_a_titled_surname_joins_the_person_named_in_full():
    a = "a1"
    found = [
        Mention(a, Span(0, 30), "Archbishop Marek Vollan", "PERSON", None, "Major"),
        Mention(a, Span(100, 119), "Archbishop Vollan", "PERSON", None, "Major"),
        Mention(a, Span(200, 214), "Gen. Ilse Karvo", "PERSON"),
        Mention(a, Span(300, 311), "General Karvo", "PERSON"),
    ]
    actors, resolved = resolve_actors(found, ActorRegistry([], []))
    assert sorted(x.name for x in actors) == ["Ilse Karvo", "Marek Vollan"]
    vollan = next(x.id for x in actors if x.name == "Marek Vollan")
    karvo = next(x.id for x in actors if x.name == "Ilse Karvo")
    assert [m.actor_id for m in resolved] == [vollan, vollan, karvo, karvo]


# people the model missed or ran into another name


def test_a_name_beside_a_noun_for_a_person_is_found_where_the_model_found_nothing(mentions):
    found = mentions("Ottilie Brandvik, a historian of the river trade at the Nordstad academy, doubted it.")
    assert ("Ottilie Brandvik", "PERSON") in [(m.text, m.label) for m in found]


def test_a_commander_named_after_the_army_he_commands_is_a_person(mentions):
    found = mentions(
        "On March 1, the Commander-in-Chief of the Armed Forces of Northland Oleksa Varnyk stated "
        "that the units had crossed the river."
    )
    people = [m.text for m in found if m.label == "PERSON"]
    assert people == ["Oleksa Varnyk"]


def test_a_name_after_a_noun_for_an_outlet_is_no_person(mentions):
    found = mentions("Southern public broadcaster Kalvo reported that the bridge was closed.")
    assert [(m.text, m.label) for m in found if m.text == "Kalvo"] == [("Kalvo", "ORG")]


# speakers


def test_an_outlet_named_after_its_description_is_the_speaker(analyse):
    found = analyse(
        "The bridge was closed on Monday. Northern opposition outlet Meduza reported on Tuesday that "
        "the ferries had stopped as well."
    )
    s = one(found, "ferries")
    assert s.speaker_ref is not None and s.speaker == "Northern opposition outlet Meduza"
    assert (
        s.speaker_ref.of(
            "Talks on the river treaty\n\nThe bridge was closed on Monday. Northern opposition outlet Meduza"
        )
        == "Meduza"
    )


def test_a_think_tanks_analysts_speak_for_it(analyse):
    found = analyse(
        "The Institute for the Study of War (ISW) published a map on Monday. The front has barely "
        "moved since the autumn, ISW analysts note."
    )
    s = one(found, "barely")
    assert s.speaker_ref is not None


def test_officials_of_a_body_do_not_speak_for_it(analyse):
    found = analyse("Nordstad Council officials said the bridge would stay closed until spring.")
    s = one(found, "bridge")
    assert s.speaker_actor_id is None and s.speaker_ref is None


# what the title and body rules must not take for a person or an organisation


@pytest.mark.parametrize(
    "text, not_a_person",
    [
        # a rank word opening a law's name
        ("Traders used the General Block Exemption Regulation to ship the parts.", "Exemption Regulation"),
        # a number after a heading is no age
        ("- Russian Subordinate Main Effort #3 – Capture the entirety of the river basin", "Main Effort"),
        # a title in apposition to a person is that person's office, not another person
        # (a surname that is also a title, "Bishop", is not the title before the office)
        ('"The toll is a failure," said Jane Bishop, the agency\'s Director General.', "Director General"),
    ],
)
def test_titles_and_numbers_do_not_make_people_of_other_words(mentions, text, not_a_person):
    people = [m.text for m in mentions(text) if m.label == "PERSON"]
    assert not any(not_a_person in p for p in people), people


def test_a_person_named_after_a_body_noun_stays_a_person(mentions):
    found = mentions("The interview was given to the head of the Frontline media project Ivan Petrovsky.")
    assert [m.label for m in found if m.text.endswith("Petrovsky")] == ["PERSON"]


def test_two_people_in_apposition_to_a_plural_noun_are_no_one_speaker(analyse):
    found = analyse(
        "The two leaders, Tomas Lind and Marta Voss, said that the river treaty could still be saved."
    )
    (both,) = [s for s in found if "river treaty" in s.text]
    assert both.speaker_actor_id is None
    found = analyse("The Northern president, Tomas Lind, said that the river treaty could still be saved.")
    (one,) = [s for s in found if "river treaty" in s.text]
    assert one.speaker_actor_id == "tomas-lind"
