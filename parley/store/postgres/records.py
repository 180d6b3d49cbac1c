"""Registered record types in one PostgreSQL table of JSONB, with SQLite's semantics.

A row holds the record as its producer made it (``data``) and the fields corpus steps set later
(``resolved``): a query sees the resolved value where there is one, and the producer's otherwise,
so re-running a corpus step always starts from what was extracted. Fields a record type declares
in ``indexes`` get an expression index, partial on the type, over exactly the expression the
queries use.

What SQLite does, done the same way here so one contract holds for both: a missing field and a
JSON null are both "no value" and sort last; values sort numbers first, then text in code-point
order (``COLLATE "C"``, whatever the database's locale); substring matches ignore ASCII case
only, as SQLite's ``lower()`` does; ``limit`` 0 means no limit.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import psycopg
from psycopg import sql

from parley import records as registry
from parley.codec import from_data, to_data
from parley.errors import ConfigError
from parley.records import RecordType
from parley.store import RecordQuery

RECORD_LOCK = 0x70A61E71  # with hashtext(type): serialises replace_records per type
MAX_NAME = 63  # PostgreSQL's limit on an identifier, in bytes


def _field(name: str) -> sql.Composable:
    """The current value of a field as jsonb: the resolved one where a corpus step set it;
    SQL NULL when the field is missing or null."""
    return sql.SQL(
        "nullif(CASE WHEN resolved ? {n} THEN resolved -> {n} ELSE data -> {n} END, 'null'::jsonb)"
    ).format(n=sql.Literal(name))


def _text(name: str) -> sql.Composable:
    """The field's value as text (a string unquoted), in code-point collation."""
    return sql.SQL("(({} #>> '{{}}') COLLATE \"C\")").format(_field(name))


def _contains(value: sql.Composable) -> sql.Composable:
    """``value`` holds the parameter's words, ignoring ASCII case (SQLite's ``lower``)."""
    return sql.SQL('strpos(lower({}), lower(%s::text COLLATE "C")) > 0').format(value)


def _sort_keys(name: str) -> sql.Composable:
    """SQLite's order for a JSON value: missing or null last, numbers (and booleans) first and
    by value, then the rest as text in code-point order."""
    return sql.SQL(", ").join(_sort_terms(name))


def _sort_terms(name: str) -> list[sql.Composable]:
    v = _field(name)
    return [
        sql.SQL("({} IS NULL)").format(v),
        sql.SQL("(jsonb_typeof({}) NOT IN ('number', 'boolean'))").format(v),
        sql.SQL(
            "(CASE jsonb_typeof({v}) WHEN 'number' THEN ({v})::numeric "
            "WHEN 'boolean' THEN ({v})::boolean::int END)"
        ).format(v=v),
        _text(name),
    ]


def _order_index(rt: RecordType) -> sql.Composable:
    """The columns of a type's order index: exactly the ORDER BY of its lists, so a page is read
    off the index instead of sorting every record of the type."""
    terms = [t for f in rt.order for t in _sort_terms(f)]
    return sql.SQL(", ").join([*terms, sql.SQL("article_id"), sql.SQL("seq")])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _jsonb(value: Any) -> str:
    """A query parameter compared with a field's value: the value as stored, as JSON text."""
    return _json(to_data(value))


def _index_name(rt: RecordType, field: str) -> str:
    name = f"records_{rt.name}_{field}"
    if len(name.encode()) <= MAX_NAME:
        return name
    return f"{name[: MAX_NAME - 9]}_{hashlib.sha1(name.encode()).hexdigest()[:8]}"


_CURSORS = itertools.count()  # names of server-side cursors and staging tables, unique in the process
FETCHED = 500  # rows a read fetches at a time
STAGED = 2000  # corpus records held before they are copied into the temporary table


