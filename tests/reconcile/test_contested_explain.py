"""Why a denial of a claim no source makes is listed: the one wording of the contested items
(:func:`parley.reconcile.contested_sides.explain`), for one denying statement and for several.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from parley.models import Article, Span, Statement
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus, find_said, merge_claims
from parley.reconcile.contested import find_contested
from parley.reconcile.contested_objects import alone_denials
from parley.reconcile.contested_sides import explain, statement_side

WORDS = load_words()
DAY = dt.date(2026, 3, 4)
TOLL = "The port authority denied reports that it had raised the harbour toll."
AGAIN = "The harbour master denied reports that it had raised the harbour toll."
DENIED = "reports that it had raised the harbour toll"


def _article(aid: str, text: str) -> Article:
    return Article(
        aid, f"https://example.org/{aid}", "t", text, "test", "text", outlet="example.org", published=DAY
    )


def _denial(aid: str, text: str, speaker: str, actor: str) -> Statement:
    start, cue = text.index(DENIED), text.index("denied")
    return Statement(
        f"{aid}-1",
        aid,
        speaker,
        actor,
        "denied",
        DENIED,
        "reported",
        Span(start, start + len(DENIED)),
        cue_span=Span(cue, cue + len("denied")),
        said_on=DAY,
    )


def _denials(pairs: list[tuple[str, str, str, str]]) -> list:
    articles = [_article(aid, text) for aid, text, _, _ in pairs]
    said = [_denial(aid, text, speaker, actor) for aid, text, speaker, actor in pairs]
    corpus = Corpus({a.id: a for a in articles}, said, {a.id: [] for a in articles}, {})
    claims = merge_claims(corpus, find_said(corpus, WORDS))
    return [c for c in find_contested(corpus, WORDS, claims, [], {}) if c.kind == "denial"]


def test_the_shared_helper_words_denials_of_a_claim_no_source_makes():
    assert explain("lone-denial", 1) == "a denial of a claim no source in the corpus makes"
    assert explain("lone-denial", 3) == "3 statements denying a claim no source in the corpus makes"


def test_one_denial_of_a_claim_no_source_makes_is_explained_as_one():
    [item] = _denials([("a1", TOLL, "The port authority", "port-authority")])
    assert item.explanation == "a denial of a claim no source in the corpus makes"


def test_two_denials_of_one_claim_no_source_makes_are_counted():
    articles = [_article("a1", TOLL), _article("a2", AGAIN)]
    said = [
        _denial("a1", TOLL, "The port authority", "port"),
        _denial("a2", AGAIN, "The harbour master", "master"),
    ]
    corpus = Corpus({a.id: a for a in articles}, said, {a.id: [] for a in articles}, {})
    lone = [(DENIED, False, [(s, statement_side(corpus, s, "denies")) for s in said])]
    [item] = alone_denials(corpus, WORDS, lone)
    assert [x.who for x in item.sides] == ["The port authority", "The harbour master"]
    assert item.explanation == "2 statements denying a claim no source in the corpus makes"


def test_a_claim_and_its_denials_keep_their_own_wording():
    assert explain("denial", 1) == "a claim and 1 statement denying it"
    assert explain("denial", 2) == "a claim and 2 statements denying it"
    assert explain("lone-denial", 1) == "a denial of a claim no source in the corpus makes"
