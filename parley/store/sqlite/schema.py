"""The SQLite schema: migrations are small functions run once each, in order, in a transaction;
``PRAGMA user_version`` records how many have run. A store newer than the code is refused.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable


def _v1_articles(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            origin TEXT NOT NULL,
            format TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            outlet_from TEXT,
            cites TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            published_from TEXT NOT NULL DEFAULT 'unknown',
            author TEXT,
            language TEXT,
            dateline TEXT,
            removed TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL,
            run_id INTEGER
        )"""
    )
    db.execute("CREATE INDEX articles_published ON articles(published)")
    db.execute("CREATE INDEX articles_outlet ON articles(outlet)")
    db.execute(
        """CREATE TABLE ingest_runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            inputs TEXT NOT NULL,
            new INTEGER NOT NULL DEFAULT 0,
            duplicate INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """CREATE TABLE ingest_failures (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
            origin TEXT NOT NULL,
            reason TEXT NOT NULL,
            stage TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE article_sightings (
            article_id TEXT NOT NULL REFERENCES articles(id),
            origin TEXT NOT NULL,
            run_id INTEGER NOT NULL,
            PRIMARY KEY (article_id, origin)
        )"""
    )


def _v2_analysis(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            pipeline TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            actor_id TEXT,
            role TEXT,
            side TEXT,
            PRIMARY KEY (article_id, start, end, label)
        )"""
    )
    db.execute("CREATE INDEX mentions_actor ON mentions(actor_id)")
    db.execute(
        """CREATE TABLE statements (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            speaker TEXT,
            speaker_actor_id TEXT,
            cue TEXT,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            speaker_span TEXT,
            cue_span TEXT,
            channel TEXT,
            said_on TEXT,
            said_on_from TEXT NOT NULL,
            speaker_ref TEXT,
            extractor TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX statements_article ON statements(article_id)")
    db.execute("CREATE INDEX statements_speaker ON statements(speaker_actor_id)")
    db.execute(
        """CREATE TABLE time_expressions (
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT,
            precision TEXT,
            first_day TEXT,
            last_day TEXT,
            anchor TEXT,
            anchor_from TEXT NOT NULL,
            PRIMARY KEY (article_id, start, end)
        )"""
    )
    db.execute(
        """CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            side TEXT,
            roles TEXT NOT NULL,
            aliases TEXT NOT NULL,
            evidence TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE actor_overrides (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
            source TEXT NOT NULL,
            target TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )


def _v3_events(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE event_mentions (
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL,
            type TEXT NOT NULL,
            record TEXT NOT NULL,
            PRIMARY KEY (article_id, start, type)
        )"""
    )
    db.execute(
        """CREATE TABLE events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            date TEXT,
            precision TEXT,
            participants TEXT NOT NULL,
            place TEXT,
            summary TEXT NOT NULL,
            sources TEXT NOT NULL,
            duration TEXT,
            figures TEXT NOT NULL,
            conflicts TEXT NOT NULL,
            status TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX events_date ON events(date)")


def _v4_analysis_errors(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE analyses ADD COLUMN error TEXT")


def _v5_records(db: sqlite3.Connection) -> None:
    """Every analysis output moves to one table of registered record types. Analysis outputs are
    derived data: they are dropped and the articles marked for analysis again, while what people
    decided (actor merges and splits) is kept."""
    db.execute(
        """CREATE TABLE records (
            type TEXT NOT NULL,
            article_id TEXT NOT NULL,  -- '' for corpus-scope records
            key TEXT NOT NULL,
            seq INTEGER NOT NULL,      -- order the producer gave them in
            data TEXT NOT NULL,        -- the record as produced, JSON
            resolved TEXT,             -- fields set later by corpus steps, JSON
            PRIMARY KEY (type, article_id, key)
        )"""
    )
    db.execute("CREATE INDEX records_article ON records(article_id)")
    for table in ("mentions", "statements", "time_expressions", "event_mentions", "events", "actors"):
        db.execute(f"DROP TABLE {table}")
    db.execute("DELETE FROM analyses")


def _v6_article_data(db: sqlite3.Connection) -> None:
    """The whole article as JSON beside the columns that are indexed, so a field added to
    ``Article`` is stored with no schema change."""
    db.execute("ALTER TABLE articles ADD COLUMN data TEXT")
    cursor = db.execute("SELECT * FROM articles")
    columns = [d[0] for d in cursor.description]
    plain = (
        "id sha256 title text origin format url outlet outlet_from published published_from author language"
    )
    for r in cursor.fetchall():
        row = dict(zip(columns, r, strict=True))
        data = {k: row[k] for k in plain.split()}
        data["cites"] = json.loads(row["cites"])
        data["removed"] = json.loads(row["removed"])
        data["dateline"] = json.loads(row["dateline"]) if row["dateline"] else None
        db.execute("UPDATE articles SET data = ? WHERE id = ?", (json.dumps(data), row["id"]))


def _v7_record_keys(db: sqlite3.Connection) -> None:
    """Look-ups by id or id prefix (``parley quotes 5b6d8b94``) for any record type."""
    db.execute("CREATE INDEX records_key ON records(type, key)")


# Each migration runs once, in order, in its own transaction; PRAGMA user_version records it.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_articles,
    _v2_analysis,
    _v3_events,
    _v4_analysis_errors,
    _v5_records,
    _v6_article_data,
    _v7_record_keys,
]


def set_up(db: sqlite3.Connection, path: str, migrate: Callable[[], None]) -> None:
    """WAL mode, pragmas and ``migrate``. Switching a new file to WAL takes a lock SQLite's busy
    timeout does not always wait for, so while another process opening the same new file holds it
    ("database is locked"), try again for up to 30 seconds."""
    deadline, pause = time.monotonic() + 30.0, 0.05
    while True:
        try:
            if path != ":memory:":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA foreign_keys=ON")
            migrate()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 1.0)
