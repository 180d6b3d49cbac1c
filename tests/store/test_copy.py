"""``copy_store``: an analysed store copied into an empty one, SQLite to SQLite and SQLite to
PostgreSQL (``PARLEY_TEST_POSTGRES``), reads the same through the Store interface: articles,
runs, sightings, failures, analyses and every registered record type, as stored and as extracted."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from parley import records
from parley.analyse import analyse
from parley.errors import StoreError
from parley.ingest.job import ingest
from parley.lookups import merge_actors
from parley.store import Store, open_store
from parley.store.copy import copy_store
from tests.conftest import FIXTURES, SAMPLE
from tests.store.test_contract import postgres_database


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """The sample corpus and the bad fixtures (failures) ingested, one sample file seen again from
    another place, everything analysed, and two actors merged by hand: (path, pipeline version)."""
    tmp = tmp_path_factory.mktemp("copy")
    again = tmp / "again"
    again.mkdir()
    shutil.copy(SAMPLE / "01_us_plan_leak.txt", again / "seen_again.txt")
    path = str(tmp / "source.db")
    store = open_store(path)
    try:
        ingest([str(SAMPLE), str(FIXTURES / "bad")], store)
        ingest([str(again)], store)
        report = analyse(store)
        first, second = sorted(a.id for a in store.actors())[:2]
        merge_actors(store, first, second)
    finally:
        store.close()
    return path, report.pipeline


def _same(source: Store, target: Store, pipeline: str) -> None:
    assert list(target.articles()) == list(source.articles())
    assert [(r.inputs, r.new, r.duplicate, r.failed, r.finished_at is None) for r in target.runs()] == [
        (r.inputs, r.new, r.duplicate, r.failed, r.finished_at is None) for r in source.runs()
    ]
    order = {r.id: n for n, r in enumerate(source.runs())}
    copied = {r.id: n for n, r in enumerate(target.runs())}
    assert [(f.origin, f.reason, f.stage, copied[f.run_id]) for f in target.failures()] == [
        (f.origin, f.reason, f.stage, order[f.run_id]) for f in source.failures()
    ]
    for article in source.articles():
        assert target.sightings(article.id) == source.sightings(article.id)
    assert target.unanalysed(pipeline) == source.unanalysed(pipeline) == []
    assert target.analysis_errors() == source.analysis_errors()
    assert target.overrides() == source.overrides()
    for rt in records.all_types():
        assert target.count(rt.name) == source.count(rt.name), rt.name
        assert list(target.records(rt.name)) == list(source.records(rt.name)), rt.name
        assert list(target.records(rt.name, extracted=True)) == list(
            source.records(rt.name, extracted=True)
        ), rt.name


def _check_copy(source_path: str, target: str, pipeline: str) -> None:
    report = copy_store(source_path, target, batch=7)  # several batches of articles
    source, copy = open_store(source_path), open_store(target)
    try:
        assert report.articles == source.count_articles() > 20
        assert report.sightings >= 1 and report.failures >= 1 and report.overrides == 1
        assert report.annotated > 0  # the actors step resolved speakers and mentions
        for name in ("statement", "mention", "actor", "event", "corpus_step"):
            assert report.records[name] == source.count(name) > 0, name
        _same(source, copy, pipeline)
    finally:
        source.close()
        copy.close()
    with pytest.raises(StoreError, match="not empty"):
        copy_store(source_path, target)


def test_copy_into_sqlite_reads_the_same(analysed: tuple[str, str], tmp_path: Path) -> None:
    source, pipeline = analysed
    _check_copy(source, str(tmp_path / "copy.db"), pipeline)
    # the copy is a working store: nothing is owed to analyse, and it analyses nothing again
    copy = open_store(str(tmp_path / "copy.db"))
    try:
        again = analyse(copy)
        assert again.analysed == 0
        assert all(step.skipped for step in again.corpus_steps)
    finally:
        copy.close()


def test_copy_into_postgres_reads_the_same(analysed: tuple[str, str]) -> None:
    pytest.importorskip("psycopg")
    source, pipeline = analysed
    with postgres_database() as url:
        _check_copy(source, url, pipeline)


def test_the_copy_command_copies_and_refuses_a_store_that_is_not_empty(analysed, tmp_path: Path) -> None:
    from tests.conftest import run_cli

    source, _ = analysed
    target = tmp_path / "desk.db"
    done = run_cli("copy", str(target), db=Path(source))
    said = " ".join(done.stdout.split())
    assert re.match(r"copied \d+ articles, 2 ingest runs, \d+ analyses and \d+ records", said), done.stdout
    copied = open_store(str(target))
    try:
        assert copied.count_articles() == open_store(source).count_articles() > 0
    finally:
        copied.close()
    again = run_cli("copy", str(target), db=Path(source), check=3)
    assert "not empty: copy into a new store" in " ".join(again.stderr.split())
