"""Inputs the fuzzer found that broke a reader, kept as plain tests (each failed before its fix)."""

from __future__ import annotations

import json
import time

from parley.bench.fuzz import read_file
from parley.models import Article, Failure

TABS = "\t" * 200_000  # a title made slow to match against the text: minutes before the fix


def test_an_empty_feed_file_is_a_failure_not_a_crash(tmp_path):
    for name, data in (("empty.xml", b""), ("blank.rss", b"  \n\t\n")):
        path = tmp_path / name
        path.write_bytes(data)
        (found,) = read_file(str(path), "feed")  # AttributeError: no attribute 'version' before
        assert isinstance(found, Failure) and found.origin == str(path)
        assert found.reason in ("empty file", "only whitespace")


def _read_quickly(path, fmt: str) -> list:
    started = time.perf_counter()
    found = read_file(str(path), fmt)
    assert time.perf_counter() - started < 10
    return found


def test_a_title_line_with_a_huge_run_of_white_space_reads_quickly(tmp_path):
    path = tmp_path / "talks.txt"
    body = "The delegations met again in the capital on Tuesday and agreed to talk for a third day."
    path.write_text(f"Talks resume{TABS}in the capital\n\n{body}\n", encoding="utf-8")
    (article,) = _read_quickly(path, "text")
    assert isinstance(article, Article) and article.title == "Talks resume in the capital"


def test_huge_white_space_in_feed_and_json_titles_reads_quickly(tmp_path):
    body = "The envoy said the two sides had narrowed their differences over the ceasefire line. " * 8
    record = {"title": f"Envoy upbeat{TABS}after talks", "text": body, "url": "https://wire.example/1"}
    lines = tmp_path / "wire.jsonl"
    lines.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = _read_quickly(lines, "jsonl")
    assert isinstance(article, Article) and article.title == "Envoy upbeat after talks"
    feed = tmp_path / "wire.xml"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item>"
        f"<title>Envoy upbeat{TABS}after talks</title><link>https://wire.example/1</link>"
        f"<description>{body}</description></item></channel></rss>",
        encoding="utf-8",
    )
    (entry,) = _read_quickly(feed, "feed")
    assert isinstance(entry, Article) and entry.title == "Envoy upbeat after talks"


def test_feed_entry_bodies_lxml_makes_no_tree_of_give_their_words():
    from parley.ingest.feed import html_to_text

    # before the fix: AssertionError, lxml ParserError and ValueError, each stopping the ingest
    assert html_to_text("<HTML>") == ""
    assert html_to_text("<HTML") == ""
    assert html_to_text("<\x1f") == "<"
    assert html_to_text("<p>Talks\x00 resume\x0b today</p>") == "Talks resume today"


def test_a_feed_whose_entry_body_is_a_bare_html_tag_fails_that_entry_only(tmp_path):
    body = "Negotiators said a fourth round would follow within days, without naming a venue. " * 6
    feed = tmp_path / "wire.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        "<item><title>Odd</title><description><![CDATA[<HTML]]></description></item>"
        f"<item><title>Fourth round</title><description>{body}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    odd, good = read_file(str(feed), "feed")
    assert isinstance(odd, Failure) and odd.origin == f"{feed}#entry1"
    assert isinstance(good, Article) and good.title == "Fourth round"


def test_a_feed_with_a_lone_surrogate_reference_is_a_failure_not_a_crash(tmp_path):
    path = tmp_path / "wire.xml"
    # not well-formed (an unclosed item), so feedparser's loose parser reads it, and fails on
    # the reference to a lone surrogate (UnicodeEncodeError before the fix)
    path.write_bytes(
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire &#xD800;</title>"
        b"<item><title>Talks</title><description>The envoys met.</description></channel></rss>"
    )
    (found,) = read_file(str(path), "feed")
    assert isinstance(found, Failure) and found.reason.startswith("malformed feed")
