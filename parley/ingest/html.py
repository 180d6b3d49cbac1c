"""HTML pages: main text and metadata with trafilatura, publication date with htmldate."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re

import htmldate
import trafilatura

from parley.clean.pubdate import echoed_date
from parley.errors import NoArticleFound
from parley.ingest.decode import decode_text, one_line
from parley.models import RawArticle

# Fewer characters than this in the extracted main text means the page holds no article.
MIN_ARTICLE_CHARS = 200


def read_html(data: bytes | str, origin: str, url: str | None = None) -> RawArticle:
    html = data if isinstance(data, str) else decode_text(data, origin)
    # trafilatura first (precision-oriented: comments, nav and share blocks left out); its
    # fallbacks (readability, jusText) run inside it when its own heuristics find too little.
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    doc: dict = dict(extracted or {}) if isinstance(extracted, dict | None) else extracted.as_dict()
    text = doc.get("text") or ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise NoArticleFound(origin, f"no article text in the page ({len(text.strip())} characters)")
    page_url = doc.get("url") or url
    # htmldate reads the page's markup (meta tags, <time>, the URL); trafilatura's date may come from
    # a search of the text, where the first date is often one the story tells, not the page's own.
    published = _date(htmldate.find_date(html, url=url, original_date=True, extensive_search=False))
    if published is None and (found := _date(doc.get("date"))) is not None:
        told = echoed_date(found, text=text, title=one_line(doc.get("title")), url=page_url)
        published = None if told else found
    return RawArticle(
        origin=origin,
        format="html",
        text=text,
        title=one_line(doc.get("title")),
        url=page_url,
        outlet=_site_name(doc, html),
        author=doc.get("author"),
        published=published,
        language=doc.get("language"),
    )


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SEPARATOR = r"\s+(?:[-–—|»·]|::)\s+"
MAX_SITE_NAME_CHARS = 60


def _site_name(doc: dict, html: str) -> str | None:
    """The site's name. trafilatura falls back to the host name ("example.test") when the page has
    no site-name meta tag; the ``<title>`` then often names the site around the headline
    (``Headline | Site``), which is preferred. A bare host name is dropped so that cleaning names
    the outlet from the URL (where known domains get their outlet's name)."""
    sitename = (doc.get("sitename") or "").strip()
    is_host = " " not in sitename and "." in sitename
    if sitename and not is_host:
        return sitename
    title = " ".join((doc.get("title") or "").split())
    match = _TITLE_TAG.search(html)
    if not (title and match):
        return None
    full = " ".join(html_lib.unescape(match.group(1)).split())
    around = None
    if full.startswith(title):  # "Headline | Site"
        around = re.fullmatch(_TITLE_SEPARATOR + r"(.+)", full[len(title) :])
    elif full.endswith(title):  # "Site | Headline"
        around = re.fullmatch(r"(.+?)" + _TITLE_SEPARATOR, full[: -len(title)])
    name = around.group(1).strip() if around else ""
    return name if name and len(name) <= MAX_SITE_NAME_CHARS else None
