"""``parley watch CONFIG``: poll the config's feeds and pages, ingest and analyse what is new,
and alert on what changed (a thin layer over :func:`parley.watch.run_watch`)."""

from __future__ import annotations

import json
import sys

import click

from parley import settings
from parley.errors import ParleyError
from parley.ingest.fetch import ALLOW_NETWORKS, allowed_networks
from parley.present.options import EXIT_INTERRUPTED, EXIT_STORE, err, fail, store_location
from parley.store import Store, open_store
from parley.watch import CycleReport, load_config, run_watch


@click.command()
@click.argument("config_path", metavar="CONFIG", type=click.Path(exists=True, dir_okay=False))
@click.option("--once", is_flag=True, help="Run one cycle and stop (same as --cycles 1).")
@click.option("--cycles", type=click.IntRange(min=1), default=None, help="Stop after this many cycles.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds between cycles (default: config's).",
)
@click.option(
    "--allow-network",
    "allow_networks",
    multiple=True,
    metavar="CIDR",
    help=f"Let fetching reach this non-public network (e.g. 127.0.0.0/8); repeatable. "
    f"Adds to the config's allow_networks and env {ALLOW_NETWORKS.name}.",
)
@click.option("--json", "as_json", is_flag=True, help="Print each cycle's report as one JSON line on stderr.")
@click.option("--db", "db_path", metavar="PATH", default=None, help=f"Store (env {settings.DB.name}).")
def watch(
    config_path: str,
    once: bool,
    cycles: int | None,
    interval: float | None,
    allow_networks: tuple[str, ...],
    as_json: bool,
    db_path: str | None,
) -> None:
    """Poll feeds and pages from CONFIG (YAML, see docs/watch.md), ingest and analyse what is new,
    and send alerts on new positions, denials, events and actors. Ctrl-C stops between cycles."""
    location = store_location(db_path)
    try:
        config = load_config(config_path)
        networks = allowed_networks(allow_networks)
        store: Store = open_store(location)
    except ParleyError as exc:
        fail(str(exc), EXIT_STORE)

    def report(cycle: CycleReport) -> None:
        if as_json:
            click.echo(json.dumps(cycle.to_dict()), err=True)
            return
        err().print(
            f"cycle {cycle.number}: {len(cycle.fetched)} fetched, {len(cycle.not_modified)} not modified, "
            f"{len(cycle.new)} new, {len(cycle.failures)} failed, {len(cycle.alerts)} alerts "
            f"({cycle.requests} requests, {cycle.seconds:.1f}s)"
        )
        for failure in cycle.failures:
            err().print(f"  failed {failure.origin}: {failure.reason}", markup=False)

    try:
        run_watch(
            config,
            store,
            store_location=location,
            cycles=1 if once else cycles,
            interval=interval,
            allow_networks=networks,
            stdout=sys.stdout,
            on_cycle=report,
        )
    except ParleyError as exc:
        fail(str(exc), EXIT_STORE)
    except KeyboardInterrupt:
        err().print("interrupted: what each finished cycle stored and remembered is kept")
        sys.exit(EXIT_INTERRUPTED)
    finally:
        store.close()
