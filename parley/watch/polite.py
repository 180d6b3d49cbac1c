"""Fetching as a good citizen: robots.txt, a rate limit per host, retries with backoff.

:class:`PoliteFetcher` wraps a :class:`~parley.ingest.fetch.Fetcher` (which keeps the size cap and
the address guard) and offers the same ``get``:

- **robots.txt** of each host is read (through the same fetcher) and obeyed with
  :mod:`urllib.robotparser`; it is read again after ``ROBOTS_TTL`` seconds. As RFC 9309 says, a
  robots.txt that is missing (4xx) allows everything, and one that cannot be reached (5xx,
  timeout) forbids everything until it is read again. A ``Crawl-delay`` longer than the rate
  limit is honoured;
- **rate limit**: two requests to one host are at least ``rate_limit`` seconds apart;
- **retries**: a timeout, a failed connection or a 5xx is tried again ``retries`` times, after
  ``backoff``, then twice that, and so on.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from parley.errors import FetchError, InputError
from parley.ingest.fetch import Fetched, Fetcher, TransientFetchError

ROBOTS_TTL = 3600.0
ROBOTS_AGENT = "parley"  # the token a robots.txt names us by


class RobotsDisallowed(FetchError):
    """The site's robots.txt does not let Parley fetch this URL."""


@dataclass
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: every URL is forbidden
    read_at: float


class PoliteFetcher:
    def __init__(
        self,
        fetcher: Fetcher,
        *,
        rate_limit: float = 1.0,
        retries: int = 3,
        backoff: float = 2.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.fetcher = fetcher
        self.rate_limit = rate_limit
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}  # host -> when its last request was sent
        self._robots: dict[str, _Robots] = {}
        self.requests = 0  # sent, retries and robots.txt included

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        """Fetch ``url`` if robots.txt allows it, waiting for the host's turn and retrying."""
        if not self.allowed(url):
            raise RobotsDisallowed(url, "not fetched: the site's robots.txt disallows it")
        return self._fetch(url, headers)

    def fetch_page(self, url: str) -> tuple[bytes, str]:
        """The ``PageFetcher`` a feed reader calls for an entry without a body."""
        fetched = self.get(url)
        return fetched.content, fetched.url

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(host)
        if robots is None or self._clock() - robots.read_at > ROBOTS_TTL:
            robots = self._robots[host] = _Robots(self._read_robots(host), self._clock())
        return robots.parser is not None and robots.parser.can_fetch(ROBOTS_AGENT, url)

    def _read_robots(self, host: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(f"{host}/robots.txt")
        try:
            fetched = self._fetch(f"{host}/robots.txt", None)
        except TransientFetchError:
            return None  # unreachable: forbidden until read again
        except InputError:  # 4xx, too large, refused address: no rules to obey (RFC 9309 2.3.1.3)
            parser.parse([])  # no rules: everything allowed
            return parser
        parser.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
        return parser

    def _wait_turn(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        gap = self.rate_limit
        robots = self._robots.get(f"{parts.scheme}://{parts.netloc}")
        if robots and robots.parser is not None:
            delay = robots.parser.crawl_delay(ROBOTS_AGENT)
            gap = max(gap, float(delay or 0))
        last = self._last.get(host)
        if last is not None and (wait := last + gap - self._clock()) > 0:
            self._sleep(wait)
        self._last[host] = self._clock()

    def _fetch(self, url: str, headers: Mapping[str, str] | None) -> Fetched:
        for attempt in range(self.retries + 1):
            self._wait_turn(url)
            self.requests += 1
            try:
                return self.fetcher.get(url, headers)
            except TransientFetchError:
                if attempt == self.retries:
                    raise
                self._sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        self.fetcher.close()
