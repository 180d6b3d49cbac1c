"""One polling pass over the configured feeds and pages, and storing what it found.

A feed is fetched conditionally (the ETag and Last-Modified of its last answer); on a 304, or
when every entry was read in an earlier cycle, nothing more is done. Otherwise only its new
entries become articles; an entry without a body has its page fetched (politely, too). A page is
fetched conditionally as well, and read again only when its content changed.

An entry whose page could not be fetched for a passing reason (a timeout, a 5xx) is not marked
as read, and the feed's validators are not kept, so the next cycle fetches the feed in full and
tries that entry again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

import feedparser

from parley.clean import clean_article
from parley.clean.outlets import OutletRegistry, default_registry
from parley.errors import InputError
from parley.ingest.feed import read_feed
from parley.ingest.fetch import TransientFetchError
from parley.ingest.html import read_html
from parley.ingest.job import IngestReport
from parley.models import Article, Failure, RawArticle
from parley.store import Store
from parley.watch.polite import PoliteFetcher, RobotsDisallowed
from parley.watch.state import Validators, WatchState

_ENTRY = re.compile(r"#entry(\d+)$")


@dataclass
class PollResult:
    articles: list[RawArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)  # answered 200 with content
    not_modified: list[str] = field(default_factory=list)  # answered 304, or unchanged
    disallowed: list[str] = field(default_factory=list)  # by robots.txt


def poll(
    feeds: tuple[str, ...], pages: tuple[str, ...], fetcher: PoliteFetcher, state: WatchState
) -> PollResult:
    result = PollResult()
    for url in feeds:
        _poll_feed(url, fetcher, state, result)
    for url in pages:
        _poll_page(url, fetcher, state, result)
    return result


def _get(url: str, fetcher: PoliteFetcher, state: WatchState, result: PollResult):
    """The fetched answer, or None after recording why there is none."""
    try:
        fetched = fetcher.get(url, state.for_url(url).headers())
    except RobotsDisallowed as exc:
        result.disallowed.append(url)
        result.failures.append(Failure(url, exc.reason))
        return None
    except InputError as exc:
        result.failures.append(Failure(url, exc.reason))
        return None
    if fetched.not_modified:
        result.not_modified.append(url)
        return None
    result.fetched.append(url)
    return fetched


def _poll_feed(url: str, fetcher: PoliteFetcher, state: WatchState, result: PollResult) -> None:
    fetched = _get(url, fetcher, state, result)
    if fetched is None:
        return
    entries = feedparser.parse(fetched.content).entries
    keys = {n: entry_key(e) for n, e in enumerate(entries, start=1)}
    links = {n: e.get("link") for n, e in enumerate(entries, start=1)}
    seen = state.seen_keys(url)
    new = {n for n, key in keys.items() if key not in seen}
    retry_links: set[str] = set()
    old_links = {links[n] for n in keys if n not in new} - {links[n] for n in new}

    def fetch_page(link: str) -> tuple[bytes, str]:
        if link in old_links:  # an entry read in an earlier cycle: its page is not fetched again
            raise InputError(link, "read in an earlier cycle")
        try:
            return fetcher.fetch_page(link)
        except TransientFetchError:
            retry_links.add(link)
            raise

    if new or not entries:  # no entries: read_feed says why (not a feed, an empty one)
        try:
            for item in read_feed(fetched.content, url, fetch_page=fetch_page):
                number = _entry_number(item.origin)
                if number is not None and number not in new:
                    continue  # read in an earlier cycle
                if isinstance(item, Failure):
                    result.failures.append(item)
                else:
                    result.articles.append(item)
        except InputError as exc:
            result.failures.append(Failure(exc.origin, exc.reason))
            return
    state.add_seen(url, [keys[n] for n in sorted(new) if links[n] not in retry_links])
    if not retry_links:
        state.remember(url, Validators(fetched.etag, fetched.last_modified))
    else:
        state.remember(url, Validators())


def _poll_page(url: str, fetcher: PoliteFetcher, state: WatchState, result: PollResult) -> None:
    fetched = _get(url, fetcher, state, result)
    if fetched is None:
        return
    digest = hashlib.sha256(fetched.content).hexdigest()
    if digest == state.for_url(url).sha256:
        result.fetched.remove(url)
        result.not_modified.append(url)  # no validators from the server, but the same bytes
        return
    try:
        result.articles.append(read_html(fetched.content, url, url=fetched.url))
    except InputError as exc:
        result.failures.append(Failure(exc.origin, exc.reason))
    state.remember(url, Validators(fetched.etag, fetched.last_modified, digest))


def entry_key(entry) -> str:
    """What identifies a feed entry across fetches: its id, else its link, else its title."""
    return str(entry.get("id") or entry.get("link") or entry.get("title") or "")


def _entry_number(origin: str) -> int | None:
    match = _ENTRY.search(origin)
    return int(match.group(1)) if match else None


def store_articles(
    store: Store,
    inputs: list[str],
    found: PollResult,
    *,
    today: dt.date | None = None,
    outlets: OutletRegistry | None = None,
) -> IngestReport | None:
    """Clean what one poll found and store it as one ingest run (as ``parley ingest`` does);
    None when there is nothing to store, so an idle cycle leaves no empty run behind."""
    if not found.articles and not found.failures:
        return None
    outlets = outlets or default_registry()
    report = IngestReport(run_id=store.begin_run(inputs))
    report.failures.extend(found.failures)
    cleaned: list[Article] = []
    for raw in found.articles:
        try:
            cleaned.append(clean_article(raw, today=today, outlets=outlets))
        except InputError as exc:
            report.failures.append(Failure(exc.origin, exc.reason, stage="clean"))
    complete = False
    try:
        for article, is_new in zip(cleaned, store.add_articles(cleaned, report.run_id), strict=True):
            (report.new if is_new else report.duplicates).append(article)
        complete = True
    finally:
        store.add_failures(report.failures, report.run_id)
        store.finish_run(
            report.run_id, len(report.new), len(report.duplicates), len(report.failures), complete=complete
        )
    return report
