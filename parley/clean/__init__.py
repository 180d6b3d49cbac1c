"""Clean: RawArticle -> Article. Boilerplate out, paragraphs kept, dateline and metadata resolved.

Fallback order for each field, written where it runs:

- title: the reader's (first line, <title>, feed or JSON field) -> first sentence of the text
- outlet: reader metadata (site name, feed title, JSON field) -> URL domain -> header lines
  (byline, "Outlet | Section") -> dateline
- published: reader metadata -> a "Published: ..." line or a header date line -> dateline
  (a year it gives, or one the lead's weekday pins down) -> unknown. Never guessed.
- language: reader metadata -> py3langid on the text
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

import py3langid

from parley.clean.boilerplate import clean_lines
from parley.clean.dateline import find_dateline, parse_month_day, resolve_dateline_date
from parley.clean.header import split_header
from parley.clean.outlets import OutletRegistry, default_registry, find_cites
from parley.errors import EmptyInput
from parley.models import Article, PublishedFrom, RawArticle

__all__ = ["clean_article", "content_hash"]

PARAGRAPH_BREAK = "\n\n"


def content_hash(text: str) -> str:
    """SHA-256 of the text with Unicode and white space normalised: the article's identity."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def clean_article(
    raw: RawArticle, today: dt.date | None = None, outlets: OutletRegistry | None = None
) -> Article:
    today = today or dt.date.today()
    outlets = outlets or default_registry()
    cleaned = clean_lines(raw.text, raw.title)
    header, paragraphs = (
        split_header(cleaned.paragraphs) if raw.format == "text" else (None, cleaned.paragraphs)
    )
    if not paragraphs:
        raise EmptyInput(raw.origin, "no text left after removing boilerplate")
    text = PARAGRAPH_BREAK.join(paragraphs)
    starts = _paragraph_starts(paragraphs)
    dateline = find_dateline(text, starts)

    title = (raw.title or "").strip() or _first_sentence(text)
    url = raw.url
    outlet, outlet_from = raw.outlet, "metadata" if raw.outlet else None
    if outlet:
        outlet = outlets.by_name(outlet)
    elif url:
        outlet, outlet_from = outlets.by_url(url), "url"
    elif header and header.outlet:
        outlet, outlet_from = outlets.by_name(header.outlet), "header"
    elif dateline and dateline.outlet:
        outlet, outlet_from = outlets.by_name(dateline.outlet), "dateline"

    published_from: PublishedFrom
    published, published_from = raw.published, "metadata" if raw.published else "unknown"
    if published is None:
        published = next(filter(None, (_full_date(p) for p in cleaned.published_lines)), None)
        if published is None and header:
            published = header.published
        published_from = "text" if published else "unknown"
    if published is None and dateline is not None:
        published = resolve_dateline_date(dateline, text[dateline.span.end :], today)
        published_from = "dateline" if published else "unknown"

    language = raw.language or _language(text)
    digest = content_hash(text)
    return Article(
        id=digest[:16],
        sha256=digest,
        title=title,
        text=text,
        origin=raw.origin,
        format=raw.format,
        url=url,
        outlet=outlet,
        outlet_from=outlet_from,
        cites=tuple(find_cites(text, cleaned.source_refs, outlet, outlets)),
        published=published,
        published_from=published_from,
        author=raw.author or (header.author if header else None),
        language=language,
        dateline=dateline,
        removed=tuple(cleaned.removed + (header.lines if header else [])),
    )


def _paragraph_starts(paragraphs: list[str]) -> list[int]:
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return starts


# A title made from the first sentence is cut at a word boundary near this length.
MAX_DERIVED_TITLE_CHARS = 120


def _first_sentence(text: str) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].strip()
    if len(sentence) <= MAX_DERIVED_TITLE_CHARS:
        return sentence
    return sentence[:MAX_DERIVED_TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def _full_date(value: str) -> dt.date | None:
    """A date from a "Published:" line: ISO (2025-11-25[T...]) or words with a year."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", value)
    try:
        if iso:
            return dt.date(*map(int, iso.groups()))
        parsed = parse_month_day(value)
        if parsed and parsed[2]:
            return dt.date(parsed[2], parsed[0], parsed[1])
    except ValueError:
        return None
    return None


def _language(text: str) -> str | None:
    code, _score = py3langid.classify(text[:3000])
    return code or None
