"""Export records: documented, stable dictionaries, each with a ``type``.

Record types and their fields are listed in ``RECORD_FIELDS`` and documented in
``docs/records.md``; a test checks the two agree. Fields are never renamed or removed
without a version bump; new fields are added at the end.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from parley.models import Article

RECORD_FIELDS: dict[str, list[str]] = {
    "article": [
        "type", "id", "title", "url", "outlet", "cites", "published", "published_from",
        "language", "text", "sha256", "author", "origin", "format",
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
        "published": article.published.isoformat() if article.published else None,
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
