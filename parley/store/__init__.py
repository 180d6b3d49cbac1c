"""Storage behind one narrow interface, :class:`Store`. SQLite is the embedded default.

Backends live in their own modules (``sqlite``); every backend passes the same contract tests
(``tests/store/test_contract.py``). ``open_store`` picks a backend from a path or URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from parley.models import Actor, Article, Event, EventMention, Failure, Mention, Statement, TimeExpression


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
class StatementFilter:
    speaker: str | None = None  # words the user typed
    speaker_actor_ids: tuple[str, ...] | None = None  # actors those words resolve to
    since: dt.date | None = None
    until: dt.date | None = None
    contains: str | None = None
    kind: str | None = None
    article_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class AnalysisRecords:
    """Everything the pipeline found in one article, stored together."""

    article_id: str
    mentions: tuple[Mention, ...]
    statements: tuple[Statement, ...]
    times: tuple[TimeExpression, ...]
    events: tuple[EventMention, ...] = ()
    error: str | None = None  # why the analysis failed, if it did (then nothing else is stored)


@dataclass(frozen=True)
class EventFilter:
    actor_ids: tuple[str, ...] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    type: str | None = None


class Store(Protocol):
    def begin_run(self, inputs: Iterable[str]) -> int: ...
    def finish_run(self, run_id: int, new: int, duplicate: int, failed: int, complete: bool = True) -> None:
        """Record a run's counts; ``complete=False`` for an interrupted run (no finish time)."""
        ...

    def add_articles(self, articles: list[Article], run_id: int) -> list[bool]:
        """Store a batch in one transaction; True for each new article, False for a duplicate."""
        ...

    def add_failures(self, failures: list[Failure], run_id: int) -> None: ...
    def article(self, id_or_prefix: str) -> Article | None: ...
    def articles(self, where: ArticleFilter = ArticleFilter()) -> Iterator[Article]: ...
    def count_articles(self) -> int: ...
    def runs(self) -> list[IngestRun]: ...
    def failures(self, run_id: int | None = None) -> list[StoredFailure]: ...
    def unanalysed(self, pipeline: str) -> list[str]: ...
    def save_analyses(self, results: list[AnalysisRecords], pipeline: str) -> None: ...
    def analysis_errors(self) -> list[tuple[str, str]]: ...
    def mentions(self) -> list[Mention]: ...
    def replace_actors(
        self, actors: list[Actor], mentions: list[Mention], statements: dict[str, str | None]
    ) -> None: ...
    def actors(self) -> list[Actor]: ...
    def statements(self, where: StatementFilter = StatementFilter()) -> Iterator[Statement]: ...
    def event_mentions(self) -> list[EventMention]: ...
    def replace_events(self, events: list[Event]) -> None: ...
    def events(self, where: EventFilter = EventFilter()) -> list[Event]: ...
    def overrides(self) -> list[tuple[str, str, str]]: ...
    def add_override(self, action: str, source: str, target: str) -> None: ...
    def close(self) -> None: ...


def open_store(location: str) -> Store:
    """Open the store at a path (SQLite) or a ``sqlite:///path`` URL."""
    from parley.store.sqlite import SQLiteStore

    path = location.removeprefix("sqlite:///") if location.startswith("sqlite:///") else location
    return SQLiteStore(path)


__all__ = [
    "AnalysisRecords",
    "ArticleFilter",
    "EventFilter",
    "IngestRun",
    "StatementFilter",
    "Store",
    "StoredFailure",
    "open_store",
]
