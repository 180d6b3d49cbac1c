"""Reports with no day of their own that the single pass leaves apart, joined after it to the one
dated event they can be of (:mod:`parley.reconcile.event_attach`), and a side's government as a
party of talks between two sides. Reports built by hand; places and people invented."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from parley.extract.event_taxonomy import load_taxonomy
from parley.models import Article, EventMention, Span
from parley.reconcile.events import merge_events

SIDES = {"envoy": "us", "president": "russia", "aide": "russia", "premier": "ukraine"}
GOVERNMENTS = {"us-government": "us", "ukraine-government": "ukraine"}
# Northport and the Old Palace lie somewhere; Coastland is a country (it lies in nothing).
PLACES = {"northport": "Coastland", "old palace": "Capitol City", "capitol city": "Marelia"}
SUMMIT_DAY = dt.date(2025, 8, 15)


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


def _report(article_id, start, text, *, date=None, precision=None, place=None, who=(), kind="meeting"):
    end = None
    if date and (precision or "day") == "month":
        end = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return EventMention(
        article_id=article_id,
        type=kind,
        span=Span(start, start + len(text)),
        trigger=Span(start, start + 5),
        participants=tuple(who),
        place=place,
        date=date,
        date_end=end or date,
        precision=(precision or "day") if date else None,
    ), text


def _merge(told, published, exhaustive=False):
    reports = [m for m, _ in told]
    texts = {(m.article_id, m.span.start): text for m, text in told}
    articles = {a: _article(a, day) for a, day in published.items()}
    return merge_events(
        reports,
        {id(m): frozenset(m.participants) for m in reports},
        articles,
        taxonomy=replace(load_taxonomy(), places=PLACES),
        exhaustive=exhaustive,
        words=lambda m: texts[m.article_id, m.span.start],
        sides=SIDES,
        governments=GOVERNMENTS,
    )


def _sources(events, day):
    (event,) = [e for e in events if e.date == day]
    return {(s.article_id, s.span.start) for s in event.sources}


SUMMIT = _report(
    "a",
    0,
    "The Northport summit on August 15 brought the envoy and the president together.",
    date=SUMMIT_DAY,
    place="Northport",
    who=["envoy", "president"],
)
PUBLISHED = {"a": SUMMIT_DAY, "b": dt.date(2025, 9, 20), "late": dt.date(2026, 2, 27)}


def test_a_report_months_later_of_the_summit_in_its_named_place_joins_it():
    told = [
        SUMMIT,
        _report(
            "late",
            0,
            "During their brief August summit in Northport, rumours swirled.",
            date=SUMMIT_DAY.replace(day=1),
            precision="month",
            place="Northport",
        ),
        _report("late", 300, "Their negotiating in Northport followed an old playbook.", place="Northport"),
    ]
    for exhaustive in (False, True):
        events = _merge(told, PUBLISHED, exhaustive)
        assert len(events) == 1
        assert _sources(events, SUMMIT_DAY) == {("a", 0), ("late", 0), ("late", 300)}


def test_a_later_report_stays_apart_when_the_place_is_dated_otherwise_or_a_country():
    other_month = [
        SUMMIT,
        _report(
            "b",
            0,
            "Drones hit a depot in Northport on September 19.",
            date=dt.date(2025, 9, 19),
            place="Northport",
            kind="strike",
        ),
        _report("late", 300, "Their negotiating in Northport followed an old playbook.", place="Northport"),
    ]
    assert _sources(_merge(other_month, PUBLISHED), SUMMIT_DAY) == {("a", 0)}
    # a country holds many events; a month that does not hold the day is another meeting's
    country = [
        SUMMIT,
        _report("late", 300, "Their negotiating in Coastland followed an old playbook.", place="Coastland"),
        _report(
            "late",
            600,
            "In their September talks in Northport, little moved.",
            date=dt.date(2025, 9, 1),
            precision="month",
            place="Northport",
        ),
    ]
    assert _sources(_merge(country, PUBLISHED), SUMMIT_DAY) == {("a", 0)}


def test_a_report_of_the_place_with_two_dated_meetings_joins_neither():
    told = [
        SUMMIT,
        _report(
            "b",
            0,
            "The envoy met the president in Northport on September 19.",
            date=dt.date(2025, 9, 19),
            place="Northport",
            who=["envoy", "president"],
        ),
        _report("late", 300, "Their negotiating in Northport followed an old playbook.", place="Northport"),
    ]
    events = _merge(told, PUBLISHED)
    assert all(("late", 300) not in {(s.article_id, s.span.start) for s in e.sources} for e in events)
    assert len(events) == 2


def test_an_article_going_on_about_the_talks_it_dated_by_their_place_and_words_joins_them():
    talks_day = dt.date(2025, 12, 2)
    published = {"a": dt.date(2025, 12, 3), "old": dt.date(2024, 5, 2)}
    told = [
        _report(
            "old",
            0,
            "The premier held talks in Capitol City on May 1.",
            date=dt.date(2024, 5, 1),
            place="Capitol City",
            who=["premier"],
        ),
        _report(
            "a",
            0,
            "The envoy met the president in Capitol City on Tuesday.",
            date=talks_day,
            place="Capitol City",
            who=["envoy", "president"],
        ),
        _report(
            "a",
            200,
            "After five hours with the envoy, Aide Ostrov said the president sent messages.",
            who=["envoy"],
        ),
        # the same talks, named by their place only, with the aide's name in common
        _report(
            "a", 400, "Ostrov said the Capitol City discussions stay confidential.", place="Capitol City"
        ),
        # in the same article, a meeting of another day in the palace: no words in common
        _report("a", 600, "Halvard learnt of the plan only at the Old Palace meeting.", place="Old Palace"),
    ]
    events = _merge(told, published)
    assert _sources(events, talks_day) == {("a", 0), ("a", 200), ("a", 400)}


def test_an_undated_visit_of_the_same_person_told_within_days_joins_the_dated_visit():
    day = dt.date(2025, 8, 15)
    dated = _report(
        "b",
        0,
        "After a visit from the president on August 15, the plan stalled.",
        date=day,
        who=["president"],
        kind="visit",
    )
    undated = _report(
        "a",
        0,
        "It was the president's first visit to Coastland in years.",
        place="Coastland",
        who=["president"],
        kind="visit",
    )
    events = _merge([dated, undated], {"a": day, "b": dt.date(2026, 2, 23)})
    assert len(events) == 1 and events[0].place == "Coastland"
    # told six days later, one person in common is not enough
    events = _merge([dated, undated], {"a": day + dt.timedelta(days=6), "b": dt.date(2026, 2, 23)})
    assert len(events) == 2


def test_an_undated_report_of_a_side_s_negotiators_joins_the_talks_of_its_envoy_with_the_other_side():
    day = dt.date(2025, 12, 2)
    talks = _report(
        "a",
        0,
        "The envoy met the president in Capitol City on Tuesday.",
        date=day,
        place="Capitol City",
        who=["envoy", "president"],
    )
    # other talks in the city, months before: the place alone tells nothing
    before = _report(
        "old",
        0,
        "The premier held talks in Capitol City on May 1.",
        date=dt.date(2025, 5, 1),
        place="Capitol City",
        who=["premier"],
    )
    published = {"a": dt.date(2025, 12, 3), "b": dt.date(2025, 12, 4), "old": dt.date(2025, 5, 2)}
    ours = _report(
        "b",
        0,
        "This followed discussions with US negotiators in the Old Palace.",
        place="Old Palace",
        who=["us-government"],
    )
    events = _merge([before, talks, ours], published)
    assert _sources(events, day) == {("a", 0), ("b", 0)}
    (event,) = [e for e in events if e.date == day]
    assert "us-government" in event.participants
    # a government of a side nobody at the talks is of is someone new
    theirs = _report(
        "b",
        0,
        "This followed discussions with Ukrainian negotiators in the Old Palace.",
        place="Old Palace",
        who=["ukraine-government"],
    )
    assert _sources(_merge([before, talks, theirs], published), day) == {("a", 0)}


def test_a_call_is_never_the_meeting_of_its_place():
    told = [
        SUMMIT,
        _report(
            "late",
            0,
            "In a call from Northport, the envoy spoke to the president.",
            place="Northport",
            who=["envoy", "president"],
            kind="call",
        ),
    ]
    events = _merge(told, PUBLISHED)
    assert sorted(e.type for e in events) == ["call", "meeting"]


def test_talks_with_the_other_side_are_not_the_talks_with_allies_the_article_tells_apart():
    weekend = dt.date(2025, 12, 20)
    published = {"a": dt.date(2025, 12, 21)}
    told = [
        # "the envoy had also met the premier's and the allies' delegations separately"
        _report(
            "a",
            300,
            "The envoy wrote that the American side also met Ukrainian delegations separately in Northport.",
            date=weekend,
            place="Northport",
            who=["us-government", "ukraine-government"],
        ),
        _report(
            "a",
            0,
            "The president's aide has met the envoy in Northport, in their first talks in weeks.",
            place="Northport",
            who=["aide", "envoy"],
        ),
    ]
    events = _merge(told, published)
    assert _sources(events, weekend) == {("a", 300)}
