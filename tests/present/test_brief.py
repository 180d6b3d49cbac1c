"""The brief as text: at 80 columns no line is wider and no date is cut, whatever the corpus."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from parley.present.brief import Brief, render_brief
from parley.present.cli import cli
from tests.conftest import SHARED

NEWS2026 = SHARED / "datasets" / "news2026" / "articles.jsonl"
CUT_DATE = re.compile(r"\d{4}-…|\d{4}-\d\d-…|\d{4}-\d\d-\d…|\d{2,3}…")


def lines_of(brief: Brief, width: int = 80) -> list[str]:
    return [line.plain for line in render_brief(brief, width)]


def corpus(days: dict[str, int], outlets: int) -> Brief:
    names = [(f"outlet-number-{i}.example.com", outlets - i) for i in range(outlets)]
    return Brief(
        articles=sum(days.values()),
        outlets=names,
        days=sorted(days.items()),
        by_outlet_day={},
        last_run={"id": 3, "new": 2, "duplicate": 1, "failed": 1, "finished_at": None},
        failures=[
            {"origin": "https://example.test/" + "very-long-path/" * 8, "reason": "HTTP 404 Not Found"}
        ],
    )


def test_many_outlets_and_months_fit_in_80_columns():
    start = dt.date(2024, 1, 1)
    days = {(start + dt.timedelta(days=3 * i)).isoformat(): 1 + i % 5 for i in range(200)}
    lines = lines_of(corpus(days, outlets=45))
    text = "\n".join(lines)
    assert max(map(len, lines)) <= 80 and not CUT_DATE.search(text)
    assert lines[0].startswith(f"Parley brief: {sum(days.values())} articles from 45 outlets, 2024-01-01 to")
    months = [line for line in lines if re.match(r"  \d{4}-\d\d  ", line)]
    assert len(months) == 12  # the last twelve months drawn day by day ...
    assert re.search(r"^  2024-01 to 2024-\d\d: \d+ articles$", text, re.M)  # ... the earlier ones summed
    assert "33 more with" in text  # 12 outlets named, the other 33 counted together
    assert "interrupted: run it again to finish" in " ".join(text.split())
    assert "HTTP 404 Not Found" in " ".join(text.split())


def test_a_month_line_marks_each_day_by_how_many_articles():
    lines = lines_of(corpus({"2025-02-01": 4, "2025-02-03": 1, "2025-02-28": 2}, outlets=1))
    feb = next(line for line in lines if line.startswith("  2025-02"))
    marks = feb[11:42]
    assert marks[0] == "█" and marks[1] == "·" and marks[2] == "▂" and marks[27] == "▄"
    assert marks[28:] == "   "  # no 29th, 30th or 31st of February 2025
    assert feb.split()[-1] == "7"
    assert "  busiest: 2025-02-01 (4), 2025-02-28 (2), 2025-02-03 (1)" in lines


@pytest.mark.skipif(not NEWS2026.exists(), reason="../shared/datasets/news2026 is not present")
def test_the_brief_of_a_real_crawl_reads_at_80_columns(tmp_path):
    db = tmp_path / "news.db"
    runner = CliRunner()
    env = {"PARLEY_DB": None, "COLUMNS": "80"}
    assert runner.invoke(cli, ["--db", str(db), "ingest", "-q", str(NEWS2026)], env=env).exit_code == 0
    text = runner.invoke(cli, ["--db", str(db), "brief"], env=env, catch_exceptions=False).stdout
    lines = text.splitlines()
    assert max(map(len, lines)) <= 80 and not CUT_DATE.search(text)
    brief = json.loads(runner.invoke(cli, ["--db", str(db), "brief", "--json"], env=env).stdout)
    assert len(brief["outlets"]) > 20 and len(lines) < 40  # not a column per outlet
    top, count = next(iter(brief["outlets"].items()))
    assert f"{top} {count} ·" in text
    for day in brief["days"]:
        if day != "unknown":
            assert re.search(rf"^  {day[:7]}  ", text, re.M), day  # every month with articles has its line


# -- what changed since a day, counted in the store --------------------------------------------------


def _day(n: int) -> dt.date:
    return dt.date(2025, 12, n)


@pytest.fixture
def talks(tmp_path):
    """A small analysed store, written the way the pipeline writes one: four articles from two
    outlets (1, 3, 5 and 6 December), statements by two envoys, two events, a denial."""
    from parley.clean import clean_article
    from parley.extract.stances.records import Evidence, Position
    from parley.models import Actor, Event, EventSource, RawArticle, Span, Statement
    from parley.reconcile.contested_records import Contested, ContestedSide
    from parley.reconcile.source_records import SourceIndependence
    from parley.store import ArticleRecords, open_store

    store = open_store(str(tmp_path / "talks.db"))
    days = {1: "Harbor Times", 3: "Coast Ledger", 5: "Harbor Times", 6: "Coast Ledger"}
    raws = [
        RawArticle(
            origin=f"mem://{day}",
            format="text",
            title=f"Envoys meet again on day {day}",
            text=f"The envoys met on day {day} of the month.\n\nThe north's envoy said the talks went well.",
            outlet=outlet,
            published=_day(day),
        )
        for day, outlet in days.items()
    ]
    arts = {a.published.day: a for a in (clean_article(r, today=_day(20)) for r in raws)}
    run = store.begin_run(["mem"])
    store.add_articles(list(arts.values()), run)
    store.finish_run(run, 4, 0, 0)
    store.replace_records(
        "actor",
        [Actor("ana-north", "Ana North", "person", side="north"), Actor("ben-south", "Ben South", "person")],
    )

    def said(day: int, n: int, who: str | None, embedded: str | None = None) -> Statement:
        a = arts[day]
        return Statement(
            id=f"{a.id[:6]}-{n}",
            article_id=a.id,
            speaker="the envoy",
            speaker_actor_id=who,
            cue="said",
            text=f"point {n} stands",
            kind="direct",
            span=Span(n, n + 5),
            said_on=_day(day),
            embedded_in=embedded,
        )

    statements = {
        1: (said(1, 1, "ana-north"), said(1, 2, "ana-north")),
        3: (said(3, 3, "ana-north"),),
        5: (said(5, 4, "ben-south"), said(5, 5, "ana-north"), said(5, 6, "ben-south", embedded="denial")),
        6: (said(6, 7, "ben-south"), said(6, 8, None)),
    }
    store.save_analyses([ArticleRecords(arts[d].id, {"statement": s}) for d, s in statements.items()], "v1")

    def source(day: int) -> EventSource:
        return EventSource(arts[day].id, Span(0, 20), _day(day), published=_day(day), outlet=days[day])

    old = Event(
        "ev-old", "meeting", _day(1), "day", ("ana-north",), None, "The envoys met", (source(1), source(5))
    )
    new = Event("ev-new", "call", _day(5), "day", ("ben-south",), None, "A call", (source(5), source(6)))
    store.replace_records("event", [old, new])
    store.replace_records(
        "independence", [SourceIndependence("event", "ev-new", 2, 1, ((arts[5].id, arts[6].id),))]
    )

    def side(day: int, who: str) -> ContestedSide:
        return ContestedSide(
            f"words of day {day}", None, who, None, arts[day].id, Span(0, 9), _day(day), days[day]
        )

    store.replace_records(
        "contested",
        [
            Contested(
                "c-old",
                "quantity",
                "how many rounds",
                _day(3),
                (side(3, "a"), side(5, "b")),
                arts[3].id,
                Span(0, 9),
                "x",
            ),
            Contested(
                "c-new",
                "denial",
                "the envoy left",
                _day(5),
                (side(5, "a"), side(6, "b")),
                arts[5].id,
                Span(0, 9),
                "x",
            ),
        ],
    )

    def ev(day: int, position: str) -> Evidence:
        return Evidence(arts[day].id, Span(0, 9), f"stance of day {day}", _day(day), position)

    store.replace_records(
        "position",
        [
            Position(
                "ana-north:ports",
                "ana-north",
                "actor",
                "Ana North",
                "north",
                "ports",
                "accepts",
                None,
                _day(6),
                ev(6, "accepts"),
                (ev(1, "opposes"), ev(6, "accepts")),
            ),
            Position(
                "ben-south:ports",
                "ben-south",
                "actor",
                "Ben South",
                "south",
                "ports",
                "demands",
                None,
                _day(5),
                ev(5, "demands"),
                (ev(5, "demands"),),
            ),
        ],
    )
    yield store
    store.close()


def test_what_changed_since_a_day_by_publication_date(talks):
    from parley.changes import changes_since, default_since

    assert default_since(talks) == _day(5)  # the newest article (the 6th) minus a day
    c = changes_since(talks)
    assert c is not None and c.default and c.since == _day(5) and c.newest == _day(6)
    assert c.articles == 2 and c.outlets == [("Coast Ledger", 1), ("Harbor Times", 1)]
    # Ben South is first quoted on the 5th; Ana North was quoted before; a denial he relays is not his
    assert [a["name"] for a in c.new_actors] == ["Ben South"]
    assert [(q["name"], q["statements"]) for q in c.most_quoted] == [("Ben South", 2), ("Ana North", 1)]
    assert c.statements == 3
    # the call was first reported on the 5th; the meeting on the 1st, however often since
    assert [(e["id"], e["sources"], e["independent"]) for e in c.events] == [("ev-new", 2, 1)]
    assert [x["id"] for x in c.contested] == ["c-new"] and c.denials == 1
    assert [(m["row_name"], m["before"], m["after"]) for m in c.moved_positions] == [
        ("north", "opposes", "accepts")
    ]
    assert [p["holder_name"] for p in c.new_positions] == ["Ben South"]
    every = changes_since(talks, _day(1))  # from the first day on, everyone and everything is new
    assert every is not None and every.articles == 4 and every.events_total == 2
    assert [a["name"] for a in every.new_actors] == ["Ana North", "Ben South"]


def test_the_brief_says_what_changed_and_how_many_sources_are_independent(talks):
    from parley.present.brief import build_brief

    b = build_brief(talks, since=_day(5))
    lines = lines_of(b, 80)
    text = " ".join(" ".join(lines).split())
    assert max(map(len, lines)) <= 80 and "What changed since 2025-12-05" in text
    assert "2 articles published: Coast Ledger 1, Harbor Times 1" in text
    assert "first quoted: Ben South" in text
    assert "2025-12-05 call: Ben South (2 sources, 1 independent)" in text
    assert "2025-12-06 north on ports: opposes → accepts" in text
    assert "contested: 1 new (1 denial)" in text
    assert json.loads(json.dumps(b.as_dict()))["changes"]["since"] == "2025-12-05"
    # the events the brief lists carry the independence step's count, or none when it has not run
    assert [(e["id"], e["independent"]) for e in b.events] == [("ev-old", None), ("ev-new", 1)]


def test_counts_are_the_records_counted_one_by_one(talks):
    from parley.lookups import article_counts, speaker_tally

    statements = list(talks.statements())
    tally = speaker_tally(talks, latest=2)
    assert tally.total == len(statements) == 8
    own = [s for s in statements if s.speaker_actor_id and s.embedded_in is None]
    assert (
        dict(tally.by_actor)
        == {"ana-north": 4, "ben-south": 2}
        == {k: sum(1 for s in own if s.speaker_actor_id == k) for k in ("ana-north", "ben-south")}
    )
    latest = {i: [s.said_on.day for s in tally.latest(i)] for i in tally.by_actor}
    assert latest == {"ana-north": [5, 3], "ben-south": [6, 5]}
    counts = article_counts(talks)
    assert counts.total == 4 and counts.outlets == [("Coast Ledger", 2), ("Harbor Times", 2)]
    assert counts.by_outlet_day["Harbor Times"] == {"2025-12-01": 1, "2025-12-05": 1}


def test_a_cached_section_is_made_again_after_any_write(talks):
    from parley.lookups import cached

    made = []

    def make() -> int:
        made.append(1)
        return talks.count("statement")

    assert cached(talks, "n", make) == 8 and cached(talks, "n", make) == 8 and len(made) == 1
    talks.replace_records("actor", [])  # any write, to any record type
    assert cached(talks, "n", make) == 8 and len(made) == 2
