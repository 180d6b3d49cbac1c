"""Export records: documented, stable dictionaries, each with a ``type``.

Record types and their fields are listed in ``RECORD_FIELDS`` and documented in
``docs/records.md``; a test checks the two agree. Fields are never renamed or removed
without a version bump; new fields are added at the end.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from parley.models import Actor, Article, Event, Span, Statement

RECORD_FIELDS: dict[str, list[str]] = {
    "article": [
        "type",
        "id",
        "title",
        "url",
        "outlet",
        "cites",
        "published",
        "published_from",
        "language",
        "text",
        "sha256",
        "author",
        "origin",
        "format",
    ],
    "actor": ["type", "id", "name", "kind", "side", "roles", "aliases", "evidence"],
    "event": [
        "type",
        "id",
        "event_type",
        "date",
        "precision",
        "participants",
        "place",
        "summary",
        "sources",
        "duration",
        "figures",
        "conflicts",
        "status",
    ],
    "statement": [
        "type",
        "id",
        "article_id",
        "speaker",
        "speaker_actor_id",
        "cue",
        "text",
        "kind",
        "channel",
        "said_on",
        "said_on_from",
        "span",
        "speaker_span",
        "cue_span",
        "extractor",
    ],
}


def article_record(article: Article) -> dict[str, Any]:
    return {
        "type": "article",
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "cites": list(article.cites),
        "published": _iso(article.published),
        "published_from": article.published_from,
        "language": article.language,
        "text": article.text,
        "sha256": article.sha256,
        "author": article.author,
        "origin": article.origin,
        "format": article.format,
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterator[dict[str, Any]], out: IO[str], record_type: str) -> int:
    """CSV holds one record type; list fields are written as JSON arrays."""
    fields = RECORD_FIELDS[record_type]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow({k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in record.items()})
        count += 1
    return count


def actor_record(actor: Actor) -> dict[str, Any]:
    return {
        "type": "actor",
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "side": actor.side,
        "roles": list(actor.roles),
        "aliases": list(actor.aliases),
        "evidence": list(actor.evidence),
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _span(span: Span | None) -> list[int] | None:
    return span.as_list() if span else None


def statement_record(s: Statement) -> dict[str, Any]:
    return {
        "type": "statement",
        "id": s.id,
        "article_id": s.article_id,
        "speaker": s.speaker,
        "speaker_actor_id": s.speaker_actor_id,
        "cue": s.cue,
        "text": s.text,
        "kind": s.kind,
        "channel": s.channel,
        "said_on": _iso(s.said_on),
        "said_on_from": s.said_on_from,
        "span": s.span.as_list(),
        "speaker_span": _span(s.speaker_span),
        "cue_span": _span(s.cue_span),
        "extractor": s.extractor,
    }


def export_records(store, record_type: str = "all") -> Iterator[dict[str, Any]]:
    """Records of one type, or of every type ("all": articles, then actors, then statements)."""
    if record_type in ("all", "article"):
        yield from (article_record(a) for a in store.articles())
    if record_type in ("all", "actor"):
        yield from (actor_record(a) for a in store.actors())
    if record_type in ("all", "statement"):
        yield from (statement_record(s) for s in store.statements())
    if record_type in ("all", "event"):
        yield from (event_record(e) for e in store.events())


def event_record(e: Event) -> dict[str, Any]:
    return {
        "type": "event",
        "id": e.id,
        "event_type": e.type,
        "date": _iso(e.date),
        "precision": e.precision,
        "participants": list(e.participants),
        "place": e.place,
        "summary": e.summary,
        "sources": [
            {
                "article_id": s.article_id,
                "span": s.span.as_list(),
                "outlet": s.outlet,
                "published": _iso(s.published),
                "date": _iso(s.date),
                "place": s.place,
                "duration": s.duration,
            }
            for s in e.sources
        ],
        "duration": e.duration,
        "figures": e.figures,
        "conflicts": e.conflicts,
        "status": e.status,
    }
