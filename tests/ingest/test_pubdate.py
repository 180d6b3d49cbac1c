"""Publication dates read from URLs and date lines, and how sources are weighed (clean/pubdate.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean.pubdate import parse_date_line, resolve_publication, url_date
from parley.models import Dateline, Span

TODAY = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://news.example/world/2026/02/04/talks-resume/", "2026-02-04"),
        ("https://news.example/news/2026/2/4/talks-resume", "2026-02-04"),
        ("https://news.example/world/2025/nov/24/geneva-round", "2025-11-24"),
        ("https://news.example/europe/envoys-meet-again-2025-02-10/", "2025-02-10"),
        ("https://news.example/articles/2026-02-27/envoys-meet-again", "2026-02-27"),
        ("https://news.example/story/20260204/envoys-meet-again", "2026-02-04"),
        ("https://news.example/live-news/20260204-envoys-meet-again", "2026-02-04"),
        ("https://news.example/emissary/2026/02/envoys-meet-again", "2026-02"),
        ("https://news.example/2026/feb/envoys-meet-again", "2026-02"),
    ],
)
def test_url_dates(url, label):
    said = url_date(url)
    assert said is not None and said.label == label


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example/article/1266810/envoys-meet-again",  # an id, not a date
        "https://news.example/amp_articleshow/128834994.cms",  # nine digits
        "https://news.example/2026/13/40/not-a-day",
        "https://news.example/story/20261340/not-a-day",
        "https://news.example/russian-offensive-campaign-assessment-february-1-2026",  # words: not read
    ],
)
def test_url_without_a_date(url):
    assert url_date(url) is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("27/02/2026", dt.date(2026, 2, 27)),
        ("27.02.2026 - Update : 27.02.2026", dt.date(2026, 2, 27)),
        ("Saturday, 28 February 2026, 00:34", dt.date(2026, 2, 28)),
        ("February 27, 2026 at 5:00 AM UTC", dt.date(2026, 2, 27)),
        ("Feb 27, 2026, 07:57 IST", dt.date(2026, 2, 27)),
        ("Nov. 25, 2025, 6:40 p.m. ET", dt.date(2025, 11, 25)),
        ("Published On 27 Feb 2026", dt.date(2026, 2, 27)),
        ("by Mara Quint 10:41 AM February 5, 2026", dt.date(2026, 2, 5)),
        ("Thursday 4 December 2025", dt.date(2025, 12, 4)),
        ("2026-02-04T08:15:00Z", dt.date(2026, 2, 4)),
    ],
)
def test_lines_that_are_only_a_date(line, date):
    assert parse_date_line(line) == date


@pytest.mark.parametrize(
    "line",
    [
        "02/03/2026",  # day and month cannot be told apart
        "27 February",  # no year
        "Businesscategory · February 8, 2026 · 5:04 AM UTC · 34 mins ago",
        "Talks resumed on February 27, 2026 in Geneva",
        "Online Event Fri, January 30, 2026 • 9:00 am ET How the talks work",
    ],
)
def test_lines_that_are_more_than_a_date(line):
    assert parse_date_line(line) is None


def _resolve(metadata=None, url=None, text=(), dateline=None, lead=""):
    line = Dateline(Span(0, 10), "MOSCOW", dateline, "Wire") if dateline else None
    return resolve_publication(
        metadata=metadata, url=url, text_dates=list(text), dateline=line, lead=lead, today=TODAY
    )


def test_url_and_dateline_outvote_a_caption_date_in_the_metadata():
    found = _resolve(metadata=dt.date(2024, 6, 13), url="https://w.example/x-2026-02-01/", dateline="Feb 1")
    assert (found.date, found.source) == (dt.date(2026, 2, 1), "url")
    assert found.conflicts == (("metadata", "2024-06-13"), ("url", "2026-02-01"), ("dateline", "2026-02-01"))


def test_the_text_beats_the_metadata_when_each_stands_alone():
    found = _resolve(metadata=dt.date(2026, 2, 10), text=[dt.date(2026, 2, 5)])
    assert (found.date, found.source) == (dt.date(2026, 2, 5), "text")
    assert found.conflicts == (("metadata", "2026-02-10"), ("text", "2026-02-05"))


def test_a_dateline_day_that_contradicts_the_metadata_leaves_the_date_unknown():
    found = _resolve(metadata=dt.date(2025, 3, 2), dateline="Mar 9")
    assert (found.date, found.source) == (None, "unknown")
    assert found.conflicts == (("metadata", "2025-03-02"), ("dateline", "XXXX-03-09"))


def test_a_dateline_without_a_year_that_agrees_keeps_the_metadata():
    found = _resolve(metadata=dt.date(2025, 12, 3), dateline="Dec 3", lead="Officials said on Tuesday that")
    assert (found.date, found.source, found.conflicts) == (dt.date(2025, 12, 3), "metadata", ())


def test_no_source_no_date():
    assert _resolve().date is None
