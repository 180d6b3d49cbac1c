"""The diff under the rules, on records as the corpus steps write them: a changed position, a
second denial of a claim already contested, an event renamed by a merge, a rule's filters."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.stances.records import Evidence, Position
from parley.models import Event, EventSource, Span
from parley.reconcile.contested_records import Contested, ContestedSide
from parley.store import open_store
from parley.watch.alerts import diff
from parley.watch.config import parse_config

DAY = dt.date(2025, 11, 26)


@pytest.fixture
def store(tmp_path):
    found = open_store(str(tmp_path / "parley.db"))
    yield found
    found.close()


def rules(alerts):
    return parse_config({"feeds": ["https://news.example.org/rss"], "alerts": alerts}).alerts


def position(label, article="a2", holder="minister-a", issue="army-size", condition=None):
    evidence = Evidence(article, Span(0, 40), "The minister said the cap was acceptable.", DAY, label)
    return Position(
        f"{holder}:{issue}", holder, "actor", "Minister A", "side-a", issue, label, condition, DAY, evidence
    )


def side(article, start, value):
    return ContestedSide(
        f"words {start}", value, "someone", None, article, Span(start, start + 20), DAY, "Outlet"
    )


def denial(*sides):
    return Contested(
        "c1", "denial", "that the minister accepted a cap", DAY, sides, "a1", Span(0, 20), "a denial"
    )


def test_a_changed_position_and_a_new_one(store):
    before = {"position": {"minister-a:army-size": position("accepts")}}
    after = {
        "position": {
            "minister-a:army-size": position("rejects", article="a3"),
            "minister-b:territory": position("demands", holder="minister-b", issue="territory"),
        }
    }
    found = diff(before, after, rules({"positions": True}), store, cycle=4)
    assert [(a.kind, a.record_key) for a in found] == [
        ("position-changed", "minister-a:army-size"),
        ("position-new", "minister-b:territory"),
    ]
    assert found[0].summary == "Minister A on army-size: accepts -> rejects"
    assert found[0].details["previous"] == {"position": "accepts", "condition": None}
    assert found[0].evidence[0].article_id == "a3" and found[0].cycle == 4
    only_changes = diff(before, after, rules({"positions": {"changes": ["changed"]}}), store)
    assert [a.kind for a in only_changes] == ["position-changed"]
    one_issue = diff(before, after, rules({"positions": {"issues": ["territory"]}, "actors": True}), store)
    assert [(a.kind, a.record_key) for a in one_issue] == [
        ("position-new", "minister-b:territory"),
        ("actor", "minister-b:territory"),
    ]


def test_a_second_denial_of_a_contested_claim_is_a_new_side(store):
    claim, first = side("a1", 0, "claims"), side("a2", 50, "denies")
    before = {"contested": {"c1": denial(claim, first)}}
    same = diff(before, before, rules({"contested": True}), store)
    assert same == []
    after = {"contested": {"c1": denial(claim, first, side("a4", 10, "denies"))}}
    (alert,) = diff(before, after, rules({"contested": True}), store)
    assert alert.summary.startswith("denial (new side)")
    assert [e.article_id for e in alert.evidence] == ["a1", "a4"]  # the claim, then the new denial
    assert diff(before, after, rules({"contested": {"kinds": ["quantity"]}}), store) == []


def test_an_event_renamed_by_a_merge_is_not_new(store):
    report = EventSource("a1", Span(0, 30), DAY)
    old = Event("e1", "meeting", DAY, "day", ("minister-a",), "Capital", "Envoys met", (report,))
    merged = Event(
        "e9",
        "meeting",
        DAY,
        "day",
        ("minister-a",),
        "Capital",
        "Envoys met",
        (report, EventSource("a5", Span(5, 9))),
    )
    fresh = Event(
        "e2", "call", DAY, "day", ("minister-a",), None, "A phone call", (EventSource("a6", Span(0, 12)),)
    )
    before, after = {"event": {"e1": old}}, {"event": {"e9": merged, "e2": fresh}}
    assert [a.record_key for a in diff(before, after, rules({"events": True}), store)] == ["e2"]
    assert diff(before, after, rules({"events": {"types": ["meeting"]}}), store) == []
