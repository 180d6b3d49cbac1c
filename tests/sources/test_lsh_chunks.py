"""The copies step indexes the new articles' MinHashes a chunk at a time (the index takes about
8 KB an article): the hits, and so the copy records, are those of one index over every article."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple

from parley.ingest.job import ingest
from parley.reconcile import source_steps
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


def test_copy_records_are_the_same_with_chunks_of_one(vienna, tmp_path, monkeypatch):
    store, ids = vienna
    monkeypatch.setattr(source_steps, "LSH_CHUNK", 1)
    again = open_store(str(tmp_path / "parley.db"))
    ingest([str(FIXTURE)], again, today=dt.date(2026, 3, 10))
    run_steps(again, changed=[a.id for a in again.articles()])
    mine = sorted(astuple(c) for c in again.records("copy"))
    assert mine == sorted(astuple(c) for c in store.records("copy"))
    assert any(c[0] == ids["rewrite"] for c in mine)
    again.close()
