"""Which sides an article names, for the stances' scope (:mod:`parley.extract.stances.scope`): a
registered person names their side by the surname the registry reads (:func:`surname_of`: the
last word but a generational suffix such as "Jr." or "III"), and an article naming no side holds
no stance on an issue of its sides. A made-up dossier and sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

from parley.dossier import Dossier
from parley.extract.registry import ActorRegistry
from parley.extract.stances.scope import Scope, surname

DOSSIER = """
sides:
  - {id: north, name: Northland, adjectives: [Northern], places: [Northland, Harbourtown]}
  - {id: south, name: Southland, adjectives: [Southern], places: [Southland]}
actors:
  - {id: jon-roe, name: Jon Roe Jr., kind: person, side: north}
  - {id: ann-lee, name: Ann Lee, kind: person, side: south}
  - {id: tal-oster, name: Tal Oster III, kind: person, side: south}
  - {id: north-council, name: Northland River Council, kind: organisation, side: north}
issues:
  - id: dam
    description: Whether Northland keeps the dam on the border river.
    cues: [dam, reservoir]
  - id: truce
    description: Whether the shooting stops first.
    cues: [truce]
"""


def _scope(tmp_path: Path) -> Scope:
    path = tmp_path / "dossier.yaml"
    path.write_text(DOSSIER, encoding="utf-8")
    return Scope(Dossier.from_registry(ActorRegistry.load(path)))


def test_a_surname_is_the_registrys_not_a_generational_suffix():
    assert surname("Jon Roe Jr.") == "Roe"
    assert surname("Tal Oster III") == "Oster"
    assert surname("Ann Lee") == "Lee"
    assert surname("Roe") == "Roe"


def test_a_person_named_with_a_suffix_names_their_side_by_surname(tmp_path: Path):
    scope = _scope(tmp_path)
    assert scope.away("Roe said the dam would stay where it is.") == set()
    assert "truce" not in scope.away("Oster said the truce must come first.")


def test_the_suffix_alone_names_no_side(tmp_path: Path):
    scope = _scope(tmp_path)
    assert scope.away("A spokesman for the firm, known as Jr. to his friends, said the truce held.") == {
        "dam",
        "truce",
    }


def test_plain_surnames_sides_and_bodies_still_name_their_side(tmp_path: Path):
    scope = _scope(tmp_path)
    assert scope.parties == {"dam": {"north"}, "truce": set()}
    assert "truce" not in scope.away("Lee said the truce must come first.")
    assert "dam" not in scope.away("Northern engineers said the dam would stay.")
    assert "dam" not in scope.away("Officials in Harbourtown said the dam would stay.")
    assert "dam" not in scope.away("The Northland River Council said the dam would stay.")


def test_an_article_naming_none_of_an_issues_sides_holds_no_stance_on_it(tmp_path: Path):
    scope = _scope(tmp_path)
    assert scope.away("Lee said the dam on the river would stay.") == {"dam"}  # a person of the other side
    assert scope.away("The rebel commander said the truce must hold.") == {"dam", "truce"}
