"""News of another time or of other parties gives no stances on a dossier's issues: an article
published long before the negotiation's first document, an issue whose parties the article never
names, an issue's word aimed at a country that is none of the dossier's sides, and an issue's
thing given a role or a task.
Sentences written for these tests, on the shipped dossier."""

from __future__ import annotations

import datetime as dt

from parley.dossier import Dossier
from parley.extract.stances.scope import Scope
from parley.models import Article
from tests.positions.test_stance_issue_objects import _pipeline, triples


def _dated(text: str, published: dt.date | None) -> set[tuple[str | None, str, str]]:
    article = Article("a1", "x", "", text, "test", "text", published=published)
    (analysis,) = _pipeline().run([article])
    return {(s.holder, s.issue, s.position) for s in analysis["stance"]}


LAND = "Zelensky said Ukraine would never cede territory to Russia."


# -- an article from long before the negotiation ----------------------------------------------
def test_an_article_from_years_before_the_negotiation_holds_no_stances():
    assert not _dated(LAND, dt.date(1998, 3, 1))


def test_an_article_of_the_negotiations_time_or_undated_is_still_read():
    expected = ("volodymyr-zelensky", "territory", "rejects")
    assert expected in _dated(LAND, dt.date(2025, 12, 1))
    assert expected in _dated(LAND, dt.date(2025, 3, 1))  # months before the first document: still read
    assert expected in _dated(LAND, None)


def test_the_negotiation_begins_a_while_before_its_first_document():
    scope = Scope(Dossier.load())
    assert scope.before(dt.date(1999, 3, 12))
    assert not scope.before(dt.date(2025, 9, 30))
    assert not scope.before(None)


# -- an issue whose parties the article never names -------------------------------------------
def test_an_issue_is_about_the_sides_its_description_names():
    scope = Scope(Dossier.load())
    assert scope.parties["nato"] == {"ukraine"}
    assert scope.parties["sanctions"] == {"russia"}
    assert scope.parties["ceasefire"] == set()  # no side named: any article may speak of it


def test_an_article_that_never_names_an_issues_party_holds_no_stance_on_it():
    text = "Macron said France would never cede territory to the rebels in its overseas regions."
    assert not [t for t in _dated(text, None) if t[1] == "territory"]
    text = "The Kremlin said the alliance must be ready to face any aggressive regime."
    assert Scope(Dossier.load()).away(text) >= {"nato", "territory", "army-size"}


def test_an_article_naming_the_party_by_a_person_or_an_adjective_is_still_read():
    got = _dated("Zelensky said his government would never cede territory to the invaders.", None)
    assert ("volodymyr-zelensky", "territory", "rejects") in got
    assert "nato" not in Scope(Dossier.load()).away("Zelensky spoke with the alliance's chief.")
    assert "nato" not in Scope(Dossier.load()).away("Ukrainian officials met the alliance's chief.")


# -- an issue's word aimed at a country that is none of the sides ------------------------------
def test_sanctions_against_another_country_are_not_the_issue():
    assert not triples("The Kremlin demanded lifting the economic sanctions against Iraq.")


def test_sanctions_against_a_side_or_imposed_by_one_are_still_read():
    assert ("kremlin", "sanctions", "demands") in triples(
        "The Kremlin demanded lifting the economic sanctions against Russia."
    )
    assert ("kremlin", "sanctions", "demands") in triples("The Kremlin demanded lifting Western sanctions.")


def test_land_of_a_side_or_a_region_of_one_is_still_read():
    assert ("volodymyr-zelensky", "territory", "rejects") in triples(
        "Zelensky said Kyiv will not cede Ukraine's territory."
    )
    assert ("dmitry-peskov", "territory", "demands") in triples(
        "Peskov said Ukrainian troops must withdraw from the Kharkiv and Sumy regions."
    )
    assert ("dmitry-peskov", "territory", "demands") in triples(
        "Peskov said Ukrainian troops must withdraw from Donetsk."
    )
    assert ("dmitry-peskov", "territory", "demands") in triples(
        "Peskov said Ukraine must withdraw from Russia's Kursk region."
    )


# -- an issue's thing given a role or a task: the stance is on the role -------------------------
def test_a_stance_on_the_role_the_issues_thing_is_given_is_no_stance_on_the_issue():
    assert not triples(
        "“We want our membership of NATO to serve as a bridge for trade with Ukraine,” Sybiha said."
    )
    assert not triples("Sybiha said NATO must be ready to face any aggressive regime near Ukraine.")
    assert not triples("Sybiha insisted that NATO was the best tool to keep the peace in Ukraine.")


def test_what_the_issues_thing_must_do_to_the_issue_or_be_is_still_read():
    assert ("dmitry-peskov", "nato", "demands") in triples(
        "Peskov said NATO must stop its expansion towards Ukraine."
    )
    assert ("volodymyr-zelensky", "ceasefire", "demands") in triples(
        "Zelensky said the ceasefire must be unconditional."
    )
    assert ("volodymyr-zelensky", "army-size", "demands") in triples(
        "Zelensky said Ukraine's army must number 800,000."
    )
    assert ("dmitry-peskov", "sanctions", "demands") in triples(
        "Peskov said the sanctions on Russia must be lifted."
    )


def test_an_article_naming_one_of_the_issues_own_places_is_about_it():
    scope = Scope(Dossier.load())
    assert "territory" not in scope.away("Moscow has softened its demands on the Donbas.")
    assert "territory" in scope.away("Moscow has softened its demands on the disputed land.")


def test_an_issue_of_no_side_needs_an_article_naming_some_side():
    scope = Scope(Dossier.load())
    assert "ceasefire" in scope.away("The rebel commander said the truce must be unconditional.")
    assert "ceasefire" not in scope.away("Peskov said the truce must be unconditional.")
    assert not _dated("The rebel commander Tom Hale said the ceasefire must be unconditional.", None)
