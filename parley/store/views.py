"""Typed look-ups over the generic ``records`` method, shared by every backend.

A backend implements the narrow :class:`~parley.store.Store` protocol; these views turn the
filters the CLI and API speak (speaker, kind, dates …) into a :class:`RecordQuery`, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from parley.models import Actor, Event, EventMention, Mention, Statement
from parley.store import EventFilter, RecordQuery, StatementFilter


class RecordViews:
    def records(
        self, type_name: str, where: RecordQuery = RecordQuery(), *, extracted: bool = False
    ) -> Iterator:
        raise NotImplementedError

    def statements(self, where: StatementFilter = StatementFilter()) -> Iterator[Statement]:
        return self.records("statement", statement_query(where))

    def events(self, where: EventFilter = EventFilter()) -> list[Event]:
        holds = (("participants", where.actor_ids),) if where.actor_ids is not None else ()
        equals = (("type", (where.type,)),) if where.type else ()
        query = RecordQuery(equals=equals, holds=holds, since=where.since, until=where.until)
        return list(self.records("event", query))

    def actors(self) -> list[Actor]:
        return list(self.records("actor"))

    def mentions(self, *, extracted: bool = False) -> list[Mention]:
        return list(self.records("mention", extracted=extracted))

    def event_mentions(self) -> list[EventMention]:
        return list(self.records("event_mention"))


def statement_query(where: StatementFilter) -> RecordQuery:
    equals: list[tuple[str, tuple[Any, ...]]] = []
    if where.speaker_actor_ids is not None:
        equals.append(("speaker_actor_id", tuple(where.speaker_actor_ids)))
    if where.kind:
        equals.append(("kind", (where.kind,)))
    return RecordQuery(
        equals=tuple(equals),
        substrings=(("speaker", where.speaker_text),) if where.speaker_text else (),
        article_ids=(where.article_id,) if where.article_id else None,
        since=where.since,
        until=where.until,
        text=where.contains,
        limit=where.limit,
    )
