"""A claim paired with a denial of something else, and a denial of "such allegations".

- "a fake about X, which was denied by Y": what Y denied is X; the clause calling it a fake is
  the writer's judgement, no claim: a lone denial of X, or X claimed by the maker the clause
  names ("Northland's fake about X");
- a claimant is only someone the text says made the claim, not the subject of the paragraph
  around it ("... to support this tactic. A recent example of this tactic is a rumour ...");
- "Southland has accused X of Y. Northland has denied such allegations": the sentence before is
  the claim denied, when it makes a claim of the noun's kind.

Short articles written for these tests (mentions given by hand, no parser)."""

from __future__ import annotations

import datetime as dt

from parley.models import Article, Mention, Span, Statement
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus, find_said, merge_claims
from parley.reconcile.contested import find_contested
from parley.reconcile.contested_claimants import disputed_after

WORDS = load_words()
DAY = dt.date(2026, 3, 4)
SIDES = {"northern": "Northland", "northland": "Northland", "southern": "Southland", "southland": "Southland"}


def _corpus(
    text: str, statements: list[Statement] = (), mentions: tuple[tuple[str, str], ...] = ()
) -> Corpus:
    found = [Mention("a1", Span(text.index(w), text.index(w) + len(w)), w, label) for w, label in mentions]
    article = Article("a1", "0", "Talks", text, "test", "text", outlet="the-ledger.example", published=DAY)
    return Corpus(articles={"a1": article}, statements=list(statements), mentions={"a1": found}, actors={})


def _disputed(text: str, mentions: tuple[tuple[str, str], ...] = ()) -> list:
    return disputed_after(_corpus(text, mentions=mentions), WORDS, SIDES)


# -- "a fake about X, which was denied by Y" --------------------------------------------------------
FAKE = (
    "Northern negotiators bluff and spread invented stories to support this tactic. A recent "
    "example of this tactic is a hastily made fake about drones striking the lake house of the "
    "southern leader, which was denied by foreign intelligence after checking."
)


def test_a_sentence_calling_it_a_fake_is_a_denial_of_what_the_fake_says_not_a_claim():
    [item] = _disputed(FAKE, (("Northern", "NORP"),))
    assert [(x.value, x.who) for x in item.sides] == [("denies", "foreign intelligence")]
    assert item.subject == "denied: drones striking the lake house of the southern leader"
    assert item.explanation == "a denial of a claim no source in the corpus makes"


def test_false_claims_are_the_writers_judgement_not_a_claim():
    text = (
        "State television spread false claims that northern troops had shelled the hospital, "
        "which the Relief Council disputed."
    )
    [item] = _disputed(text)
    assert [x.value for x in item.sides] == ["denies"]
    assert item.subject == "denied: northern troops had shelled the hospital"


def test_a_fake_whose_maker_the_clause_names_is_their_claim_of_what_it_says():
    text = (
        "Northland's fake about a poisoned reservoir near the border, which was denied by the "
        "water board, spread."
    )
    [item] = _disputed(text)
    claimed, denial = item.sides
    assert (claimed.value, claimed.who, claimed.text) == (
        "claims",
        "Northland",
        "a poisoned reservoir near the border",
    )
    assert (denial.value, denial.who) == ("denies", "the water board")


def test_a_claim_the_clause_makes_is_still_paired_with_its_dispute():
    text = (
        "Fighting went on near the river town, with Northland claiming the capture of the old mill "
        "on Tuesday, which Southern officials disputed."
    )
    [item] = _disputed(text)
    assert [(x.value, x.who) for x in item.sides] == [
        ("claims", "Northland"),
        ("denies", "Southern officials"),
    ]
    assert item.sides[0].text.startswith("Fighting went on")


# -- a claimant is only who the text says made the claim ---------------------------------------------
def test_the_subject_of_the_paragraph_is_not_the_claimant():
    text = (
        "Northern negotiators spread rumours to support this tactic. A recent example of this tactic "
        "is a rumour about drones striking the lake house, which was denied by foreign intelligence."
    )
    [item] = _disputed(text, (("Northern", "NORP"),))
    assert [(x.value, x.who) for x in item.sides] == [("claims", None), ("denies", "foreign intelligence")]


def test_who_used_a_rumour_afterwards_is_not_who_made_it():
    text = (
        "A rumour about poisoned wells in the valley spread quickly last week, which was denied by "
        "the water board. Nevertheless, the Northerners used it as a pretext for the raid."
    )
    [item] = _disputed(text, (("Northerners", "NORP"),))
    assert [x.who for x in item.sides] == [None, "the water board"]


def test_claims_by_someone_still_name_them():
    text = "Claims by the Southern army that the dam had burst, which Northland rejected, spread online."
    [item] = _disputed(text)
    assert [x.who for x in item.sides] == ["the Southern army", "Northland"]


# -- "such allegations": the sentence before ---------------------------------------------------------
def _denial(text: str, words: str, speaker: str, cue: str = "denied") -> list:
    start, at = text.index(words), text.index(cue)
    s = Statement(
        "s1", "a1", speaker, "x", cue, words, "reported", Span(start, start + len(words)),
        cue_span=Span(at, at + len(cue)), said_on=DAY,
    )  # fmt: skip
    corpus = _corpus(text, [s])
    claims = merge_claims(corpus, find_said(corpus, WORDS))
    return [c for c in find_contested(corpus, WORDS, claims, [], {}, SIDES) if c.kind == "denial"]


def test_such_allegations_are_those_the_sentence_before_makes():
    text = (
        "In the occupied districts, Southland has accused Northern officials of blocking aid convoys "
        "and pressing residents to take northern passports. Northland has denied such allegations, "
        "saying it delivers food to civilians in the area."
    )
    [item] = _denial(text, "such allegations", "Northland")
    claimed, denial = item.sides
    assert (claimed.value, claimed.who) == ("claims", "Southland")
    assert claimed.text.startswith("In the occupied districts, Southland has accused")
    assert (denial.value, denial.who) == ("denies", "Northland")
    assert item.explanation == "a claim and 1 statement denying it"


def test_that_notion_is_the_complaint_before_it_whose_maker_is_not_the_outlet():
    text = (
        "Some villagers have complained that rescuers gave priority to foreign victims after the blast. "
        "But the envoy disputed that notion, saying every life counted the same."
    )
    [item] = _denial(text, "that notion", "the envoy", "disputed")
    assert [(x.value, x.who) for x in item.sides] == [("claims", "Some villagers"), ("denies", "the envoy")]


def test_a_sentence_before_of_another_kind_leaves_the_denial_alone():
    text = (
        "A senior official told reporters the marines had handed their rifles to a local escort. "
        "The marine command sharply denied the allegations."
    )
    [item] = _denial(text, "the allegations", "The marine command")
    assert item.subject == "denied: the allegations"
    assert [x.value for x in item.sides] == ["denies"]


def test_a_sentence_before_that_calls_it_false_or_an_entire_report_is_left_alone():
    false = (
        "Northland says southern accusations that it mined the harbour are false. "
        "Its navy also denied such allegations on Friday."
    )
    [item] = _denial(false, "such allegations", "Its navy")
    assert [x.value for x in item.sides] == ["denies"]
    entire = (
        "The columnist surmises that the singer never meant to marry him. "
        "In a separate interview, her mother disputes the entire report."
    )
    [item] = _denial(entire, "the entire report", "her mother", "disputes")
    assert item.subject == "denied: the entire report"
