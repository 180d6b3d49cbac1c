"""The day a statement was said in an article looking back on events years before it: an act of
the story told is not dated by the article, the answers given to the writer are: built by the
real pipeline on short articles written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.statement_runs import said_on_by_cue

PUBLISHED = dt.date(2026, 3, 4)
ARTICLE = (PUBLISHED, "article")
UNKNOWN = (None, "unknown")

# eight dates told as when something happened, all years before the article
STORY = (
    "In March 2019, the two governments signed a border accord. In June 2019, the northern army "
    "moved its tanks to the river. In October 2019, the envoys met in the port city. In January "
    "2020, the talks broke down. In May 2020, the first shells fell on the border towns.\n\n"
    "On 2 June 2020, the northern army crossed the river. On 9 June 2020, the southern army "
    "counterattacked. In July 2020, the envoys met again in the capital.\n\n"
)


@pytest.fixture(scope="module")
def said_on(tmp_path_factory):
    return said_on_by_cue(tmp_path_factory, "How the border war came", PUBLISHED)


def test_an_act_of_the_story_told_is_said_at_a_time_the_text_does_not_give(said_on):
    found = said_on(
        STORY + "The northern foreign minister announced that the accord was dead. Hours later, the "
        "southern president warned his generals that the army must hold the river."
    )
    assert found["announced"] == UNKNOWN
    assert found["warned"] == UNKNOWN


@pytest.mark.parametrize(
    "text, cue",
    [
        # an answer given to the writer, years on
        ("“We warned them for months, and nobody listened,” the former envoy said.", "said"),
        ("The former envoy recalled that the generals had laughed at the warnings.", "recalled"),
        ("The former envoy told reporters that the accord had never been given a chance.", "told"),
        ("The former envoy told me that the accord had never been given a chance.", "told"),
        ("As the former envoy observed, nobody had read the accord.", "observed"),
        # the present and the perfect are not the story's time
        ("The former envoy says that the accord was doomed from the start.", "says"),
        ("The former envoy has argued that the accord was doomed from the start.", "argued"),
        # a paragraph of the present
        ("The accord is now being revived. The former envoy insisted that it could work.", "insisted"),
    ],
)
def test_what_is_said_to_the_writer_of_a_story_looking_back_is_dated_by_the_article(said_on, text, cue):
    assert said_on(STORY + text)[cue] == ARTICLE


def test_now_told_in_the_past_is_the_storys_time(said_on):
    found = said_on(
        STORY + "Now the war looked certain. The southern president warned that the army must hold."
    )
    assert found["warned"] == UNKNOWN


def test_a_day_the_story_gives_still_dates_its_statement(said_on):
    found = said_on(
        STORY + "On 12 May 2020, the northern foreign minister announced that the accord was dead."
    )
    assert found["announced"] == (dt.date(2020, 5, 12), "text")


def test_a_report_of_the_day_with_years_of_background_is_not_one_looking_back(said_on):
    found = said_on(
        "The southern president met the northern leader on Wednesday. In March 2019, the two "
        "governments signed a border accord. In June 2019, the northern army moved its tanks to the "
        "river. In January 2020, the talks broke down. In May 2020, the first shells fell.\n\n"
        "After the meeting, the southern president announced that the sanctions would end."
    )
    assert found["announced"] == ARTICLE


def test_an_article_of_the_day_with_some_background_is_not_one_looking_back(said_on):
    found = said_on(
        "Northern forces crossed the river in February 2022. The foreign minister announced that the "
        "talks would resume, and the envoy warned that the ceasefire was fragile."
    )
    assert found["announced"] == ARTICLE
    assert found["warned"] == ARTICLE


def test_a_days_news_told_before_its_paragraph_of_history_is_dated_by_the_article(said_on):
    """The story's dates come after the day's statements: the statements are the day's."""
    found = said_on(
        "Northern negotiators walked out of the talks in the port city on Tuesday.\n\n"
        "The northern foreign minister warned that the draft would freeze the front line. The "
        "mediators announced that a new round would open.\n\n" + STORY
    )
    assert found["warned"] == ARTICLE
    assert found["announced"] == ARTICLE
