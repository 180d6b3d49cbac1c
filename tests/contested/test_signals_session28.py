"""Warning signs of session 28: a lone editorial heading is no rewriting tool's line; a role
called "former" is one warning an article, however often the article repeats it."""

from __future__ import annotations

from parley.models import Actor, Article, Mention, Span
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import Corpus
from parley.reconcile.signals import find_signals, rewrite_signals

WORDS = load_words()
MARKERS = WORDS.lists["machine_rewrite_markers"]
HEADINGS = WORDS.lists["heading_rewrite_markers"]


def _kinds(text: str, removed: tuple[str, ...] = ()) -> list[str]:
    return [s.text for s in rewrite_signals("a", text, removed, MARKERS, HEADINGS)]


def test_a_lone_heading_is_no_sign():
    text = "Key Takeaways\n- Talks resume on Monday.\nThe envoys met in the capital on Sunday."
    assert _kinds(text) == []
    assert _kinds("The envoys met on Sunday.", removed=("Key Takeaways",)) == []


def test_two_headings_or_a_heading_beside_a_marker_are_a_sign():
    # one signal an article, the first heading of the word list's order
    assert _kinds("Synopsis\nKey Takeaways\n- Talks resume.\nThe envoys met.") == ["Key Takeaways"]
    assert _kinds("The envoys met.", removed=("Synopsis", "Key Takeaways")) == ["Key Takeaways"]
    text = "Source Article: wire copy\nKey Takeaways\n- Talks resume.\nThe envoys met."
    assert _kinds(text) == ["Source Article"]


def test_a_heading_word_inside_a_sentence_is_no_heading():
    text = "Source Article\nThe minister gave a synopsis of the talks, and key takeaways followed."
    assert _kinds(text) == ["Source Article"]
    assert _kinds("Synopsis\nHe gave the key takeaways of the talks.") == []


def test_a_strong_marker_alone_still_signals():
    assert _kinds("Generated on: 2025-12-01\nThe envoys met.") == ["Generated on:"]


def _role_corpus() -> Corpus:
    said = {
        "a": (
            "Former President Dana Reyes spoke. Then former President Dana Reyes left.",
            "former President",
        ),
        "b": ("President Dana Reyes said talks would go on.", "President"),
    }
    articles, mentions = {}, {}
    for aid, (text, role) in said.items():
        articles[aid] = Article(aid, aid, "", text, "test", "text")
        starts = [i for i in range(len(text)) if text.startswith("Dana Reyes", i)]
        mentions[aid] = [Mention(aid, Span(i, i + 10), "Dana Reyes", "PERSON", "p", role) for i in starts]
    return Corpus(articles, [], mentions, {"p": Actor("p", "Dana Reyes", "person")})


def test_a_role_called_former_twice_in_one_article_is_one_warning():
    corpus = _role_corpus()
    assert len(corpus.mentions["a"]) == 2
    found = [s for s in find_signals(corpus, [], [], {}, {}, ()) if s.kind == "role"]
    assert [(s.article_id, s.span) for s in found] == [("a", corpus.mentions["a"][0].span)]


def _dated(conflicts: tuple[tuple[str, str], ...], published: str, source: str) -> list[str]:
    import datetime as dt

    article = Article(
        "a",
        "a",
        "",
        "The envoys met on Sunday.",
        "test",
        "text",
        published=dt.date.fromisoformat(published),
        published_from=source,  # type: ignore[arg-type]
        date_conflicts=conflicts,
    )
    corpus = Corpus({"a": article}, [], {}, {})
    return [s.explanation for s in find_signals(corpus, [], [], {}, {}, ()) if s.kind == "date-conflict"]


def test_a_crawl_date_against_the_articles_own_date_is_no_warning():
    # the address and the dateline agree; only the page's metadata (a stale tag) says otherwise
    stale = (("metadata", "2024-06-13"), ("url", "2026-02-01"), ("dateline", "2026-02-01"))
    assert _dated(stale, "2026-02-01", "url") == []
    # a byline date a day off the address still agrees with it; the crawl date does not
    crawled = (("metadata", "2026-02-10"), ("url", "2026-02-05"), ("text", "2026-02-06"))
    assert _dated(crawled, "2026-02-05", "url") == []


def test_the_articles_own_dates_disagreeing_is_a_warning_naming_the_date_used():
    (why,) = _dated((("url", "2026-02-01"), ("dateline", "2026-02-07")), "2026-02-01", "url")
    assert "2026-02-01 (url)" in why
    # the metadata alone gave the date used: the address that disagrees is a warning
    (why,) = _dated((("metadata", "2026-02-01"), ("url", "2026-03-02")), "2026-02-01", "metadata")
    assert "may be wrong" in why
