"""Names the small model calls a person's that the words around them show are a publication's, a
company's, a product's or a place's: a name a noun for a publication introduces or follows (in
every mention of the article), half of a body's name joined by "&", a firm written with initials
the article tags an organisation's, a product named after its maker, a car's model, and a place
after "in" and words that describe it. People beside them stay people. The names are made up."""

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

    def run(text: str) -> list[tuple[str, str]]:
        (doc,) = parser.parse([text])
        return [(m.text, m.label) for m in find_mentions(doc, "a1", registry)]

    return run


def test_a_magazine_named_like_a_person_is_a_body_in_every_mention(mentions):
    found = mentions(
        "The inspector had been looking into the shooting at the offices of the satirical weekly "
        "magazine Jules Corbet, colleagues said. He died a week after the Jules Corbet attack, and "
        "the Jules Corbet case is still open."
    )
    assert [label for name, label in found if name == "Jules Corbet"] == ["ORG"] * 3, found


def test_a_name_before_the_word_magazine_is_the_magazines(mentions):
    found = mentions("“Everyone trains to the same standard,” she told Sahil Al Nour magazine last week.")
    assert ("Sahil Al Nour", "ORG") in found, found


def test_the_first_half_of_a_savings_and_loan_is_the_company(mentions):
    found = mentions(
        "Thomas Reade Federal Savings & Loan Association said it would cut 40 jobs. In "
        "over-the-counter trading, Thomas Reade fell 10 cents."
    )
    assert ("Thomas Reade", "ORG") in found, found


def test_a_savings_and_loan_the_model_splits_at_the_ampersand_is_one_body(mentions):
    found = mentions(
        "Jonathan Avery Federal Savings amp Loan Association said it plans to restructure in the "
        "wake of a third-quarter loss of $5.1 million."
    )
    assert found == [("Jonathan Avery Federal Savings amp Loan Association", "ORG")], found


def test_a_name_after_a_club_and_an_ampersand_is_the_clubs(mentions):
    found = mentions(
        "The remaining properties to be bought are the Lakeview Country Club amp Golf Course, a "
        "site owned by a hotel group."
    )
    assert ("Golf Course", "PERSON") not in found, found


def test_people_joined_by_an_ampersand_stay_people(mentions):
    found = mentions(
        "Thomas Reade said on Monday he would resign. Reade & Partners, the firm he founded, said "
        "it would name a successor."
    )
    assert ("Thomas Reade", "PERSON") in found, found


def test_a_bank_written_with_initials_is_a_bank_however_dotted(mentions):
    found = mentions(
        "Analysts at J.K. Lindqvist expect sales to double. J.K Lindqvist estimates the watch deal "
        "could bring in $1 billion next year, the bank said."
    )
    assert ("J.K Lindqvist", "PERSON") not in found, found


def test_a_product_named_after_its_maker_is_no_person(mentions):
    found = mentions(
        "Orbis said sales rose. Orbis said it would add stores. We expect features to include "
        "Orbis Pay, adjustable alerts and Orbis Health. Orbis shares rose 2 percent and Orbis "
        "Watch pricing is due in March."
    )
    assert ("Orbis Pay", "PERSON") not in found, found


def test_a_cars_model_is_no_one(mentions):
    found = mentions("For now the company sells one car, the Model S, and a truck is planned.")
    assert not [name for name, label in found if label == "PERSON"], found


def test_a_place_after_in_and_words_describing_it_is_a_place(mentions):
    found = mentions(
        "Rescue teams searched near the town for days while Karol Wenc, 45, waited in densely "
        "populated Tai Po for news."
    )
    assert ("Tai Po", "GPE") in found, found
    assert ("Karol Wenc", "PERSON") in found, found


def test_a_person_after_in_and_an_adjective_who_owns_something_stays_a_person(mentions):
    found = mentions(
        "The talks went on late into the night in embattled Karol Wenc's home town. Karol Wenc "
        "said he was pleased."
    )
    assert ("Karol Wenc", "GPE") not in found, found


def test_a_text_without_names_has_no_mentions(mentions):
    assert mentions("I think both delegations know that a deal needs the ports.") == []
