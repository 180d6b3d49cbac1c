"""http(s) URLs, against a real ThreadingHTTPServer on 127.0.0.1 (``news_server`` in conftest).

The Fetcher on its own (status, size cap, redirects, schemes, timeouts), then whole ingests of a
page, a feed whose teaser links back to the same server, JSON Lines and plain text, through the
library and the real CLI.
"""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from parley.errors import ConfigError, FetchError, TooLarge, UnsupportedInput
from parley.ingest.fetch import Fetcher
from parley.ingest.job import ingest
from tests.conftest import FIXTURES, Route, run_cli

pytestmark = pytest.mark.usefixtures("loopback_only")  # no address but 127.0.0.1

GOOD = FIXTURES / "good"
TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def fetcher():
    fetcher = Fetcher(timeout=0.5, max_bytes=1024 * 1024)
    yield fetcher
    fetcher.close()


# -- the fetcher -----------------------------------------------------------------------------------


def test_fetcher_returns_content_type_and_final_url_after_a_redirect(news_server, fetcher):
    page = fetcher.get(news_server.url("/page.html"))
    assert page.content == GOOD.joinpath("page.html").read_bytes()
    assert page.content_type == "text/html; charset=utf-8"
    assert page.url == news_server.url("/page.html")
    moved = fetcher.get(news_server.url("/redirect"))
    assert moved.url == news_server.url("/page.html") and moved.content == page.content
    assert news_server.hits == ["/page.html", "/redirect", "/page.html"]


def test_fetcher_sends_a_parley_user_agent(news_server, fetcher):
    fetcher.get(news_server.url("/article.txt"))
    assert news_server.request_headers[0]["User-Agent"].startswith("parley/")


def test_fetcher_errors(news_server, fetcher, closed_port):
    with pytest.raises(FetchError, match="HTTP 404 Not Found"):
        fetcher.get(news_server.url("/missing"))
    with pytest.raises(TooLarge, match="over the 1048576-byte cap"):
        fetcher.get(news_server.url("/huge"))  # refused from its Content-Length
    with pytest.raises(TooLarge, match="more than the 1048576-byte cap"):
        fetcher.get(news_server.url("/huge-stream"))  # no length: counted while reading
    with pytest.raises(UnsupportedInput, match="not ftp"):
        fetcher.get("ftp://127.0.0.1/x")
    with pytest.raises(UnsupportedInput, match="not http or https"):
        fetcher.get(news_server.url("/to-ftp"))
    with pytest.raises(FetchError, match="refused"):
        fetcher.get(f"http://127.0.0.1:{closed_port}/")
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetcher.get(news_server.url("/slow"))
    assert time.monotonic() - started < 3


def test_server_errors_and_redirect_loops(local_server, fetcher):
    local_server.routes["/boom"] = Route(b"oops", status=500)
    local_server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="HTTP 500"):
        fetcher.get(local_server.url("/boom"))
    with pytest.raises(FetchError, match="could not fetch"):
        fetcher.get(local_server.url("/loop"))
    assert local_server.hits.count("/loop") == 6  # the first request and 5 redirects, then it stops


def test_timeout_comes_from_the_parley_timeout_setting(news_server, monkeypatch):
    monkeypatch.setenv("PARLEY_TIMEOUT", "0.3")
    fetcher = Fetcher()
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="timed out"):
            fetcher.get(news_server.url("/slow"))
    finally:
        fetcher.close()
    assert time.monotonic() - started < 3
    monkeypatch.setenv("PARLEY_TIMEOUT", "soon")
    with pytest.raises(ConfigError, match="PARLEY_TIMEOUT"):
        Fetcher()


# -- ingesting URLs --------------------------------------------------------------------------------


def test_page_url(store, news_server, fetcher):
    url = news_server.url("/page.html")
    report = ingest([url], store, today=TODAY, fetcher=fetcher)
    assert report.ok and len(report.new) == 1
    article = store.article(report.new[0].id)
    assert article.origin == url and article.format == "html"
    assert article.title == "Talvaria demands dispute tribunal before signing trade deal"
    assert article.author == "Rena Voss" and article.outlet == "Ostrel Gazette"
    assert article.published == dt.date(2024, 3, 20)
    assert article.url == "https://example.test/ostrel-gazette/talvaria-dispute-tribunal"  # canonical
    assert "A deal without a referee is only a promise" in article.text
    assert "Share on" not in article.text and "Post Comment" not in article.text


