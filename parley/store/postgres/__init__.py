"""PostgreSQL store, for a corpus shared by several processes or machines: ``--db postgresql://…``.

The same contract as the SQLite store (``tests/store/test_contract.py`` runs against both). The
URL is libpq's: ``postgresql://user:password@host:port/dbname``, with options such as
``?sslmode=require`` or ``?options=-csearch_path%3Dparley`` (keep Parley's tables in a schema of
their own). Migrations (:mod:`.schema`) run when the store opens. Analysis outputs of every
registered record type live in one ``records`` table of JSONB (:mod:`.records`).

Writers may run at once: articles are inserted with ``ON CONFLICT DO NOTHING`` (two processes
ingesting the same files store each article once, and each reports it new exactly once); rows
are written in key order so concurrent transactions cannot deadlock; a corpus type is replaced
under an advisory lock. Every psycopg error is translated into a
:class:`~parley.errors.StoreError` naming the server (never its password) and the operation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

import psycopg
from psycopg import sql

from parley.codec import from_data, to_data
from parley.errors import StoreError
from parley.models import Article, Failure
from parley.store import ArticleFilter, ArticleRecords, IngestRun, RecordQuery, StoredFailure
from parley.store.postgres.connection import DRIVER_ERRORS, connect, describe, message, translated
from parley.store.postgres.records import RecordTable
from parley.store.postgres.schema import MIGRATIONS, migrate, schema_version
from parley.store.views import RecordViews

__all__ = ["MIGRATIONS", "PostgresStore"]

_ASCII_CONTAINS = 'strpos(lower({}), lower(%s::text COLLATE "C")) > 0'  # SQLite's instr(lower(), lower())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def _iso_time(value: dt.datetime | None) -> str | None:
    """A stored time as the SQLite store gives it: ISO 8601 in UTC, to the second."""
    return value.astimezone(dt.UTC).isoformat(timespec="seconds") if value else None


class PostgresStore(RecordViews):
    def __init__(self, url: str) -> None:
        self.name = describe(url)  # the password is never kept nor shown
        try:
            self.db = connect(url)
        except DRIVER_ERRORS as exc:
            raise StoreError(f"cannot open the PostgreSQL store at {self.name}: {message(exc)}") from exc
        try:
            migrate(self.db, self.name)
        except DRIVER_ERRORS as exc:
            self.close()
            raise StoreError(f"cannot migrate the PostgreSQL store at {self.name}: {message(exc)}") from exc
        except BaseException:
            self.close()
            raise
        self.table = RecordTable(self.db)

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    # -- ingest runs -----------------------------------------------------------------------
    @translated
    def begin_run(self, inputs: Iterable[str]) -> int:
        cursor = self.db.execute(
            "INSERT INTO ingest_runs (started_at, inputs) VALUES (%s, %s::jsonb) RETURNING id",
            (_now(), json.dumps(list(inputs), ensure_ascii=False)),
        )
        return int(_scalar(cursor))

    @translated
    def finish_run(self, run_id: int, new: int, duplicate: int, failed: int, complete: bool = True) -> None:
        self.db.execute(
            "UPDATE ingest_runs SET finished_at = %s, new = %s, duplicate = %s, failed = %s WHERE id = %s",
            (_now() if complete else None, new, duplicate, failed, run_id),
        )

    @translated
    def runs(self) -> list[IngestRun]:
        rows = self.db.execute(
            "SELECT id, started_at, finished_at, inputs, new, duplicate, failed FROM ingest_runs ORDER BY id"
        ).fetchall()
        return [
            IngestRun(n, _iso_time(started) or "", _iso_time(finished), tuple(inputs), new, dup, failed)
            for n, started, finished, inputs, new, dup, failed in rows
        ]

    # -- articles --------------------------------------------------------------------------
    @translated
    def add_articles(self, articles: list[Article], run_id: int) -> list[bool]:
        if not articles:
            return []
        # in sha256 order: processes ingesting the same articles at once take their locks in one
        # order, so one waits for the other's commit and then finds them stored (no deadlock)
        order = sorted(range(len(articles)), key=lambda i: articles[i].sha256)
        batch = [articles[i] for i in order]
        with self.db.transaction():
            inserted = {
                r[0]
                for r in self.db.execute(
                    "INSERT INTO articles (id, sha256, title, outlet, published, language, ingested_at, "
                    "run_id, data) "
                    "SELECT i, s, t, o, p::date, l, %s, %s, d::jsonb "
                    "FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], "
                    "%s::text[]) WITH ORDINALITY AS a(i, s, t, o, p, l, d, n) ORDER BY n "
                    "ON CONFLICT DO NOTHING RETURNING sha256",
                    (
                        _now(),
                        run_id,
                        [a.id for a in batch],
                        [a.sha256 for a in batch],
                        [a.title for a in batch],
                        [a.outlet for a in batch],
                        [_iso(a.published) for a in batch],
                        [a.language for a in batch],
                        [json.dumps(to_data(a), ensure_ascii=False) for a in batch],
                    ),
                )
            }
            # every sighting, of a new article or of one stored before (by this run or another)
            self.db.execute(
                "INSERT INTO article_sightings (article_id, origin, run_id) "
                "SELECT a.id, s.origin, %s FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY "
                "AS s(sha256, origin, n) JOIN articles a ON a.sha256 = s.sha256 ORDER BY s.n "
                "ON CONFLICT DO NOTHING",
                (run_id, [a.sha256 for a in batch], [a.origin for a in batch]),
            )
        new = [False] * len(articles)
        for i in order:  # a text given twice in one batch is new the first time only
            if articles[i].sha256 in inserted:
                new[i] = True
                inserted.discard(articles[i].sha256)
        return new

    @translated
    def article(self, id_or_prefix: str) -> Article | None:
        ids = self.article_ids(id_or_prefix, limit=2)
        if len(ids) != 1:
            return None
        data = _scalar(self.db.execute("SELECT data FROM articles WHERE id = %s", (ids[0],)))
        return from_data(Article, data) if data is not None else None

    @translated
    def text_lengths(self, ids: Iterable[str]) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT id, char_length(data ->> 'text') FROM articles WHERE id = ANY(%s::text[])", (list(ids),)
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    @translated
    def published(self, ids: Iterable[str] | None = None) -> dict[str, dt.date | None]:
        if ids is None:
            rows = self.db.execute("SELECT id, published FROM articles").fetchall()
        else:
            query = "SELECT id, published FROM articles WHERE id = ANY(%s::text[])"
            rows = self.db.execute(query, (list(ids),)).fetchall()
        return {r[0]: r[1] for r in rows}

    @translated
    def article_ids(self, prefix: str, limit: int = 10) -> list[str]:
        """Ids starting with ``prefix`` (an exact id first), at most ``limit``."""
        if not prefix:
            return []
        exact = _scalar(self.db.execute("SELECT id FROM articles WHERE id = %s", (prefix,)))
        if exact is not None:
            return [exact]
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id >= %s AND id < %s ORDER BY id LIMIT %s",
            (prefix, prefix + "\U0010ffff", max(int(limit), 0)),
        )
        return [r[0] for r in rows]

    @translated
    def articles(self, where: ArticleFilter = ArticleFilter()) -> Iterator[Article]:
        clauses: list[sql.Composable] = []
        params: list[Any] = []

        def condition(clause: str, *values: Any) -> None:
            if values[-1] is not None and values[-1] != "":
                clauses.append(sql.SQL(clause))
                params.extend(values)

        condition('lower(outlet) = lower(%s::text COLLATE "C")', where.outlet)
        condition("published >= %s", where.since)
        condition("published <= %s", where.until)
        text = _ASCII_CONTAINS.format("(data ->> 'text') COLLATE \"C\"")
        condition(f"({text} OR {_ASCII_CONTAINS.format('title')})", where.contains, where.contains)
        condition("language = %s", where.language)
        query: sql.Composable = sql.SQL("SELECT data FROM articles")
        if clauses:
            query += sql.SQL(" WHERE ") + sql.SQL(" AND ").join(clauses)
        query += sql.SQL(" ORDER BY published IS NULL, published, outlet NULLS FIRST, title, id")
        if where.limit and where.limit > 0:
            query += sql.SQL(" LIMIT {}").format(sql.Literal(int(where.limit)))
        cursor = self.db.execute(query, params)
        while rows := cursor.fetchmany(200):
            for (data,) in rows:
                yield from_data(Article, data)

    @translated
    def count_articles(self) -> int:
        return int(_scalar(self.db.execute("SELECT count(*) FROM articles")))

    @translated
    def article_tally(self, since: dt.date | None = None) -> list[tuple[str | None, dt.date | None, int]]:
        where = " WHERE published >= %s" if since is not None else ""
        rows = self.db.execute(
            f"SELECT outlet, published, count(*) FROM articles{where} GROUP BY 1, 2 ORDER BY 1, 2",
            (since,) if since is not None else (),
        )
        return [(r[0], r[1], int(r[2])) for r in rows]

    @translated
    def revision(self) -> str:
        """The snapshot's bounds and in-progress transactions: the same text, the same data seen."""
        return str(_scalar(self.db.execute("SELECT pg_current_snapshot()::text")))

    @translated
    def sightings(self, article_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT origin FROM article_sightings WHERE article_id = %s ORDER BY run_id, origin",
            (article_id,),
        )
        return [r[0] for r in rows]

    # -- failures --------------------------------------------------------------------------
    @translated
    def add_failures(self, failures: list[Failure], run_id: int) -> None:
        if not failures:
            return
        now = _now()
        with self.db.transaction():
            self.db.cursor().executemany(
                "INSERT INTO ingest_failures (run_id, origin, reason, stage, at) VALUES (%s, %s, %s, %s, %s)",
                [(run_id, f.origin, f.reason, f.stage, now) for f in failures],
            )

    @translated
    def failures(self, run_id: int | None = None) -> list[StoredFailure]:
        query = "SELECT run_id, origin, reason, stage, at FROM ingest_failures"
        params: tuple = ()
        if run_id is not None:
            query += " WHERE run_id = %s"
            params = (run_id,)
        rows = self.db.execute(query + " ORDER BY id", params).fetchall()
        return [StoredFailure(r[0], r[1], r[2], r[3], _iso_time(r[4]) or "") for r in rows]

    # -- analysis --------------------------------------------------------------------------
    @translated
    def unanalysed(self, pipeline: str) -> list[str]:
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses x ON x.article_id = a.id "
            "WHERE x.pipeline IS NULL OR x.pipeline <> %s ORDER BY a.id",
            (pipeline,),
        )
        return [r[0] for r in rows]

    @translated
    def save_analyses(self, results: list[ArticleRecords], pipeline: str) -> None:
        latest = {r.article_id: r for r in results}  # an article given twice: the last analysis wins
        for r in latest.values():
            for name in r.records:
                self.table.type(name)  # indexes are built before the write transaction opens
        ids = sorted(latest)
        with self.db.transaction():
            self.table.replace_articles({a: latest[a].records for a in ids})
            self.db.execute(
                "INSERT INTO analyses (article_id, pipeline, at, error) "
                "SELECT a, %s, %s, e FROM unnest(%s::text[], %s::text[]) AS x(a, e) "
                "ON CONFLICT (article_id) DO UPDATE "
                "SET pipeline = excluded.pipeline, at = excluded.at, error = excluded.error",
                (pipeline, _now(), ids, [latest[a].error for a in ids]),
            )

    @translated
    def analysis_errors(self) -> list[tuple[str, str]]:
        rows = self.db.execute(
            "SELECT article_id, error FROM analyses WHERE error IS NOT NULL ORDER BY article_id"
        )
        return [(r[0], r[1]) for r in rows]

    # -- records ---------------------------------------------------------------------------
    @translated
    def records(
        self, type_name: str, where: RecordQuery = RecordQuery(), *, extracted: bool = False
    ) -> Iterator:
        yield from self.table.select(type_name, where, extracted=extracted)

    @translated
    def count(self, type_name: str, where: RecordQuery = RecordQuery()) -> int:
        return self.table.count(type_name, where)

    @translated
    def count_by(
        self, type_name: str, fields: tuple[str, ...], where: RecordQuery = RecordQuery()
    ) -> dict[tuple, int]:
        return self.table.count_by(type_name, fields, where)

    @translated
    def replace_records(self, type_name: str, records: Iterable[Any]) -> int:
        return self.table.replace_corpus(type_name, records)

    @translated
    def annotate(self, type_name: str, changes: Iterable[tuple[Any, dict[str, Any]]]) -> int:
        return self.table.annotate(type_name, changes)

    # -- user decisions --------------------------------------------------------------------
    @translated
    def overrides(self) -> list[tuple[str, str, str]]:
        rows = self.db.execute("SELECT action, source, target FROM actor_overrides ORDER BY id")
        return [(r[0], r[1], r[2]) for r in rows]

    @translated
    def add_override(self, action: str, source: str, target: str) -> None:
        self.db.execute(
            "INSERT INTO actor_overrides (action, source, target, at) VALUES (%s, %s, %s, %s)",
            (action, source, target, _now()),
        )

    def close(self) -> None:
        try:
            self.db.close()
        except DRIVER_ERRORS:  # closing a connection the server dropped already
            pass


def _scalar(cursor: psycopg.Cursor) -> Any:
    """The first column of the first row, None when there is no row."""
    row = cursor.fetchone()
    return row[0] if row else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
