"""Merging event reports by the sides their parties stand for, and an undated report that can
only be of one dated event. Reports built by hand."""

from __future__ import annotations

import datetime as dt

from parley.models import Article, EventMention, Span
from parley.reconcile.event_parties import beyond
from parley.reconcile.events import merge_events

SIDES = {"envoy": "us", "negotiator": "ukraine", "president": "russia", "adviser": "russia"}
GOVERNMENTS = {"us-government": "us", "ukraine-government": "ukraine", "europe-government": "europe"}


def _article(article_id: str, published: dt.date) -> Article:
    return Article(
        id=article_id,
        sha256=article_id,
        title="t",
        text="x" * 400,
        origin=article_id,
        format="text",
        outlet=f"Outlet {article_id}",
        published=published,
    )


ARTICLES = {
    "a": _article("a", dt.date(2026, 3, 9)),
    "b": _article("b", dt.date(2026, 3, 10)),
    "c": _article("c", dt.date(2026, 3, 12)),
    "d": _article("d", dt.date(2026, 3, 16)),
}


def _report(article_id, start, *, date=None, place=None, who=(), kind="meeting", status="reported"):
    return EventMention(
        article_id=article_id,
        type=kind,
        span=Span(start, start + 50),
        trigger=Span(start, start + 5),
        participants=tuple(who),
        place=place,
        date=date,
        precision="day" if date else None,
        status=status,
    )


def _merge(reports):
    return merge_events(
        reports,
        {id(r): frozenset(r.participants) for r in reports},
        ARTICLES,
        sides=SIDES,
        governments=GOVERNMENTS,
        words=lambda m: "The Sochi summit of Erdogan",  # names every report shares
    )


def test_a_side_s_government_and_its_negotiator_name_no_one_new():
    assert beyond({"negotiator", "envoy"}, {"ukraine-government", "envoy"}, SIDES, GOVERNMENTS) == set()
    assert beyond({"premier"}, {"president"}, SIDES, GOVERNMENTS) == {"premier"}


def test_an_undated_report_naming_the_negotiator_joins_talks_told_with_his_government():
    sunday = dt.date(2026, 3, 8)
    events = _merge(
        [
            _report("a", 0, date=sunday, place="Miami", who=["envoy", "ukraine-government"]),
            # "two days after the negotiator held talks with the envoy in Florida"
            _report("c", 0, place="Florida", who=["negotiator", "envoy"]),
        ]
    )
    assert len(events) == 1 and events[0].date == sunday


def test_an_undated_report_joins_the_only_dated_event_of_its_place():
    sunday = dt.date(2026, 3, 8)
    events = _merge(
        [
            _report("a", 0, date=sunday, place="Geneva", kind="agreement"),
            # "US and Ukrainian teams agree a framework in Geneva", in a digest of the next days
            _report("b", 0, place="Geneva", who=["us-government", "ukraine-government"], kind="agreement"),
        ]
    )
    assert len(events) == 1 and set(events[0].participants) == {"us-government", "ukraine-government"}


def test_an_undated_report_of_a_government_alone_does_not_join_its_one_agreement():
    events = _merge(
        [
            _report("a", 0, date=dt.date(2026, 3, 6), who=["europe-government"], kind="agreement"),
            _report("d", 0, who=["europe-government"], kind="agreement"),  # another agreement
        ]
    )
    assert len(events) == 2


def test_an_undated_report_joins_no_event_when_two_of_its_place_could_be_meant():
    events = _merge(
        [
            _report("a", 0, date=dt.date(2026, 3, 6), place="Geneva"),
            _report("b", 0, date=dt.date(2026, 3, 9), place="Geneva"),
            _report("d", 0, place="Geneva", who=["negotiator"]),
        ]
    )
    assert all(len(e.sources) == 1 for e in events)


def test_a_planned_summit_of_two_named_leaders_joins_their_summit():
    friday = dt.date(2026, 3, 13)
    events = _merge(
        [
            _report("d", 0, date=friday, place="New Delhi", who=["premier", "president"]),
            # "ahead of the president's visit, where he is expected to hold a summit with the premier"
            _report("b", 0, who=["premier", "president"], status="planned"),
        ]
    )
    assert len(events) == 1 and events[0].status == "reported"


def test_an_article_going_on_about_its_talks_with_someone_new_is_another_event():
    tuesday = dt.date(2026, 3, 10)
    events = _merge(
        [
            _report("c", 0, date=tuesday, place="Moscow", who=["president", "envoy"]),
            # the same article later: "the president's summit with the premier" (undated)
            _report("c", 200, who=["president", "premier"], status="planned"),
        ]
    )
    assert len(events) == 2


def test_an_undated_report_of_two_equal_events_is_of_the_latest_before_it():
    both = ["ukraine-government", "us-government"]
    events = _merge(
        [
            _report("a", 0, date=dt.date(2026, 3, 1), place="Miami", who=["ukraine-government", "envoy"]),
            _report("b", 0, date=dt.date(2026, 3, 8), place="Florida", who=both),
            _report("d", 0, place="Florida", who=both),
        ]
    )
    latest = next(e for e in events if e.date == dt.date(2026, 3, 8))
    assert {s.article_id for s in latest.sources} == {"b", "d"}
