from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The suite's local servers listen on 127.0.0.1, which Parley refuses to fetch by default (its
# guard against server-side request forgery). Allow loopback explicitly, for this process and the
# `parley` subprocesses tests start; tests/watch turns it off again to test the guard.
os.environ["PARLEY_ALLOW_NETWORKS"] = "127.0.0.0/8"

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = ROOT / "parley" / "data" / "sample"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "parley.db"


def run_cli(*args: str, db: Path | None = None, check: int | None = 0) -> subprocess.CompletedProcess:
    """Run the real ``parley`` command in a subprocess, as a user would."""
    command = [sys.executable, "-m", "parley", *args]
    if db is not None:
        command[3:3] = []  # keep args first; --db goes after the subcommand
        command.insert(4, f"--db={db}")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if check is not None:
        assert result.returncode == check, (result.returncode, result.stdout, result.stderr)
    return result


# -- a real local HTTP server (added for the ingest/URL tests) ---------------------------------
# Serves only routes a test defines, on 127.0.0.1 and a free port; nothing else is contacted.

import threading  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow route)
    chunked: bool = False  # stream the body without a Content-Length


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client hanging up is normal
            super().handle_error(request, client_address)


class LocalServer:
    """``server.routes[path] = Route(...)``; ``server.url(path)``; ``server.hits`` lists the paths
    asked for, ``server.request_headers`` the headers of each request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[str] = []
        self.request_headers: list[dict[str, str]] = []
        self.stopping = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                owner.hits.append(self.path)
                owner.request_headers.append(dict(self.headers))
                route = owner.routes.get(self.path)
                if route is None:
                    route = Route(b"<html><body>not found</body></html>", status=404)
                if route.delay and owner.stopping.wait(route.delay):
                    return
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                    if route.chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        step = 64 * 1024
                        for start in range(0, len(route.body), step):
                            piece = route.body[start : start + step]
                            self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.send_header("Content-Length", str(len(route.body)))
                        self.end_headers()
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout, cap)
                    pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> LocalServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def local_server(monkeypatch: pytest.MonkeyPatch):
    """A real ThreadingHTTPServer on 127.0.0.1:<free port> in a thread, with no routes yet."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = LocalServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return port


# The page behind the teaser entry of good/feed.rss.xml ("Grain deal within reach"): a different
# article from every fixture, so fetching it adds one new article.
TEASER_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Grain deal within reach, officials say | Harbor Times</title>
<meta name="author" content="Tomas Bell">
</head><body>
<nav><a href="/">Home</a> <a href="/trade">Trade</a></nav>
<article>
<h1>Grain deal within reach, officials say</h1>
<p>Negotiators from Marelia and Talvaria are close to a compromise on grain quotas, officials from
both delegations said on Friday, after a week of technical talks in Port Serrano.</p>
<p>The draft would open the Marelian market to Talvarian wheat in five annual steps, with a
safeguard clause that can pause the next step if grain prices fall by more than a tenth.</p>
<p>Farmers' union leader Aldo Brenn said the safeguard was "a start, not an answer". Trade minister
Ines Calloway said the text would be shown to farmers' groups before any signature.</p>
</article>
<div class="share"><a href="#">Share on Facebook</a></div>
</body></html>
"""
SLOW_SECONDS = 5.0  # the slow route answers after this; tests use timeouts well below it


@pytest.fixture
def news_server(local_server: LocalServer) -> LocalServer:
    """The local server with the routes the ingest tests use.

    /page.html, /teaser-story (HTML); /feed.rss (good/feed.rss.xml, its teaser linking to
    /teaser-story here); /feed.atom; /articles.jsonl; /article.txt; /redirect (301 to /page.html);
    /slow (answers after SLOW_SECONDS); /missing (404); /huge (2 MB, Content-Length given);
    /huge-stream (2 MB, chunked, no length); /to-ftp (302 to ftp://127.0.0.1/x).
    """
    good = FIXTURES / "good"
    rss = (good / "feed.rss.xml").read_text(encoding="utf-8")
    routes = {
        "/page.html": Route((good / "page.html").read_bytes()),
        "/teaser-story": Route(TEASER_PAGE),
        "/feed.rss": Route(
            rss.replace("https://example.test/teaser-story", local_server.url("/teaser-story")).encode(),
            content_type="application/rss+xml",
        ),
        "/feed.atom": Route((good / "feed.atom.xml").read_bytes(), content_type="application/atom+xml"),
        "/articles.jsonl": Route((good / "articles.jsonl").read_bytes(), content_type="application/x-ndjson"),
        "/article.txt": Route((good / "article.txt").read_bytes(), content_type="text/plain; charset=utf-8"),
        "/redirect": Route(status=301, headers={"Location": "/page.html"}),
        "/slow": Route((good / "page.html").read_bytes(), delay=SLOW_SECONDS),
        "/missing": Route(b"<html><body>no such page</body></html>", status=404),
        "/huge": Route(b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>"),
        "/huge-stream": Route(b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>", chunked=True),
        "/to-ftp": Route(status=302, headers={"Location": "ftp://127.0.0.1/x"}),
    }
    local_server.routes.update(routes)
    return local_server


GOOD_ARTICLES = 7  # article.txt 1 + page.html 1 + feed.rss.xml 2 + feed.atom.xml 1 + articles.jsonl 2


@pytest.fixture
def good_copy(tmp_path: Path, news_server: LocalServer) -> Path:
    """A copy of fixtures/good whose RSS teaser links to the local server (never to example.test)."""
    folder = tmp_path / "good"
    folder.mkdir()
    for file in (FIXTURES / "good").iterdir():
        data = file.read_bytes()
        if file.name == "feed.rss.xml":
            teaser = news_server.url("/teaser-story").encode()
            data = data.replace(b"https://example.test/teaser-story", teaser)
        (folder / file.name).write_bytes(data)
    return folder


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any name lookup other than 127.0.0.1/localhost fails: a test can reach only the local server."""
    import socket

    real = socket.getaddrinfo

    def guarded(host, *args, **kwargs):
        if host not in ("127.0.0.1", "localhost", b"127.0.0.1", b"localhost"):
            raise OSError(f"tests may only contact 127.0.0.1, not {host!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
