"""Who said what: dash credits, lists in the content, colons. Sentences written for these tests.

* A dash credit is a layout for a quote that stands alone on its line: not the last quote of a
  paragraph the writer began (the dash line under it is a byline), nor a phrase lifted from a
  sentence, which opens in lower case (a pull quote) and is no one's words at all.
* A list of the reported subject's predicates after a comma belongs to the content when the
  verb forms say it cannot be the speaker's (``stated that the drones fly low, are hard to jam,
  and are ...``).
* A clause that announces what its colon introduces (``three things ...:``) runs on past it.
* A clause before a colon is no content of a cue after the colon.
"""

from __future__ import annotations

import pytest

from parley.nlp import SpacyParser
from tests.extract.attribution_records import records as _records


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _content_of(parser, text: str, cue: str) -> tuple[str, ...]:
    found = [parts for _, _, c, parts in _records(parser, text) if c == cue]
    assert len(found) == 1, _records(parser, text)
    return found[0]


# -- dash credits ----------------------------------------------------------------------------------


def test_a_pull_quote_lifted_from_a_sentence_is_no_one_s_words(parser):
    text = (
        "Fighting continued near the river. Two attempts by the attackers \u201cto improve their "
        "positions\u201d are still under way.\n\n\u201cto improve their positions\u201d\n\n\u2013 Army "
        "Staff\n\nThe shelling stopped at night."
    )
    found = _records(parser, text)
    assert not [r for r in found if any("improve" in p for p in r[3])], found
    assert not [r for r in found if r[1] == "Army Staff"], found


def test_a_dash_line_under_a_paragraph_the_writer_began_is_a_byline(parser):
    text = (
        "The clinic opened in May.\n\n\u201cIt changed my life,\u201d she said. \u201cI am grateful "
        "every day.\u201d\n\n\u2013 Martin Hale"
    )
    found = _records(parser, text)
    assert not [r for r in found if r[1] == "Martin Hale"], found
    said = [r for r in found if any("grateful" in p for p in r[3])]
    assert said and all(r[1] == "she" for r in said), found


def test_a_quote_alone_on_its_line_keeps_its_dash_credit(parser):
    """Guard: the layout itself, a credit on the next line and on the quote's own line."""
    text = (
        "The commander spoke on Friday.\n\n\u201cThe enemy has too few reserves left for an "
        "offensive.\u201d\n\n\u2013 Oleh Marchenko\n\nThe front remains tense."
    )
    assert _records(parser, text) == [
        (
            "direct",
            "Oleh Marchenko",
            "\u2013",
            ("\u201cThe enemy has too few reserves left for an offensive.\u201d",),
        )
    ]
    readers = (
        "Readers sent us their views.\n\n\u201cThe debate changed nothing for me.\u201d \u2015 Jane Doe"
        "\n\n\u201cI will vote for the first time this year.\u201d \u2015 Tom Reed"
    )
    assert [(r[1], r[2]) for r in _records(parser, readers)] == [
        ("Jane Doe", "\u2015"),
        ("Tom Reed", "\u2015"),
    ]


def test_an_excerpt_opening_on_an_ellipsis_is_still_words_said(parser):
    """Guard: a quote on its own line that opens in lower case after an ellipsis is an excerpt
    cut from a speech, not a phrase lifted from a sentence: it stays a quote."""
    text = (
        'Her lawyer gave a statement to the press, here is an excerpt:\n\n"...we are tired of the '
        "coverage and of the praise for a man with such a past. My client is ready to tell her side "
        'of the story."\n\nOn Sunday the other side replied.'
    )
    found = _records(parser, text)
    assert [r[0] for r in found if any("tired of the coverage" in p for p in r[3])] == ["direct"], found


