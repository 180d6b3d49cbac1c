"""Page text the cleaner used to leave: an editor's standing note, a heading in capitals run into
its paragraph, an outlet's listing of its own event; and a report's endnote mark in roman
numerals ("[xiv]"), which names a hedged sentence's source. Every text here is made up."""

from __future__ import annotations

import datetime as dt

from parley.clean.boilerplate import is_boilerplate
from parley.clean.lines import clean_lines
from parley.models import Article, Span
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_records import Claim, ClaimSource
from parley.reconcile.signals import unattributed_signals

DAY = dt.date(2026, 3, 2)
STORY = [
    "The two delegations met for six hours in the lakeside hotel on Tuesday, officials said.",
    "“We are closer than we were a month ago,” the chief negotiator told reporters afterwards.",
    "A second round is planned for next week, according to a statement from the foreign ministry.",
]


def _kept(lines: list[str], url: str | None = None) -> list[str]:
    return clean_lines("\n\n".join(lines), "Talks resume by the lake", url).paragraphs


# -- endnote marks ------------------------------------------------------------------------------


def _signals(article: str, sentence: str) -> list[str]:
    start = article.index(sentence)
    source = ClaimSource("a1", Span(start, start + len(sentence)), sentence)
    claim = Claim("c1", sentence, "report", None, None, "article", DAY, (), "a1", source.span, (source,), 1)
    corpus = Corpus({"a1": Article("a1", "x", "t", article, "test", "text", published=DAY)}, [], {}, {})
    return [s.text for s in unattributed_signals([claim], corpus)]


def test_a_hedge_with_a_roman_endnote_after_its_sentence_names_its_source():
    text = "Drone crews are reportedly striking positions near the river.[lxxxviii] Rain fell."
    assert not _signals(text, text[: text.index("[")])
    text = "Drone crews are reportedly striking positions near the river [xiv]."
    assert not _signals(text, text)


def test_a_hedge_with_no_mark_is_still_a_signal():
    """Guard: a bracketed word that is no numeral names no source."""
    text = "Drone crews are reportedly striking positions near the river [sic]. Rain fell."
    assert _signals(text, text[: text.index(" Rain")])
    text = "Drone crews are reportedly striking positions near the river. Rain fell."
    assert _signals(text, text[: text.index(" Rain")])


# -- editor's notes -----------------------------------------------------------------------------


def test_an_editors_standing_note_goes():
    note = (
        "Editor’s note: The governor has repeatedly promised to close every border crossing and "
        "has called the opposition leader a traitor."
    )
    assert _kept([*STORY, note]) == STORY
    assert _kept([*STORY, "EDITOR'S NOTE - This story was updated with the ministry's reply."]) == STORY


def test_an_editors_note_broken_over_lines_goes_whole():
    broken = ["Editor’s note: The governor has repeatedly", "promised", "to close every border crossing."]
    assert _kept(STORY + broken) == STORY


def test_a_sentence_about_an_editors_note_stays():
    """Guard: only a note to the reader goes, not a sentence that mentions one."""
    line = "The editor’s note attached to the column said the writer had advised the governor."
    assert _kept([*STORY, line]) == [*STORY, line]


# -- headings run into their paragraph ----------------------------------------------------------


def test_headings_in_capitals_run_into_their_paragraphs_are_lines_of_their_own():
    first = (
        "NEIGHBOURS DON’T TRUST THE PLAN — Officials in three border towns said they were never consulted."
    )
    second = "THE MONEY IS NOT THERE YET — The fund promised in March has paid out nothing, the mayors said."
    assert _kept([*STORY, first, second]) == [
        *STORY,
        "NEIGHBOURS DON’T TRUST THE PLAN",
        "Officials in three border towns said they were never consulted.",
        "THE MONEY IS NOT THERE YET",
        "The fund promised in March has paid out nothing, the mayors said.",
    ]


def test_a_dateline_in_capitals_stays_with_its_lead():
    """Guard: a place name in capitals at the head of the story is a dateline, not a heading, even
    below a summary paragraph; a lone one is never split."""
    lead = "SOUTH HARBOUR CITY — The two delegations met for six hours in the lakeside hotel on Tuesday."
    assert _kept([lead, *STORY[1:]]) == [lead, *STORY[1:]]
    assert _kept([STORY[2], lead, STORY[1]]) == [STORY[2], lead, STORY[1]]
    lead = "PORT ELLIS, Northland — The two delegations met for six hours in the lakeside hotel on Tuesday."
    assert _kept([*STORY, lead]) == [*STORY, lead]


def test_an_acronym_that_starts_a_sentence_is_no_heading():
    """Guard: a short run of capitals, or capitals with no dash after them, stays in its sentence."""
    line = "UN AID CONVOY reached the town on Monday, the agency said in a statement to reporters."
    assert _kept([*STORY, line]) == [*STORY, line]
    line = "EU — The bloc's envoy said the sanctions would stay in place until the talks resume."
    assert _kept([*STORY, line]) == [*STORY, line]


# -- event listings -----------------------------------------------------------------------------


def test_an_outlets_listing_of_its_own_event_is_boilerplate():
    assert is_boilerplate("Online Event Thu, March 5, 2026 • 10:00 am ET How sanctions reshape trade routes")
    assert is_boilerplate("Public Event Tue, March 3, 2026 • 2:30 pm ET Report launch: Ports under pressure")


def test_a_sentence_about_a_public_event_stays():
    """Guard: a story sentence that starts with the words is no listing."""
    assert not is_boilerplate("Public event organisers on Tuesday, March 3 said 4,000 people had registered.")
    assert not is_boilerplate("Online event tickets sold out within an hour, the organisers said.")


# -- links to other stories and photo credits ---------------------------------------------------


def test_a_link_to_another_story_goes():
    assert is_boilerplate("SEE ALSO: Minister: Port Deal Is 'Dead' After Night Of Talks")
    # a live blog's recap is the story's own text: kept
    assert not is_boilerplate("FROM EARLIER: The foreign minister said the talks would resume on Friday.")
    assert is_boilerplate("Read more: Why the lakeside talks stalled again")
    assert _kept([*STORY, "SEE ALSO: Minister: Port Deal Is 'Dead' After Night Of Talks"]) == STORY


def test_a_sentence_that_starts_with_the_same_words_stays():
    """Guard: no colon after them, no teaser."""
    assert not is_boilerplate("See also the ministry's statement, which said the talks had failed.")
    assert not is_boilerplate("Related reports say the talks failed after the ferry operator walked out.")


def test_a_caption_with_a_credit_in_brackets_goes():
    assert is_boilerplate("Jane Roe(Credit: AP/John Doe)")
    assert is_boilerplate("The negotiator arrives at the hotel on Monday. (Credit: Jane Roe)")


def test_a_bank_named_credit_in_brackets_is_no_caption():
    """Guard: a credit in brackets has a colon; a name in brackets is the sentence's."""
    assert not is_boilerplate("The loan was arranged by the country's largest lender (Credit Agricole)")


def test_an_editors_correction_and_a_lone_note_stay():
    from parley.clean.asides import is_editor_note

    assert not is_editor_note(
        "Editor's note: An earlier version of this story misstated the toll; forty died."
    )
    lone = "Editor's note: This story was updated. The two delegations met for six hours on Friday."
    assert _kept([lone]) == [lone]  # all the text there is


def test_a_public_event_told_in_a_sentence_stays():
    assert not is_boilerplate("Public event Tuesday drew 4,000 people to the square, organisers said.")
