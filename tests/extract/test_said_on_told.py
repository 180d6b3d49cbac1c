"""The day a statement was said, when its paragraph tells of a time well before the article's:
built by the real pipeline on short articles written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.statement_runs import said_on_by_cue

PUBLISHED = dt.date(2026, 3, 4)


@pytest.fixture(scope="module")
def said_on(tmp_path_factory):
    return said_on_by_cue(tmp_path_factory, "How the war came", PUBLISHED)


def test_a_statement_in_a_paragraph_telling_of_an_earlier_day_was_said_then(said_on):
    found = said_on(
        "The envoy called the president on 12 February 2022 and found him unmoved. When he put down "
        "the phone, the envoy told his aides that it was time to prepare for the worst."
    )
    assert found["told"] == (dt.date(2022, 2, 12), "text")


def test_a_month_or_year_told_before_makes_the_day_unknown(said_on):
    found = said_on(
        "In November 2021, the minister visited the capital of the alliance. He was sceptical of the "
        "warnings, so he asked whether they would send more weapons."
    )
    assert found["asked"] == (None, "unknown")


@pytest.mark.parametrize(
    "text, cue",
    [
        # a recent day told before: said then is the article's day
        ("The envoys met on Monday in the port city. The envoy said that the talks were useful.", "said"),
        # "since 2022" is no time told
        (
            "Northern troops have held the town since 2022. The commander said that the line was stable.",
            "said",
        ),
        # the sentence's own time ("last week") is when it was said, not the story's day
        (
            "The envoy called the president on 12 February 2022 and found him unmoved. Last week, the "
            "envoy told reporters that he regretted nothing.",
            "told",
        ),
        # background, then someone else speaking today
        (
            "Northern forces crossed the river in February 2022. The foreign minister said that the "
            "talks would go on.",
            "said",
        ),
        # the present perfect tells no past day
        (
            "The talks collapsed in March 2023. The minister has warned that the ceasefire will not last.",
            "warned",
        ),
    ],
)
def test_otherwise_a_statement_is_dated_by_the_article(said_on, text, cue):
    assert said_on(text)[cue] == (PUBLISHED, "article")


@pytest.mark.parametrize(
    "text, cue",
    [
        # a day something was due on is a plan, not when the saying was
        (
            "Signs of the plan emerged in the spring of 2021, when northern troops massed on the border. "
            "The spy agency obtained reports suggesting the leader could use a yearly address, due on 14 "
            "April, to argue for war.",
            "suggesting",
        ),
        (
            "The envoy, who is expected to land in the capital on 14 April, said the talks would go on.",
            "said",
        ),
    ],
)
def test_a_day_something_is_due_on_does_not_date_the_saying(said_on, text, cue):
    assert said_on(text)[cue][0] != dt.date(2021, 4, 14)
    assert said_on(text)[cue][0] != dt.date(2026, 4, 14)


def test_a_saying_still_to_come_keeps_its_day_and_is_not_said_yet(said_on):
    found = said_on(
        "The prosecutor has scheduled a news conference Thursday to announce a major development."
    )
    assert found["announce"] == (None, "unknown")


def test_a_plan_told_beside_a_past_saying_does_not_date_it(said_on):
    found = said_on(
        "The maker, which said it found the flaws, still plans to launch new models on 6 November."
    )
    assert found["said"] == (PUBLISHED, "article")


def test_a_plan_told_before_the_day_in_another_clause_does_not_make_it_a_plan(said_on):
    found = said_on(
        "With the invasion expected within days, on 20 February 2022 the president urged citizens to stay "
        "calm and said there would be no panic."
    )
    assert found["urged"] == (dt.date(2022, 2, 20), "text")


def test_a_day_a_past_act_of_planning_was_done_on_still_dates_what_follows(said_on):
    found = said_on("On 3 May 2022 the president set out his demands. He said the army would not withdraw.")
    assert found["said"] == (dt.date(2022, 5, 3), "text")


def test_a_plan_told_in_the_past_tense_is_still_a_plan(said_on):
    found = said_on(
        "On Friday, the government planned to pay the first compensation claims. It said the fund was ready."
    )
    assert found["planned"] != (dt.date(2026, 2, 27), "text")
