"""``parley serve``: the HTTP API and the dashboard over the store, run by uvicorn.

The application is :func:`parley.present.api.create_app`; this command only finds the store (the
same ``--db`` rules as every command), checks it opens, reads the operator's token from the
environment (never from the command line, where ``ps`` would show it) and runs the server.
"""

from __future__ import annotations

import ipaddress
import os

import click

from parley import settings
from parley.errors import ParleyError
from parley.present.options import EXIT_STORE, err, fail, store_location

API_TOKEN = settings.Setting(
    "PARLEY_API_TOKEN",
    "",
    "Token that turns on the API's write actions (sent as a Bearer token); unset: off.",
)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on."
)
@click.option(
    "--actors",
    "actors_file",
    type=click.Path(exists=True, dir_okay=False),
    envvar="PARLEY_ACTORS",
    help="Actor registry YAML for merge, split and analyse (env PARLEY_ACTORS).",
)
@click.option(
    "--db",
    "db_path",
    metavar="PATH",
    default=None,
    help=f"Store to serve (also before the command; env {settings.DB.name}; default {settings.DB.default}).",
)
def serve(host: str, port: int, actors_file: str | None, db_path: str | None) -> None:
    """Serve the dashboard (/) and the HTTP API (/api; OpenAPI at /docs) over the store. Read-only
    unless the operator sets PARLEY_API_TOKEN, which the write actions then require."""
    import uvicorn

    from parley.present.api import create_app
    from parley.store import open_store

    location = store_location(db_path)
    try:
        open_store(location).close()  # a store that cannot be opened fails here, with exit code 3
    except ParleyError as exc:
        fail(str(exc), EXIT_STORE)
    token = os.environ.get(API_TOKEN.name) or None
    console = err()
    writes = "on (token from PARLEY_API_TOKEN)" if token else "off (set PARLEY_API_TOKEN to turn them on)"
    console.print(
        f"Parley on http://{host}:{port}/ (API /api, docs /docs); store {location}; write actions {writes}"
    )
    if not _loopback(host):
        console.print(
            f"[yellow]note:[/yellow] {host} is reachable from other machines; the server speaks plain HTTP"
        )
    uvicorn.run(
        create_app(location, token=token, actors_file=actors_file),
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
