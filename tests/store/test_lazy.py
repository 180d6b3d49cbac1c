"""``StoredArticles``: the store's articles read on demand, as the corpus steps walk them, with
only the last few kept in memory."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import clean_article
from parley.models import RawArticle
from parley.reconcile.claims import KEPT_SENTENCES, Corpus
from parley.store import open_store
from parley.store.lazy import StoredArticles


def _article(n: int):
    raw = RawArticle(
        origin=f"mem://{n}",
        format="text",
        title=f"Round {n}",
        text=f"Envoys met for round {n} of the talks on Monday.\n\nThe mediator said round {n} went well.",
        outlet=f"Wire {n % 3}",
        published=dt.date(2026, 1, 1 + n % 28),
    )
    return clean_article(raw, today=dt.date(2026, 2, 1))


@pytest.fixture
def store(tmp_path):
    store = open_store(str(tmp_path / "p.db"))
    run = store.begin_run(["mem"])
    store.add_articles([_article(n) for n in range(40)], run)
    yield store
    store.close()


def test_reads_each_article_when_asked_and_keeps_only_the_last_ones(store):
    articles = StoredArticles(store, keep=5)
    stored = list(store.articles())
    assert list(articles) == [a.id for a in stored]  # the store's order
    assert len(articles) == 40
    for a in stored:
        assert articles[a.id] == a
        assert a.id in articles
    assert len(articles._kept) == 5
    assert [a.id for a in stored[-5:]] == list(articles._kept)
    with pytest.raises(KeyError):
        articles["not-an-article"]
    assert articles.get(stored[0].id[:6]) is None  # an id prefix is not an id


def test_walking_streams_every_article_in_the_store_order(store):
    articles = StoredArticles(store, keep=3)
    assert [a for _, a in articles.items()] == list(store.articles())
    assert list(articles.values()) == list(store.articles())
    assert len(articles._kept) == 3


def test_an_article_added_later_is_not_in_the_mapping(store):
    articles = StoredArticles(store)
    run = store.begin_run(["mem"])
    late = _article(99)
    store.add_articles([late], run)
    assert late.id not in articles
    assert late.id not in dict(articles.items())


def test_corpus_keeps_the_sentences_of_the_last_articles_only(store):
    articles = StoredArticles(store)
    corpus = Corpus(articles=articles, statements=[], mentions={}, actors={})
    ids = list(articles)
    first = corpus.sentences(ids[0])
    assert first[0].text.startswith("Envoys met for round")
    assert first[0].span.of(articles[ids[0]].text) == first[0].text
    for i in ids:
        corpus.sentences(i)
    assert len(corpus._sentences) == min(len(ids), KEPT_SENTENCES)
    assert corpus.sentences(ids[0]) == first  # split again when asked again
