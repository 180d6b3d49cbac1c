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
from parley.positions import Cell, Move, changes, plan_versions, positions
from parley.present.options import json_option, parse_date, store_options
from parley.store import Store

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
            text = (
                f"{LABELS.get(c.position, c.position)} {c.date.strftime('%m-%d') if c.date else '?'}"
                if c
                else "·"
            )
            parts.append(text[: column - 1].ljust(column))
        lines.append(name.ljust(first) + "".join(parts))
    return lines


def evidence_lines(cells: list[Cell], limit: int = 160) -> list[str]:
    lines = []
    for c in cells:
        e = c.evidence
        condition = f" (condition: {c.condition})" if c.condition else ""
        lines.append(
            f"{c.row_name} × {c.issue}: {c.position}{condition}, {c.date or 'date unknown'}, "
            f"by {c.holder_name} — {e.article_id[:10]} [{e.span.start}:{e.span.end}] “{_clip(e.text, limit)}”"
        )
        earlier = [f"{h}: {x.position} {x.date or '?'}" for h, x in c.history[:-1]]
        if earlier:
            lines.append("    before: " + "; ".join(earlier[-4:]))
    return lines


def change_lines(moves: list[Move]) -> list[str]:
    lines = []
    for m in moves:
        if m.kind == "position":
            lines.append(f"{m.date} {m.row_name} on {m.issue}: {m.before} -> {m.after}")
            if m.evidence_after is not None:
                e = m.evidence_after
                lines.append(f"    {e.article_id[:10]} [{e.span.start}:{e.span.end}] “{_clip(e.text, 140)}”")
        else:
            lines.append(
                f"{m.date} {m.row_name} vs {m.compared_with}, {m.issue}: "
                f"{m.before or '—'} -> {m.after or '(not reported)'}"
            )
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


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
