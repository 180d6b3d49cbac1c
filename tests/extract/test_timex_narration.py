"""Days written without a year in narration of the past: never after the publication date when a
past verb tells of them, and in the year a nearby date writes out when the text is about an
earlier time. Short texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.timex import find_time_expressions

PUBLISHED = dt.date(2026, 2, 20)


def _values(text: str, anchor: dt.date = PUBLISHED) -> dict[str, str | None]:
    return {t.text: t.value for t in find_time_expressions(text, anchor)}


def test_a_day_a_past_verb_tells_of_is_not_after_publication():
    # four days after the article's date: read as next week's before
    text = "The general ordered the first column across the border on 24 February."
    assert _values(text)["24 February"] == "2025-02-24"


def test_a_short_quoted_phrase_and_a_clock_time_do_not_hide_the_past_verb():
    text = "The ministry declared a “state of emergency” at 6.15am Odesa time on 23 February."
    assert _values(text)["23 February"] == "2025-02-23"
    joined = "The ministry declared a “state of emergency” at 6.15am local time on 23 February."
    assert _values(joined)["6.15am local time on 23 February"] == "2025-02-23T06:15"


@pytest.mark.parametrize(
    "text",
    [
        "The two delegations will be received in Geneva on 24 February.",
        "The envoy said talks on 24 February would take place in Geneva.",
        "The board approved a dividend, payable 24 February to holders of record.",
        "The deadline was extended to 24 February.",
    ],
)
def test_what_is_to_come_keeps_its_coming_date(text):
    assert _values(text)["24 February"] == "2026-02-24"


def test_a_day_takes_the_year_written_just_before_it_in_the_paragraph():
    text = (
        "By early March 2019 the two armies faced each other along the river. "
        "On 12 March, the northern side opened fire first."
    )
    assert _values(text)["12 March"] == "2019-03-12"


def test_a_caption_with_its_year_just_before_lends_it_to_the_next_paragraph():
    text = (
        "Soldiers resting near the river in early March 2019. Photograph: agency\n"
        "On 12 March, the northern side opened fire first."
    )
    assert _values(text)["12 March"] == "2019-03-12"


def test_a_day_after_a_date_of_the_present_or_a_date_naming_a_thing_keeps_the_anchor():
    back = "Fighting began in March 2019.\n\nThey will meet on 2 March. On 12 February, they spoke by phone."
    assert _values(back)["12 February"] == "2026-02-12"
    attributive = "The ministers recalled the March 2019 ceasefire. They met on 12 February in Vienna."
    assert _values(attributive)["12 February"] == "2026-02-12"


def test_a_recent_year_written_nearby_changes_nothing():
    # the year written out is the anchor's own time: the anchor places the day as well
    text = "The talks of January 2026 failed. On 12 February, the envoys met again."
    assert _values(text)["12 February"] == "2026-02-12"


# -- what was to come at the time told --------------------------------------------------------


def test_a_day_due_at_the_time_told_takes_that_year_not_the_coming_one():
    text = (
        "The quarrel over the dam first flared in the spring of 2019, when the two ministries stopped "
        "talking. The envoys heard that the minister could use a budget speech, due on 21 April, to "
        "announce the works. A day later the ministry denied it."
    )
    values = _values(text)
    assert values["21 April"] == "2019-04-21"
    assert values["A day later"] == "2019-04-22"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In March 2019 the envoys met. They said the next round would open on 2 May.", "2019-05-02"),
        ("In March 2019 the envoys met in Vienna. The next round was due on 2 May.", "2019-05-02"),
        ("In March 2019 the envoys met in Vienna. The next round will open on 2 May.", "2026-05-02"),
        ("In March 2019 the envoys met in Vienna. The next round is due on 2 May.", "2026-05-02"),
    ],
)
def test_a_plan_told_in_the_past_is_of_the_story_and_one_of_today_is_ahead(text, expected):
    assert _values(text)["2 May"] == expected


def test_a_day_due_in_todays_news_is_the_coming_one():
    text = "The minister could use a budget speech, due on 21 April, to announce the works."
    assert _values(text)["21 April"] == "2026-04-21"


# -- captions and definite periods inside a story of an earlier year ----------------------------


_STORY = (
    "The first warnings reached the capital on 3 June 2019, when scouts saw columns on the ridge. "
    "Two days later the council met in secret.\n\n"
)


def test_a_photo_date_inside_the_story_neither_sets_its_year_nor_ends_it():
    text = (
        _STORY + "Refugees at the crossing, 12 March 2021\n\n"
        "The council argued through the summer. In September, the first shots were fired.\n"
    )
    values = _values(text)
    assert values["September"] == "2019-09"
    assert values["the summer"] == "2019-SU"


def test_a_photo_date_outside_any_story_still_lends_its_year():
    text = "Refugees at the crossing, 12 March 2021\n\nOn 20 March, the first shots were fired.\n"
    assert _values(text)["20 March"] == "2021-03-20"


def test_the_next_week_after_the_end_of_a_month_of_the_story_is_the_week_after_it():
    text = _STORY + (
        "At the end of October, the envoys sent letters to both sides. The next week, two of them "
        "flew to the capital."
    )
    # 31 October 2019 was a Thursday: the week after the one that ends the month
    assert _values(text)["The next week"] == "2019-W45"


def test_the_next_week_with_no_story_is_the_anchors():
    text = "The envoys sent letters to both sides. The next week, two of them flew to the capital."
    assert _values(text)["The next week"] == "2026-W09"


def test_a_heading_that_opens_with_its_date_is_the_timelines_next_day():
    text = _STORY + "Tuesday 1 October 2019\n\nThe envoys arrived at dawn. The next day, they left.\n"
    assert _values(text)["The next day"] == "2019-10-02"
    later = _STORY + "1 January 2020\n\nOn 3 January, the envoys arrived.\n"
    assert _values(later)["3 January"] == "2020-01-03"
