"""The contract every store backend must keep, run against each backend.

A new backend joins by adding its name to ``BACKENDS`` and a branch to the ``store`` fixture;
nothing else here changes. Records are the built-in types, written the way the analyse job and
the corpus steps write them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from parley.clean import clean_article
from parley.errors import ConfigError, StoreError
from parley.models import Actor, Event, EventSource, Mention, RawArticle, Span, Statement
from parley.store import (
    ArticleFilter,
    ArticleRecords,
    EventFilter,
    RecordQuery,
    StatementFilter,
    open_store,
)

BACKENDS = ["sqlite", "postgresql"]

POSTGRES = "PARLEY_TEST_POSTGRES"  # a server URL: each test gets a database of its own there
START_POSTGRES = (
    f"set {POSTGRES} to a PostgreSQL URL whose role may create databases, or start a local "
    f'server with `eval "$(sudo bash scripts/postgres-for-tests.sh)"` (make test does this)'
)


@contextmanager
def postgres_database() -> Iterator[str]:
    """The URL of a new, empty database on the server named by ``PARLEY_TEST_POSTGRES``, dropped
    afterwards. It sorts text in a natural-language order (ICU en-US where the server has it), so
    a query relying on the server's collation shows up as a difference from SQLite."""
    url = os.environ.get(POSTGRES)
    if not url:
        pytest.skip(f"{POSTGRES} is not set: {START_POSTGRES}")
    import psycopg
    from psycopg import sql

    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        reason = " ".join(str(exc).split())
        pytest.skip(f"the PostgreSQL server at {POSTGRES} cannot be reached ({reason}): {START_POSTGRES}")
    name = f"parley_test_{uuid.uuid4().hex[:12]}"
    with admin:
        try:
            icu = "CREATE DATABASE {} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
            admin.execute(sql.SQL(icu).format(sql.Identifier(name)))
        except psycopg.Error:  # a server before 15, or without ICU
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlsplit(url)._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path: Path):
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "contract.db"))
        yield s
        s.close()
    elif request.param == "postgresql":
        with postgres_database() as url:
            s = open_store(url)
            yield s
            s.close()


def _article(n: int, outlet: str = "Harbor Times", day: int = 1):
    raw = RawArticle(
        origin=f"mem://{n}",
        format="text",
        title=f"Round {n}",
        text=f"Delegates met for round {n} in the capital.\n\nThe mediator said progress was real.",
        outlet=outlet,
        published=dt.date(2026, 1, day),
    )
    return clean_article(raw, today=dt.date(2026, 2, 1))


def _statement(article_id: str, n: int, speaker_id: str | None, said: dt.date | None, kind="direct"):
    return Statement(
        id=f"{article_id[:6]}-{n}",
        article_id=article_id,
        speaker="the mediator",
        speaker_actor_id=speaker_id,
        cue="said",
        text=f"progress number {n} was real",
        kind=kind,
        span=Span(10 * n, 10 * n + 8),
        said_on=said,
    )


def _stored(store, count: int = 2):
    run = store.begin_run(["mem"])
    articles = [_article(n, day=n) for n in range(1, count + 1)]
    assert store.add_articles(articles, run) == [True] * count
    return articles


def test_articles_are_stored_once_and_found_by_prefix(store):
    a, b = _stored(store)
    again = store.add_articles([a], store.begin_run(["again"]))
    assert again == [False]
    assert store.count_articles() == 2
    assert store.article(a.id[:8]) == a  # every field, including nested ones, comes back equal
    assert store.article("") is None
    assert store.article_ids(a.id[:8]) == [a.id]
    assert [x.id for x in store.articles(ArticleFilter(since=dt.date(2026, 1, 2)))] == [b.id]
    assert [x.id for x in store.articles(ArticleFilter(contains="ROUND 1"))] == [a.id]
    assert store.text_lengths([a.id, b.id, "nonexistent"]) == {a.id: len(a.text), b.id: len(b.text)}


def test_an_analysis_replaces_everything_the_article_had(store):
    a, b = _stored(store)
    first = ArticleRecords(a.id, {"statement": tuple(_statement(a.id, n, None, None) for n in range(3))})
    other = ArticleRecords(b.id, {"statement": (_statement(b.id, 9, None, None),)})
    store.save_analyses([first, other], "v1")
    assert store.count("statement") == 4
    assert store.unanalysed("v1") == []
    assert set(store.unanalysed("v2")) == {a.id, b.id}
    store.save_analyses([ArticleRecords(a.id, {"statement": (_statement(a.id, 7, None, None),)})], "v2")
    assert [s.id for s in store.statements(StatementFilter(article_id=a.id))] == [f"{a.id[:6]}-7"]
    assert store.count("statement") == 2  # b's record untouched
    store.save_analyses([ArticleRecords(b.id, error="skipped: too long")], "v2")
    assert store.count("statement") == 1
    assert store.analysis_errors() == [(b.id, "skipped: too long")]


