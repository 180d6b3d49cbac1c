"""SQLite store: WAL journal, schema migrations run once each in a transaction.

Articles are written in batches, one transaction per batch: an interrupted ingest leaves no
half-written article, and running it again stores what is missing (what is there already is
reported as a duplicate, never stored twice). Analysis outputs of every registered record type
live in one ``records`` table (:mod:`parley.store.sqlite.records`). Every ``sqlite3`` error is
translated into a :class:`~parley.errors.StoreError` at this boundary.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from parley.codec import from_data, to_data
from parley.errors import StoreError
from parley.models import Article, Failure
from parley.store import ArticleFilter, ArticleRecords, IngestRun, RecordQuery, StoredFailure
from parley.store.sqlite.records import RecordTable
from parley.store.sqlite.schema import MIGRATIONS, set_up
from parley.store.views import RecordViews

__all__ = ["MIGRATIONS", "SQLiteStore"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _translated(method):
    """Turn any sqlite3 error raised by a store method (or while iterating its result) into a
    StoreError naming the store and the operation."""
    import functools
    import inspect

    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def generator(self, *args, **kwargs):
            try:
                yield from method(self, *args, **kwargs)
            except sqlite3.Error as exc:
                raise StoreError(f"{self.path}: {method.__name__} failed: {exc}") from exc

        return generator

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {method.__name__} failed: {exc}") from exc

    return wrapper


class SQLiteStore(RecordViews):
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            # no statement cache: SQLite 3.40 kept one type's plan for the next (docs/architecture.md)
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30, cached_statements=0)
            self.db.row_factory = sqlite3.Row
            set_up(self.db, path, self._migrate)
            self.table = RecordTable(self.db, self._transaction)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the SQLite store at {path}: {exc}") from exc

    # -- schema ----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this Parley "
                f"({len(MIGRATIONS)}): upgrade Parley"
            )
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.schema_version >= number:  # another process migrated meanwhile
                    self.db.execute("ROLLBACK")
                    continue
                migration(self.db)
                self.db.execute(f"PRAGMA user_version = {number}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    def _transaction(self):
        return _Transaction(self.db)

    # -- ingest runs -----------------------------------------------------------------------
    @_translated
    def begin_run(self, inputs: Iterable[str]) -> int:
        with self._transaction():
            cursor = self.db.execute(
                "INSERT INTO ingest_runs (started_at, inputs) VALUES (?, ?)",
                (_now(), json.dumps(list(inputs))),
            )
        return int(cursor.lastrowid or 0)

    @_translated
    def finish_run(self, run_id: int, new: int, duplicate: int, failed: int, complete: bool = True) -> None:
        with self._transaction():
            self.db.execute(
                "UPDATE ingest_runs SET finished_at=?, new=?, duplicate=?, failed=? WHERE id=?",
                (_now() if complete else None, new, duplicate, failed, run_id),
            )

    @_translated
    def runs(self) -> list[IngestRun]:
        rows = self.db.execute("SELECT * FROM ingest_runs ORDER BY id").fetchall()
        return [
            IngestRun(
                r["id"],
                r["started_at"],
                r["finished_at"],
                tuple(json.loads(r["inputs"])),
                r["new"],
                r["duplicate"],
                r["failed"],
            )
            for r in rows
        ]

    # -- articles --------------------------------------------------------------------------
    @_translated
    def add_articles(self, articles: list[Article], run_id: int) -> list[bool]:
        results = []
        now = _now()
        with self._transaction():
            for article in articles:
                cursor = self.db.execute(
                    "INSERT OR IGNORE INTO articles (id, sha256, title, text, origin, format, url, "
                    "outlet, published, language, ingested_at, run_id, data) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        article.id,
                        article.sha256,
                        article.title,
                        article.text,
                        article.origin,
                        article.format,
                        article.url,
                        article.outlet,
                        _iso(article.published),
                        article.language,
                        now,
                        run_id,
                        _article_data(article),
                    ),
                )
                results.append(cursor.rowcount == 1)
                existing = self.db.execute(
                    "SELECT id FROM articles WHERE sha256=?", (article.sha256,)
                ).fetchone()
                self.db.execute(
                    "INSERT OR IGNORE INTO article_sightings VALUES (?,?,?)",
                    (existing["id"], article.origin, run_id),
                )
        return results

    @_translated
    def article(self, id_or_prefix: str) -> Article | None:
        ids = self.article_ids(id_or_prefix, limit=2)
        if len(ids) != 1:
            return None
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (ids[0],)).fetchone()
        return _article(row)

    @_translated
    def article_ids(self, prefix: str, limit: int = 10) -> list[str]:
        """Ids starting with ``prefix`` (an exact id first), at most ``limit``."""
        if not prefix:
            return []
        exact = self.db.execute("SELECT id FROM articles WHERE id = ?", (prefix,)).fetchone()
        if exact:
            return [exact["id"]]
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        )
        return [r["id"] for r in rows]

    @_translated
    def text_lengths(self, ids: Iterable[str]) -> dict[str, int]:
        found = {}
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT id, length(text) FROM articles WHERE id IN ({marks})", chunk)
            found.update({r[0]: r[1] for r in rows})
        return found

    @_translated
    def published(self, ids: Iterable[str] | None = None) -> dict[str, dt.date | None]:
        found: dict[str, dt.date | None] = {}
        for chunk in [None] if ids is None else _chunks(list(ids), 500):
            where = "" if chunk is None else f" WHERE id IN ({','.join('?' * len(chunk))})"
            rows = self.db.execute(f"SELECT id, published FROM articles{where}", chunk or ())
            found.update({r[0]: dt.date.fromisoformat(r[1]) if r[1] else None for r in rows})
        return found

    @_translated
    def articles(self, where: ArticleFilter = ArticleFilter()) -> Iterator[Article]:
        q = _Query("SELECT * FROM articles")
        q.where("outlet = ? COLLATE NOCASE", where.outlet)
        q.where("published >= ?", _iso(where.since))
        q.where("published <= ?", _iso(where.until))
        q.where(
            "(instr(lower(text), lower(?)) > 0 OR instr(lower(title), lower(?)) > 0)",
            where.contains,
            where.contains,
        )
        q.where("language = ?", where.language)
        sql, params = q.sql("published IS NULL, published, outlet, title, id", where.limit)
        cursor = self.db.execute(sql, params)
        while rows := cursor.fetchmany(200):  # streamed: a whole corpus's texts need not fit at once
            yield from map(_article, rows)

    @_translated
    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    @_translated
    def article_tally(self, since: dt.date | None = None) -> list[tuple[str | None, dt.date | None, int]]:
        q = _Query("SELECT outlet, published, count(*) FROM articles")
        q.where("published >= ?", _iso(since))
        sql, params = q.sql("1, 2")
        rows = self.db.execute(sql.replace(" ORDER BY", " GROUP BY 1, 2 ORDER BY"), params)
        return [(r[0], dt.date.fromisoformat(r[1]) if r[1] else None, r[2]) for r in rows]

    @_translated
    def revision(self) -> str:
        """Changes whenever a commit (by this connection or any other) may have changed the store."""
        return f"{self.db.execute('PRAGMA data_version').fetchone()[0]}:{self.db.total_changes}"

    @_translated
    def sightings(self, article_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT origin FROM article_sightings WHERE article_id=? ORDER BY run_id, origin",
            (article_id,),
        )
        return [r["origin"] for r in rows]

    # -- failures --------------------------------------------------------------------------
    @_translated
    def add_failures(self, failures: list[Failure], run_id: int) -> None:
        now = _now()
        with self._transaction():
            self.db.executemany(
                "INSERT INTO ingest_failures (run_id, origin, reason, stage, at) VALUES (?,?,?,?,?)",
                [(run_id, f.origin, f.reason, f.stage, now) for f in failures],
            )

    @_translated
    def failures(self, run_id: int | None = None) -> list[StoredFailure]:
        sql = "SELECT * FROM ingest_failures"
        params: tuple = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        rows = self.db.execute(sql + " ORDER BY id", params).fetchall()
        return [StoredFailure(r["run_id"], r["origin"], r["reason"], r["stage"], r["at"]) for r in rows]

    # -- analysis --------------------------------------------------------------------------
    @_translated
    def unanalysed(self, pipeline: str) -> list[str]:
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses x ON x.article_id = a.id "
            "WHERE x.pipeline IS NULL OR x.pipeline != ? ORDER BY a.id",
            (pipeline,),
        )
        return [r["id"] for r in rows]

    @_translated
    def save_analyses(self, results: list[ArticleRecords], pipeline: str) -> None:
        now = _now()
        with self._transaction():
            for r in results:
                self.table.delete_article(r.article_id)
                self.db.execute("DELETE FROM analyses WHERE article_id = ?", (r.article_id,))
                for type_name, records in r.records.items():
                    self.table.insert_article_records(type_name, r.article_id, records)
                self.db.execute(
                    "INSERT INTO analyses (article_id, pipeline, at, error) VALUES (?,?,?,?)",
                    (r.article_id, pipeline, now, r.error),
                )

    @_translated
    def analysis_errors(self) -> list[tuple[str, str]]:
        rows = self.db.execute("SELECT article_id, error FROM analyses WHERE error IS NOT NULL ORDER BY 1")
        return [(r["article_id"], r["error"]) for r in rows]

    # -- records ---------------------------------------------------------------------------
    @_translated
    def records(
        self, type_name: str, where: RecordQuery = RecordQuery(), *, extracted: bool = False
    ) -> Iterator:
        yield from self.table.select(type_name, where, extracted=extracted)

    @_translated
    def count(self, type_name: str, where: RecordQuery = RecordQuery()) -> int:
        return self.table.count(type_name, where)

    @_translated
    def count_by(
        self, type_name: str, fields: tuple[str, ...], where: RecordQuery = RecordQuery()
    ) -> dict[tuple, int]:
        return self.table.count_by(type_name, fields, where)

    @_translated
    def replace_records(self, type_name: str, records: Iterable[Any]) -> int:
        return self.table.replace_corpus(type_name, records)

    @_translated
    def annotate(self, type_name: str, changes: Iterable[tuple[Any, dict[str, Any]]]) -> int:
        return self.table.annotate(type_name, changes)

    # -- user decisions --------------------------------------------------------------------
    @_translated
    def overrides(self) -> list[tuple[str, str, str]]:
        rows = self.db.execute("SELECT action, source, target FROM actor_overrides ORDER BY id")
        return [(r["action"], r["source"], r["target"]) for r in rows]

    @_translated
    def add_override(self, action: str, source: str, target: str) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT INTO actor_overrides (action, source, target, at) VALUES (?,?,?,?)",
                (action, source, target, _now()),
            )

    def close(self) -> None:
        self.db.close()


class _Query:
    """A SELECT with optional filters: a condition is added only when its value is given."""

    def __init__(self, select: str) -> None:
        self.select = select
        self.clauses: list[str] = []
        self.params: list[object] = []

    def where(self, clause: str, *values: object) -> None:
        if values and all(v is not None and v != "" for v in values[-1:]):
            self.clauses.append(clause)
            self.params.extend(values)

    def sql(self, order_by: str, limit: int | None = None) -> tuple[str, list[object]]:
        sql = self.select
        if self.clauses:
            sql += " WHERE " + " AND ".join(self.clauses)
        sql += f" ORDER BY {order_by}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return sql, self.params


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.depth = 0

    def __enter__(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.depth = 1

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.depth:
            self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _article_data(article: Article) -> str:
    """Every field but the text (it has its own column), so new fields need no migration."""
    data = to_data(article)
    del data["text"]
    return json.dumps(data, ensure_ascii=False)


def _article(row: sqlite3.Row) -> Article:
    return from_data(Article, json.loads(row["data"]) | {"text": row["text"]})


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
