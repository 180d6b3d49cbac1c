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