def test_record_queries(store):
    a, b = _stored(store)
    found = (
        _statement(a.id, 1, "mediator", dt.date(2026, 1, 1)),
        _statement(a.id, 2, "envoy", dt.date(2026, 1, 5), kind="reported"),
        _statement(a.id, 3, None, None),
    )
    store.save_analyses([ArticleRecords(a.id, {"statement": found})], "v1")
    ids = lambda q: [s.id[-1] for s in store.records("statement", q)]  # noqa: E731
    assert ids(RecordQuery()) == ["1", "2", "3"]  # by date, undated last
    assert ids(RecordQuery(equals=(("speaker_actor_id", ("envoy",)),))) == ["2"]
    assert ids(RecordQuery(equals=(("speaker_actor_id", (None,)),))) == ["3"]
    assert ids(RecordQuery(since=dt.date(2026, 1, 2))) == ["2"]
    assert ids(RecordQuery(until=dt.date(2026, 1, 2))) == ["1"]
    assert ids(RecordQuery(text="NUMBER 3")) == ["3"]
    assert ids(RecordQuery(substrings=(("speaker", "MEDIATOR"),), limit=2, offset=1)) == ["2", "3"]
    assert store.count("statement", RecordQuery(equals=(("kind", ("direct",)),))) == 2
    assert ids(RecordQuery(key_prefix=a.id[:6] + "-2")) == ["2"]
    assert ids(RecordQuery(key_prefix=a.id[:6])) == ["1", "2", "3"]
    assert ids(RecordQuery(key_prefix="zz")) == []
    assert [s.id[-1] for s in store.statements(StatementFilter(speaker_actor_ids=("mediator",)))] == ["1"]
    with pytest.raises(ConfigError, match="no field"):
        list(store.records("statement", RecordQuery(equals=(("colour", ("red",)),))))
    with pytest.raises(ConfigError, match="no record type"):
        store.count("nonexistent")


def test_annotations_keep_what_was_extracted(store):
    (a, _) = _stored(store)
    mention = Mention(a.id, Span(0, 9), "Delegates", "NORP", actor_id=None)
    statement = _statement(a.id, 1, "registry-id", None)
    store.save_analyses([ArticleRecords(a.id, {"mention": (mention,), "statement": (statement,)})], "v1")
    assert store.annotate("statement", [(statement, {"speaker_actor_id": "resolved-id"})]) == 1
    assert store.annotate("statement", [(statement, {"speaker_actor_id": "resolved-id"})]) == 0  # no change
    assert store.annotate("mention", [(mention, {"actor_id": None})]) == 1
    assert next(store.statements()).speaker_actor_id == "resolved-id"
    assert next(store.records("statement", extracted=True)).speaker_actor_id == "registry-id"
    assert store.count("statement", RecordQuery(equals=(("speaker_actor_id", ("resolved-id",)),))) == 1
    assert store.count("statement", RecordQuery(equals=(("speaker_actor_id", ("registry-id",)),))) == 0
    # a new analysis of the article starts again from the extractor's output
    store.save_analyses([ArticleRecords(a.id, {"statement": (statement,)})], "v2")
    assert next(store.statements()).speaker_actor_id == "registry-id"


def test_corpus_records_are_replaced_and_only_changes_counted(store):
    people = [Actor("a-1", "Ana Lopes", "person", side="north"), Actor("b-2", "Ben Osei", "person")]
    assert store.replace_records("actor", people) == 2
    assert store.replace_records("actor", people) == 0
    assert store.replace_records("actor", [people[0]]) == 1
    assert store.actors() == [people[0]]
    event = Event(
        "e1",
        "meeting",
        dt.date(2026, 1, 3),
        "day",
        ("a-1",),
        "the capital",
        "Delegates met",
        sources=(EventSource("x", Span(0, 5), dt.date(2026, 1, 3)),),
        figures={"rounds": 2},
        conflicts={"place": ["a", "b"]},
    )
    store.replace_records("event", [event])
    assert store.events() == [event]
    assert store.events(EventFilter(actor_ids=("a-1",))) == [event]
    assert store.events(EventFilter(actor_ids=("b-2",))) == []
    assert store.events(EventFilter(type="call")) == []
    with pytest.raises(ConfigError, match="corpus step"):
        store.save_analyses([ArticleRecords("x", {"actor": tuple(people)})], "v1")


