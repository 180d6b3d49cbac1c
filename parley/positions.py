"""Positions as plain data, for the CLI, the brief and the API: the matrix of holders x issues,
what moved, and the plan versions. Everything here reads what the ``positions`` corpus step stored.

- :func:`positions` — one :class:`Cell` per row x issue: the latest position (as of a date, if
  given) with its evidence and history. Rows are the sides by default (each side's actors pooled),
  or the actors of one side (``side=``), or one actor (``actor=``).
- :func:`changes` — each :class:`Move`: a row whose position on an issue changed, with the stance
  before and after; and each change between plan versions.
- :func:`plan_versions` — the known documents with their provisions and changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parley.extract.stances.records import DocumentRecord, Evidence, Position
from parley.store import RecordQuery, Store

__all__ = ["Cell", "Move", "changes", "plan_versions", "positions"]


@dataclass(frozen=True)
class Cell:
    row: str  # side id, actor id or document id
    row_kind: str  # "side" | "actor" | "document"
    row_name: str
    side: str | None
    issue: str
    position: str
    condition: str | None
    date: dt.date | None
    holder: str  # who took it (an actor of the side, or the side itself)
    holder_name: str
    evidence: Evidence
    history: tuple[tuple[str, Evidence], ...]  # (holder, stance), oldest first


@dataclass(frozen=True)
class Move:
    kind: str  # "position" | "document"
    row: str  # side or actor id; document id for a plan change
    row_name: str
    issue: str
    before: str | None  # position, or the old document's value
    after: str | None
    date: dt.date | None
    evidence_before: Evidence | None = None
    evidence_after: Evidence | None = None
    compared_with: str | None = None  # document changes: the earlier version


def _stored(store: Store, issue: str | None = None) -> list[Position]:
    equals = (("issue", (issue,)),) if issue else ()
    return list(store.records("position", RecordQuery(equals=equals)))


def _rows(found: list[Position], actor: str | None, side: str | None, documents: bool) -> dict:
    """Group stored positions into rows: {(row, kind, name, side, issue): [(holder, name, evidence)]}."""
    rows: dict[tuple[str, str, str, str | None, str], list[tuple[str, str, Evidence]]] = {}
    names = {p.side: p.holder_name for p in found if p.holder_kind == "side" and p.side}
    for p in found:
        key: tuple[str, str, str, str | None, str]
        if p.holder_kind == "document":
            if not documents:
                continue
            key = (p.holder, "document", p.holder_name, None, p.issue)
        elif actor is not None:
            if p.holder != actor:
                continue
            key = (p.holder, p.holder_kind, p.holder_name, p.side, p.issue)
        elif side is not None:
            if p.side != side:
                continue
            key = (p.holder, p.holder_kind, p.holder_name, p.side, p.issue)
        else:
            if p.side is None:
                continue
            key = (p.side, "side", names.get(p.side, p.side), p.side, p.issue)
        rows.setdefault(key, []).extend((p.holder, p.holder_name, e) for e in p.history)
    return rows


def _order(entries: list[tuple[str, str, Evidence]]) -> list[tuple[str, str, Evidence]]:
    return sorted(entries, key=lambda x: (x[2].date or dt.date.min, x[2].confidence, x[2].article_id))


def positions(
    store: Store,
    *,
    issue: str | None = None,
    actor: str | None = None,
    side: str | None = None,
    as_of: dt.date | None = None,
    documents: bool = False,
) -> list[Cell]:
    """The latest position of each row on each issue; with ``as_of``, only stances dated by then."""
    cells = []
    for (row, kind, name, row_side, row_issue), entries in _rows(
        _stored(store, issue), actor, side, documents
    ).items():
        if as_of is not None:
            entries = [x for x in entries if x[2].date is not None and x[2].date <= as_of]
        if not entries:
            continue
        history = _order(entries)
        holder, holder_name, latest = history[-1]
        cells.append(
            Cell(
                row=row,
                row_kind=kind,
                row_name=name,
                side=row_side,
                issue=row_issue,
                position=latest.position or "",
                condition=latest.condition,
                date=latest.date,
                holder=holder,
                holder_name=holder_name,
                evidence=latest,
                history=tuple((h, e) for h, _, e in history),
            )
        )
    return sorted(cells, key=lambda c: (c.row_kind, c.row, c.issue))


def changes(
    store: Store, *, since: dt.date | None = None, side: str | None = None, actor: str | None = None
) -> list[Move]:
    """What moved: a row's position on an issue that differs from its previous dated one, on or
    after ``since``; then the changes between plan versions dated on or after ``since``."""
    moves = []
    for (row, _kind, name, _side, issue), entries in _rows(_stored(store), actor, side, False).items():
        by_day = {x[2].date: x for x in _order([x for x in entries if x[2].date is not None])}
        dated = list(by_day.values())  # each day's most confident stance
        for (_, _, before), (_, _, after) in zip(dated, dated[1:], strict=False):
            if before.position == after.position:
                continue
            if since is not None and after.date is not None and after.date < since:
                continue
            moves.append(
                Move("position", row, name, issue, before.position, after.position, after.date, before, after)
            )
    for d in plan_versions(store):
        if since is not None and (d.date is None or d.date < since):
            continue
        for c in d.changes:
            moves.append(
                Move("document", d.id, d.name, c.issue, c.old, c.new, d.date, compared_with=d.compared_with)
            )
    return sorted(moves, key=lambda m: (m.date or dt.date.min, m.kind, m.row, m.issue))


def plan_versions(store: Store) -> list[DocumentRecord]:
    return list(store.records("document"))
