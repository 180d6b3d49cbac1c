"""JSON Lines: one article per line. Bad lines are failures; good lines go on.

The ``published`` field is often a crawler's guess, taken from the page's text: a date the story
tells or a photo shows. Such a date is not passed on (``echoed_date``): the article's date is then
read from the URL and the text, or stays unknown."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from parley.clean.pubdate import echoed_date
from parley.errors import MalformedInput
from parley.ingest.decode import decode_text, one_line
from parley.models import Failure, RawArticle

TEXT_KEYS = ("text", "body", "content")
DATE_KEYS = ("published", "date", "published_at")


def read_jsonl(data: bytes, origin: str) -> Iterator[RawArticle | Failure]:
    text = decode_text(data, origin)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}#L{number}"
        try:
            yield parse_record(line, where)
        except MalformedInput as exc:
            yield Failure(where, exc.reason)


def parse_record(line: str, origin: str) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInput(origin, f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:  # '{"a":[[[[...' nested deeper than the decoder can follow
        raise MalformedInput(origin, "invalid JSON: nested too deeply to read") from exc
    if not isinstance(record, dict):
        raise MalformedInput(origin, f"expected a JSON object, got {type(record).__name__}")
    body = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), "")
    if not body.strip():
        raise MalformedInput(origin, "no article text (expected a 'text' field)")
    title, url = one_line(_str(record.get("title"))), _str(record.get("url"))
    published = _date(next((record[k] for k in DATE_KEYS if record.get(k)), None))
    if published is not None and echoed_date(published, text=body, title=title, url=url):
        published = None
    return RawArticle(
        origin=origin,
        format="jsonl",
        text=body,
        title=title,
        url=url,
        outlet=_str(record.get("outlet") or record.get("source")),
        author=_str(record.get("author")),
        published=published,
        language=_str(record.get("language")),
    )


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
