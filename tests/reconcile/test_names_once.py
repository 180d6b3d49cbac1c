"""Names tidied: parley/data/names.yaml is read once, by the registry's cached loader, for the
mention and actor word lists too; a person named by a royal title and a given name is grouped
by the days of the articles naming them, kept sorted and searched by bisection (so the dates are
read once per article, not once per article and mention); and an undated report of someone's
son's meeting is not attached after the merge pass to the father's dated meeting. Names, places
and sentences written for these tests; mentions and reports built by hand."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import yaml

from parley.extract import mentions as mentions_module
from parley.extract.event_taxonomy import load_taxonomy
from parley.extract.registry import _names_yaml, name_list
from parley.models import Article, EventMention, Mention, Span
from parley.reconcile import actors as actors_module
from parley.reconcile.events import merge_events
from parley.reconcile.given_names import leading_names, royal_people
from parley.reconcile.name_times import Days

# -- 1. names.yaml read once -------------------------------------------------------------------


def _unreadable(*args, **kwargs):
    raise AssertionError("names.yaml parsed again")


def test_the_mention_and_actor_word_lists_come_from_the_one_cached_loader(monkeypatch):
    _names_yaml()  # the registry has read the file
    before = mentions_module.name_words()
    particles = actors_module.particles()
    organisation_last = name_list("organisation_last_words")
    mentions_module.name_words.cache_clear()
    name_list.cache_clear()
    monkeypatch.setattr(yaml, "safe_load", _unreadable)
    try:
        assert mentions_module.name_words() == before
        assert actors_module.particles() == particles
        assert name_list("organisation_last_words") == organisation_last
    finally:
        mentions_module.name_words.cache_clear()
        name_list.cache_clear()


def test_the_word_lists_are_still_folded_and_filled():
    words = mentions_module.name_words()
    assert {"von", "der"} <= words.particles
    assert "von" in actors_module.particles()
    assert all(w == w.casefold() for w in words.particles | words.organisation_last)


# -- 2. royal names grouped by sorted days -------------------------------------------------------


def _king(article_id: str, text: str = "King Jon") -> Mention:
    return Mention(article_id, Span(0, len(text)), text, "PERSON")


def _counted(dates: dict[str, dt.date | None]):
    calls: list[str] = []

    def published(article_id: str) -> dt.date | None:
        calls.append(article_id)
        return dates.get(article_id)

    return published, calls


def test_a_royal_person_in_many_articles_reads_each_date_a_bounded_number_of_times():
    start = dt.date(1994, 1, 1)
    dates: dict[str, dt.date | None] = {f"a{i:04d}": start + dt.timedelta(days=i // 4) for i in range(800)}
    published, calls = _counted(dates)
    (person,) = royal_people([_king(a) for a in dates], published)
    assert len(person.mentions) == 800
    # once to sort, once to ask, once to add: not once per earlier article for every mention
    assert len(calls) <= 4 * len(dates)


def test_two_kings_of_one_name_a_generation_apart_are_two_people():
    dates: dict[str, dt.date | None] = {
        "a": dt.date(1990, 3, 1),
        "b": dt.date(1990, 9, 1),
        "c": dt.date(2015, 5, 1),
        "d": dt.date(2015, 6, 1),
    }
    people = royal_people([_king(a) for a in ("d", "b", "c", "a")], dates.get)
    assert sorted(sorted(m.article_id for m in p.mentions) for p in people) == [["a", "b"], ["c", "d"]]


def test_a_king_named_every_few_months_for_years_stays_one_person():
    half_years = (dt.date(1990 + i // 2, 1 + 6 * (i % 2), 1) for i in range(12))
    dates: dict[str, dt.date | None] = {f"a{i}": day for i, day in enumerate(half_years)}
    (person,) = royal_people([_king(a) for a in dates], dates.get)
    assert len(person.mentions) == 12


def test_undated_articles_join_the_first_person_of_the_name():
    dates: dict[str, dt.date | None] = {"a": dt.date(1990, 3, 1), "b": None, "c": dt.date(2015, 5, 1)}
    people = royal_people([_king(a) for a in ("a", "b", "c")], dates.get)
    assert sorted(sorted(m.article_id for m in p.mentions) for p in people) == [["a", "b"], ["c"]]


def test_a_title_and_a_given_name_make_a_person_apart_from_another_title():
    dates: dict[str, dt.date | None] = {"a": dt.date(1990, 3, 1), "b": dt.date(1990, 3, 2)}
    people = royal_people([_king("a"), _king("b", "Prince Jon")], dates.get)
    assert len(people) == 2


@pytest.mark.parametrize(
    ("asked", "near"),
    [
        (dt.date(2001, 1, 1), True),  # a year after the last day
        (dt.date(2001, 1, 3), False),  # a year and two days after
        (dt.date(1998, 1, 2), True),  # a year before the first
        (dt.date(1997, 12, 30), False),
        (dt.date(1999, 12, 1), True),  # between the two
        (None, True),  # undated: the dates cannot tell
    ],
)
def test_days_answer_near_in_time_by_bisection(asked, near):
    dates: dict[str, dt.date | None] = {"a": dt.date(1999, 1, 1), "b": dt.date(2000, 1, 2), "x": asked}
    days = Days(dates.get)
    days.add("b")
    days.add("a")  # out of order still sorted
    days.add("a")
    assert days.days == sorted(days.days) and len(days.days) == 2
    assert days.near("x") is near


def test_days_of_only_undated_articles_cannot_tell():
    days = Days({"a": None, "x": dt.date(2000, 1, 1)}.get)
    days.add("a")
    assert days.near("x")


def test_leading_words_join_the_longer_name_only_when_named_near_in_time():
    dates: dict[str, dt.date | None] = {
        "full": dt.date(1996, 4, 1),
        "near": dt.date(1996, 11, 1),
        "far": dt.date(2004, 4, 1),
        "full2": dt.date(1996, 5, 1),
    }
    names = [("full", "Jon Paul Roe"), ("full2", "Jon Paul Roe"), ("near", "Jon Paul"), ("far", "Jon Paul")]
    names += [("full2", "Jon Paul"), ("full3", "Jon Paul Roe")]  # an article ties the two names
    dates["full3"] = dt.date(1996, 6, 1)
    published, calls = _counted(dates)
    found = leading_names(names, published)
    assert found == {("near", "jon paul"): "jon paul roe", ("full2", "jon paul"): "jon paul roe"}
    assert calls.count("full") == 1  # the longer name's days read once for both questions


# -- 3. an undated son's meeting is not attached to his father's -----------------------------------

MONDAY = dt.date(2026, 3, 2)
PAIR = ["ivo-marek", "lena-brandt"]


def _report(article_id, at, text, trigger, *, who, refs=(), date=None):
    start = at + text.index(trigger)
    return EventMention(
        article_id=article_id,
        type="meeting",
        span=Span(at, at + len(text)),
        trigger=Span(start, start + len(trigger)),
        participant_refs=tuple(Span(at + text.index(r), at + text.index(r) + len(r)) for r in refs),
        participants=tuple(who),
        date=date,
        date_end=date,
        precision="day" if date else None,
    ), text


def _merge(told):
    reports = [m for m, _ in told]
    texts = {(m.article_id, m.span.start): text for m, text in told}
    articles = {
        a: Article(id=a, sha256=a, title="t", text="x" * 900, origin=a, format="text", published=MONDAY)
        for a in {m.article_id for m in reports}
    }
    events = merge_events(
        reports,
        {id(m): frozenset(m.participants) for m in reports},
        articles,
        taxonomy=replace(load_taxonomy(), places={}),
        words=lambda m: texts[m.article_id, m.span.start],
    )
    return sorted(sorted((s.article_id, s.span.start) for s in e.sources) for e in events)


FATHER = "Ivo Marek held a long meeting with Lena Brandt on the harbour treaty on Monday."


@pytest.mark.parametrize(
    "son",
    [
        "His son's meeting with Lena Brandt on the harbour treaty drew scrutiny.",
        "Ivo Marek's son's meeting with Lena Brandt on the harbour treaty drew scrutiny.",
    ],
)
def test_an_undated_sons_meeting_is_not_attached_to_the_fathers(son):
    told = [
        _report("a", 0, FATHER, "meeting", who=PAIR, refs=["Ivo Marek", "Lena Brandt"], date=MONDAY),
        _report("a", 200, son, "meeting", who=["lena-brandt"], refs=["Lena Brandt"]),
    ]
    assert _merge(told) == [[("a", 0)], [("a", 200)]]


def test_an_undated_report_of_his_own_meeting_is_still_attached():
    own = "Ivo Marek's meeting with Lena Brandt on the harbour treaty drew scrutiny."
    told = [
        _report("a", 0, FATHER, "meeting", who=PAIR, refs=["Ivo Marek", "Lena Brandt"], date=MONDAY),
        _report("a", 200, own, "meeting", who=PAIR, refs=["Ivo Marek", "Lena Brandt"]),
    ]
    assert _merge(told) == [[("a", 0), ("a", 200)]]


def test_an_undated_sons_meeting_still_joins_the_sons_dated_one():
    dated = "Ivo Marek's son met Lena Brandt on the harbour treaty on Monday."
    undated = "His son's meeting with Lena Brandt on the harbour treaty drew scrutiny."
    told = [
        _report("a", 0, dated, "met", who=["lena-brandt"], refs=["Lena Brandt"], date=MONDAY),
        _report("a", 200, undated, "meeting", who=["lena-brandt"], refs=["Lena Brandt"]),
    ]
    assert _merge(told) == [[("a", 0), ("a", 200)]]
