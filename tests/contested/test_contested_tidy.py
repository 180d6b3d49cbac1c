"""The contest readers' shared definitions, each used everywhere, and a group named as claimant.

- a group of people the text names by a plural noun ("some villagers", "many residents",
  "critics") as the subject of a verb of claiming or complaining is the claim's claimant, as
  the text names it; a group that is not that subject is not;
- a lone denial of a noun pointing back ("denied such allegations") is paired with the sentence
  before it by :func:`parley.reconcile.contested_objects.alone_denials`, on what it denies in
  plain words;
- a denial no statement answers has one wording, however it is found; words disputed that no
  source reports have their own;
- a report said not verified is paired with a leak or report its own clause names, not one a
  later clause of the sentence names; one such note in copies of an article is one item.

Short articles written for these tests (no parser)."""

from __future__ import annotations

import datetime as dt

from parley.models import Article, Span, Statement
from parley.reconcile.claim_senses import unverified_clause
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus, find_said, merge_claims
from parley.reconcile.contested import find_contested, unverified
from parley.reconcile.contested_claimants import claimant, disputed_after, judged_made_up
from parley.reconcile.contested_objects import alone_denials
from parley.reconcile.contested_records import Claim, ClaimSource
from parley.reconcile.contested_sides import denied_object, denied_subject, explain, statement_side
from parley.reconcile.denied_antecedents import pointed_back

WORDS = load_words()
DAY = dt.date(2026, 3, 4)
OUTLET = "the-ledger.example"
SIDES = {"northern": "Northland", "northland": "Northland", "southern": "Southland", "southland": "Southland"}


def _corpus(text: str, statements: list[Statement] = ()) -> Corpus:
    article = Article("a1", "0", "Talks", text, "test", "text", outlet=OUTLET, published=DAY)
    return Corpus(articles={"a1": article}, statements=list(statements), mentions={"a1": []}, actors={})


def _statement(text: str, words: str, speaker: str, cue: str) -> Statement:
    start, at = text.index(words), text.index(cue)
    return Statement(
        "s1", "a1", speaker, "x", cue, words, "reported", Span(start, start + len(words)),
        cue_span=Span(at, at + len(cue)), said_on=DAY,
    )  # fmt: skip


def _denials(text: str, words: str, speaker: str, cue: str) -> list:
    corpus = _corpus(text, [_statement(text, words, speaker, cue)])
    claims = merge_claims(corpus, find_said(corpus, WORDS))
    return [c for c in find_contested(corpus, WORDS, claims, [], {}, SIDES) if c.kind == "denial"]


def _who(text: str) -> str | None:
    return claimant(WORDS, text, Span(0, len(text)), SIDES).who


# -- a group of people as claimant -------------------------------------------------------------------
COMPLAINT = (
    "Some villagers have complained that the relief trucks reached the hill farms first after the "
    "flood. But the district governor disputed that notion, saying the convoys followed the roads."
)


def test_a_group_that_complains_is_the_claimant_of_the_complaint_before_that_notion():
    [item] = _denials(COMPLAINT, "that notion", "the district governor", "disputed")
    claimed, denial = item.sides
    assert (claimed.value, claimed.who, claimed.actor_id) == ("claims", "Some villagers", None)
    assert claimed.text.startswith("Some villagers have complained that")
    assert (denial.value, denial.who) == ("denies", "the district governor")


def test_a_group_that_claims_is_the_claimant_not_the_outlet():
    text = "Many residents complained that the new dam had cracked in the spring, which Southland denied."
    [item] = disputed_after(_corpus(text), WORDS, SIDES)
    assert [(x.value, x.who) for x in item.sides] == [("claims", "Many residents"), ("denies", "Southland")]


def test_group_nouns_with_a_quantifier_or_a_peoples_adjective_are_named_as_written():
    assert _who("The well ran dry, and many villagers said the pump had been taken.") == "many villagers"
    assert _who("The talks stalled, with critics claiming the envoy had overstepped.") == "critics"
    assert _who("Roese farmers have long complained that the levy is unfair.") == "Roese farmers"
    assert _who("The count was late; several observers alleged that the ballots were burned.") == (
        "several observers"
    )


def test_an_auxiliary_and_an_adverb_go_before_a_verb_of_claiming_or_complaining():
    assert _who("Northland has long claimed that the river is its border.") == "Northland"
    assert _who("Some Northerners have falsely complained that the border crossing was closed.") == (
        "Some Northerners"
    )


def test_a_named_side_that_complains_is_the_claimant():
    assert _who("Northland has complained that the border crossing was closed for a week.") == "Northland"


def test_a_group_that_is_not_the_subject_of_the_claim_verb_is_not_the_claimant():
    # the object of another verb, a group with a clause between it and the verb, a group the
    # claim is attributed to by "according to" (read elsewhere)
    assert _who("Rescuers told critics that the dam had cracked.") is None
    assert _who("Residents who fled the town said the bridge was down.") is None
    assert _who("The bridge was down, according to some residents.") is None


def test_a_claim_made_in_the_outlets_voice_still_is():
    text = "The relief trucks reached the hill farms first, which Southland disputed."
    [item] = disputed_after(_corpus(text), WORDS, SIDES)
    assert item.sides[0].who == OUTLET


# -- "denied such allegations": paired on the plain text ---------------------------------------------
ACCUSED = (
    "Southland has accused Northern officials of blocking the grain barges on the river. "
    "Northland has denied such allegations, saying the barges were inspected."
)


def _lone(text: str, words: str, speaker: str, cue: str, disputed: bool = False) -> list:
    s = _statement(text, words, speaker, cue)
    corpus = _corpus(text, [s])
    said = [(s, statement_side(corpus, s, "denies"))]
    return alone_denials(corpus, WORDS, [(words, disputed, said)], SIDES)