def test_many_corpus_records_stream_in_while_their_producer_reads_the_stored_ones(store):
    """More records than a backend stages at once (PostgreSQL: 2,000), made from the stored ones
    as they are written (as ``copies`` writes its fingerprints), with a key given twice: every
    record is stored, the producer reads what was stored before, and the later record of a key
    is the one kept."""
    first = [Actor(f"p-{i:05d}", f"Person {i}", "person") for i in range(4500)]
    assert store.replace_records("actor", first) == 4500

    def renamed() -> Iterator[Actor]:
        yield Actor("p-00007", "Someone Else", "person")  # given again below: the later one is kept
        for a in store.actors():  # read while the new records are being written
            if a.id != "p-00003":  # one left out: it goes
                yield dataclasses.replace(a, side="north") if a.id < "p-00010" else a

    assert store.replace_records("actor", renamed()) == 10  # 9 sides set, 1 gone
    stored = {a.id: a for a in store.actors()}
    assert len(stored) == 4499 and "p-00003" not in stored
    assert stored["p-00007"] == Actor("p-00007", "Person 7", "person", side="north")
    assert stored["p-04499"] == first[-1]


def test_user_decisions_are_kept(store):
    store.add_override("merge", "a-1", "b-2")
    store.add_override("split", "b-2", "Ben O.")
    assert store.overrides() == [("merge", "a-1", "b-2"), ("split", "b-2", "Ben O.")]


def test_database_errors_are_store_errors(tmp_path: Path):
    folder = tmp_path / "not-a-db"
    folder.mkdir()
    with pytest.raises(StoreError):
        open_store(str(folder))
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(str(broken))


def test_a_failing_database_call_is_a_store_error(tmp_path: Path):
    store = open_store(str(tmp_path / "gone.db"))
    store.db.close()  # the connection is lost under the store
    with pytest.raises(StoreError, match="count_articles"):
        store.count_articles()
    with pytest.raises(StoreError, match="records"):
        list(store.statements())


def test_order_is_by_code_point_whatever_the_locale(store):
    # SQLite compares text byte by byte: upper case before "_" before lower case; missing last
    same_day = dt.date(2026, 1, 3)
    kinds = ["meeting", "Meeting", "call", "_talks"]
    events = [Event(f"e{n}", kind, same_day, "day", (), None, "met") for n, kind in enumerate(kinds)]
    undated = Event("e9", "Accord", None, None, (), None, "signed")
    store.replace_records("event", [undated, *events])
    assert [e.type for e in store.events()] == ["Meeting", "_talks", "call", "meeting", "Accord"]
    run = store.begin_run(["mem"])
    lower, upper = _article(1, outlet="harbor times", day=3), _article(2, outlet="Zeta Wire", day=3)
    earlier, undated_article = _article(3, outlet="Harbor Times", day=2), _article(4, outlet=None, day=5)
    undated_article = dataclasses.replace(undated_article, published=None)
    store.add_articles([lower, upper, earlier, undated_article], run)
    # by date (undated last), then outlet, title and id
    assert [a.id for a in store.articles()] == [earlier.id, upper.id, lower.id, undated_article.id]
    assert {a.id for a in store.articles(ArticleFilter(outlet="HARBOR TIMES"))} == {lower.id, earlier.id}
    assert [a.id for a in store.articles(ArticleFilter(limit=1))] == [earlier.id]


def test_text_comes_back_as_stored_and_matches_ignoring_ascii_case(store):
    raw = RawArticle(
        origin="mem://geneva",
        format="text",
        title="Talks in Genève",
        text="Envoys met in Genève — “a real step”, 🙂 said one.\n\nTalks go on in Genève on Monday.",
        outlet="Wire",
        published=dt.date(2026, 1, 4),
    )
    article = clean_article(raw, today=dt.date(2026, 2, 1))
    copy = dataclasses.replace(article, origin="mem://copy")
    run = store.begin_run(["mem"])
    assert store.add_articles([article, copy], run) == [True, False]  # the same text twice in a batch
    assert store.sightings(article.id) == ["mem://copy", "mem://geneva"]
    assert store.article(article.id) == article
    found = store.articles(ArticleFilter(contains="MET IN Genève — “A REAL STEP”"))
    assert [a.id for a in found] == [article.id]
    statement = dataclasses.replace(_statement(article.id, 1, None, None), text="“a real step” in Genève")
    store.save_analyses([ArticleRecords(article.id, {"statement": (statement,)})], "v1")
    assert [s.text for s in store.statements(StatementFilter(contains="IN Genève"))] == [statement.text]
    assert store.count("statement", RecordQuery(substrings=(("speaker", ""),))) == 1  # empty words: all


