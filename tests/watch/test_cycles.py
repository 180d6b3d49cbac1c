"""Polling cycles against the local news site, without analysis: what is new is ingested once,
304s are honoured, robots.txt is obeyed, and the state survives a restart."""

from __future__ import annotations

import pytest

from parley.store import open_store
from parley.watch.config import parse_config
from parley.watch.delivery import Deliverer
from parley.watch.watcher import Watcher
from tests.watch.conftest import CLAIM, DENIAL, GENEVA, html_page


@pytest.fixture
def store(tmp_path):
    found = open_store(str(tmp_path / "parley.db"))
    yield found
    found.close()


def watcher(store, tmp_path, *, feeds=(), pages=(), **extra) -> Watcher:
    config = parse_config(
        {
            "feeds": list(feeds),
            "pages": list(pages),
            "rate_limit": 0,
            "backoff": 0,
            "allow_networks": ["127.0.0.0/8"],
            "analyse": False,
            **extra,
        }
    )
    return Watcher(config, store, Deliverer([]), state_path=tmp_path / "state.json")


def test_new_entries_are_ingested_once_across_cycles_and_a_304_is_honoured(site, store, tmp_path):
    site.publish("/feed.rss", [GENEVA, CLAIM])
    feed = site.url("/feed.rss")
    watch = watcher(store, tmp_path, feeds=[feed])
    first = watch.cycle()
    assert len(first.new) == 2 and first.failures == [] and first.fetched == [feed]
    claim_page = "/news/" + CLAIM["url"].rsplit("/", 1)[-1] + ".html"
    assert site.requests_for(claim_page) == [200]  # the teaser's page, fetched for its text

    second = watch.cycle()
    assert second.new == [] and second.not_modified == [feed] and second.requests == 1
    assert site.requests_for("/feed.rss") == [200, 304]
    assert site.headers[-1]["If-None-Match"].startswith('"')

    site.publish("/feed.rss", [DENIAL, GENEVA, CLAIM])  # the newest entry first, as feeds do
    third = watch.cycle()
    assert len(third.new) == 1 and third.duplicates == 0
    assert store.article(third.new[0]).title == DENIAL["title"]
    assert site.requests_for(claim_page) == [200]  # an entry read before is not fetched again
    assert store.count_articles() == 3
    assert [run.new for run in store.runs()] == [2, 1]  # the idle cycle left no empty run


def test_the_state_survives_a_restart(site, store, tmp_path):
    site.publish("/feed.rss", [GENEVA, CLAIM])
    feed = site.url("/feed.rss")
    watcher(store, tmp_path, feeds=[feed]).cycle()
    again = watcher(store, tmp_path, feeds=[feed]).cycle()  # a new process: state read from disk
    assert again.not_modified == [feed] and again.new == []
    site.publish("/feed.rss", [DENIAL, GENEVA, CLAIM])
    site.resources["/feed.rss"].etag = False  # a server without validators: entries still seen once
    after = watcher(store, tmp_path, feeds=[feed]).cycle()
    assert len(after.new) == 1 and after.duplicates == 0


def test_robots_txt_disallow_is_respected(site, store, tmp_path):
    site.robots("User-agent: *\nDisallow: /news/\nDisallow: /drafts.rss\n")
    site.publish("/feed.rss", [GENEVA, CLAIM])
    site.publish("/drafts.rss", [DENIAL])
    report = watcher(store, tmp_path, feeds=[site.url("/feed.rss"), site.url("/drafts.rss")]).cycle()
    assert len(report.new) == 1  # the entry with its whole text; the teaser's page is off limits
    assert report.disallowed == [site.url("/drafts.rss")]
    reasons = " | ".join(f.reason for f in report.failures)
    assert reasons.count("robots.txt disallows") == 2
    asked = [path for path, _ in site.hits]
    assert "/drafts.rss" not in asked and not any(p.startswith("/news/") for p in asked)


def test_an_entry_whose_page_failed_for_a_passing_reason_is_tried_again(site, store, tmp_path):
    site.publish("/feed.rss", [GENEVA, CLAIM])
    claim_page = "/news/" + CLAIM["url"].rsplit("/", 1)[-1] + ".html"
    site.resources[claim_page].fail = 2  # two 503s: one try and one retry both fail
    watch = watcher(store, tmp_path, feeds=[site.url("/feed.rss")], retries=1)
    first = watch.cycle()
    assert len(first.new) == 1 and "HTTP 503" in first.failures[0].reason
    second = watch.cycle()  # the feed is fetched whole again (its ETag was not kept) ...
    assert site.requests_for("/feed.rss") == [200, 200]
    assert len(second.new) == 1 and second.duplicates == 0  # ... and only the failed entry is read
    assert site.requests_for(claim_page) == [503, 503, 200]


def test_pages_are_fetched_conditionally_and_read_again_when_they_change(site, store, tmp_path):
    site.publish("/feed.rss", [GENEVA])  # also serves the article page
    page = "/news/" + GENEVA["url"].rsplit("/", 1)[-1] + ".html"
    watch = watcher(store, tmp_path, pages=[site.url(page)])
    assert len(watch.cycle().new) == 1
    assert watch.cycle().not_modified == [site.url(page)]
    site.resources[page].body = html_page(
        {**GENEVA, "text": GENEVA["text"] + "\n\nUpdated: talks resume on Friday."}
    )
    updated = watch.cycle()
    assert len(updated.new) == 1 and site.requests_for(page) == [200, 304, 200]


def test_run_spaces_cycles_by_the_interval_and_stops_after_the_count(site, store, tmp_path):
    site.publish("/feed.rss", [GENEVA])
    waits: list[float] = []
    config = parse_config(
        {
            "feeds": [site.url("/feed.rss")],
            "rate_limit": 0,
            "allow_networks": ["127.0.0.0/8"],
            "analyse": False,
        }
    )
    watch = Watcher(config, store, Deliverer([]), state_path=tmp_path / "s.json", sleep=waits.append)
    reports = []
    assert watch.run(cycles=3, interval=30, on_cycle=reports.append) == 3
    assert [len(r.new) for r in reports] == [1, 0, 0] and len(waits) == 2
    assert all(25 < w <= 30 for w in waits)  # the interval less the time the cycle took


def test_a_feed_url_that_answers_a_web_page_is_a_failure_with_its_reason(site, store, tmp_path):
    site.publish("/feed.rss", [GENEVA])
    site.resources["/feed.rss"].body = b"<html><body><p>Our feed has moved.</p></body></html>"
    report = watcher(store, tmp_path, feeds=[site.url("/feed.rss")]).cycle()
    assert report.new == [] and len(report.failures) == 1
    assert report.failures[0].origin == site.url("/feed.rss")
    assert store.failures()[0].reason == report.failures[0].reason
