"""Contested items that were missed: an area regained given with two figures for one region by
two articles; a denial of one's part in something ("denied any involvement in ..."); a denial of
"the idea that ...". Guards: two figures of different regions, a floor ("at least"), an area
taken, not taken back, and a denial verb with another object are no items. Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

from parley.models import Article, Span, Statement
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus, find_said, is_denial, merge_claims
from parley.reconcile.contested import find_contested, quantity_contests
from parley.reconcile.quantities import quantities_in, region

WORDS = load_words()
DAY = dt.date(2026, 5, 12)


def _article(aid: str, text: str) -> Article:
    return Article(
        aid, f"https://example.org/{aid}", "t", text, "test", "text", outlet=f"{aid}.org", published=DAY
    )


def _corpus(articles: list[Article], statements: list[Statement] | None = None) -> Corpus:
    return Corpus({a.id: a for a in articles}, statements or [], {a.id: [] for a in articles}, {})


def _said(aid: str, text: str, words: str, speaker: str, cue: str) -> Statement:
    start, at = text.index(words), text.index(cue)
    return Statement(
        f"{aid}-1", aid, speaker, "x", cue, words, "reported", Span(start, start + len(words)),
        cue_span=Span(at, at + len(cue)), said_on=DAY,
    )  # fmt: skip


# -- an area regained ---------------------------------------------------------------------------
MINISTER = "The defence minister said troops had recaptured 250 square kilometres in the northern sector."
GENERAL = "The army chief said days later that those northern gains were 320sq km (124 square miles)."


def test_two_figures_for_the_area_regained_in_one_region_are_contested():
    [item] = quantity_contests(_corpus([_article("a1", MINISTER), _article("b1", GENERAL)]), WORDS)
    assert item.subject == "area regained (north)"
    assert sorted(x.value for x in item.sides) == ["250", "320"]


def test_the_region_is_the_one_compass_word_of_the_sentence():
    assert region("troops retook villages in southern parts of the province") == "south"
    assert region("in the south-east of the country") == "southeast"
    assert region("gains in the north and in the east") == ""  # two regions: not known
    assert region("gains around the capital") == ""


def test_figures_of_different_regions_are_not_paired():
    other = "The army chief said troops had regained 320 square kilometres in the eastern sector."
    assert quantity_contests(_corpus([_article("a1", MINISTER), _article("b1", other)]), WORDS) == []


def test_a_floor_is_not_compared_with_a_figure():
    floor = "Analysts said troops had recaptured at least 120 square kilometres in the northern sector."
    assert quantities_in(WORDS, floor) == []
    assert quantity_contests(_corpus([_article("a1", MINISTER), _article("b1", floor)]), WORDS) == []


def test_an_area_taken_is_not_an_area_regained():
    taken = "The enemy has seized 320 square kilometres in the northern sector since spring."
    assert quantities_in(WORDS, taken) == []
    assert quantity_contests(_corpus([_article("a1", MINISTER), _article("b1", taken)]), WORDS) == []
    # nor a length, nor square miles alone
    assert quantities_in(WORDS, "Troops recaptured a 40 km stretch of the northern road.") == []
    assert quantities_in(WORDS, "Troops recaptured 120 square miles in the north.") == []


def test_the_other_quantities_are_still_read():
    found = quantities_in(WORDS, "The draft would cap the army at 600,000 troops.")
    assert [(q.subject, q.shown) for q in found] == [("army size", "600,000")]
    found = quantities_in(WORDS, "Officials said about 90 percent agreed on the text.")
    assert [(q.subject, q.shown) for q in found] == [("share agreed", "90 %")]


# -- a denial of one's part in something --------------------------------------------------------
BOMBING = "The militia, which has firmly denied any involvement in the bombing, issued a statement."


def test_a_denial_of_involvement_is_a_denial_listed_alone():
    s = _said("a1", BOMBING, "any involvement in the bombing", "The militia", "denied")
    assert is_denial(WORDS, s)
    corpus = _corpus([_article("a1", BOMBING)], [s])
    found = find_contested(corpus, WORDS, merge_claims(corpus, find_said(corpus, WORDS)), [], {})
    [item] = [c for c in found if c.kind == "denial"]
    assert item.subject.endswith("any involvement in the bombing")
    assert item.explanation == "a denial of a claim no source in the corpus makes"


def test_a_denial_verb_with_another_object_is_still_no_denial():
    text = "The border guards denied the convoy access to the bridge."
    s = _said("a1", text, "the convoy access to the bridge", "The border guards", "denied")
    assert not is_denial(WORDS, s)
    text = "The committee denied him a role in the talks."
    assert not is_denial(WORDS, _said("a1", text, "him a role in the talks", "The committee", "denied"))


# -- "disputes the idea that ..." ---------------------------------------------------------------
IDEA = "The landlord disputes the idea that he ignored the tenants' complaints for months."


def test_disputing_the_idea_that_is_a_denial_of_the_clause():
    s = _said(
        "a1", IDEA, "the idea that he ignored the tenants' complaints for months", "The landlord", "disputes"
    )
    assert is_denial(WORDS, s)
    corpus = _corpus([_article("a1", IDEA)], [s])
    found = find_contested(corpus, WORDS, merge_claims(corpus, find_said(corpus, WORDS)), [], {})
    [item] = [c for c in found if c.kind == "denial"]
    assert "he ignored the tenants' complaints for months" in item.subject


def test_rejecting_the_idea_of_a_thing_is_still_no_denial():
    text = "The union rejected the idea of a longer working week."
    s = _said("a1", text, "the idea of a longer working week", "The union", "rejected")
    assert not is_denial(WORDS, s)


# -- "has not confirmed the figures" --------------------------------------------------------------
TOLL = (
    "A study by the institute puts the number of dead at 41,000 over the three winters. "
    "The season has been the coldest in a decade. "
    "Once more, the ministry has not confirmed the figures, but local doctors said last week that "
    "2,000 patients died in January alone."
)


def test_a_doubt_of_the_figures_is_shown_with_the_sentence_giving_them():
    corpus = _corpus([_article("a1", TOLL)])
    [item] = [c for c in find_contested(corpus, WORDS, [], [], {}) if c.kind == "unverified"]
    assert (
        item.subject == "A study by the institute puts the number of dead at 41,000 over the three winters."
    )
    assert [x.value for x in item.sides][0] == "gives the figures" and len(item.sides) == 2


def test_a_doubt_of_something_else_keeps_its_own_sentence():
    text = (
        "A study by the institute puts the number of dead at 41,000 over the three winters. "
        "The ministry has not confirmed the account of the night raid."
    )
    corpus = _corpus([_article("a1", text)])
    [item] = [c for c in find_contested(corpus, WORDS, [], [], {}) if c.kind == "unverified"]
    assert item.subject == "The ministry has not confirmed the account of the night raid."
