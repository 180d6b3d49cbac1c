"""Dashboard pages over the records the CLI lists: timeline, who said what, articles (and one
article with its spans highlighted), actors. Each page takes the CLI command's filters and calls
what the command calls (``store.events``, ``statement_query``, ``match_actors``, ``find_*``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from itertools import islice
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from parley.errors import QueryError
from parley.lookups import (
    event_independence,
    event_types,
    find_actor,
    find_article,
    match_actors,
    speaker_tally,
)
from parley.models import Actor
from parley.present.api.app import StoreDep
from parley.present.web import charts, query
from parley.present.web.highlight import article_highlights, segments
from parley.present.web.render import POSITION_CLASSES, form_date, registered, render
from parley.store import ArticleFilter, EventFilter, RecordQuery, StatementFilter, Store
from parley.store.views import statement_query

router = APIRouter(include_in_schema=False)
PAGE = 100  # rows a list page shows


def _actors(store: Store, words: str | None) -> tuple[Actor, ...] | None:
    return tuple(match_actors(store.actors(), words)) if words else None


def _pager(request: Request, page: int, more: bool) -> dict[str, str | None]:
    params = dict(request.query_params)
    prev = query(request.url.path, **(params | {"page": page - 1})) if page > 1 else None
    return {"prev": prev, "next": query(request.url.path, **(params | {"page": page + 1})) if more else None}


# -- timeline --------------------------------------------------------------------------------------


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    store: StoreDep,
    type: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    if type and type not in event_types():
        raise QueryError(f"{type!r} is not an event type; choose from {', '.join(event_types())}")
    found_actors = _actors(store, actor)
    where = EventFilter(
        actor_ids=tuple(a.id for a in found_actors) if found_actors else None,
        since=form_date(since),
        until=form_date(until),
        type=type or None,
    )
    events = store.events(where)
    actors = {a.id: a for a in store.actors()}
    marks = [
        charts.Mark(e.date, e.type, f"{e.date} {e.type}: {e.summary}", f"#ev-{e.id}", len(e.sources))
        for e in events
        if e.date is not None and e.precision != "year"  # a year is no day on the axis
    ]
    axis, earlier = charts.time_axis(marks)
    return render(
        "timeline.html",
        request,
        events=events,
        independent=event_independence(store, events),
        actors=actors,
        axis=axis,
        earlier=earlier,
        types=event_types(),
        chosen=found_actors or (),
        form={"type": type or "", "actor": actor or "", "since": since or "", "until": until or ""},
    )


# -- who said what ---------------------------------------------------------------------------------


@router.get("/quotes", response_class=HTMLResponse)
def quotes(
    request: Request,
    store: StoreDep,
    speaker: str | None = None,
    issue: str | None = None,
    since: str | None = None,
    until: str | None = None,
    contains: str | None = None,
    kind: str | None = None,
    page: int = Query(1, ge=1),
) -> HTMLResponse:
    speakers = _actors(store, speaker)
    where = StatementFilter(
        speaker_actor_ids=tuple(a.id for a in speakers) if speakers else None,
        since=form_date(since),
        until=form_date(until),
        contains=contains or None,
        kind=kind if kind in ("direct", "reported") else None,
    )
    found = list(
        store.records(
            "statement", dataclasses.replace(statement_query(where), limit=PAGE + 1, offset=(page - 1) * PAGE)
        )
    )
    stances, issues = [], []
    if registered("stance"):
        holders = "position" if registered("position") else "stance"  # positions: fewer to read
        issues = sorted({p.issue for p in store.records(holders)})
        if issue:
            equals: list[tuple[str, tuple[Any, ...]]] = [("issue", (issue,))]
            if speakers:
                equals.append(("holder", tuple(a.id for a in speakers)))
            stances = list(
                store.records(
                    "stance",
                    RecordQuery(
                        equals=tuple(equals),
                        since=where.since,
                        until=where.until,
                        text=where.contains,
                        limit=PAGE,
                    ),
                )
            )
    return render(
        "quotes.html",
        request,
        statements=found[:PAGE],
        actors={a.id: a for a in store.actors()},
        speakers=speakers or (),
        stances=stances,
        issues=issues,
        stances_known=bool(registered("stance")),
        position_class=POSITION_CLASSES,
        pager=_pager(request, page, len(found) > PAGE),
        form={
            "speaker": speaker or "",
            "issue": issue or "",
            "since": since or "",
            "until": until or "",
            "contains": contains or "",
            "kind": kind or "",
        },
    )


# -- articles --------------------------------------------------------------------------------------


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    store: StoreDep,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    contains: str | None = None,
    page: int = Query(1, ge=1),
) -> HTMLResponse:
    where = ArticleFilter(
        outlet=outlet or None,
        since=form_date(since),
        until=form_date(until),
        contains=contains or None,
        limit=page * PAGE + 1,
    )
    found = list(islice(store.articles(where), (page - 1) * PAGE, None))
    return render(
        "articles.html",
        request,
        articles=found[:PAGE],
        pager=_pager(request, page, len(found) > PAGE),
        form={"outlet": outlet or "", "since": since or "", "until": until or "", "contains": contains or ""},
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, store: StoreDep, article_id: str, hl: str | None = None) -> HTMLResponse:
    found = find_article(store, article_id)
    marks, counts = article_highlights(store, found.id)
    target = _span(hl)
    statements = list(store.statements(StatementFilter(article_id=found.id)))
    errors = dict(store.analysis_errors())
    signals = (
        list(store.records("signal", RecordQuery(equals=(("article_id", (found.id,)),))))
        if registered("signal")
        else []
    )
    return render(
        "article.html",
        request,
        article=found,
        segments=segments(found.text, marks, target),
        kinds=sorted({m.kind for m in marks}),
        counts=counts,
        statements=statements,
        actors={a.id: a for a in store.actors()},
        sightings=store.sightings(found.id),
        analysis_error=errors.get(found.id),
        signals=signals,
        target=target,
    )


def _span(value: str | None) -> tuple[int, int] | None:
    try:
        start, end = (int(x) for x in (value or "").split("-"))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end else None


# -- actors ----------------------------------------------------------------------------------------


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, store: StoreDep, side: str | None = None) -> HTMLResponse:
    counts = speaker_tally(store, latest=0).by_actor
    every = store.actors()
    shown = [a for a in every if not side or a.side == side]
    shown.sort(key=lambda a: (-counts.get(a.id, 0), a.name.lower()))
    return render(
        "actors.html",
        request,
        actors=shown,
        counts=counts,
        sides=sorted({a.side for a in every if a.side}),
        side=side,
    )


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, store: StoreDep, actor_id: str) -> HTMLResponse:
    found = find_actor(store, actor_id)
    statements = list(store.statements(StatementFilter(speaker_actor_ids=(found.id,))))
    statements.sort(key=lambda s: (s.said_on is not None, s.said_on or dt.date.min), reverse=True)
    held = (
        list(store.records("position", RecordQuery(equals=(("holder", (found.id,)),))))
        if registered("position")
        else []
    )
    stances = (
        list(store.records("stance", RecordQuery(equals=(("holder", (found.id,)),))))
        if registered("stance")
        else []
    )
    events = store.events(EventFilter(actor_ids=(found.id,)))
    return render(
        "actor.html",
        request,
        actor=found,
        statements=statements,
        positions=held,
        stances=stances,
        events=events,
        independent=event_independence(store, events),
        position_class=POSITION_CLASSES,
    )
