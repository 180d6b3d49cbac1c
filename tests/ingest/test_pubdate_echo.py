"""A reader's date that is only a date the page tells of (``echoed_date`` in clean/pubdate.py):
a crawler's ``published`` that is the day of an event the story recounts, or older than the page's
own photograph, is not passed on; the article's date then comes from elsewhere or stays unknown."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from parley.clean import clean_article
from parley.clean.pubdate import echoed_date
from parley.ingest import html as html_reader
from parley.ingest.jsonl import parse_record

TODAY = dt.date(2026, 3, 1)
SUMMIT = dt.date(2025, 8, 15)

OPENING = "Mail Facebook LinkedIn\nA series on how to read the other side at the table."
TOLD = (
    "The summit, held on August 15, 2025, brought the two presidents together for a long but "
    "inconclusive meeting that both sides later described very differently."
)
LATER = (
    "Since then the talks have stalled, and every proposal made this winter was turned down while "
    "envoys kept travelling between the capitals without a result."
)
STORY = f"{OPENING}\n{TOLD}\n{LATER}"


def record(text: str, published: str | None = "2025-08-15", **fields: str) -> str:
    fields.setdefault("url", "https://think.example/series/negotiating-at-the-table/")
    fields.setdefault("title", "Negotiating at the table")
    return json.dumps({"text": text, "published": published, **fields})


def test_a_crawler_date_that_is_the_day_the_story_tells_is_dropped_and_the_date_stays_unknown():
    raw = parse_record(record(STORY), "crawl#L1")
    assert raw.published is None
    article = clean_article(raw, today=TODAY)
    assert article.published is None and article.published_from == "unknown"


def test_the_same_date_on_a_line_that_dates_the_page_is_kept():
    for stamp in ("Published: 15 August 2025", "August 15, 2025 at 9:00 a.m. ET"):
        raw = parse_record(record(f"{OPENING}\n{stamp}\n{TOLD}\n{LATER}"), "crawl#L1")
        assert raw.published == SUMMIT, stamp
        assert clean_article(raw, today=TODAY).published == SUMMIT, stamp


def test_a_lede_that_opens_with_the_day_keeps_it():
    lede = "On August 15, 2025, the two presidents met for a long but inconclusive summit in the north."
    raw = parse_record(record(f"{OPENING}\n{lede}\n{LATER}"), "crawl#L1")
    assert raw.published == SUMMIT


def test_a_date_the_title_names_is_the_pages_own():
    raw = parse_record(record(STORY, title="Campaign assessment, August 15, 2025"), "crawl#L1")
    assert raw.published == SUMMIT


def test_a_date_that_is_not_the_first_the_page_writes_is_kept():
    earlier = "Envoys first met on March 25, 2025, and agreed on a short truce at sea."
    raw = parse_record(record(f"{OPENING}\n{earlier}\n{TOLD}\n{LATER}"), "crawl#L1")
    assert raw.published == SUMMIT


def test_a_date_in_a_line_that_is_not_a_sentence_is_left_alone():
    promo = "Online event Fri, August 15, 2025 • 9:00 am ET How winter strikes target the grid"
    raw = parse_record(record(f"{OPENING}\n{promo}\n{LATER}"), "crawl#L1")
    assert raw.published == SUMMIT


def test_a_dateline_with_the_year_is_the_pages_date():
    lead = "CAPITAL, Aug. 15, 2025 — The two presidents met for three hours and agreed on nothing."
    raw = parse_record(record(f"{lead}\n{LATER}"), "crawl#L1")
    assert raw.published == SUMMIT


def test_a_date_inside_a_link_is_another_pages():
    linked = (
        "Officials denied it, [the agency reported](https://wire.example/world/talks-2025-08-15/) "
        "after the second round ended without a statement."
    )
    raw = parse_record(record(f"{OPENING}\n{linked}\n{LATER}"), "crawl#L1")
    assert raw.published == SUMMIT


def test_when_the_url_gives_the_day_the_crawler_date_is_weighed_against_it_not_dropped():
    raw = parse_record(record(STORY, url="https://news.example/2026/02/18/negotiating/"), "crawl#L1")
    assert raw.published == SUMMIT
    article = clean_article(raw, today=TODAY)
    assert article.published == dt.date(2026, 2, 18) and article.published_from == "url"
    assert ("metadata", "2025-08-15") in article.date_conflicts


def test_a_page_is_not_older_than_its_own_photograph():
    caption = (
        "Image: The president chairs a meeting on industry in the capital. February 2, 2026. (Pool photo)"
    )
    text = f"{OPENING}\n{LATER}\n{caption}"
    assert parse_record(record(text, published="2026-01-30"), "crawl#L1").published is None
    # a photograph taken before the date (or the day after, across time zones) says nothing
    for published in ("2026-02-02", "2026-02-01", "2026-02-05"):
        assert parse_record(record(text, published=published), "crawl#L1").published is not None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (STORY, "told"),
        (f"{OPENING}\n{LATER}\nPhoto: envoys at the talks, September 3, 2025.", "before its picture"),
        (f"{OPENING}\n{LATER}", None),
        (f"{OPENING}\nAugust 15, 2025. The summit was short and ended without a statement.", None),
    ],
)
def test_echoed_date_says_why(text, reason):
    assert echoed_date(SUMMIT, text=text, title="Negotiating at the table") == reason


def test_an_html_date_found_in_the_text_is_checked_like_a_crawlers(monkeypatch):
    body = "\n".join([TOLD, LATER, LATER])
    monkeypatch.setattr(html_reader.htmldate, "find_date", lambda *args, **kwargs: None)
    monkeypatch.setattr(
        html_reader.trafilatura,
        "bare_extraction",
        lambda *args, **kwargs: {"text": body, "title": "Negotiating at the table", "date": "2025-08-15"},
    )
    assert html_reader.read_html("<html></html>", "page.html").published is None
    monkeypatch.setattr(
        html_reader.trafilatura,
        "bare_extraction",
        lambda *args, **kwargs: {"text": f"{LATER}\n{body}", "title": "Talks", "date": "2026-02-18"},
    )
    assert html_reader.read_html("<html></html>", "page.html").published == dt.date(2026, 2, 18)
