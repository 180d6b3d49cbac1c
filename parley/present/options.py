"""What every command shares: the store option, ``--json``, dates, exit codes and the consoles.

``--db`` is taken before the command (``parley --db X brief``, on the root group) and after it
(``parley brief --db X``); the nearest wins, then ``PARLEY_DB``, then ``parley.db``. A command
wrapped in :func:`store_options` gets the opened store and turns errors into exit codes:
:class:`~parley.errors.QueryError` (unknown id, ambiguous prefix, bad override) exits 2, any other
:class:`~parley.errors.ParleyError` 3, Ctrl-C 130.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import textwrap
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.markup import escape

from parley import settings
from parley.errors import ParleyError, QueryError
from parley.lookups import UNKNOWN
from parley.store import open_store

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_STORE, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
DB_KEY = "parley.db"  # where a group's --db waits in ``ctx.meta`` for the command that opens it
WIDE = 180  # columns when the output is piped and COLUMNS is not set: tables keep their shape


def out() -> Console:
    """Standard output: the terminal's width (or COLUMNS); a wide page when piped."""
    wide = sys.stdout.isatty() or os.environ.get("COLUMNS")
    return Console(width=None if wide else WIDE, highlight=False)


def err() -> Console:
    return Console(stderr=True, highlight=False)


def fail(message: str, code: int) -> NoReturn:
    err().print(f"[red]error:[/red] {escape(message)}")
    sys.exit(code)


def db_option(*, root: bool) -> Callable[[Callable], Callable]:
    """``--db`` on a group, remembered for the command run under it (which may give its own).
    Only the root group reads ``PARLEY_DB``: an inner group must not undo ``parley --db X``."""

    def remember(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        if value is not None:
            ctx.meta[DB_KEY] = value
        return value

    return click.option(
        "--db",
        "db_path",
        metavar="PATH",
        envvar=settings.DB.name if root else None,
        default=None,
        callback=remember,
        expose_value=False,
        help=f"SQLite store for the command that follows (env {settings.DB.name}; "
        f"default {settings.DB.default}).",
    )


def store_location(db_path: str | None) -> str:
    """The store a command uses: its own ``--db``, else one given before the command, else the
    ``PARLEY_DB`` setting or its default."""
    ctx = click.get_current_context(silent=True)
    return db_path or (ctx.meta.get(DB_KEY) if ctx else None) or settings.DB.get()


def store_options(command: Callable) -> Callable:
    """``--db`` for every command that reads or writes the store, opened and closed for it."""

    @click.option(
        "--db",
        "db_path",
        metavar="PATH",
        default=None,
        help=f"SQLite store to use (also before the command; env {settings.DB.name}; "
        f"default {settings.DB.default}).",
    )
    @functools.wraps(command)
    def wrapper(db_path: str | None, **kwargs: Any) -> Any:
        try:
            store = open_store(store_location(db_path))
        except ParleyError as exc:
            fail(str(exc), EXIT_STORE)
        try:
            return command(store=store, **kwargs)
        except QueryError as exc:
            fail(str(exc), EXIT_USAGE)
        except ParleyError as exc:
            fail(str(exc), EXIT_STORE)
        except KeyboardInterrupt:
            err().print("interrupted: stored batches are complete; run the same command to finish")
            sys.exit(EXIT_INTERRUPTED)
        finally:
            store.close()

    return wrapper


def json_option(command: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")(command)


DAY = "YYYY-MM-DD"


def listing_options(kinds: Callable[[], Iterable[str]], what: str, dated: str, items: str) -> Callable:
    """The options of a listing command: ``--kind`` (one of ``kinds()``, ``what`` in its error),
    ``--since``/``--until`` (``dated``: "Published", or "" for the items' own dates) and
    ``--limit`` (at most so many ``items``)."""
    on = f"{dated} on" if dated else "On"

    def add(command: Callable) -> Callable:
        for option in reversed(
            (
                click.option(
                    "--kind", metavar="KIND", callback=one_of(kinds, what),
                    help=f"Only this kind: {', '.join(kinds())}.",
                ),
                click.option("--since", callback=parse_date, metavar=DAY, help=f"{on} or after {DAY}."),
                click.option("--until", callback=parse_date, metavar=DAY, help=f"{on} or before {DAY}."),
                click.option("--limit", type=int, default=None, help=f"At most this many {items}."),
            )
        ):  # fmt: skip
            command = option(command)
        return command

    return add


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def one_of(valid: Callable[[], Iterable[str]], what: str) -> Callable:
    """A callback that refuses a value not in ``valid()`` (read only when the option is given),
    listing the valid ones; a ``valid()`` that cannot be read (a bad taxonomy file) is an error
    of the command (exit 3), as in its body."""

    def check(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
        try:
            choices = list(valid()) if value is not None else []
        except ParleyError as exc:
            fail(str(exc), EXIT_STORE)
        if value is not None and value not in choices:
            raise click.BadParameter(f"{value!r} is not {what}; choose from {', '.join(choices)}")
        return value

    return check


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else UNKNOWN


def shown(value: Any) -> str:
    """A field as the tables show it: ``unknown`` for a missing value, lists joined by commas."""
    if value is None:
        return UNKNOWN
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value)) if value else "none"
    return str(value)


def wrap(text: str, width: int, hang: int, indent: int = 0) -> list[str]:
    """``text`` in lines of at most ``width``: ``indent`` spaces before the first, ``hang``
    before the others (words are never cut, except one longer than a line)."""
    return textwrap.wrap(
        " ".join(text.split()),
        width=max(width, hang + 20),
        initial_indent=" " * indent,
        subsequent_indent=" " * hang,
        break_on_hyphens=False,
    )
