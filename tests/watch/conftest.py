"""A real local news site for the watch tests: an ``http.server`` on 127.0.0.1 that serves RSS
feeds and article pages with ETags (answering 304 to a matching If-None-Match), a robots.txt,
and counts every request; and a real webhook receiver that records what is posted to it.

The suite allows loopback for every test (``tests/conftest.py``); these tests name the network
they allow themselves, so the guard is on unless a test turns it off.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = [
    json.loads(line) for line in (FIXTURES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
]
GENEVA, CLAIM, DENIAL = ARTICLES  # the meeting, the diplomat's claim, the minister's denial


@dataclass
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    fail: int = 0  # answer 503 this many times first
    etag: bool = True


@dataclass
class _Server:
    httpd: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def _serve(handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1") -> _Server:
    httpd = ThreadingHTTPServer((host, 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return _Server(httpd, thread)


class NewsSite:
    """``site.resources[path] = Resource(...)``; ``site.url(path)``; ``site.hits`` lists
    ``(path, status)`` of every request; ``site.headers`` the request headers in order."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.resources: dict[str, Resource] = {}
        self.redirects: dict[str, str] = {}  # path -> where a 302 sends the client
        self.hits: list[tuple[str, int]] = []
        self.headers: list[dict[str, str]] = []
        self.lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                status, headers, body = owner._answer(self.path, dict(self.headers))
                try:
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = _serve(Handler, host)

    def _answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            self.headers.append(headers)
            resource = self.resources.get(path)
            if path in self.redirects:
                status, out, body = 302, {"Location": self.redirects[path]}, b""
            elif resource is None:
                status, out, body = 404, {"Content-Type": "text/plain"}, b"no such page"
            elif resource.fail > 0:
                resource.fail -= 1
                status, out, body = 503, {"Content-Type": "text/plain"}, b"try later"
            else:
                etag = '"' + hashlib.sha256(resource.body).hexdigest()[:16] + '"'
                out = {"Content-Type": resource.content_type}
                if resource.etag:
                    out["ETag"] = etag
                if resource.etag and headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                else:
                    status, body = 200, resource.body
            self.hits.append((path, status))
            return status, out, body

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.server.port}{path}"

    def requests_for(self, path: str) -> list[int]:
        """Statuses of the requests for ``path``, in order."""
        return [status for p, status in self.hits if p == path]

    # -- content ---------------------------------------------------------------------------
    def publish(self, feed_path: str, articles: list[dict[str, Any]], *, teasers: bool = True) -> None:
        """Serve ``articles`` as an RSS feed at ``feed_path`` and each as an HTML page. An article
        shorter than a feed body Parley accepts is a teaser: its page is fetched."""
        items = []
        for article in articles:
            page = "/news/" + article["url"].rstrip("/").rsplit("/", 1)[-1] + ".html"
            self.resources[page] = Resource(html_page(article))
            link = self.url(page)
            published = dt.datetime.fromisoformat(article["published"] + "T09:30:00+00:00")
            text = article["text"] if not teasers or len(article["text"]) >= 400 else article["text"][:120]
            body = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
            items.append(
                f"<item><title>{escape(article['title'])}</title><link>{link}</link>"
                f"<guid isPermaLink='false'>{escape(article['url'])}</guid>"
                f"<pubDate>{format_datetime(published)}</pubDate>"
                f"<description>{escape(body)}</description></item>"
            )
        feed = (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>River Post - Europe</title><link>{self.url('/')}</link>"
            "<description>News from the talks</description>" + "".join(items) + "</channel></rss>"
        )
        self.resources[feed_path] = Resource(feed.encode(), "application/rss+xml")

    def robots(self, text: str) -> None:
        self.resources["/robots.txt"] = Resource(text.encode(), "text/plain")


def html_page(article: dict[str, Any]) -> bytes:
    paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in article["text"].split("\n\n"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(article["title"])} | River Post</title>
<meta property="article:published_time" content="{article["published"]}">
</head><body><nav><a href="/">Home</a> <a href="/europe">Europe</a></nav>
<article><h1>{escape(article["title"])}</h1>
{paragraphs}</article>
<footer>River Post. All rights reserved.</footer></body></html>""".encode()


class WebhookReceiver:
    """Records the JSON posted to it; answers ``fail_status`` (503) to the first ``fail`` posts."""

    def __init__(self, fail: int = 0, fail_status: int = 503) -> None:
        self.received: list[dict[str, Any]] = []
        self.statuses: list[int] = []
        self.fail = fail
        self.got = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if owner.fail > 0:
                    owner.fail -= 1
                    status = fail_status
                else:
                    status = 200
                    owner.received.append(json.loads(data))
                    owner.got.set()
                owner.statuses.append(status)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = _serve(Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/hook"


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,127.0.0.2,localhost")


@pytest.fixture
def guard_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The default a user gets: no network allowed beyond public addresses."""
    monkeypatch.delenv("PARLEY_ALLOW_NETWORKS", raising=False)


@pytest.fixture
def site():
    found = NewsSite()
    yield found
    found.server.stop()


@pytest.fixture
def webhook():
    found = WebhookReceiver()
    yield found
    found.server.stop()
