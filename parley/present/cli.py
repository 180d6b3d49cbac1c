"""The ``parley`` command: a thin click layer over the library.

Exit codes: 0 success; 1 some inputs could not be read (the rest were stored); 2 usage error;
3 store or configuration error; 130 interrupted (run the same command again to complete).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from parley import __version__, settings
from parley.errors import ParleyError
from parley.ingest.job import ingest as run_ingest
from parley.nlp import DEFAULT_MODEL
from parley.present.brief import build_brief
from parley.present.export import RECORD_FIELDS, article_record, export_records, write_csv, write_jsonl
from parley.store import ArticleFilter, EventFilter, StatementFilter, Store, open_store

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_STORE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

# Tables keep their shape when piped: a wide console unless the terminal (or COLUMNS) says.
out = Console(width=None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 180)
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
@click.option(
    "--max-bytes",
    type=int,
    envvar=settings.MAX_BYTES.name,
    default=int(settings.MAX_BYTES.default),
    show_default=True,
    help="Size cap for one file or URL.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-failure lines.")
@json_option
@store_options
def ingest(store: Store, inputs: tuple[str, ...], max_bytes: int, quiet: bool, as_json: bool) -> None:
    """Read articles from files, folders, feeds and http(s) URLs into the store."""
    with _progress("ingest", quiet or as_json) as (bar, task):

        def progress(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, description=_short(current))

        try:
            report = run_ingest(inputs, store, max_bytes=max_bytes, progress=progress)
        except KeyboardInterrupt:
            err.print("interrupted: stored batches are complete; run the same command to finish")
            sys.exit(EXIT_INTERRUPTED)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "run": report.run_id,
                    "new": [a.id for a in report.new],
                    "duplicate": [a.id for a in report.duplicates],
                    "failed": [{"origin": f.origin, "reason": f.reason} for f in report.failures],
                    "skipped": report.skipped,
                },
                indent=2,
            )
        )
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
        for key in (
            "id",
            "title",
            "outlet",
            "url",
            "published",
            "published_from",
            "cites",
            "language",
            "author",
            "origin",
        ):
            value = record[key]
            out.print(
                f"[bold]{key:>15}[/bold]  {', '.join(value) if isinstance(value, list) else value}",
                highlight=False,
            )
        out.print()
        out.print(article.text, highlight=False)
        return
    found = list(store.articles(ArticleFilter(**filters)))
    if as_json:
        click.echo(
            json.dumps(
                [{k: v for k, v in article_record(a).items() if k != "text"} for a in found],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    table = Table("id", "published", "outlet", "title", "cites", box=None, header_style="bold")
    for a in found:
        table.add_row(a.id[:10], _day(a.published), a.outlet or "?", a.title, ", ".join(a.cites))
    out.print(table)
    out.print(f"{len(found)} articles")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option(
    "--type",
    "record_type",
    type=click.Choice(["all", *sorted(RECORD_FIELDS)]),
    default=None,
    help="Record type; JSON Lines default: all types; CSV (one type only) default: article.",
)
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (default: standard output).",
)
@store_options
def export(store: Store, fmt: str, record_type: str, output: Any) -> None:
    """Export stored records as JSON Lines or CSV (fields: docs/records.md)."""
    record_type = record_type or ("all" if fmt == "jsonl" else "article")
    if fmt == "csv" and record_type == "all":
        raise click.UsageError("CSV holds one record type: pass --type article|actor|statement")
    records = export_records(store, record_type)
    count = write_jsonl(records, output) if fmt == "jsonl" else write_csv(records, output, record_type)
    err.print(f"exported {count} records ({record_type})")


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
    outlets = [o for o, _ in b.outlets]
    table = Table(
        "day", *outlets, "total", box=None, header_style="bold", title="Articles per day and outlet"
    )
    for day, total in b.days:
        table.add_row(day, *[str(b.by_outlet_day[o].get(day, "")) for o in outlets], str(total))
    table.add_row("total", *[str(n) for _, n in b.outlets], str(b.articles), style="bold")
    out.print(table)
    if b.speakers:
        out.print()
        out.print("[bold]Who said what[/bold] (most quoted; latest first)")
        for sp in b.speakers:
            out.print(
                f"  [bold]{sp['name']}[/bold] ({sp['side'] or 'no side'}): {sp['statements']} statements",
                highlight=False,
            )
            for st in sp["latest"]:
                where = escape(f"[{st['article_id'][:8]} {st['span'][0]}-{st['span'][1]}]")
                out.print(
                    f"    {st['said_on'] or 'date unknown'}  {st['cue'] or ''}: {_clip(st['text'], 110)}"
                    f"  [dim]{where}[/dim]",
                    highlight=False,
                )
    if b.events:
        out.print()
        out.print("[bold]What happened when[/bold] (most reported events; `parley timeline` has them all)")
        for ev in b.events:
            who = ", ".join(ev["participants"][:3])
            where = f" in {ev['place']}" if ev["place"] else ""
            disputed = f"; sources disagree on {', '.join(ev['conflicts'])}" if ev["conflicts"] else ""
            out.print(
                f"  {ev['date']}  {ev['type']}{where}: {who or _clip(ev['summary'], 80)}"
                f"  [dim]({ev['sources']} sources{disputed})[/dim]",
                highlight=False,
            )
    if b.last_run:
        out.print()
        r = b.last_run
        state = "" if r["finished_at"] else " [yellow]interrupted: run it again to finish[/yellow]"
        out.print(
            f"Last ingest (run {r['id']}): {r['new']} new, {r['duplicate']} duplicate, {r['failed']} failed"
            + state
        )
    if b.failures:
        out.print("[bold]Could not be read:[/bold]")
        for f in b.failures:
            out.print(f"  {f['origin']}: {f['reason']}", highlight=False)


@cli.command()
@click.option(
    "--model",
    envvar="PARLEY_SPACY_MODEL",
    default=DEFAULT_MODEL,
    show_default=True,
    help="spaCy pipeline to parse with (env PARLEY_SPACY_MODEL).",
)
@click.option("--processes", type=int, default=1, show_default=True, help="Parser processes.")
@click.option(
    "--actors",
    "actors_file",
    type=click.Path(exists=True, dir_okay=False),
    envvar="PARLEY_ACTORS",
    help="Actor registry YAML (default: the bundled one).",
)
@click.option("--force", is_flag=True, help="Analyse every article again.")
@json_option
@store_options
def analyse(
    store: Store, model: str, processes: int, actors_file: str | None, force: bool, as_json: bool
) -> None:
    """Find actors, quotes and reported statements, and dates in the stored articles."""
    from parley.analyse import analyse as run_analyse
    from parley.extract.registry import ActorRegistry

    registry = ActorRegistry.load(actors_file) if actors_file else None
    with _progress("analyse", as_json) as (bar, task):
        report = run_analyse(
            store,
            registry=registry,
            model=model,
            n_process=processes,
            force=force,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(report), indent=2))
    else:
        out.print(
            f"analysed {report.analysed} articles: {report.statements} statements; "
            f"{report.actors} actors in the corpus"
            + (f"; {len(report.failures)} failed" if report.failures else "")
        )
        for failure in report.failures:
            out.print(
                f"  [red]failed[/red] {failure.article_id} in {failure.component}: {failure.reason}",
                highlight=False,
            )
    sys.exit(EXIT_PARTIAL if report.failures else EXIT_OK)


@cli.command()
@click.option("--speaker", help="An actor's name, alias or id, or words used for the speaker.")
@click.option("--since", callback=_date, help="Said on or after YYYY-MM-DD.")
@click.option("--until", callback=_date, help="Said on or before YYYY-MM-DD.")
@click.option("--contains", help="Only statements whose text contains this.")
@click.option("--kind", type=click.Choice(["direct", "reported"]), help="Direct quotes or reported speech.")
@click.option("--article", "article_id", help="Only statements from this article.")
@click.option("--limit", type=int, help="At most this many.")
@json_option
@store_options
def quotes(store: Store, speaker: str | None, as_json: bool, **filters: Any) -> None:
    """Who said what: quotes and reported statements with their resolved speakers."""
    from parley.present.export import statement_record

    actors = {a.id: a for a in store.actors()}
    ids = _actor_ids(actors, speaker) if speaker else None
    found = list(store.statements(StatementFilter(speaker_actor_ids=ids, **filters)))
    if as_json:
        click.echo(json.dumps([statement_record(s) for s in found], ensure_ascii=False, indent=2))
        return
    table = Table("said on", "speaker", "cue", "kind", "statement", "article", box=None, header_style="bold")
    for s in found:
        who = (
            actors[s.speaker_actor_id].name
            if s.speaker_actor_id in actors
            else f"[dim]{s.speaker or '?'}[/dim]"
        )
        table.add_row(_day(s.said_on), who, s.cue or "", s.kind, _clip(s.text, 160), s.article_id[:8])
    out.print(table)
    out.print(f"{len(found)} statements")


@cli.command()
@click.option("--actor", help="Only events with this participant (name, alias or id).")
@click.option("--since", callback=_date, help="On or after YYYY-MM-DD.")
@click.option("--until", callback=_date, help="On or before YYYY-MM-DD.")
@click.option("--type", "event_type", help="Only this event type (see docs/events.md).")
@click.option("--sources", "show_sources", is_flag=True, help="List each event's sources and conflicts.")
@json_option
@store_options
def timeline(
    store: Store, actor: str | None, since, until, event_type: str | None, show_sources: bool, as_json: bool
) -> None:
    """What happened when: events merged across articles, with their sources."""
    from parley.present.export import event_record

    actors = {a.id: a for a in store.actors()}
    ids = _actor_ids(actors, actor) if actor else None
    found = store.events(EventFilter(actor_ids=ids, since=since, until=until, type=event_type))
    if as_json:
        click.echo(json.dumps([event_record(e) for e in found], ensure_ascii=False, indent=2))
        return
    table = Table(
        "date",
        "type",
        "participants",
        "place",
        "details",
        "sources",
        "summary",
        box=None,
        header_style="bold",
    )
    for e in found:
        names = ", ".join(actors[p].name if p in actors else p for p in e.participants[:4])
        details = ", ".join(
            filter(
                None,
                [
                    e.duration and f"lasted {e.duration}",
                    *(f"{k} {v}" for k, v in e.figures.items()),
                    e.status if e.status != "reported" else None,
                    "conflicting " + "/".join(e.conflicts) if e.conflicts else None,
                ],
            )
        )
        table.add_row(
            _event_day(e), e.type, names, e.place or "", details, str(len(e.sources)), _clip(e.summary, 100)
        )
    out.print(table)
    out.print(f"{len(found)} events")
    if show_sources:
        for e in found:
            out.print(f"\n[bold]{_event_day(e)} {e.type}[/bold] {escape(e.id)}", highlight=False)
            for src in e.sources:
                out.print(
                    f"  {src.outlet or '?'} ({src.published or 'undated'}) {src.article_id[:8]} "
                    f"{src.span.start}-{src.span.end}: date {src.date or '?'}, place {src.place or '?'}, "
                    f"duration {src.duration or '?'}",
                    highlight=False,
                )
            for key, told in e.conflicts.items():
                out.print(
                    f"  [yellow]{key} disagrees:[/yellow] "
                    + "; ".join(f"{t['value']} ({t['article_id'][:8]})" for t in told),
                    highlight=False,
                )


def _event_day(e) -> str:
    if e.date is None:
        return "undated"
    if e.precision == "month":
        return e.date.strftime("%Y-%m")
    if e.precision == "week":
        return f"week of {e.date.isoformat()}"
    return e.date.isoformat()


@cli.group(invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    envvar=settings.DB.name,
    default=settings.DB.default,
    show_default=True,
    help="SQLite store to use (env PARLEY_DB).",
)
@json_option
@click.pass_context
def actors(ctx: click.Context, db_path: str, as_json: bool) -> None:
    """Canonical actors: list them, or merge and split them (kept across re-analysis)."""
    ctx.default_map = {name: {"db_path": db_path} for name in ("list", "merge", "split")}
    if ctx.invoked_subcommand is None:
        ctx.invoke(actors_list, db_path=db_path, as_json=as_json)


@actors.command("list")
@json_option
@store_options
def actors_list(store: Store, as_json: bool) -> None:
    """List actors with side, roles, aliases and how often they are quoted."""
    from parley.present.export import actor_record

    counts: dict[str, int] = {}
    for s in store.statements():
        if s.speaker_actor_id:
            counts[s.speaker_actor_id] = counts.get(s.speaker_actor_id, 0) + 1
    found = store.actors()
    if as_json:
        click.echo(
            json.dumps(
                [actor_record(a) | {"statements": counts.get(a.id, 0)} for a in found],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    table = Table("id", "name", "kind", "side", "roles", "aliases", "said", box=None, header_style="bold")
    for a in sorted(found, key=lambda a: (-counts.get(a.id, 0), a.id)):
        table.add_row(
            a.id,
            a.name,
            a.kind,
            a.side or "",
            "; ".join(a.roles),
            ", ".join(a.aliases),
            str(counts.get(a.id, 0)),
        )
    out.print(table)
    out.print(f"{len(found)} actors")


@actors.command("merge")
@click.argument("source")
@click.argument("target")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False), envvar="PARLEY_ACTORS")
@store_options
def actors_merge(store: Store, source: str, target: str, actors_file: str | None) -> None:
    """Merge actor SOURCE into actor TARGET (ids as `parley actors` shows them)."""
    _override(store, "merge", source, target, actors_file)


@actors.command("split")
@click.argument("actor_id")
@click.argument("name")
@click.option("--actors", "actors_file", type=click.Path(exists=True, dir_okay=False), envvar="PARLEY_ACTORS")
@store_options
def actors_split(store: Store, actor_id: str, name: str, actors_file: str | None) -> None:
    """Split the mentions written NAME out of ACTOR_ID into an actor of their own."""
    _override(store, "split", actor_id, name, actors_file)


def _override(store: Store, action: str, source: str, target: str, actors_file: str | None) -> None:
    from parley.analyse import resolve_corpus
    from parley.extract.registry import ActorRegistry, default_registry

    known = {a.id: a for a in store.actors()}
    missing = [x for x in ([source, target] if action == "merge" else [source]) if x not in known]
    if missing:
        err.print(f"[red]error:[/red] no actor with id {', '.join(missing)} (see `parley actors`)")
        sys.exit(EXIT_USAGE)
    if action == "split" and target not in known[source].aliases and target != known[source].name:
        err.print(
            f"[red]error:[/red] {source} has no name {target!r}; its names: "
            f"{', '.join((known[source].name, *known[source].aliases))}"
        )
        sys.exit(EXIT_USAGE)
    store.add_override(action, source, target)
    registry = ActorRegistry.load(actors_file) if actors_file else default_registry()
    actors_now = resolve_corpus(store, registry)
    out.print(f"{action} recorded; {len(actors_now)} actors")


def _actor_ids(actors: dict[str, Any], words: str) -> tuple[str, ...]:
    from parley.extract.registry import fold

    key = fold(words)
    return tuple(
        a.id for a in actors.values() if key == a.id or any(key in fold(n) for n in (a.name, *a.aliases))
    )


@contextlib.contextmanager
def _progress(label: str, quiet: bool):
    with Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.description}"),
        console=err,
        transient=True,
        disable=quiet or not err.is_terminal,
    ) as bar:
        yield bar, bar.add_task("", total=None)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else "unknown"


def _short(location: str, width: int = 50) -> str:
    return location if len(location) <= width else "…" + location[-width + 1 :]


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
