"""The SQLite side of ``parley doctor``: the engine's own checks and read-only queries.

The file is opened without running migrations (a doctor never writes): ``PRAGMA
integrity_check`` finds damaged pages and indexes, ``PRAGMA foreign_key_check`` rows pointing at
nothing. A file that is not a database, or too damaged to open, is an error of its own.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from parley.doctor import EXAMPLES, Problem
from parley.errors import StoreError
from parley.store.sqlite.schema import MIGRATIONS

MAX_INTEGRITY_ROWS = 100  # integrity_check stops after this many findings


class SQLiteProbe:
    backend = "sqlite"
    url_column = "url"

    def __init__(self, path: str) -> None:
        self.name = path
        self.broken: Problem | None = None
        try:
            self.db = sqlite3.connect(path, timeout=30)
            self.db.execute("PRAGMA query_only = ON")
            self.version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:  # not a database, or its header is damaged
            raise StoreError(f"{path} cannot be read as a SQLite database: {exc}") from exc

    def schema(self) -> tuple[int, int]:
        return self.version, len(MIGRATIONS)

    def engine_problems(self) -> list[Problem]:
        problems = []
        try:
            rows = self.db.execute(f"PRAGMA integrity_check({MAX_INTEGRITY_ROWS})")
            found = [line for r in rows for line in r[0].splitlines() if not line.startswith("***")]
        except sqlite3.DatabaseError as exc:  # too damaged for the check itself to finish
            found = [str(exc)]
        if found != ["ok"]:
            problems.append(
                Problem(
                    "integrity",
                    "error",
                    len(found),
                    "SQLite's integrity check found damaged pages or indexes",
                    "copy what can be read into a new file (`sqlite3 STORE .recover | sqlite3 NEW`), "
                    "or restore a backup",
                    tuple(found[:EXAMPLES]),
                )
            )
        try:
            dangling = self.db.execute("PRAGMA foreign_key_check").fetchall()
        except sqlite3.DatabaseError:  # a damaged table: the integrity finding says so
            dangling = []
        if dangling:
            tables = sorted({f"{r[0]} -> {r[2]}" for r in dangling})
            problems.append(
                Problem(
                    "foreign_keys",
                    "error",
                    len(dangling),
                    "rows that refer to a row that does not exist (foreign key check)",
                    "the rows were written with foreign keys off; delete them or ingest their articles again",
                    tuple(tables[:EXAMPLES]),
                )
            )
        return problems

    def scalar(self, sql: str) -> int:
        with self._reading("the store"):
            return int(self.db.execute(sql).fetchone()[0])

    def rows(self, sql: str) -> list[tuple]:
        with self._reading("the store"):
            return [tuple(r) for r in self.db.execute(sql)]

    def articles(self) -> Iterator[tuple[str, str, str]]:
        with self._reading("the articles"):
            cursor = self.db.execute("SELECT id, sha256, text FROM articles ORDER BY id")
            while batch := cursor.fetchmany(500):
                yield from batch

    def records(self) -> Iterator[tuple[str, str, str, Any, Any]]:
        with self._reading("the records"):
            cursor = self.db.execute("SELECT type, article_id, key, data, resolved FROM records")
            while batch := cursor.fetchmany(1000):
                for type_name, article_id, key, data, resolved in batch:
                    yield type_name, article_id, key, _json(data), _json(resolved) if resolved else None

    @contextlib.contextmanager
    def _reading(self, what: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.name}: cannot read {what}: {exc}") from exc

    def close(self) -> None:
        self.db.close()


def _json(text: str) -> Any:
    """Parsed JSON; text that is not JSON is returned as is, so decoding it fails as a finding."""
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text
