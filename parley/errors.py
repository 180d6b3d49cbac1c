"""Parley's exceptions. Every error Parley raises on purpose is a :class:`ParleyError`.

The tree::

    ParleyError
    ├── InputError              one input could not be turned into an article; the batch goes on
    │   ├── EmptyInput          the file or response has no text
    │   ├── BinaryInput         the bytes are not text in any encoding we accept
    │   ├── TooLarge            over the size cap (``--max-bytes``)
    │   ├── UnsupportedInput    a file type or URL scheme Parley does not read
    │   ├── MalformedInput      a feed or JSON line that does not parse, or lacks required fields
    │   ├── NoArticleFound      an HTML page or feed with no article text in it
    │   └── FetchError          a URL that could not be fetched (network, timeout, HTTP status)
    ├── StoreError              the database could not be opened, migrated or written
    ├── ConfigError             a data file (actors, outlets, boilerplate) is invalid
    └── QueryError              a look-up or action asked of the store cannot be done as asked
        ├── NotFound            no record with that id (or id prefix), no actor with that name
        ├── AmbiguousId         an id prefix that fits several records (carries the candidates)
        └── InvalidOverride     an actor merge or split that cannot apply (e.g. a name it lacks)

Errors from libraries (httpx, feedparser, sqlite3, json) are translated at the boundary of the
module that calls them, with ``raise ... from``, so callers only need to catch ParleyError.
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base class of every error Parley raises on purpose."""

    code = "E000"


class InputError(ParleyError):
    """One input could not be read. Carries the input's origin (path, URL, ``path#line``)."""

    code = "E100"

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class TooLarge(InputError):
    code = "E103"


class UnsupportedInput(InputError):
    code = "E104"


class MalformedInput(InputError):
    code = "E105"


class NoArticleFound(InputError):
    code = "E106"


class FetchError(InputError):
    code = "E107"


class StoreError(ParleyError):
    code = "E200"


class ConfigError(ParleyError):
    code = "E300"


class QueryError(ParleyError):
    """A look-up or action asked of the store cannot be done as asked (the CLI exits 2)."""

    code = "E400"


class NotFound(QueryError):
    code = "E401"


class AmbiguousId(QueryError):
    """An id prefix that fits several records; ``candidates`` holds their full ids."""

    code = "E402"

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


class InvalidOverride(QueryError):
    code = "E403"
