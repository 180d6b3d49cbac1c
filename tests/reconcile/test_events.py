"""Events: reports of the same event merged across articles, conflicts kept side by side."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from parley.analyse import analyse
from parley.ingest.job import ingest
from parley.models import Article, EventMention, Span
from parley.reconcile.durations import readable_duration
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
    assert {c["iso"] for c in event.conflicts["duration"]} == {"PT5H", "PT6H"}
    assert [c["value"] for c in event.conflicts["duration"]] == ["5 hours", "6 hours"]  # most told first
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
    # one entry a value, with every source that gives it: the two that agree are not repeated
    assert [(c["value"], len(c["sources"])) for c in event.conflicts["date"]] == [
        ("2025-12-02", 2),
        ("2025-12-03", 1),
    ]


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


def test_a_place_inside_another_is_the_same_place_and_no_conflict():
    day = dt.date(2025, 11, 23)
    reports = [
        _report("a", 0, date=day, place="Geneva"),
        _report("b", 0, date=day, place="Switzerland"),
        _report("c", 0, date=day, place="Geneva"),
    ]
    (event,) = _merge(reports)
    assert event.place == "Geneva" and "place" not in event.conflicts


def test_reports_in_two_cities_merge_only_on_the_same_day_with_the_same_people():
    day = dt.date(2025, 12, 2)
    apart = [
        _report("a", 0, date=day, place="Moscow", who=["envoy", "president"]),
        _report("b", 0, date=day + dt.timedelta(days=1), place="Miami", who=["envoy", "president"]),
    ]
    assert len(_merge(apart)) == 2  # a day apart and another city: another meeting
    same = [
        _report("a", 0, date=day, place="Moscow", who=["envoy", "president"]),
        _report("b", 0, date=day, place="Sochi", who=["envoy", "president"]),
    ]
    (event,) = _merge(same)  # the same day and people: one meeting, its place disputed
    assert [c["value"] for c in event.conflicts["place"]] == ["Moscow", "Sochi"]


def test_a_conflict_lists_each_value_once_with_every_source_that_gives_it():
    day = dt.date(2025, 12, 2)
    reports = [_report(a, 0, date=day, who=["envoy"]) for a in "abc"]
    reports.append(_report("d", 0, date=day + dt.timedelta(days=1), who=["envoy"]))
    (event,) = merge_events(
        reports, {id(r): frozenset(r.participants) for r in reports}, {**ARTICLES, "d": ARTICLES["c"]}
    )
    dates = event.conflicts["date"]
    assert [d["value"] for d in dates] == ["2025-12-02", "2025-12-03"]
    assert [len(d["sources"]) for d in dates] == [3, 1]


def test_a_report_of_the_week_joins_the_day_inside_it_not_another():
    day = dt.date(2025, 11, 23)
    week = replace(_report("b", 0, place="Geneva"), date=dt.date(2025, 11, 17), precision="week",
                   date_end=dt.date(2025, 11, 23))  # fmt: skip
    assert len(_merge([_report("a", 0, date=day, place="Geneva"), week])) == 1
    later = replace(week, date=dt.date(2025, 11, 24), date_end=dt.date(2025, 11, 30))
    assert len(_merge([_report("a", 0, date=day, place="Geneva"), later])) == 2


def test_thin_events_are_dropped():
    day = dt.date(2025, 12, 2)
    assert _merge([_report("a", 0, date=day)]) == []  # one article, no one, no place
    assert len(_merge([_report("a", 0, date=day, place="Kyiv")])) == 1
    assert len(_merge([_report("a", 0, who=["envoy"])])) == 1


def test_a_digest_counts_only_its_reports_with_figures_or_registered_parties():
    day = dt.date(2026, 1, 31)
    villages = [_report("a", 60 * i, date=day, place=f"Village {i}", kind="strike") for i in range(8)]
    villages.append(replace(_report("a", 600, date=day, kind="strike"), figures={"killed": 2}))
    (event,) = _merge(villages)
    assert event.figures == {"killed": 2}


def test_a_digests_meeting_with_a_resolved_party_and_a_date_counts_and_its_strikes_do_not():
    """A long analysis telling eight or more meetings keeps those with someone resolved to an actor
    and a day or a place; a front-line digest's strikes need casualty figures or a registered party
    whoever is resolved in them."""
    day = dt.date(2025, 5, 16)
    told = [_report("a", 60 * i, kind="meeting") for i in range(8)]
    told.append(_report("a", 600, date=day, place="Istanbul", kind="meeting"))
    strikes = [_report("b", 60 * i, date=day, place=f"Village {i}", kind="strike") for i in range(8)]
    resolved = {id(r): frozenset({"envoy"}) for r in [told[-1], *strikes]}
    events = merge_events([*told, *strikes], resolved, ARTICLES)
    assert [(e.type, e.place) for e in events] == [("meeting", "Istanbul")]


def test_durations_read_as_words():
    assert readable_duration("PT4H") == "4 hours"
    assert readable_duration("P1DT2H") == "1 day 2 hours"
    assert readable_duration("PT1H30M") == "1 hour 30 minutes"
    assert readable_duration("PXD") == "days"
    assert readable_duration("P2W") == "2 weeks"
    assert readable_duration("soon") == "soon"


@pytest.mark.parametrize("seed", range(6))
def test_the_fast_path_merges_exactly_as_scoring_every_report_against_every_event(seed):
    """Random reports over two months: days, weeks, months, undated ones from dated and undated
    articles, shared and distinct people, places and durations; the index and the shortcut for
    reports that can never merge must give the same events as the exhaustive scoring."""
    import random

    rng = random.Random(seed)
    start = dt.date(2025, 11, 1)
    articles = {
        f"art{i}": _article(
            f"art{i}",
            None if rng.random() < 0.15 else start + dt.timedelta(rng.randrange(70)),
            f"Out {i % 7}",
        )
        for i in range(60)
    }
    reports = []
    for n in range(400):
        article_id = f"art{rng.randrange(60)}"
        precision = rng.choice(["day", "day", "week", "month", None, None])
        date = start + dt.timedelta(rng.randrange(60)) if precision else None
        end = date + dt.timedelta(6 if precision == "week" else 29) if date and precision != "day" else None
        report = replace(
            _report(
                article_id,
                n * 60,
                place=rng.choice([None, None, "Geneva", "Switzerland", "Miami", "Moscow"]),
                duration=rng.choice([None, None, None, "PT5H", "PT6H"]),
                who=rng.sample(["envoy-a", "envoy-b", "minister-c", "leader-d"], rng.randrange(3)),
                kind=rng.choice(["meeting", "meeting", "talks", "strike"]),
            ),
            date=date,
            date_end=end,
            precision=precision,
            status=rng.choice(["reported", "reported", "planned"]),
        )
        reports.append(report)
    people = {id(r): frozenset(r.participants) for r in reports}
    fast = merge_events(reports, people, articles)
    assert fast == merge_events(reports, people, articles, exhaustive=True)
    assert len(fast) > 5


def _told(reports_and_words):
    """merge_events over reports whose sentences are given: {id(report): words}."""
    reports = [r for r, _ in reports_and_words]
    said = {id(r): w for r, w in reports_and_words}
    return merge_events(
        reports,
        {id(r): frozenset(r.participants) for r in reports},
        ARTICLES,
        words=lambda m: said[id(m)],
    )


def test_same_day_strikes_with_nothing_but_the_day_in_common_stay_apart():
    day = dt.date(2025, 12, 2)
    one = _report("a", 0, date=day, place="Tver", who=["north-government"], kind="strike")
    # no place read, no party: only figures
    other = replace(_report("b", 0, date=day, kind="strike"), figures={"killed": 2, "wounded": 14})
    apart = _told(
        [
            (one, "On Tuesday, the north struck an oil depot in Tver, starting fires."),
            (other, "Southern shelling of the Vasylkiv district killed two and wounded 14 on Tuesday."),
        ]
    )
    assert len(apart) == 2
    same = _told(
        [
            (one, "On Tuesday, the north struck an oil depot in Tver, starting fires."),
            (other, "Fires burned at the Tver oil depot on Tuesday after the strike."),
        ]
    )
    assert len(same) == 1  # "Tver" in both sentences


def test_undated_reports_of_one_party_in_several_articles_are_not_one_event():
    texts = {
        "a": "The north launched 210 drones and 12 missiles overnight, officials said.",
        "b": "Northern forces bombed the power grid in a bid to cut heating in winter.",
        "c": "The north launched 380 drones at the energy sector, the president said.",
    }
    reports = [(_report(a, 0, who=["north-government"], kind="strike"), t) for a, t in texts.items()]
    assert len(_told(reports)) == 3


def test_strikes_by_one_party_in_two_places_on_one_day_are_two_strikes():
    day = dt.date(2025, 12, 2)
    reports = [
        (
            _report("a", 0, date=day, place="Tver", who=["north-government"], kind="strike"),
            "A depot in Tver.",
        ),
        (
            _report("b", 0, date=day, place="Odesa", who=["north-government"], kind="strike"),
            "The port of Odesa.",
        ),
    ]
    assert len(_told(reports)) == 2


def test_an_event_counts_its_articles_not_its_spans():
    day = dt.date(2025, 12, 2)
    reports = [
        _report("a", 0, date=day, place="Moscow", who=["envoy", "president"]),
        _report("a", 200, date=day, who=["envoy", "president"]),  # the same article, later
        _report("b", 0, date=day, place="Moscow", who=["envoy", "president"]),
    ]
    (event,) = _merge(reports)
    assert len(event.sources) == 3 and event.source_articles == 2


def test_one_article_goes_on_about_the_event_it_dated_but_not_about_two_undated_trips():
    day = dt.date(2025, 12, 2)
    dated = _report("a", 0, date=day, place="Moscow", who=["envoy", "president"])
    later = _report("a", 300, who=["envoy", "adviser"])  # "the talks ... the envoy and the adviser"
    (event,) = _told([(dated, "The envoy met the president in Moscow."), (later, "They talked for hours.")])
    assert len(event.sources) == 2
    trips = [
        (
            _report("a", 0, who=["envoy", "president"], kind="visit"),
            "The envoy flew across the world to see him.",
        ),
        (
            _report("a", 900, who=["envoy", "minister"], kind="visit"),
            "Later the envoy went to Lviv to warn them.",
        ),
    ]
    assert len(_told(trips)) == 2


def test_an_event_only_claimed_stays_claimed_and_a_report_as_fact_wins():
    day = dt.date(2025, 12, 2)
    claimed = replace(_report("a", 0, date=day, place="Moscow", who=["envoy"]), status="claimed")
    (event,) = _merge([claimed])
    assert event.status == "claimed"
    told = _report("b", 0, date=day, place="Moscow", who=["envoy"])
    (event,) = _merge([claimed, told])
    assert event.status == "reported"
    assert event.summary is not None and {s.article_id for s in event.sources} == {"a", "b"}
    denied = replace(_report("c", 0, date=day, place="Moscow", who=["envoy"]), status="denied")
    (event,) = _merge([denied])
    assert event.status == "denied"


def test_two_strikes_by_one_side_a_day_apart_with_nothing_else_in_common_are_two():
    day = dt.date(2026, 2, 25)
    reports = [
        _report("a", 0, date=day, who=["attacker"], kind="strike"),
        _report("c", 0, date=day + dt.timedelta(days=1), who=["attacker"], kind="strike"),
    ]
    assert len(_merge(reports)) == 2
    both = [  # the same two parties a day apart: one meeting, its date disputed
        _report("a", 0, date=day, who=["envoy", "president"]),
        _report("c", 0, date=day + dt.timedelta(days=1), who=["envoy", "president"]),
    ]
    (event,) = _merge(both)
    assert "date" in event.conflicts


def test_two_undated_trips_of_one_envoy_that_each_name_someone_else_stay_two():
    """ "Rowe flew across the world to see the president" and "Rowe went to Lviv to brief the
    minister" share the envoy and his name, but each names a party the other lacks."""
    trips = [
        (
            _report("a", 0, who=["envoy", "president"], kind="visit"),
            "Envoy Rowe flew across the world to see the president.",
        ),
        (
            _report("a", 900, who=["envoy", "minister"], kind="visit"),
            "Envoy Rowe later went to Lviv to brief the minister.",
        ),
    ]
    assert len(_told(trips)) == 2
    day = dt.date(2025, 12, 2)
    same_day = [
        (_report("a", 0, date=day, who=["envoy", "president"]), "Envoy Rowe met the president in Moscow."),
        (_report("b", 0, date=day, who=["envoy", "adviser"]), "Envoy Rowe met the adviser in Moscow."),
    ]
    assert len(_told(same_day)) == 1  # one day, one place: the same talks, each naming one host


