"""The ``parley`` command: a thin click layer over the library.

Each command parses its options, calls the library (jobs in ``parley.ingest.job`` and
``parley.analyse``, look-ups, counts and actions in ``parley.lookups``) and prints. Commands live
by kind: ``cli_jobs`` (ingest, analyse, export), ``cli_records`` (articles, quotes, timeline),
``cli_actors`` (actors list, merge, split); shared options in ``options``.

Exit codes: 0 success; 1 some inputs could not be read (the rest were stored); 2 usage error
(bad option, unknown or ambiguous id); 3 store or configuration error; 130 interrupted (run the
same command again to complete).
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import click

from parley import __version__
from parley.changes import parse_since
from parley.positions import day_shown, positions
from parley.present.brief import build_brief, render_brief
from parley.present.cli_actors import actors
from parley.present.cli_check import check
from parley.present.cli_copy import copy
from parley.present.cli_doctor import doctor
from parley.present.cli_jobs import analyse, export, ingest
from parley.present.cli_records import articles, quotes, timeline
from parley.present.cli_serve import serve
from parley.present.cli_watch import watch
from parley.present.contested import contested, contested_lines
from parley.present.options import db_option, json_option, out, store_options
from parley.present.positions import COMMANDS as POSITION_COMMANDS
from parley.present.positions import LABELS
from parley.present.signals import signal_lines, signals
from parley.store import Store


@click.group()
@click.version_option(__version__, prog_name="parley")
@db_option(root=True)
def cli() -> None:
    """Parley: turn news about a negotiation into a source-linked brief.

    Options of a command go after it; --db may also come before it (parley --db X brief).
    """


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "md", "html"]),
    default="text",
    show_default=True,
    help="text for the terminal; md (Markdown); html (one self-contained file, charts inline, for e-mail).",
)
@click.option(
    "--since",
    metavar="DAY",
    callback=lambda _ctx, _param, value: _day(value),
    help="What changed since this day (2025-12-01; a time is dropped), by publication date "
    "[default: the newest article's day minus one].",
)
@json_option
@store_options
def brief(store: Store, fmt: str, as_json: bool, since: dt.date | None) -> None:
    """The brief: what changed since a day, articles per day and the top outlets, the most quoted
    actors with their latest statements, the most reported events, what the last ingest could not
    read, then each side's latest positions, what is contested and the articles with warning signs."""
    b = build_brief(store, since=since)
    if as_json:
        click.echo(json.dumps(b.as_dict(), ensure_ascii=False, indent=2))
        return
    if fmt != "text":
        from parley.present.web.document import render_html, render_markdown

        click.echo(render_html(b) if fmt == "html" else render_markdown(b), nl=False)
        return
    console = out()
    for line in render_brief(b, console.width):
        console.print(line, overflow="ignore", crop=False)
    width = min(console.width, 100)
    cells = positions(store)
    if cells:  # each side's latest position on each issue; `parley positions` has the evidence
        console.print()
        console.print("Positions (latest; `parley positions` shows the evidence)", style="bold", markup=False)
        rows: dict[str, list[str]] = {}
        for c in cells:
            day = day_shown(c.date, c.evidence)
            if c.evidence.period == "earlier":  # no current stance: what it held before
                day = f"earlier, {day}"
            rows.setdefault(c.row_name, []).append(f"{c.issue} {LABELS.get(c.position, c.position)} ({day})")
        for row, items in rows.items():
            for wrapped in textwrap.wrap(f"{row}: " + "; ".join(items), width, subsequent_indent="    "):
                console.print(wrapped, markup=False, overflow="ignore", crop=False)
    for section in (contested_lines(store, width - 4), signal_lines(store, width - 4)):
        if section:  # its lines run a little past the width given
            console.print()
            console.print(section[0], style="bold", markup=False)
            for text in section[1:]:
                console.print(text, markup=False, overflow="ignore", crop=False)


def _day(value: str | None) -> dt.date | None:
    try:
        return parse_since(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a day like 2025-12-01") from None


for command in (ingest, analyse, brief, articles, quotes, timeline, actors, export):
    cli.add_command(command)
cli.add_command(serve)
for command in POSITION_COMMANDS:  # positions, changes, dossier init
    cli.add_command(command)
cli.add_command(check)
cli.add_command(contested)
cli.add_command(signals)
cli.add_command(watch)
cli.add_command(doctor)
cli.add_command(copy)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
