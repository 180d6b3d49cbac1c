"""OpenAPI's page at ``/docs``, drawn by Swagger UI from the files of the installed
``swagger-ui-bundle`` package, served here: no CDN, and no inline script (the page's one script
is ``/static/swagger-init.js``). Without the package, ``/docs`` links the raw ``/openapi.json``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

router = APIRouter(include_in_schema=False)
ASSETS = "/docs/assets"


def swagger_files() -> Path | None:
    try:
        import swagger_ui_bundle  # type: ignore[import-untyped]
    except ImportError:
        return None
    path = Path(swagger_ui_bundle.swagger_ui_path)
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def mount_assets(app: FastAPI) -> None:
    files = swagger_files()
    if files is not None:
        app.mount(ASSETS, StaticFiles(directory=files), name="swagger")


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley API</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{assets}/swagger-ui.css"></head>
<body><div id="swagger-ui" data-openapi="/openapi.json"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="/static/swagger-init.js"></script></body></html>
"""
PLAIN = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley API</title></head>
<body><h1>Parley API</h1><p>The OpenAPI description is at <a href="/openapi.json">/openapi.json</a>
(install <code>swagger-ui-bundle-v2</code> to browse it here).</p></body></html>
"""


@router.get("/favicon.ico")
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/docs", response_class=HTMLResponse)
def docs_page() -> HTMLResponse:
    return HTMLResponse(PAGE.format(assets=ASSETS) if swagger_files() else PLAIN)
