"""What the small model calls a person is checked against the shape of a name: places, credits,
fragments and document parts are no one; name particles stay inside the name; a surname alone
is a mention of the person named in full in the same article; a role holds no dateline, date or
other person's name. Names, places and the registry here are made up."""

from __future__ import annotations

import pytest

from parley.extract.mentions import find_mentions
from parley.extract.registry import ActorRegistry
from parley.nlp import SpacyParser

REGISTRY = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland, Harbourton]
actors:
  - id: tomas-lind
    name: Tomas Lind
    kind: person
    side: north
"""


@pytest.fixture(scope="module")
def mentions(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = ActorRegistry.load(path)
    parser = SpacyParser()

    def run(text: str):
        (doc,) = parser.parse([text])
        return find_mentions(doc, "a1", registry)

    return run


def _people(found) -> list[str]:
    return [m.text for m in found if m.label == "PERSON"]


def test_a_photo_credit_is_no_person(mentions):
    found = mentions("Boats in the harbour at dawn. Photo by Jana Kovar/Agence Nord/Pool Images.")
    assert not [p for p in _people(found) if "/" in p]


def test_a_name_particle_stays_inside_the_name_in_either_case(mentions):
    text = (
        "Commission chief Greta von der Mark said the fund would grow. "
        "Later, Von der Mark told reporters that the fund was ready. "
        "Critics said von der Mark had moved too fast."
    )
    people = _people(mentions(text))
    assert "Greta von der Mark" in people
    assert all(p.lower().endswith("von der mark") for p in people), people
    assert not [p for p in people if p.lower() in ("von der", "greta von der")]


def test_a_surname_alone_is_a_mention_of_the_person_named_in_full(mentions):
    text = (
        "Former deputy minister Oleh Varenko said the talks would fail. "
        "Varenko explicitly rejected the proposals from the coalition. "
        "In a later post, Varenko called the envoys naive."
    )
    found = mentions(text)
    starts = {m.span.start for m in found if m.label == "PERSON" and m.text == "Varenko"}
    assert starts == {text.index("Varenko explicitly"), text.index("Varenko called")}


def test_a_registered_surname_with_a_word_glued_on_is_that_person(mentions):
    found = mentions("Northern leader Lind Harbourton visit ends early. Tomas Lind said little.")
    assert not [m for m in found if m.text == "Lind Harbourton"]


def test_places_the_model_calls_people_are_places(mentions):
    text = (
        "Shelling continued near Ostrova Yar and in Velyki Brody on Monday, and drones hit "
        "a depot in Kalmar Oblast, the regional governor said."
    )
    found = mentions(text)
    people = _people(found)
    assert not [p for p in people if p.endswith(("Yar", "Oblast")) or p.startswith("Velyki")], people


def test_a_document_part_is_no_person(mentions):
    found = mentions("Appendix B lists the sources, and Kim Tal wrote the summary.")
    assert "Appendix B" not in _people(found)


def test_a_role_holds_no_dateline(mentions):
    found = mentions(
        "HARBOURTON, Feb 1 (Nordpress) - Oleg Petrov, deputy chairman of the country's Security "
        "Council, said on Sunday that victory was close."
    )
    petrov = next(m for m in found if m.text == "Oleg Petrov")
    assert petrov.role == "deputy chairman of the country's Security Council"


def test_a_role_holds_no_other_persons_name(mentions):
    found = mentions("Analysts Mira Holt, Ivo Brand and Sara Lund spoke at the forum on Friday.")
    for m in found:
        if m.label == "PERSON" and m.role:
            assert not any(name in m.role for name in ("Mira Holt", "Ivo Brand", "Sara Lund")), m


def test_a_possessive_role_is_still_a_role(mentions):
    found = mentions("Anna Berg, Tomas Lind's senior adviser, said the offer stood.")
    berg = next(m for m in found if m.text == "Anna Berg")
    assert berg.role and "senior adviser" in berg.role


def test_sentence_words_the_model_took_into_a_name_are_cut_off(mentions):
    # a preposition or an article opening the sentence in capitals is no part of the name
    people = [
        (m.text, m.label) for m in mentions("Beyond Trump's personal finances is a question for the panel.")
    ]
    assert ("Trump", "PERSON") in people and not any(t.startswith("Beyond") for t, _ in people)
    assert not [m for m in mentions("The Gap Goes On: It was a long year.") if m.label == "PERSON"]
    # a name that opens its sentence keeps its first word
    assert [m.text for m in mentions("Rand Paul said the vote was close.") if m.label == "PERSON"] == [
        "Rand Paul"
    ]
