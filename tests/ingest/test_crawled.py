"""Crawler output (tests/fixtures/crawled/pages.jsonl): markdown, menus, calls to action, odd
characters and wrong metadata dates, cleaned by ``clean_article``.

The fixture holds two pages written for this project. The first is inline markdown: a link menu,
an image, a caption dated 2019 (the date the crawler put in ``published``), zero-width and
soft-hyphen characters inside names, a no-break space and a non-breaking hyphen, share, cookie,
newsletter and related blocks, a repeated paragraph, and sentences that merely mention subscribing
and a newsletter. The second is the other crawler shape: each link's words on a line of their own
inside the prose, a plain-text menu, a "Most read" list, and the page's links in a trailing
``## Links`` list; its URL gives only the month and its dateline only the day.

The articles are checked as the cleaner returns them (new fields may not be stored yet).
"""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import clean_article
from parley.clean.characters import INVISIBLE
from parley.ingest.jsonl import read_jsonl
from parley.models import Article, RawArticle
from tests.conftest import FIXTURES

TODAY = dt.date(2024, 6, 1)
INLINE_CLUTTER = [
    "![",
    "Skip to content",
    "World",
    "Sign up for our daily newsletter",
    "Share this article",
    "Facebook",
    "We use cookies",
    "Subscribe now",
    "Read more",
    "Related stories",
    "Marelian farmers protest",
    "© 2024",
    "Photo:",
]
LISTED_CLUTTER = [
    "Ostrel Post\n",
    "Home",
    "Weather",
    "Trade talks",
    "Mara Quint",
    "Most read",
    "Farmers block the northern bridge",
    "Newsletters",
    "morning briefing",
    "## Links",
]


@pytest.fixture(scope="module")
def pages() -> list[Article]:
    data = (FIXTURES / "crawled" / "pages.jsonl").read_bytes()
    raws = [r for r in read_jsonl(data, "pages.jsonl") if isinstance(r, RawArticle)]
    assert len(raws) == 2
    return [clean_article(raw, today=TODAY) for raw in raws]


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def test_markdown_links_become_their_words_and_the_targets_are_kept(pages):
    inline = pages[0]
    assert "](" not in inline.text and "[" not in inline.text and "http" not in inline.text
    assert "the Marelian trade ministry said in a statement" in inline.text
    assert "according to a transcript released by his office" in inline.text
    # a relative link is resolved against the page's URL
    assert inline.links == (
        ("Marelian trade ministry", "https://gov.marelia.example/trade"),
        ("transcript", "https://harbortimes.example/documents/transcript-0314"),
    )


def test_images_menus_and_calls_to_action_go_to_the_audit_trail(pages):
    inline = pages[0]
    for gone in INLINE_CLUTTER:
        assert gone not in inline.text, gone
    removed = "\n".join(inline.removed)
    assert "![Negotiators arrive at the harbour office]" in removed  # the image line
    assert "Photo: Lena Ostrova/Harbor Times" in removed  # its caption
    assert "* [Opinion](/opinion/)" in removed  # the menu, as it was read
    assert "We use cookies to improve your experience." in removed


def test_heading_and_emphasis_marks_go_but_their_words_stay(pages):
    inline = pages[0]
    assert "*" not in inline.text and "#" not in inline.text
    assert "Where the talks stand" in paragraphs(inline)
    assert inline.text.startswith(
        "PORT SERRANO, March 14 (Harbor Times) - Talks between Marelia and Talvaria on"
    )


def test_zero_width_and_odd_space_and_hyphen_characters_are_made_plain(pages):
    inline = pages[0]
    assert not any(c in inline.text for c in INVISIBLE + "\u00a0\u2011")
    assert "chief negotiator Petr Odran told reporters" in inline.text  # a zero-width space was inside
    assert "Ines Calloway said" in inline.text  # a soft hyphen was inside
    assert "The Marelia-Talvaria framework" in inline.text and "180,000 tonnes" in inline.text


def test_a_sentence_that_mentions_subscribing_or_a_newsletter_stays(pages):
    text = pages[0].text
    assert "Fishermen who subscribe to the cooperative’s weekly bulletin were told on Wednesday" in text
    assert "calling the newsletter sent to members “a press release in disguise”" in text


def test_a_repeated_paragraph_is_kept_once(pages):
    inline = pages[0]
    repeated = [p for p in paragraphs(inline) if p.startswith("Odran said the next round would open")]
    assert len(repeated) == 1
    assert any(line.startswith("Odran said the next round") for line in inline.removed)


def test_url_date_beats_a_contradicting_metadata_date_and_the_conflict_is_kept(pages):
    inline = pages[0]  # published: 2019-06-02 (the caption's date); URL /2024/03/14/; "March 14"
    assert inline.published == dt.date(2024, 3, 14)
    assert inline.published_from == "url"
    assert inline.date_conflicts == (
        ("metadata", "2019-06-02"),
        ("url", "2024-03-14"),
        ("dateline", "2024-03-14"),
    )


