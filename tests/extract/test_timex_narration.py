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


# -- one line of background in today's news: what is to come is still the writer's coming one ----


_LEAD = "Trade ministers gathered in Oslo on Monday. The union first placed the tariffs in April 2023. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_LEAD + "It aims to settle a fresh set of tariffs before the summer.", "2026-SU"),
        (_LEAD + "The fresh tariffs will apply from the summer.", "2026-SU"),
        (
            "The mediator, who arranged the ceasefire of April 2018, said both camps will talk in "
            "the summer.",
            "2026-SU",
        ),
        (
            "The mill has stood still since a flood hit it in September 2023. Its owners say it "
            "might reopen in the spring.",
            "2026-SP",
        ),
        ("The bridge opened in June 2021. The river is expected to freeze over the winter.", "2025-WI"),
        ("The blockade started in January 2023. Negotiations are due to restart in the spring.", "2026-SP"),
    ],
)
def test_a_season_of_a_plan_of_today_after_a_background_date_is_the_coming_one(text, expected):
    season = next(k for k in _values(text) if k.startswith("the "))
    assert _values(text)[season] == expected


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        (_LEAD + "Officials said the fresh tariffs would be approved on 5 June.", "5 June", "2026-06-05"),
        (_LEAD + "Officials said the fresh tariffs, due on 5 June, would be higher.", "5 June", "2026-06-05"),
        (
            _LEAD.replace("2023.", "2023 and raised them in July 2023.")
            + "Officials said the fresh tariffs would be approved on 5 June.",
            "5 June",
            "2026-06-05",
        ),
        (
            "Delegates met in Vienna on Tuesday. Their meeting follows the breakdown of a ceasefire in April "
            "2018. The mediator said the following round would start on 4 May.",
            "4 May",
            "2026-05-04",
        ),
        (
            "The two states signed the accord in August 2016. Talks would restart on 4 May, the "
            "minister said.",
            "4 May",
            "2026-05-04",
        ),
        (
            "The ceasefire of April 2018 broke down within days. The mediator warned that a ballot, expected "
            "on 4 May, might be put off.",
            "4 May",
            "2026-05-04",
        ),
    ],
)
def test_reported_future_after_a_background_date_looks_ahead_from_today(text, day, expected):
    assert _values(text)[day] == expected


def test_a_plan_told_in_a_story_of_late_in_a_year_may_fall_early_in_the_next():
    text = "In November 2019 the envoys met in Vienna. They said the next round would open on 20 January."
    assert _values(text)["20 January"] == "2020-01-20"


def test_a_plan_told_of_an_earlier_year_with_no_lead_of_today_keeps_that_year():
    # the counterpart of the lead above: the story opens in its own year
    text = "In April 2018 the mediators met in Vienna. They said the following round would start on 4 May."
    assert _values(text)["4 May"] == "2018-05-04"
    season = "In April 2018 the mediators met in Vienna. They said talks would go on through the summer."
    assert _values(season)["the summer"] == "2018-SU"
