"""Every input format, read from the fixtures into a real SQLite file through the library.

Feeds whose entry is only a teaser get their page from the local HTTP server (``news_server``);
nothing else on the network is contacted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from parley.ingest.fetch import Fetcher
from parley.store import open_store
from tests.conftest import FIXTURES, GOOD_ARTICLES
from tests.ingest.conftest import run

pytestmark = pytest.mark.usefixtures("loopback_only")  # no address but 127.0.0.1

GOOD = FIXTURES / "good"


@pytest.fixture
def fetcher():
    fetcher = Fetcher(timeout=2.0)
    yield fetcher
    fetcher.close()


def paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def stored(db: Path):
    """The articles in the database file, read back through a fresh connection."""
    again = open_store(str(db))
    try:
        return {a.origin: a for a in again.articles()}
    finally:
        again.close()


# -- plain text ------------------------------------------------------------------------------------


def test_plain_text_fixture_title_body_date_and_dateline_outlet(store, db):
    report = run([GOOD / "article.txt"], store)
    assert report.ok and len(report.new) == 1
    article = stored(db)[str(GOOD / "article.txt")]

    assert article.format == "text"
    assert article.title == "Marelia and Talvaria agree to cut steel tariffs in first phase of trade pact"
    # the body starts with the dateline paragraph; the title and the Published: line are not in it
    assert article.text.startswith("Port Serrano, March 14 (Harbor Times) - Negotiators from Marelia")
    assert "Published:" not in article.text and article.title not in article.text
    assert article.published == dt.date(2024, 3, 14) and article.published_from == "text"
    assert article.outlet == "Harbor Times" and article.outlet_from == "dateline"
    assert article.dateline is not None and article.dateline.place == "Port Serrano"
    assert article.language == "en"
    # every paragraph of the file's body is kept, in order
    body = paragraphs(GOOD.joinpath("article.txt").read_text(encoding="utf-8"))[2:]
    assert paragraphs(article.text) == body
    assert article.text.endswith("The next round is scheduled for April in the Talvarian capital, Ostrel.")


def test_plain_text_source_line_becomes_a_cite_and_boilerplate_is_removed(store, db, tmp_path):
    original = GOOD.joinpath("article.txt").read_text(encoding="utf-8")
    title, rest = original.split("\n", 1)
    noisy = tmp_path / "noisy.txt"
    noisy.write_text(
        f"{title}\n\n{title}\n\nShare this article\nFacebook\nTwitter\n\n{rest.strip()}\n\n"
        "Source: https://www.reuters.com/world/marelia-talvaria-steel-tariffs\n\n"
        "Related articles\nSteel tariffs to be halved\nFishing talks stall again\n\n"
        "Leave a Comment\n\nYour email address will not be published. Required fields are marked *\n\n"
        "Post Comment\n\nScroll to Top\n",
        encoding="utf-8",
    )
    report = run([noisy], store)
    assert report.ok and len(report.new) == 1
    article = stored(db)[str(noisy)]

    assert article.title == title
    assert article.cites == ("Reuters",)  # the Source: line names the origin (a known domain)
    for line in (
        "Share this article",
        "Facebook",
        "Twitter",
        "Source:",
        "Related articles",
        "Steel tariffs to be halved",
        "Fishing talks stall again",
        "Leave a Comment",
        "Your email address",
        "Post Comment",
        "Scroll to Top",
        "reuters.com",
    ):
        assert line not in article.text, line
    # what was taken out is kept for audit, and no story sentence was taken
    for line in (
        "Share this article",
        "Leave a Comment",
        "Scroll to Top",
        "Post Comment",
        "Source: https://www.reuters.com/world/marelia-talvaria-steel-tariffs",
    ):
        assert line in article.removed
    assert paragraphs(article.text) == paragraphs(rest)[1:]  # all but the Published: line
    assert article.published == dt.date(2024, 3, 14)


def test_first_line_paragraph_is_not_a_title_and_a_one_line_file_is_an_article(store, db, tmp_path):
    lead = (
        "Negotiators from Marelia and Talvaria met again on Monday in Ostrel to discuss fishing "
        "quotas, and both delegations said afterwards that the gap between them had narrowed."
    )
    no_title = tmp_path / "no_title.txt"
    no_title.write_text(lead + "\n\nThe next round is due in May.\n", encoding="utf-8")
    one_line = tmp_path / "one_line.txt"
    one_line.write_text("Talvaria and Marelia to resume talks in May\n", encoding="utf-8")
    report = run([no_title, one_line], store)
    assert report.ok and len(report.new) == 2
    articles = stored(db)
    article = articles[str(no_title)]
    assert article.text.startswith(lead)  # the lead paragraph stays in the text
    assert article.title.startswith("Negotiators from Marelia and Talvaria met again on Monday")
    short = articles[str(one_line)]
    assert short.title == short.text == "Talvaria and Marelia to resume talks in May"


# -- HTML ------------------------------------------------------------------------------------------


def test_html_page_main_text_and_metadata(store, db):
    report = run([GOOD / "page.html"], store)
    assert report.ok and len(report.new) == 1
    article = stored(db)[str(GOOD / "page.html")]

    assert article.format == "html"
    assert article.title == "Talvaria demands dispute tribunal before signing trade deal"
    assert article.author == "Rena Voss"
    assert article.published == dt.date(2024, 3, 20) and article.published_from == "metadata"
    assert article.outlet == "Ostrel Gazette"  # the site named in <title>, not the host name
    assert article.url == "https://example.test/ostrel-gazette/talvaria-dispute-tribunal"
    assert article.language == "en"
    text = article.text
    assert text.startswith("Talvaria will not sign a comprehensive trade agreement with Marelia")
    for sentence in (
        '"We have been burned before. A deal without a referee is only a promise,"',
        "Analysts said the tribunal question, together with fishing quotas",
        "delaying investment in ports and rail links between the two countries.",
    ):
        assert sentence in text
    assert len(paragraphs(text)) == 5
    # nav, share buttons, related links, the comment form and the footer are left out
    for chrome in (
        "Home",
        "Politics",
        "Log in",
        "Share on",
        "Facebook",
        "Related articles",
        "Steel tariffs to be halved",
        "Leave a Reply",
        "Your email address",
        "Required fields",
        "Post Comment",
        "Name *",
        "All rights reserved",
        "©",
    ):
        assert chrome not in text, chrome


def test_html_outlet_falls_back_to_a_known_domain_when_the_page_names_no_site(store, db, tmp_path):
    page = GOOD.joinpath("page.html").read_text(encoding="utf-8")
    page = page.replace(" | Ostrel Gazette</title>", "</title>").replace(
        "https://example.test/ostrel-gazette/talvaria-dispute-tribunal",
        "https://www.reuters.com/world/talvaria-dispute-tribunal",
    )
    bare = tmp_path / "bare.html"
    bare.write_text(page, encoding="utf-8")
    run([bare], store)
    article = stored(db)[str(bare)]
    assert article.outlet == "Reuters" and article.outlet_from == "url"


# -- feeds -----------------------------------------------------------------------------------------


def test_rss_feed_from_a_file_each_entry_an_article_and_the_teaser_page_fetched(
    store, db, good_copy, news_server, fetcher
):
    feed = good_copy / "feed.rss.xml"
    report = run([feed], store, fetcher)
    assert report.failures == [] and len(report.new) == 2
    articles = stored(db)

    full = articles[f"{feed}#entry1"]
    assert full.format == "feed"
    assert full.title == "Fishing quotas stall Marelia-Talvaria talks"
    assert full.published == dt.date(2024, 4, 11) and full.published_from == "metadata"
    assert full.author == "Tomas Bell"
    assert full.outlet == "Harbor Times"  # the feed's title without its section ("- Trade")
    assert full.url == "https://example.test/harbor-times/fishing-quotas-stall-talks"
    assert len(paragraphs(full.text)) == 4 and "<p>" not in full.text
    assert '"We will not trade away our coastal towns," Talvarian negotiator Petr Odran' in full.text

    teaser = articles[f"{feed}#entry2"]
    assert news_server.hits == ["/teaser-story"]  # only the teaser's page was fetched
    assert teaser.title == "Grain deal within reach, officials say"  # the feed's title
    assert teaser.published == dt.date(2024, 4, 12)  # the feed's date
    assert teaser.author == "Tomas Bell" and teaser.outlet == "Harbor Times"
    assert teaser.url == news_server.url("/teaser-story")
    # the stored text is the page's article, not the teaser, and not the page's chrome
    assert "Read more" not in teaser.text and "Officials hint at a compromise" not in teaser.text
    assert "safeguard clause that can pause the next step" in teaser.text
    assert "Share on Facebook" not in teaser.text and "Home" not in teaser.text


def test_atom_feed_from_a_file(store, db):
    report = run([GOOD / "feed.atom.xml"], store)
    assert report.ok and len(report.new) == 1
    article = stored(db)[f"{GOOD / 'feed.atom.xml'}#entry1"]
    assert article.title == "Marelia and Talvaria initial draft trade agreement"
    assert article.published == dt.date(2024, 5, 2) and article.published_from == "metadata"
    assert article.author == "Rena Voss"
    assert article.outlet == "Ostrel Gazette"
    assert article.url == "https://example.test/ostrel-gazette/draft-trade-agreement-initialled"
    # escaped HTML content is unescaped into paragraphs
    assert "&lt;" not in article.text and "<p>" not in article.text
    assert len(paragraphs(article.text)) == 4
    assert article.text.startswith("Marelia and Talvaria initialled a draft trade agreement on Thursday")
    assert '"Both sides gave something, and both sides gained more,"' in article.text


def test_feed_entry_with_a_full_body_is_not_fetched(store, good_copy, news_server, fetcher):
    run([good_copy / "feed.atom.xml"], store, fetcher)
    assert news_server.hits == []


def test_feed_dates_are_the_day_in_the_publishers_time_zone(store, db, tmp_path):
    """23:30 in New York on 11 April is 12 April in UTC; the story is dated 11 April, as written."""
    rss = GOOD.joinpath("feed.rss.xml").read_text(encoding="utf-8")
    rss = re.sub(r"\s*<item>\s*<title>Grain deal.*?</item>", "", rss, flags=re.S)  # the teaser entry
    rss = rss.replace("Thu, 11 Apr 2024 17:30:00 GMT", "Thu, 11 Apr 2024 23:30:00 -0400")
    atom = (
        GOOD.joinpath("feed.atom.xml")
        .read_text(encoding="utf-8")
        .replace(
            "<published>2024-05-02T09:45:00Z</published>", "<published>2024-05-03T01:15:00+03:00</published>"
        )
    )
    (tmp_path / "late.rss.xml").write_text(rss, encoding="utf-8")
    (tmp_path / "early.atom.xml").write_text(atom, encoding="utf-8")
    report = run([tmp_path / "late.rss.xml", tmp_path / "early.atom.xml"], store)
    assert report.ok and len(report.new) == 2
    dates = {a.origin.rsplit("/", 1)[-1]: a.published for a in stored(db).values()}
    assert dates == {
        "late.rss.xml#entry1": dt.date(2024, 4, 11),
        "early.atom.xml#entry1": dt.date(2024, 5, 3),
    }


# -- JSON Lines ------------------------------------------------------------------------------------


def test_jsonl_fields_are_mapped(store, db):
    report = run([GOOD / "articles.jsonl"], store)
    assert report.ok and len(report.new) == 2
    articles = stored(db)
    first, second = articles[f"{GOOD / 'articles.jsonl'}#L1"], articles[f"{GOOD / 'articles.jsonl'}#L2"]
    records = [json.loads(line) for line in GOOD.joinpath("articles.jsonl").read_text().splitlines()]

    for article, record in ((first, records[0]), (second, records[1])):
        assert article.format == "jsonl"
        assert article.title == record["title"]
        assert article.url == record["url"]
        assert article.outlet == record["outlet"] and article.outlet_from == "metadata"
        assert article.author == record["author"]
        assert article.language == record["language"]
        assert paragraphs(article.text) == paragraphs(record["text"])
        assert "\n\n" in article.text
    assert first.published == dt.date(2024, 4, 22)  # a plain date
    assert second.published == dt.date(2024, 4, 24)  # a full datetime with Z
    assert first.published_from == second.published_from == "metadata"


def test_jsonl_alternative_keys(store, db, tmp_path):
    body = (
        "Fishing ministers from Marelia and Talvaria agreed on Tuesday to set up a joint "
        "scientific panel on quotas.\n\nThe panel will report every spring."
    )
    lines = [
        {"title": "Panel agreed", "body": body, "date": "2024-06-04", "source": "Harbor Times"},
        {
            "headline": "ignored",
            "content": body + " It has six members.",
            "published_at": "2024-06-05T08:00:00+02:00",
        },
    ]
    file = tmp_path / "alt.ndjson"
    file.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    report = run([file], store)
    assert report.ok and len(report.new) == 2
    articles = stored(db)
    one, two = articles[f"{file}#L1"], articles[f"{file}#L2"]
    assert one.title == "Panel agreed" and one.outlet == "Harbor Times"
    assert one.published == dt.date(2024, 6, 4)
    assert two.published == dt.date(2024, 6, 5) and two.text.endswith("It has six members.")
    assert two.title.startswith("Fishing ministers from Marelia and Talvaria agreed")  # first sentence


# -- folders ---------------------------------------------------------------------------------------


def test_folder_is_read_recursively_by_file_type_and_unsupported_files_are_counted(
    store, db, good_copy, tmp_path, fetcher
):
    root = tmp_path / "inbox"
    (root / "text").mkdir(parents=True)
    (root / "web" / "deeper").mkdir(parents=True)
    shutil.copy(good_copy / "article.txt", root / "text" / "article.txt")
    shutil.copy(good_copy / "page.html", root / "web" / "deeper" / "page.htm")
    shutil.copy(good_copy / "feed.rss.xml", root / "web" / "feed.rss")
    shutil.copy(good_copy / "feed.atom.xml", root / "feed.atom.xml")
    shutil.copy(good_copy / "articles.jsonl", root / "text" / "articles.jsonl")
    unsupported = [root / "scan.pdf", root / "web" / "logo.png", root / "text" / "table.csv"]
    for file in unsupported:
        file.write_bytes(b"%PDF-1.4 not an article")
    (root / ".hidden.txt").write_text("a hidden file is not read", encoding="utf-8")
    (root / "README.md").write_text("# about this folder", encoding="utf-8")

    report = run([root], store, fetcher)
    assert report.failures == []
    assert len(report.new) == GOOD_ARTICLES
    assert sorted(report.skipped) == sorted(str(f) for f in unsupported)
    formats = sorted(a.format for a in stored(db).values())
    assert formats == ["feed", "feed", "feed", "html", "jsonl", "jsonl", "text"]
    origins = set(stored(db))
    assert str(root / "web" / "deeper" / "page.htm") in origins
    assert not any("hidden" in o or "README" in o for o in origins)


def test_a_file_named_directly_with_an_unknown_suffix_is_sniffed(store, db, tmp_path):
    page = tmp_path / "saved_page"
    shutil.copy(GOOD / "page.html", page)
    note = tmp_path / "note.md"
    shutil.copy(GOOD / "article.txt", note)
    report = run([page, note], store)
    assert report.ok
    articles = stored(db)
    assert articles[str(page)].format == "html"
    assert articles[str(note)].format == "text"


def test_stored_article_reads_back_exactly(store, db, good_copy, fetcher):
    report = run([good_copy], store, fetcher)
    assert len(report.new) == GOOD_ARTICLES
    back = stored(db)
    for article in report.new:
        again = back[article.origin]
        assert again.removed == article.removed and again.dateline == article.dateline
        assert again == article
