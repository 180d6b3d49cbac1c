"""The brief: what the store holds at a glance, made from the library's counts and laid out to
read well in any terminal from 80 columns up (one line a month for articles per day, the top
outlets with counts, the most quoted actors and the most reported events)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any

from rich.text import Text

from parley import records
from parley.changes import changes_since, side_label
from parley.lookups import (
    UNKNOWN,
    article_counts,
    cached,
    event_day,
    event_independence,
    most_reported_events,
)
from parley.models import Statement
from parley.present.positions import LABELS
from parley.present.text_layout import _heading, _n, _quoted, _sources, _wrap
from parley.quoted import latest_said, quoted_widely, tally
from parley.signals import flagged_articles
from parley.store import Store
from parley.wording import UNDATED, said_as

TOP_SPEAKERS = 8  # how many actors the brief lists
LATEST_PER_SPEAKER = 2  # and how many of each one's latest statements
TOP_EVENTS = 10  # how many events: the dated ones reported by the most sources
TOP_OUTLETS = 12  # outlets named one by one; the rest are counted together
SHOWN_MONTHS = 12  # months drawn day by day; earlier ones are summed on one line
BUSIEST_DAYS = 3
SHOWN_CHANGES = 4  # items of each kind the text lists under "what changed" (the JSON has more)
TOP_POSITIONS = 12  # the latest positions, when the positions step has run
POSITION_TYPE = "position"  # the record type that holds them (registered by the positions package)
TOP_WARNINGS = 6  # articles with warning signs: those with the most kinds of signal
MAX_WIDTH = 100  # prose is hard to read wider than this, however wide the terminal


@dataclass
class Brief:
    articles: int
    outlets: list[tuple[str, int]]
    days: list[tuple[str, int]]
    by_outlet_day: dict[str, dict[str, int]]
    last_run: dict[str, Any] | None
    failures: list[dict[str, str]] = field(default_factory=list)
    speakers: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    positions: list[dict[str, Any]] = field(default_factory=list)  # when positions are recorded
    changes: dict[str, Any] | None = None  # what is new since a day (parley.changes)
    warnings: list[dict[str, Any]] = field(default_factory=list)  # articles with warning signs

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)} | {
            "outlets": dict(self.outlets),
            "days": dict(self.days),
        }


def build_brief(store: Store, since: dt.date | None = None) -> Brief:
    """The whole brief, section by section (the API serves each section on its own); what
    changed is counted from ``since`` (default: the newest article's day minus one). Each
    section is kept while the store is unchanged (:func:`parley.lookups.cached`)."""
    return Brief(
        **coverage_section(store),
        **ingest_section(store),
        speakers=speakers_section(store),
        events=events_section(store),
        counts=counts_section(store),
        positions=positions_section(store),
        changes=changes_section(store, since),
        warnings=warnings_section(store),
    )


def changes_section(store: Store, since: dt.date | None = None) -> dict[str, Any] | None:
    """What is new since ``since`` (:func:`parley.changes.changes_since`); None with no dated article."""
    found = cached(store, ("changes", since), lambda: changes_since(store, since))
    return found.as_dict() if found else None


def coverage_section(store: Store) -> dict[str, Any]:
    """Articles in all, per outlet (most first), per day (in order, undated last) and both."""
    articles = cached(store, "coverage", lambda: article_counts(store))
    return {
        "articles": articles.total,
        "outlets": articles.outlets,
        "days": articles.days,
        "by_outlet_day": articles.by_outlet_day,
    }


def ingest_section(store: Store) -> dict[str, Any]:
    """The last ingest run and what it could not read."""
    runs = store.runs()
    last = runs[-1] if runs else None
    shown = ("id", "new", "duplicate", "failed", "finished_at")
    return {
        "last_run": {k: getattr(last, k) for k in shown} if last else None,
        "failures": [
            {"origin": f.origin, "reason": f.reason} for f in (store.failures(last.id) if last else [])
        ],
    }


def speakers_section(store: Store) -> list[dict[str, Any]]:
    """The most widely quoted actors (:func:`parley.quoted.quoted_widely`: in the most articles),
    each with their latest statements."""
    return cached(store, "speakers", lambda: _speakers(store))


def _speakers(store: Store) -> list[dict[str, Any]]:
    return [
        {
            "actor_id": q.actor.id,
            "name": q.actor.name,
            "side": q.actor.side,
            "statements": q.statements,
            "articles": q.articles,
            "latest": [_said(s) for s in latest_said(store, q.actor.id, LATEST_PER_SPEAKER)],
        }
        for q in quoted_widely(store, limit=TOP_SPEAKERS)
    ]


def _said(s: Statement) -> dict[str, Any]:
    said = {k: getattr(s, k) for k in ("id", "cue", "text", "kind", "article_id")}
    return said | {"said_on": s.said_on.isoformat() if s.said_on else None, "span": s.span.as_list()}


def events_section(store: Store) -> list[dict[str, Any]]:
    """The dated events reported by the most sources, in date order, each with how many of its
    sources are independent."""
    return cached(store, "events", lambda: _events(store))


def _events(store: Store) -> list[dict[str, Any]]:
    actors = {a.id: a for a in store.actors()}
    top = most_reported_events(store, TOP_EVENTS)
    independent = event_independence(store, top)
    return [
        {
            "id": e.id,
            "date": e.date.isoformat() if e.date else None,
            "precision": e.precision,
            "type": e.type,
            "participants": [actors[p].name if p in actors else p for p in e.participants],
            "place": e.place,
            "sources": e.source_articles,  # articles, not the spans telling of it
            "independent": independent.get(e.id),
            "conflicts": sorted(e.conflicts),
            "summary": e.summary,
        }
        for e in top
    ]


def counts_section(store: Store) -> dict[str, int]:
    """How many statements (and with a known speaker), actors and events."""

    def make() -> dict[str, int]:
        t = tally(store)  # the count by speaker and day the speakers' sections share
        counted = {"statements": t.total, "attributed": t.attributed, "actors": len(t.actors)}
        return counted | {"events": store.count("event")}

    return cached(store, "counts", make)


def positions_section(store: Store, limit: int = TOP_POSITIONS) -> list[dict[str, Any]]:
    """The latest positions (newest first, undated last), in their export form; empty when no
    ``position`` record type is registered."""
    if POSITION_TYPE not in {rt.name for rt in records.all_types()}:
        return []

    def make() -> list[dict[str, Any]]:
        found = list(store.records(POSITION_TYPE))
        found.sort(key=lambda p: (getattr(p, "date", None) is not None, getattr(p, "date", None) or ""))
        return [records.get(POSITION_TYPE).export(p) for p in reversed(found[-limit:])]

    return cached(store, ("positions", limit), make)


def warnings_section(store: Store, limit: int = TOP_WARNINGS) -> list[dict[str, Any]]:
    """The articles with warning signs (:func:`parley.signals.flagged_articles`), the most kinds
    of signal first, each with its signals in their export form."""
    found = lambda: [f.as_dict() for f in flagged_articles(store, limit=limit)]  # noqa: E731
    return cached(store, ("warnings", limit), found)


# -- as text ---------------------------------------------------------------------------------------

SPARKS = "▁▂▃▄▅▆▇█"
NO_ARTICLE = "·"
DAY_AXIS = "1        10        20        30"  # over the 31 day columns of a month


def render_brief(b: Brief, width: int) -> list[Text]:
    """The brief as lines no wider than ``width`` (at most MAX_WIDTH); dates are never cut."""
    width = min(width, MAX_WIDTH)
    first = _wrap(f"Parley brief: {summary_line(b)}", width)
    lines: list[Text | str] = [Text.assemble(("Parley brief", "bold"), str(first[0])[12:]), *first[1:]]
    if b.counts.get("statements"):
        c = b.counts
        lines += _wrap(
            f"{c['statements']} statements ({c['attributed']} with a known speaker), "
            f"{c['actors']} actors, {c['events']} events",
            width,
        )
    if not b.articles:
        lines += _wrap("Nothing stored yet: `parley ingest PATH|URL …` reads articles in.", width)
    elif not b.counts.get("statements"):
        lines += _wrap("Not analysed yet: `parley analyse` finds who said what and what happened.", width)
    if b.changes:
        lines += ["", *_changes(b.changes, width)]
    if b.articles:
        lines += ["", *_per_day(b.days, width), "", *_outlets(b.outlets, width)]
    if b.speakers:
        lines += ["", _heading("Who said what", "most widely quoted; `parley quotes ID` shows one whole")]
        for sp in b.speakers:
            said = f"{_n(sp['statements'], 'statement')} in {_n(sp['articles'], 'article')}"
            heading = _wrap(f"{sp['name']} ({sp['side'] or 'no side'}): {said}", width, 2)
            name = Text(str(heading[0]))
            name.stylize("bold", 2, 2 + len(sp["name"]))
            lines += [name, *heading[1:]]
            for st in sp["latest"]:
                cue = said_as(st["cue"])
                said = f"{st['said_on'] or UNDATED} {cue + ': ' if cue else ''}{st['text']}"
                lines += _wrap(said, width, 4, 15, max_lines=2, tail=st["id"][:8])
    if b.events:
        lines += ["", _heading("What happened when", "most reported; `parley timeline` has them all")]
        for ev in b.events:
            where = f" in {ev['place']}" if ev["place"] else ""
            who = ", ".join(ev["participants"][:3]) or "-"  # actors only: the sentence is the summary
            disputed = f"; sources disagree on {', '.join(ev['conflicts'])}" if ev["conflicts"] else ""
            told = f"({_sources(ev['sources'], ev.get('independent'))}{disputed})"
            day = event_day(ev["date"], ev["precision"])
            lines += _wrap(f"{day} {ev['type']}{where}: {who} {told}", width, 2, 13, 2, ev["id"][:8])
    if b.last_run:
        r = b.last_run
        state = "" if r["finished_at"] else "; interrupted: run it again to finish"
        lines += [
            "",
            *_wrap(
                f"Last ingest (run {r['id']}): {r['new']} new, {r['duplicate']} duplicate, "
                f"{r['failed']} failed{state}",
                width,
            ),
        ]
    if b.failures:
        lines.append(Text("Could not be read:", "bold"))
        for f in b.failures:
            lines += _wrap(f"{f['origin']}: {f['reason']}", width, 2, 4)
    return [line if isinstance(line, Text) else Text(line) for line in lines]


def summary_line(b: Brief) -> str:
    """The brief's first line: "27 articles from 8 outlets, 2025-11-21 to 2025-12-26" (each
    count joined to its noun by a no-break space)."""
    dated = [d for d, _ in b.days if d != UNKNOWN]
    span = f", {dated[0]} to {dated[-1]}" if len(dated) > 1 else (f", {dated[0]}" if dated else "")
    return f"{_n(b.articles, 'article')} from {_n(len(b.outlets), 'outlet')}{span}"


def _changes(c: dict[str, Any], width: int) -> list[Text | str]:
    """What is new since the day, by publication day: a line for each kind, then its items."""
    lines: list[Text | str] = [
        _heading(f"What changed since {c['since']}", "by publication day; `--since DAY`")
    ]
    top = [f"{o} {n}" for o, n in list(c["outlets"].items())[:4]] + (["…"] if len(c["outlets"]) > 4 else [])
    undated = f" ({c['undated']} undated, not counted)" if c["undated"] else ""
    lines += _wrap(
        f"{_n(c['articles'], 'article')} published{': ' * bool(top)}{', '.join(top)}{undated}", width, 2, 4
    )
    if c["statements"]:
        quoted = ", ".join(_quoted(q, i == 0) for i, q in enumerate(c["most_quoted"][:4]))
        new = (
            "; first quoted: " + ", ".join(a["name"] for a in c["new_actors"][:4]) if c["new_actors"] else ""
        )
        said = _n(c["statements"], "statement")
        lines += _wrap(f"{said} by known speakers; most widely quoted: {quoted}{new}", width, 2, 4)
    moved, taken = c["moved_positions"], c["new_positions"]
    if moved or taken or c["stances"]:
        told = f"positions: {len(taken)} first taken, {len(moved)} moved ({_n(c['stances'], 'stance')} read)"
        lines += _wrap(told, width, 2)
    label = lambda p: LABELS.get(p, p)  # noqa: E731  as the positions section words them ("accepts if")
    items = [(m, f"{label(m['before'])} → {label(m['after'])}") for m in moved] + [
        (p, f"{label(p['position'])} (new)") for p in taken
    ]
    for item, what in items[:SHOWN_CHANGES]:
        said = f"{item['date'] or UNKNOWN} {item['row_name']} on {item['issue']}: {what}"
        lines += _wrap(said, width, 4, 15, 2, (item["article_id"] or "")[:8])
    listed = [x for x in c["contested"] if x.get("in_dossier", True)]  # the others touch neither
    if c["contested_total"]:
        total, outside = c["contested_total"], c.get("contested_outside", 0)
        told = f"contested: {total} new" + (f" ({_n(c['denials'], 'denial')})" if c["denials"] else "")
        if outside:
            told += (", " if outside == total else f"; {outside} ") + "outside the dossier, not listed"
        lines += _wrap(told + _shown(total - outside), width, 2)
    for x in listed[:SHOWN_CHANGES]:
        sides = " / ".join(
            f"{side_label(s)} ({_sources(s['sources'], s['independent'])})" for s in x["sides"]
        )
        lines += _wrap(
            f"{x['date'] or UNKNOWN} {x['kind']}: {x['subject']}: {sides}", width, 4, 15, 2, x["id"][:8]
        )
    if c["events_total"]:
        lines += _wrap(f"events: {c['events_total']} first reported{_shown(c['events_total'])}", width, 2)
    for ev in c["events"][:SHOWN_CHANGES]:
        who = ", ".join(ev["participants"][:3]) or "-"  # actors only
        kind = ev["type"] + ("" if ev["status"] == "reported" else f" ({ev['status']})")
        when = "" if ev["first_reported"] == ev["date"] else f"first reported {ev['first_reported']}; "
        told = f"{ev['date'] or UNKNOWN} {kind}: {who} ({when}{_sources(ev['sources'], ev['independent'])})"
        lines += _wrap(told, width, 4, 15, 2, ev["id"][:8])
    return lines


def _per_day(days: list[tuple[str, int]], width: int) -> list[Text | str]:
    """One line a month, one mark a day (darker: more articles), then the busiest days."""
    dated = {dt.date.fromisoformat(d): n for d, n in days if d != UNKNOWN}
    undated = sum(n for d, n in days if d == UNKNOWN)
    top = max(dated.values(), default=0)
    months = Counter[str]()
    for d, n in dated.items():
        months[d.strftime("%Y-%m")] += n
    note = (f"darker: more, up to {top} a day" if top > 1 else "a mark a day with an article") + (
        f"; {undated} undated" if undated else ""
    )
    lines: list[Text | str] = [_heading("Articles per day", note)]
    if dated:
        lines.append(f"  {'':7}  {DAY_AXIS}")
        order = sorted(months)
        if len(order) > SHOWN_MONTHS:
            earlier = order[:-SHOWN_MONTHS]
            lines += _wrap(
                f"{earlier[0]} to {earlier[-1]}: {_n(sum(months[m] for m in earlier), 'article')}", width, 2
            )
            order = order[-SHOWN_MONTHS:]
        for month in order:
            year, mon = map(int, month.split("-"))
            marks = []
            for day_of_month in range(1, 32):
                try:
                    n = dated.get(dt.date(year, mon, day_of_month), 0)
                except ValueError:  # no such day in this month
                    marks.append(" ")
                    continue
                marks.append(SPARKS[max(1, round(n / top * len(SPARKS))) - 1] if n else NO_ARTICLE)
            lines.append(f"  {month}  {''.join(marks)}  {months[month]:>4}")
        busiest = sorted(dated.items(), key=lambda dn: (-dn[1], dn[0]))[:BUSIEST_DAYS]
        if top > 1:
            lines += _wrap("busiest: " + ", ".join(f"{d.isoformat()} ({n})" for d, n in busiest), width, 2, 4)
    if undated:
        lines += _wrap(f"undated: {_n(undated, 'article')}", width, 2)
    return lines


def _outlets(outlets: list[tuple[str, int]], width: int) -> list[Text | str]:
    shown = [f"{name if len(name) <= 40 else name[:39] + '…'} {n}" for name, n in outlets[:TOP_OUTLETS]]
    rest = outlets[TOP_OUTLETS:]
    if rest:
        shown.append(f"{len(rest)} more with {_n(sum(n for _, n in rest), 'article')}")
    lines: list[Text | str] = [
        _heading("Outlets", f"{len(outlets)}, most articles first; `parley articles --outlet NAME`")
    ]
    line = " "
    for i, item in enumerate(shown):  # an outlet and its count never split; " ·" ends a line
        item = " ".join(item.split()) + (" ·" if i < len(shown) - 1 else "")
        if len(line) + 1 + len(item) > width and line.strip():
            lines.append(line)
            line = " "
        line += " " + item
    return [*lines, line]


def _shown(total: int) -> str:
    """What a "what changed" line adds when it lists fewer items than it counts."""
    return f"; {SHOWN_CHANGES} shown, the JSON has all" if total > SHOWN_CHANGES else ""
