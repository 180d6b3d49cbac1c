"""Export records: documented, stable dictionaries, each with a ``type``.

The record types are the article plus every type in the registry (:mod:`parley.records`),
built-in or from a plugin, each exported by :meth:`RecordType.export`; ``record_fields()`` lists
their fields, and ``docs/records.md`` documents the built-in ones (a test checks the two agree).
Fields are never renamed or removed without a version bump; new fields are added at the end.
Writers: JSON Lines (any types), CSV and Parquet (one type each; Parquet needs pyarrow).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from parley import records
from parley.models import Article, Span

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


def write_parquet(records: Iterable[dict[str, Any]], out: IO[bytes], record_type: str) -> int:
    """Parquet holds one record type, a column per field (docs/records.md), typed from the
    record's dataclass so every export of a type has the same schema: text, numbers and booleans
    keep their type, days are dates, a span is a list of two integers, a tuple of plain values
    (cited outlets, aliases) a list; anything nested deeper (sources, history, conflicts,
    links) is its JSON text, as in CSV."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = record_fields()[record_type]
    types = _arrow_types(record_type, fields)
    rows = list(records)
    columns = {}
    for name in fields:
        values = [r.get(name) for r in rows]
        kind = types.get(name)
        if kind is None:  # nested: JSON text
            columns[name] = pa.array(
                [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
            )
        elif pa.types.is_date32(kind):
            columns[name] = pa.array([None if v is None else dt.date.fromisoformat(v) for v in values], kind)
        else:
            columns[name] = pa.array(values, kind)
    schema = pa.schema([(name, types.get(name) or pa.string()) for name in fields])
    pq.write_table(pa.table(columns, schema=schema), out)
    return len(rows)


def _arrow_types(record_type: str, fields: list[str]) -> dict[str, Any]:
    """Each exported field's Arrow type, from the dataclass's type hints (None: JSON text)."""
    import typing

    import pyarrow as pa

    if record_type == "article":
        cls: type = Article
        names = {f: f for f in fields}
    else:
        rt = records.get(record_type)
        cls = rt.cls
        columns = rt.export_fields()[1:] if rt.exporter is None else []  # after "type", in field order
        names = dict(zip(columns, rt.fields, strict=False))
    hints = typing.get_type_hints(cls)
    types: dict[str, Any] = {"type": pa.string()}
    for exported in fields:
        hint = hints.get(names.get(exported, exported))
        if hint is not None:
            types[exported] = _arrow_type(hint)
    return types


def _arrow_type(hint: Any) -> Any:
    import types as pytypes
    import typing

    import pyarrow as pa

    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, pytypes.UnionType):
        rest = [a for a in args if a is not type(None)]
        return _arrow_type(rest[0]) if len(rest) == 1 else None
    if origin is typing.Literal:
        return pa.string()
    if hint is Span:
        return pa.list_(pa.int64())
    if hint in scalars:
        return scalars[hint]
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] in scalars:
        return pa.list_(scalars[args[0]])
    return None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
