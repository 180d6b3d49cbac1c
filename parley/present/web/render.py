"""What every page shares: rendering a template into a response, the error page, which record
types are registered, and dates from forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from parley import records
from parley.errors import QueryError
from parley.present.web import ENV

POSITION_CLASSES = {  # position -> the cell's colour class
    "demands": "hard",
    "rejects": "hard",
    "opposes": "against",
    "denies": "against",
    "accepts_on_condition": "conditional",
    "open_to_discuss": "open",
    "accepts": "for",
    "supports": "for",
    "proposes": "proposes",
}


def render(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(name).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", request, status=status, status_code=status, message=message)


def registered(*names: str) -> list[str]:
    known = {rt.name for rt in records.all_types()}
    return [n for n in names if n in known]


def form_date(value: str | None) -> dt.date | None:
    """A date from a form: empty is none; anything but YYYY-MM-DD is a usage error (400)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"expected a date as YYYY-MM-DD, got {value!r}") from None
