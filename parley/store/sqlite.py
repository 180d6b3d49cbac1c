"""SQLite store: WAL journal, schema migrations run once each in a transaction.

Articles are written in batches, one transaction per batch: an interrupted ingest leaves no
half-written article, and running it again stores what is missing (what is there already is
reported as a duplicate, never stored twice).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator

from parley.errors import StoreError
from parley.models import (
    Actor,
    Article,
    Dateline,
    Event,
    EventMention,
    EventSource,
    Failure,
    Mention,
    Span,
    Statement,
)
from parley.store import (
    AnalysisRecords,
    ArticleFilter,
    EventFilter,
    IngestRun,
    StatementFilter,
    StoredFailure,
)


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


# Each migration runs once, in order, in its own transaction; PRAGMA user_version records it.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_articles,
    _v2_analysis,
    _v3_events,
    _v4_analysis_errors,
]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class SQLiteStore:
    def __init__(self, path: str) -> None:
        self.path = path
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            if path != ":memory:":
                self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
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
    def begin_run(self, inputs: Iterable[str]) -> int:
        with self._transaction():
            cursor = self.db.execute(
                "INSERT INTO ingest_runs (started_at, inputs) VALUES (?, ?)",
                (_now(), json.dumps(list(inputs))),
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, new: int, duplicate: int, failed: int, complete: bool = True) -> None:
        with self._transaction():
            self.db.execute(
                "UPDATE ingest_runs SET finished_at=?, new=?, duplicate=?, failed=? WHERE id=?",
                (_now() if complete else None, new, duplicate, failed, run_id),
            )

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
    def add_articles(self, articles: list[Article], run_id: int) -> list[bool]:
        results = []
        now = _now()
        try:
            with self._transaction():
                for article in articles:
                    cursor = self.db.execute(
                        "INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        _article_row(article, now, run_id),
                    )
                    results.append(cursor.rowcount == 1)
                    existing = self.db.execute(
                        "SELECT id FROM articles WHERE sha256=?", (article.sha256,)
                    ).fetchone()
                    self.db.execute(
                        "INSERT OR IGNORE INTO article_sightings VALUES (?,?,?)",
                        (existing["id"], article.origin, run_id),
                    )
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write articles to {self.path}: {exc}") from exc
        return results

    def article(self, id_or_prefix: str) -> Article | None:
        rows = self.db.execute(
            "SELECT * FROM articles WHERE id LIKE ? ORDER BY id LIMIT 2", (id_or_prefix + "%",)
        ).fetchall()
        return _article(rows[0]) if len(rows) == 1 else None

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
        for row in self.db.execute(sql, params):
            yield _article(row)

    def count_articles(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def sightings(self, article_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT origin FROM article_sightings WHERE article_id=? ORDER BY run_id, origin",
            (article_id,),
        )
        return [r["origin"] for r in rows]

    # -- failures --------------------------------------------------------------------------
    def add_failures(self, failures: list[Failure], run_id: int) -> None:
        now = _now()
        with self._transaction():
            self.db.executemany(
                "INSERT INTO ingest_failures (run_id, origin, reason, stage, at) VALUES (?,?,?,?,?)",
                [(run_id, f.origin, f.reason, f.stage, now) for f in failures],
            )

    def failures(self, run_id: int | None = None) -> list[StoredFailure]:
        sql = "SELECT * FROM ingest_failures"
        params: tuple = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        rows = self.db.execute(sql + " ORDER BY id", params).fetchall()
        return [StoredFailure(r["run_id"], r["origin"], r["reason"], r["stage"], r["at"]) for r in rows]

    # -- analysis --------------------------------------------------------------------------
    def unanalysed(self, pipeline: str) -> list[str]:
        """Ids of articles never analysed, or analysed by another pipeline version."""
        rows = self.db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses x ON x.article_id = a.id "
            "WHERE x.pipeline IS NULL OR x.pipeline != ? ORDER BY a.id",
            (pipeline,),
        )
        return [r["id"] for r in rows]

    def save_analyses(self, results: list[AnalysisRecords], pipeline: str) -> None:
        """Replace what is stored for each article by its new analysis, in one transaction."""
        now = _now()
        with self._transaction():
            for r in results:
                for table in ("mentions", "statements", "time_expressions", "event_mentions", "analyses"):
                    self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (r.article_id,))
                self.db.executemany(
                    "INSERT OR REPLACE INTO mentions VALUES (?,?,?,?,?,?,?,?)",
                    [
                        (m.article_id, m.span.start, m.span.end, m.text, m.label, m.actor_id, m.role, m.side)
                        for m in r.mentions
                    ],
                )
                self.db.executemany(
                    "INSERT OR REPLACE INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    [_statement_row(s) for s in r.statements],
                )
                self.db.executemany(
                    "INSERT OR REPLACE INTO time_expressions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        (
                            r.article_id,
                            t.span.start,
                            t.span.end,
                            t.text,
                            t.type,
                            t.value,
                            t.precision,
                            _iso(t.start),
                            _iso(t.end),
                            _iso(t.anchor),
                            t.anchor_from,
                        )
                        for t in r.times
                    ],
                )
                self.db.executemany(
                    "INSERT OR REPLACE INTO event_mentions VALUES (?,?,?,?)",
                    [
                        (e.article_id, e.span.start, e.type, json.dumps(_event_mention_dict(e)))
                        for e in r.events
                    ],
                )
                self.db.execute(
                    "INSERT INTO analyses (article_id, pipeline, at, error) VALUES (?,?,?,?)",
                    (r.article_id, pipeline, now, r.error),
                )

    def analysis_errors(self) -> list[tuple[str, str]]:
        """(article id, reason) of every article whose last analysis failed."""
        rows = self.db.execute("SELECT article_id, error FROM analyses WHERE error IS NOT NULL ORDER BY 1")
        return [(r["article_id"], r["error"]) for r in rows]

    def mentions(self) -> list[Mention]:
        rows = self.db.execute("SELECT * FROM mentions ORDER BY article_id, start")
        return [
            Mention(
                r["article_id"],
                Span(r["start"], r["end"]),
                r["text"],
                r["label"],
                r["actor_id"],
                r["role"],
                r["side"],
            )
            for r in rows
        ]

    def replace_actors(
        self, actors: list[Actor], mentions: list[Mention], statements: dict[str, str | None]
    ) -> None:
        """Store the corpus's actors, the mentions' actor ids and the statements' speakers."""
        with self._transaction():
            self.db.execute("DELETE FROM actors")
            self.db.executemany(
                "INSERT INTO actors VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        a.id,
                        a.name,
                        a.kind,
                        a.side,
                        json.dumps(list(a.roles)),
                        json.dumps(list(a.aliases)),
                        json.dumps(list(a.evidence)),
                    )
                    for a in actors
                ],
            )
            self.db.executemany(
                "UPDATE mentions SET actor_id = ? "
                "WHERE article_id = ? AND start = ? AND end = ? AND label = ?",
                [(m.actor_id, m.article_id, m.span.start, m.span.end, m.label) for m in mentions],
            )
            self.db.executemany(
                "UPDATE statements SET speaker_actor_id = ? WHERE id = ?",
                [(actor_id, statement_id) for statement_id, actor_id in statements.items()],
            )

    def actors(self) -> list[Actor]:
        rows = self.db.execute("SELECT * FROM actors ORDER BY id")
        return [
            Actor(
                r["id"],
                r["name"],
                r["kind"],
                r["side"],
                tuple(json.loads(r["roles"])),
                tuple(json.loads(r["aliases"])),
                tuple(json.loads(r["evidence"])),
            )
            for r in rows
        ]

    def statements(self, where: StatementFilter = StatementFilter()) -> Iterator[Statement]:
        q = _Query("SELECT * FROM statements")
        if where.speaker_actor_ids is not None:
            marks = ",".join("?" * len(where.speaker_actor_ids)) or "NULL"
            words = f"%{(where.speaker or '').lower()}%"
            q.where(
                f"(speaker_actor_id IN ({marks}) OR lower(speaker) LIKE ?)", *where.speaker_actor_ids, words
            )
        q.where("said_on >= ?", _iso(where.since))
        q.where("said_on <= ?", _iso(where.until))
        q.where("instr(lower(text), lower(?)) > 0", where.contains)
        q.where("kind = ?", where.kind)
        q.where("article_id = ?", where.article_id)
        sql, params = q.sql("said_on IS NULL, said_on, article_id, span_start", where.limit)
        for r in self.db.execute(sql, params):
            yield _statement(r)

    def event_mentions(self) -> list[EventMention]:
        rows = self.db.execute("SELECT record FROM event_mentions ORDER BY article_id, start")
        return [_event_mention(json.loads(r["record"])) for r in rows]

    def replace_events(self, events: list[Event]) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM events")
            self.db.executemany(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        e.id,
                        e.type,
                        _iso(e.date),
                        e.precision,
                        json.dumps(list(e.participants)),
                        e.place,
                        e.summary,
                        json.dumps([_source_dict(x) for x in e.sources]),
                        e.duration,
                        json.dumps(e.figures),
                        json.dumps(e.conflicts),
                        e.status,
                    )
                    for e in events
                ],
            )

    def events(self, where: EventFilter = EventFilter()) -> list[Event]:
        q = _Query("SELECT * FROM events")
        q.where("date >= ?", _iso(where.since))
        q.where("date <= ?", _iso(where.until))
        q.where("type = ?", where.type)
        sql, params = q.sql("date IS NULL, date, type, id")
        found = [_event(r) for r in self.db.execute(sql, params)]
        if where.actor_ids is not None:
            wanted = set(where.actor_ids)
            found = [e for e in found if wanted & set(e.participants)]
        return found

    def overrides(self) -> list[tuple[str, str, str]]:
        rows = self.db.execute("SELECT action, source, target FROM actor_overrides ORDER BY id")
        return [(r["action"], r["source"], r["target"]) for r in rows]

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

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _article_row(a: Article, now: str, run_id: int) -> tuple:
    dateline = None
    if a.dateline:
        d = a.dateline
        dateline = json.dumps(
            {"span": d.span.as_list(), "place": d.place, "date_text": d.date_text, "outlet": d.outlet}
        )
    return (
        a.id,
        a.sha256,
        a.title,
        a.text,
        a.origin,
        a.format,
        a.url,
        a.outlet,
        a.outlet_from,
        json.dumps(list(a.cites)),
        _iso(a.published),
        a.published_from,
        a.author,
        a.language,
        dateline,
        json.dumps(list(a.removed)),
        now,
        run_id,
    )


