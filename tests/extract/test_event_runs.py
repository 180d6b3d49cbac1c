"""A report whose sentence names no day takes the day of the sentence right before it when the two
tell one run of happenings (a daily war report naming the day once), and only then: not a day of a
comment, not across a paragraph, not past a word that moves the time, not for a report in the
present perfect nor for a sentence before that names two days, nor for the teller of the words
("..., the statement said"). And a day told by a verb of saying over what was said is the
saying's, not the day of an event inside it, unless the scope of the event let it through (a
clause of the narrator's own). Short texts written for these tests, run through the whole
per-article pipeline (spaCy's parse included); names invented."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.registry import default_registry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.test_event_reports import event_mentions

PUBLISHED = dt.date(2026, 2, 20)
PLANT = "Russian forces struck a power plant near Sloviansk on February 1."
BUS = "drones struck a bus carrying miners near Pavlohrad, Dnipropetrovsk Oblast, killing 12 people."


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _bus(pipeline, text: str):
    """The report of the strike on the bus."""
    (bus,) = [
        e for e in event_mentions(pipeline, text, PUBLISHED) if "bus" in text[e.span.start : e.span.end]
    ]
    return bus


def test_a_strike_told_right_after_a_dated_one_takes_its_day(pipeline):
    bus = _bus(pipeline, PLANT + " Officials said that " + BUS)
    assert (bus.date, bus.precision, bus.date_text) == (dt.date(2026, 2, 1), "day", "February 1")


def test_the_day_of_a_comment_before_is_not_carried(pipeline):
    text = "Governor Anna Kovalenko said on Monday that the talks had been useful. D" + BUS[1:]
    assert _bus(pipeline, text).date is None


def test_a_day_in_the_paragraph_before_is_not_carried(pipeline):
    assert _bus(pipeline, PLANT + "\nD" + BUS[1:]).date is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Previously, " + BUS,  # a change of time
        "Drones have struck buses carrying miners near Pavlohrad, killing 12 people.",  # no one day
    ],
)
def test_a_report_at_another_time_takes_no_day_from_before(pipeline, sentence):
    assert _bus(pipeline, PLANT + " " + sentence).date is None


def test_a_sentence_naming_two_days_gives_neither_to_the_next(pipeline):
    text = (
        "Russian forces struck a power plant near Sloviansk on February 1 and a depot near Izium on "
        "February 3. Drones struck a bus carrying miners near Pavlohrad, killing 12 people."
    )
    assert _bus(pipeline, text).date is None


def test_the_day_a_report_was_published_does_not_date_the_talks_it_tells_of(pipeline):
    text = (
        "The newspaper reported on January 31, citing unnamed diplomats, that Moscow sees little "
        "hope of progress during ongoing peace talks."
    )
    talks = [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "meeting"]
    assert all(e.date is None for e in talks)


def test_the_teller_of_the_words_takes_no_day_from_before(pipeline):
    text = (
        "The two presidents on Thursday signed the plan, which calls for cooperation in farming. "
        "A major project is joint manufacturing of cargo planes, the Kremlin statement said."
    )
    (statement,) = [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "statement"]
    assert statement.date is None


def test_a_clause_of_the_narrator_inside_what_was_said_keeps_the_day_of_the_telling(pipeline):
    text = (
        "Prime Minister Anand Rao told President Ivan Sorokin on Thursday that his country was not "
        "indifferent to the war, as the two leaders held their annual summit at the palace."
    )
    (summit,) = [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "meeting"]
    assert summit.date == dt.date(2026, 2, 19)


def _merged(pipeline, text: str):
    """The events the reports of one article make."""
    from parley.models import Article
    from parley.reconcile.events import merge_events

    reports = event_mentions(pipeline, text, PUBLISHED)
    article = Article(reports[0].article_id, "x", "", text, "test", "text", published=PUBLISHED)
    return merge_events(reports, {id(m): frozenset(m.participants) for m in reports}, {article.id: article})


def test_one_articles_strikes_of_a_day_in_two_places_stay_two_events(pipeline):
    """The bus takes the plant's day, but a strike near another town is another strike: its toll
    is not the plant's."""
    bus = "Four Shahed drones struck a bus carrying miners near Pavlohrad, Dnipropetrovsk Oblast, killing 12."
    events = _merged(pipeline, f"{PLANT} {bus}")
    strikes = sorted(
        (e.date, e.place, tuple(sorted(e.figures.items()))) for e in events if e.type == "strike"
    )
    assert strikes == [
        (dt.date(2026, 2, 1), "Pavlohrad", (("killed", 12),)),
        (dt.date(2026, 2, 1), "Sloviansk", ()),
    ]


def test_one_articles_two_tellings_of_a_strike_in_one_place_are_one_event(pipeline):
    """Guard: the article going on about the strike it dated, in the same place, is one event."""
    text = f"{PLANT} The strike on the power plant near Sloviansk cut power to 30,000 homes."
    assert [e.type for e in _merged(pipeline, text)].count("strike") == 1


def test_a_statements_day_is_not_carried_to_a_strike(pipeline):
    said = "The president announced on Monday that elections would be held."
    text = f"{said} Missiles struck a depot near Sloviansk."
    (strike,) = [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == "strike"]
    assert strike.date is None


def test_the_past_perfect_tells_of_a_time_before_the_day_told(pipeline):
    text = f"{PLANT} Drones had struck a bus near Pavlohrad, Dnipropetrovsk Oblast, killing 12."
    assert _bus(pipeline, text).date is None


def test_a_strike_with_no_place_of_its_own_takes_no_day_and_no_other_strikes_toll(pipeline):
    """Without a place of its own, the bus strike keeps no day and its toll is not the plant's."""
    events = _merged(pipeline, f"{PLANT} Drones struck a bus carrying miners, killing 12 people.")
    strikes = sorted((e.place or "", tuple(sorted(e.figures.items()))) for e in events if e.type == "strike")
    assert ("Sloviansk", ()) in strikes and len(strikes) == 2
