"""``parley doctor``: check a store's integrity and say, in plain words, what is wrong.

:func:`diagnose` opens the store *without* migrating it (a doctor never writes) and runs every
check; each finding is a :class:`Problem` with a count, a few examples and a suggested fix. An
``error`` means the store holds something broken or half-written; a ``warning`` is a state worth
knowing (an interrupted ingest, articles analysed by an older pipeline) that the next run of the
usual command puts right. A store is healthy when it has no errors.

The checks, in order:

- the database engine's own checks (SQLite ``PRAGMA integrity_check`` and ``foreign_key_check``;
  PostgreSQL's invalid indexes), from the backend's ``doctor`` module;
- the schema version against the one this Parley expects;
- each article's text against its content hash, and content hashes or URLs stored twice;
- records, analysis marks and sightings whose article is gone;
- records of an article that is not marked analysed (a half-written analysis), analysed
  articles with no records, articles analysed by another pipeline version;
- every stored record decoded into its registered record type;
- ingest runs that never finished.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any, Literal, Protocol

from parley.errors import ConfigError, StoreError

Severity = Literal["error", "warning"]
EXAMPLES = 5  # examples kept per problem
_RESTORE = "restore the store from a backup, or ingest the same inputs into a new store"


@dataclass(frozen=True)
class Problem:
    check: str  # a short name: "integrity", "orphan_records" ...
    severity: Severity
    count: int
    what: str  # what is wrong, in plain words
    fix: str  # what to do about it
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Diagnosis:
    store: str  # path, or URL without its password
    backend: str  # "sqlite" | "postgresql"
    schema_version: int
    expected_schema: int
    articles: int = 0
    analysed: int = 0
    records: int = 0
    checks: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def healthy(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def as_dict(self) -> dict[str, Any]:
        return {"healthy": self.healthy, **asdict(self)}


class Probe(Protocol):
    """What a backend's doctor module gives the shared checks: read-only queries."""

    name: str
    backend: str
    url_column: str  # the SQL expression of an article's URL

    def schema(self) -> tuple[int, int]:
        """(version found, version this Parley expects)."""
        ...

    def engine_problems(self) -> list[Problem]: ...
    def scalar(self, sql: str) -> int: ...
    def rows(self, sql: str) -> list[tuple]: ...
    def articles(self) -> Iterator[tuple[str, str, str]]:
        """(id, sha256, text) of every article."""
        ...

    def records(self) -> Iterator[tuple[str, str, str, Any, Any]]:
        """(type, article_id, key, data, resolved) of every record, data already parsed JSON."""
        ...

    def close(self) -> None: ...


def open_probe(location: str) -> Probe:
    """The backend's read-only probe for a path or URL (the same forms ``--db`` takes)."""
    if location.startswith(("postgresql://", "postgres://")):
        from parley.store.postgres.doctor import PostgresProbe

        return PostgresProbe(location)
    from parley.store.sqlite.doctor import SQLiteProbe

    path = location.removeprefix("sqlite:///")
    if path != ":memory:" and not os.path.isfile(path):
        raise StoreError(f"no store at {path}: nothing to check")
    return SQLiteProbe(path)


def diagnose(location: str, *, components: str | None = None) -> Diagnosis:
    """Check the store at ``location``. ``components`` is the component part of the current
    pipeline version (``mentions@1+…``); by default the registered components' versions."""
    probe = open_probe(location)
    try:
        return _diagnose(probe, components)
    finally:
        probe.close()


def _diagnose(probe: Probe, components: str | None) -> Diagnosis:
    found, expected = probe.schema()
    base = Diagnosis(probe.name, probe.backend, found, expected)
    problems = list(probe.engine_problems())
    checks = ["engine", "schema"]
    if found != expected:
        problems.append(_schema_problem(found, expected))
        if found < expected:  # older tables: the other checks would misread them
            return Diagnosis(**{**asdict(base), "checks": tuple(checks), "problems": tuple(problems)})
    steps: list[tuple[str, Callable[[Probe], list[Problem]]]] = [
        ("content_hash", _content_hashes),
        ("duplicates", _duplicates),
        ("orphans", _orphans),
        ("analyses", _analyses),
        ("stale", lambda p: _stale(p, components)),
        ("decode", _decode),
        ("runs", _runs),
    ]
    for name, step in steps:
        try:
            problems.extend(step(probe))
        except StoreError as exc:  # a damaged table: say so and go on with the other checks
            problems.append(
                Problem(name, "error", 1, f"the {name} check could not read the store: {exc}", _RESTORE)
            )
        checks.append(name)
    return Diagnosis(
        probe.name,
        probe.backend,
        found,
        expected,
        articles=_count(probe, "articles"),
        analysed=_count(probe, "analyses"),
        records=_count(probe, "records"),
        checks=tuple(checks),
        problems=tuple(problems),
    )


