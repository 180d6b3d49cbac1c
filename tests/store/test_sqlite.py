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
