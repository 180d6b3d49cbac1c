"""The ``parley`` command: a thin click layer over the library.

Exit codes: 0 success; 1 some inputs could not be read (the rest were stored); 2 usage error;
3 store or configuration error; 130 interrupted (run the same command again to complete).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from parley import __version__, settings
from parley.errors import ParleyError
from parley.ingest.job import ingest as run_ingest
from parley.present.brief import build_brief
from parley.present.export import RECORD_FIELDS, article_record, write_csv, write_jsonl
from parley.store import ArticleFilter, Store, open_store

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_STORE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

out = Console(soft_wrap=True)
err = Console(stderr=True)


def store_options(command: Callable) -> Callable:
    """``--db`` for every command that reads or writes the store, opened and closed for it."""

    @click.option(
        "--db",
        "db_path",
        envvar=settings.DB.name,
        default=settings.DB.default,
        show_default=True,
        help="SQLite store to use (env PARLEY_DB).",
    )
    @functools.wraps(command)
    def wrapper(db_path: str, **kwargs: Any) -> Any:
        try:
            store = open_store(db_path)
        except ParleyError as exc:
            err.print(f"[red]error:[/red] {exc}")
            sys.exit(EXIT_STORE)
        try:
            return command(store=store, **kwargs)
        except ParleyError as exc:
            err.print(f"[red]error:[/red] {exc}")
            sys.exit(EXIT_STORE)
        finally:
            store.close()

    return wrapper


def json_option(command: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(command)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


@click.group()
@click.version_option(__version__, prog_name="parley")
def cli() -> None:
    """Parley: turn news about a negotiation into a source-linked brief."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--max-bytes", type=int, envvar=settings.MAX_BYTES.name,
              default=int(settings.MAX_BYTES.default), show_default=True,
              help="Size cap for one file or URL.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-failure lines.")
@json_option
@store_options
def ingest(store: Store, inputs: tuple[str, ...], max_bytes: int, quiet: bool, as_json: bool) -> None:
    """Read articles from files, folders, feeds and http(s) URLs into the store."""
    with Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.description}"), console=err, transient=True,
        disable=quiet or as_json or not err.is_terminal,
    ) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, description=_short(current))

        try:
            report = run_ingest(inputs, store, max_bytes=max_bytes, progress=progress)
        except KeyboardInterrupt:
            err.print("interrupted: stored batches are complete; run the same command to finish")
            sys.exit(EXIT_INTERRUPTED)
    if as_json:
        click.echo(json.dumps({
            "run": report.run_id,
            "new": [a.id for a in report.new],
            "duplicate": [a.id for a in report.duplicates],
            "failed": [{"origin": f.origin, "reason": f.reason} for f in report.failures],
            "skipped": report.skipped,
        }, indent=2))
    else:
        out.print(
            f"[bold]{len(report.new)}[/bold] new, [bold]{len(report.duplicates)}[/bold] duplicate, "
            f"[bold]{len(report.failures)}[/bold] failed"
            + (f", {len(report.skipped)} skipped (not a supported file type)" if report.skipped else "")
            + f"  (store: {store.count_articles()} articles)"
        )
        if report.failures and not quiet:
            for failure in report.failures:
                out.print(f"  [red]failed[/red] {failure.origin}: {failure.reason}", highlight=False)
    sys.exit(EXIT_PARTIAL if report.failures else EXIT_OK)


@cli.command()
@click.argument("article_id", required=False)
@click.option("--outlet", help="Only articles from this outlet.")
@click.option("--since", callback=_date, help="Published on or after YYYY-MM-DD.")
@click.option("--until", callback=_date, help="Published on or before YYYY-MM-DD.")
@click.option("--contains", help="Only articles whose title or text contains this.")
@click.option("--limit", type=int, help="At most this many.")
@json_option
@store_options
def articles(store: Store, article_id: str | None, as_json: bool, **filters: Any) -> None:
    """List stored articles, or show one by its id (a unique prefix is enough)."""
    if article_id:
        article = store.article(article_id)
        if article is None:
            err.print(f"[red]error:[/red] no single article with id {article_id!r}")
            sys.exit(EXIT_USAGE)
        record = article_record(article)
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False, indent=2))
            return
        for key in ("id", "title", "outlet", "url", "published", "published_from", "cites",
                    "language", "author", "origin"):
            value = record[key]
            out.print(f"[bold]{key:>15}[/bold]  {', '.join(value) if isinstance(value, list) else value}",
                      highlight=False)
        out.print()
        out.print(article.text, highlight=False)
        return
    found = list(store.articles(ArticleFilter(**filters)))
    if as_json:
        click.echo(json.dumps([{k: v for k, v in article_record(a).items() if k != "text"}
                               for a in found], ensure_ascii=False, indent=2))
        return
    table = Table("id", "published", "outlet", "title", "cites", box=None, header_style="bold")
    for a in found:
        table.add_row(a.id[:10], _day(a.published), a.outlet or "?", a.title, ", ".join(a.cites))
    out.print(table)
    out.print(f"{len(found)} articles")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--type", "record_type", type=click.Choice(sorted(RECORD_FIELDS)), default="article",
              show_default=True, help="Record type (CSV holds one type).")
@click.option("--output", "-o", type=click.File("w", encoding="utf-8"), default="-",
              help="File to write (default: standard output).")
@store_options
def export(store: Store, fmt: str, record_type: str, output: Any) -> None:
    """Export stored records as JSON Lines or CSV (fields: docs/records.md)."""
    records = (article_record(a) for a in store.articles())
    count = write_jsonl(records, output) if fmt == "jsonl" else write_csv(records, output, record_type)
    err.print(f"exported {count} {record_type} records")


@cli.command()
@json_option
@store_options
def brief(store: Store, as_json: bool) -> None:
    """A short brief of the store: articles per outlet and day, and what could not be read."""
    b = build_brief(store)
    if as_json:
        click.echo(json.dumps(b.as_dict(), ensure_ascii=False, indent=2))
        return
    out.print(f"[bold]Parley brief[/bold]: {b.articles} articles from {len(b.outlets)} outlets")
    days = [d for d, _ in b.days]
    table = Table("outlet", *days, "total", box=None, header_style="bold", title="Articles per outlet and day")
    for outlet, total in b.outlets:
        row = b.by_outlet_day[outlet]
        table.add_row(outlet, *[str(row.get(d, "")) for d in days], str(total))
    out.print(table)
    if b.last_run:
        r = b.last_run
        out.print(f"Last ingest (run {r['id']}): {r['new']} new, {r['duplicate']} duplicate, {r['failed']} failed")
    if b.failures:
        out.print("[bold]Could not be read:[/bold]")
        for f in b.failures:
            out.print(f"  {f['origin']}: {f['reason']}", highlight=False)


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else "unknown"


def _short(location: str, width: int = 50) -> str:
    return location if len(location) <= width else "…" + location[-width + 1 :]


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
