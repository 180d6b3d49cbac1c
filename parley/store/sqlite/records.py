"""Registered record types in one SQLite table, queried through ``json_extract``.

A row holds the record as its producer made it (``data``) and the fields corpus steps set later
(``resolved``): a query sees the resolved value where there is one, and the producer's otherwise,
so re-running a corpus step always starts from what was extracted and never compounds its own
earlier output. Fields a record type declares in ``indexes`` get a partial expression index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from parley import records as registry
from parley.codec import from_data, to_data
from parley.errors import ConfigError
from parley.records import RecordType
from parley.store import RecordQuery


def _field(name: str) -> str:
    """The current value of a field: the resolved one where a corpus step set it."""
    return (
        f"(CASE WHEN json_type(resolved, '$.{name}') IS NULL "
        f"THEN json_extract(data, '$.{name}') ELSE json_extract(resolved, '$.{name}') END)"
    )


class RecordTable:
    def __init__(self, db: sqlite3.Connection, transaction: Callable[[], Any]) -> None:
        self.db = db
        self.transaction = transaction
        self.indexed: set[str] = set()

    def _type(self, name: str) -> RecordType:
        rt = registry.get(name)
        if rt.name not in self.indexed:
            self._ensure_indexes(rt)
        return rt

    def _ensure_indexes(self, rt: RecordType) -> None:
        existing = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        wanted = {f"records_{rt.name}_{f}": f for f in rt.indexes}
        missing = {n: f for n, f in wanted.items() if n not in existing}
        if missing:
            with self.transaction():
                for index, f in missing.items():
                    self.db.execute(
                        f'CREATE INDEX IF NOT EXISTS "{index}" ON records({_field(f)}) '
                        f"WHERE type = '{rt.name}'"
                    )
        self.indexed.add(rt.name)

    # -- writing ---------------------------------------------------------------------------
    def delete_article(self, article_id: str) -> None:
        self.db.execute("DELETE FROM records WHERE article_id = ?", (article_id,))

    def insert_article_records(self, type_name: str, article_id: str, records: Iterable[Any]) -> None:
        rt = self._type(type_name)
        if rt.scope != "article":
            raise ConfigError(f"{type_name} records are written by a corpus step, not per article")
        self.db.executemany(
            "INSERT OR REPLACE INTO records (type, article_id, key, seq, data) VALUES (?,?,?,?,?)",
            [(rt.name, article_id, rt.key(r), n, _json(to_data(r))) for n, r in enumerate(records)],
        )

    def replace_corpus(self, type_name: str, records: Iterable[Any]) -> int:
        """Replace every record of a corpus type, writing only rows whose content changed. The
        type's declared order sorts them; the producer's order only breaks ties."""
        rt = self._type(type_name)
        if rt.scope != "corpus":
            raise ConfigError(f"{type_name} records are written per article, not by a corpus step")
        old = {
            r["key"]: r["data"]
            for r in self.db.execute("SELECT key, data FROM records WHERE type = ?", (rt.name,))
        }
        new = {rt.key(record): (n, _json(to_data(record))) for n, record in enumerate(records)}
        # only content counts as a change: a record that merely moved in the order keeps its row
        changed = [(rt.name, "", k, n, d) for k, (n, d) in new.items() if old.get(k) != d]
        gone = [(rt.name, k) for k in old.keys() - new.keys()]
        with self.transaction():
            self.db.executemany("DELETE FROM records WHERE type = ? AND article_id = '' AND key = ?", gone)
            self.db.executemany(
                "INSERT OR REPLACE INTO records (type, article_id, key, seq, data) VALUES (?,?,?,?,?)",
                changed,
            )
        return len(changed) + len(gone)

    def annotate(self, type_name: str, changes: Iterable[tuple[Any, dict[str, Any]]]) -> int:
        """Set scalar fields of article-scope records; a row is written only if a value changes."""
        rt = self._type(type_name)
        by_field: dict[str, list[tuple]] = {}
        for record, values in changes:
            for name, value in values.items():
                if name not in rt.fields:
                    raise ConfigError(f"{type_name} has no field {name!r}")
                by_field.setdefault(name, []).append(
                    (_json(to_data(value)), record.article_id, rt.key(record))
                )
        changed = 0
        with self.transaction():
            for name, rows in by_field.items():
                before = self.db.total_changes
                self.db.executemany(
                    "UPDATE records SET resolved = "
                    f"json_set(coalesce(resolved, '{{}}'), '$.{name}', json(?1)) "
                    f"WHERE type = '{rt.name}' AND article_id = ?2 AND key = ?3 "
                    f"AND (json_type(resolved, '$.{name}') IS NULL "
                    f"OR json_quote(json_extract(resolved, '$.{name}')) IS NOT json(?1))",
                    rows,
                )
                changed += self.db.total_changes - before
        return changed

    # -- reading ---------------------------------------------------------------------------
    def select(self, type_name: str, where: RecordQuery, *, extracted: bool = False) -> Iterator[Any]:
        rt = self._type(type_name)
        clause, params = _where(rt, where)
        order = "".join(f"{_field(f)} IS NULL, {_field(f)}, " for f in rt.order)
        sql = f"SELECT data, resolved FROM records WHERE {clause} ORDER BY {order}article_id, seq"
        if where.limit or where.offset:
            sql += f" LIMIT {int(where.limit or -1)} OFFSET {int(where.offset)}"
        cursor = self.db.execute(sql, params)
        while rows := cursor.fetchmany(500):
            for data, resolved in rows:
                values = json.loads(data)
                if resolved and not extracted:
                    values.update(json.loads(resolved))
                yield from_data(rt.cls, values)

    def count(self, type_name: str, where: RecordQuery) -> int:
        rt = self._type(type_name)
        clause, params = _where(rt, where)
        return self.db.execute(f"SELECT count(*) FROM records WHERE {clause}", params).fetchone()[0]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _where(rt: RecordType, q: RecordQuery) -> tuple[str, list[Any]]:
    clauses = [f"type = '{rt.name}'"]
    params: list[Any] = []
    fields = set(rt.fields)

    def known(name: str | None, what: str) -> str:
        if name is None:
            raise ConfigError(f"{rt.name} records have no {what} to filter on")
        if name not in fields:
            raise ConfigError(f"{rt.name} records have no field {name!r}")
        return name

    for name, values in q.equals:
        known(name, "field")
        present = [v for v in values if v is not None]
        parts = []
        if present:
            parts.append(f"{_field(name)} IN ({','.join('?' * len(present))})")
            params.extend(present)
        if len(present) < len(values):
            parts.append(f"{_field(name)} IS NULL")
        clauses.append("(" + " OR ".join(parts) + ")" if parts else "0")
    for name, values in q.holds:
        known(name, "field")
        marks = ",".join("?" * len(values)) or "NULL"
        source = f"CASE WHEN json_type(resolved, '$.{name}') IS NULL THEN data ELSE resolved END"
        clauses.append(f"EXISTS (SELECT 1 FROM json_each({source}, '$.{name}') WHERE value IN ({marks}))")
        params.extend(values)
    for name, words in q.substrings:
        clauses.append(f"instr(lower({_field(known(name, 'field'))}), lower(?)) > 0")
        params.append(words)
    if q.article_ids is not None:
        clauses.append(f"article_id IN ({','.join('?' * len(q.article_ids)) or 'NULL'})")
        params.extend(q.article_ids)
    if q.key_prefix is not None:
        clauses.append("key >= ? AND key < ?")
        params.extend([q.key_prefix, q.key_prefix + "\U0010ffff"])
    if q.since is not None:
        clauses.append(f"{_field(known(rt.date_field, 'date'))} >= ?")
        params.append(q.since.isoformat())
    if q.until is not None:
        clauses.append(f"{_field(known(rt.date_field, 'date'))} <= ?")
        params.append(q.until.isoformat())
    if q.text:
        clauses.append(f"instr(lower({_field(known(rt.text_field, 'text'))}), lower(?)) > 0")
        params.append(q.text)
    return " AND ".join(clauses), params
