"""Commands that run a job over the store: ``ingest``, ``analyse`` and ``export``."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sys
from collections.abc import Iterator

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn
from rich.text import Text

from parley import settings
from parley.errors import ConfigError
from parley.ingest.fetch import Fetcher, allowed_networks
from parley.ingest.job import ingest as run_ingest
from parley.nlp import DEFAULT_MODEL
from parley.present.export import export_records, record_fields, write_csv, write_jsonl, write_parquet
from parley.present.options import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARTIAL,
    err,
    json_option,
    out,
    store_options,
)
from parley.store import Store


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--max-bytes",
    type=int,
    envvar=settings.MAX_BYTES.name,
    default=int(settings.MAX_BYTES.default),
    show_default=True,
    help="Size cap for one file or URL (env PARLEY_MAX_BYTES).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-failure lines.")
@click.option(
    "--allow-network",
    "allow_networks",
    multiple=True,
    metavar="CIDR",
    help="Let URL fetching reach this non-public network (e.g. 127.0.0.0/8); repeatable; "
    "adds to env PARLEY_ALLOW_NETWORKS.",
)
@json_option
@store_options
def ingest(
    store: Store,
    inputs: tuple[str, ...],
    max_bytes: int,
    quiet: bool,
    allow_networks: tuple[str, ...],
    as_json: bool,
) -> None:
    """Read articles from files, folders, feeds and http(s) URLs into the store."""
    fetcher = Fetcher(max_bytes=max_bytes, allow_networks=allowed_networks(allow_networks))
    with progress_bar("ingest", quiet or as_json) as (bar, task):

        def progress(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, description=_short(current))

        try:
            report = run_ingest(inputs, store, max_bytes=max_bytes, fetcher=fetcher, progress=progress)
        except KeyboardInterrupt:
            err().print("interrupted: stored batches are complete; run the same command to finish")
            sys.exit(EXIT_INTERRUPTED)
        finally:
            fetcher.close()
    if as_json:
        summary = {
            "run": report.run_id,
            "new": [a.id for a in report.new],
            "duplicate": [a.id for a in report.duplicates],
            "failed": [{"origin": f.origin, "reason": f.reason} for f in report.failures],
            "skipped": report.skipped,
        }
        click.echo(json.dumps(summary, indent=2))
    else:
        console = out()
        console.print(
            f"[bold]{len(report.new)}[/bold] new, [bold]{len(report.duplicates)}[/bold] duplicate, "
            f"[bold]{len(report.failures)}[/bold] failed"
            + (f", {len(report.skipped)} skipped (not a supported file type)" if report.skipped else "")
            + f"  (store: {store.count_articles()} articles)"
        )
        if report.failures and not quiet:
            for failure in report.failures:
                console.print(Text.assemble("  ", ("failed", "red"), f" {failure.origin}: {failure.reason}"))
    sys.exit(EXIT_PARTIAL if report.failures else EXIT_OK)


@click.command()
@click.option(
    "--model",
    envvar="PARLEY_SPACY_MODEL",
    default=DEFAULT_MODEL,
    show_default=True,
    help="spaCy pipeline to parse with (env PARLEY_SPACY_MODEL).",
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    help="Analyse in N processes on this machine, each loading the model once.",
)
@click.option("--workers", type=click.IntRange(min=1), help="Analyse on a local Dask cluster of N workers.")
@click.option(
    "--scheduler",
    metavar="URL",
    help="Analyse on the workers of a running Dask scheduler (tcp://HOST:PORT); "
    "they need Parley and the model installed, not the store.",
)
@click.option(
    "--actors",
    "actors_file",
    type=click.Path(exists=True, dir_okay=False),
    envvar="PARLEY_ACTORS",
    help="Actor registry YAML (default: the bundled one; env PARLEY_ACTORS).",
)
@click.option("--force", is_flag=True, help="Analyse every article again.")
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    envvar=settings.MAX_CHARS.name,
    default=int(settings.MAX_CHARS.default),
    show_default=True,
    help="Longer articles are skipped, with the reason recorded (env PARLEY_MAX_CHARS).",
)
@json_option
@store_options
def analyse(
    store: Store,
    model: str,
    processes: int | None,
    workers: int | None,
    scheduler: str | None,
    actors_file: str | None,
    force: bool,
    max_chars: int,
    as_json: bool,
) -> None:
    """Find actors, quotes and reported statements, dates and events in the stored articles."""
    from parley.analyse import analyse as run_analyse
    from parley.extract.registry import ActorRegistry
    from parley.parallel import executor_for

    try:
        executor = executor_for(processes=processes, workers=workers, scheduler=scheduler)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    registry = ActorRegistry.load(actors_file) if actors_file else None
    with executor, progress_bar("analyse", as_json) as (bar, task):
        report = run_analyse(
            store,
            registry=registry,
            model=model,
            force=force,
            max_chars=max_chars,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
            executor=executor,
        )
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(report), indent=2))
    else:
        console = out()
        console.print(
            f"analysed {report.analysed} articles: {report.statements} statements; "
            f"{report.actors} actors in the corpus"
            + (f"; {len(report.failures)} failed" if report.failures else "")
        )
        for failure in report.failures:
            console.print(
                Text.assemble(
                    "  ", ("failed", "red"), f" {failure.article_id} in {failure.component}: {failure.reason}"
                )
            )
    sys.exit(EXIT_PARTIAL if report.failures else EXIT_OK)


EXPORT_TYPES = record_fields()  # the article and every registered record type, plugins' included


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="JSON Lines (any types), CSV or Parquet (one type each).",
)
@click.option(
    "--type",
    "record_type",
    type=click.Choice(["all", *EXPORT_TYPES]),
    default=None,
    help="Record type; JSON Lines default: all types; CSV and Parquet (one type only) default: article.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-",
    help="File to write (default: standard output).",
)
@store_options
def export(store: Store, fmt: str, record_type: str | None, output: str) -> None:
    """Export stored records as JSON Lines, CSV or Parquet (fields: docs/records.md)."""
    record_type = record_type or ("all" if fmt == "jsonl" else "article")
    if fmt != "jsonl" and record_type == "all":
        kind = "CSV" if fmt == "csv" else "Parquet"
        raise click.BadParameter(
            f"{kind} holds one record type: choose one of {', '.join(EXPORT_TYPES)}", param_hint="--type"
        )
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        raise click.BadParameter("Parquet is binary: give a file (-o FILE) or pipe it", param_hint="--output")
    records = export_records(store, record_type)
    if fmt == "parquet":
        with click.open_file(output, "wb") as binary:
            count = write_parquet(records, binary, record_type)
    else:
        with click.open_file(output, "w", encoding="utf-8") as text:
            count = write_jsonl(records, text) if fmt == "jsonl" else write_csv(records, text, record_type)
    err().print(f"exported {count} records ({record_type})")


@contextlib.contextmanager
def progress_bar(label: str, quiet: bool) -> Iterator[tuple[Progress, TaskID]]:
    console = err()
    with Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    ) as bar:
        yield bar, bar.add_task("", total=None)


def _short(location: str, width: int = 50) -> str:
    return location if len(location) <= width else "…" + location[-width + 1 :]
