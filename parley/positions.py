"""Positions as plain data, for the CLI, the brief and the API: the matrix of holders x issues,
what moved, and the plan versions. Everything here reads what the ``positions`` corpus step stored.

- :func:`positions` — one :class:`Cell` per row x issue: the latest position (as of a date, if
  given) with its evidence and history. Rows are the sides by default (each side's actors pooled),
  or the actors of one side (``side=``), or one actor (``actor=``). A history runs oldest first;
  what an article places before its time of writing ("had rejected", "its long-held ambition")
  comes before that article's current stances and, undated, before every current stance; it is
  the position only when the row holds no current one.
- :func:`changes` — each :class:`Move`: a row whose position on an issue changed, with the stance
  before and after — between two days, or stated in one article ("has abandoned", "no longer",
  "now accepts", "long a point of contention"; ``stated``), undated or not — and each change
  between plan versions.
- :func:`plan_versions` — the known documents with their provisions and changes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parley.extract.stances.records import DocumentRecord, Evidence, Position
from parley.store import RecordQuery, Store

__all__ = ["Cell", "Move", "changes", "earlier", "moved", "plan_versions", "positions"]
EARLIER = "earlier"
# Stances of one hard line: a demand and a refusal are mostly about different things (a side's own
# terms, the other side's offer: "demands the whole region", later "rejects the proposed buffer
# zone"), so one read after the other is no change of position. An article that says it changed
# ("dropped its demand") is still read as a change.
HARD_LINE = frozenset({"demands", "rejects", "opposes"})


def moved(before: str | None, after: str | None) -> bool:
    """Whether going from one stance to the other, read on two days, is a change of position."""
    return before != after and not (before in HARD_LINE and after in HARD_LINE)


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
    holder_names: tuple[tuple[str, str], ...] = ()  # (holder, name) of everyone in the history


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
    stated: bool = False  # the article says it changed (one article, dated or not), not two days
    holder_name: str | None = None  # a stated change: whose (an actor of the row's side, or the side)


def _stored(store: Store, issue: str | None = None) -> list[Position]:
    equals = (("issue", (issue,)),) if issue else ()
    return list(store.records("position", RecordQuery(equals=equals)))


def _side_names(found: list[Position]) -> dict[str, str]:
    """Each side's name: as a side-held position names it, else as the dossier the store was
    analysed with does (every position carries its side's name), else its id."""
    names = {p.side: p.side_name for p in found if p.side and p.side_name}
    names.update({p.side: p.holder_name for p in found if p.holder_kind == "side" and p.side})
    return names


def _rows(
    found: list[Position],
    actor: str | None,
    side: str | None,
    documents: bool,
    names: dict[str, str] | None = None,
) -> dict:
    """Group stored positions into rows: {(row, kind, name, side, issue): [(holder, name, evidence)]};
    a side's name from ``names`` (every side-held position's), else from ``found``."""
    rows: dict[tuple[str, str, str, str | None, str], list[tuple[str, str, Evidence]]] = {}
    names = names or _side_names(found)
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


def _key(e: Evidence) -> tuple:
    return (e.date or dt.date.min, e.period != EARLIER, e.confidence, e.article_id, e.span.start)


def _order(entries: list[tuple[str, str, Evidence]]) -> list[tuple[str, str, Evidence]]:
    """Oldest first; undated first; on one day (or undated) earlier-period stances first."""
    return sorted(entries, key=lambda x: _key(x[2]))


def _latest(history: list[tuple[str, str, Evidence]]) -> tuple[str, str, Evidence]:
    """The last current stance of a history in order; the last of all when none is current (a
    denial is no position: the positions step leaves denials out of every history)."""
    current = [x for x in history if x[2].period != EARLIER]
    return (current or history)[-1]


def earlier(cell: Cell) -> list[tuple[str, Evidence]]:
    """The stances of a cell's history its articles place before their time of writing."""
    return [(h, e) for h, e in cell.history if e.period == EARLIER]


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
    # one issue's positions may hold none by a side itself: its name comes from the others
    names = _side_names(_stored(store)) if issue else None
    for (row, kind, name, row_side, row_issue), entries in _rows(
        _stored(store, issue), actor, side, documents, names
    ).items():
        if as_of is not None:
            entries = [x for x in entries if x[2].date is not None and x[2].date <= as_of]
        if not entries:
            continue
        history = _order(entries)
        holder, holder_name, latest = _latest(history)
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
                holder_names=tuple(sorted({(h, n) for h, n, _ in history})),
            )
        )
    return sorted(cells, key=lambda c: (c.row_kind, c.row, c.issue))


