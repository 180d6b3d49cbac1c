"""Claims that are no one's claim, and claims that are not one claim: a clause under a negated
evidential ("little evidence to suggest that ..."), two claims about one actor with verbs of one
family but nothing else in common, and the writer's own hedge on a figure no one is said to give.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.models import Article, Mention, Span, Statement
from parley.reconcile.claim_words import content_words, load_words
from parley.reconcile.claims import Corpus, said_in, same_claim, says_not
from parley.reconcile.contested_records import Claim, ClaimSource, Said
from parley.reconcile.signals import unattributed_signals

WORDS = load_words()
DAY = dt.date(2026, 1, 10)


def _article(text: str) -> Article:
    return Article("a1", "x", "t", text, "test", "text", outlet="example.org", published=DAY)


def _statement(text: str, article: str, cue: str) -> Statement:
    start = article.index(text)
    return Statement(
        "s1", "a1", None, None, cue, text, "reported", Span(start, start + len(text)), said_on=DAY
    )


def _corpus(article: Article, statements=(), mentions=()) -> Corpus:
    return Corpus({article.id: article}, list(statements), {article.id: list(mentions)}, {})


def _mention(article: str, words: str, actor: str) -> Mention:
    start = article.index(words)
    return Mention("a1", Span(start, start + len(words)), words, "PERSON", actor)


# -- a negated evidential -------------------------------------------------------------------------
def test_a_clause_under_no_evidence_is_no_claim():
    text = (
        "The war has gone badly for the Kremlin. There is scant evidence to suggest that the "
        "president has agreed to give up the occupied regions. Talks continue."
    )
    clause = "that the president has agreed to give up the occupied regions"
    corpus = _corpus(
        _article(text), [_statement(clause, text, "suggest")], [_mention(text, "president", "p")]
    )
    assert said_in(corpus, WORDS, "a1", corpus.statements) == []  # type: ignore[arg-type]


def test_a_clause_someone_is_said_to_suggest_is_still_a_claim():
    """Guard: without the negated evidential the reported clause is read as before."""
    text = (
        "The war has gone badly for the Kremlin. Officials in the capital suggest that the "
        "president has agreed to give up the occupied regions. Talks continue."
    )
    clause = "that the president has agreed to give up the occupied regions"
    corpus = _corpus(
        _article(text), [_statement(clause, text, "suggest")], [_mention(text, "president", "p")]
    )
    found = said_in(corpus, WORDS, "a1", corpus.statements)  # type: ignore[arg-type]
    assert [s.text for s in found] == [clause]


# -- one claim needs words in common --------------------------------------------------------------
def _said(text: str, article: str = "a1") -> Said:
    return Said(article, Span(0, len(text)), text, "action", None, None, "unknown", DAY, ("p",),
                WORDS.family(text), False)  # fmt: skip


def test_one_actor_and_one_verb_family_are_not_one_claim():
    a = _said("that the president is prepared to accept the loss of the western provinces")
    b = _said("that the two capitals agreed to principles set out in the president's June speech", "a2")
    assert a.family == b.family == "agree"
    assert not same_claim(a, b)


def test_two_wordings_of_one_claim_are_still_one():
    """Guard: a plan and a proposal are one thing; the same claim in other words is still one."""
    a = _said("that the president has accepted the peace plan drawn up in the capital")
    b = _said("the president accepted the peace proposal from the capital last week", "a2")
    assert "<document>" in content_words(a.text) & content_words(b.text)
    assert same_claim(a, b)


# -- the writer's judgement, and one template repeated ----------------------------------------------
def test_apparently_in_the_writers_own_judgement_is_no_claim():
    text = "The talks stalled again. The leader is apparently not playing for small gains but for history."
    assert said_in(_corpus(_article(text)), WORDS, "a1", []) == []


def test_reportedly_without_a_source_is_still_an_unattributed_claim():
    """Guard: a hedge of something reported, with no source, is read as before."""
    text = "The talks stalled again. The envoy reportedly carried a new draft to the capital."
    found = said_in(_corpus(_article(text)), WORDS, "a1", [])
    assert [s.claimant_kind for s in found] == ["article"]


def _unsourced(article: str, start: int, text: str) -> Claim:
    source = ClaimSource(article, Span(start, start + len(text)), text)
    return Claim(f"c{article}{start}", text, "report", None, None, "article", DAY, (), article,
                 source.span, (source,), 1)  # fmt: skip


def test_one_hedged_template_repeated_in_an_article_is_one_signal():
    lines = [
        "Drone crews of the 12th Brigade are reportedly striking positions near the river.",
        "Elements of the 40th Regiment reportedly continue to operate in the southern direction.",
        "Artillery units of the 9th Division are reportedly operating near the town.",
    ]
    claims = [_unsourced("a1", i * 100, t) for i, t in enumerate(lines)]
    claims.append(_unsourced("a2", 0, "The envoy reportedly carried a new draft to the capital."))
    signals = unattributed_signals(claims)
    assert sorted(s.article_id for s in signals) == ["a1", "a2"]
    first = next(s for s in signals if s.article_id == "a1")
    assert first.span == claims[0].span and "3 sentences" in first.explanation


def test_two_hedged_sentences_are_still_two_signals():
    """Guard: only a template repeated three times or more is collapsed."""
    claims = [
        _unsourced("a1", 0, "The envoy reportedly carried a new draft to the capital."),
        _unsourced("a1", 100, "The talks reportedly ran late into the night."),
    ]
    assert len(unattributed_signals(claims)) == 2


# -- a denial is the speaker's own "did not" on the claimed act ------------------------------------
def _spoken(text: str) -> Statement:
    return Statement("s9", "a1", "Jane Doe", "jane-doe", "said", text, "direct", Span(0, len(text)))


def test_an_opinion_with_someone_elses_cannot_accept_is_no_denial():
    text = (
        "I share the view that defeat would end his rule. They cannot accept that defeat. "
        "Frankly, I don't believe in a quick settlement."
    )
    assert not says_not(WORDS, _spoken(text))


def test_the_speakers_own_did_not_is_still_a_denial():
    """Guard: "I did not agree", "he did not endorse" deny a claim that they did."""
    assert says_not(WORDS, _spoken("I did not agree to any of the proposals."))
    assert says_not(WORDS, _spoken("that he did not endorse the plan and is still studying it"))


def test_a_hedge_describing_a_named_source_is_no_unsourced_claim():
    text = (
        "Fighting went on. A milblogger reportedly affiliated with the northern group wrote that "
        "the line held."
    )
    assert said_in(_corpus(_article(text)), WORDS, "a1", []) == []


# -- a topic, not a claim ---------------------------------------------------------------------------
def _unnamed(text: str, content: str, cue: str) -> Statement:
    start = text.index(content)
    return Statement(
        "s1", "a1", "Northern negotiators", None, cue, content, "reported", Span(start, start + len(content)),
        said_on=DAY,
    )  # fmt: skip


@pytest.mark.parametrize("cue", ["expressed concerns about", "voiced concern regarding", "shared doubts on"])
def test_what_a_view_is_voiced_about_is_no_claim(cue):
    """ "expressed concerns about the first draft": the topic of a worry, asserted by no one."""
    text = f"Northern negotiators {cue} the first draft of the accord. Talks go on."
    said = _unnamed(text, "the first draft of the accord", cue)
    corpus = _corpus(_article(text), [said])
    assert said_in(corpus, WORDS, "a1", corpus.statements) == []  # type: ignore[arg-type]


def test_what_unnamed_negotiators_said_happened_is_still_a_claim():
    """Guard: the same speaker with a clause of its own makes an unnamed-source claim."""
    text = "Northern negotiators said that the first draft of the accord was written in secret. Talks go on."
    said = _unnamed(text, "that the first draft of the accord was written in secret", "said")
    corpus = _corpus(_article(text), [said])
    found = said_in(corpus, WORDS, "a1", corpus.statements)  # type: ignore[arg-type]
    assert [x.kind for x in found] == ["unnamed-source"]
