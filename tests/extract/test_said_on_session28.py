"""The day a statement was said when the text puts the saying at another time than the article's:
"told the paper then", the same speaker's next words after "in a March meeting", a story told
in the past over paragraphs, a date told between two tellings. Built by the real pipeline on
short articles written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.statement_runs import said_on_by_cue

PUBLISHED = dt.date(2026, 9, 10)
ARTICLE = (PUBLISHED, "article")
UNKNOWN = (None, "unknown")


@pytest.fixture(scope="module")
def said_on(tmp_path_factory):
    return said_on_by_cue(tmp_path_factory, "The talks", PUBLISHED)


def test_then_after_the_cue_is_the_time_told_before(said_on):
    text = (
        "In June, the senator urged his colleagues to drop the candidate.\n\n"
        '"This is the moment to walk away," the senator told a local paper then.'
    )
    assert said_on(text)["told"] == UNKNOWN


def test_then_before_the_cue_is_what_came_next(said_on):
    text = "The mayor paused for a moment and then said that the bridge would reopen."
    assert said_on(text)["said"] == ARTICLE


def test_at_that_time_is_the_time_told_before(said_on):
    assert said_on("The governor said at that time that the dam would hold.")["said"] == UNKNOWN


def test_the_same_speakers_next_words_after_a_month_told_before_are_unknown(said_on):
    text = (
        "In a March 2026 meeting with the board of a newspaper, the candidate said that the alliance "
        'cost too much. "We cannot pay for this any longer," the candidate added.'
    )
    found = said_on(text)
    assert found["said"] == found["added"] == UNKNOWN


def test_the_next_words_in_the_present_tense_keep_the_articles_day(said_on):
    text = (
        "In a March 2026 meeting with the board of a newspaper, the candidate said that the alliance "
        'cost too much. "We will keep our promises," the candidate says.'
    )
    assert said_on(text)["says"] == ARTICLE


def test_a_month_told_before_is_not_carried_to_the_next_paragraph(said_on):
    text = (
        "In a March 2026 meeting with the board of a newspaper, the candidate said that the alliance "
        "cost too much.\n\n"
        '"We will pay our share," the candidate added.'
    )
    found = said_on(text)
    assert found["said"] == UNKNOWN
    assert found["added"] == ARTICLE


def test_a_month_told_between_stops_a_day_carried(said_on):
    text = (
        "The senator told reporters on Tuesday that the plan would pass.\n\n"
        "In June, the party dropped its candidate after a row over a judge.\n\n"
        '"Nobody can defend this," the senator said.'
    )
    found = said_on(text)
    assert found["told"] == (dt.date(2026, 9, 8), "text")
    assert found["said"] == ARTICLE


def test_a_day_carried_with_no_date_between_still_is(said_on):
    text = (
        "The senator told reporters on Tuesday that the plan would pass.\n\n"
        '"Nobody can stop this now," the senator said.'
    )
    found = said_on(text)
    assert found["told"] == found["said"] == (dt.date(2026, 9, 8), "text")


STORY = (
    "The envoy had flown across the world to see the president. It was November 2021, and the "
    "agencies had warned for weeks that an attack was near.\n\n"
    "The line was ready in an office at the ministry, and the president came on. The envoy set out "
    "the warnings, but the president brushed them aside. His generals had told him, he said, that "
    "warships were waiting off the coast."
)


def test_a_story_told_in_the_past_over_paragraphs_takes_its_date(said_on):
    assert said_on(STORY)["said"] == UNKNOWN


def test_a_story_told_in_the_past_takes_its_day(said_on):
    text = STORY.replace("It was November 2021", "On 12 November 2021 he finally got a call")
    assert said_on(text)["said"] == (dt.date(2021, 11, 12), "text")


@pytest.mark.parametrize(
    "text",
    [
        # the statement opens its paragraph: the background before it is no scene
        "Northern forces crossed the river in February 2022.\n\nThe minister said the talks would go on.",
        # the paragraph does not narrate the past
        (
            "Northern forces crossed the river in February 2022.\n\n"
            "The talks are stalled. The minister said that they would go on."
        ),
        # a recent date before is the article's story
        (
            "The envoys met on Monday.\n\n"
            "The room was small and the talks ran late. The minister said that they would go on."
        ),
    ],
)
def test_background_paragraphs_before_keep_the_articles_day(said_on, text):
    assert said_on(text)["said"] == ARTICLE


def test_a_date_in_a_clause_inside_two_paragraphs_up_is_no_scene(said_on):
    text = (
        "Four years after Northern forces crossed the river on 24 February 2022, the bishop told a radio "
        "station that faith was holding.\n\n"
        "The bishop said that churches had become shelters. He also warned that attention was fading."
    )
    assert said_on(text)["warned"] == ARTICLE


def test_the_next_sentence_after_a_saying_dated_months_before_is_unknown(said_on):
    text = (
        "In a June 2026 meeting with editors, the candidate warned that the alliance cost too much. "
        '"We cannot pay for this," the candidate said, adding later, "The alliance costs a fortune."'
    )
    found = said_on(text)
    assert found["warned"] == found["said"] == found["adding"] == UNKNOWN


def test_a_month_before_of_something_else_than_a_saying_keeps_the_articles_day(said_on):
    text = "In June, the party dropped its candidate. The senator said that the choice was right."
    assert said_on(text)["said"] == ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before the cue in its paragraph is someone saying something: a report
        (
            "The chief executive earned 19 million in 2015.\n\n"
            '"This is not right," the senator said. "You squeezed your staff," she said.'
        ),
        # the date two paragraphs up stands on a noun, not on its sentence's verb
        (
            '"We will win," said the strategist, a close aide in 2012.\n\n'
            "The party was calm. The senator said that the old attacks had failed."
        ),
    ],
)
def test_no_scene_from_a_report_or_a_date_on_a_noun(said_on, text):
    found = said_on(text)
    assert found["said"] == ARTICLE


def test_an_undated_saying_in_the_sentence_is_carried_only_to_the_same_speaker(said_on):
    text = (
        "The minister had told the police that she wanted no escort, but the police overruled that "
        "request, the source added."
    )
    found = said_on(text)
    assert found["told"] == UNKNOWN
    assert found["added"] == ARTICLE


def test_a_year_in_the_speakers_own_clause_is_not_carried_on(said_on):
    text = (
        "The Northern foreign minister, Jan Halver, who lived in Paris from 1968, when the tanks rolled "
        "into the capital, until 1989, said he had remained hopeful during his years in exile. But he "
        "never dreamed, he added, that his country would join the alliance."
    )
    assert said_on(text)["added"] == ARTICLE
