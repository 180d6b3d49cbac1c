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
    from parley.present.cli_jobs import progress_bar
    from parley.store.copy import copy_store

    with progress_bar("copy", quiet=False) as (bar, task):

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=stage)

        try:
            report = copy_store(store_location(db_path), target, progress=progress)
        except ParleyError as exc:
            fail(str(exc), EXIT_STORE)
    records = sum(report.records.values())
    counts = [(report.articles, "article"), (report.runs, "ingest run"), (report.analyses, "analysis")]
    said = ", ".join(_count(n, noun) for n, noun in counts)
    out().print(f"copied {said} and {_count(records, 'record')} in {report.seconds:.1f} s", markup=False)


def _count(n: int, noun: str) -> str:
    plural = noun[:-2] + "es" if noun.endswith("is") else noun + "s"
    return f"{n} {noun if n == 1 else plural}"
