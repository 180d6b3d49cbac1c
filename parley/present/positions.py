"""Commands and brief section for positions — thin: they call :mod:`parley.positions` and
:mod:`parley.dossier` and print. Registered in
:mod:`parley.present.cli`.

    parley positions [--issue ID] [--actor ID] [--side ID] [--as-of DATE] [--json]
    parley changes [--since DATE] [--side ID] [--actor ID] [--json]
    parley dossier init [--output FILE] [--actors N] [--issues N] [--name TEXT]
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from parley.codec import to_data
from parley.extract.stances.records import Evidence
from parley.positions import Cell, Move, changes, day_shown, earlier, moved, plan_versions, positions
from parley.present.options import json_option, parse_date, store_options
from parley.store import Store
from parley.wording import clip_words

LABELS = {
    "demands": "demands",
    "proposes": "proposes",
    "supports": "supports",
    "accepts": "accepts",
    "accepts_on_condition": "accepts if",
    "opposes": "opposes",
    "rejects": "rejects",
    "open_to_discuss": "open",
    "denies": "denies",
}


# -- text ------------------------------------------------------------------------------------
CHANGED = "*"  # a matrix cell whose articles say it was held otherwise before
WAS = "(was)"  # a matrix cell whose only stances are placed before their articles' writing


def _day(e: Evidence) -> str:
    """A stance's day in a cell: "12-24", "?" undated; "(was)" for an earlier-period stance."""
    if e.period == "earlier":
        return WAS
    return e.date.strftime("%m-%d") if e.date else "?"


def _changed(c: Cell) -> bool:
    return c.evidence.period != "earlier" and any(moved(e.position, c.position) for _, e in earlier(c))


