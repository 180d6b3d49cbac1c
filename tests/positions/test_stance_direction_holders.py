"""Which way a stance points on its issue, and who holds it. The shipped dossier's alliance issue
proposes that Ukraine gives joining up, and lists the words of its opposite (membership,
expansion, joining): a stance on the opposite points the other way. A speaker holds no stance by
forecasting what someone else may need to do; "reach" takes a position only on an agreement; an
issue for one side ("guarantees for Ukraine") is not the same words given to another side.
Sentences written for these tests, on the shipped dossier."""

from __future__ import annotations

import pytest

from parley.dossier import Dossier
from parley.extract.stances.beneficiary import beneficiaries
from parley.extract.stances.direction import opposite_words
from tests.positions.test_stance_issue_objects import read, triples


def _nato(text: str) -> set[tuple]:
    return {(s.holder, s.position, s.period, s.replaces) for s in read(text) if s.issue == "nato"}


# -- direction against the issue's proposition ----------------------------------------------------
def test_the_dossier_declares_the_opposite_words_and_the_beneficiary():
    dossier = Dossier.load()
    assert {"membership", "expansion", "join"} <= opposite_words(dossier)["nato"]
    assert beneficiaries(dossier) == {"security-guarantees": "ukraine"}


def test_keeping_the_alliance_from_expanding_demands_giving_membership_up():
    got = triples("Peskov said Moscow seeks to prevent any further NATO expansion to the east.")
    assert ("dmitry-peskov", "nato", "demands") in got
    assert ("dmitry-peskov", "nato", "opposes") not in got


def test_insisting_on_membership_rejects_giving_it_up():
    got = triples("Zelensky insists on NATO membership for Ukraine.")
    assert ("volodymyr-zelensky", "nato", "rejects") in got
    assert ("volodymyr-zelensky", "nato", "demands") not in got


def test_refusing_to_have_membership_ruled_out_rejects_giving_it_up():
    got = _nato("Zelensky said the country could never accept NATO membership being ruled out.")
    assert {p for _, p, _, _ in got} == {"rejects"}


def test_stepping_back_from_the_membership_ambition_replaces_a_refusal():
    got = _nato(
        "Ukraine is ready to step back from its long-held ambition of NATO membership in exchange "
        "for firm guarantees."
    )
    assert ("ukraine", "rejects", "earlier", None) in got
    assert ("ukraine", "accepts_on_condition", "current", "rejects") in got
    assert not [g for g in got if g[1] == "demands" or g[3] == "demands"]


@pytest.mark.parametrize(
    "text, holder",
    [
        ("Putin demanded that Ukraine renounce any plan to join NATO.", "vladimir-putin"),
        ("The Kremlin insists that Kyiv must abandon its hope of joining NATO.", "kremlin"),
    ],
)
def test_renouncing_membership_is_the_proposition_itself(text, holder):
    """Guard: a demand to give joining up stays a demand (the opposite word and the word that
    turns it cancel out)."""
    assert (holder, "nato", "demands") in triples(text)


def test_an_object_without_an_opposite_word_is_read_as_it_is():
    """Guard: other issues, and the issue's own words, are not turned."""
    assert ("volodymyr-zelensky", "territory", "rejects") in triples(
        "Zelensky rejected any withdrawal of Ukrainian troops from the Donbas."
    )


# -- a forecast about someone else is no stance of the speaker ------------------------------------
def test_what_another_may_need_to_do_is_a_forecast_not_a_demand():
    got = read(
        "Kenneth Walsh, an analyst at a research institute, said on Monday that the Kremlin may even "
        "need to order a partial military call-up to keep the offensive going."
    )
    assert not [s for s in got if s.issue == "army-size"]


def test_what_the_other_sides_command_aims_at_is_no_stance_of_the_speaker():
    said = "Volodymyr Zelensky said on Monday that the {} command aims to {} all of Donbas by the spring."
    assert not read(said.format("Russian", "seize"))
    unsided = (
        "Kenneth Walsh, an analyst, said that the Russian command aims to seize all of Donbas by spring."
    )
    assert not read(unsided)
    assert [(s.holder, s.issue) for s in read(said.format("Ukrainian", "hold"))] == [
        ("volodymyr-zelensky", "territory")
    ]


def test_a_plain_obligation_in_a_speakers_words_is_still_a_demand():
    got = read(
        "Kenneth Walsh, an analyst at a research institute, said on Monday that Kyiv must "
        "order a partial military call-up to keep the defence going."
    )
    assert [s.position for s in got if s.issue == "army-size"] == ["demands"]
    # the other side's call-up, in an article naming none of the issue's parties, is not the issue
    other = read(
        "Kenneth Walsh, an analyst at a research institute, said on Monday that the Kremlin must "
        "order a partial military call-up to keep the offensive going."
    )
    assert [s.position for s in other if s.issue == "army-size"] == []


# -- "reach" accepts only an agreement ------------------------------------------------------------
def test_reaching_into_networks_or_the_army_accepts_nothing():
    got = read(
        "“The allies have not reached far enough into these supply networks to keep parts from "
        "reaching the Russian military,” Bickett told reporters."
    )
    assert not [s for s in got if s.position == "accepts"]


def test_reaching_an_agreement_is_still_an_acceptance():
    got = triples("Kyiv and Moscow reached a ceasefire agreement on Tuesday.")
    assert {("ukraine", "ceasefire", "accepts"), ("russia", "ceasefire", "accepts")} <= got


# -- whose guarantees ------------------------------------------------------------------------------
def test_guarantees_for_another_side_are_not_the_issue():
    assert not [s for s in read("Medvedev also demanded that Russia receive security guarantees.")]
    assert not [
        s
        for s in read("Moscow wants the West to give security guarantees to Russia.")
        if s.issue == "security-guarantees"
    ]


@pytest.mark.parametrize(
    "text, holder, position",
    [
        ("Zelensky demanded that Ukraine receive security guarantees.", "volodymyr-zelensky", "demands"),
        ("Kyiv insists on security guarantees for Ukraine.", "ukraine", "demands"),
        ("The plan emphasizes granting Ukraine some form of security guarantees.", None, "proposes"),
    ],
)
def test_guarantees_for_the_issues_side_or_for_no_one_named_are_read(text, holder, position):
    got = [s for s in read(text) if s.issue == "security-guarantees"]
    assert [s.position for s in got] == [position]
    if holder:
        assert got[0].holder == holder


# -- where force falls is not the issue of who holds the land ---------------------------------------
def test_territory_where_attacks_would_fall_is_no_stance_on_territory():
    got = triples(
        "The plan emphasizes granting Ukraine some form of security guarantees, with a commitment by "
        "Moscow not to launch further attacks on Ukrainian territory."
    )
    assert not [t for t in got if t[1] == "territory"]
    assert [t for t in got if t[1] == "security-guarantees"]
