"""Events: reports of the same event merged across articles, conflicts kept side by side."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.analyse import analyse
from parley.ingest.job import ingest
from parley.models import Article, EventMention, Span
from parley.reconcile.events import merge_events
from parley.store import EventFilter, open_store
from tests.conftest import SEEDS


def _article(article_id: str, published: dt.date | None, outlet: str) -> Article:
    return Article(
        id=article_id,
        sha256=article_id,
        title="t",
        text="x" * 400,
        origin=article_id,
        format="text",
        outlet=outlet,
        published=published,
    )


def _report(article_id, start, *, date=None, place=None, duration=None, who=(), kind="meeting"):
    return EventMention(
        article_id=article_id,
        type=kind,
        span=Span(start, start + 50),
        trigger=Span(start, start + 5),
        participants=tuple(who),
        place=place,
        date=date,
        precision="day" if date else None,
        date_text="on Tuesday" if date else None,
        duration=duration,
        duration_text={"PT5H": "five hours", "PT6H": "nearly six hours"}.get(duration),
    )


ARTICLES = {
    "a": _article("a", dt.date(2025, 12, 3), "Wire A"),
    "b": _article("b", dt.date(2025, 12, 3), "Herald B"),
    "c": _article("c", dt.date(2025, 12, 4), "Post C"),
    "d": _article("d", dt.date(2026, 3, 1), "Later D"),
}


def _merge(reports):
    return merge_events(reports, {id(r): frozenset(r.participants) for r in reports}, ARTICLES)


def test_same_meeting_in_three_outlets_is_one_event_with_its_conflicts():
    day = dt.date(2025, 12, 2)
    reports = [
        _report("a", 0, date=day, place="Moscow", duration="PT5H", who=["envoy", "president"]),
        _report("b", 10, date=day, place="Moscow", duration="PT6H", who=["president", "envoy", "adviser"]),
        _report("c", 20, who=["envoy"], duration="PT5H"),  # undated, published two days later
    ]
    events = _merge(reports)
    assert len(events) == 1
    event = events[0]
    assert event.date == day and event.precision == "day" and event.place == "Moscow"
    assert {s.article_id for s in event.sources} == {"a", "b", "c"}
    assert event.duration == "PT5H"  # told by two sources of three
    assert {c["value"] for c in event.conflicts["duration"]} == {"PT5H", "PT6H"}
    assert {c["as_written"] for c in event.conflicts["duration"]} == {"five hours", "nearly six hours"}
    assert "date" not in event.conflicts and "place" not in event.conflicts


def test_reports_that_cannot_be_the_same_event_stay_apart():
    day = dt.date(2025, 12, 2)
    reports = [
        _report("a", 0, date=day, who=["envoy", "president"]),
        _report("b", 0, date=day + dt.timedelta(days=7), who=["envoy", "president"]),  # a week later
        _report("c", 0, date=day, who=["minister"]),  # same day, nobody in common
        _report("d", 0, who=["envoy", "president"]),  # undated, published months later
        _report("a", 60, date=day, who=["envoy", "president"], kind="call"),  # another type
    ]
    assert len(_merge(reports)) == 5


def test_dates_a_day_apart_merge_and_are_shown_as_a_conflict():
    reports = [
        _report("a", 0, date=dt.date(2025, 12, 2), place="Moscow", who=["envoy", "president"]),
        _report("b", 0, date=dt.date(2025, 12, 2), place="Moscow", who=["envoy", "president"]),
        _report("c", 0, date=dt.date(2025, 12, 3), place="Moscow", who=["envoy", "president"]),
    ]
    (event,) = _merge(reports)
    assert event.date == dt.date(2025, 12, 2)  # what most sources say
    assert sorted(c["value"] for c in event.conflicts["date"]) == ["2025-12-02", "2025-12-02", "2025-12-03"]


def test_moscow_meeting_reported_by_two_seed_articles_is_one_event(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    store = open_store(str(tmp_path / "parley.db"))
    ingest([str(SEEDS)], store, today=dt.date(2026, 11, 22))
    analyse(store)
    origin = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in store.articles()}
    meetings = store.events(EventFilter(type="meeting", actor_ids=("steve-witkoff",)))
    merged = [e for e in meetings if len({s.article_id for s in e.sources}) >= 2]
    assert merged, [(e.date, e.participants, [origin[s.article_id] for s in e.sources]) for e in meetings]
    event = merged[0]
    # seed 003 (dateline Dec 3, a Wednesday) says Witkoff met Putin in Moscow "on Tuesday";
    # seed 001 (undated) reports the same "nearly five-hour discussions"
    assert event.date == dt.date(2025, 12, 2)
    assert event.place == "Moscow"
    assert {"vladimir-putin", "steve-witkoff"} <= set(event.participants)
    assert {origin[s.article_id] for s in event.sources} == {"001", "003"}
    assert event.duration == "PT5H"
    store.close()