def test_a_government_that_only_takes_part_in_an_event_is_an_actor_with_its_name(tmp_path):
    """No one speaks for either side; the delegations' sides still take part, shown by name."""
    text = tmp_path / "geneva.txt"
    text.write_text(
        "Talks resume in Geneva\n\nAmerican and Ukrainian delegations met in Geneva on Sunday for "
        "six hours to go through the revised framework line by line.\n",
        encoding="utf-8",
    )
    store = open_store(str(tmp_path / "parley.db"))
    ingest([str(text)], store, today=dt.date(2025, 11, 25))
    analyse(store)
    actors = {a.id: a.name for a in store.actors()}
    (meeting,) = store.events(EventFilter(type="meeting"))
    assert {"us-government", "ukraine-government"} <= set(meeting.participants)
    assert actors["us-government"] == "United States (government)"
    assert "ukraine-government" in actors
    store.close()


def test_a_sides_envoys_and_the_envoys_by_name_are_parties_in_common():
    """ "talks with the northern envoys in Tver on Tuesday" (the northern government) and "the
    envoys Ash and Birch met in Tver on Tuesday" are one meeting; the sides of each are given."""
    day = dt.date(2025, 12, 2)
    envoys = _report("a", 0, date=day, place="Tver", who=["north-government"])
    named = _report("b", 0, date=day, place="Tver", who=["ash", "birch"])
    reports = [envoys, named]
    parties = {id(r): frozenset(r.participants) for r in reports}
    sides = {"ash": "north", "birch": "north", "cole": "south"}
    governments = {"north-government": "north", "south-government": "south"}
    (event,) = merge_events(reports, parties, ARTICLES, sides=sides, governments=governments)
    assert set(event.participants) >= {"ash", "birch", "north-government"}
    other = _report("b", 0, date=day, place="Tver", who=["cole"])  # the other side's man
    assert (
        len(
            merge_events(
                [envoys, other],
                {id(envoys): parties[id(envoys)], id(other): frozenset({"cole"})},
                ARTICLES,
                sides=sides,
                governments=governments,
            )
        )
        == 2
    )
