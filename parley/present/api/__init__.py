"""The HTTP API and the dashboard that ``parley serve`` runs (FastAPI, served by uvicorn).

    create_app(location, token=None) -> FastAPI

Modules: ``app`` (the application, a store per thread, security headers, errors as statuses),
``records`` (a list and a look-up endpoint for the article and every registered record type),
``brief`` (one endpoint per section of the brief), ``actions`` (the write actions, behind the
operator's token), ``docs`` (OpenAPI's page from local files). The dashboard's pages are in
:mod:`parley.present.web`. Endpoints and their parameters: ``docs/api.md``.
"""

from parley.present.api.app import create_app

__all__ = ["create_app"]
