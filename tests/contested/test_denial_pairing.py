"""A denial and what it denies: a claim read only from inside the denial is no claim the corpus
makes; words calling the clause false are no part of it; attributive false-words, a quote given
to a denial verb of another sentence, a denial with no speaker or of one bare word are no items;
one sentence's denials by one speaker are one item; a speaker's own "could not confirm" is theirs,
not the outlet's. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from parley.models import Article, Span, Statement
from parley.reconcile.claim_senses import calls_false
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus, denied_claim, find_said, is_denial, merge_claims
from parley.reconcile.contested import find_contested
from parley.reconcile.contested_objects import denied_subject

WORDS = load_words()
DAY = dt.date(2026, 3, 4)


def _article(aid: str, text: str) -> Article:
    return Article(
        aid, f"https://example.org/{aid}", "t", text, "test", "text", outlet="example.org", published=DAY
    )


def _said(
    aid: str,
    text: str,
    words: str,
    speaker: str | None,
    cue: str | None,
    actor: str | None = None,
    n: int = 1,
) -> Statement:
    start = text.index(words)
    cue_at = text.find(cue) if cue else -1
    cue_span = Span(cue_at, cue_at + len(cue)) if cue and cue_at >= 0 else None
    kind = "direct" if words[:1] in '“"' else "reported"
    span = Span(start, start + len(words))
    return Statement(
        f"{aid}-{n}", aid, speaker, actor, cue, words, kind, span, cue_span=cue_span, said_on=DAY
    )


def _contested(articles: list[Article], statements: list[Statement]) -> list:
    corpus = Corpus({a.id: a for a in articles}, statements, {a.id: [] for a in articles}, {})
    claims = merge_claims(corpus, find_said(corpus, WORDS))
    return [c for c in find_contested(corpus, WORDS, claims, [], {}) if c.kind in ("denial", "unverified")]


# -- a claim read only from inside the denial ---------------------------------------------------
RANSOM = "The ministry has denied claims that it paid the kidnappers a ransom."


def test_the_clause_inside_a_denial_is_no_claim_against_it():
    s = _said(
        "a1", RANSOM, "claims that it paid the kidnappers a ransom", "The ministry", "denied", "ministry"
    )
    [item] = _contested([_article("a1", RANSOM)], [s])
    assert [x.value for x in item.sides] == ["denies"]
    assert item.subject == "denied: it paid the kidnappers a ransom"
    assert item.explanation == "a denial of a claim no source in the corpus makes"


def test_a_denial_still_answers_the_claim_another_article_makes():
    claim_text = "An unnamed official said the ministry paid the kidnappers a ransom."
    denial_text = "The ministry has denied claims that the ministry paid the kidnappers a ransom."
    claim = _said(
        "b1", claim_text, "the ministry paid the kidnappers a ransom", "An unnamed official", "said"
    )
    denial = _said(
        "a1",
        denial_text,
        "claims that the ministry paid the kidnappers a ransom",
        "The ministry",
        "denied",
        "m",
    )
    [item] = _contested([_article("a1", denial_text), _article("b1", claim_text)], [denial, claim])
    assert [x.value for x in item.sides] == ["claims", "denies"]
    assert "b1" in item.sides[0].sources


# -- words calling the clause false ------------------------------------------------------------
def test_the_words_calling_the_clause_false_are_not_the_claim():
    text = "rumours that the guards had fired rubber bullets at the crowd were 'totally untrue.'"
    start, end, _ = denied_claim(WORDS, text)
    assert text[start:end] == "the guards had fired rubber bullets at the crowd"
    shown = denied_subject(WORDS, "that speculation that the army might step in was untrue")
    assert shown == "denied: speculation that the army might step in"
    assert denied_subject(WORDS, 'the newspaper\'s report is "not true."') == "denied: the newspaper's report"
    assert denied_subject(WORDS, "the reports as “false” and “misleading.”") == "denied: the reports"
    # guard: a denial without such words keeps them all
    assert (
        denied_subject(WORDS, "that the clinic ever did the test")
        == "denied: that the clinic ever did the test"
    )
    start, end, _ = denied_claim(WORDS, "reports that the clinic ever did the test")
    assert end == len("reports that the clinic ever did the test")


def test_a_speaker_saying_he_was_misquoted_is_not_shown_denying_it():
    text = "He said his remarks were taken out of context."
    s = _said("a1", text, "his remarks were taken out of context", "He", "said", "mayor")
    [item] = _contested([_article("a1", text)], [s])
    assert item.subject == "says misquoted: his remarks were taken out of context"


# -- a false-word before a noun -----------------------------------------------------------------
def test_a_false_word_before_a_noun_calls_nothing_false():
    assert not calls_false(WORDS, "she gave the detectives false information about the cache")
    assert not calls_false(WORDS, "It is false modesty to call it luck")
    text = "that the owner inflated the profits through false accounting entries to sell his shares"
    assert not is_denial(WORDS, _said("a1", text, text, "The regulator", "alleged"))


def test_a_false_word_calling_something_false_still_does():
    assert calls_false(WORDS, "it was a false story all along")
    assert calls_false(WORDS, "the reports are false and misleading")
    assert calls_false(WORDS, "false claims of a breakthrough")
    assert calls_false(WORDS, "the account is untrue.")


# -- which denials are listed alone -------------------------------------------------------------
def test_a_quote_given_to_a_denial_verb_of_another_sentence_is_no_denial():
    text = "The coach disputes the account of the row. “He is the best player I have ever trained.”"
    first = _said("a1", text, "the account of the row", "The coach", "disputes", "coach")
    quote = _said(
        "a1", text, "“He is the best player I have ever trained.”", "The coach", "disputes", "coach", 2
    )
    [item] = _contested([_article("a1", text)], [first, quote])
    assert item.subject == "denied: the account of the row"


def test_a_quote_given_so_that_calls_something_false_is_still_one():
    text = "The coach disputes the account of the row. “That whole story is untrue.”"
    quote = _said("a1", text, "“That whole story is untrue.”", "The coach", "disputes", "coach", 2)
    assert len(_contested([_article("a1", text)], [quote])) == 1


def test_a_denial_without_a_speaker_or_of_one_bare_word_is_not_listed():
    text = "“The whole account is untrue.” Player denies claim."
    nobody = _said("a1", text, "“The whole account is untrue.”", None, None)
    bare = _said("a1", text, "claim", "Player", "denies", None, 2)
    assert _contested([_article("a1", text)], [nobody, bare]) == []
    # guard: a named speaker, or a claim with its article, is listed
    named = _said("a1", text, "“The whole account is untrue.”", "the mayor", None, "mayor")
    assert len(_contested([_article("a1", text)], [named])) == 1


def test_two_denials_of_one_sentence_by_one_speaker_are_one_item():
    text = "Denying that the merger is planned, the spokesman termed the reports “false.”"
    one = _said("a1", text, "that the merger is planned", "the spokesman", "Denying", "sp")
    two = _said("a1", text, "the reports “false.”", "the spokesman", "termed", "sp", 2)
    [item] = _contested([_article("a1", text)], [one, two])
    assert item.subject == "denied: that the merger is planned"


# -- "could not confirm" in a speaker's own words -------------------------------------------------
def test_officials_who_could_not_confirm_are_the_ones_who_have_not():
    text = "Officials said on Monday they could not confirm whether the commander was hit in the raid."
    s = _said(
        "a1",
        text,
        "on Monday they could not confirm whether the commander was hit in the raid",
        "Officials",
        "said",
    )
    [item] = _contested([_article("a1", text)], [s])
    assert [(x.value, x.who) for x in item.sides] == [("has not confirmed it", "Officials")]


def test_not_confirming_anything_names_nothing_unconfirmed():
    text = "The spokeswoman said the company was weighing several sites and has not confirmed anything."
    s = _said(
        "a1",
        text,
        "the company was weighing several sites and has not confirmed anything",
        "The spokeswoman",
        "said",
    )
    assert _contested([_article("a1", text)], [s]) == []


def test_the_writers_doubt_is_not_part_of_the_claim():
    text = "The broadcaster reported that the commander's aide was also killed but it could not be verified."
    s = _said(
        "a1",
        text,
        "that the commander's aide was also killed but it could not be verified",
        "The broadcaster",
        "reported",
    )
    [item] = _contested([_article("a1", text)], [s])
    assert item.sides[0].text == "that the commander's aide was also killed"
    assert item.sides[1].who == "example.org"  # guard: the passive doubt stays the outlet's


# -- an offer rejected is no claim denied ---------------------------------------------------------
def test_an_offer_the_board_rejected_is_no_denial():
    text = (
        "Earlier this year, the fund made a $12-a-share offer for the firm, "
        "which the Alder board rejected as low."
    )
    assert _contested([_article("a1", text)], []) == []
    claimed = "The army claimed the capture of the bridge, which the Interior Ministry rejected."
    [item] = _contested([_article("a1", claimed)], [])
    assert item.kind == "denial"


def test_a_denial_naming_who_made_the_claim_still_reports_it():
    text = "The minister rejected claims by a senior official that he had signed the draft."
    s = _said(
        "a1",
        text,
        "claims by a senior official that he had signed the draft",
        "The minister",
        "rejected",
        "min",
    )
    [item] = _contested([_article("a1", text)], [s])
    assert [(x.value, x.who) for x in item.sides] == [
        ("claims", "a senior official"),
        ("denies", "The minister"),
    ]
