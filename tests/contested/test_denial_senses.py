"""Words of denial and of unverified reports in a sense that is not theirs: a fact-checker's
verdict ("concluded his remarks were 'Mostly False'", "rates so many claims as inaccurate
because ...") is no denial by the one who reports it, and "did not confirm" under "if" is no
unverified report. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from parley.models import Article, Span, Statement
from parley.reconcile.claim_senses import calls_false, reports_unverified
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus, is_denial
from parley.reconcile.contested import unverified

WORDS = load_words()
DAY = dt.date(2026, 3, 4)


def _statement(text: str, cue: str, speaker: str = "the spokesman") -> Statement:
    return Statement("s1", "a1", speaker, "p", cue, text, "reported", Span(0, len(text)), said_on=DAY)


def _unverified(text: str) -> list:
    article = Article("a1", "x", "t", text, "test", "text", outlet="example.org", published=DAY)
    return unverified(Corpus({"a1": article}, [], {"a1": []}, {}), WORDS, [])


# -- a fact-check's verdict --------------------------------------------------------------------
def test_a_graded_verdict_label_is_no_denial():
    assert not is_denial(WORDS, _statement("the senator's figures were “Mostly False.”", "concluded"))
    assert not is_denial(WORDS, _statement("her remarks were 'half false'", "found"))


def test_a_false_word_after_a_verb_of_rating_is_no_denial():
    text = "that the site rates so many of the governor's claims as inaccurate because they leave out context"
    assert not is_denial(WORDS, _statement(text, "replied"))
    assert not calls_false(WORDS, "the group rated his tax figures false last spring")
    assert not calls_false(WORDS, "the checkers cited four of her claims as “false”")


def test_a_spokesman_calling_a_report_false_is_still_a_denial():
    assert is_denial(WORDS, _statement("the report is false", "said"))
    assert is_denial(WORDS, _statement("the story is mostly false and the minister never met them", "said"))
    # a verb of rating in another clause does not make the spokesman's words a verdict
    assert calls_false(WORDS, "the figures cited by the paper were false")
    assert calls_false(WORDS, "the claims listed in the letter are baseless")


# -- "did not confirm" under a condition --------------------------------------------------------
def test_did_not_confirm_under_if_is_no_unverified_report():
    text = (
        "The county removed thousands of inactive voters from the rolls if they did not confirm "
        "their addresses within four years."
    )
    assert not reports_unverified(WORDS, text)
    assert _unverified(text) == []


def test_an_outlet_that_could_not_confirm_a_report_is_still_unverified():
    text = "The ministry said its troops had taken the village. The Ledger could not confirm the report."
    assert reports_unverified(WORDS, text)
    found = _unverified(text)
    assert len(found) == 1 and found[0].kind == "unverified"
    # a condition in an earlier clause does not reach the phrase
    assert reports_unverified(WORDS, "If true, it would be a big gain, but the claim has not been verified.")