def matrix_lines(cells: list[Cell], width: int = 100) -> list[str]:
    """Rows x issues, each cell the latest position and its date."""
    if not cells:
        return ["(no positions)"]
    issues = sorted({c.issue for c in cells})
    rows = sorted({(c.row_kind, c.row, c.row_name) for c in cells})
    by = {(c.row, c.issue): c for c in cells}
    first = max(len(name) for _, _, name in rows) + 2
    column = max(14, min(22, (width - first) // max(1, len(issues))))
    lines = [" " * first + "".join(i[: column - 1].ljust(column) for i in issues)]
    for _, row, name in rows:
        parts = []
        for issue in issues:
            c = by.get((row, issue))
            text = "·"
            if c:
                mark = CHANGED if _changed(c) else ""
                text = f"{LABELS.get(c.position, c.position)}{mark} {_day(c.evidence)}"
            parts.append(text[: column - 1].ljust(column))
        lines.append(name.ljust(first) + "".join(parts))
    if any(_changed(c) for c in cells):
        lines.append(f"{CHANGED} changed: its articles say it was held otherwise before (see its history)")
    if any(c.evidence.period == "earlier" for c in cells):
        lines.append(f"{WAS} held before the articles' time of writing; nothing says what it is now")
    return lines


def evidence_lines(cells: list[Cell], limit: int = 160) -> list[str]:
    lines = []
    for c in cells:
        e = c.evidence
        names = dict(c.holder_names)
        condition = f" (condition: {c.condition})" if c.condition else ""
        period = (
            " (earlier: the articles place it before their time of writing)" if e.period == "earlier" else ""
        )
        when = day_shown(c.date, e, "date unknown")
        lines.append(
            f"{c.row_name} × {c.issue}: {c.position}{condition}{period}, {when}, "
            f"by {c.holder_name} — {_where(e)} “{clip_words(e.text, limit)}”"
        )
        before = earlier(c)
        if e.period != "earlier" and any(moved(x.position, c.position) for _, x in before):
            # a change, as the matrix marks it (a demand then a refusal is one hard line, not a move)
            was = ", ".join(dict.fromkeys(_label(x.position) for _, x in before))
            also = {_label(x.position) for _, x in c.history if x.period != "earlier" and x.date == e.date}
            also.discard(_label(c.position))
            more = f" (also: {', '.join(sorted(also))})" if also else ""
            lines.append(f"    history: earlier: {was} → now: {_label(c.position)}{more}")
        for h, x in [(h, x) for h, x in before if x is not e][-4:]:
            who = names.get(h, h)
            lines.append(
                f"    earlier: {x.position}, by {who}{_stated(x)} — {_where(x)} “{clip_words(x.text, 110)}”"
            )
        others = [(h, x) for h, x in c.history if x.period != "earlier" and x is not e]
        if others:
            lines.append(
                "    before: " + "; ".join(f"{h}: {x.position} {x.date or '?'}" for h, x in others[-4:])
            )
    return lines


def _label(position: str | None) -> str:
    return LABELS.get(position or "", position or "")


def _where(e: Evidence) -> str:
    return f"{e.article_id[:10]} [{e.span.start}:{e.span.end}]"


def _stated(e: Evidence) -> str:
    """How the article says it: “previously”, implied by “long a point of contention”, dated."""
    if e.implied:
        return f", implied by “{e.period_cue}”" if e.period_cue else ", implied"
    if e.date_from == "text" and e.date:
        return f", {e.date.strftime('%Y-%m')} (“{e.period_cue}”)" if e.period_cue else f", {e.date}"
    return f" (“{e.period_cue}”)" if e.period_cue else ""


def change_lines(moves: list[Move]) -> list[str]:
    lines = []
    for m in moves:
        if m.kind == "position" and m.stated:
            who = f", by {m.holder_name}" if m.holder_name and m.holder_name != m.row_name else ""
            lines.append(
                f"{m.date or 'undated'} {m.row_name} on {m.issue}: {m.before} -> {m.after}"
                f"  (stated in the article{who})"
            )
            b, a = m.evidence_before, m.evidence_after
            if b is not None and a is not None and (b.span != a.span or b.article_id != a.article_id):
                lines.append(f"    earlier{_stated(b)}: {_where(b)} “{clip_words(b.text, 130)}”")
            if a is not None:
                cue = f" (“{a.period_cue}”)" if a.replaces and a.period_cue else ""
                lines.append(f"    now{cue}: {_where(a)} “{clip_words(a.text, 130)}”")
        elif m.kind == "position":
            lines.append(f"{m.date} {m.row_name} on {m.issue}: {m.before} -> {m.after}")
            if m.evidence_after is not None:
                e = m.evidence_after
                lines.append(f"    {_where(e)} “{clip_words(e.text, 140)}”")
        else:
            lines.append(
                f"{m.date} {m.row_name} vs {m.compared_with}, {m.issue}: "
                f"{m.before or '—'} -> {m.after or '(not reported)'}"
            )
            for label, said in (("earlier", m.evidence_before), ("now", m.evidence_after)):
                if said is not None:  # the article's own words for the dossier option shown
                    lines.append(f"    {label}: {_where(said)} “{clip_words(said.text, 130)}”")
    return lines or ["(nothing moved)"]


def plan_lines(store: Store) -> list[str]:
    lines = []
    for d in plan_versions(store):
        if not d.provisions:
            continue
        by = ", ".join(d.proposed_by) or "?"
        lines.append(
            f"{d.name} ({d.kind}, {d.date or 'date unknown'}, proposed by {by}; {len(d.sources)} articles)"
        )
        for p in d.provisions:
            source = p.sources[0]
            lines.append(
                f"    {p.issue}: {p.value}  [{source.article_id[:10]} {source.span.start}:{source.span.end}]"
            )
        for c in d.changes:
            lines.append(
                f"    changed from {d.compared_with}: {c.issue} {c.change}: {c.old or '—'} -> {c.new or '—'}"
            )
    return lines or ["(no provisions reported)"]


def brief_lines(store: Store, *, as_of: dt.date | None = None, width: int = 100) -> list[str]:
    """The brief's positions section: the side x issue matrix, its evidence, what moved, the plans."""
    cells = positions(store, as_of=as_of)
    out = ["Positions (side × issue, latest)", *matrix_lines(cells, width), "", "Evidence"]
    out += evidence_lines(cells)
    out += ["", "What moved", *change_lines(changes(store)), "", "Plan versions", *plan_lines(store)]
    return out


# -- commands ----------------------------------------------------------------------------------
@click.command("positions")
@click.option("--issue", help="Only this issue (its id in the dossier).")
@click.option("--actor", help="Rows: this actor only.")
@click.option("--side", help="Rows: the actors of this side.")
@click.option("--as-of", "as_of", callback=parse_date, help="Only stances dated on or before this day.")
@json_option
@store_options
def positions_command(store: Store, issue, actor, side, as_of, as_json) -> None:
    """Who stands where on each issue: the latest position, with its evidence."""
    cells = positions(store, issue=issue, actor=actor, side=side, as_of=as_of)
    if as_json:
        json.dump([to_data(c) for c in cells], sys.stdout, ensure_ascii=False, indent=1)
        click.echo()
        return
    for line in [*matrix_lines(cells), "", *evidence_lines(cells)]:
        click.echo(line)


@click.command("changes")
@click.option("--since", callback=parse_date, help="Only what moved on or after this day.")
@click.option("--side", help="Rows: the actors of this side.")
@click.option("--actor", help="Rows: this actor only.")
@json_option
@store_options
def changes_command(store: Store, since, side, actor, as_json) -> None:
    """What moved: positions that changed, and how each plan version differs from the last."""
    moves = changes(store, since=since, side=side, actor=actor)
    if as_json:
        json.dump([to_data(m) for m in moves], sys.stdout, ensure_ascii=False, indent=1)
        click.echo()
        return
    for line in change_lines(moves):
        click.echo(line)


@click.group("dossier")
def dossier_group() -> None:
    """The dossier of the negotiation: sides, actors, issues and documents."""


@dossier_group.command("init")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write here (default: print).")
@click.option("--actors", "n_actors", type=int, default=25, show_default=True)
@click.option("--issues", "n_issues", type=int, default=8, show_default=True)
@click.option("--name", default="", help="The negotiation's name.")
@store_options
def dossier_init(store: Store, output, n_actors, n_issues, name) -> None:
    """Draft a dossier for the analysed corpus: frequent actors, candidate issues and documents."""
    from parley.dossier import draft_dossier, dump_dossier

    text = dump_dossier(draft_dossier(store, actors=n_actors, issues=n_issues, name=name))
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}: edit it, then parley analyse --force --actors {output}")
    else:
        click.echo(text, nl=False)


COMMANDS = (positions_command, changes_command, dossier_group)
