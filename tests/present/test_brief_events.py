"""The events of the brief and the timeline: sources counted as articles, participants as actors."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner

from parley.models import Event, EventSource, Span
from parley.present.brief import Brief, events_section, render_brief
from parley.present.cli import cli
from parley.store import open_store

SENTENCE = "A regional paper reported on 3 February that about thirty drones flew over an air base."


def _store(path):
    store = open_store(str(path))
    spans = [EventSource("art-one", Span(0, 80), dt.date(2026, 2, 3)), EventSource("art-one", Span(90, 160))]
    event = Event(
        id="e" * 16,
        type="strike",
        date=dt.date(2026, 2, 3),
        precision="day",
        participants=(),
        place="Bavaria",
        summary=SENTENCE,
        sources=(*spans, EventSource("art-two", Span(0, 70), dt.date(2026, 2, 3))),
    )
    store.replace_records("event", [event])
    return store


def test_the_brief_counts_articles_and_names_no_one_rather_than_print_a_sentence(tmp_path):
    store = _store(tmp_path / "p.db")
    (event,) = events_section(store)
    assert event["sources"] == 2  # three spans from two articles
    brief = Brief(articles=2, outlets=[], days=[], by_outlet_day={}, last_run=None, events=[event])
    text = "\n".join(line.plain for line in render_brief(brief, 100))
    assert "2026-02-03 strike in Bavaria: - (2 sources)" in text
    assert "thirty drones" not in text
    store.close()


def test_the_timeline_counts_articles(tmp_path):
    _store(tmp_path / "p.db").close()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "p.db"), "timeline"])
    assert result.exit_code == 0, result.output
    assert "(2 sources)" in result.output and "3 sources" not in result.output


def test_the_most_reported_events_are_those_most_articles_tell(tmp_path):
    from parley.lookups import most_reported_events

    store = _store(tmp_path / "p.db")  # two articles, three spans
    one_article = Event(
        id="f" * 16,
        type="meeting",
        date=dt.date(2026, 2, 4),
        precision="day",
        participants=(),
        place="Oslo",
        summary="talks",
        sources=tuple(
            EventSource("art-three", Span(n * 50, n * 50 + 40), dt.date(2026, 2, 4)) for n in range(4)
        ),
    )
    store.replace_records("event", [*store.events(), one_article])
    assert [e.id for e in most_reported_events(store, limit=1)] == ["e" * 16]
    store.close()


def test_the_brief_shows_an_event_dated_by_its_week_or_month_as_such(tmp_path):
    from dataclasses import replace

    store = _store(tmp_path / "p.db")
    (week,) = store.events()
    store.replace_records("event", [replace(week, date=dt.date(2026, 1, 26), precision="week")])
    (event,) = events_section(store)
    brief = Brief(articles=2, outlets=[], days=[], by_outlet_day={}, last_run=None, events=[event])
    text = "\n".join(line.plain for line in render_brief(brief, 100))
    assert "week of 2026-01-26 strike in Bavaria" in text  # not a day the sources never gave
    store.close()


def test_a_what_changed_line_says_when_it_lists_fewer_items_than_it_counts():
    from parley.present.brief import SHOWN_CHANGES, _shown

    assert _shown(SHOWN_CHANGES) == ""
    assert _shown(SHOWN_CHANGES + 1) == f"; {SHOWN_CHANGES} shown, the JSON has all"
