"""Claims kept up to date: after new articles, the claims step reads again only the articles
whose claims may have changed, and stores the claims that reading every article and merging
from scratch gives."""

from __future__ import annotations

import shutil

import pytest

from parley.analyse import analyse
from parley.ingest.job import ingest
from parley.reconcile import claim_updates
from parley.reconcile.claim_words import load_words
from parley.reconcile.claims import find_said, merge_claims
from parley.reconcile.contested_steps import load_corpus
from parley.store import open_store
from tests.conftest import SAMPLE


def _from_scratch(store):
    corpus = load_corpus(store)
    claims = merge_claims(corpus, find_said(corpus, load_words()), exhaustive=True)
    return sorted(claims, key=lambda c: c.id)


@pytest.fixture
def counted(monkeypatch):
    """The articles whose claims are read, in each run."""
    read: list[str] = []
    real = claim_updates.said_in

    def said_in(corpus, words, article_id, statements):
        read.append(article_id)
        return real(corpus, words, article_id, statements)

    monkeypatch.setattr(claim_updates, "said_in", said_in)
    return read


def test_new_articles_are_merged_as_from_scratch_reading_only_what_changed(tmp_path, counted):
    # two articles held back: their claims merge with claims of articles analysed before them
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for path in SAMPLE.iterdir():
        if path.name != "README.md":
            folder = later if path.name[:2] in ("06", "12") else first
            shutil.copy(path, folder / path.name)
    store = open_store(str(tmp_path / "parley.db"))
    ingest([str(first)], store)
    analyse(store)
    kept = {r.article_id: r for r in store.records("article_claims")}
    assert len(counted) == len(kept) == store.count_articles()
    assert sum(len(r.said) for r in kept.values()) == sum(len(c.sources) for c in store.records("claim"))

    counted.clear()
    new = [a.id for a in ingest([str(later)], store).new]
    analyse(store)
    assert len(new) == 2 and set(new) <= set(counted)  # the new articles are read
    assert len(counted) < len(kept)  # and not every old one
    stored = sorted(store.records("claim"), key=lambda c: c.id)
    assert stored == _from_scratch(store)
    across = [
        c for c in stored if len(c.sources) > 1 and len({s.article_id for s in c.sources} & set(new)) == 1
    ]
    assert across  # claims merged across old and new articles

    counted.clear()
    analyse(store)
    assert counted == []  # nothing new: the step is skipped
