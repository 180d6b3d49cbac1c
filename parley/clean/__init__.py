"""Clean: RawArticle -> Article. Boilerplate out, paragraphs kept, dateline and metadata resolved.

Fallback order for each field, written where it runs:

- title: the reader's (first line, <title>, feed or JSON field) -> first sentence of the text
- outlet: reader metadata (site name, feed title, JSON field) -> URL domain -> header lines
  (byline, "Outlet | Section") -> dateline
- published: every source is read and cross-checked (``pubdate.py``): reader metadata, the URL
  (``/2026/02/04/``, ``-2026-02-04``), the text (a "Published: ..." line, a header date line, a
  line that is only a date before the story) and the dateline (its year, else the URL's or the
  text's, else, of the last two times that day came, the one the lead's weekday confirms). The
  date most sources agree on wins; a tie goes to URL, text, dateline, then metadata. Nothing that
  tells -> unknown. Never guessed.
  When sources disagree, what each said is kept in ``date_conflicts``.
- language: reader metadata -> py3langid on the text

The text itself is cleaned first (``lines.py``): characters, markdown, boilerplate, menus, repeats.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import replace

import py3langid

from parley.clean.characters import normalise_characters
from parley.clean.dateline import find_dateline
from parley.clean.header import split_header
from parley.clean.lines import clean_lines
from parley.clean.outlets import OutletRegistry, default_registry, find_cites
from parley.clean.pubdate import parse_full_date, resolve_publication
from parley.errors import EmptyInput
from parley.models import Article, RawArticle

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
    raw = replace(
        raw,
        title=normalise_characters(raw.title) if raw.title else raw.title,
        author=normalise_characters(raw.author) if raw.author else raw.author,
    )
    cleaned = clean_lines(raw.text, raw.title, raw.url)
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

    text_dates = [d for d in map(parse_full_date, cleaned.published_lines) if d]
    if header and header.published:
        text_dates.append(header.published)
    publication = resolve_publication(
        metadata=raw.published,
        url=url,
        text_dates=text_dates + cleaned.date_lines,
        dateline=dateline,
        lead=text[dateline.span.end :] if dateline else "",
        today=today,
    )

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
        published=publication.date,
        published_from=publication.source,
        date_conflicts=publication.conflicts,
        author=raw.author or (header.author if header else None),
        language=language,
        dateline=dateline,
        removed=tuple(cleaned.removed + (header.lines if header else [])),
        links=tuple(cleaned.links),
        noted=tuple(cleaned.noted),
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


def _language(text: str) -> str | None:
    code, _score = py3langid.classify(text[:3000])
    return code or None
