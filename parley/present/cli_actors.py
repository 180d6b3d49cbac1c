"""``parley actors``: list the canonical actors, merge and split them (kept across re-analysis)."""

from __future__ import annotations

import json

import click
from rich.table import Table

from parley.extract.registry import ActorRegistry
from parley.lookups import merge_actors, speaker_tally, split_actor
from parley.present.export import as_record
from parley.present.options import db_option, json_option, out, store_options
from parley.store import Store

actors_file_option = click.option(
    "--actors",
    "actors_file",
    type=click.Path(exists=True, dir_okay=False),
    envvar="PARLEY_ACTORS",
    help="Actor registry YAML (default: the bundled one; env PARLEY_ACTORS).",
)


@click.group(invoke_without_command=True)
@db_option(root=False)
@json_option
@click.pass_context
def actors(ctx: click.Context, as_json: bool) -> None:
    """Canonical actors: list them, or merge and split them (kept across re-analysis)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(actors_list, db_path=None, as_json=as_json)


@actors.command("list")
@json_option
@store_options
def actors_list(store: Store, as_json: bool) -> None:
    """List actors with side, roles, aliases and how often they are quoted."""
    counts = speaker_tally(store, latest=0).by_actor
    found = store.actors()
    if as_json:
        records = [as_record("actor", a) | {"statements": counts.get(a.id, 0)} for a in found]
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    table = Table(box=None, header_style="bold")
    table.add_column("id", no_wrap=True, min_width=min(30, max((len(a.id) for a in found), default=2)))
    for column in ("name", "kind", "side", "roles", "aliases"):
        table.add_column(column)
    table.add_column("said", justify="right")
    for a in sorted(found, key=lambda a: (-counts.get(a.id, 0), a.id)):
        row = [a.id, a.name, a.kind, a.side or "", "; ".join(a.roles), ", ".join(a.aliases)]
        table.add_row(*row, str(counts.get(a.id, 0)))
    console = out()
    console.print(table)
    console.print(f"{len(found)} actors")


@actors.command("merge")
@click.argument("source")
@click.argument("target")
@actors_file_option
@store_options
def actors_merge(store: Store, source: str, target: str, actors_file: str | None) -> None:
    """Merge actor SOURCE into actor TARGET (ids as `parley actors` shows them, or unique
    prefixes)."""
    now = merge_actors(store, source, target, _registry(actors_file))
    out().print(f"merge recorded; {len(now)} actors")


@actors.command("split")
@click.argument("actor_id")
@click.argument("name")
@actors_file_option
@store_options
def actors_split(store: Store, actor_id: str, name: str, actors_file: str | None) -> None:
    """Split the mentions written NAME out of ACTOR_ID into an actor of their own."""
    now = split_actor(store, actor_id, name, _registry(actors_file))
    out().print(f"split recorded; {len(now)} actors")


def _registry(actors_file: str | None) -> ActorRegistry | None:
    return ActorRegistry.load(actors_file) if actors_file else None
