"""Who claims what "X, which Y disputed" disputes: the outlet only when the article says it in its
own voice; else who the sentence names, or no one (not the paragraph's subject, nor the maker of
a fake: tests/contested/test_claim_not_denied.py). Short articles written for
these tests, read without a parser (the mentions are given by hand)."""

from __future__ import annotations

import datetime as dt

from parley.models import Article, Mention, Span
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus
from parley.reconcile.contested import unverified
from parley.reconcile.contested_claimants import disputed_after

SIDES = {"northern": "Northland", "northland": "Northland", "southern": "Southland", "southland": "Southland"}


def _corpus(
    text: str, mentions: tuple[tuple[str, str], ...] = (), outlet: str = "the-ledger.example"
) -> Corpus:
    """One article of the outlet "the-ledger.example"; ``mentions``: (words, label) found in it
    (each at its first place)."""
    found = [Mention("a1", Span(text.index(w), text.index(w) + len(w)), w, label) for w, label in mentions]
    article = Article(
        id="a1",
        sha256="0",
        title="Front line",
        text=text,
        origin="test",
        format="text",
        outlet=outlet,
        published=dt.date(2026, 1, 5),
    )
    return Corpus(articles={"a1": article}, statements=[], mentions={"a1": found}, actors={})


def _sides(text: str, mentions: tuple[tuple[str, str], ...] = ()) -> list[tuple[str | None, str | None]]:
    """(claimant, denier) of each item the article gives."""
    items = disputed_after(_corpus(text, mentions), load_words(), SIDES)
    return [(c.sides[0].who, c.sides[1].who) for c in items]


def test_the_subject_of_claiming_is_the_claimant_not_the_outlet():
    text = (
        "Fighting went on near the river town, with Northland claiming the capture of the old mill "
        "on Tuesday, which Southern officials disputed."
    )
    assert _sides(text) == [("Northland", "Southern officials")]


def test_a_claim_the_article_makes_in_its_own_voice_is_the_outlets():
    text = "The eastern bridge fell to the northern brigades on Monday, which the Southern command disputed."
    assert _sides(text) == [("the-ledger.example", "the Southern command")]


def test_claims_by_someone_and_a_sides_claims_name_them():
    by = "Claims by the Southern army that the dam had burst, which Northland rejected, spread online."
    assert _sides(by) == [("the Southern army", "Northland")]
    adjective = "Southern claims that the dam had burst, which Northland rejected, spread online."
    assert _sides(adjective) == [("Southland", "Northland")]


def test_a_reported_claim_naming_no_one_is_no_ones_not_the_outlets():
    text = "Reports of a second crossing at the ford, which the Northern command denied, went unchecked."
    assert _sides(text) == [(None, "the Northern command")]


def test_a_name_after_reports_that_does_not_point_back_to_a_sentence_naming_it():
    text = (
        "Southland held a parade in the capital on Sunday. Reports that Southland had moved tanks to "
        "the ford, which the Northern command denied, went unchecked."
    )
    assert _sides(text, (("Southland", "GPE"),)) == [(None, "the Northern command")]


def _unverified(text: str, mentions: tuple[tuple[str, str], ...] = ()) -> list[tuple[str | None, str | None]]:
    """(value, who) of the side each "not verified" item of the article gives."""
    items = unverified(_corpus(text, mentions), load_words(), [])
    return [(c.sides[-1].value, c.sides[-1].who) for c in items]


def test_who_has_not_confirmed_a_figure_is_that_side_not_the_outlet():
    text = (
        "Southland's army said it destroyed forty northern tanks last week. "
        "The Northland defence ministry has not confirmed the losses, and neither has anyone else."
    )
    assert _unverified(text) == [("has not confirmed it", "The Northland defence ministry")]


def test_a_report_the_outlet_could_not_verify_is_the_outlets():
    passive = "A video said to show the dam after the blast could not be verified by the time of writing."
    assert _unverified(passive) == [("says it is not verified", "the-ledger.example")]
    own = "We have not independently verified the footage, which spread quickly on Tuesday."
    assert _unverified(own) == [("says it is not verified", "the-ledger.example")]
    named_itself = "The Ledger could not independently verify the claim made in the video."
    assert _unverified(named_itself) == [("says it is not verified", "the-ledger.example")]
    passive_named = "Casualty figures released by Northland could not be verified."
    assert _unverified(passive_named) == [("says it is not verified", "the-ledger.example")]


def test_a_place_in_the_outlets_name_is_not_the_outlet():
    text = "Southland has not confirmed the strike on the depot, which Northern officials announced."
    found = unverified(_corpus(text, outlet="the-southland-ledger.example"), load_words(), [])
    assert [(c.sides[-1].value, c.sides[-1].who) for c in found] == [("has not confirmed it", "Southland")]
