"""RSS and Atom feeds with feedparser. An entry without a body has its page fetched."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Callable, Iterator

import feedparser
import lxml.etree
import lxml.html

from parley.clean.outlets import host_of
from parley.errors import EmptyInput, InputError, MalformedInput, NoArticleFound
from parley.ingest.decode import one_line
from parley.ingest.html import read_html
from parley.models import Failure, RawArticle

# An entry whose text is shorter than this is a teaser: the linked page is fetched instead.
MIN_BODY_CHARS = 400

PageFetcher = Callable[[str], tuple[bytes, str]]  # url -> (content, final url)

_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr"}

# feedparser looks for an e-mail address in an author's text with a regex that backtracks over
# every start position: a 300,000-character author took minutes (found by fuzzing). No byline is
# that long, so the text of an author-like element is cut to this many characters first.
MAX_AUTHOR_CHARS = 300
_AUTHOR_TEXT = re.compile(
    rb"(<(?:[\w.-]+:)?(?:creator|author|name|email|contributor|managingEditor|webMaster)\b[^<>]*>)"
    rb"([^<]{%d})[^<]*" % MAX_AUTHOR_CHARS
)


def _cut_author(match: re.Match[bytes]) -> bytes:
    """The element's start tag and its first characters, never half of a UTF-8 character."""
    text = match.group(2)
    end = len(text)
    while end and text[end - 1] & 0xC0 == 0x80:  # a continuation byte: back to its lead byte
        end -= 1
    if end and text[end - 1] >= 0xC0:
        end -= 1  # the last character is not plain ASCII: dropped, whole or not
    return match.group(1) + text[:end]


def read_feed(
    data: bytes, origin: str, fetch_page: PageFetcher | None = None
) -> Iterator[RawArticle | Failure]:
    if not data.strip():
        raise EmptyInput(origin, "empty file" if not data else "only whitespace")
    try:
        parsed = feedparser.parse(_AUTHOR_TEXT.sub(_cut_author, data))
    except (UnicodeError, ValueError) as exc:  # "&#xD800;" breaks feedparser's loose parser
        raise MalformedInput(origin, f"malformed feed: {type(exc).__name__}: {exc}") from exc
    if parsed.bozo and not isinstance(parsed.bozo_exception, feedparser.CharacterEncodingOverride):
        raise MalformedInput(origin, f"malformed feed: {parsed.bozo_exception}")
    if not parsed.get("version") and not parsed.get("entries"):
        raise MalformedInput(origin, "not an RSS or Atom feed")
    if not parsed.entries:
        raise NoArticleFound(origin, "the feed has no entries")
    outlet = feed_outlet(parsed.feed.get("title"), parsed.feed.get("link"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{origin}#entry{number}"
        try:
            yield _entry(entry, where, outlet, fetch_page)
        except InputError as exc:
            yield Failure(where, exc.reason)


def _entry(entry, origin: str, outlet: str | None, fetch_page: PageFetcher | None) -> RawArticle:
    link = entry.get("link")
    body = ""
    if entry.get("content"):
        body = html_to_text(entry.content[0].value)
    if len(body) < MIN_BODY_CHARS and entry.get("summary"):
        summary = html_to_text(entry.summary)
        body = summary if len(summary) > len(body) else body
    published = _entry_date(entry)
    author = (entry.get("author_detail") or {}).get("name") or entry.get("author")
    if len(body) < MIN_BODY_CHARS:
        if not link:
            raise NoArticleFound(origin, "entry has no body and no link")
        if fetch_page is None:
            raise NoArticleFound(origin, f"entry has no body and fetching {link} is turned off")
        try:
            content, final_url = fetch_page(link)
        except InputError as exc:
            raise NoArticleFound(origin, f"entry has no body and its page failed: {exc.reason}") from exc
        page = read_html(content, origin, url=final_url)
        return RawArticle(
            origin=origin,
            format="feed",
            text=page.text,
            title=one_line(entry.get("title")) or page.title,
            url=final_url,
            outlet=outlet or page.outlet,
            author=author or page.author,
            published=published or page.published,
            language=page.language,
        )
    return RawArticle(
        origin=origin,
        format="feed",
        text=body,
        title=one_line(entry.get("title")),
        url=link,
        outlet=outlet,
        author=author,
        published=published,
    )


# Separators between the outlet and a section in a feed title: "Harbor Times - Trade".
_TITLE_PARTS = re.compile(r"\s+(?:[-–—|»>·]|::)\s+")


def feed_outlet(title: str | None, link: str | None = None) -> str | None:
    """The outlet a feed's title names, without the section: ``Outlet - Section`` -> ``Outlet``.

    When the title has several parts, the part that is the feed's web host
    (``Europe | Continental Wire`` at continentalwire.com) wins, else the first part.
    """
    title = one_line(title) or ""
    parts = [p for p in _TITLE_PARTS.split(title) if p]
    if len(parts) < 2:
        return title or None
    labels = set((host_of(link) or "").split(".")) if link else set()
    for part in parts:
        key = re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", part.lower()))
        if key and key in labels:
            return part
    return parts[0]


# Characters XML cannot hold (controls, lone surrogates, U+FFFE/U+FFFF), and anything tag-like.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TAG = re.compile(r"<[^>]*>?")


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per block element."""
    fragment = _NOT_XML.sub(" ", fragment)  # lxml refuses them
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, AssertionError, ValueError):
        # a fragment lxml makes no tree of (a lone "<html>", an unclosed "<p"): its words only
        return " ".join(_TAG.sub(" ", fragment).split())
    parts: list[str] = []
    _walk(root, parts)
    paragraphs = [" ".join(p.split()) for p in "".join(parts).split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _walk(element, parts: list[str]) -> None:
    if element.tag in ("script", "style"):
        return
    block = element.tag in _BLOCKS
    if block:
        parts.append("\n\n")
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts)
        parts.append(child.tail or "")
    if block:
        parts.append("\n\n")


def _entry_date(entry) -> dt.date | None:
    """The entry's date as the feed writes it, in the publisher's own time zone.

    feedparser's ``*_parsed`` values are converted to UTC, which moves a story published at
    01:15 +02:00 on 1 December to 30 November; they are only the fallback.
    """
    for key in ("published", "updated"):
        raw = (entry.get(key) or "").strip()
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()  # RFC 822: RSS pubDate
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()  # ISO 8601: Atom
        except ValueError:
            pass
        if parsed := _date(entry.get(f"{key}_parsed")):  # another format feedparser knows
            return parsed
    return None


def _date(value) -> dt.date | None:
    if not value:
        return None
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
