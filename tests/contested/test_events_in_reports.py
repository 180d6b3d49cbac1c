"""Event reports across the test articles: a detail belongs to its own event, a place is not a
participant, and reports of one meeting merge with their real disagreement kept."""

from __future__ import annotations

import datetime as dt

from parley.store import EventFilter


def _meetings(store):
    return store.events(EventFilter(type="meeting"))


def test_the_later_miami_meeting_is_not_merged_into_the_kremlin_meeting(store):
    kremlin = [e for e in _meetings(store) if e.date == dt.date(2025, 12, 2)]
    assert len(kremlin) == 1, [(e.date, e.place, e.summary) for e in _meetings(store)]
    assert kremlin[0].place in ("Kremlin", "Moscow")
    assert "place" not in kremlin[0].conflicts  # "the Kremlin" lies in Moscow
    miami = [e for e in _meetings(store) if e.place == "Miami" and "dmitriev" in "".join(e.participants)]
    assert len(miami) == 1
    # "their first talks since the Kremlin meeting on Dec 2": Dec 2 is not the Miami meeting's day
    assert miami[0].date == dt.date(2025, 12, 20)


def test_an_institution_named_as_the_place_is_not_a_participant(store):
    (kremlin,) = [e for e in _meetings(store) if e.date == dt.date(2025, 12, 2)]
    assert "kremlin" not in kremlin.participants
    assert {"vladimir-putin", "steve-witkoff"} <= set(kremlin.participants)


def test_one_meeting_in_two_outlets_keeps_its_true_duration_conflict(store):
    (kremlin,) = [e for e in _meetings(store) if e.date == dt.date(2025, 12, 2)]
    assert len({s.article_id for s in kremlin.sources}) == 2
    values = kremlin.conflicts["duration"]
    assert [v["value"] for v in values] == ["5 hours", "6 hours"]  # readable, one entry a value
    assert {v["iso"] for v in values} == {"PT5H", "PT6H"}
    assert all(len(v["sources"]) == 1 for v in values)


def test_a_resignation_named_in_a_meeting_report_gets_none_of_its_details(store):
    # "spent about four hours ... on Sunday, the first round since the resignation of X"
    assert store.events(EventFilter(type="resignation")) == []
    (round_,) = [e for e in _meetings(store) if e.duration == "PT4H"]
    assert "andriy-yermak" not in round_.participants
