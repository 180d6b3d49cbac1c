"""Dashboard pages over the brief and the corpus-level records: overview, positions (the matrix
and each cell's evidence), plan versions, contested, stories and copies.

Record types that another package registers (``position``, ``document``, ``claim``, ``story`` …)
are looked up in the registry and read with ``store.records``; a page whose records are not
registered, or not produced yet, says so instead of showing an empty table.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from jinja2 import UndefinedError

from parley import records
from parley.dossier_scope import in_dossier
from parley.lookups import unique_id
from parley.present.api.app import StoreDep
from parley.present.brief import TOP_OUTLETS, build_brief
from parley.present.web import charts
from parley.present.web.render import POSITION_CLASSES, error_page, form_date, registered, render
from parley.store import RecordQuery, Store

router = APIRouter(include_in_schema=False)
CONTESTED_TYPES = ("claim", "contested")  # record types the contested page lists, when registered
STORY_TYPES = ("story", "copy")  # and the stories page
SHOWN = 100  # stories, copies and events a page lists at most
TOP_CONTESTED = 6  # contested items the overview names
STORY_ARTICLES = 12  # articles shown under each story

# -- overview --------------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep, since: str | None = None) -> HTMLResponse:
    b = build_brief(store, since=form_date(since))
    outlets = b.outlets[:TOP_OUTLETS]
    rest = b.outlets[TOP_OUTLETS:]
    if rest:
        outlets = [*outlets, (f"{len(rest)} more outlets", sum(n for _, n in rest))]
    undated = dict(b.days).get("unknown", 0)
    contested = list(store.records("contested")) if registered("contested") else []
    inside = in_dossier(store, contested)  # those touching neither its parties nor its issues: /contested
    return render(
        "overview.html",
        request,
        contested=[c for c in contested if inside[c.id]][-TOP_CONTESTED:][::-1],  # the latest first
        contested_known=bool(registered("contested")),
        brief=b,
        since_form=since or "",
        day_chart=charts.day_chart(b.days, width=560),
        outlet_chart=charts.bar_chart(outlets, width=560),
        undated=undated,
        positions_known=bool(registered("position")),
        position_class=POSITION_CLASSES,
    )


# -- positions -------------------------------------------------------------------------------------


@router.get("/positions", response_class=HTMLResponse)
def positions(
    request: Request, store: StoreDep, side: str | None = None, issue: str | None = None
) -> HTMLResponse:
    if not registered("position"):
        return render(
            "positions.html", request, known=False, groups=[], issues=[], sides=[], side=side, issue=issue
        )
    equals = tuple((k, (v,)) for k, v in (("side", side), ("issue", issue)) if v)
    found = list(store.records("position", RecordQuery(equals=equals)))
    every = found if not equals else list(store.records("position"))
    issues = sorted({p.issue for p in found})
    cells = {(p.holder, p.issue): p for p in found}
    rows: dict[str, dict[str, tuple[str, str, str]]] = {}  # group -> holder -> (kind, name, holder)
    for p in found:
        group = "documents" if p.holder_kind == "document" else (p.side or "no side")
        rows.setdefault(group, {})[p.holder] = (p.holder_kind, p.holder_name, p.holder)
    order = {"side": 0, "actor": 1, "document": 2}
    groups = [
        (group, sorted(rows[group].values(), key=lambda r: (order.get(r[0], 3), r[1].lower())))
        for group in sorted(rows, key=lambda g: (g == "documents", g == "no side", g))
    ]
    return render(
        "positions.html",
        request,
        known=True,
        groups=groups,
        issues=issues,
        cells=cells,
        sides=sorted({p.side for p in every if p.side}),
        all_issues=sorted({p.issue for p in every}),
        side=side,
        issue=issue,
        position_class=POSITION_CLASSES,
    )


@router.get("/positions/{position_id}", response_class=HTMLResponse)
def position(request: Request, store: StoreDep, position_id: str) -> HTMLResponse:
    if not registered("position"):
        return error_page(request, 404, "no positions are recorded: the positions step is not installed")
    key = position_id.strip().lower()
    rt = records.get("position")
    found = {rt.key(p): p for p in store.records("position", RecordQuery(key_prefix=key, limit=100))}
    p = found[unique_id("position", position_id, found)]
    return render("position.html", request, p=p, position_class=POSITION_CLASSES)


# -- plan versions ---------------------------------------------------------------------------------


@router.get("/plans", response_class=HTMLResponse)
def plans(request: Request, store: StoreDep) -> HTMLResponse:
    if not registered("document"):
        return render("plans.html", request, known=False, documents=[], issues=[], table={}, changes={})
    documents = list(store.records("document"))
    issues = sorted(
        {p.issue for d in documents for p in d.provisions} | {c.issue for d in documents for c in d.changes}
    )
    table = {(d.id, p.issue): p for d in documents for p in d.provisions}
    changes = {(d.id, c.issue): c for d in documents for c in d.changes}
    return render(
        "plans.html", request, known=True, documents=documents, issues=issues, table=table, changes=changes
    )


# -- contested, stories ----------------------------------------------------------------------------


@router.get("/contested", response_class=HTMLResponse)
def contested(
    request: Request,
    store: StoreDep,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> HTMLResponse:
    known = registered(*CONTESTED_TYPES)
    form = {"kind": kind or "", "since": since or "", "until": until or ""}
    context: dict[str, Any] = {"known": known, "form": form, "actors": {a.id: a for a in store.actors()}}
    if "contested" in known:  # the contested step's records: each item with its sides
        every = list(store.records("contested"))
        context["kinds"] = sorted({c.kind for c in every})
        where = RecordQuery(
            equals=(("kind", (kind,)),) if kind else (),
            since=form_date(since),
            until=form_date(until),
            limit=SHOWN,
        )
        context["items"] = list(store.records("contested", where))
        context["total"] = len(every)
    if "claim" in known:
        context["claims"] = list(store.records("claim", RecordQuery(limit=SHOWN)))
    if "contested" not in known:  # meanwhile: what the other records show to be disputed
        context["disputed"] = [e for e in store.events() if e.conflicts]
        context["denials"] = (
            list(store.records("stance", RecordQuery(equals=(("position", ("denies",)),), limit=SHOWN)))
            if registered("stance")
            else []
        )
        context["stances_known"] = bool(registered("stance"))
        context["altered"] = (  # rewrites that changed a fact (a number, a month, a name, a negation)
            list(store.records("copy", RecordQuery(equals=(("status", ("altered",)),), limit=SHOWN)))
            if registered("copy")
            else []
        )
    try:
        return render("contested.html", request, **context)
    except (AttributeError, TypeError, UndefinedError):  # records of another shape: listed as they are
        generic = [
            (name, [records.get(name).export(r) for r in store.records(name, RecordQuery(limit=SHOWN))])
            for name in known
        ]
        return render("contested.html", request, known=known, form=form, generic=generic, actors={})


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, store: StoreDep) -> HTMLResponse:
    kinds = registered(*STORY_TYPES)
    try:
        return render("stories.html", request, kinds=kinds, wanted=STORY_TYPES, **_sources(store, kinds))
    except (AttributeError, TypeError, UndefinedError):  # records of another shape: listed as they are
        listed = [
            (name, [records.get(name).export(r) for r in store.records(name, RecordQuery(limit=500))])
            for name in kinds
        ]
        return render("stories.html", request, kinds=kinds, wanted=STORY_TYPES, generic=listed)


def _sources(store: Store, kinds: list[str]) -> dict[str, Any]:
    """Stories (largest first), copies and the events whose sources are not all independent,
    with the title, outlet and day of every article they name (from the fingerprints)."""
    found = (
        sorted(store.records("story"), key=lambda s: (-s.size, s.first or dt.date.min))
        if "story" in kinds
        else []
    )
    copies = list(store.records("copy", RecordQuery(limit=SHOWN))) if "copy" in kinds else []
    dependent = []
    if registered("independence"):
        dependent = [i for i in store.records("independence") if i.independent < i.sources][:SHOWN]
    shown = found[:SHOWN]
    ids = {a for story in shown for a in story.articles[:STORY_ARTICLES]}
    ids |= {c.article_id for c in copies} | {c.of_id for c in copies}
    about = {}
    if ids and registered("fingerprint"):
        query = RecordQuery(equals=(("article_id", tuple(sorted(ids))),))
        about = {f.article_id: f for f in store.records("fingerprint", query)}
    events = {e.id: e for e in store.events()} if dependent else {}
    return {
        "stories": shown,
        "story_count": len(found),
        "copies": copies,
        "dependent": dependent,
        "about": about,
        "events": events,
        "per_story": STORY_ARTICLES,
    }
