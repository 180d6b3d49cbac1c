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


def _role_corpus(texts: dict[str, tuple[str, str, str]]):
    """Articles of one sentence each, with one mention of the actor ``p`` (name, role words)."""
    from parley.models import Article, Mention, Span
    from parley.reconcile.claims import Corpus

    articles, mentions = {}, {}
    for aid, (text, name, role) in texts.items():
        articles[aid] = Article(aid, aid, "", text, "test", "text")
        start = text.index(name)
        mentions[aid] = [Mention(aid, Span(start, start + len(name)), name, "PERSON", "p", role)]
    return Corpus(articles, [], mentions, {})


def test_a_role_given_as_held_then_is_no_clash_with_former():
    from parley.reconcile.roles import role_clashes

    former = ("The former President Dana Reyes spoke at the dinner.", "Dana Reyes", "former President")
    past = {
        "b": ("The law was President Dana Reyes's crime bill of 1994.", "Dana Reyes", "President"),
        "c": ("He was chief of staff to President Dana Reyes for two years.", "Dana Reyes", "President"),
        "d": ("Then-President Dana Reyes signed it in 1995.", "Dana Reyes", "Then-President"),
    }
    assert role_clashes(_role_corpus({"a": former, **past}), {}) == []
    # a plain "President" in another article still clashes with "former President"
    now = ("President Dana Reyes said on Monday that talks would go on.", "Dana Reyes", "President")
    (clash,) = role_clashes(_role_corpus({"a": former, **past, "e": now}), {})
    assert [m.article_id for m in clash.current] == ["e"]
