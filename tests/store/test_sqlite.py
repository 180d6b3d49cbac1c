"""The SQLite store on a real file: migrations, WAL, idempotent and transactional writes."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from parley.clean import clean_article
from parley.models import Failure, RawArticle
from parley.store import ArticleFilter, open_store
from parley.store.sqlite import MIGRATIONS


def _article(n: int, published: dt.date | None = None, outlet: str = "Test Wire"):
    raw = RawArticle(
        origin=f"mem://{n}",
        format="text",
        title=f"Story {n}",
        text=f"Negotiators met for round {n} of talks.\n\nBoth sides said the round was useful.",
        outlet=outlet,
        published=published,
    )
    return clean_article(raw, today=dt.date(2026, 1, 1))


def test_new_store_is_migrated_and_in_wal_mode(db):
    store = open_store(str(db))
    assert store.schema_version == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    # reopening runs no migration again and keeps the data
    again = open_store(str(db))
    assert again.schema_version == len(MIGRATIONS)
    again.close()


def test_store_refuses_a_newer_schema(db):
    sqlite3.connect(db).execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}").connection.close()
    from parley.errors import StoreError

    with pytest.raises(StoreError, match="newer than this Parley"):
        open_store(str(db))


def test_same_content_twice_is_one_article(db):
    store = open_store(str(db))
    run = store.begin_run(["a"])
    first = _article(1)
    assert store.add_articles([first], run) == [True]
    # same text from elsewhere: a duplicate, and the second sighting is recorded
    copy = clean_article(
        RawArticle(origin="elsewhere.txt", format="text", title="Other title", text=first.text),
        today=dt.date(2026, 1, 1),
    )
    assert store.add_articles([copy], run) == [False]
    assert store.count_articles() == 1
    assert store.sightings(first.id) == ["elsewhere.txt", "mem://1"]
    store.close()


def test_failed_batch_leaves_no_half_written_article_and_rerun_completes(db, monkeypatch):
    store = open_store(str(db))
    run = store.begin_run(["batch"])
    batch = [_article(n) for n in range(5)]
    real_execute_count = {"n": 0}
    original = store.db.execute

    class Boom(Exception):
        pass

    class FailingConnection:
        def __getattr__(self, name):
            return getattr(original.__self__, name)

        def execute(self, sql, *args):
            if sql.startswith("INSERT OR IGNORE INTO articles"):
                real_execute_count["n"] += 1
                if real_execute_count["n"] == 3:
                    raise Boom("disk pulled out mid-batch")
            return original(sql, *args)

    store.db = FailingConnection()
    with pytest.raises(Boom):
        store.add_articles(batch, run)
    store.db = original.__self__
    assert store.count_articles() == 0  # the whole batch rolled back
    assert store.add_articles(batch, run) == [True] * 5
    assert store.add_articles(batch, run) == [False] * 5
    assert store.count_articles() == 5
    store.close()


def test_filters_and_failures_round_trip(db):
    store = open_store(str(db))
    run = store.begin_run(["x"])
    store.add_articles(
        [
            _article(1, dt.date(2025, 11, 20), "Wire A"),
            _article(2, dt.date(2025, 12, 2), "Wire B"),
            _article(3, None, "Wire A"),
        ],
        run,
    )
    store.add_failures([Failure("bad.txt", "empty file")], run)
    store.finish_run(run, 3, 0, 1)
    assert [a.title for a in store.articles(ArticleFilter(outlet="wire a"))] == ["Story 1", "Story 3"]
    assert [a.title for a in store.articles(ArticleFilter(since=dt.date(2025, 12, 1)))] == ["Story 2"]
    assert [a.title for a in store.articles(ArticleFilter(contains="ROUND 2"))] == ["Story 2"]
    stored = store.article(_article(2).id[:6])
    assert stored is not None and stored.published == dt.date(2025, 12, 2)
    assert store.failures(run)[0].reason == "empty file"
    assert store.runs()[-1].failed == 1
    store.close()


def test_a_store_from_before_record_types_is_migrated_without_losing_articles_or_decisions(db):
    """Schema 4 kept analysis outputs in one table each; schema 5 moves them to ``records``.
    Articles and the user's actor decisions are kept; analysis outputs are derived, so the
    articles are marked for analysis again."""
    old = sqlite3.connect(db, isolation_level=None)
    for migration in MIGRATIONS[:4]:
        migration(old)
    old.execute("PRAGMA user_version = 4")
    old.execute(
        "INSERT INTO articles (id, sha256, title, text, origin, format, url, outlet, outlet_from, cites, "
        "published, published_from, author, language, dateline, removed, ingested_at, run_id) "
        "VALUES ('abc123', 'ff', 'Talks resume', 'KYIV, Jan 3 - Talks resumed.', 'a.txt', 'text', NULL, "
        "'Harbor Times', 'metadata', '[\"Wire\"]', '2026-01-03', 'dateline', NULL, 'en', "
        '\'{"span": [0, 12], "place": "KYIV", "date_text": "Jan 3", "outlet": null}\', \'[]\', '
        "'2026-01-04', 1)"
    )
    old.execute("INSERT INTO analyses VALUES ('abc123', 'old-pipeline', '2026-01-04', NULL)")
    old.execute("INSERT INTO actor_overrides (action, source, target, at) VALUES ('merge', 'a', 'b', 'now')")
    old.close()

    store = open_store(str(db))
    assert store.schema_version == len(MIGRATIONS)
    article = store.article("abc")
    assert article is not None
    assert (article.title, article.outlet, article.cites, article.published) == (
        "Talks resume",
        "Harbor Times",
        ("Wire",),
        dt.date(2026, 1, 3),
    )
    assert article.dateline is not None and article.dateline.place == "KYIV"
    assert store.overrides() == [("merge", "a", "b")]
    assert store.unanalysed("any") == ["abc123"]
    store.close()


def test_a_write_by_another_connection_changes_the_revision(db):
    reader, writer = open_store(str(db)), open_store(str(db))
    try:
        before = reader.revision()
        list(reader.statements())
        assert reader.revision() == before  # reading changes nothing: a cache stays good
        writer.add_articles([_article(1, dt.date(2026, 1, 2))], writer.begin_run(["elsewhere"]))
        assert reader.revision() != before  # a server's cache sees what another process wrote
        assert reader.article_tally() == [("Test Wire", dt.date(2026, 1, 2), 1)]
    finally:
        reader.close()
        writer.close()


def test_a_list_page_is_read_off_the_order_index_not_sorted_whole(db):
    from parley.store import RecordQuery

    store = open_store(str(db))
    try:
        list(store.records("statement", RecordQuery(limit=1)))  # the type's indexes are made on first use
        plan = store.db.execute(
            "EXPLAIN QUERY PLAN SELECT data FROM records WHERE type = 'statement' ORDER BY "
            + store.table.order_sql("statement")
        ).fetchall()
        assert "records_statement__order" in str([tuple(r) for r in plan])
        assert "TEMP B-TREE" not in str([tuple(r) for r in plan])
    finally:
        store.close()
