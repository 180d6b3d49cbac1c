"""Session 29: a report dated only by a year in its trigger's own words ("resigned in 1993", "signed
the accord last year") takes that year (precision ``year``); a year that is one end of a span, one
of a list, not over yet or of an article with no publication date dates nothing. Merging never
joins two reports on a year alone, a year holds a day of that year (and rules out any other), the
timeline prints the year and the brief's short list leaves year-only history out. Sentences
written for these tests; the sides are real, the happenings and people invented."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import httpx
import pytest
from click.testing import CliRunner

from parley.extract.event_taxonomy import load_taxonomy
from parley.extract.registry import default_registry
from parley.lookups import event_day, most_reported_events
from parley.models import Article, Event, EventMention, EventSource, Precision, Span
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from parley.present.cli import cli
from parley.reconcile.event_kin import merge_kin
from parley.reconcile.events import _Draft, merge_events, thin
from parley.store import open_store
from tests.extract.test_event_reports import event_mentions
from tests.web.conftest import Server

PUBLISHED = dt.date(2026, 2, 20)
YEAR = dt.date(2019, 1, 1)


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _one(pipeline, text: str, kind: str, published: dt.date | None = PUBLISHED) -> EventMention:
    found = [e for e in event_mentions(pipeline, text, published) if e.type == kind]  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


# -- extraction -----------------------------------------------------------------------------------


def test_a_year_in_the_verbs_own_words_dates_the_report(pipeline) -> None:
    event = _one(pipeline, "Ivan Petrov resigned in 1993 after the scandal.", "resignation")
    assert (event.date, event.date_end, event.precision, event.date_text) == (
        dt.date(1993, 1, 1),
        dt.date(1993, 12, 31),
        "year",
        "1993",
    )


def test_a_year_opening_the_sentence_dates_its_verb(pipeline) -> None:
    event = _one(pipeline, "In 2010, Russia and Ukraine signed a treaty in Harbourtown.", "agreement")
    assert (event.date, event.precision) == (dt.date(2010, 1, 1), "year")


def test_a_year_in_a_clause_of_its_own_verb_dates_that_verb(pipeline) -> None:
    text = "Ivan Petrov, who resigned in 1993, said on Monday that the talks had failed."
    event = _one(pipeline, text, "resignation")
    assert (event.date, event.precision) == (dt.date(1993, 1, 1), "year")


def test_last_year_is_the_year_before_publication(pipeline) -> None:
    event = _one(pipeline, "Russia and Ukraine signed the accord last year.", "agreement")
    assert (event.date, event.date_end, event.precision) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 12, 31),
        "year",
    )


def test_a_year_takes_the_place_of_a_day_told_of_another_meeting(pipeline) -> None:
    # "on Monday" is the second meeting's: the first, in Oslo, was in 2019
    text = "The two foreign ministers met in Oslo in 2019 and again in Geneva on Monday."
    event = _one(pipeline, text, "meeting")
    assert (event.date, event.precision, event.place) == (YEAR, "year", "Oslo")


def test_guard_a_day_of_that_year_still_dates_the_report(pipeline) -> None:
    text = "Russia and Ukraine signed a treaty in Harbourtown on 21 April 2010."
    event = _one(pipeline, text, "agreement")
    assert (event.date, event.precision) == (dt.date(2010, 4, 21), "day")
    event = _one(pipeline, "Russia and Ukraine signed a treaty on Monday in Harbourtown.", "agreement")
    assert (event.date, event.precision) == (dt.date(2026, 2, 16), "day")


@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov resigned in 2026 after the scandal.",  # the year is not over
        "Ivan Petrov resigned two years ago after the scandal.",  # only roughly a year
        "It was the first visit by the Russian president to Kyiv since 2019.",  # a bound
        "Russia occupied the peninsula from 2014 to 2022.",  # a span
        "Russia occupied the peninsula between 2014 and 2022.",  # a span
        "Russia and Ukraine had signed the pact by 1999.",  # a bound
        "Russia and Ukraine signed a fiscal 2010 deal.",  # no calendar year
        "The envoys met Ivan Petrov, who joined the bank in 1993, in Geneva.",  # someone's clause
    ],
)
def test_guard_a_year_that_is_not_the_reports_leaves_it_undated(pipeline, text: str) -> None:
    found = event_mentions(pipeline, text, PUBLISHED)
    assert found and all(e.date is None for e in found)


def test_guard_a_year_with_no_publication_date_to_read_it_against_dates_nothing(pipeline) -> None:
    event = _one(pipeline, "Ivan Petrov resigned in 1993 after the scandal.", "resignation", published=None)
    assert event.date is None


# -- merging --------------------------------------------------------------------------------------

PLACES = {"harbourtown": "Eastmark"}
WHO = ("north-government", "south-government")


def _article(article_id: str, published: dt.date) -> Article:
    return Article(
        id=article_id, sha256=article_id, title="t", text="x" * 300, origin=article_id, format="text",
        published=published,
    )  # fmt: skip


def _report(
    article_id, text, *, date=None, precision=None, place=None, who=(), kind="agreement", verb="signed"
):
    at = text.index(verb)
    end = None if date is None else date.replace(month=12, day=31) if precision == "year" else date
    return EventMention(
        article_id=article_id, type=kind, span=Span(0, len(text)), trigger=Span(at, at + len(verb)),
        participants=tuple(who), place=place, date=date, date_end=end, precision=precision,
    ), text  # fmt: skip


def _merge(told, published):
    """The events of ``told`` (reports with their sentences), on the fast path and exhaustively
    alike."""
    reports = [m for m, _ in told]
    texts = {m.article_id: text for m, text in told}
    articles = {a: _article(a, day) for a, day in published.items()}
    found = [
        merge_events(
            reports,
            {id(m): frozenset(m.participants) for m in reports},
            articles,
            taxonomy=replace(load_taxonomy(), places=PLACES),
            exhaustive=exhaustive,
            words=lambda m: texts[m.article_id],
        )
        for exhaustive in (False, True)
    ]
    assert [sorted(s.article_id for s in e.sources) for e in found[0]] == [
        sorted(s.article_id for s in e.sources) for e in found[1]
    ]
    return found[0]


def test_two_reports_of_one_year_in_articles_months_apart_are_two_events() -> None:
    told = [
        _report("a", "Norland signed the water accord in 2019.", date=YEAR, precision="year", who=WHO[:1]),
        _report("b", "In 2019, Norland signed the water accord.", date=YEAR, precision="year", who=WHO[:1]),
    ]
    assert len(_merge(told, {"a": dt.date(2025, 3, 1), "b": dt.date(2025, 9, 2)})) == 2


def test_guard_two_reports_of_one_year_told_within_days_merge_as_undated_ones_would() -> None:
    told = [
        _report("a", "Norland signed the water accord in 2019.", date=YEAR, precision="year", who=WHO[:1]),
        _report("b", "In 2019, Norland signed the water accord.", date=YEAR, precision="year", who=WHO[:1]),
    ]
    (event,) = _merge(told, {"a": dt.date(2025, 3, 1), "b": dt.date(2025, 3, 2)})
    assert (event.date, event.precision) == (YEAR, "year")


def test_a_year_rules_out_an_event_of_another_year() -> None:
    words = "Russia and Ukraine signed the Harbourtown water accord"
    told = [
        _report("a", f"{words} on 3 May 2020.", date=dt.date(2020, 5, 3), precision="day", who=WHO),
        _report("b", f"{words} in 2019.", date=YEAR, precision="year", who=WHO, place="Harbourtown"),
    ]
    events = _merge(told, {"a": dt.date(2020, 5, 4), "b": dt.date(2020, 5, 6)})
    assert {(e.date, e.precision) for e in events} == {(dt.date(2020, 5, 3), "day"), (YEAR, "year")}


def test_guard_a_year_holds_a_day_of_that_year() -> None:
    words = "Russia and Ukraine signed the Harbourtown water accord"
    day = dt.date(2019, 5, 3)
    told = [
        _report("a", f"{words} on 3 May 2019.", date=day, precision="day", who=WHO, place="Harbourtown"),
        _report("b", f"{words} in 2019.", date=YEAR, precision="year", who=WHO, place="Harbourtown"),
    ]
    (event,) = _merge(told, {"a": dt.date(2019, 5, 4), "b": dt.date(2024, 5, 6)})
    assert (event.date, event.precision, event.source_articles) == (day, "day", 2)


def _draft(kind: str, date: dt.date, precision: Precision, start: int) -> _Draft:
    m = EventMention(
        "a", kind, Span(start, start + 60), Span(start, start + 5), place="Harbourtown", date=date,
        date_end=date.replace(month=12, day=31) if precision == "year" else date, precision=precision,
    )  # fmt: skip
    draft = _Draft(kind)
    draft.add((m, frozenset({"envoy"}), None))
    return draft


def test_a_visit_of_one_year_is_not_the_meeting_of_another_told_beside_it() -> None:
    # "The envoy met X in Harbourtown on 3 May 2020. His 2019 visit there had ended in a row."
    meeting, visit = _draft("meeting", dt.date(2020, 5, 3), "day", 0), _draft("visit", YEAR, "year", 62)
    assert len(merge_kin([meeting, visit], PLACES, load_taxonomy().kin)) == 2
    same_year = _draft("visit", YEAR, "year", 62)
    assert len(merge_kin([_draft("meeting", dt.date(2019, 5, 3), "day", 0), same_year], PLACES, (
        ("meeting", "visit"),
    ))) == 1  # fmt: skip


def test_guard_an_event_dated_only_by_a_year_and_a_place_is_still_too_thin() -> None:
    event = Event(
        id="e" * 16, type="strike", date=YEAR, precision="year", participants=(), place="Harbourtown",
        summary="The 2019 attack in Harbourtown.", sources=(EventSource("a", Span(0, 40), YEAR),),
    )  # fmt: skip
    assert thin(event)
    assert not thin(replace(event, figures={"killed": 31}))


# -- showing --------------------------------------------------------------------------------------


def _stored(tmp_path, events: list[Event]) -> str:
    db = str(tmp_path / "p.db")
    store = open_store(db)
    store.replace_records("event", events)
    store.close()
    return db


def _event(id_: str, date: dt.date, precision: Precision, articles: int) -> Event:
    sources = tuple(EventSource(chr(ord("a") + i), Span(0, 30), date) for i in range(articles))
    return Event(
        id=id_ * 16, type="resignation", date=date, precision=precision, participants=(), place=None,
        summary="Ivan Petrov resigned.", sources=sources,
    )  # fmt: skip


def test_the_timeline_prints_a_year_as_the_year(tmp_path) -> None:
    assert event_day("1993-01-01", "year") == "1993"
    db = _stored(tmp_path, [_event("e", dt.date(1993, 1, 1), "year", 2)])
    result = CliRunner().invoke(cli, ["--db", db, "timeline"])
    assert result.exit_code == 0, result.output
    assert "1993 resignation:" in result.output and "1993-01-01" not in result.output


def test_the_web_timeline_prints_a_year_as_the_year_and_leaves_it_off_the_axis(tmp_path) -> None:
    _stored(
        tmp_path, [_event("e", dt.date(1993, 1, 1), "year", 2), _event("f", dt.date(2020, 5, 3), "day", 1)]
    )
    server = Server(tmp_path / "p.db")
    try:
        page = httpx.get(server.url("/timeline"), timeout=30).text
    finally:
        server.stop()
    assert '<span class="nowrap">1993</span>' in page and '<span class="nowrap">2020-05-03</span>' in page
    assert "events from 2020-05-03 to 2020-05-03" in page  # the axis holds the day alone


def test_the_brief_leaves_out_an_event_dated_only_by_a_year(tmp_path) -> None:
    db = _stored(tmp_path, [_event("e", YEAR, "year", 3), _event("f", dt.date(2020, 5, 3), "day", 1)])
    store = open_store(db)
    assert [e.id[0] for e in most_reported_events(store, 10)] == ["f"]
    store.close()


def test_guard_the_brief_keeps_events_dated_to_a_day_week_or_month(tmp_path) -> None:
    days = [
        _event("f", dt.date(2020, 5, 3), "day", 1),
        _event("g", dt.date(2020, 5, 4), "week", 1),
        _event("h", dt.date(2020, 6, 1), "month", 1),
    ]
    store = open_store(_stored(tmp_path, days))
    assert [e.id[0] for e in most_reported_events(store, 10)] == ["f", "g", "h"]
    store.close()


def test_a_year_report_asks_of_a_day_report_what_an_undated_one_would_in_either_order() -> None:
    # one party and the same words, no place: not enough for a report with no day of its own
    words = "Norland signed the Harbourtown water accord"
    day = dt.date(2019, 5, 3)
    for ids in (("a", "b"), ("b", "a")):  # the year's article first, or the day's
        told = [
            _report(ids[0], f"{words} on 3 May 2019.", date=day, precision="day", who=WHO[:1]),
            _report(ids[1], f"{words} in 2019.", date=YEAR, precision="year", who=WHO[:1]),
        ]
        events = _merge(told, {ids[0]: dt.date(2019, 5, 4), ids[1]: dt.date(2024, 5, 6)})
        assert len(events) == 2, ids
