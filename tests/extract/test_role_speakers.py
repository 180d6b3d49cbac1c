"""Role nouns as speakers ("the spokesperson", "the official"), on short articles about a made-up
negotiation: a definite noun points back to the latest source brought in with it, named or not;
words restricting the noun make a source of their own, the person named before only when they
agree with that person's role."""

from __future__ import annotations

import pytest

from parley.models import Span, Statement
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
  - id: ivo-marek
    name: Ivo Marek
    kind: person
    side: north
    roles: [Presidential spokesman]
"""
)


@pytest.fixture(scope="module")
def analyse(tmp_path_factory):
    return statements_of(load_registry(tmp_path_factory, REGISTRY), "Talks on the river crossings")


def _speaker(statements: list[Statement], words: str) -> Span | None:
    """Where the person a statement is given to is named (None: no one named)."""
    return one(statements, words).speaker_ref


# 1. "the spokesperson" after an unnamed source brought in with the noun


def test_the_spokesperson_after_a_spokesperson_of_another_corps_is_no_one_named(analyse):
    found = analyse(
        "Northern 11th Army Corps Spokesperson Colonel Petra Halvorsen reported on Monday that the "
        "shelling of the river crossings had grown heavier in the last week.\n\n"
        "Southern forces attacked near Sudport on Monday and Tuesday but did not advance.\n\n"
        "A spokesperson of the Northern 7th Rapid Reaction Corps stated on Tuesday that Northern "
        "forces control the northern part of Sudport. The spokesperson stated that both sides hold "
        "positions along the railway."
    )
    assert _speaker(found, "shelling of the river") is not None
    assert _speaker(found, "along the railway") is None


def test_said_the_official_after_an_unnamed_official_is_that_official(analyse):
    found = analyse(
        "“We had to make sure we gave them no excuse,” said Anna Verhoek, a senior official working "
        "on the region at the Northern defence ministry.\n\n"
        "Few in Sudport believed an attack was likely.\n\n"
        "A Southern intelligence official said this view held in briefings for months. “The message "
        "was: nothing is going to happen,” said the official."
    )
    assert _speaker(found, "gave them no excuse") is not None
    assert _speaker(found, "nothing is going to happen") is None


# 2. a role noun with words of its own


def test_the_spokesperson_of_a_brigade_is_not_the_named_corps_spokesperson(analyse):
    found = analyse(
        "Northern Joint Forces Spokesperson Colonel Viktor Halas stated on Monday that bad weather "
        "is slowing both sides near Sudport.\n\n"
        "Southern forces attacked near Nordstad on Monday.\n\n"
        "The spokesperson of a Northern brigade operating in the Nordstad direction refuted Southern "
        "claims of the capture of Nordstad and reported that Northern forces are clearing small "
        "groups that entered the town."
    )
    assert _speaker(found, "bad weather") is not None
    assert _speaker(found, "clearing small groups") is None


def test_the_official_from_another_service_is_not_the_named_official(analyse):
    found = analyse(
        "“We could not give them a pretext,” said Anna Verhoek, a senior official at the Northern "
        "defence ministry.\n\n"
        "The talks in Sudport stalled in March.\n\n"
        "“There had been an assumption that this would not last long,” said the official from "
        "Southern military intelligence."
    )
    assert _speaker(found, "could not give them") is not None
    assert _speaker(found, "not last long") is None


# 3. kept: the spokesman named before, when no other came in with the noun


def test_the_spokesman_added_is_the_spokesman_named_before(analyse):
    found = analyse(
        "Presidential spokesman Ivo Marek said on Monday that the talks in Sudport would resume next "
        "week. Southern negotiators have not yet answered the invitation, according to the agenda. "
        "“We are ready to sign,” the spokesman added."
    )
    assert one(found, "talks in Sudport").speaker_actor_id == "ivo-marek"
    assert one(found, "ready to sign").speaker_actor_id == "ivo-marek"


def test_a_spokesperson_of_the_same_body_again_is_the_one_named(analyse):
    found = analyse(
        "Presidential spokesman Ivo Marek said on Monday that the talks in Sudport would resume next "
        "week. A Southern army spokesman, by contrast, said nothing about the talks. "
        "The presidential spokesman said later that the delegations would meet in Nordstad."
    )
    assert one(found, "meet in Nordstad").speaker_actor_id == "ivo-marek"


def test_officials_and_another_noun_in_between_leave_the_official_named(analyse):
    found = analyse(
        "“We could not give them a pretext,” said Anna Verhoek, a senior official at the Northern "
        "defence ministry.\n\n"
        "Southern officials said the convoy had turned back. A Southern army spokesman said the "
        "border would stay closed.\n\n"
        "“We expect them at the table by May,” said the official."
    )
    assert _speaker(found, "at the table by May") == _speaker(found, "could not give them")
    assert _speaker(found, "at the table by May") is not None
