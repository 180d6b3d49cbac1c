"""Read endpoints: ``/api/records/article`` and ``/api/records/<type>`` for every registered type.

The routes are made from the registry (:func:`parley.records.all_types`) when the application is
built, so a record type a plugin or a new package registers gets its list endpoint (and, if it
has an ``id``, its look-up endpoint) with no change here. Each list takes the filters the CLI
gives the same records:

- every type: ``limit`` (1-500, default 50) and ``cursor`` (opaque: the ``next_cursor`` of the
  page before, valid only with the same filters);
- by what the type declares: ``since``/``until`` (its date field), ``contains`` (its text
  field), ``article`` (an id or unique prefix, article-scope types), and one ``equals`` filter per
  indexed field, named after the field (``speaker_actor_id``, ``kind``, ``side``, ``issue`` …);
- the CLI's own conveniences: a statement's ``speaker`` (a resolved actor by name, alias or id,
  as ``parley quotes --speaker``) and ``speaker_text``; an event's ``actor`` (as ``parley
  timeline --actor``) and ``type`` (checked against the event types).

Items are the export records of :mod:`parley.present.export` (``docs/records.md``); an article in
a list has no ``text`` (as ``parley articles --json``), the look-up gives it whole. Pages come from
the store's own order with ``RecordQuery.limit``/``offset`` underneath the cursor.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import inspect
import json
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import BaseModel

from parley import records
from parley.lookups import (
    event_independence,
    event_types,
    find_actor,
    find_article,
    find_event,
    find_statement,
    match_actors,
    unique_id,
)
from parley.present.api.app import StoreDep
from parley.present.export import ARTICLE_FIELDS, article_record
from parley.records import RecordType
from parley.store import ArticleFilter, RecordQuery, Store

PAGE = 50
MAX_PAGE = 500
RESERVED = {"limit", "cursor", "since", "until", "contains", "article"}
FINDERS: dict[str, Callable[[Store, str], Any]] = {
    "statement": find_statement,
    "event": find_event,
    "actor": find_actor,
}


class Page(BaseModel):
    """One page of records in their export form."""

    type: str
    items: list[dict[str, Any]]
    limit: int
    next_cursor: str | None = None


@dataclass(frozen=True)
class Filter:
    name: str
    annotation: Any
    description: str


# -- cursors ---------------------------------------------------------------------------------------


def fingerprint(type_name: str, filters: dict[str, Any]) -> str:
    given = sorted((k, str(v)) for k, v in filters.items() if v is not None)
    return hashlib.sha256(json.dumps([type_name, given]).encode()).hexdigest()[:12]


def encode_cursor(offset: int, print_: str) -> str:
    raw = json.dumps({"o": offset, "f": print_}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, print_: str) -> int:
    """The offset a cursor stands for; 400 when it is not one of ours or its filters changed."""
    if not cursor:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = int(data["o"])
        same = data["f"] == print_
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise HTTPException(400, "not a cursor this server gave") from exc
    if not same or offset < 0:
        raise HTTPException(400, "this cursor belongs to a list with other filters")
    return offset


def page_of(type_name: str, found: Iterator[dict[str, Any]], limit: int, offset: int, print_: str) -> Page:
    """``found`` holds at most ``limit + 1`` items: one more means there is a next page."""
    items = list(islice(found, limit + 1))
    more = len(items) > limit
    cursor = encode_cursor(offset + limit, print_) if more else None
    return Page(type=type_name, items=items[:limit], limit=limit, next_cursor=cursor)


# -- filters ---------------------------------------------------------------------------------------


def filters_of(rt: RecordType) -> list[Filter]:
    """The list filters of a record type, from what it declares."""
    out = []
    if rt.date_field:
        out += [
            Filter("since", dt.date | None, f"{rt.date_field} on or after this day"),
            Filter("until", dt.date | None, f"{rt.date_field} on or before this day"),
        ]
    if rt.text_field:
        out.append(Filter("contains", str | None, f"{rt.text_field} contains these words (any case)"))
    if rt.scope == "article":
        out.append(Filter("article", str | None, "only records of this article (id or unique prefix)"))
    hints = typing.get_type_hints(rt.cls)
    for name in rt.indexes:
        if name not in RESERVED:
            out.append(Filter(name, _scalar(hints.get(name)) | None, f"{name} is this value"))
    out += EXTRAS.get(rt.name, [])
    return out


def _scalar(hint: Any) -> Any:
    args = typing.get_args(hint) or (hint,)
    for kind in (bool, int, float):
        if kind in args:
            return kind
    return str


EXTRAS: dict[str, list[Filter]] = {
    "statement": [
        Filter("speaker", str | None, "resolved speaker: an actor's name, any alias or id"),
        Filter("speaker_text", str | None, "words used for the speaker in the article (any part)"),
    ],
    "event": [Filter("actor", str | None, "a participant: an actor's name, alias or id")],
}


def record_query(
    store: Store, rt: RecordType, values: dict[str, Any], limit: int, offset: int
) -> RecordQuery:
    """The filters of a request as a :class:`RecordQuery` (the same the CLI's views build)."""
    equals: list[tuple[str, tuple[Any, ...]]] = []
    holds: list[tuple[str, tuple[Any, ...]]] = []
    substrings: list[tuple[str, str]] = []
    for name in rt.indexes:
        if values.get(name) is not None and name not in RESERVED:
            equals.append((name, (values[name],)))
    if rt.name == "event" and values.get("type") is not None and values["type"] not in event_types():
        choices = ", ".join(event_types())
        raise HTTPException(400, f"{values['type']!r} is not an event type; choose from {choices}")
    if values.get("speaker"):
        speakers = match_actors(store.actors(), values["speaker"])
        equals.append(("speaker_actor_id", tuple(a.id for a in speakers)))
    if values.get("speaker_text"):
        substrings.append(("speaker", values["speaker_text"]))
    if values.get("actor"):
        participants = match_actors(store.actors(), values["actor"])
        holds.append(("participants", tuple(a.id for a in participants)))
    article = values.get("article")
    return RecordQuery(
        equals=tuple(equals),
        holds=tuple(holds),
        substrings=tuple(substrings),
        article_ids=(find_article(store, article).id,) if article else None,
        since=values.get("since"),
        until=values.get("until"),
        text=values.get("contains"),
        limit=limit + 1,
        offset=offset,
    )


def _parameters(filters: list[Filter]) -> list[inspect.Parameter]:
    kw = inspect.Parameter.KEYWORD_ONLY
    return [
        inspect.Parameter(f.name, kw, default=Query(None, description=f.description), annotation=f.annotation)
        for f in filters
    ]


PAGING = [
    inspect.Parameter(
        "limit",
        inspect.Parameter.KEYWORD_ONLY,
        default=Query(PAGE, ge=1, le=MAX_PAGE, description="items on a page"),
        annotation=int,
    ),
    inspect.Parameter(
        "cursor",
        inspect.Parameter.KEYWORD_ONLY,
        default=Query(None, description="next_cursor of the page before"),
        annotation=str | None,
    ),
]
STORE = inspect.Parameter("store", inspect.Parameter.KEYWORD_ONLY, annotation=StoreDep)


# -- endpoints -------------------------------------------------------------------------------------


def list_endpoint(rt: RecordType) -> Callable[..., Page]:
    filters = filters_of(rt)

    def endpoint(store: Store, limit: int, cursor: str | None, **values: Any) -> Page:
        print_ = fingerprint(rt.name, values)
        offset = decode_cursor(cursor, print_)
        found = store.records(rt.name, record_query(store, rt, values, limit, offset))
        return page_of(rt.name, exported(store, rt, list(found)), limit, offset, print_)

    endpoint.__signature__ = inspect.Signature([STORE, *PAGING, *_parameters(filters)])  # type: ignore[attr-defined]
    endpoint.__name__ = f"list_{rt.name}"
    return endpoint


def one_endpoint(rt: RecordType) -> Callable[..., dict[str, Any]]:
    def endpoint(record_id: Annotated[str, Path(description="id or unique prefix")], store: StoreDep):
        finder = FINDERS.get(rt.name)
        if finder is not None:
            return next(exported(store, rt, [finder(store, record_id)]))
        key = record_id.strip().lower()
        found = {rt.key(r): r for r in store.records(rt.name, RecordQuery(key_prefix=key, limit=100))}
        return next(exported(store, rt, [found[unique_id(rt.name, record_id, found)]]))

    endpoint.__name__ = f"get_{rt.name}"
    return endpoint


def exported(store: Store, rt: RecordType, found: list[Any]) -> Iterator[dict[str, Any]]:
    """Records in their export form; an event with ``independent``, how many of its sources are
    independent (None until the ``independence`` step has counted them)."""
    independent = event_independence(store, found) if rt.name == "event" else {}
    for r in found:
        item = rt.export(r)
        yield item | {"independent": independent.get(r.id)} if rt.name == "event" else item


def list_articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="items on a page")] = PAGE,
    cursor: Annotated[str | None, Query(description="next_cursor of the page before")] = None,
    outlet: Annotated[str | None, Query(description="only articles from this outlet")] = None,
    since: Annotated[dt.date | None, Query(description="published on or after this day")] = None,
    until: Annotated[dt.date | None, Query(description="published on or before this day")] = None,
    contains: Annotated[str | None, Query(description="title or text contains these words")] = None,
    language: Annotated[str | None, Query(description="language code (en, de …)")] = None,
) -> Page:
    filters = {"outlet": outlet, "since": since, "until": until, "contains": contains, "language": language}
    print_ = fingerprint("article", filters)
    offset = decode_cursor(cursor, print_)
    found = store.articles(ArticleFilter(**filters, limit=offset + limit + 1))  # type: ignore[arg-type]
    items = ({k: v for k, v in article_record(a).items() if k != "text"} for a in islice(found, offset, None))
    return page_of("article", items, limit, offset, print_)