def test_feed_url_whose_teaser_links_back_to_the_same_server(store, news_server, fetcher):
    feed = news_server.url("/feed.rss")
    report = ingest([feed], store, today=TODAY, fetcher=fetcher)
    assert report.ok and len(report.new) == 2
    assert news_server.hits == ["/feed.rss", "/teaser-story"]
    articles = {a.origin: a for a in store.articles()}
    assert articles[f"{feed}#entry1"].title == "Fishing quotas stall Marelia-Talvaria talks"
    teaser = articles[f"{feed}#entry2"]
    assert teaser.title == "Grain deal within reach, officials say"
    assert teaser.url == news_server.url("/teaser-story")
    assert teaser.published == dt.date(2024, 4, 12) and teaser.author == "Tomas Bell"
    assert "safeguard clause" in teaser.text and "Read more" not in teaser.text
    assert {a.outlet for a in articles.values()} == {"Harbor Times"}


def test_atom_jsonl_and_text_urls_are_read_by_content_type(store, news_server, fetcher):
    urls = [news_server.url(p) for p in ("/feed.atom", "/articles.jsonl", "/article.txt")]
    report = ingest(urls, store, today=TODAY, fetcher=fetcher)
    assert report.ok
    formats = {a.origin: a.format for a in report.new}
    assert formats == {
        f"{urls[0]}#entry1": "feed",
        f"{urls[1]}#L1": "jsonl",
        f"{urls[1]}#L2": "jsonl",
        urls[2]: "text",
    }
    text = next(a for a in report.new if a.format == "text")
    assert text.title == "Marelia and Talvaria agree to cut steel tariffs in first phase of trade pact"
    assert text.published == dt.date(2024, 3, 14)


def test_format_is_sniffed_when_the_server_gives_no_content_type(store, local_server, fetcher):
    local_server.routes["/page"] = Route(GOOD.joinpath("page.html").read_bytes(), content_type="")
    local_server.routes["/feed"] = Route(GOOD.joinpath("feed.atom.xml").read_bytes(), content_type="")
    report = ingest(
        [local_server.url("/page"), local_server.url("/feed")], store, today=TODAY, fetcher=fetcher
    )
    assert report.ok
    assert sorted(a.format for a in report.new) == ["feed", "html"]


def test_same_url_twice_is_stored_once(store, news_server, fetcher):
    url = news_server.url("/page.html")
    first = ingest([url], store, today=TODAY, fetcher=fetcher)
    second = ingest([url, news_server.url("/redirect")], store, today=TODAY, fetcher=fetcher)
    assert len(first.new) == 1 and second.new == [] and len(second.duplicates) == 2
    assert store.count_articles() == 1


def test_size_cap_of_the_ingest_applies_to_urls(store, news_server):
    report = ingest([news_server.url("/page.html")], store, today=TODAY, max_bytes=1000)
    assert report.failures[0].reason == "2329 bytes is over the 1000-byte cap"


def test_cli_ingests_urls_and_reports_url_failures(db, news_server, closed_port):
    result = run_cli(
        "ingest",
        news_server.url("/page.html"),
        news_server.url("/feed.rss"),
        news_server.url("/missing"),
        f"http://127.0.0.1:{closed_port}/x",
        "ftp://127.0.0.1/x",
        "--json",
        db=db,
        check=1,
    )
    report = json.loads(result.stdout)
    assert len(report["new"]) == 3
    failed = {f["origin"]: f["reason"] for f in report["failed"]}
    assert set(failed) == {
        news_server.url("/missing"),
        f"http://127.0.0.1:{closed_port}/x",
        "ftp://127.0.0.1/x",
    }
    assert failed[news_server.url("/missing")] == "HTTP 404 Not Found"
    assert failed[f"http://127.0.0.1:{closed_port}/x"].startswith("could not fetch")
    assert "refused" in failed[f"http://127.0.0.1:{closed_port}/x"].lower()
    assert failed["ftp://127.0.0.1/x"] == "only http and https URLs are fetched, not ftp"
    assert sorted(news_server.hits) == ["/feed.rss", "/missing", "/page.html", "/teaser-story"]


def test_these_tests_cannot_reach_any_other_address(fetcher):
    with pytest.raises(FetchError, match="may only contact 127.0.0.1"):
        fetcher.get("https://example.test/teaser-story")
