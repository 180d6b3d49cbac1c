"""The PostgreSQL side of ``parley doctor``: read-only queries and the server's own checks.

The connection runs in a read-only transaction mode and never migrates. PostgreSQL enforces
foreign keys and writes each transaction whole, so the engine check looks for what a crash or an
interrupted ``CREATE INDEX`` can leave behind: indexes marked invalid or not ready.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from parley.doctor import EXAMPLES, Problem
from parley.errors import StoreError
from parley.store.postgres.connection import DRIVER_ERRORS, connect, describe, message
from parley.store.postgres.schema import MIGRATIONS, schema_version


class PostgresProbe:
    backend = "postgresql"
    url_column = "data ->> 'url'"

    def __init__(self, url: str) -> None:
        self.name = describe(url)
        try:
            self.db = connect(url)
            self.db.execute("SET default_transaction_read_only = on")
            self.version = schema_version(self.db)
        except DRIVER_ERRORS as exc:
            raise StoreError(f"cannot open the PostgreSQL store at {self.name}: {message(exc)}") from exc

    def schema(self) -> tuple[int, int]:
        return self.version, len(MIGRATIONS)

    def engine_problems(self) -> list[Problem]:
        invalid = self.rows(
            "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE (NOT i.indisvalid OR NOT i.indisready) AND n.nspname = current_schema() ORDER BY 1"
        )
        if not invalid:
            return []
        return [
            Problem(
                "integrity",
                "error",
                len(invalid),
                "indexes PostgreSQL marks invalid (an index build was interrupted)",
                "REINDEX INDEX each of them (or drop it: Parley creates it again when needed)",
                tuple(r[0] for r in invalid[:EXAMPLES]),
            )
        ]

    def scalar(self, sql: str) -> int:
        rows = self.rows(sql)
        return int(rows[0][0]) if rows else 0

    def rows(self, sql: str) -> list[tuple]:
        with self._reading("the store"):
            return [tuple(r) for r in self.db.execute(sql.encode())]

    def articles(self) -> Iterator[tuple[str, str, str]]:
        with self._reading("the articles"), self.db.transaction():
            cursor = self.db.cursor(name="doctor_articles")
            cursor.execute("SELECT id, sha256, data ->> 'text' FROM articles ORDER BY id")
            while batch := cursor.fetchmany(500):
                yield from batch

    def records(self) -> Iterator[tuple[str, str, str, Any, Any]]:
        with self._reading("the records"), self.db.transaction():
            cursor = self.db.cursor(name="doctor_records")
            cursor.execute("SELECT type, article_id, key, data, resolved FROM records")
            while batch := cursor.fetchmany(1000):
                yield from batch

    @contextlib.contextmanager
    def _reading(self, what: str) -> Iterator[None]:
        try:
            yield
        except DRIVER_ERRORS as exc:
            raise StoreError(f"{self.name}: cannot read {what}: {message(exc)}") from exc

    def close(self) -> None:
        with contextlib.suppress(*DRIVER_ERRORS):
            self.db.close()
