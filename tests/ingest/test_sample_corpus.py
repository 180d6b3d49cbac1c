"""The sample corpus (parley/data/sample): all of it is stored, with the metadata its README gives.

Its feeds carry full bodies, so no page is fetched (the test checks no URL was replaced by a
fetched one). Dates are resolved against a fixed ``today`` so the tests do not age.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from parley.ingest.job import ingest
from parley.present.brief import build_brief
from parley.store import open_store
from tests.conftest import SAMPLE, run_cli

pytestmark = pytest.mark.usefixtures("loopback_only")  # no address but 127.0.0.1

TODAY = dt.date(2026, 1, 1)
BOILERPLATE = [
    "Leave a Comment",
    "Scroll to Top",
    "Share on",
    "Related",
    "Post Comment",
    "Generated on",
    "Source Article",
    "Source:",
    "Synopsis",
    "Key Takeaways",
    "Your email address",
    "Required fields are marked",
]

# Publication dates from the README. 01 and 10 stay unknown: 01 has only a dateline without a year
# ("Nov 20") and its lead names no weekday, 10 has no date at all.
PUBLISHED = {
    "01": None,
    "02": "2025-11-21",
    "03": "2025-11-21",
    "04": "2025-11-24",
    "05": "2025-11-24",
    "06": "2025-11-25",
    "07": "2025-12-01",
    "08": "2025-12-03",
    "09": "2025-12-03",
    "10": None,
    "11": "2025-12-04",
    "12": "2025-12-03",
    "13": "2025-12-04",
    "14": "2025-12-24",
    "15": "2025-12-03",
    "16": "2025-11-24",
    "17": "2025-12-08",
    "18#entry1": "2025-11-28",
    "18#entry2": "2025-12-06",
    "18#entry3": "2025-12-12",
    "18#entry4": "2025-12-15",
    "19#entry1": "2025-11-27",
    "19#entry2": "2025-12-26",
    "20#L1": "2025-11-30",
    "20#L2": "2025-12-05",
    "20#L3": "2025-12-19",
    "20#L4": "2025-12-21",
}
OUTLETS = {  # from the README; 05 and 10 name their outlet nowhere in a way Parley reads
    "01": "Continental Wire",
    "02": "Sever Press Agency",
    "03": "Kyiv Ledger",
    "04": "The Meridian Post",
    "06": "Atlantic Dispatch",
    "07": "Kyiv Ledger",
    "08": "Continental Wire",
    "09": "Bharat Herald",
    "11": "Bharat Herald",
    "12": "Sever Press Agency",
    "13": "The Meridian Post",
    "14": "Kyiv Ledger",
    "15": "Atlantic Dispatch",
    "16": "Nordic Observer",
    "17": "The Meridian Post",
    **{f"18#entry{n}": "Continental Wire" for n in range(1, 5)},
    **{f"19#entry{n}": "Nordic Observer" for n in range(1, 3)},
    "20#L1": "Atlantic Dispatch",
    "20#L2": "Bharat Herald",
    "20#L3": "Kyiv Ledger",
    "20#L4": "The Meridian Post",
}


def articles_in_files() -> int:
    """Count the sample's articles from its files: one per text or HTML file, feed item, JSON line."""
    count = 0
    for file in SAMPLE.iterdir():
        data = file.read_text(encoding="utf-8")
        if file.suffix in (".txt", ".html"):
            count += 1
        elif file.name.endswith(".rss.xml"):
            count += data.count("<item>")
        elif file.name.endswith(".atom.xml"):
            count += data.count("<entry>")
        elif file.suffix == ".jsonl":
            count += sum(1 for line in data.splitlines() if line.strip())
    return count


