"""Fast versions of ``python -m parley.bench.faults``: the real ``parley`` command SIGKILLed at
seeded random moments, two ingests at once on one SQLite file, and a PostgreSQL server restarted
mid-ingest. After every fault ``parley doctor`` finds nothing half-written; after the final run
nothing is lost and nothing stored twice, compared with an uninterrupted run."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from parley.bench import faults
from parley.bench.ingest import build_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    made, _, formats = build_corpus(folder, 300)
    assert made >= 300 and len(formats) == 5  # every format the readers take
    return folder


def test_ingest_killed_three_times_then_rerun_loses_and_duplicates_nothing(corpus, tmp_path):
    outcome = faults.kill_ingest(corpus, tmp_path, 3, random.Random(3))
    assert outcome.expected >= 300
    assert (outcome.lost, outcome.duplicated, outcome.corrupt) == (0, 0, 0), outcome
    assert outcome.stored == outcome.expected and outcome.runs >= 1  # at least one run was cut short


def test_two_ingests_at_once_store_and_report_each_article_once(corpus, tmp_path):
    outcome = faults.concurrent_ingests(corpus, tmp_path)
    assert outcome.ok, outcome


def test_analyse_killed_then_rerun_gives_the_records_of_an_uninterrupted_run(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    build_corpus(small, 8)
    outcome = faults.kill_analyse(small, tmp_path, 2, random.Random(5))
    assert outcome.expected > 100  # records of every type, for eight articles
    assert (outcome.lost, outcome.duplicated, outcome.corrupt) == (0, 0, 0), outcome


def _cluster_serving(port: int) -> str | None:
    """The Debian cluster (VERSION/NAME) listening on ``port``, if this process may restart it."""
    if shutil.which("pg_lsclusters") is None or os.geteuid() != 0:
        return None
    listing = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        version, name, cluster_port, *_ = line.split()
        if cluster_port == str(port):
            return f"{version}/{name}"
    return None


def test_postgresql_restarted_mid_ingest_loses_nothing(corpus):
    from tests.store.test_contract import postgres_database

    url = os.environ.get("PARLEY_TEST_POSTGRES", "")
    cluster = _cluster_serving(urlsplit(url).port or 5432) if url else None
    if cluster is None:
        pytest.skip("needs PARLEY_TEST_POSTGRES on a local Debian cluster this user may restart (root)")
    with postgres_database() as database:
        outcome = faults.postgres_restart(corpus, database, faults.pg_ctl_restart(cluster), random.Random(7))
    assert outcome.ok, outcome
