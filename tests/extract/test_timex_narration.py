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