def _article(row: sqlite3.Row) -> Article:
    dateline = None
    if row["dateline"]:
        d = json.loads(row["dateline"])
        dateline = Dateline(Span(*d["span"]), d["place"], d["date_text"], d["outlet"])
    return Article(
        id=row["id"],
        sha256=row["sha256"],
        title=row["title"],
        text=row["text"],
        origin=row["origin"],
        format=row["format"],
        url=row["url"],
        outlet=row["outlet"],
        outlet_from=row["outlet_from"],
        cites=tuple(json.loads(row["cites"])),
        published=_date(row["published"]),
        published_from=row["published_from"],
        author=row["author"],
        language=row["language"],
        dateline=dateline,
        removed=tuple(json.loads(row["removed"])),
    )


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _span_json(span: Span | None) -> str | None:
    return json.dumps(span.as_list()) if span else None


def _span_from(value: str | None) -> Span | None:
    return Span(*json.loads(value)) if value else None


def _statement_row(s: Statement) -> tuple:
    return (
        s.id,
        s.article_id,
        s.speaker,
        s.speaker_actor_id,
        s.cue,
        s.text,
        s.kind,
        s.span.start,
        s.span.end,
        _span_json(s.speaker_span),
        _span_json(s.cue_span),
        s.channel,
        _iso(s.said_on),
        s.said_on_from,
        _span_json(s.speaker_ref),
        s.extractor,
    )


