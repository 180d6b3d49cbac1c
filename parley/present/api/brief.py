"""The brief over HTTP: whole (as ``parley brief --json``) and one endpoint per section, each
made by the same function of :mod:`parley.present.brief` the CLI's brief is built from."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from parley import __version__
from parley.changes import parse_since
from parley.present import brief
from parley.present.api.app import StoreDep

router = APIRouter(prefix="/api", tags=["brief"])


@router.get("/health", summary="The server is up and reads its store")
def health(store: StoreDep) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "articles": store.count_articles()}


SINCE = Query(
    description="what changed since this day (2025-12-01; a time is dropped), by publication date; "
    "default: the newest article's day minus one"
)


def since_day(value: str | None) -> dt.date | None:
    try:
        return parse_since(value)
    except ValueError:
        raise HTTPException(400, f"since: {value!r} is not a day like 2025-12-01") from None


@router.get("/brief", summary="The whole brief, as `parley brief --json`")
def whole(store: StoreDep, since: Annotated[str | None, SINCE] = None) -> dict[str, Any]:
    return brief.build_brief(store, since=since_day(since)).as_dict()


@router.get(
    "/brief/changes", summary="What changed since a day: articles, positions, contested, events, actors"
)
def changes(store: StoreDep, since: Annotated[str | None, SINCE] = None) -> dict[str, Any] | None:
    return brief.changes_section(store, since_day(since))


@router.get("/brief/coverage", summary="Articles in all, per outlet, per day, per outlet and day")
def coverage(store: StoreDep) -> dict[str, Any]:
    section = brief.coverage_section(store)
    return section | {"outlets": dict(section["outlets"]), "days": dict(section["days"])}


@router.get("/brief/counts", summary="Statements (and with a known speaker), actors, events")
def counts(store: StoreDep) -> dict[str, int]:
    return brief.counts_section(store)


@router.get("/brief/speakers", summary="The most quoted actors with their latest statements")
def speakers(store: StoreDep) -> list[dict[str, Any]]:
    return brief.speakers_section(store)


@router.get("/brief/events", summary="The events reported by the most sources")
def events(store: StoreDep) -> list[dict[str, Any]]:
    return brief.events_section(store)


@router.get("/brief/positions", summary="The latest positions, when positions are recorded")
def positions(store: StoreDep) -> list[dict[str, Any]]:
    return brief.positions_section(store)


@router.get("/brief/warnings", summary="The articles with warning signs, the most kinds of signal first")
def warnings(store: StoreDep) -> list[dict[str, Any]]:
    return brief.warnings_section(store)


@router.get("/brief/ingest", summary="The last ingest run and what it could not read")
def ingest(store: StoreDep) -> dict[str, Any]:
    return brief.ingest_section(store)