def test_link_words_on_their_own_lines_join_their_sentence_and_the_link_list_goes(pages):
    listed = pages[1]
    assert paragraphs(listed)[0].endswith(
        "after a three-hour debate that opposition members used to attack the fishing chapter."
    )
    assert paragraphs(listed)[2].endswith("according to committee records")
    for gone in LISTED_CLUTTER:
        assert gone not in listed.text, gone
    # only the links whose words are in the text are kept, not the menu's
    assert [words for words, _ in listed.links] == ["opposition members", "committee records"]


def test_dateline_takes_its_year_from_the_url(pages):
    listed = pages[1]  # no metadata date; URL /news/2024/04/...; dateline "OSTREL, April 11"
    assert listed.dateline is not None and listed.dateline.date_text == "April 11"
    assert listed.published == dt.date(2024, 4, 11)
    assert listed.published_from == "dateline"
    assert listed.date_conflicts == ()


def _article(text: str, *, url: str | None = None, published: dt.date | None = None) -> Article:
    raw = RawArticle("inline#1", "jsonl", text, title="Quota talks", url=url, published=published)
    return clean_article(raw, today=TODAY)


LEAD = (
    "Negotiators from Marelia and Talvaria met again on Tuesday to discuss the grain quota, and both "
    "sides said afterwards that the gap between them had narrowed."
)


def test_a_year_lent_across_new_year_is_the_nearer_one():
    article = _article(
        f"OSTREL, Dec 31 (Ostrel Post) - {LEAD}", url="https://ostrelpost.example/2025/01/quota"
    )
    assert article.published == dt.date(2024, 12, 31) and article.published_from == "dateline"


def test_metadata_contradicted_by_the_url_month_leaves_the_date_unknown():
    article = _article(LEAD, url="https://ostrelpost.example/2024/04/quota", published=dt.date(2021, 9, 9))
    assert article.published is None and article.published_from == "unknown"
    assert article.date_conflicts == (("metadata", "2021-09-09"), ("url", "2024-04"))


def test_metadata_that_agrees_stays_the_source_and_a_day_apart_is_agreement():
    article = _article(
        LEAD, url="https://ostrelpost.example/2024/04/11/quota", published=dt.date(2024, 4, 12)
    )
    assert article.published == dt.date(2024, 4, 12) and article.published_from == "metadata"
    assert article.date_conflicts == ()


def test_a_line_that_is_only_a_date_above_the_lead_is_the_text_date():
    text = f"Mara Quint\nFriday, 12 April 2024, 09:40\n{LEAD}\nThe next round is due in May."
    article = _article(text)
    assert article.published == dt.date(2024, 4, 12) and article.published_from == "text"
    assert "Friday, 12 April 2024, 09:40" in article.removed and "09:40" not in article.text


def test_nothing_that_tells_leaves_the_date_unknown():
    lead = "Negotiators from Marelia and Talvaria met again to discuss the grain quota."
    article = _article(f"OSTREL, April 11 (Ostrel Post) - {lead}")  # no year; the lead names no weekday
    assert article.published is None and article.published_from == "unknown"


def test_the_weekday_the_lead_names_confirms_a_date_of_the_last_year_when_nothing_else_tells():
    article = _article(f"OSTREL, May 14 (Ostrel Post) - {LEAD}")  # "on Tuesday": 2024-05-14 was one
    assert article.published == dt.date(2024, 5, 14) and article.published_from == "dateline"


def test_a_weekday_does_not_pick_the_year_of_an_older_date():
    # 6 March 2024 was a Wednesday, 2023 a Monday; the Tuesday 6 March of 2018 is too far to tell
    article = _article(f"OSTREL, March 6 (Ostrel Post) - {LEAD}")
    assert article.published is None and article.published_from == "unknown"


def test_control_characters_and_nul_bytes_are_removed_from_text_title_and_author():
    raw = RawArticle(
        origin="mem://nul",
        format="jsonl",
        title="Talks\x00 resume\x07",
        author="Desk\x1b Editor",
        text="Delegates met\x00 in the capital on Monday.\x0b\n\nThe mediator said\x7f progress was real.",
    )
    article = clean_article(raw, today=dt.date(2026, 1, 1))
    for value in (article.text, article.title, article.author or ""):
        assert not any(ord(c) < 32 and c not in "\t\n\r" or ord(c) == 127 for c in value), repr(value)
    assert article.title == "Talks resume"
    assert "Delegates met in the capital on Monday." in article.text


def test_an_outlets_own_event_advert_goes_but_a_quoted_invitation_stays():
    raw = RawArticle(
        origin="mem://advert",
        format="jsonl",
        title="Talks resume",
        text=(
            "Delegates met in the capital on Monday to resume the talks.\n\n"
            "Join us at the Harbor Times Leadership Summit June 3–4, 2026, in Lisbon.\n\n"
            "Join us for the Harbor Times Energy Forum in Oslo on May 12. Ministers, traders and "
            "engineers will debate what a ceasefire would mean for gas flows, grid repairs and the "
            "price of power across the region, in two days of panels, workshops and private "
            "briefings with the people who run the pipelines. Seats are limited. Register now.\n\n"
            '"Join us at the summit in June," the mediator told both delegations.'
        ),
    )
    article = clean_article(raw, today=dt.date(2026, 1, 1))
    assert "Leadership Summit" not in article.text and "Energy Forum" not in article.text
    assert any("Leadership Summit" in line for line in article.removed)
    assert "the mediator told both delegations" in article.text
