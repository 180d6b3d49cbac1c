"""HTML pages: main text and metadata with trafilatura, publication date with htmldate."""

from __future__ import annotations

import datetime as dt

import htmldate
import trafilatura

from parley.errors import NoArticleFound
from parley.ingest.decode import decode_text
from parley.models import RawArticle

# Fewer characters than this in the extracted main text means the page holds no article.
MIN_ARTICLE_CHARS = 200


def read_html(data: bytes | str, origin: str, url: str | None = None) -> RawArticle:
    html = data if isinstance(data, str) else decode_text(data, origin)
    # trafilatura first (precision-oriented: comments, nav and share blocks left out); its
    # fallbacks (readability, jusText) run inside it when its own heuristics find too little.
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        as_dict=True,
    )
    text = (doc or {}).get("text") or ""
    if len(text.strip()) < MIN_ARTICLE_CHARS:
        raise NoArticleFound(origin, f"no article text in the page ({len(text.strip())} characters)")
    published = _date(htmldate.find_date(html, url=url, original_date=True, extensive_search=False))
    if published is None:
        published = _date(doc.get("date"))
    page_url = doc.get("url") or url
    return RawArticle(
        origin=origin,
        format="html",
        text=text,
        title=doc.get("title"),
        url=page_url,
        outlet=doc.get("sitename"),
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
