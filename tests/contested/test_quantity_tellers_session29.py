"""A figure told inside someone's statement is that speaker's side of a quantity item, not the
outlet's; a figure in the writer's own words stays the outlet's. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

from parley.reconcile.contested import quantity_contests
from tests.contested.test_contested_session28 import GENERAL, MINISTER, WORDS, _article, _corpus, _said


def _sides(statements):
    articles = [_article("a1", MINISTER), _article("b1", GENERAL)]
    [item] = quantity_contests(_corpus(articles, statements), WORDS)
    return {x.value: (x.who, x.actor_id) for x in item.sides}


def test_a_figure_inside_a_statement_is_its_speakers():
    words = "troops had recaptured 250 square kilometres in the northern sector"
    minister = replace(_said("a1", MINISTER, words, "The defence minister", "said"), speaker_actor_id="min-1")
    sides = _sides([minister])
    assert sides["250"] == ("The defence minister", "min-1")
    assert sides["320"] == ("b1.org", None)  # no statement holds it here: the outlet's


def test_guard_a_figure_outside_the_statement_stays_the_outlets():
    said = _said("a1", MINISTER, "troops had recaptured", "The defence minister", "said")
    assert _sides([said])["250"] == ("a1.org", None)
