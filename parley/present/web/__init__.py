"""The dashboard: server-rendered pages (Jinja2, autoescaped), SVG charts drawn on the server, one
small script that only adds conveniences, no build step and nothing loaded from elsewhere.

Modules: ``views`` (overview, positions, plan versions, contested, stories and copies),
``views_records`` (timeline, who said what, articles and the article view, actors), ``charts``
(SVG), ``highlight`` (an article's text cut by the spans of its records), ``document`` (the brief
as Markdown or one self-contained HTML file). Templates in ``templates/``, CSS and the script in
``static/``. Every item links to the sentence it came from: ``/articles/<id>?hl=<start>-<end>``
highlights that span and ``#s<start>-<end>`` scrolls to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader

from parley.lookups import UNKNOWN, event_day
from parley.models import Span
from parley.wording import clip_words, said_as


def span_href(article_id: str, span: Span | Sequence[int] | None) -> str:
    """The article view, the span highlighted and scrolled to."""
    base = f"/articles/{quote(article_id, safe='')}"
    if span is None:
        return base
    start, end = (span.start, span.end) if isinstance(span, Span) else (span[0], span[1])
    return f"{base}?hl={start}-{end}#s{start}-{end}"


def safe_url(url: str | None) -> str | None:
    """An article's own URL only when it is http(s): a ``javascript:`` or ``data:`` URL is never a link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def day(value: dt.date | str | None) -> str:
    if value is None:
        return UNKNOWN
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def stance_day(record: Any) -> str:
    """The date of a position, stance or piece of evidence as a reader should see it: the
    article's words when it dates an earlier stance by them ("2022"), else the day."""
    from parley.positions import day_shown

    return day_shown(record.date, getattr(record, "evidence", record), UNKNOWN)


def clip(text: str | None, width: int = 200) -> str:
    """The template filter: ``text`` on one line, cut at a word's end (:func:`clip_words`)."""
    return clip_words(text or "", width)


def path_part(value: str) -> str:
    """An id as one path segment (a position id holds a colon, any id may hold a slash)."""
    return quote(value, safe="")


def query(base: str, **params: Any) -> str:
    """``base`` with the given parameters (empty ones left out)."""
    given = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{base}?{urlencode(given)}" if given else base


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(resources.files("parley.present.web") / "templates")),
        autoescape=True,  # every template, whatever its name: article text is untrusted
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        span_href=span_href,
        safe_url=safe_url,
        day=day,
        clip=clip,
        query=query,
        quote=path_part,
        stance_day=stance_day,
    )
    env.filters.update(day=day, clip=clip, event_day=event_day, said_as=said_as)
    return env


ENV = environment()