def key(origin: str) -> str:
    """``.../18_continental_wire_feed.rss.xml#entry2`` -> ``18#entry2``."""
    name = origin.rsplit("/", 1)[-1]
    return name[:2] + ("#" + name.split("#", 1)[1] if "#" in name else "")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample ingested once into a real SQLite file: (report, {key: article}, store)."""
    store = open_store(str(tmp_path_factory.mktemp("sample") / "parley.db"))
    report = ingest([str(SAMPLE)], store, today=TODAY)
    yield report, {key(a.origin): a for a in store.articles()}, store
    store.close()


def test_every_article_is_stored_without_failures(sample):
    report, articles, store = sample
    assert articles_in_files() == 27  # 14 .txt + 3 .html + 4 RSS items + 2 Atom entries + 4 JSON lines
    assert report.failures == [] and report.skipped == []  # README.md is not an input
    assert len(report.new) == 27 and report.duplicates == []
    assert store.count_articles() == 27
    assert set(articles) == set(PUBLISHED)
    assert len({a.sha256 for a in articles.values()}) == 27
    assert all(a.title and a.text and a.language == "en" for a in articles.values())
    # the feeds carry full bodies: no entry was replaced by a fetched page
    assert all(a.url.startswith("https://www.") for k, a in articles.items() if k[:2] in ("18", "19"))


def test_publication_dates(sample):
    _, articles, _ = sample
    for k, expected in PUBLISHED.items():
        article = articles[k]
        assert (article.published.isoformat() if article.published else None) == expected, k
        assert (article.published_from == "unknown") == (expected is None), k


def test_outlets(sample):
    _, articles, _ = sample
    for k, expected in OUTLETS.items():
        assert articles[k].outlet == expected, k


def test_rewrite_cites_the_original(sample):
    _, articles, _ = sample
    assert "The Meridian Post" in articles["05"].cites
    assert articles["04"].outlet == "The Meridian Post" and articles["04"].cites == ()  # its own Source:
    assert articles["13"].cites == ("Der Spiegel",)


def test_article_with_no_date_anywhere_is_unknown(sample):
    _, articles, _ = sample
    explainer = articles["10"]
    assert explainer.published is None and explainer.published_from == "unknown"
    assert explainer.dateline is None


@pytest.mark.parametrize(("k", "day"), [("02", dt.date(2025, 11, 21)), ("12", dt.date(2025, 12, 3))])
def test_dateline_without_a_year_resolves_by_the_weekday_in_the_lead(sample, k, day):
    _, articles, _ = sample
    article = articles[k]
    assert article.published == day and article.published_from == "dateline"
    # the rule: the dateline gives month and day only; the lead sentence names one weekday, and the
    # year is the latest one not after today in which that date fell on that weekday
    assert article.dateline.date_text == day.strftime("%b ") + str(day.day)
    lead = re.split(r"(?<=[.!?])\s", article.text[article.dateline.span.end :], maxsplit=1)[0]
    weekday = day.strftime("%A")
    named = [
        d
        for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        if re.search(rf"\b{d}\b", lead)
    ]
    assert named == [weekday]


def test_weekday_rule_never_picks_a_date_after_today(tmp_path):
    """Ingested on the eve of the 2025 date, 02 ("Nov 21", a Friday) is not dated: 21 November
    2024 was a Thursday, and an older Friday 21 November (2014, 2008) is a guess."""
    store = open_store(str(tmp_path / "p.db"))
    eve = dt.date(2025, 11, 20)
    report = ingest([str(SAMPLE / "02_kremlin_nothing_official.txt")], store, today=eve)
    assert report.new[0].published is None and report.new[0].published_from == "unknown"
    store.close()


def test_dateline_without_weekday_or_year_stays_unknown(sample):
    _, articles, _ = sample
    leak = articles["01"]
    assert leak.dateline is not None and leak.dateline.date_text == "Nov 20"
    assert leak.published is None and leak.published_from == "unknown"


def test_no_boilerplate_left_in_any_stored_text(sample):
    _, articles, _ = sample
    for k, article in articles.items():
        for phrase in BOILERPLATE:
            assert not re.search(rf"(?mi)^\s*{re.escape(phrase)}", article.text), (k, phrase)
        for line in article.text.splitlines():
            assert not re.fullmatch(r"(?i)\s*(facebook|twitter|x|whatsapp|email|print|copy link)\s*", line), k
    # the boilerplate was there to be removed
    assert "Leave a Comment" in articles["04"].removed and "Scroll to Top" in articles["10"].removed
    assert {"Source Article", "Generated on:", "Synopsis", "Key Takeaways"} <= set(articles["05"].removed)


def test_no_html_chrome_in_the_html_articles(sample):
    _, articles, _ = sample
    for k in ("15", "16", "17"):
        text = articles[k].text
        for chrome in (
            "cookie",
            "Subscribe",
            "Sign in",
            "Log in",
            "Share",
            "Related",
            "Comment",
            "Skip to main content",
            "All rights reserved",
            "©",
        ):
            assert chrome not in text, (k, chrome)


def test_brief_counts_articles_per_outlet_and_day(sample):
    _, _, store = sample
    brief = build_brief(store)
    assert brief.articles == 27
    assert dict(brief.outlets) == {
        "Continental Wire": 6,
        "Kyiv Ledger": 4,
        "The Meridian Post": 4,
        "Atlantic Dispatch": 3,
        "Bharat Herald": 3,
        "Nordic Observer": 3,
        "Sever Press Agency": 2,
        "unknown": 2,
    }
    days = dict(brief.days)
    assert days["unknown"] == 2 and days["2025-12-03"] == 4 and sum(days.values()) == 27
    assert brief.by_outlet_day["Continental Wire"] == {
        "2025-11-28": 1,
        "2025-12-03": 1,
        "2025-12-06": 1,
        "2025-12-12": 1,
        "2025-12-15": 1,
        "unknown": 1,
    }
    assert brief.failures == []


def test_cli_ingests_the_sample_and_a_second_run_adds_nothing(db):
    first = run_cli("ingest", str(SAMPLE), db=db)
    assert first.stdout.startswith("27 new, 0 duplicate, 0 failed  (store: 27 articles)")
    store = open_store(str(db))
    try:
        second = ingest([str(SAMPLE)], store, today=TODAY)
        assert second.new == [] and len(second.duplicates) == 27 and second.failures == []
        assert store.count_articles() == 27
    finally:
        store.close()


# -- an interrupted ingest -------------------------------------------------------------------------


class Interrupt:
    """A progress callback that presses Ctrl-C after ``after`` sources."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.seen: list[str] = []

    def __call__(self, done: int, total: int, current: str) -> None:
        self.seen.append(current)
        if done == self.after:
            raise KeyboardInterrupt


