"""Event reports found in one article: the right date, type and parties. Short texts written for
these tests, run through the whole per-article pipeline (spaCy's parse included)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from parley.extract.event_dates import lasting
from parley.extract.events import find_events
from parley.extract.registry import default_registry
from parley.extract.timex import find_time_expressions
from parley.models import Article, Mention, Span
from parley.nlp import SpacyParser
from parley.pipeline import Analysis, Context, Pipeline, default_components

PUBLISHED = dt.date(2026, 2, 20)


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def event_mentions(pipeline, text: str, published: dt.date = PUBLISHED):
    """The event reports the whole per-article pipeline finds in ``text``."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    article = Article(
        id=digest[:16],
        sha256=digest,
        title="",
        text=text,
        origin="test",
        format="text",
        published=published,
        published_from="metadata",
    )
    (analysis,) = list(pipeline.run([article]))
    assert isinstance(analysis, Analysis)
    return list(analysis["event_mention"])


def one_event(pipeline, text: str, kind: str, published: dt.date = PUBLISHED):
    """The one event report of type ``kind`` the pipeline finds in ``text``."""
    found = [e for e in event_mentions(pipeline, text, published) if e.type == kind]
    assert len(found) == 1, event_mentions(pipeline, text, published)
    return found[0]


def _reports(pipeline, text: str, published: dt.date = PUBLISHED):
    return [
        (
            e.type,
            text[e.trigger.start : e.trigger.end],
            e,
            [text[r.start : r.end] for r in e.participant_refs],
        )
        for e in event_mentions(pipeline, text, published)
    ]


def _one(pipeline, text: str, kind: str):
    found = [r for r in _reports(pipeline, text) if r[0] == kind]
    assert len(found) == 1, _reports(pipeline, text)
    return found[0]


def test_a_clock_time_is_no_date_and_a_past_day_is_not_after_publication(pipeline):
    # "at 5.30am" once gave the publication day; "26 February" in narration of the past is
    # last year's, not six days after the article
    text = "The president announced the mobilisation at 5.30am Minsk time on 26 February."
    _, _, event, _ = _one(pipeline, text, "statement")
    assert event.date == dt.date(2025, 2, 26) and event.precision == "day"


def test_a_date_after_since_bounds_the_event_and_is_not_its_date(pipeline):
    text = "It was the minister's first visit to Brazil since the collapse of the coalition in March 2021."
    _, _, event, _ = _one(pipeline, text, "visit")
    assert event.date is None


def test_each_item_of_a_list_keeps_its_own_date(pipeline):
    text = (
        "Her record includes a speech to the senate in May 2019, and an interview with the "
        "broadcaster Anna Keller in October 2023."
    )
    _, _, event, _ = _one(pipeline, text, "interview")
    assert (event.date, event.precision) == (dt.date(2023, 10, 1), "month")


def test_drones_flying_over_a_base_make_no_visit(pipeline):
    text = "A local paper reported that about thirty drones flew over an air base in Bavaria on 3 February."
    assert [r for r in _reports(pipeline, text) if r[0] == "visit"] == []


def test_a_prison_sentence_is_not_how_long_a_statement_lasted():
    text = "Final statement of the teacher Pavel Orlov who was sentenced to four years for a poem"
    (years,) = [t for t in find_time_expressions(text, PUBLISHED) if t.type == "DURATION"]
    assert years.text == "four years" and not lasting(text, years)
    talks = "The talks in Geneva lasted four hours."
    (hours,) = [t for t in find_time_expressions(talks, PUBLISHED) if t.type == "DURATION"]
    assert lasting(talks, hours)


def test_a_name_that_only_describes_the_object_is_no_party(pipeline):
    text = (
        "Last spring, Moscow watched helplessly as foreign jets struck Syria, another close Kremlin ally "
        "in the region."
    )
    for _, _, event, refs in _reports(pipeline, text):
        assert "kremlin" not in event.participants and "Kremlin" not in refs


def test_a_name_run_into_a_date_is_no_party(pipeline):
    # the name finder sometimes takes "Orlov's March 2022" for one name: no party of the agreement
    text = "Officials claimed that the two governments agreed to terms based on Orlov’s March 2022 speech."
    start = text.index("Orlov")
    name = Mention("a", Span(start, text.index(" speech")), "Orlov’s March 2022", "PERSON")
    doc = next(iter(pipeline.parser.parse([text])))
    times = find_time_expressions(text, PUBLISHED)
    found = find_events(doc, "a", [name], times, [], default_registry())
    assert not [text[r.start : r.end] for e in found for r in e.participant_refs]


def test_a_date_that_names_a_time_of_year_is_still_the_events_date(pipeline):
    # "the Christmas period": a date that modifies a noun of time is still when it happened
    text = "Russia continued strikes on the country's power grid over the Christmas period."
    reports = _reports(pipeline, text, published=dt.date(2025, 12, 28))
    strikes = [e for kind, _, e, _ in reports if kind == "strike"]
    assert strikes and strikes[0].date == dt.date(2025, 12, 25), reports