def get_article(
    article_id: Annotated[str, Path(description="id or unique prefix")], store: StoreDep
) -> dict[str, Any]:
    """One article whole, with its text and where else it was seen."""
    article = find_article(store, article_id)
    return article_record(article) | {"sightings": store.sightings(article.id)}


def record_types() -> list[dict[str, Any]]:
    """The record types this server lists, with their fields, filters and endpoints."""
    out: list[dict[str, Any]] = [
        {
            "type": "article",
            "scope": "article",
            "fields": list(ARTICLE_FIELDS),
            "filters": ["outlet", "since", "until", "contains", "language"],
            "list": "/api/records/article",
            "one": "/api/records/article/{id}",
            "description": "a news article as read and cleaned",
        }
    ]
    for rt in records.all_types():
        out.append(
            {
                "type": rt.name,
                "scope": rt.scope,
                "fields": rt.export_fields(),
                "filters": [f.name for f in filters_of(rt)],
                "list": f"/api/records/{rt.name}",
                "one": f"/api/records/{rt.name}/{{id}}" if "id" in rt.fields else None,
                "description": rt.description,
            }
        )
    return out


def router() -> APIRouter:
    """The read routes, one pair per record type registered now."""
    api = APIRouter(prefix="/api/records", tags=["records"])
    api.add_api_route("", record_types, methods=["GET"], summary="Record types and their endpoints")
    api.add_api_route("/article", list_articles, methods=["GET"], response_model=Page, summary="Articles")
    api.add_api_route("/article/{article_id}", get_article, methods=["GET"], summary="One article whole")
    for rt in records.all_types():
        summary = rt.description[:1].upper() + rt.description[1:] if rt.description else rt.name
        api.add_api_route(
            f"/{rt.name}",
            list_endpoint(rt),
            methods=["GET"],
            response_model=Page,
            summary=f"{rt.name}: {summary}",
        )
        if "id" in rt.fields:
            api.add_api_route(
                f"/{rt.name}/{{record_id}}", one_endpoint(rt), methods=["GET"], summary=f"One {rt.name} by id"
            )
    return api