class RecordTable:
    def __init__(self, db: psycopg.Connection) -> None:
        self.db = db
        self.indexed: set[str] = set()

    def type(self, name: str) -> RecordType:
        """The registered type, its indexes made the first time this process uses it. Call it
        before a write transaction opens: an index is built in a transaction of its own."""
        rt = registry.get(name)
        if rt.name not in self.indexed:
            self._ensure_indexes(rt)
        return rt

    def _ensure_indexes(self, rt: RecordType) -> None:
        wanted: dict[str, sql.Composable] = {
            _index_name(rt, f): sql.SQL("({})").format(_field(f)) for f in rt.indexes
        }
        if rt.order:
            wanted[_index_name(rt, "_order")] = _order_index(rt)
        if wanted:
            existing = {
                r[0]
                for r in self.db.execute(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                    "AND tablename = 'records' AND indexname = ANY(%s::text[])",
                    (list(wanted),),
                )
            }
            if existing != set(wanted):
                with self.db.transaction():  # two processes at once: the second finds them made
                    self.db.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (RECORD_LOCK, rt.name))
                    for index, columns in wanted.items():
                        self.db.execute(
                            sql.SQL("CREATE INDEX IF NOT EXISTS {} ON records ({}) WHERE type = {}").format(
                                sql.Identifier(index), columns, sql.Literal(rt.name)
                            )
                        )
        self.indexed.add(rt.name)

    # -- writing ---------------------------------------------------------------------------
    def replace_articles(self, by_article: Mapping[str, Mapping[str, Sequence[Any]]]) -> None:
        """Replace every record of these articles by the ones given (in the caller's transaction).
        Articles are written in id order, so two processes saving the same ones cannot deadlock."""
        types = {name: self.type(name) for records in by_article.values() for name in records}
        for rt in types.values():
            if rt.scope != "article":
                raise ConfigError(f"{rt.name} records are written by a corpus step, not per article")
        ids = sorted(by_article)
        self.db.execute("DELETE FROM records WHERE article_id = ANY(%s::text[])", (ids,))
        rows: dict[tuple[str, str, str], tuple[int, str]] = {}  # a repeated key: the last one wins
        for article_id in ids:
            for name, records in by_article[article_id].items():
                rt = types[name]
                for n, record in enumerate(records):
                    rows[(rt.name, article_id, rt.key(record))] = (n, _json(to_data(record)))
        if rows:
            columns = list(zip(*((*k, *v) for k, v in sorted(rows.items())), strict=True))
            self.db.execute(
                "INSERT INTO records (type, article_id, key, seq, data) "
                "SELECT t, a, k, s, d::jsonb "
                "FROM unnest(%s::text[], %s::text[], %s::text[], %s::int[], %s::text[]) AS r(t, a, k, s, d) "
                # another process saving the same article meanwhile: its rows give way to these
                "ON CONFLICT (type, article_id, key) DO UPDATE "
                "SET seq = excluded.seq, data = excluded.data, resolved = NULL",
                [list(c) for c in columns],
            )

    def replace_corpus(self, type_name: str, records: Iterable[Any]) -> int:
        """Replace every record of a corpus type, writing only rows whose content changed. The
        type's declared order sorts them; the producer's order only breaks ties (a later record
        with a key is the one kept). The records stream through a temporary table (``COPY``,
        :data:`STAGED` at a time), so neither they nor their JSON are held at once (a type can
        have a record per article), and a producer still reading the stored records of the type
        reads them unchanged."""
        rt = self.type(type_name)
        if rt.scope != "corpus":
            raise ConfigError(f"{type_name} records are written per article, not by a corpus step")
        # staged outside the write's transaction (the producer may take its time, and read types
        # whose indexes are made on first use), in a table of this call's own
        staged = sql.Identifier(f"incoming_{next(_CURSORS)}")
        self.db.execute(sql.SQL("CREATE TEMP TABLE {} (key text, seq int, data text)").format(staged))
        try:
            rows: list[tuple[str, int, str]] = []
            for n, record in enumerate(records):  # the producer may read the store between batches
                rows.append((rt.key(record), n, _json(to_data(record))))
                if len(rows) == STAGED:
                    self._stage(staged, rows)
                    rows = []
            self._stage(staged, rows)
            self.db.execute(sql.SQL("CREATE INDEX ON {} (key)").format(staged))
            with self.db.transaction():
                self.db.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (RECORD_LOCK, rt.name))
                gone = self.db.execute(
                    sql.SQL(
                        "DELETE FROM records r WHERE r.type = %s AND r.article_id = '' "
                        "AND NOT EXISTS (SELECT 1 FROM {} i WHERE i.key = r.key)"
                    ).format(staged),
                    (rt.name,),
                ).rowcount
                # only content counts as a change: a record that merely moved in the order keeps
                # its row
                changed = self.db.execute(
                    sql.SQL(
                        "INSERT INTO records AS r (type, article_id, key, seq, data) "
                        "SELECT %s, '', key, seq, data::jsonb FROM "
                        "(SELECT DISTINCT ON (key) key, seq, data FROM {} ORDER BY key, seq DESC) AS n "
                        "ORDER BY key "
                        "ON CONFLICT (type, article_id, key) DO UPDATE "
                        "SET seq = excluded.seq, data = excluded.data, resolved = NULL "
                        "WHERE r.data IS DISTINCT FROM excluded.data"
                    ).format(staged),
                    (rt.name,),
                ).rowcount
        finally:
            with contextlib.suppress(psycopg.Error):  # a session's temporary tables go with it anyway
                self.db.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(staged))
        return max(gone, 0) + max(changed, 0)

    def _stage(self, table: sql.Identifier, rows: list[tuple[str, int, str]]) -> None:
        """Rows into the temporary table of :meth:`replace_corpus`; the connection is free again
        when it returns (no query may run on it while a ``COPY`` is open)."""
        with (
            self.db.cursor() as cursor,
            cursor.copy(sql.SQL("COPY {} (key, seq, data) FROM STDIN").format(table)) as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def annotate(self, type_name: str, changes: Iterable[tuple[Any, dict[str, Any]]]) -> int:
        """Set fields of stored records; a row is written only where a value changes. Returns
        the number of values changed (a record with two changed fields counts twice)."""
        rt = self.type(type_name)
        by_field: dict[str, dict[tuple[str, str], str]] = {}
        for record, values in changes:
            for name, value in values.items():
                if name not in rt.fields:
                    raise ConfigError(f"{type_name} has no field {name!r}")
                article_id = getattr(record, "article_id", "") if rt.scope == "article" else ""
                by_field.setdefault(name, {})[(article_id, rt.key(record))] = _json(to_data(value))
        changed = 0
        with self.db.transaction():
            for name, new in by_field.items():
                targets = sorted(new)  # rows locked in one order: concurrent writers cannot deadlock
                changed += self.db.execute(
                    "UPDATE records AS r SET resolved = "
                    "coalesce(r.resolved, '{}'::jsonb) || jsonb_build_object(%s::text, c.v::jsonb) "
                    "FROM unnest(%s::text[], %s::text[], %s::text[]) AS c(a, k, v) "
                    "WHERE r.type = %s AND r.article_id = c.a AND r.key = c.k AND (r.resolved IS NULL "
                    "OR NOT r.resolved ? %s OR r.resolved -> %s IS DISTINCT FROM c.v::jsonb)",
                    (
                        name,
                        [a for a, _ in targets],
                        [k for _, k in targets],
                        [new[t] for t in targets],
                        rt.name,
                        name,
                        name,
                    ),
                ).rowcount
        return changed

    # -- reading ---------------------------------------------------------------------------
    def select(self, type_name: str, where: RecordQuery, *, extracted: bool = False) -> Iterator[Any]:
        rt = self.type(type_name)
        clause, params = _where(rt, where)
        order = [_sort_keys(f) for f in rt.order] + [sql.SQL("article_id, seq")]
        query = sql.SQL("SELECT data, {} FROM records WHERE {} ORDER BY {}").format(
            sql.SQL("NULL") if extracted else sql.SQL("resolved"), clause, sql.SQL(", ").join(order)
        )
        if where.limit and where.limit > 0:
            query += sql.SQL(" LIMIT {}").format(sql.Literal(int(where.limit)))
        if where.offset and where.offset > 0:
            query += sql.SQL(" OFFSET {}").format(sql.Literal(int(where.offset)))
        if where.limit and 0 < where.limit <= FETCHED + 1:  # a page (and the API's one more row)
            rows = self.db.execute(query, params).fetchall()
            yield from (_record(rt, data, resolved) for data, resolved in rows)
            return
        # a cursor on the server, held past the statement (the connection is in autocommit): the
        # client fetches FETCHED rows at a time, so a type with a record per article is never
        # all in memory here; other statements may run on the connection between fetches
        cursor = self.db.cursor(name=f"records_{next(_CURSORS)}", withhold=True)
        try:
            cursor.execute(query, params)
            while rows := cursor.fetchmany(FETCHED):
                yield from (_record(rt, data, resolved) for data, resolved in rows)
        finally:
            with contextlib.suppress(psycopg.Error):  # gone with a transaction rolled back
                cursor.close()

    def count(self, type_name: str, where: RecordQuery) -> int:
        rt = self.type(type_name)
        clause, params = _where(rt, where)
        query = sql.SQL("SELECT count(*) FROM records WHERE {}").format(clause)
        row = self.db.execute(query, params).fetchone()
        return int(row[0]) if row else 0

    def count_by(self, type_name: str, fields: tuple[str, ...], where: RecordQuery) -> dict[tuple, int]:
        """Records counted by the current values of ``fields`` (JSON values; None when missing),
        grouped in SQL: no record is decoded."""
        rt = self.type(type_name)
        for name in fields:
            if name not in rt.fields:
                raise ConfigError(f"{type_name} records have no field {name!r}")
        clause, params = _where(rt, where)
        values = [_field(f) for f in fields]
        query = sql.SQL("SELECT {} FROM records WHERE {}").format(
            sql.SQL(", ").join([*values, sql.SQL("count(*)")]), clause
        )
        if fields:
            query += sql.SQL(" GROUP BY {}").format(
                sql.SQL(", ").join(sql.Literal(n + 1) for n in range(len(fields)))
            )
        return {tuple(row[:-1]): int(row[-1]) for row in self.db.execute(query, params) if row[-1]}


def _where(rt: RecordType, q: RecordQuery) -> tuple[sql.Composable, list[Any]]:
    clauses: list[sql.Composable] = [sql.SQL("type = {}").format(sql.Literal(rt.name))]
    params: list[Any] = []
    fields = set(rt.fields)

    def known(name: str | None, what: str) -> str:
        if name is None:
            raise ConfigError(f"{rt.name} records have no {what} to filter on")
        if name not in fields:
            raise ConfigError(f"{rt.name} records have no field {name!r}")
        return name

    for name, values in q.equals:
        value = _field(known(name, "field"))
        present = [v for v in values if v is not None]
        parts: list[sql.Composable] = []
        if present:
            marks: sql.Composable = sql.SQL(", ").join([sql.SQL("%s::jsonb")] * len(present))
            parts.append(sql.SQL("{} IN ({})").format(value, marks))
            params.extend(_jsonb(v) for v in present)
        if len(present) < len(values):
            parts.append(sql.SQL("{} IS NULL").format(value))
        clauses.append(sql.SQL("({})").format(sql.SQL(" OR ").join(parts)) if parts else sql.SQL("FALSE"))
    for name, values in q.holds:
        value = _field(known(name, "field"))
        present = [v for v in values if v is not None]  # as in SQLite, a null element matches nothing
        marks = sql.SQL(", ").join([sql.SQL("%s::jsonb")] * len(present)) if present else sql.SQL("NULL")
        clauses.append(
            sql.SQL(
                "EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof({v}) = 'array' THEN {v} "
                "WHEN {v} IS NULL THEN '[]'::jsonb ELSE jsonb_build_array({v}) END) AS e(value) "
                "WHERE e.value IN ({m}))"
            ).format(v=value, m=marks)
        )
        params.extend(_jsonb(v) for v in present)
    for name, words in q.substrings:
        clauses.append(_contains(_text(known(name, "field"))))
        params.append(words)
    if q.article_ids is not None:
        clauses.append(sql.SQL("article_id = ANY(%s::text[])"))
        params.append(list(q.article_ids))
    if q.key_prefix is not None:
        clauses.append(sql.SQL("key >= %s AND key < %s"))
        params.extend([q.key_prefix, q.key_prefix + "\U0010ffff"])
    if q.since is not None:
        clauses.append(sql.SQL("{} >= %s::text").format(_text(known(rt.date_field, "date"))))
        params.append(q.since.isoformat())
    if q.until is not None:
        clauses.append(sql.SQL("{} <= %s::text").format(_text(known(rt.date_field, "date"))))
        params.append(q.until.isoformat())
    if q.text:
        clauses.append(_contains(_text(known(rt.text_field, "text"))))
        params.append(q.text)
    return sql.SQL(" AND ").join(clauses), params


def _record(rt: RecordType, data: dict[str, Any], resolved: dict[str, Any] | None) -> Any:
    """A stored row as its record: what corpus steps set over what the component extracted."""
    if resolved:
        data.update(resolved)
    return from_data(rt.cls, data)