def changes(
    store: Store, *, since: dt.date | None = None, side: str | None = None, actor: str | None = None
) -> list[Move]:
    """What moved: a row's position on an issue that differs from its previous dated one, on or
    after ``since``; a change one article states (``stated``: listed undated too, but only when
    dated on or after ``since`` if it is given); then the changes between plan versions dated on
    or after ``since``."""
    moves = []
    for (row, _kind, name, _side, issue), entries in _rows(_stored(store), actor, side, False).items():
        moves += _dated_moves(row, name, issue, entries, since)
        moves += _stated_moves(row, name, issue, entries, since)
    versions = plan_versions(store)
    by_id = {d.id: d for d in versions}
    for d in versions:
        if since is not None and (d.date is None or d.date < since):
            continue
        earlier = by_id.get(d.compared_with or "")
        for c in d.changes:
            moves.append(
                Move(
                    "document",
                    d.id,
                    d.name,
                    c.issue,
                    c.old,
                    c.new,
                    d.date,
                    evidence_before=_provision_evidence(earlier, c.issue),
                    evidence_after=_provision_evidence(d, c.issue),
                    compared_with=d.compared_with,
                )
            )
    return sorted(moves, key=lambda m: (m.date or dt.date.min, m.kind, m.row, m.issue, m.stated))


def _provision_evidence(document: DocumentRecord | None, issue: str) -> Evidence | None:
    """Where an article first reports what a plan version says on the issue (the value shown is
    the dossier's option it matched, so the reader sees the article's own words beside it)."""
    found = next((p for p in document.provisions if p.issue == issue), None) if document else None
    return found.sources[0] if found is not None and found.sources else None


def _dated_moves(row, name, issue, entries, since) -> list[Move]:
    """Between days: each day's most confident stance held then — current ones, and earlier ones
    the text itself dates ("In December 2021, ...")."""
    dated = [
        x for x in entries if x[2].date is not None and (x[2].period != EARLIER or x[2].date_from == "text")
    ]
    by_day = {x[2].date: x for x in _order(dated)}
    days = list(by_day.values())
    moves = []
    for (_, _, before), (_, _, after) in zip(days, days[1:], strict=False):
        if not moved(before.position, after.position):
            continue
        if since is not None and after.date is not None and after.date < since:
            continue
        moves.append(
            Move("position", row, name, issue, before.position, after.position, after.date, before, after)
        )
    return moves


def _stated_moves(row, name, issue, entries, since) -> list[Move]:
    """Changes an article states: each current stance that says what it replaces ("dropped its
    demand for", "now accepts", "long a point of contention"), after the earlier stance stated
    beside it (the same holder, article and words) or, with none, the one it implies."""
    earlier_by = {
        (h, e.article_id, e.span): e for h, _, e in _order(entries) if e.period == EARLIER and not e.implied
    }
    implied_by = {(h, e.article_id, e.span): e for h, _, e in entries if e.implied}
    moves = []
    for holder, holder_name, after in _order(entries):
        if after.period == EARLIER or not after.replaces:
            continue
        key = (holder, after.article_id, after.span)
        before = earlier_by.get(key) or implied_by.get(key)
        if before is None or before.position == after.position:
            continue
        if since is not None and (after.date is None or after.date < since):
            continue  # undated: it cannot be placed after the day
        moves.append(
            Move(
                "position",
                row,
                name,
                issue,
                before.position,
                after.position,
                after.date,
                before,
                after,
                stated=True,
                holder_name=holder_name,
            )  # fmt: skip
        )
    return moves


def plan_versions(store: Store) -> list[DocumentRecord]:
    return list(store.records("document"))


def day_shown(date: dt.date | None, e: Evidence, unknown: str = "undated") -> str:
    """A position's date as a reader should see it: the article's own words when it dates an
    earlier stance by them ("2022", "December 2021": the day stored is only the period's first),
    else the day."""
    if (
        e.date_from == "text"
        and e.period == "earlier"
        and e.period_cue
        and any(c.isdigit() for c in e.period_cue)
    ):
        return e.period_cue  # the time's words ("December 2021"), not a change's ("dropped")
    return date.isoformat() if date else unknown
