"""HTTP(S) fetching with httpx: timeouts, a size cap, only http and https.

A backend is one narrow callable, ``Fetcher.get(url) -> Fetched``; tests point it at a real
local server. httpx's errors are translated into :class:`parley.errors.FetchError` here.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from parley import __version__, settings
from parley.errors import ConfigError, FetchError, TooLarge, UnsupportedInput

DEFAULT_TIMEOUT = float(settings.TIMEOUT.default)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str


def check_url(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsupportedInput(url, f"only http and https URLs are fetched, not {scheme or 'no scheme'}")


def default_timeout() -> float:
    """The PARLEY_TIMEOUT setting, in seconds."""
    value = settings.TIMEOUT.get()
    try:
        timeout = float(value)
    except ValueError:
        timeout = -1.0
    if not timeout > 0:
        raise ConfigError(f"{settings.TIMEOUT.name} must be a positive number of seconds, not {value!r}")
    return timeout


class Fetcher:
    def __init__(
        self,
        timeout: float | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        """``timeout`` in seconds; None: the PARLEY_TIMEOUT setting (default 15)."""
        self.max_bytes = max_bytes
        if timeout is None:
            timeout = default_timeout()
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": f"parley/{__version__} (+news ingest)"},
            transport=transport,
        )

    def get(self, url: str) -> Fetched:
        check_url(url)
        try:
            with self._client.stream("GET", url) as response:
                check_url(str(response.url))
                if response.status_code >= 400:
                    raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise TooLarge(url, f"{int(declared)} bytes is over the {self.max_bytes}-byte cap")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise TooLarge(url, f"more than the {self.max_bytes}-byte cap")
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "")
                return Fetched(str(response.url), b"".join(chunks), content_type)
        except httpx.UnsupportedProtocol as exc:  # a redirect to ftp:, file:, ...
            raise UnsupportedInput(url, f"redirected to a URL that is not http or https: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"could not fetch: {exc}") from exc

    def close(self) -> None:
        self._client.close()
