"""The ASGI application behind ``parley serve``: the JSON API under ``/api``, the dashboard at ``/``.

Both are thin: they parse what the request asks, call the library the CLI calls
(:mod:`parley.lookups`, :mod:`parley.present.brief`, the jobs) and shape the answer. What this
module adds is what a server needs and a command does not:

- a store per worker thread (:class:`Stores`): SQLite connections may not cross threads, and a
  thread keeps its connection for the life of the server (WAL: readers never wait for a writer);
- the security headers every response carries (:data:`CSP` and friends): article text is
  untrusted, so no page may run a script the server did not ship, load anything from elsewhere,
  or be framed;
- errors as HTTP statuses: :class:`~parley.errors.NotFound` 404, any other
  :class:`~parley.errors.QueryError` 400 (an ambiguous id lists its candidates), any other
  :class:`~parley.errors.ParleyError` 500 with its message.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import AsyncIterator
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley import __version__
from parley.errors import AmbiguousId, NotFound, ParleyError, QueryError
from parley.store import Store, open_store

# No inline script or style, nothing from another origin, no plugins, no framing, forms only here.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI sets style attributes as it draws; its page shows no article text as HTML.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


class Stores:
    """One open store per thread, opened on first use; all closed when the server stops."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.location)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - a connection made in another thread; the process ends anyway
                pass


class SecurityHeaders:
    """Pure ASGI middleware: the security headers on every HTTP response (static files too)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_CSP if scope["path"] in ("/docs", "/docs/") else CSP

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"server"]
                headers.append((b"content-security-policy", policy.encode()))
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(location: str, *, token: str | None = None, actors_file: str | None = None) -> FastAPI:
    """The application over the store at ``location`` (a path or a ``postgresql://`` URL).
    ``token``: the operator's secret for the write actions; without one they are off.
    ``actors_file``: the actor registry merge, split and analyse use (default: the bundled one)."""
    from parley.present.api import actions, brief, docs, records
    from parley.present.web import views, views_records

    app = FastAPI(
        title="Parley",
        version=__version__,
        description=(
            "Read what Parley found in the news about a negotiation: articles and every registered "
            "record type, with the CLI's filters and cursor pagination, and the brief section by "
            "section. Write actions need the operator's token (`Authorization: Bearer …`)."
        ),
        docs_url=None,  # served by parley.present.api.docs, from local files
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=_lifespan,
    )
    app.state.stores = Stores(location)
    app.state.token = token or None
    app.state.actors_file = actors_file
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(ParleyError, _parley_error)
    app.include_router(records.router())
    app.include_router(brief.router)
    app.include_router(actions.router)
    app.include_router(docs.router)
    app.include_router(views.router)
    app.include_router(views_records.router)
    app.mount("/static", StaticFiles(directory=_static()), name="static")
    docs.mount_assets(app)
    return app


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.stores.close()


def _static() -> Path:
    return Path(str(resources.files("parley.present.web") / "static"))


async def _parley_error(request: Request, exc: Exception) -> JSONResponse:
    from parley.present.web.render import error_page

    status = 404 if isinstance(exc, NotFound) else 400 if isinstance(exc, QueryError) else 500
    body: dict = {"error": type(exc).__name__, "code": getattr(exc, "code", "E000"), "detail": str(exc)}
    if isinstance(exc, AmbiguousId):
        body["candidates"] = exc.candidates
    if not request.url.path.startswith(("/api", "/openapi")):
        return error_page(request, status, str(exc))  # type: ignore[return-value]
    return JSONResponse(body, status_code=status)


def store_of(request: Request) -> Store:
    """The store for this request's thread (a FastAPI dependency)."""
    return request.app.state.stores.get()


StoreDep = Annotated[Store, Depends(store_of)]
