"""What changed since a day: the brief's "since" section, for the CLI, the API and the dashboard.

"Since" is measured in **news time**: a record is new when the article it was read from was
published on or after the day (an event when its first report was), never when it was ingested
or analysed. An analyst asks what was said and done since Monday; a back-fill of last month's
articles ingested today is not news of today, and re-analysing the store changes nothing here.
Publication dates are days, so a time given with the day is dropped. An undated article or
record cannot be placed and is never counted as new (the brief counts the undated ones).

The default day is the newest article's publication day minus one (the last two days of news in
the store), not the last analysis: analysis time says when Parley ran, not when anything
happened, and a store analysed again from scratch would then show nothing, or everything, as new.

- articles per outlet published since the day;
- positions: each holder's position on an issue first taken since (not one an article says was
  held before: "had rejected", "its long-held ambition" — it may be older than the day), and each
  one that moved (:func:`parley.positions.changes`: between two days, or stated in an article
  published since, ``stated``), with the number of stances read since;
- contested items first raised since (denials among them), with each side's independent sources;
  those touching the negotiation's parties or issues first (:mod:`parley.dossier_scope`), the
  others marked and counted;
- events first reported since, with how many of their sources are independent;
- actors quoted since who were never quoted before (nor in an undated statement, which may be
  older), and who was quoted most widely since (:mod:`parley.quoted`: in the most articles).

Plan versions are left to ``parley changes``: a version's date is the dossier's, not the news'.

Record types another package registers (stance, position, contested, independence) are read only
when registered; their part is empty otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from parley import records
from parley.dossier_scope import in_dossier
from parley.lookups import UNKNOWN, event_independence
from parley.positions import changes, positions
from parley.quoted import quoted_widely
from parley.store import RecordQuery, Store

__all__ = ["Changes", "changes_since", "default_since", "parse_since", "side_label"]

SHOWN = 12  # items of each kind listed (all are counted)


@dataclass
class Changes:
    since: dt.date
    default: bool  # the day was not given: the newest article's day minus one
    newest: dt.date | None  # the newest article's publication day
    articles: int
    outlets: list[tuple[str, int]]  # most first
    undated: int  # articles with no publication day: they cannot be placed before or after
    stances: int  # stance records dated since
    new_positions: list[dict[str, Any]] = field(default_factory=list)
    moved_positions: list[dict[str, Any]] = field(default_factory=list)
    contested: list[dict[str, Any]] = field(default_factory=list)
    contested_total: int = 0
    contested_outside: int = 0  # touching neither the dossier's parties nor its issues
    denials: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    events_total: int = 0
    new_actors: list[dict[str, Any]] = field(default_factory=list)
    most_quoted: list[dict[str, Any]] = field(default_factory=list)
    statements: int = 0  # by a known speaker, in their own words, said since

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["since"] = self.since.isoformat()
        data["newest"] = self.newest.isoformat() if self.newest else None
        data["outlets"] = dict(self.outlets)
        return data


def side_label(side: dict[str, Any]) -> str:
    """Who says it and what ("Kremlin spokesperson: denies", "unnamed: former President")."""
    return (side["who"] or "unnamed") + (f": {side['value']}" if side["value"] else "")


def parse_since(value: str | dt.date | None) -> dt.date | None:
    """A day from ``2025-12-01`` or ``2025-12-01T09:30`` (the time is dropped: publication
    dates are days); None stays None. Raises ValueError for anything else."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = value.strip()
    if not text:
        return None
    return dt.datetime.fromisoformat(text).date() if len(text) > 10 else dt.date.fromisoformat(text)


def newest_day(store: Store) -> dt.date | None:
    return max((day for _, day, _ in store.article_tally() if day is not None), default=None)


def default_since(store: Store) -> dt.date | None:
    """The newest article's publication day minus one; None for a store with no dated article."""
    newest = newest_day(store)
    return newest - dt.timedelta(days=1) if newest else None


def changes_since(store: Store, since: dt.date | None = None) -> Changes | None:
    """What is new since ``since`` (default: :func:`default_since`); None when the store holds
    no dated article and no day is given."""
    tally = store.article_tally()
    newest = max((day for _, day, _ in tally if day is not None), default=None)
    default = since is None
    since = since or (newest - dt.timedelta(days=1) if newest else None)  # as default_since
    if since is None:
        return None
    outlets: Counter[str] = Counter()
    for outlet, _, n in store.article_tally(since=since):
        outlets[outlet or UNKNOWN] += n
    known = {rt.name for rt in records.all_types()}
    found = Changes(
        since=since,
        default=default,
        newest=newest,
        articles=sum(outlets.values()),
        undated=sum(n for _, day, n in tally if day is None),
        outlets=sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        stances=store.count("stance", RecordQuery(since=since)) if "stance" in known else 0,
    )
    if "position" in known:
        _positions(store, since, found)
    if "contested" in known:
        _contested(store, since, found)
    _events(store, since, found)
    _speakers(store, since, found)
    return found


