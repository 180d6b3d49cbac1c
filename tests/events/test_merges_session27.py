"""Reports the event merge keeps apart because their own article tells them as another happening
(:mod:`parley.reconcile.event_apart`): "X also struck Y" after the article's other strike, and a
report with no date that fits two events its article dated equally well; with guards that what
must still merge does. Reports built by hand; places and people invented."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from parley.extract.event_taxonomy import load_taxonomy
from parley.models import Article, EventMention, Span
from parley.reconcile.events import merge_events

PLACES = {"harbourtown": "Eastmark", "millford": "Westmark", "northport": "Coastland"}
SIDES = {"envoy": "us", "president": "russia"}
GOVERNMENTS = {"north-government": "north", "south-government": "south", "us-government": "us"}
DAY = dt.date(2025, 3, 1)


def _article(article_id: str, published: dt.date) -> Article:
    return Article(
        id=article_id,
        sha256=article_id,
        title="t",
        text="x" * 900,
        origin=article_id,
        format="text",
        outlet=f"Outlet {article_id}",
        published=published,
    )


def _report(article_id, start, text, trigger, *, date=None, place=None, who=(), kind="strike"):
    at = text.index(trigger)
    return EventMention(
        article_id=article_id,
        type=kind,
        span=Span(start, start + len(text)),
        trigger=Span(start + at, start + at + len(trigger)),
        participants=tuple(who),
        place=place,
        date=date,
        date_end=date,
        precision="day" if date else None,
    ), text


def _merge(told, published):
    reports = [m for m, _ in told]
    texts = {(m.article_id, m.span.start): text for m, text in told}
    articles = {a: _article(a, day) for a, day in published.items()}
    found = []
    for exhaustive in (False, True):  # the fast path and the reference agree
        found.append(
            merge_events(
                reports,
                {id(m): frozenset(m.participants) for m in reports},
                articles,
                taxonomy=replace(load_taxonomy(), places=PLACES),
                exhaustive=exhaustive,
                words=lambda m: texts[m.article_id, m.span.start],
                sides=SIDES,
                governments=GOVERNMENTS,
            )
        )
    assert [_told(e) for e in found[0]] == [_told(e) for e in found[1]]
    return found[0]


def _told(event):
    return sorted((s.article_id, s.span.start) for s in event.sources)


HOSPITAL = _report(
    "a",
    0,
    "Officials said northern forces struck a clinic in Harbourtown on March 1, injuring four people.",
    "struck",
    date=DAY,
    place="Harbourtown",
    who=["north-government"],
)
QUARRIES = _report(
    "a",
    200,
    "Officials said northern forces also struck quarries owned by a mining firm on March 1.",
    "struck",
    date=DAY,
    who=["north-government"],
)


def test_a_strike_told_with_also_is_another_strike_than_the_one_before_it():
    events = _merge([HOSPITAL, QUARRIES], {"a": DAY})
    assert sorted(_told(e) for e in events) == [[("a", 0)], [("a", 200)]]


def test_without_also_the_article_goes_on_about_the_same_strike():
    again = _report(
        "a",
        200,
        "Officials said northern forces struck the building on March 1 with drones.",
        "struck",
        date=DAY,
        who=["north-government"],
    )
    events = _merge([HOSPITAL, again], {"a": DAY})
    assert [_told(e) for e in events] == [[("a", 0), ("a", 200)]]


def test_another_article_can_still_tell_the_strike_told_with_also():
    placed = replace(QUARRIES[0], place="Millford")
    other = _report(
        "b",
        0,
        "Northern forces struck quarries near Millford on March 1, the mining firm said.",
        "struck",
        date=DAY,
        place="Millford",
        who=["north-government"],
    )
    events = _merge([HOSPITAL, (placed, QUARRIES[1]), other], {"a": DAY, "b": DAY})
    assert sorted(_told(e) for e in events) == [[("a", 0)], [("a", 200), ("b", 0)]]


def _southern(start, text, date, place):
    return _report("c", start, text, "struck", date=date, place=place, who=["south-government"])


FIRST = _southern(400, "On March 1, southern missiles struck a plant in Harbourtown.", DAY, "Harbourtown")
SECOND = _southern(
    600, "On March 3, southern drones struck a depot in Millford.", DAY + dt.timedelta(days=2), "Millford"
)
UNDATED = _southern(
    0, "An analyst said it was the first time the south struck a target so far away.", None, None
)


def test_an_undated_report_as_good_for_two_strikes_of_its_article_stays_apart():
    events = _merge([UNDATED, FIRST, SECOND], {"c": DAY + dt.timedelta(days=4)})
    assert sorted(_told(e) for e in events) == [[("c", 0)], [("c", 400)], [("c", 600)]]


def test_an_undated_report_joins_the_one_strike_its_article_dated():
    events = _merge([UNDATED, FIRST], {"c": DAY + dt.timedelta(days=4)})
    assert [_told(e) for e in events] == [[("c", 0), ("c", 400)]]


SUMMIT = _report(
    "m",
    0,
    "The envoy met the president in Northport on March 1 for three hours.",
    "met",
    date=DAY,
    place="Northport",
    who=["envoy", "president"],
    kind="meeting",
)


def test_a_meeting_told_with_also_is_not_attached_to_the_meeting_before_it():
    aides = _report(
        "m",
        300,
        "In Northport the envoy also met aides of the governor.",
        "met",
        place="Northport",
        who=["envoy"],
        kind="meeting",
    )
    events = _merge([SUMMIT, aides], {"m": DAY})
    assert sorted(_told(e) for e in events) == [[("m", 0)], [("m", 300)]]


def test_an_undated_mention_of_the_meeting_still_joins_it():
    later = _report(
        "m",
        300,
        "In Northport the envoy met the president as planned, aides said.",
        "met",
        place="Northport",
        who=["envoy", "president"],
        kind="meeting",
    )
    events = _merge([SUMMIT, later], {"m": DAY})
    assert [_told(e) for e in events] == [[("m", 0), ("m", 300)]]
