"""The boundary with psycopg: opening a connection, naming a server without its password, and
turning every psycopg error into a :class:`~parley.errors.StoreError` that names the operation.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import psycopg

from parley.errors import StoreError

F = TypeVar("F", bound=Callable[..., Any])

CONNECT_TIMEOUT = 10  # seconds, unless the URL sets ``connect_timeout``

# Errors a store method may meet that come from the driver, not from Parley: psycopg's own, and
# a string Python cannot encode for the server (a lone surrogate).
DRIVER_ERRORS: tuple[type[Exception], ...] = (psycopg.Error, UnicodeEncodeError)


def describe(url: str) -> str:
    """The server and database of a URL, without the password: ``postgresql://user@host:port/db``."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""  # none: libpq's default socket
        host = f"[{host}]" if ":" in host else host
        port = f":{parts.port}" if parts.port else ""
        user = f"{parts.username}@" if parts.username else ""
    except ValueError:  # a malformed URL (a bad port): show only its scheme
        return url.split("://", 1)[0] + "://…"
    return f"{parts.scheme}://{user}{host}{port}{parts.path}"


def connect(url: str) -> psycopg.Connection:
    """An autocommit connection: every write runs in an explicit ``transaction()`` block."""
    options: dict[str, Any] = {"autocommit": True, "application_name": "parley"}
    if "connect_timeout" not in url:
        options["connect_timeout"] = CONNECT_TIMEOUT
    return psycopg.connect(url, **options)


def message(exc: BaseException) -> str:
    """psycopg's message on one line (libpq's may span several)."""
    return " ".join(str(exc).split()) or type(exc).__name__


def translated(method: F) -> F:
    """Turn a driver error raised by a store method (or while iterating its result) into a
    StoreError naming the store and the operation. The method's object has a ``name``."""

    def failure(self: Any, exc: Exception) -> StoreError:
        return StoreError(f"{self.name}: {method.__name__} failed: {message(exc)}")

    if inspect.isgeneratorfunction(method):

        @functools.wraps(method)
        def generator(self, *args, **kwargs):
            try:
                yield from method(self, *args, **kwargs)
            except DRIVER_ERRORS as exc:
                raise failure(self, exc) from exc

        return generator  # type: ignore[return-value]

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except DRIVER_ERRORS as exc:
            raise failure(self, exc) from exc

    return wrapper  # type: ignore[return-value]
