"""Steps across sources work on a chunk of new articles at a time, with the results of one pass:
``copies`` indexes the new articles' MinHashes a chunk at a time (the index takes about 8 KB an
article), ``stories`` places them a chunk at a time (a float32 vector each)."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple

from parley.ingest.job import ingest
from parley.reconcile import source_steps, story_steps
from parley.store import open_store

from .conftest import FIXTURE, run_steps


def test_hits_are_the_same_whatever_the_chunk(vienna, monkeypatch):
    store, _ids = vienna
    prints = list(store.records("fingerprint"))
    made = {f.article_id: f for f in prints[1:]}  # all but one count as new: hits among new ones too
    present = {f.article_id for f in prints}
    whole = source_steps._lsh_hits(store, made, present)
    assert set(whole) == set(made)
    assert any(whole.values())  # the fixture's near-copies share bands
    monkeypatch.setattr(source_steps, "LSH_CHUNK", 1)
    assert source_steps._lsh_hits(store, made, present) == whole


def _records_again(tmp_path, type_name: str) -> list[tuple]:
    """The fixture ingested into a new store and its steps run: its ``type_name`` records."""
    again = open_store(str(tmp_path / "parley.db"))
    try:
        ingest([str(FIXTURE)], again, today=dt.date(2026, 3, 10))
        run_steps(again, changed=[a.id for a in again.articles()])
        return sorted(astuple(r) for r in again.records(type_name))
    finally:
        again.close()


def test_copy_records_are_the_same_with_chunks_of_one(vienna, tmp_path, monkeypatch):
    store, ids = vienna
    monkeypatch.setattr(source_steps, "LSH_CHUNK", 1)
    mine = _records_again(tmp_path, "copy")
    assert mine == sorted(astuple(c) for c in store.records("copy"))
    assert any(c[0] == ids["rewrite"] for c in mine)


def test_stories_are_the_same_placed_one_at_a_time(vienna, tmp_path, monkeypatch):
    store, _ids = vienna
    monkeypatch.setattr(story_steps, "PLACE_AT_ONCE", 1)
    mine = _records_again(tmp_path, "story")
    assert mine == sorted(astuple(s) for s in store.records("story"))
    assert any(len(s[2]) > 1 for s in mine)  # a story of several articles


def test_placing_in_chunks_takes_the_articles_in_the_order_one_call_does(monkeypatch):
    """Where a story's centroid drifts as it grows, the order articles are placed in decides the
    stories: chunks must keep add()'s order (date, then id) across the whole set."""
    import numpy as np

    from parley.reconcile.stories import Clusterer, Item

    rng = np.random.default_rng(7)
    base = rng.normal(size=(4, 512))
    ids = [f"{n:03d}" for n in range(300)]
    vectors, published = {}, {}
    for n, i in enumerate(ids):
        v = base[n % 4] + rng.normal(scale=0.65, size=512)
        vectors[i] = (v / np.linalg.norm(v)).astype(np.float32)
        published[i] = None if n % 10 == 0 else dt.date(2026, 1, 1) + dt.timedelta(days=int(rng.integers(40)))
    one = Clusterer()
    one.add(Item(i, vectors[i], published[i]) for i in ids)
    monkeypatch.setattr(story_steps, "PLACE_AT_ONCE", 7)
    chunked = Clusterer()
    story_steps._place(chunked, ids, vectors, published)
    stories = sorted((c.id, tuple(c.members)) for c in one.clusters())
    assert 1 < len(stories) < len(ids) / 2  # stories of several articles, not one for all
    assert sorted((c.id, tuple(c.members)) for c in chunked.clusters()) == stories
