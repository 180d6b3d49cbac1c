"""Narrative reference time: a date written without its year, in a passage telling of an earlier
year, takes the year the text has just established, and keeps it through the paragraphs the
narration goes on dating, until a date of the text's own time brings it back. Ordinary news that
names a past year in passing keeps the publication date's year. Short texts written for these
tests (published 20 February 2026 unless said otherwise)."""

from __future__ import annotations

import datetime as dt

from parley.extract.timex import find_time_expressions

PUBLISHED = dt.date(2026, 2, 20)


def _values(text: str, anchor: dt.date = PUBLISHED) -> dict[str, str | None]:
    return {t.text: t.value for t in find_time_expressions(text, anchor)}


RETROSPECTIVE = (
    "The harbour strike began in the autumn of 2019 and was not settled until the spring. "
    "On 14 January 2020, the dockers' council voted to stay out. In late January, the port "
    "authority hired replacement crews.\n\n"
    "The crews never arrived. Their buses were turned back at the gates by pickets, and the "
    "authority's lawyers spent the rest of the month in court arguing over who had the right "
    "to block the road. Few people in the city believed the stoppage could last.\n\n"
    "By mid-February the warehouses were full and ships were queuing offshore. On 12 February, "
    "the mayor called both sides to the town hall. The next day, the council's leaders walked "
    "out of the talks.\n\n"
    "Months of quiet bargaining followed. The dockers' families relied on a hardship fund that "
    "churches and unions across the region filled, and the council printed a weekly sheet to "
    "keep its members together while the talks dragged on.\n\n"
    "The agreement was finally signed at 3am on 24 February."
)


def test_days_and_months_of_a_retrospective_take_the_year_it_told():
    values = _values(RETROSPECTIVE)
    assert values["14 January 2020"] == "2020-01-14"
    assert values["late January"] == "2020-01"  # same paragraph as the written-out year
    assert values["mid-February"] == "2020-02"  # the next paragraph but one: the narration goes on
    assert values["12 February"] == "2020-02-12"
    assert values["The next day"] == "2020-02-13"
    # two paragraphs with no date since 13 February: still the story of 2020
    assert values["3am on 24 February"] == "2020-02-24T03:00"


def test_the_next_day_a_few_paragraphs_on_is_the_day_after_the_narration_reached():
    text = (
        "Talks in the capital broke down on 3 March 2021 after the envoy rejected the draft.\n\n"
        "Nobody in the delegation expected a second round. The envoy had packed his bags and "
        "the hotel had been told to expect the rooms back within hours. His aides spent the "
        "evening on the telephone to their ministries, and the cables they sent home were "
        "gloomy about any prospect of agreement before the summer.\n\n"
        "The next day, he was back at the table."
    )
    assert _values(text)["The next day"] == "2021-03-04"


def test_a_range_after_a_date_told_runs_forward_from_it():
    # December 2021 is nearer February 2022, but a range's end is not before its start
    text = "The town was shelled almost daily between February 2022 and December, residents said."
    assert _values(text)["December"] == "2022-12"


def test_a_time_of_day_alone_falls_on_the_day_the_narration_reached():
    text = (
        "The convoy left the border post on 8 June 2022 and drove through the night.\n\n"
        "It had been a long journey. The drivers had slept in their cabs for a week, and the "
        "fuel they carried was barely enough for the last stretch of the road, which the rains "
        "had turned to mud. Two lorries broke down and had to be abandoned on the way.\n\n"
        "Shortly before midnight, the first lorries reached the city."
    )
    assert _values(text)["midnight"] == "2022-06-08T24:00"


def test_a_date_of_the_present_brings_the_narration_back():
    text = (
        "The ceasefire of 5 September 2014 was broken within weeks, and on 20 September the two "
        "sides met again.\n\n"
        "On Monday, the foreign ministers met in Vienna. On 12 February, they had spoken by phone."
    )
    values = _values(text)
    assert values["20 September"] == "2014-09-20"
    assert values["Monday"] == "2026-02-16"
    assert values["12 February"] == "2026-02-12"


def test_ordinary_news_naming_a_past_year_in_another_paragraph_keeps_the_anchor():
    text = (
        "The war began when Russian forces crossed the border in February 2022.\n\n"
        "On 24 February, the negotiators are due to meet again in Geneva. On Monday, the envoys "
        "said they had made progress. On 12 February, the two presidents spoke by phone."
    )
    values = _values(text)
    assert values["24 February"] == "2026-02-24"
    assert values["Monday"] == "2026-02-16"
    assert values["12 February"] == "2026-02-12"


def test_a_past_year_in_passing_does_not_reach_a_day_in_the_next_paragraph():
    text = "Fighting broke out in the region in March 2019.\n\nOn 12 February, the envoys met in Vienna."
    assert _values(text)["12 February"] == "2026-02-12"


def test_a_year_written_alone_lends_no_year_but_does_not_end_the_narration():
    # "since 2014" is background: "on 12 February" still follows the narration of 2022
    text = (
        "In January 2022 the troops massed on the border, which the army had held since 2014. "
        "On 12 February, the embassies began to leave."
    )
    assert _values(text)["12 February"] == "2022-02-12"
    alone = "The army had held the border since 2014. On 12 February, the embassies began to leave."
    assert _values(alone)["12 February"] == "2026-02-12"


def test_the_narration_moved_to_a_year_without_a_month_places_nothing():
    # "the following year" leaves the month unknown: "in December" is the anchor's
    text = "On 22 May 2019 he was promoted; the following year he moved to the embassy. In December he quit."
    assert _values(text)["December"] == "2025-12"


def test_a_footnote_number_after_a_year_does_not_hide_it():
    text = "Losses between February 2022 and December 2025.17\n\nNo other war has cost as much."
    assert _values(text, dt.date(2026, 1, 27))["December 2025"] == "2025-12"


def test_this_weekend_in_a_past_clause_of_a_weekday_is_the_weekend_just_gone():
    monday = dt.date(2026, 2, 16)
    assert _values("At a panel this weekend, the envoy told delegates the talks were over.", monday) == {
        "this weekend": "2026-W07-WE"
    }
    # in a future clause, or with no tense, it is the coming one
    assert _values("The envoys will meet this weekend in Geneva.", monday) == {"this weekend": "2026-W08-WE"}
    assert _values("Talks this weekend in Geneva.", monday) == {"this weekend": "2026-W08-WE"}
