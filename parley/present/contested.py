"""What is contested: ``parley contested`` and the brief's "what is contested" section.

Both print the ``contested`` records (:mod:`parley.reconcile.contested`) the same way: a line
naming what is contested, then one line a side — what it says, who says it, where (outlet, day,
article id and span) and how many articles (and how many of them independent) say the same.
Neither says which side is right. The brief lists only the items that touch the dossier's
parties or issues (:mod:`parley.dossier_scope`); ``parley contested`` lists every item and marks
the others "outside the dossier".
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from parley import records
from parley.dossier_scope import in_dossier
from parley.lookups import find_contested
from parley.present.options import day, json_option, listing_options, out, store_options, wrap
from parley.store import RecordQuery, Store
from parley.wording import clip_words

KINDS = ("denial", "attribution", "unverified", "quantity", "event-detail", "role")
BRIEF_ITEMS = 8  # how many contested items the brief lists
BRIEF_ORDER = ("denial", "attribution", "unverified", "role", "quantity", "event-detail")


def contested_items(
    store: Store,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> list[Any]:
    """The stored ``contested`` records, oldest first (none when the type is not registered)."""
    if "contested" not in {rt.name for rt in records.all_types()}:
        return []
    where = RecordQuery(
        equals=(("kind", (kind,)),) if kind else (),
        since=since,
        until=until,
        limit=limit,
    )
    return list(store.records("contested", where))


def item_lines(c: Any, width: int = 80, inside: bool = True) -> list[str]:
    """One contested item: a head line (marked when it touches neither the dossier's parties nor
    its issues), then a line (or a few, wrapped) a side."""
    kind = c.kind if inside else f"{c.kind} (outside the dossier)"
    lines = wrap(f"{_day(c.date)}  {kind}: {c.subject}  {c.id[:8]}", width, 4)
    for side in c.sides:
        who = side.who or "unnamed"  # as the changes and the dashboard say it
        span = f"{side.span.start}-{side.span.end}"
        where = f"{side.outlet or 'unknown outlet'}, {_day(side.date)}, {side.article_id[:8]} {span}"
        count = len(side.sources)
        told = "1 article" if count == 1 else f"{count} articles, {side.independent} independent"
        value = side.value or ""
        text = clip_words(side.text, 220)
        lines += wrap(f"{value}: {who} ({where}; {told}): “{text}”", width, 6, indent=2)
    if c.explanation:
        lines += wrap(f"({c.explanation})", width, 4, indent=2)
    return lines


def _day(value: dt.date | None) -> str:
    return day(value) if value else "undated"


def contested_lines(store: Store, width: int = 80, limit: int = BRIEF_ITEMS) -> list[str]:
    """The brief's "what is contested" section: the items touching the dossier's parties or
    issues (the others are counted, not listed), denials first, then disputed attributions,
    unverified reports, roles, values and event details; empty when nothing is contested."""
    items = contested_items(store)
    if not items:
        return []
    inside = in_dossier(store, items)
    rank = {k: i for i, k in enumerate(BRIEF_ORDER)}
    listed = [c for c in items if inside[c.id]]
    chosen = sorted(listed, key=lambda c: (rank.get(c.kind, len(rank)), c.date or dt.date.max))[:limit]
    outside = len(items) - len(listed)
    elsewhere = f"; {outside} outside the dossier: `parley contested`" if outside else ""
    lines = [
        f"What is contested ({len(items)} item{'s' * (len(items) != 1)}; {len(chosen)} shown{elsewhere})"
    ]
    for c in chosen:
        lines += item_lines(c, width)
    return lines


@click.command()
@click.argument("item_id", required=False)
@listing_options(lambda: KINDS, "a kind of contested item", "", "items")
@json_option
@store_options
def contested(
    store: Store,
    item_id: str | None,
    kind: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """What the sources disagree on: each claim with its denials, values and event details given
    differently, roles stated differently, attributions disputed, reports not verified; every
    side with its evidence, sources and dates; or one item by its id (a unique prefix is enough)."""
    items = [find_contested(store, item_id)] if item_id else contested_items(store, kind, since, until, limit)
    inside = in_dossier(store, items)
    if as_json:
        rt = records.get("contested")
        found = [rt.export(c) | {"in_dossier": inside[c.id]} for c in items]
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    console = out()
    width = console.width
    for c in items:
        for line in item_lines(c, width, inside[c.id]):
            console.print(line, markup=False)
        console.print()
    if not item_id:
        console.print(f"{len(items)} contested item{'s' * (len(items) != 1)}")
