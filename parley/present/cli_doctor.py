"""``parley doctor``: check a store's integrity (:mod:`parley.doctor`) and print what is wrong.

Exit codes: 0 healthy (warnings may be listed); 1 the store has problems (errors listed); 3 the
store cannot be opened at all. The store is opened read-only and never migrated.
"""

from __future__ import annotations

import json
import sys

import click
from rich.markup import escape

from parley import settings
from parley.doctor import Diagnosis, diagnose
from parley.errors import ParleyError
from parley.present.options import EXIT_OK, EXIT_STORE, fail, json_option, out, store_location

EXIT_UNHEALTHY = 1


@click.command()
@click.option(
    "--db",
    "db_path",
    metavar="PATH",
    default=None,
    help=f"Store to check: a SQLite path or a postgresql:// URL (also before the command; env "
    f"{settings.DB.name}; default {settings.DB.default}).",
)
@json_option
def doctor(db_path: str | None, as_json: bool) -> None:
    """Check a store's integrity and say what is wrong, with a suggested fix for each problem."""
    try:
        found = diagnose(store_location(db_path))
    except ParleyError as exc:
        fail(str(exc), EXIT_STORE)
    if as_json:
        click.echo(json.dumps(found.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print(found)
    sys.exit(EXIT_OK if found.healthy else EXIT_UNHEALTHY)


def _print(found: Diagnosis) -> None:
    console = out()
    console.print(
        f"{escape(found.store)} ({found.backend}, schema {found.schema_version}): "
        f"{found.articles} articles, {found.analysed} analysed, {found.records} records"
    )
    for p in sorted(found.problems, key=lambda p: p.severity != "error"):
        colour = "red" if p.severity == "error" else "yellow"
        console.print(f"[{colour}]{p.severity}[/{colour}] {p.count} {escape(p.what)}")
        for example in p.examples:
            console.print(f"    e.g. {escape(example)}", overflow="fold")
        console.print(f"    fix: {escape(p.fix)}", overflow="fold")
    verdict = "healthy" if found.healthy else f"{len(found.errors)} problem(s) to repair"
    console.print(f"[bold]{verdict}[/bold] ({len(found.checks)} checks: {', '.join(found.checks)})")
