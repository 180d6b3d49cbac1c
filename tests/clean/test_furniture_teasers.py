"""Teasers of other stories that a page puts below or beside a story: summaries under a "Useful
reading:" header that ends the page, excerpts cut short with an ellipsis, and cards that repeat
the same notice before their blurb; and a sign-up form's fields. Each text here is made up; the
story's own paragraphs must all stay."""

from __future__ import annotations

from parley.clean.boilerplate import is_boilerplate
from tests.clean.test_page_clutter import STORY, _kept


def test_summaries_under_a_related_header_that_ends_the_page_go():
    teasers = [
        "Other topics you might like:",
        "The river authority reports that the spring floods will be smaller this year despite the snow.",
        "Farmers blocked the northern motorway for a second day, according to the regional police.",
    ]
    assert _kept(STORY + teasers) == STORY


def test_story_paragraphs_after_a_related_header_stay():
    later = [
        "“Nobody wants to leave the table now,” said one delegate, who asked not to be named.",
        "The ministry said the next session would focus on the exchange of prisoners.",
    ]
    assert _kept([*STORY, "Useful reading:", *later]) == STORY + later


def test_a_row_of_excerpts_cut_short_goes():
    excerpts = [
        "Units of the northern group moved closer to the bridge and secured the...",
        "The strike hit a depot near the port. According to early reports, two people were hurt in...",
        "According to the mayor, the attack targeted a power station on the edge of the town, locat...",
    ]
    assert _kept(STORY + excerpts) == STORY


def test_a_story_paragraph_ending_in_an_ellipsis_stays():
    trailing = ["The envoy paused before answering and then said only that time would tell..."]
    assert _kept(STORY + trailing) == STORY + trailing


def test_cards_that_open_with_the_same_notice_go():
    notice = "(Credit: Pixabay) This piece is brought to you in association with the Lake Council."
    cards = [
        f"{notice} Councillors will debate the harbour budget and vote on a related motion on the",
        f"{notice} The council adopted a statement on the flooding and called an extra session for",
        f"{notice} Members deplore the delays to the rail link and ask the ministry to explain how",
    ]
    assert _kept(STORY + cards) == STORY


def test_a_sign_up_forms_fields_are_boilerplate():
    assert is_boilerplate("Confirm your password.")
    assert is_boilerplate("Enter your email address")
    assert not is_boilerplate("The minister refused to confirm the password had been leaked.")
