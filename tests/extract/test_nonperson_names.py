"""Names the small model calls a person's that are no one's: places listed after a noun for
places, titles alone, a body the text calls a brigade's, an NGO's or a newspaper's name, and a
unit written with its initials. Real people around such words stay people. Names, places and the
registry here are made up."""

from __future__ import annotations

import pytest

from parley.extract.mentions import find_mentions
from parley.extract.registry import ActorRegistry
from parley.nlp import SpacyParser
from tests.extract.test_mention_shapes import REGISTRY


@pytest.fixture(scope="module")
def mentions(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = ActorRegistry.load(path)
    parser = SpacyParser()

    def run(text: str) -> dict[str, str]:
        (doc,) = parser.parse([text])
        return {m.text: m.label for m in find_mentions(doc, "a1", registry)}

    return run


def test_names_in_apposition_to_places_after_a_preposition_are_places(mentions):
    found = mentions("The storm cut power in two districts – Lauro Mendes and Costa Brava – overnight.")
    assert found.get("Lauro Mendes") == "GPE", found


def test_a_name_after_the_towns_of_is_a_place(mentions):
    found = mentions("Refugees from the villages of Dolna Lipa and Horna Ves arrived on Sunday.")
    assert found.get("Dolna Lipa") == "GPE", found


def test_titles_alone_are_no_one(mentions):
    found = mentions(
        "Marta Voss is a professor of law and Senior Associate Dean at the Lakeside School of Law."
    )
    assert found.get("Marta Voss") == "PERSON"
    assert not [name for name, label in found.items() if label == "PERSON" and "Dean" in name], found


def test_a_name_a_brigade_is_known_as_is_the_brigades(mentions):
    found = mentions("Drone pilots of the 93rd brigade, known as “Sova Hrim,” struck a fuel depot overnight.")
    assert found.get("Sova Hrim") == "ORG", found


def test_a_name_an_ngo_goes_by_is_a_body_in_every_mention(mentions):
    found = mentions(
        "Olena Marchuk is a senior analyst at the Northern NGO “Stay Alive Together.” The views "
        "expressed here are hers and not those of Stay Alive Together."
    )
    assert found.get("Olena Marchuk") == "PERSON"
    assert found.get("Stay Alive Together") == "ORG", found
    assert not [name for name, label in found.items() if label == "PERSON" and "Together" in name]


def test_a_name_right_after_a_newspaper_is_the_newspapers(mentions):
    found = mentions(
        "Jana Kovar heads the foreign desk at the Slovak daily newspaper Dennik Vecer. "
        "She covers the Baltic states."
    )
    assert found.get("Jana Kovar") == "PERSON"
    assert found.get("Dennik Vecer") == "ORG", found


def test_a_unit_written_with_its_initials_is_a_body(mentions):
    found = mentions(
        "Knyaz Ivan Hrozny (KIH) drone operators of the 12th brigade are striking positions near the river."
    )
    assert found.get("Knyaz Ivan Hrozny") == "ORG", found


@pytest.mark.parametrize(
    "text, person",
    [
        (
            "The mayors of the two cities, Anna Berg and Piotr Nowak, signed the accord on Friday.",
            "Anna Berg",
        ),
        ("Dean Acheson warned the committee about the risks.", "Dean Acheson"),
        ("The interview was given to the head of the media project Ivan Petrovsky.", "Ivan Petrovsky"),
        ("The magazine Jana Kovar edits has been fined twice.", "Jana Kovar"),
        ("Jane Roe (JR) said the talks would resume in the spring.", "Jane Roe"),
        ("Deputy Head Marek Horvath said the border would stay open.", "Marek Horvath"),
        ("The agency called Jane Roe to testify before the committee on Monday.", "Jane Roe"),
    ],
)
def test_people_near_those_words_stay_people(mentions, text, person):
    assert mentions(text).get(person) == "PERSON"