def _count(probe: Probe, table: str) -> int:
    """Rows in a table; -1 when the table cannot be read (a problem says why)."""
    try:
        return probe.scalar(f"SELECT count(*) FROM {table}")
    except StoreError:
        return -1


def _schema_problem(found: int, expected: int) -> Problem:
    if found > expected:
        return Problem(
            "schema",
            "error",
            1,
            f"the store's schema is version {found}, newer than this Parley knows ({expected})",
            "upgrade Parley before using this store",
        )
    return Problem(
        "schema",
        "warning",
        1,
        f"the store's schema is version {found}; this Parley uses {expected} (other checks skipped)",
        "any Parley command that opens the store (e.g. `parley articles`) migrates it; then run doctor again",
    )


def _content_hashes(probe: Probe) -> list[Problem]:
    from parley.clean import content_hash

    bad = [id_ for id_, sha, text in probe.articles() if content_hash(text) != sha or sha[:16] != id_]
    if not bad:
        return []
    return [
        Problem(
            "content_hash",
            "error",
            len(bad),
            "articles whose text no longer matches their content hash (changed or half-written)",
            _RESTORE,
            tuple(bad[:EXAMPLES]),
        )
    ]


def _duplicates(probe: Probe) -> list[Problem]:
    problems = []
    same_hash = probe.rows("SELECT sha256, count(*) FROM articles GROUP BY sha256 HAVING count(*) > 1")
    if same_hash:
        problems.append(
            Problem(
                "duplicate_articles",
                "error",
                sum(n - 1 for _, n in same_hash),
                "articles stored more than once with the same text (same content hash)",
                "the unique index on the content hash is damaged: rebuild it (SQLite: REINDEX) "
                "after removing the extra copies",
                tuple(sha[:16] for sha, _ in same_hash[:EXAMPLES]),
            )
        )
    url = probe.url_column
    same_url = probe.rows(
        f"SELECT {url}, count(*) FROM articles WHERE {url} IS NOT NULL GROUP BY {url} HAVING count(*) > 1"
    )
    if same_url:
        problems.append(
            Problem(
                "duplicate_urls",
                "warning",
                sum(n - 1 for _, n in same_url),
                "articles sharing a URL with another article but with different text "
                "(usually an updated version of a page)",
                "nothing to repair; the story grouping treats them as versions of one report",
                tuple(url for url, _ in same_url[:EXAMPLES]),
            )
        )
    return problems


# (check, table and column holding an article id, what the rows are)
_ORPHANS = (
    ("orphan_records", "records", "article_id", "records whose article is gone"),
    ("orphan_analyses", "analyses", "article_id", "analysis marks whose article is gone"),
    ("orphan_sightings", "article_sightings", "article_id", "sightings whose article is gone"),
)


def _orphans(probe: Probe) -> list[Problem]:
    problems = []
    for check, table, column, what in _ORPHANS:
        gone = f"{column} <> '' AND {column} NOT IN (SELECT id FROM articles)"
        rows = probe.rows(f"SELECT {column}, count(*) FROM {table} WHERE {gone} GROUP BY {column} ORDER BY 1")
        if rows:
            fix = f"delete them (DELETE FROM {table} WHERE {gone}), or ingest those articles again"
            ids = tuple(r[0] for r in rows[:EXAMPLES])
            problems.append(
                Problem(check, "error", sum(r[1] for r in rows), f"{what} ({len(rows)} articles)", fix, ids)
            )
    return problems


