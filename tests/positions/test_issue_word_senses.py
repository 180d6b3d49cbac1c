"""An issue's word used in another sense is no stance on the issue: one of a series after a
preposition ("in the past nine elections"), a choice of a person ("vote for him"), a title before
a name ("NATO member X"), leaving what is no place ("withdraw from the race"), an event someone is
kept out of ("keep X out of elections"), and a question opened by "if" ("need to know if ...").
Sentences written for these tests, on the shipped dossier."""

from __future__ import annotations

from tests.positions.test_stance_issue_objects import triples


def _on(issue: str, text: str) -> set[tuple[str | None, str, str]]:
    return {t for t in triples(text) if t[1] == issue}


def test_an_issue_word_of_a_series_after_a_preposition_says_how_often():
    assert not _on(
        "elections", "The Kremlin refuses to do what every leader has done in the past nine elections."
    )


def test_an_issue_word_after_a_preposition_without_a_series_is_still_read():
    got = _on("elections", "Zelensky said Ukraine must hold elections in the next year.")
    assert ("volodymyr-zelensky", "elections", "demands") in got
    got = _on("elections", "The Kremlin wants Ukrainians to vote in a referendum on the deal.")
    assert ("kremlin", "elections", "demands") in got


def test_voting_for_a_person_is_no_stance_on_holding_a_vote():
    assert not _on("elections", "Peskov said Kyiv should vote for him.")
    assert not _on("elections", "Peskov said the voters should vote against her in the spring.")


def test_voting_on_a_question_is_still_read():
    got = _on("elections", "Zelensky said Ukrainians should vote on any deal in a referendum.")
    assert ("volodymyr-zelensky", "elections", "demands") in got


def test_an_issue_word_in_a_title_before_a_name_is_about_the_name():
    assert not _on("nato", "The Kremlin dismissed NATO member Finland.")


def test_an_issue_word_before_a_noun_alone_is_still_read():
    assert ("ukraine", "nato", "demands") in _on("nato", "Kyiv wants to become a NATO member.")


def test_withdrawing_from_what_is_no_place_is_no_territorial_withdrawal():
    assert not _on("territory", "Zelensky said he will not withdraw from the race.")
    assert not _on(
        "territory", "Peskov said Russia would withdraw from the customs union by the end of March."
    )
    assert not _on("territory", "The Kremlin agreed to withdraw from the treaty.")
    assert not _on("territory", "Zelensky said he would withdraw from running for a second term.")


def test_withdrawing_from_a_place_is_still_read():
    got = _on("territory", "Zelensky said Ukraine would never withdraw from the Donbas region.")
    assert ("volodymyr-zelensky", "territory", "rejects") in got
    got = _on("territory", "Peskov said Ukrainian troops must withdraw from the region.")
    assert ("dmitry-peskov", "territory", "demands") in got
    got = _on("territory", "The Kremlin demanded that Ukraine withdraw from Kramatorsk and Sloviansk.")
    assert ("kremlin", "territory", "demands") in got
    got = _on("territory", "Peskov said Ukrainian forces must withdraw.")
    assert ("dmitry-peskov", "territory", "demands") in got


def test_an_event_someone_is_kept_out_of_is_no_stance_on_holding_it():
    assert not _on("elections", "Peskov said the West has to keep Moscow out of elections.")


def test_keeping_someone_out_of_a_body_is_still_read():
    got = _on("nato", "Peskov said the West has to keep Ukraine out of NATO.")
    assert [t for t in got if t[0] == "dmitry-peskov"]


def test_an_issue_word_in_a_question_opened_by_if_is_no_demand():
    text = "“People need to know if a foreign power is trying to tip the scales of an election,” Peskov said."
    assert not _on("elections", text)
    assert not _on("elections", "“We need to know if Ukraine will hold elections,” Peskov said.")


def test_an_issue_word_in_a_main_clause_with_a_condition_is_still_read():
    got = _on("elections", "“Ukraine must hold elections if the war ends,” Peskov said.")
    assert ("dmitry-peskov", "elections", "demands") in got
