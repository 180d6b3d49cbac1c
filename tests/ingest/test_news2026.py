"""Real crawled news (../shared/datasets/news2026, read at run time; see its README): after
cleaning no markup or invisible character is left, no quoted sentence is lost, and the date each
article's URL gives wins over a crawler's wrong ``published``, with the conflict kept.

The checks are generic (no text from the data set is written here). ``python -m
parley.bench.clutter ../shared/datasets/news2026/articles.jsonl`` prints the counts behind them.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from parley.clean import clean_article
from parley.clean.boilerplate import ends_statement, is_boilerplate
from parley.clean.characters import INVISIBLE, normalise_characters
from parley.clean.footnotes import drop_footnote_numbers
from parley.clean.markdown import read_line
from parley.clean.pubdate import url_date
from parley.ingest.jsonl import parse_record
from parley.models import Article, RawArticle
from tests.conftest import SHARED

NEWS2026 = SHARED / "datasets" / "news2026" / "articles.jsonl"
TODAY = dt.date(2026, 3, 1)
QUOTE = re.compile(r"[“”\"]")


@pytest.fixture(scope="module")
def pairs() -> list[tuple[RawArticle, Article]]:
    if not NEWS2026.is_file():
        pytest.skip(f"{NEWS2026} is not present (the news2026 data set is read at run time)")
    lines = NEWS2026.read_text(encoding="utf-8").splitlines()
    raws = [parse_record(line, f"news2026#L{n}") for n, line in enumerate(lines, start=1) if line.strip()]
    return [(raw, clean_article(raw, today=TODAY)) for raw in raws]


def test_no_markdown_or_invisible_characters_are_left(pairs):
    raw_with_links = sum("](" in raw.text for raw, _ in pairs)
    assert raw_with_links >= 20  # the data set is as cluttered as its README says
    for raw, article in pairs:
        text = article.text
        assert "](" not in text and "![" not in text and "[]" not in text, raw.url
        assert not any(c in text for c in INVISIBLE + "\u00a0\u202f\u2011"), raw.url
        assert "**" not in text and not re.search(r"(?m)^#{1,6} ", text), raw.url


def test_every_quoted_sentence_of_a_story_is_kept(pairs):
    checked = 0
    for raw, article in pairs:
        for line in normalise_characters(raw.text).split("\n"):
            # as cleaning reads it: footnote numbers glued to a sentence's end are no words of it
            plain = drop_footnote_numbers(read_line(" ".join(line.split())).text.removeprefix("- "))
            quoted = QUOTE.search(plain) and len(plain.split()) >= 12 and ends_statement(plain)
            if quoted and not is_boilerplate(plain) and "cookie" not in plain.lower():
                checked += 1
                assert plain in article.text, (raw.url, plain[:80])
    assert checked >= 200


def test_a_url_that_gives_the_day_gives_the_date(pairs):
    dated = [
        (raw, article, said.date) for raw, article in pairs if (said := url_date(raw.url or "")) and said.date
    ]
    assert len(dated) >= 12
    for raw, article, day in dated:
        assert article.published is not None, raw.url
        assert abs((article.published - day).days) <= 1, raw.url


def test_a_crawler_date_the_url_contradicts_loses_and_the_conflict_is_kept(pairs):
    contradicted = [
        (raw, article, said.date)
        for raw, article in pairs
        if raw.published and (said := url_date(raw.url or "")) and said.date
        if abs((raw.published - said.date).days) > 1
    ]
    assert len(contradicted) >= 2  # a photo caption's year, another story's date
    for raw, article, day in contradicted:
        assert article.published == day and article.published_from == "url", raw.url
        assert ("metadata", raw.published.isoformat()) in article.date_conflicts
        assert ("url", day.isoformat()) in article.date_conflicts


def test_a_dateline_without_a_year_takes_the_urls(pairs):
    with_dateline = [
        (raw, article)
        for raw, article in pairs
        if article.dateline and not re.search(r"\d{4}", article.dateline.date_text or "1999")
        if (said := url_date(raw.url or "")) and said.date
    ]
    assert with_dateline
    for raw, article in with_dateline:
        said = url_date(raw.url or "")
        assert said is not None and said.date is not None
        dateline_says = dict(article.date_conflicts).get("dateline", said.label)
        assert dateline_says.startswith(str(said.date.year)), raw.url


def test_dates_come_from_the_article_or_stay_unknown(pairs):
    sources = {article.published_from for _, article in pairs}
    assert {"url", "text", "metadata"} <= sources
    for raw, article in pairs:
        if article.published_from == "unknown":
            assert article.published is None
            assert raw.published is None or article.date_conflicts, raw.url
