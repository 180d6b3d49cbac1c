"""A document word that a common noun says the kind of ("the evacuation plans", "a reform plan")
is no stance on the negotiated plan; an issue's word after a preposition of time ("before the
elections") only says when. Sentences written for these tests, on the shipped dossier."""

from __future__ import annotations

import datetime as dt

from parley.models import Article
from parley.pipeline import Analysis
from tests.positions.test_stance_issue_objects import _pipeline, triples


def test_a_plan_of_another_kind_is_not_the_negotiated_plan():
    got = triples("The Kremlin welcomed the reform plan for its regional governments.")
    assert not [t for t in got if t[1] == "peace-plan"]
    got = triples("Kyiv rejected the evacuation plans drawn up by the city council.")
    assert not [t for t in got if t[1] == "peace-plan"]


def test_the_plans_own_words_and_hyphened_counts_keep_it_the_plan():
    assert ("kremlin", "peace-plan", "rejects") in triples("The Kremlin rejected the peace plan outright.")
    assert ("kremlin", "peace-plan", "rejects") in triples("The Kremlin rejected the 28-point plan outright.")
    assert ("kremlin", "peace-plan", "rejects") in triples("The Kremlin rejected the plan outright.")


def test_another_issues_word_or_a_holders_noun_before_the_document_keeps_it_the_plan():
    assert ("kremlin", "peace-plan", "rejects") in triples(
        "The Kremlin rejected the ceasefire proposal outright."
    )
    assert ("kremlin", "peace-plan", "rejects") in triples(
        "The Kremlin rejected the administration plan outright."
    )


def test_an_issue_word_after_a_preposition_of_time_is_no_stance_on_it():
    got = triples("The Kremlin refused to release the prisoners before the elections.")
    assert not [t for t in got if t[1] == "elections"]
    got = triples("Kyiv rejected any talks on the reactor ahead of a ceasefire.")
    assert not [t for t in got if t[1] == "ceasefire"]


def test_an_issue_word_as_the_object_is_still_read():
    assert ("kremlin", "elections", "rejects") in triples("The Kremlin rejected early elections in Ukraine.")
    assert ("ukraine", "ceasefire", "demands") in triples("Kyiv demanded a ceasefire before any talks.")


def _on(day: dt.date, text: str) -> set[tuple[str | None, str, str]]:
    article = Article("a1", "x", "", text, "test", "text", published=day)
    (analysis,) = _pipeline().run([article])
    assert isinstance(analysis, Analysis), analysis
    return {(s.holder, s.issue, s.position) for s in analysis["stance"]}


def test_a_plain_plan_in_an_article_older_than_every_known_document_is_another_one():
    text = "The Kremlin rejected the plan outright."
    assert ("kremlin", "peace-plan", "rejects") in _on(dt.date(2025, 12, 1), text)
    assert not [t for t in _on(dt.date(2016, 9, 1), text) if t[1] == "peace-plan"]
