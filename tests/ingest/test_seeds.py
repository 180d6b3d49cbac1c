"""Ingest of the five real seed articles in ../shared/seeds, through the real CLI and store."""

from __future__ import annotations

import datetime as dt
import json
import re

from parley.store import open_store
from tests.conftest import run_cli

BOILERPLATE = [
    "Leave a Comment",
    "Your email address will not be published",
    "Required fields are marked",
    "Scroll to Top",
    "Send Comments",
    "Source Article",
    "Generated on",
    "Synopsis",
    "Key Takeaways",
    "Source: http",
]


def _by_file(db):
    store = open_store(str(db))
    try:
        return {a.origin.rsplit("/", 1)[-1][:3]: a for a in store.articles()}
    finally:
        store.close()


def test_seeds_are_stored_with_titles_origins_and_dates(seeds, db):
    result = run_cli("ingest", str(seeds), "--json", db=db)
    report = json.loads(result.stdout)
    assert len(report["new"]) == 5 and report["failed"] == []
    articles = _by_file(db)
    assert set(articles) == {"000", "001", "002", "003", "004"}

    assert articles["000"].title.startswith("Russia says it")
    assert articles["001"].title == "Russia Disagrees with Aspects of US Plan to End Ukraine Conflict"
    assert articles["002"].title.startswith("US and Ukraine Approach Joint Peace Plan")
    assert articles["003"].title == "Did Russia Really Reject the US Peace Plan for Ukraine?"
    # 004 has no title line: its first line is the lead paragraph, kept in the text.
    assert articles["004"].title.startswith("The Kremlin spokesperson")
    assert articles["004"].text.startswith("The Kremlin spokesperson")

    # Cited origins: a Source: line, "citing ...", "... reported", "according to what ... reported".
    assert articles["000"].cites == ("BBC",)
    assert "The Guardian" in articles["002"].cites
    assert "TASS" in articles["003"].cites
    assert set(articles["004"].cites) == {"Politico", "The Wall Street Journal"}
    assert "Der Spiegel" in articles["001"].cites

    # Outlets named by a dateline.
    assert articles["002"].outlet == "Rokna"
    assert articles["003"].outlet == "NationPress"

    # Publication dates: only 003 gives enough (dateline "Dec 3" + "on Wednesday" in the lead).
    assert articles["003"].published == dt.date(2025, 12, 3)
    assert articles["003"].published_from == "dateline"
    for key in ("000", "001", "002", "004"):
        assert articles[key].published is None
        assert articles[key].published_from == "unknown"
    assert all(a.language == "en" for a in articles.values())


def test_no_boilerplate_left_and_no_sentence_dropped(seeds, db):
    run_cli("ingest", str(seeds), db=db)
    articles = _by_file(db)
    for key, article in articles.items():
        for phrase in BOILERPLATE:
            assert not re.search(rf"(?m)^{re.escape(phrase)}", article.text), (key, phrase)
        # every sentence-like line of the original file is in the stored text
        original = next(seeds.glob(f"{key}_*.txt")).read_text(encoding="utf-8")
        for line in original.splitlines():
            line = " ".join(line.split())
            if len(line) > 60 and line not in article.removed and line != article.title:
                assert line in article.text, (key, line[:60])
        # what was removed is boilerplate or the title repeated, never a sentence of the story
        for line in article.removed:
            assert any(p.lower() in line.lower() for p in BOILERPLATE) or _same(line, article.title)


def test_same_seeds_twice_are_duplicates(seeds, db):
    run_cli("ingest", str(seeds), db=db)
    second = json.loads(run_cli("ingest", str(seeds), "--json", db=db).stdout)
    assert second["new"] == [] and len(second["duplicate"]) == 5
    store = open_store(str(db))
    assert store.count_articles() == 5
    store.close()


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W", "", a).lower() == re.sub(r"\W", "", b).lower()