def _statement(r: sqlite3.Row) -> Statement:
    return Statement(
        id=r["id"],
        article_id=r["article_id"],
        speaker=r["speaker"],
        speaker_actor_id=r["speaker_actor_id"],
        cue=r["cue"],
        text=r["text"],
        kind=r["kind"],
        span=Span(r["span_start"], r["span_end"]),
        speaker_span=_span_from(r["speaker_span"]),
        cue_span=_span_from(r["cue_span"]),
        channel=r["channel"],
        said_on=_date(r["said_on"]),
        said_on_from=r["said_on_from"],
        speaker_ref=_span_from(r["speaker_ref"]),
        extractor=r["extractor"],
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _event_mention_dict(e: EventMention) -> dict:
    return {
        "article_id": e.article_id,
        "type": e.type,
        "span": e.span.as_list(),
        "trigger": e.trigger.as_list(),
        "participant_refs": [r.as_list() for r in e.participant_refs],
        "participants": list(e.participants),
        "place": e.place,
        "date": _iso(e.date),
        "date_end": _iso(e.date_end),
        "precision": e.precision,
        "date_text": e.date_text,
        "duration": e.duration,
        "duration_text": e.duration_text,
        "figures": e.figures,
        "status": e.status,
    }


def _event_mention(d: dict) -> EventMention:
    return EventMention(
        article_id=d["article_id"],
        type=d["type"],
        span=Span(*d["span"]),
        trigger=Span(*d["trigger"]),
        participant_refs=tuple(Span(*r) for r in d["participant_refs"]),
        participants=tuple(d["participants"]),
        place=d["place"],
        date=_date(d["date"]),
        date_end=_date(d["date_end"]),
        precision=d["precision"],
        date_text=d["date_text"],
        duration=d["duration"],
        duration_text=d["duration_text"],
        figures=d["figures"],
        status=d["status"],
    )


def _source_dict(x: EventSource) -> dict:
    return {
        "article_id": x.article_id,
        "span": x.span.as_list(),
        "date": _iso(x.date),
        "place": x.place,
        "duration": x.duration,
        "published": _iso(x.published),
        "outlet": x.outlet,
    }


def _event(r: sqlite3.Row) -> Event:
    return Event(
        id=r["id"],
        type=r["type"],
        date=_date(r["date"]),
        precision=r["precision"],
        participants=tuple(json.loads(r["participants"])),
        place=r["place"],
        summary=r["summary"],
        sources=tuple(
            EventSource(
                x["article_id"],
                Span(*x["span"]),
                _date(x["date"]),
                x["place"],
                x["duration"],
                _date(x["published"]),
                x["outlet"],
            )
            for x in json.loads(r["sources"])
        ),
        duration=r["duration"],
        figures=json.loads(r["figures"]),
        conflicts=json.loads(r["conflicts"]),
        status=r["status"],
    )
