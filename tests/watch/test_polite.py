"""robots.txt, the rate limit per host, retries with backoff and the user agent, against the
local news site."""

from __future__ import annotations

import pytest

from parley.ingest.fetch import Fetcher, TransientFetchError, parse_networks
from parley.watch.polite import PoliteFetcher, RobotsDisallowed
from tests.watch.conftest import GENEVA, Resource, html_page

LOOPBACK = parse_networks(["127.0.0.0/8"])


class Clock:
    """A clock that moves only when the fetcher sleeps: every wait is recorded, none is spent."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def polite(clock: Clock, **kwargs) -> PoliteFetcher:
    return PoliteFetcher(
        Fetcher(timeout=2, allow_networks=LOOPBACK), sleep=clock.sleep, clock=clock, **kwargs
    )


def test_robots_txt_disallow_is_obeyed_and_read_once(site):
    site.robots("User-agent: *\nDisallow: /private/\n\nUser-agent: parley\nDisallow: /drafts/\n")
    site.resources["/news/a.html"] = Resource(html_page(GENEVA))
    site.resources["/drafts/b.html"] = Resource(html_page(GENEVA))
    fetcher = polite(Clock(), rate_limit=0)
    assert fetcher.get(site.url("/news/a.html")).status == 200
    with pytest.raises(RobotsDisallowed, match="robots.txt disallows"):
        fetcher.get(site.url("/drafts/b.html"))
    assert [p for p, _ in site.hits] == ["/robots.txt", "/news/a.html"]  # /drafts/ never asked for


def test_a_missing_robots_txt_allows_everything_and_an_unreachable_one_nothing(site):
    site.resources["/news/a.html"] = Resource(html_page(GENEVA))
    assert polite(Clock(), rate_limit=0).get(site.url("/news/a.html")).status == 200  # robots.txt: 404
    site.robots("User-agent: *\nAllow: /\n")
    site.resources["/robots.txt"].fail = 10
    with pytest.raises(RobotsDisallowed):
        polite(Clock(), rate_limit=0, retries=1, backoff=0).get(site.url("/news/a.html"))
    assert site.requests_for("/robots.txt")[-2:] == [503, 503]


def test_requests_to_one_host_are_spaced_by_the_rate_limit_or_the_crawl_delay(site):
    for n in range(3):
        site.resources[f"/news/{n}.html"] = Resource(html_page(GENEVA))
    clock = Clock()
    fetcher = polite(clock, rate_limit=1.5)
    for n in range(3):
        fetcher.get(site.url(f"/news/{n}.html"))
    assert clock.sleeps == [1.5, 1.5, 1.5]  # robots.txt, then three pages, each 1.5 s after the last
    site.robots("User-agent: *\nCrawl-delay: 4\n")
    clock = Clock()
    slow = polite(clock, rate_limit=1.5)
    slow.get(site.url("/news/0.html"))
    slow.get(site.url("/news/1.html"))
    assert clock.sleeps == [4.0, 4.0]  # after robots.txt, its delay: longer than the rate limit


def test_5xx_answers_are_retried_with_exponential_backoff(site):
    site.resources["/news/a.html"] = Resource(html_page(GENEVA), fail=2)
    clock = Clock()
    fetcher = polite(clock, rate_limit=0, retries=3, backoff=0.5)
    assert fetcher.get(site.url("/news/a.html")).status == 200
    assert site.requests_for("/news/a.html") == [503, 503, 200]
    assert clock.sleeps == [0.5, 1.0]
    site.resources["/news/b.html"] = Resource(b"", fail=9)
    with pytest.raises(TransientFetchError, match="HTTP 503"):
        polite(Clock(), rate_limit=0, retries=2, backoff=0.5).get(site.url("/news/b.html"))
    assert site.requests_for("/news/b.html") == [503, 503, 503]


def test_a_404_is_not_retried(site):
    with pytest.raises(Exception, match="HTTP 404"):
        polite(Clock(), rate_limit=0, retries=3).get(site.url("/nowhere"))
    assert site.requests_for("/nowhere") == [404]


def test_the_user_agent_names_parley_its_version_and_a_contact(site):
    site.resources["/news/a.html"] = Resource(html_page(GENEVA))
    fetcher = Fetcher(timeout=2, allow_networks=LOOPBACK)
    fetcher.get(site.url("/news/a.html"))
    agent = site.headers[-1]["User-Agent"]
    assert agent.startswith("parley/0.") and "(+http" in agent
