"""Reports of kin types told as one event (a visit and the meeting it was for, an interview and the
statements made in it), a strike told over a week kept from a day's strike, and a date a sentence
takes from the one before it ("that night", "minutes later")."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.models import Article, EventMention, Span
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from parley.reconcile.event_conflicts import same_place
from parley.reconcile.events import merge_events
from tests.extract.test_event_reports import event_mentions

DAY = dt.date(2025, 12, 2)
WEEK_ON = DAY + dt.timedelta(days=7)
TEXT = "x" * 2000


def _article(article_id: str, published: dt.date, text: str = TEXT) -> Article:
    return Article(
        id=article_id,
        sha256=article_id,
        title="t",
        text=text,
        origin=article_id,
        format="text",
        outlet=f"Outlet {article_id}",
        published=published,
    )


ARTICLES = {"a": _article("a", dt.date(2025, 12, 3)), "b": _article("b", dt.date(2025, 12, 4))}


def _report(article_id, start, kind, *, date=None, place=None, who=(), end=None, figures=None):
    return EventMention(
        article_id=article_id,
        type=kind,
        span=Span(start, end if end is not None else start + 50),
        trigger=Span(start, start + 5),
        participants=tuple(who),
        place=place,
        date=date,
        precision="day" if date else None,
        date_text="on Tuesday" if date else None,
        figures=figures or {},
    )


def _merge(reports, articles=ARTICLES):
    return merge_events(reports, {id(r): frozenset(r.participants) for r in reports}, articles)


def _types(events):
    return sorted((e.type, len(e.sources)) for e in events)


# --- a visit and the meeting it was for -----------------------------------------------------


def test_a_visit_and_a_meeting_of_one_day_with_a_shared_party_are_one_meeting():
    reports = [
        _report("a", 0, "meeting", date=DAY, place="Moscow", who=["envoy", "president"]),
        _report("b", 100, "visit", date=DAY, place="Russia", who=["envoy"]),
    ]
    events = _merge(reports)
    assert _types(events) == [("meeting", 2)]
    assert events[0].place == "Moscow"


def test_one_sentence_telling_a_visit_and_a_meeting_gives_one_event():
    # "the envoy's visit to Russia, where he met the president": one sentence, two types, undated
    reports = [
        _report("a", 0, "visit", place="Russia", who=["envoy"], end=120),
        _report("a", 0, "meeting", place="Moscow", who=["envoy", "president"], end=120),
    ]
    assert _types(_merge(reports)) == [("meeting", 2)]


def test_an_undated_visit_told_right_after_the_dated_summit_joins_it():
    reports = [
        _report("a", 0, "meeting", date=DAY, place="Anchorage", who=["president", "leader"], end=100),
        _report("a", 101, "visit", place="United States", who=["leader"], end=180),  # next sentence
    ]
    events = _merge(reports)
    assert _types(events) == [("meeting", 2)]
    assert "place" not in events[0].conflicts  # Anchorage lies in Alaska, in the United States


def test_an_interview_and_statements_of_one_day_by_the_same_person_are_one_interview():
    reports = [
        _report("a", 0, "interview", date=DAY, who=["minister", "journalist"]),
        _report("a", 900, "statement", date=DAY, who=["minister"]),
    ]
    assert _types(_merge(reports)) == [("interview", 2)]


def test_two_meetings_of_one_day_with_different_people_stay_apart():
    reports = [
        _report("a", 0, "meeting", date=DAY, place="Moscow", who=["envoy", "president"]),
        _report("b", 100, "meeting", date=DAY, place="Geneva", who=["adviser", "minister"]),
        _report("b", 300, "visit", date=DAY, place="Moscow", who=["premier"]),
    ]
    assert _types(_merge(reports)) == [("meeting", 1), ("meeting", 1), ("visit", 1)]


def test_a_visit_one_day_and_a_meeting_a_week_later_stay_apart():
    reports = [
        _report("a", 0, "visit", date=DAY, place="Moscow", who=["envoy"]),
        _report(
            "b", 100, "meeting", date=DAY + dt.timedelta(days=7), place="Moscow", who=["envoy", "president"]
        ),
    ]
    assert _types(_merge(reports, {**ARTICLES, "b": _article("b", dt.date(2025, 12, 10))})) == [
        ("meeting", 1),
        ("visit", 1),
    ]


def test_an_undated_visit_far_from_the_meeting_in_its_article_stays_apart():
    reports = [
        _report("a", 0, "meeting", date=DAY, place="Moscow", who=["envoy", "president"], end=100),
        _report("a", 600, "visit", place="Kyiv", who=["envoy"], end=700),
    ]
    assert _types(_merge(reports)) == [("meeting", 1), ("visit", 1)]


def test_a_place_two_steps_up_holds_the_place():
    places = {"anchorage": "Alaska", "alaska": "United States"}
    assert same_place("United States", "Anchorage", places)
    assert not same_place("Canada", "Anchorage", places)


# --- a week's total is no day's strike --------------------------------------------------------

WEEK_TEXT = (
    "The country was attacked during the week with more than 1,400 drones and 80 missiles in all. "
    "Then, on Thursday, the invaders launched 410 drones and 35 missiles at the grid."
)


def _strikes(first_sentence: str):
    text = first_sentence + WEEK_TEXT[WEEK_TEXT.index(" Then") :]
    article = _article("w", dt.date(2026, 2, 27), text)
    cut = len(first_sentence)
    thursday = dt.date(2026, 2, 26)
    reports = [
        _report("w", 0, "strike", who=["aggressor"], end=cut),
        _report("w", cut + 1, "strike", date=thursday, who=["aggressor"], end=len(text)),
    ]
    return _merge(reports, {"w": article})


def test_a_strike_told_over_the_week_does_not_join_the_days_strike():
    events = _strikes(WEEK_TEXT[: WEEK_TEXT.index(" Then")])
    assert _types(events) == [("strike", 1)]  # the week's tally is no event
    assert events[0].date == dt.date(2026, 2, 26)


def test_an_undated_strike_of_the_article_still_joins_the_days_strike():
    events = _strikes("The country was attacked with more than 410 drones and 35 missiles at the grid.")
    assert _types(events) == [("strike", 2)]


# --- a date told in the sentence before ------------------------------------------------------


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _mentions(pipeline, text: str, published: dt.date = dt.date(2026, 2, 20)) -> list[EventMention]:
    return event_mentions(pipeline, text, published)


def _strike_dates(pipeline, text: str) -> list[dt.date | None]:
    """The dates of the strikes told in the text's last sentence."""
    last = text.rindex(". ") + 2
    return [m.date for m in _mentions(pipeline, text) if m.type == "strike" and m.span.start >= last]


def test_minutes_later_takes_the_day_of_the_sentence_before(pipeline):
    text = (
        "The president declared a state of emergency at dawn on 14 February. "
        "Minutes later, Russia launched a wave of missiles at the capital."
    )
    assert _strike_dates(pipeline, text) == [dt.date(2026, 2, 14)]


def test_that_night_takes_the_day_told_before(pipeline):
    text = (
        "Residents described the attack of February 3 to reporters. "
        "Russia launched 150 drones and 20 missiles that night, officials said."
    )
    assert _strike_dates(pipeline, text) == [dt.date(2026, 2, 3)]


def test_a_sentence_that_does_not_point_back_stays_undated(pipeline):
    text = (
        "The president declared a state of emergency at dawn on 14 February. "
        "Russia launched a wave of missiles at the capital, officials said."
    )
    assert _strike_dates(pipeline, text) == [None]
