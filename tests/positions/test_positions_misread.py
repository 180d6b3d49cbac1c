"""An issue's word named without a stance on the issue: what a speaker says holds "regardless of"
it, an adversary in a fight ("a war with X"), the part a thing plays ("the role of X"); and an
indefinite plan of something else ("a long-term plan of support"), which is not the negotiated plan.
Sentences written for these tests, on the shipped dossier."""

from __future__ import annotations

from parley.extract.stances.mentions import adversary
from parley.nlp import SpacyParser
from tests.positions.test_stance_issue_objects import triples


def _on(text: str, issue: str) -> set[tuple[str | None, str, str]]:
    return {t for t in triples(text) if t[1] == issue}


# -- indifference -----------------------------------------------------------------------------
def test_what_a_stance_holds_regardless_of_is_no_stance_on_it():
    assert not _on(
        "Zelensky said Ukraine must survive as a sovereign state, regardless of what the final "
        "territorial settlement looks like.",
        "territory",
    )
    assert not _on(
        "Zelensky said Ukraine must be protected irrespective of the territorial arrangement.", "territory"
    )
    assert not _on(
        "Zelensky said Ukraine must stay independent no matter who ends up holding the territory.",
        "territory",
    )


def test_a_stance_on_the_land_itself_is_still_read():
    got = _on(
        "Zelensky said Ukraine would never cede territory to Russia, whatever the pressure.", "territory"
    )
    assert ("volodymyr-zelensky", "territory", "rejects") in got


# -- an adversary -----------------------------------------------------------------------------
def test_a_war_with_the_alliance_is_no_stance_on_membership():
    assert not _on(
        "Medvedev said Russia must prepare its economy for a possible conflict with NATO in coming years.",
        "nato",
    )
    assert not _on("Peskov said Moscow must avoid a direct war against Ukraine and NATO.", "nato")


def test_the_alliance_as_who_a_text_was_sent_to_is_no_stance_on_membership():
    text = "In December, Russia called for a new order in Europe by submitting drafts to Washington and NATO."
    assert not _on(text, "nato")
    assert not _on("Russia called for talks on Ukraine by sending a letter to NATO.", "nato")


def test_a_demand_on_joining_the_alliance_is_still_read():
    got = _on("Peskov said the West has to keep Ukraine out of NATO to avoid a war with Russia.", "nato")
    assert ("dmitry-peskov", "nato", "demands") in got


# -- a role -----------------------------------------------------------------------------------
def test_the_role_of_the_alliance_is_no_stance_on_membership():
    assert not _on(
        "Putin wants to diminish the role of multilateral bodies such as NATO in European security.", "nato"
    )
    assert not _on("Lavrov said Moscow wants to curb NATO's influence in the region.", "nato")


def test_a_wish_about_membership_itself_is_still_read():
    got = _on("Lavrov said Moscow wants to prevent NATO expansion to the east.", "nato")
    assert ("sergei-lavrov", "nato", "demands") in got


# -- a plan of something else -----------------------------------------------------------------
def test_a_plan_of_support_is_not_the_negotiated_plan():
    text = "Marco Rubio said Washington should commit to a long-term plan of support for Kyiv."
    assert not _on(text, "peace-plan")


def test_the_negotiated_plan_and_a_plan_of_an_issue_are_still_read():
    got = _on("Secretary of State Marco Rubio said Washington should back the peace plan.", "peace-plan")
    assert ("marco-rubio", "peace-plan", "supports") in got


def test_only_a_named_body_is_an_adversary():
    parse = SpacyParser().parse
    (doc,) = parse(["Moscow will keep up its fight against the sanctions and a war against NATO."])
    words = {t.text: t for t in doc}
    assert adversary(words["NATO"])
    assert not adversary(words["sanctions"])  # fighting a measure is opposing it
