"""Export records: documented, stable dictionaries, each with a ``type``.

The record types are the article plus every type in the registry (:mod:`parley.records`),
built-in or from a plugin, each exported by :meth:`RecordType.export`; ``record_fields()`` lists
their fields, and ``docs/records.md`` documents the built-in ones (a test checks the two agree).
Fields are never renamed or removed without a version bump; new fields are added at the end.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from parley import records
from parley.models import Article

ARTICLE_FIELDS = [
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
    "links",
    "date_conflicts",
]


def record_fields() -> dict[str, list[str]]:
    """Every exportable record type and its fields, the article first."""
    return {"article": ARTICLE_FIELDS} | {rt.name: rt.export_fields() for rt in records.all_types()}


def as_record(type_name: str, record: Any) -> dict[str, Any]:
    """One stored record in its export form."""
    return records.get(type_name).export(record)


def export_records(store, record_type: str = "all") -> Iterator[dict[str, Any]]:
    """Records of one type, or of every type ("all": articles first, then each registered type)."""
    if record_type in ("all", "article"):
        yield from (article_record(a) for a in store.articles())
    for rt in records.all_types():
        if record_type in ("all", rt.name):
            yield from (rt.export(r) for r in store.records(rt.name))


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
        "links": [list(link) for link in article.links],
        "date_conflicts": [list(c) for c in article.date_conflicts],
    }


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterator[dict[str, Any]], out: IO[str], record_type: str) -> int:
    """CSV holds one record type; list fields are written as JSON arrays."""
    fields = record_fields()[record_type]
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow({k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in record.items()})
        count += 1
    return count


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
