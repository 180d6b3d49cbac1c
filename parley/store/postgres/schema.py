"""The PostgreSQL schema: migrations are small functions run once each, in order, each in its own
transaction; the ``parley_schema`` table records which have run. Processes that open one database
at once take turns through an advisory lock, so each migration runs exactly once. A database
newer than the code is refused.

Text that is sorted or compared by prefix (ids, outlets, titles, origins) is declared
``COLLATE "C"``: code-point order, the same as SQLite's, whatever the database's locale.
"""

from __future__ import annotations

from collections.abc import Callable

import psycopg

from parley.errors import StoreError

# pg_advisory_xact_lock keys: one for migrations, one (plus a hash) for each record type's writes.
MIGRATION_LOCK = 0x70A61E70


def _v1_ingest(db: psycopg.Connection) -> None:
    db.execute(
        """CREATE TABLE ingest_runs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            started_at timestamptz NOT NULL,
            finished_at timestamptz,
            inputs jsonb NOT NULL,
            new integer NOT NULL DEFAULT 0,
            duplicate integer NOT NULL DEFAULT 0,
            failed integer NOT NULL DEFAULT 0
        )"""
    )
    db.execute(
        """CREATE TABLE articles (
            id text COLLATE "C" PRIMARY KEY,
            sha256 text NOT NULL UNIQUE,
            title text COLLATE "C" NOT NULL,
            outlet text COLLATE "C",
            published date,
            language text,
            ingested_at timestamptz NOT NULL,
            run_id bigint,
            data jsonb NOT NULL         -- the whole article, so a new Article field needs no migration
        )"""
    )
    db.execute("CREATE INDEX articles_published ON articles(published)")
    db.execute("CREATE INDEX articles_outlet ON articles(lower(outlet))")
    db.execute(
        """CREATE TABLE article_sightings (
            article_id text COLLATE "C" NOT NULL REFERENCES articles(id),
            origin text COLLATE "C" NOT NULL,
            run_id bigint NOT NULL,
            PRIMARY KEY (article_id, origin)
        )"""
    )
    db.execute(
        """CREATE TABLE ingest_failures (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            run_id bigint NOT NULL REFERENCES ingest_runs(id),
            origin text NOT NULL,
            reason text NOT NULL,
            stage text NOT NULL,
            at timestamptz NOT NULL
        )"""
    )


def _v2_analysis(db: psycopg.Connection) -> None:
    db.execute(
        """CREATE TABLE analyses (
            article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id),
            pipeline text NOT NULL,
            at timestamptz NOT NULL,
            error text
        )"""
    )
    db.execute(
        """CREATE TABLE records (
            type text NOT NULL,
            article_id text COLLATE "C" NOT NULL,  -- '' for corpus-scope records
            key text COLLATE "C" NOT NULL,
            seq integer NOT NULL,                  -- the order the producer gave them in
            data jsonb NOT NULL,                   -- the record as produced
            resolved jsonb,                        -- fields set later by corpus steps
            PRIMARY KEY (type, article_id, key)
        )"""
    )
    db.execute("CREATE INDEX records_article ON records(article_id)")


def _v3_user_decisions(db: psycopg.Connection) -> None:
    db.execute(
        """CREATE TABLE actor_overrides (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            action text NOT NULL CHECK (action IN ('merge', 'split')),
            source text NOT NULL,
            target text NOT NULL,
            at timestamptz NOT NULL
        )"""
    )


# Each migration runs once, in order, in its own transaction; parley_schema records it.
def _v4_record_keys(db: psycopg.Connection) -> None:
    """Look-ups by id or id prefix (``parley quotes 5b6d8b94``) for any record type."""
    db.execute("CREATE INDEX records_key ON records(type, key)")


MIGRATIONS: list[Callable[[psycopg.Connection], None]] = [
    _v1_ingest,
    _v2_analysis,
    _v3_user_decisions,
    _v4_record_keys,
]


def schema_version(db: psycopg.Connection) -> int:
    exists = db.execute("SELECT to_regclass('parley_schema') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = db.execute("SELECT coalesce(max(version), 0) FROM parley_schema").fetchone()
    return int(row[0]) if row else 0


def migrate(db: psycopg.Connection, name: str) -> None:
    """Run the migrations this database lacks; refuse one newer than this Parley."""
    version = schema_version(db)
    if version > len(MIGRATIONS):
        raise StoreError(
            f"{name} has schema version {version}, newer than this Parley ({len(MIGRATIONS)}): upgrade Parley"
        )
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            db.execute(
                "CREATE TABLE IF NOT EXISTS parley_schema ("
                "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            if schema_version(db) >= number:  # another process migrated meanwhile
                continue
            migration(db)
            db.execute("INSERT INTO parley_schema (version) VALUES (%s)", (number,))