def test_missing_values_and_list_fields(store):
    a, _ = _stored(store)
    found = (_statement(a.id, 1, "envoy", None), _statement(a.id, 2, None, None))
    store.save_analyses([ArticleRecords(a.id, {"statement": found})], "v1")
    either = RecordQuery(equals=(("speaker_actor_id", ("envoy", None)),))
    assert [s.id[-1] for s in store.records("statement", either)] == ["1", "2"]
    assert store.count("statement", RecordQuery(equals=(("speaker_actor_id", ()),))) == 0
    assert store.count("statement", RecordQuery(article_ids=())) == 0
    events = [
        Event("e1", "call", None, None, ("a-1", "b-2"), None, "called"),
        Event("e2", "call", None, None, (), None, "called again"),
    ]
    store.replace_records("event", events)
    assert [e.id for e in store.events(EventFilter(actor_ids=("b-2", "c-3")))] == ["e1"]
    assert store.events(EventFilter(actor_ids=())) == []
    assert store.count("event", RecordQuery(holds=(("participants", (None,)),))) == 0
    assert store.annotate("statement", [(_statement(a.id, 8, None, None), {"speaker_actor_id": "x"})]) == 0


def test_grouped_counts_are_made_in_the_database(store):
    a, b = _stored(store, 3)[:2]
    store.add_articles([_article(9, outlet="Coast Ledger", day=2)], store.begin_run(["more"]))
    assert sorted(store.article_tally(), key=str) == sorted(
        [
            ("Harbor Times", dt.date(2026, 1, 1), 1),
            ("Harbor Times", dt.date(2026, 1, 2), 1),
            ("Harbor Times", dt.date(2026, 1, 3), 1),
            ("Coast Ledger", dt.date(2026, 1, 2), 1),
        ],
        key=str,
    )
    assert sorted(store.article_tally(since=dt.date(2026, 1, 3))) == [
        ("Harbor Times", dt.date(2026, 1, 3), 1)
    ]
    found = (
        _statement(a.id, 1, "mediator", dt.date(2026, 1, 1)),
        _statement(a.id, 2, "mediator", dt.date(2026, 1, 5), kind="reported"),
        _statement(a.id, 3, None, None),
    )
    store.save_analyses(
        [
            ArticleRecords(a.id, {"statement": found}),
            ArticleRecords(b.id, {"statement": (_statement(b.id, 4, "envoy", dt.date(2026, 1, 5)),)}),
        ],
        "v1",
    )
    by_speaker = store.count_by("statement", ("speaker_actor_id",))
    assert by_speaker == {("mediator",): 2, ("envoy",): 1, (None,): 1}
    # the resolved value counts, as every query sees it
    store.annotate("statement", [(found[2], {"speaker_actor_id": "envoy"})])
    assert store.count_by(
        "statement", ("speaker_actor_id", "kind"), RecordQuery(since=dt.date(2026, 1, 2))
    ) == {
        ("mediator", "reported"): 1,
        ("envoy", "direct"): 1,
    }
    assert store.count_by("statement", ("said_on",))[("2026-01-05",)] == 2  # a date as its ISO text
    assert store.count_by("statement", ()) == {(): 4}
    assert store.count_by("statement", ("kind",), RecordQuery(text="no such words")) == {}
    with pytest.raises(ConfigError, match="no field"):
        store.count_by("statement", ("colour",))


def test_the_revision_changes_with_every_write(store):
    """A backend may be conservative (PostgreSQL's snapshot moves with any transaction on the
    server), never the other way: a write always gives a new revision."""
    (a,) = _stored(store, 1)
    list(store.statements())  # the type's indexes are made on first use
    before = store.revision()
    store.save_analyses([ArticleRecords(a.id, {"statement": (_statement(a.id, 1, None, None),)})], "v1")
    after = store.revision()
    assert after != before
    store.replace_records("actor", [Actor("a-1", "Ana Lopes", "person")])
    assert store.revision() != after


def test_pages_follow_the_type_order_whatever_the_insertion_order(store):
    a, b = _stored(store)
    days = [dt.date(2026, 1, d) for d in (9, 2, 7, 4)] + [None]
    store.save_analyses(
        [
            ArticleRecords(
                a.id, {"statement": tuple(_statement(a.id, n, None, d) for n, d in enumerate(days))}
            )
        ],
        "v1",
    )
    said = [s.said_on for s in store.records("statement", RecordQuery(limit=2, offset=2))]
    assert said == [dt.date(2026, 1, 7), dt.date(2026, 1, 9)]
    assert [s.said_on for s in store.records("statement", RecordQuery(offset=4))] == [None]
