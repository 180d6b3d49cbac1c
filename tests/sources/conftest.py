"""Eight articles written for these tests (``fixtures/vienna.jsonl``) about one invented round of
talks: an original report, a rewrite in other words, the same rewrite with the army cap changed
from 600,000 to 800,000, a near-copy that negates one claim, an independent report of the same
meeting, a short piece citing the original's outlet, a German translation, and an unrelated
story. Titles tell them apart in the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.corpus import run_corpus_steps
from parley.extract.registry import default_registry
from parley.ingest.job import ingest
from parley.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "vienna.jsonl"
TITLES = {
    "original": "Vienna talks end with prisoner deal but no ceasefire",
    "rewrite": "Kyiv and Moscow agree prisoner swap at Austrian talks",
    "changed_number": "Vienna draft would cap Ukrainian army, prisoners to be swapped",
    "independent": "Prisoner exchange the only breakthrough as Vienna round closes",
    "citing": "Brief: prisoner swap agreed in Vienna",
    "translation": "Wiener Gespräche enden mit Gefangenenaustausch, aber ohne Waffenruhe",
    "other_story": "Grain ships resume sailings from southern ports",
}
STEPS = ["copies", "stories", "independence"]


def run_steps(store, changed=(), force=False):
    return run_corpus_steps(store, default_registry(), changed=changed, names=STEPS, force=force)


def ids_by_key(store) -> dict[str, str]:
    found = {}
    for article in store.articles():
        if article.outlet == "Evening Post Online":
            found["negated"] = article.id
            continue
        for key, title in TITLES.items():
            if article.title == title:
                found[key] = article.id
    return found


@pytest.fixture(scope="module")
def vienna(tmp_path_factory):
    """A store holding the eight articles, with the corpus steps run once."""
    path = tmp_path_factory.mktemp("vienna") / "parley.db"
    store = open_store(str(path))
    ingest([str(FIXTURE)], store, today=dt.date(2026, 3, 10))
    ids = ids_by_key(store)
    run_steps(store, changed=ids.values())
    yield store, ids
    store.close()