@pytest.mark.parametrize(("batch_size", "stored_before_rerun"), [(1, 5), (500, 0)])
def test_interrupted_ingest_completes_on_the_next_run_with_each_article_once(
    tmp_path, batch_size, stored_before_rerun
):
    db = tmp_path / "parley.db"
    store = open_store(str(db))
    interrupt = Interrupt(after=5)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(SAMPLE)], store, today=TODAY, progress=interrupt, batch_size=batch_size)
    store.close()
    assert len(interrupt.seen) == 5

    store = open_store(str(db))  # as a new process would
    # batches already written are complete (01-05 are one article each); nothing half-written
    assert store.count_articles() == stored_before_rerun
    assert store.runs()[0].finished_at is None  # the interrupted run never finished
    report = ingest([str(SAMPLE)], store, today=TODAY, batch_size=batch_size)
    assert report.failures == []
    assert len(report.new) == 27 - stored_before_rerun
    assert len(report.duplicates) == stored_before_rerun
    assert store.count_articles() == 27
    shas = [row[0] for row in store.db.execute("SELECT sha256 FROM articles")]
    assert len(shas) == len(set(shas)) == 27
    assert {key(a.origin) for a in store.articles()} == set(PUBLISHED)
    assert store.runs()[-1].finished_at is not None
    store.close()