def _positions(store: Store, since: dt.date, into: Changes) -> None:
    """Rows as ``parley positions`` and ``parley changes`` have them (each side, each document):
    new when the row's first dated stance on the issue is on or after the day."""
    for cell in positions(store, documents=True):
        dated = [e for _, e in cell.history if e.date is not None]  # oldest first
        older = any(e.period == "earlier" and e.date_from != "text" for _, e in cell.history)
        if dated and dated[0].date is not None and dated[0].date >= since and not older:
            into.new_positions.append(
                {
                    "row": cell.row,
                    "row_name": cell.row_name,
                    "holder_name": cell.holder_name,
                    "side": cell.side,
                    "issue": cell.issue,
                    "position": cell.position,
                    "date": cell.date.isoformat() if cell.date else None,
                    "article_id": cell.evidence.article_id,
                    "span": cell.evidence.span.as_list(),
                    "text": cell.evidence.text,
                }
            )
    into.new_positions.sort(key=lambda p: (p["date"] or "", p["row_name"], p["issue"]), reverse=True)
    for m in changes(store, since=since):
        if m.kind != "position":  # a plan version's changes are dated by the dossier, not the news
            continue
        after = m.evidence_after
        into.moved_positions.append(
            {
                "kind": m.kind,
                "row": m.row,
                "row_name": m.row_name,
                "issue": m.issue,
                "before": m.before,
                "after": m.after,
                "date": m.date.isoformat() if m.date else None,
                "article_id": after.article_id if after else None,
                "span": after.span.as_list() if after else None,
                "stated": m.stated,  # the article says it changed ("has abandoned", "no longer")
            }
        )
    into.moved_positions.reverse()  # latest first


def _contested(store: Store, since: dt.date, into: Changes) -> None:
    raised = list(store.records("contested", RecordQuery(since=since)))
    into.contested_total = len(raised)
    into.denials = sum(1 for c in raised if c.kind == "denial")
    inside = in_dossier(store, raised)
    into.contested_outside = sum(1 for c in raised if not inside[c.id])
    for c in sorted(raised[::-1], key=lambda c: not inside[c.id])[:SHOWN]:  # the latest first
        into.contested.append(
            {
                "id": c.id,
                "kind": c.kind,
                "in_dossier": inside[c.id],
                "subject": c.subject,
                "date": c.date.isoformat() if c.date else None,
                "article_id": c.article_id,
                "span": c.span.as_list(),
                "sides": [
                    {
                        "text": s.text,
                        "value": s.value,
                        "who": s.who,
                        "sources": max(len(s.sources), 1),
                        "independent": s.independent,
                    }
                    for s in c.sides
                ],
            }
        )


def _events(store: Store, since: dt.date, into: Changes) -> None:
    """Events whose first report (their earliest source's publication day; the event's own day
    when no source is dated) is on or after ``since``."""
    actors = {a.id: a.name for a in store.actors()}
    new = []
    for e in store.events():
        published = [s.published for s in e.sources if s.published is not None]
        first = min(published) if published else e.date
        if first is not None and first >= since:
            new.append((first, e))
    new.sort(key=lambda fe: (-len(fe[1].sources), fe[0]))
    into.events_total = len(new)
    shown = sorted(new[:SHOWN], key=lambda fe: (fe[1].date or dt.date.max, fe[0]))
    independent = event_independence(store, [e for _, e in shown])
    for first, e in shown:
        into.events.append(
            {
                "id": e.id,
                "date": e.date.isoformat() if e.date else None,
                "first_reported": first.isoformat(),
                "type": e.type,
                "status": e.status,
                "participants": [actors.get(p, p) for p in e.participants],
                "place": e.place,
                "summary": e.summary,
                "sources": e.source_articles,
                "independent": independent.get(e.id),
                "conflicts": sorted(e.conflicts),
            }
        )


def _speakers(store: Store, since: dt.date, into: Changes) -> None:
    """Who was quoted since the day, the most widely quoted first (:func:`parley.quoted.quoted_widely`:
    by articles, then a party's actor, then statements), and who of them never before."""
    for q in quoted_widely(store, since):
        a = q.actor
        row = {
            "actor_id": a.id,
            "name": a.name,
            "side": a.side,
            "statements": q.statements,
            "articles": q.articles,
        }
        into.statements += q.statements
        if not q.earlier:
            into.new_actors.append(row)
        if len(into.most_quoted) < SHOWN:
            into.most_quoted.append(row)
