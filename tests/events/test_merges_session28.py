"""Session 28: a capture takes a place, not a thing ("occupied the front row", "seized weapons");
two reports of one person's own act (a resignation) naming different people are two events; an
article's report naming someone joins no event of the same day its article told with no one
named on the strength of the narration alone; a verb joined to the trigger with a subject of its
own ("X resigned and its chairman, Y, is stepping in") tells of another happening. Sentences
written for these tests; the extraction runs the whole per-article pipeline (spaCy included)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from parley.extract.event_taxonomy import load_taxonomy
from parley.extract.registry import default_registry
from parley.models import Article, EventMention, Span
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from parley.reconcile.events import merge_events
from tests.extract.test_event_reports import event_mentions

PUBLISHED = dt.date(2026, 3, 6)  # a Friday


@pytest.fixture(scope="module")
def pipeline():
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def _events(pipeline, text: str, kind: str):
    return [e for e in event_mentions(pipeline, text, PUBLISHED) if e.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "The rapper and his wife occupied the front row at the fashion show on Tuesday.",
        "Police seized a car bomb under construction on Sunday in a town near the border.",
        "On Monday the guards seized dozens of rifles and the soldiers' radios at the checkpoint.",
        "The photographer managed to capture the moment the two leaders shook hands on Tuesday.",
        "The challenger occupied the top spot in the polls for most of March.",
    ],
)
def test_a_thing_taken_is_no_capture(pipeline, text):
    assert _events(pipeline, text, "capture") == []


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces seized the village of Borivka on Tuesday.",
        "Russian troops occupied the airport on Monday after a week of fighting.",
        "The army captured roughly 300 square kilometres of farmland in February.",
        "Russian forces seized control of Dovhe Pole on Tuesday.",
        "Russian forces captured Marinsk on Monday.",
        "The town was captured by Russian troops on Wednesday.",
        "Russian forces captured two Ukrainian positions near the river on Monday.",
        "Navy commandos seized an oil tanker off the coast on Saturday.",
        "Rebel troops seized the presidential palace on Monday.",
    ],
)
def test_a_place_taken_is_still_a_capture(pipeline, text):
    assert len(_events(pipeline, text, "capture")) == 1


def _named(event, text: str) -> set[str]:
    return {text[r.start : r.end] for r in event.participant_refs}


def test_a_clause_joined_with_its_own_subject_is_another_happening(pipeline):
    text = "The bank's finance chief, Tom Reyes, resigned and its founder, Ann Kolb, is stepping in."
    (event,) = _events(pipeline, text, "resignation")
    assert _named(event, text) == {"Tom Reyes"}
    text = "Tom Reyes resigned last week, and the board named Ann Kolb as his successor."
    (event,) = _events(pipeline, text, "resignation")
    assert _named(event, text) == {"Tom Reyes"}


def test_a_clause_joined_without_a_subject_keeps_the_trigger_s_parties(pipeline):
    text = "Tom Reyes met Ann Kolb in Vienna on Monday and discussed the bank's future."
    (event,) = _events(pipeline, text, "meeting")
    assert _named(event, text) == {"Tom Reyes", "Ann Kolb"}


# The event merge, on reports built by hand (people and firms invented).

DAY = dt.date(2025, 3, 5)


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


def _report(article_id, start, text, trigger, *, date=None, who=(), kind="resignation", place=None):
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


def _merge(told, published=DAY, taxonomy=None):
    reports = [m for m, _ in told]
    texts = {(m.article_id, m.span.start): text for m, text in told}
    articles = {a: _article(a, published) for a in {m.article_id for m in reports}}
    found = []
    for exhaustive in (False, True):  # the fast path and the reference agree
        found.append(
            merge_events(
                reports,
                {id(m): frozenset(m.participants) for m in reports},
                articles,
                taxonomy=taxonomy or load_taxonomy(),
                exhaustive=exhaustive,
                words=lambda m: texts[m.article_id, m.span.start],
            )
        )
    assert [_told(e) for e in found[0]] == [_told(e) for e in found[1]]
    return sorted(_told(e) for e in found[0])


def _told(event):
    return sorted((s.article_id, s.span.start) for s in event.sources)


REYES = _report(
    "a", 0, "Tom Reyes, the finance chief of Kolb Motors, resigned on Wednesday.", "resigned",
    date=DAY, who=["tom-reyes", "kolb-motors"],
)  # fmt: skip
KOLB = _report(
    "a", 300, "Ann Kolb, founder of Kolb Motors, resigned as chief executive on Wednesday too.", "resigned",
    date=DAY, who=["ann-kolb", "kolb-motors"],
)  # fmt: skip
REYES_AGAIN = _report(
    "a", 600, "Kolb Motors said Mr. Reyes resigned on Wednesday to start a consultancy.", "resigned",
    date=DAY, who=["tom-reyes", "kolb-motors"],
)  # fmt: skip


def test_resignations_of_two_people_are_two_events():
    assert _merge([REYES, KOLB]) == [[("a", 0)], [("a", 300)]]


def test_one_person_s_resignation_told_twice_is_one_event():
    assert _merge([REYES, KOLB, REYES_AGAIN]) == [[("a", 0), ("a", 600)], [("a", 300)]]
    firm = _report(
        "a", 800, "Kolb Motors confirmed the resignation on Wednesday.", "resignation",
        date=DAY, who=["kolb-motors"],
    )  # fmt: skip
    assert _merge([REYES, firm]) == [[("a", 0), ("a", 800)]]


def test_without_the_flag_the_same_day_and_a_shared_party_merge():
    types = tuple(replace(t, own_act=False) for t in load_taxonomy())
    assert _merge([REYES, KOLB], taxonomy=replace(load_taxonomy(), types=types)) == [[("a", 0), ("a", 300)]]


COMMUNIQUE = _report(
    "b", 0, "A cabinet communique issued in Vostok on Wednesday urged calm over the ferry dispute.",
    "communique", date=DAY, kind="statement", place="Vostok",
)  # fmt: skip
DECISION = _report(
    "b", 400, "The ferry owners will contest the ruling, announced Wednesday by Commissioner Ida Marsh.",
    "announced", date=DAY, who=["ida-marsh"], kind="statement",
)  # fmt: skip


def test_a_named_report_is_no_narration_of_an_event_told_naming_no_one():
    assert _merge([COMMUNIQUE, DECISION]) == [[("b", 0)], [("b", 400)]]


def test_an_article_goes_on_about_the_event_it_named_and_dated():
    summit = _report(
        "c", 0, "Ida Marsh and Tom Reyes met in Vostok on Wednesday.", "met",
        date=DAY, who=["ida-marsh", "tom-reyes"], kind="meeting",
    )  # fmt: skip
    again = _report(
        "c", 200, "The meeting on Wednesday lasted three hours.", "meeting", date=DAY, kind="meeting"
    )
    assert _merge([summit, again]) == [[("c", 0), ("c", 200)]]


def test_an_article_goes_on_about_a_strike_it_told_naming_no_one():
    attack = _report(
        "d", 0, "The blast woke the whole block during the March 5 attack.", "attack",
        date=DAY, kind="strike",
    )  # fmt: skip
    named = _report(
        "d", 200, "Northern forces launched 140 drones that night at the port.", "launched",
        date=DAY, who=["north-government"], kind="strike",
    )  # fmt: skip
    assert _merge([attack, named]) == [[("d", 0), ("d", 200)]]
