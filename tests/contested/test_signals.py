"""Reliability signals: shown with the article, each with its evidence and why, never a verdict."""

from __future__ import annotations

import datetime as dt

from parley.reconcile.signals import translit, weekday_signals


def _signals(store, article_id):
    return {s.kind: s for s in store.records("signal") if s.article_id == article_id}


def test_a_weekday_that_does_not_fall_on_its_date(store, by_outlet_title):
    found = _signals(store, by_outlet_title["Transcript"])["weekday"]
    assert found.text == "Friday, 4 December 2025"
    assert "Thursday" in found.explanation


def test_a_sitting_president_called_former(store, by_outlet_title):
    found = _signals(store, by_outlet_title["Transcript"])["role"]
    assert found.text == "former President"
    assert "President of the United States" in found.explanation


def test_a_misspelt_name_is_a_signal_but_a_transliteration_is_not(store, by_outlet_title):
    found = _signals(store, by_outlet_title["Moscow"])["misspelt-name"]
    assert found.text == "Andrii Sybhia" and "Sybiha" in found.explanation
    assert translit("Zelenskyy") == translit("Zelensky") == translit("Zelenskiy")
    assert translit("Sybhia") != translit("Sybiha")


def test_a_value_no_other_source_gives_needs_two_against_it(store):
    # five hours against six, one article each: neither is alone against the rest
    assert not [s for s in store.records("signal") if s.kind == "lone-claim"]


def test_weekday_signals_read_dates_both_ways():
    text = "Talks resumed on Monday, 1 December 2025, and again on Wednesday Dec. 4, 2025."
    found = weekday_signals("a", text, dt.date(2025, 12, 5))
    assert [s.text for s in found] == ["Wednesday Dec. 4, 2025"]
    assert weekday_signals("a", "Officials said today (Thursday) that", dt.date(2025, 12, 5))
