"""An analysis killed after its last batch of articles is stored but before the corpus steps run
(``kill -9`` between the two, as ``python -m parley.bench.faults`` does at random) must leave
the next ``parley analyse`` something to do: actors, events, claims and stories have to take
the new articles in. Found by the fault-injection benchmark; the fix belongs in the analyse job
or :mod:`parley.corpus` (mark the corpus steps pending before the first analysis is saved)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

import parley.analyse as analyse_job
from parley.bench.faults import record_rows
from parley.bench.ingest import build_corpus
from parley.ingest.job import ingest
from parley.store import open_store


class Killed(BaseException):
    """Stands for the process dying at that point (``kill -9``): the analyse job stops there."""


def _two_ingests(path, first, second, *, killed_before_corpus_steps: bool, monkeypatch) -> None:
    store = open_store(str(path))
    try:
        ingest(first, store, today=dt.date(2026, 1, 1))
        analyse_job.analyse(store)
        ingest(second, store, today=dt.date(2026, 1, 1))
        if killed_before_corpus_steps:
            with monkeypatch.context() as patch:

                def die(*args, **kwargs):
                    raise Killed

                patch.setattr(analyse_job, "run_corpus_steps", die)
                with pytest.raises(Killed):
                    analyse_job.analyse(store)
        analyse_job.analyse(store)
    finally:
        store.close()


def test_articles_stored_by_a_killed_analysis_reach_the_corpus_records(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    build_corpus(corpus, 4)
    files = sorted(str(p) for p in corpus.iterdir())
    first, second = files[:2], files[2:]
    _two_ingests(
        tmp_path / "whole.db", first, second, killed_before_corpus_steps=False, monkeypatch=monkeypatch
    )
    _two_ingests(
        tmp_path / "killed.db", first, second, killed_before_corpus_steps=True, monkeypatch=monkeypatch
    )
    whole, killed = (
        set(record_rows(str(tmp_path / "whole.db"))),
        set(record_rows(str(tmp_path / "killed.db"))),
    )
    assert Counter(r[0] for r in whole ^ killed) == Counter()
