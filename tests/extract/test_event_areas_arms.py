"""Where a strike happened when the place is an administrative area the parser hangs from the
thing struck ("struck mines owned by a firm in X Oblast", "hit a bus carrying workers near X,
Y Oblast"), and who struck when only the weapon says (a dossier's ``arms``: "four Skylance drones
struck a depot" is the side whose arms those are). Each with guards: an area not told with what
is struck is no place of the strike, a document named for a place is none, a named doer is never
replaced by the weapon's side, and shooting weapons down makes no one their user. Sentences
written for these tests, run through the whole per-article pipeline (spaCy included), with the
bundled dossier for places and a made-up dossier for arms."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.dossier import Dossier
from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry, default_registry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import event_mentions

PUBLISHED = dt.date(2026, 3, 6)  # a Friday

# two made-up sides, each with arms of its own; no side of the bundled dossier
DOSSIER = """
negotiation: {id: border-talks, name: Border talks}
sides:
  - {id: northland, name: Northland, adjectives: [Northlandic], places: [Northland, Varholm]}
  - {id: southmark, name: Southmark, adjectives: [Southmarkian], places: [Southmark, Ostrava Nova]}
arms:
  northland: [Skylance, Grimhawk]
  southmark: [Pelter, Iron Quill]
actors: []
"""


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


@pytest.fixture(scope="module")
def bundled(parser):
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


@pytest.fixture(scope="module")
def armed(parser, tmp_path_factory):
    path = tmp_path_factory.mktemp("dossier") / "border.yaml"
    path.write_text(DOSSIER, encoding="utf-8")
    return Pipeline(default_components(), parser, Context(ActorRegistry.load(path), parser.name))


def _strikes(pipeline, text: str):
    return [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "strike"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Officials said that enemy forces struck pits belonging to the country's biggest coal "
            "producer, Carbex, in Poltava Oblast on Tuesday.",
            "Poltava Oblast",
        ),
        (
            "Drones struck a van carrying workers near Hlybokyi Yar, Poltava Oblast, on Tuesday, "
            "killing four people.",
            "Hlybokyi Yar",
        ),
        ("Drones attacked a power station in the Chernihiv region on Tuesday.", "Chernihiv region"),
    ],
)
def test_an_area_is_where_what_was_struck_stood(bundled, text, place):
    (strike,) = _strikes(bundled, text)
    assert strike.place == place


def test_an_area_only_told_of_someone_else_is_no_place(bundled):
    # the area is the governor's, not where the plant was struck
    text = "Drones struck a plant on Tuesday, the governor of the Chernihiv region said."
    (strike,) = _strikes(bundled, text)
    assert strike.place is None


def test_an_area_after_from_is_no_place_of_the_talks(bundled):
    text = "Envoys from the Kherson region met the mediators in Geneva on Tuesday."
    (meeting,) = [e for e in event_mentions(bundled, text, PUBLISHED) if e.type == "meeting"]
    assert meeting.place == "Geneva"


def test_a_document_named_for_a_place_is_still_no_place(bundled):
    text = "On Tuesday in Vienna, both governments signed the Minsk accord again."
    found = [e for e in event_mentions(bundled, text, PUBLISHED) if e.type == "agreement"]
    assert found and all(e.place in (None, "Vienna") for e in found)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Four Skylance drones struck a bus near the border on Tuesday, killing six people.", "northland"),
        ("Ostrava Nova was struck with Iron Quill missiles on Tuesday, killing two people.", "southmark"),
        ("A Grimhawk attack on a rail depot on Tuesday wounded nine workers.", "northland"),
        ("Air defences downed ten drones, but a Pelter missile struck a depot on Tuesday.", "southmark"),
    ],
)
def test_the_weapon_names_the_side_that_struck(armed, text, side):
    (strike,) = _strikes(armed, text)
    assert strike.participants == (f"{side}-government",)


def test_a_named_doer_is_kept_whatever_weapon_it_used(armed):
    # captured arms: the doer named is the one that struck
    text = "Southmarkian forces struck a depot with captured Skylance drones on Tuesday."
    (strike,) = _strikes(armed, text)
    assert strike.participants == ("southmark-government",)


def test_shooting_arms_down_makes_no_one_their_user(armed):
    text = "Southmarkian air defences shot down 40 Skylance drones on Tuesday."
    assert not _strikes(armed, text)


def test_without_arms_a_weapon_names_no_one(bundled):
    text = "Four Skylance drones struck a bus near the border on Tuesday, killing six people."
    (strike,) = _strikes(bundled, text)
    assert strike.participants == ()


def test_arms_of_an_unknown_side_are_a_configuration_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(DOSSIER.replace("southmark: [Pelter", "eastreach: [Pelter"), encoding="utf-8")
    with pytest.raises(ConfigError, match="eastreach"):
        Dossier.load(path)


def test_a_weapons_name_given_to_a_thing_struck_names_no_side(armed):
    """ "the Skylance depot strike": the depot is named for the weapon; nothing says who struck."""
    (strike,) = _strikes(armed, "The Skylance depot strike on Tuesday killed four workers.")
    assert strike.participants == ()


def test_an_area_on_the_way_to_somewhere_is_no_place_of_the_strike(bundled):
    """A train carrying people to shelters in an area was not struck there."""
    text = (
        "Russian forces struck a train carrying evacuees from Pokrovsk to shelters in "
        "Dnipropetrovsk Oblast on Tuesday, killing two."
    )
    (strike,) = _strikes(bundled, text)
    assert strike.place is None


def test_arms_given_as_one_name_not_a_list_are_a_configuration_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        DOSSIER.replace("northland: [Skylance, Grimhawk]", "northland: Skylance"), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="list"):
        Dossier.load(path)