# -- a list of the subject's predicates ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The minister stated that the new drones fly at low altitudes, are resistant to jamming, "
            "and are controllable in real time at long distances.",
            "stated",
            "that the new drones fly at low altitudes, are resistant to jamming, and are controllable "
            "in real time at long distances",
        ),
        (
            "She wants to triple the size of the program, grow the volunteer corps and create a new "
            "national service reserve.",
            "wants",
            "to triple the size of the program, grow the volunteer corps and create a new national "
            "service reserve",
        ),
        (
            "The governor urged people to go home, obey the law and avoid causing trouble.",
            "urged",
            "people to go home, obey the law and avoid causing trouble",
        ),
        # the last item hung lower, inside the one before it
        (
            "The agency urged governments to scale up rescue operations to prevent further loss of "
            "life, strengthen international cooperation to dismantle criminal networks, and expand "
            "safe and regular migration.",
            "urged",
            "governments to scale up rescue operations to prevent further loss of life, strengthen "
            "international cooperation to dismantle criminal networks, and expand safe and regular "
            "migration",
        ),
    ],
)
def test_the_content_runs_through_a_list_of_its_subject_s_predicates(parser, text, cue, content):
    assert _content_of(parser, text, cue) == (content,)


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # the same verb form as the cue's: the list may be the speaker's own acts
        (
            "The officials said the talks were over, left the room and went home.",
            "said",
            "the talks were over",
        ),
        # a finite clause and one more predicate: not a list to go on
        (
            "The envoy said the plan is dead, and is expected to leave for the capital on Monday.",
            "said",
            "the plan is dead",
        ),
        # a list inside the clause was never cut
        (
            "The minister said the proposal includes a ceasefire, a prisoner exchange and the return "
            "of children.",
            "said",
            "the proposal includes a ceasefire, a prisoner exchange and the return of children",
        ),
    ],
)
def test_the_content_keeps_its_end_without_such_a_list(parser, text, cue, content):
    assert _content_of(parser, text, cue) == (content,)


# -- a colon the clause announces ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "Analysts note that we are at a rare moment where three things are happening at once: "
            "prices are rising in many cities, rates are low and banks are lending more freely.",
            "note",
            "that we are at a rare moment where three things are happening at once: prices are rising "
            "in many cities, rates are low and banks are lending more freely",
        ),
        (
            "The adviser explained that there are several reasons behind the delay: the budget is "
            "late, the staff is small and the winter is long.",
            "explained",
            "that there are several reasons behind the delay: the budget is late, the staff is small "
            "and the winter is long",
        ),
    ],
)
def test_the_content_runs_past_a_colon_it_announces(parser, text, cue, content):
    assert _content_of(parser, text, cue) == (content,)


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # nothing announced: what follows the colon may be the writer's
        (
            "Analysts note that the front has been quiet for a week: heavy rain has turned the fields "
            "to mud, and supply trucks are stuck.",
            "note",
            "that the front has been quiet for a week",
        ),
        # a quote after the colon is a statement of its own
        (
            "The adviser explained that there are two options on the table: \u201cWe either sign now or "
            "we wait a year,\u201d she told reporters.",
            "explained",
            "that there are two options on the table",
        ),
        # another speaker's words after the colon
        (
            "Analysts note that we are at a rare moment where three things are happening at once: the "
            "minister told reporters that prices are rising.",
            "note",
            "that we are at a rare moment where three things are happening at once",
        ),
    ],
)
def test_the_content_stops_at_a_colon_otherwise(parser, text, cue, content):
    assert _content_of(parser, text, cue) == (content,)


# -- a clause before a colon ----------------------------------------------------------------------


def test_a_clause_before_a_colon_is_not_the_content_of_a_cue_after_it(parser):
    found = _records(
        parser, "We have been here before: General Olson declared war on the northern provinces."
    )
    assert not [r for r in found if any("here before" in p for p in r[3])], found


def test_a_clause_before_its_cue_after_a_comma_is_still_its_content(parser):
    """Guard: ``The plan is dead, he said``."""
    assert _records(parser, "The plan is dead, he said.") == [
        ("reported", "he", "said", ("The plan is dead",))
    ]
