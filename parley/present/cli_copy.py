"""``parley copy TARGET``: copy the store into a new, empty one (:func:`parley.store.copy.copy_store`):
a desk moving from its SQLite file to a shared PostgreSQL server, or back, keeps everything it has
read, analysed and decided, and nothing is parsed again."""

from __future__ import annotations

import click

from parley import settings
from parley.errors import ParleyError
from parley.present.options import EXIT_STORE, fail, out, store_location


@click.command("copy")
@click.argument("target", metavar="TARGET")
@click.option(
    "--db",
    "db_path",
    metavar="PATH",
    default=None,
    help=f"Store to copy: a SQLite path or a postgresql:// URL (also before the command; env "
    f"{settings.DB.name}; default {settings.DB.default}).",
)
def copy(db_path: str | None, target: str) -> None:
    """Copy the store into TARGET (a new SQLite path or an empty postgresql:// database): articles,
    ingest runs, analyses, every record type, and your merges and splits."""
    from parley.store.copy import copy_store

    try:
        report = copy_store(store_location(db_path), target)
    except ParleyError as exc:
        fail(str(exc), EXIT_STORE)
    records = sum(report.records.values())
    out().print(
        f"copied {report.articles} articles, {report.runs} ingest runs, {report.analyses} analyses and "
        f"{records} records in {report.seconds:.1f} s",
        markup=False,
    )
