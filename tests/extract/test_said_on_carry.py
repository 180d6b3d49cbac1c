"""The day a statement was said: told as earlier, carried from the same speaker's last telling,
taken from the cue's own clause, never after the article: built by the real pipeline on short
articles written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import clean_article
from parley.extract.said_on import said_on as said_on_of
from parley.models import Attribution, RawArticle, Span, TimeExpression
from parley.nlp import SpacyParser
from tests.extract.statement_runs import said_on_by_cue

PUBLISHED = dt.date(2026, 3, 4)
ARTICLE = (PUBLISHED, "article")
UNKNOWN = (None, "unknown")


@pytest.fixture(scope="module")
def said_on(tmp_path_factory):
    return said_on_by_cue(tmp_path_factory, "The talks", PUBLISHED)


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The minister has previously said that the border must stay closed.", "said"),
        ("The envoy once predicted that the talks would fail within a month.", "predicted"),
        ("Earlier, the foreign minister said that no deal was near.", "said"),
        ('"The offensive will be over by spring," the general said at the time.', "said"),
        ("The governor had warned that the dam could not hold much longer.", "warned"),
    ],
)
def test_a_saying_told_as_earlier_without_a_date_is_unknown(said_on, text, cue):
    assert said_on(text)[cue] == UNKNOWN


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The minister said that the border must stay closed.", "said"),
        ("At the same time, the envoy warned that the talks could fail.", "warned"),
        ("Once the ceasefire holds, the envoy said, the prisoners will be exchanged.", "said"),
    ],
)
def test_a_saying_not_told_as_earlier_is_dated_by_the_article(said_on, text, cue):
    assert said_on(text)[cue] == ARTICLE


def test_the_day_of_a_speaking_event_is_carried_to_the_speakers_next_statements(said_on):
    found = said_on(
        "The defence minister gave an interview on March 1 to two newspapers. The minister stated "
        "that the army would not withdraw.\n\nThe minister also claimed that the talks were a trap."
    )
    assert found["stated"] == (dt.date(2026, 3, 1), "text")
    assert found["claimed"] == (dt.date(2026, 3, 1), "text")


def test_the_day_of_a_statement_is_carried_to_the_same_role_speaking_again(said_on):
    found = said_on(
        "A spokesperson for the northern brigade stated on March 2 that the town was still held. "
        "The spokesperson noted that supplies were running low."
    )
    assert found["stated"] == (dt.date(2026, 3, 2), "text")
    assert found["noted"] == (dt.date(2026, 3, 2), "text")


def test_a_day_is_not_carried_over_a_change_of_scene_nor_to_another_speaker(said_on):
    found = said_on(
        "On March 2, the envoy said that the talks were useful. On March 3, troops shelled the "
        "port. The envoy argued that the shelling changed nothing.\n\nThe mayor of the port "
        "complained that the city had no power."
    )
    assert found["said"] == (dt.date(2026, 3, 2), "text")
    assert found["argued"] == ARTICLE
    assert found["complained"] == ARTICLE


def test_a_day_is_not_carried_from_far_back(said_on):
    found = said_on(
        "The envoy said on March 2 that the talks were useful.\n\nThe talks resumed.\n\nThe "
        "delegations met again.\n\nThe port was quiet.\n\nThe envoy warned that the truce was fragile."
    )
    assert found["warned"] == ARTICLE


def test_a_date_in_what_the_saying_is_about_is_not_the_day_said(said_on):
    found = said_on(
        '"Our ward was full within an hour," the nurse told a newspaper about the March 1 attack.'
    )
    assert found["told"] == ARTICLE
    found = said_on('"We had no warning," she told reporters about the attack on March 1.')
    assert found["told"] == ARTICLE


def test_a_date_of_a_coordinated_clause_is_not_the_day_said(said_on):
    found = said_on(
        "Northern bloggers first claimed the capture of the village on May 10, 2024, and a local "
        "observer reported that the village was retaken soon after."
    )
    assert found["reported"] != (dt.date(2024, 5, 10), "text")


def test_the_cues_own_date_still_dates_the_saying(said_on):
    found = said_on(
        "Speaking to reporters on March 2, the envoy said that the talks were useful. The minister "
        "told the parliament on March 1 that the army would hold."
    )
    assert found["said"] == (dt.date(2026, 3, 2), "text")
    assert found["told"] == (dt.date(2026, 3, 1), "text")


def test_a_day_after_the_article_is_never_the_day_said(said_on):
    found = said_on(
        "The drills were due to end on 21 April. A day later the army announced that the troops "
        "were going home."
    )
    assert found["announced"] == UNKNOWN


def test_a_date_wins_over_a_clock_time_resolved_to_another_day():
    text = "The president announced at 4.50am on 2 March that the troops would leave."
    raw = RawArticle("clock", "text", text, title="t", published=PUBLISHED)
    article = clean_article(raw, today=PUBLISHED)
    (doc,) = SpacyParser().parse([article.text])
    at = article.text.index

    def span(words: str) -> Span:
        return Span(at(words), at(words) + len(words))

    clock = TimeExpression(
        span("4.50am"), "4.50am", "TIME", "2026-02-27T04:50", "day", *[dt.date(2026, 2, 27)] * 2
    )
    day = TimeExpression(span("2 March"), "2 March", "DATE", "2026-03-02", "day", *[dt.date(2026, 3, 2)] * 2)
    content = span("that the troops would leave")
    att = Attribution(content, "reported", source=span("The president"), cue=span("announced"))
    assert said_on_of(article, att, [clock, day], doc, span("announced")) == (dt.date(2026, 3, 2), "text")


def test_a_day_read_from_the_story_before_is_not_carried(said_on):
    found = said_on(
        "The envoy called the president on 12 February 2022 and found him unmoved. When he put down the "
        "phone, the envoy told his aides that it was time to prepare for the worst.\n\nIn later calls with "
        "the president, the tone was tense as the envoy stated bluntly that the invasion would come."
    )
    assert found["told"] == (dt.date(2022, 2, 12), "text")
    assert found["stated"] == ARTICLE