def _analyses(probe: Probe) -> list[Problem]:
    problems = []
    unmarked = [
        r[0]
        for r in probe.rows(
            "SELECT DISTINCT r.article_id FROM records r WHERE r.article_id <> '' "
            "AND EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id) "
            "AND NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article_id = r.article_id)"
        )
    ]
    if unmarked:
        problems.append(
            Problem(
                "unmarked_records",
                "error",
                len(unmarked),
                "articles with records but not marked analysed (an analysis written in half)",
                "run `parley analyse`: it analyses these articles again and replaces their records",
                tuple(unmarked[:EXAMPLES]),
            )
        )
    empty = [
        r[0]
        for r in probe.rows(
            "SELECT x.article_id FROM analyses x WHERE x.error IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM records r WHERE r.article_id = x.article_id) ORDER BY 1"
        )
    ]
    if empty:
        problems.append(
            Problem(
                "analysed_without_records",
                "warning",
                len(empty),
                "articles marked analysed with no records at all (fine for a very short article; "
                "otherwise its records were lost)",
                "`parley analyse --force` analyses every article again",
                tuple(empty[:EXAMPLES]),
            )
        )
    return problems


def current_components() -> str:
    """The component part of the pipeline version ``parley analyse`` would use now."""
    from parley.pipeline import COMPONENTS, default_components

    return "+".join(f"{n}@{COMPONENTS[n].version}" for n in default_components())


def _stale(probe: Probe, components: str | None) -> list[Problem]:
    try:
        wanted = components if components is not None else current_components()
    except ConfigError:  # a plugin that fails to load: the other checks still run
        return []
    rows = probe.rows("SELECT pipeline, count(*) FROM analyses GROUP BY pipeline ORDER BY 2 DESC")
    old = [(p, n) for p, n in rows if p.partition("+")[2] != wanted]
    if not old:
        return []
    return [
        Problem(
            "stale_analyses",
            "warning",
            sum(n for _, n in old),
            "articles analysed by another version of the pipeline's components",
            "run `parley analyse`: it redoes exactly these articles",
            tuple(f"{n} by {p}" for p, n in old[:EXAMPLES]),
        )
    ]


def _decode(probe: Probe) -> list[Problem]:
    from parley import records as registry
    from parley.codec import from_data

    registry.load_builtins()
    failed: list[str] = []
    unknown: dict[str, int] = {}
    for type_name, article_id, key, data, resolved in probe.records():
        rt = registry.RECORD_TYPES.get(type_name)
        if rt is None:
            unknown[type_name] = unknown.get(type_name, 0) + 1
            continue
        try:
            from_data(rt.cls, data)
            if resolved:
                from_data(rt.cls, {**data, **resolved})
        except Exception as exc:  # noqa: BLE001 - any failure to rebuild the record is the finding
            failed.append(f"{type_name} {article_id or '(corpus)'}/{key}: {type(exc).__name__}: {exc}")
    problems = []
    if failed:
        problems.append(
            Problem(
                "undecodable_records",
                "error",
                len(failed),
                "records that cannot be read back as their record type (damaged or written by "
                "an incompatible version)",
                "`parley analyse --force` writes every article's records again",
                tuple(failed[:EXAMPLES]),
            )
        )
    if unknown:
        problems.append(
            Problem(
                "unknown_record_types",
                "warning",
                sum(unknown.values()),
                "records of types no installed component registers (a plugin that was removed?)",
                "install the plugin again, or ignore them: nothing reads them",
                tuple(f"{n} {t}" for t, n in sorted(unknown.items())[:EXAMPLES]),
            )
        )
    return problems


def _runs(probe: Probe) -> list[Problem]:
    ids = [str(r[0]) for r in probe.rows("SELECT id FROM ingest_runs WHERE finished_at IS NULL ORDER BY id")]
    if not ids:
        return []
    return [
        Problem(
            "unfinished_runs",
            "warning",
            len(ids),
            "ingest runs that never finished (interrupted); every batch they stored is complete",
            "run the same `parley ingest` again: it stores what is missing and nothing twice",
            tuple(f"run {i}" for i in ids[:EXAMPLES]),
        )
    ]


__all__ = ["Diagnosis", "Problem", "Probe", "current_components", "diagnose", "open_probe"]
