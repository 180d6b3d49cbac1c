"""Storage behind one narrow interface, :class:`Store`. SQLite is the embedded default.

The protocol has three parts: ingest (runs, articles, failures), analysis bookkeeping, and
*records* — any registered record type (:mod:`parley.records`), stored, queried and replaced
generically, so a new output needs no schema or store change. The typed look-ups the jobs and
presenters use (``statements``, ``events``, ``actors`` …) are written once over ``records`` in
:class:`parley.store.views.RecordViews`, which every backend inherits.

Every database error leaves a backend as a :class:`~parley.errors.StoreError`. Backends live in
their own packages (``sqlite``, ``postgres``); all pass the contract tests in
``tests/store/test_contract.py``. ``open_store`` picks a backend from a path or URL: a
``postgresql://`` URL opens PostgreSQL, anything else SQLite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from parley.models import Actor, Article, Event, EventMention, Failure, Mention, Statement


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    contains: str | None = None
    language: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class IngestRun:
    id: int
    started_at: str
    finished_at: str | None
    inputs: tuple[str, ...]
    new: int
    duplicate: int
    failed: int


@dataclass(frozen=True)
class StoredFailure:
    run_id: int
    origin: str
    reason: str
    stage: str
    at: str


@dataclass(frozen=True)
class RecordQuery:
    """Which records of one type to read. Every condition given must hold.

    ``equals``: the field has one of the values (None matches a missing value);
    ``holds``: a list field holds one of the values; ``substrings``: the field contains the words,
    case-insensitively; ``since``/``until`` and ``text`` apply to the type's declared date and
    text fields.
    """

    equals: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    holds: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    substrings: tuple[tuple[str, str], ...] = ()
    article_ids: tuple[str, ...] | None = None
    key_prefix: str | None = None  # the record's key (a statement's, event's or actor's id) starts so
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class ArticleRecords:
    """Everything the pipeline found in one article, by record type, stored together."""

    article_id: str
    records: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    error: str | None = None  # why the analysis failed or was skipped (then nothing else is stored)


@dataclass(frozen=True)
class StatementFilter:
    speaker_actor_ids: tuple[str, ...] | None = None  # resolved speakers (actor ids) to match
    speaker_text: str | None = None  # words of the speaker as written in the article
    since: dt.date | None = None
    until: dt.date | None = None
    contains: str | None = None
    kind: str | None = None
    article_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class EventFilter:
    actor_ids: tuple[str, ...] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None


class Store(Protocol):
    # -- ingest ------------------------------------------------------------------------------
    def begin_run(self, inputs: Iterable[str]) -> int: ...
    def finish_run(self, run_id: int, new: int, duplicate: int, failed: int, complete: bool = True) -> None:
        """Record a run's counts; ``complete=False`` for an interrupted run (no finish time)."""
        ...

    def add_articles(self, articles: list[Article], run_id: int) -> list[bool]:
        """Store a batch in one transaction; True for each new article, False for a duplicate."""
        ...

    def add_failures(self, failures: list[Failure], run_id: int) -> None: ...
    def runs(self) -> list[IngestRun]: ...
    def failures(self, run_id: int | None = None) -> list[StoredFailure]: ...

    # -- articles ----------------------------------------------------------------------------
    def article(self, id_or_prefix: str) -> Article | None:
        """The article whose id is or starts with this; None when none or several match."""
        ...

    def article_ids(self, prefix: str, limit: int = 10) -> list[str]: ...
    def text_lengths(self, ids: Iterable[str]) -> dict[str, int]:
        """Characters of each article's text, without reading the text out."""
        ...

    def published(self, ids: Iterable[str] | None = None) -> dict[str, dt.date | None]:
        """Each article's publication date (None: unknown) by id, of the ids given (those not
        stored are left out) or of every article, reading only the ids and dates."""
        ...

    def articles(self, where: ArticleFilter = ArticleFilter()) -> Iterator[Article]: ...
    def count_articles(self) -> int: ...
    def article_tally(self, since: dt.date | None = None) -> list[tuple[str | None, dt.date | None, int]]:
        """Articles counted by outlet and publication day (None: unknown), counted in the
        database; with ``since``, only those published on or after that day."""
        ...

    def sightings(self, article_id: str) -> list[str]: ...

    # -- analysis ----------------------------------------------------------------------------
    def unanalysed(self, pipeline: str) -> list[str]:
        """Ids of articles never analysed, or analysed by another pipeline version."""
        ...

    def save_analyses(self, results: list[ArticleRecords], pipeline: str) -> None:
        """Replace every article-scope record of each article by its new ones, in one transaction."""
        ...

    def analysis_errors(self) -> list[tuple[str, str]]: ...

    # -- records -----------------------------------------------------------------------------
    def records(
        self, type_name: str, where: RecordQuery = RecordQuery(), *, extracted: bool = False
    ) -> Iterator:
        """Records of one type in the type's order. ``extracted=True`` gives article-scope records
        as their component produced them, before any corpus step annotated them."""
        ...

    def count(self, type_name: str, where: RecordQuery = RecordQuery()) -> int: ...
    def count_by(
        self, type_name: str, fields: tuple[str, ...], where: RecordQuery = RecordQuery()
    ) -> dict[tuple, int]:
        """Records of one type counted by the current values of ``fields``, grouped in the
        database: ``{(value, ...): count}``, values as JSON gives them (a date as its ISO text,
        None for a missing value); groups of no record are left out."""
        ...

    def replace_records(self, type_name: str, records: Iterable[Any]) -> int:
        """Replace every record of a corpus-scope type; returns how many changed."""
        ...

    def annotate(self, type_name: str, changes: Iterable[tuple[Any, dict[str, Any]]]) -> int:
        """Set fields of stored article-scope records (a resolved speaker, an actor id), keeping
        what the component extracted; returns how many records changed."""
        ...

    # -- typed views: written once over ``records`` in RecordViews, which backends inherit ------
    def statements(self, where: StatementFilter = StatementFilter()) -> Iterator[Statement]: ...
    def events(self, where: EventFilter = EventFilter()) -> list[Event]: ...
    def actors(self) -> list[Actor]: ...
    def mentions(self, *, extracted: bool = False) -> list[Mention]: ...
    def event_mentions(self) -> list[EventMention]: ...

    # -- user decisions ----------------------------------------------------------------------
    def overrides(self) -> list[tuple[str, str, str]]: ...
    def add_override(self, action: str, source: str, target: str) -> None: ...
    def revision(self) -> str:
        """A token that differs whenever what this store reads may have changed (a commit by
        anyone): a cache of what was read is good while the token is the same. A backend may be
        conservative (a new token with nothing changed), never the other way."""
        ...

    def close(self) -> None: ...


def open_store(location: str) -> Store:
    """Open the store at a ``postgresql://`` (or ``postgres://``) URL (PostgreSQL), or at a path
    or ``sqlite:///path`` URL (SQLite)."""
    if location.startswith(("postgresql://", "postgres://")):
        try:
            from parley.store.postgres import PostgresStore
        except ImportError as exc:  # psycopg missing or its libpq unusable
            from parley.errors import StoreError

            raise StoreError(f"PostgreSQL needs psycopg (pip install 'psycopg[binary]'): {exc}") from exc
        return PostgresStore(location)

    from parley.store.sqlite import SQLiteStore

    path = location.removeprefix("sqlite:///") if location.startswith("sqlite:///") else location
    return SQLiteStore(path)


__all__ = [
    "ArticleFilter",
    "ArticleRecords",
    "EventFilter",
    "IngestRun",
    "RecordQuery",
    "StatementFilter",
    "Store",
    "StoredFailure",
    "open_store",
]