def test_the_lone_denials_pair_such_allegations_with_the_sentence_before():
    [item] = _lone(ACCUSED, "such allegations", "Northland", "denied")
    claimed, denial = item.sides
    assert (claimed.value, claimed.who) == ("claims", "Southland")
    assert claimed.text.startswith("Southland has accused")
    assert (denial.value, denial.who) == ("denies", "Northland")
    assert item.explanation == explain("denial", 1)


def test_pointed_back_reads_what_is_denied_in_plain_words():
    s = _statement(ACCUSED, "such allegations", "Northland", "denied")
    corpus = _corpus(ACCUSED, [s])
    side = statement_side(corpus, s, "denies")
    assert pointed_back(corpus, WORDS, "such allegations", side, SIDES) is not None
    assert pointed_back(corpus, WORDS, "denied: such allegations", side, SIDES) is None
    assert pointed_back(corpus, WORDS, "allegations of blocking barges", side, SIDES) is None


def test_words_disputed_as_misquoted_are_not_paired_with_the_sentence_before():
    [item] = _lone(ACCUSED, "such allegations", "Northland", "denied", disputed=True)
    assert item.subject == "says misquoted: such allegations"
    assert [x.value for x in item.sides] == ["denies"]
    assert item.explanation == "a dispute of words attributed to someone that no source in the corpus reports"


def test_a_lone_denial_of_something_else_keeps_its_own_subject():
    text = ACCUSED.split(". ")[0] + ". Northland has denied that the barges were stopped."
    [item] = _lone(text, "that the barges were stopped", "Northland", "denied")
    assert item.subject == "denied: that the barges were stopped"
    assert [x.value for x in item.sides] == ["denies"]
    assert item.explanation == "a denial of a claim no source in the corpus makes"


# -- one formatter and one wording -------------------------------------------------------------------
def test_what_is_denied_is_shown_by_the_one_formatter():
    assert denied_object(WORDS, "that speculation that the army might step in was untrue") == (
        "speculation that the army might step in"
    )
    rumour = "the rumour that the mill burned"
    assert denied_subject(WORDS, rumour) == f"denied: {rumour}"


def test_a_fake_no_one_is_named_making_is_a_lone_denial_in_the_one_wording():
    text = (
        "A recent example is a hoax about the reservoir being poisoned near the border, which was "
        "denied by the water board."
    )
    [item] = disputed_after(_corpus(text), WORDS, SIDES)
    assert item.subject == "denied: the reservoir being poisoned near the border"
    assert item.explanation == explain("lone-denial", 1)
    assert explain("denial", 1) == "a claim and 1 statement denying it"


def test_what_a_fake_is_about_and_words_that_do_not_call_it_invented():
    clause = "a hoax that the bridge had fallen"
    start, end = judged_made_up(WORDS, clause)
    assert clause[start:end] == "the bridge had fallen"
    assert judged_made_up(WORDS, "the answer lies between the two plans") is None
    assert judged_made_up(WORDS, "their narrative about the border crossing") is None


# -- what a note of "could not verify" is about -------------------------------------------------------
PHOTOS = (
    "Farmers say satellite images obtained by the grain council show the silos were burned. "
    "We could not verify its exact origin, but a search shows the image has circulated since 2010."
)
CLAIMED = "satellite images obtained by the grain council show the silos were burned"


def _photos(ids: tuple[str, ...]) -> Corpus:
    articles = {
        aid: Article(aid, aid, "Silos", PHOTOS, "test", "text", outlet=OUTLET, published=DAY) for aid in ids
    }
    return Corpus(articles, [], {aid: [] for aid in ids}, {}, independent=lambda found: 1)


def _leak(ids: tuple[str, ...]) -> Claim:
    span = Span(PHOTOS.index(CLAIMED), PHOTOS.index(CLAIMED) + len(CLAIMED))
    sources = tuple(ClaimSource(aid, span, CLAIMED, "Farmers", DAY, OUTLET) for aid in ids)
    return Claim("c1", CLAIMED, "leak", "Farmers", None, "named", DAY, (), ids[0], span, sources, 1)


def test_the_clause_that_says_not_verified_is_what_names_the_report():
    clause = unverified_clause(WORDS, PHOTOS.split(". ", 1)[1])
    assert clause == "We could not verify its exact origin"
    whole = "The council has not verified the leaked transcript of the call."
    assert unverified_clause(WORDS, whole) == whole


def test_a_report_a_later_clause_names_is_not_the_one_not_verified():
    [item] = unverified(_photos(("a1",)), WORDS, [_leak(("a1",))])
    assert [x.value for x in item.sides] == ["says it is not verified"]
    assert item.subject.startswith("We could not verify its exact origin")


def test_a_report_its_own_clause_names_is_still_the_one_not_verified():
    text = "Farmers say satellite images obtained by the grain council show the silos were burned. "
    text += "The leaked images could not be verified, but the council stands by them."
    article = Article("a1", "a1", "Silos", text, "test", "text", outlet=OUTLET, published=DAY)
    corpus = Corpus({"a1": article}, [], {"a1": []}, {})
    [item] = unverified(corpus, WORDS, [_leak(("a1",))])
    assert [x.value for x in item.sides] == ["claims", "says it is not verified"]


def test_one_note_in_copies_of_an_article_is_one_item_naming_both():
    [item] = unverified(_photos(("a1", "a2")), WORDS, [_leak(("a1", "a2"))])
    assert item.sides[0].sources == ("a1", "a2")
    apart = Corpus(_photos(("a1", "a2")).articles, [], {"a1": [], "a2": []}, {})
    assert len(unverified(apart, WORDS, [])) == 2  # guard: independent articles keep their own
