"""Each process that analyses gives the numerical libraries PARLEY_BLAS_THREADS threads (1 by
default), and the in-process run gives the caller's process its own limits back afterwards.

A component reports the BLAS threads it sees as its failure reason, which every executor brings
back to the client (a worker's process cannot be asked otherwise). It is registered when this
module is imported (a worker process imports it to find it), so every other test's default
pipeline has it too: it acts on the one article of ours only.
"""

from __future__ import annotations

import datetime as dt

import pytest
from threadpoolctl import threadpool_info

from parley.analyse import analyse
from parley.clean import clean_article
from parley.errors import ConfigError
from parley.models import RawArticle
from parley.parallel import create
from parley.pipeline import COMPONENTS, component

ORIGIN = "mem://tells-its-blas-threads"
TEXT = "The mediators said on Tuesday that the working groups would meet again after the holiday."


def _blas_threads() -> str:
    # every BLAS library loaded (numpy's, and scipy's own OpenBLAS once scipy is imported)
    counts = {str(lib["num_threads"]) for lib in threadpool_info() if lib["user_api"] == "blas"}
    return ",".join(sorted(counts))


@component("tells_its_blas_threads", requires=("article",), produces=())
def tells_its_blas_threads(ctx):
    def step(analysis):
        if analysis.article.origin != ORIGIN:
            return {}
        raise ValueError(f"blas threads here: {_blas_threads()}")

    return step


@pytest.fixture(scope="module", autouse=True)
def _unregister_test_component():
    yield
    COMPONENTS.pop("tells_its_blas_threads", None)


def _reason(tmp_path, **executor) -> str:
    from parley.store import open_store

    store = open_store(str(tmp_path / "p.db"))
    article = clean_article(RawArticle(ORIGIN, "text", TEXT), today=dt.date(2026, 1, 15))
    store.add_articles([article], store.begin_run(["test"]))
    if executor:
        with create("processes", **executor) as running:
            report = analyse(store, components=["tells_its_blas_threads"], executor=running)
    else:
        report = analyse(store, components=["tells_its_blas_threads"])
    store.close()
    [failure] = report.failures
    return failure.reason


def test_a_worker_process_runs_with_one_blas_thread(tmp_path):
    assert _reason(tmp_path, processes=1) == "ValueError: blas threads here: 1"


def test_the_in_process_run_takes_the_setting_and_gives_the_limits_back(tmp_path, monkeypatch):
    before = _blas_threads()
    monkeypatch.setenv("PARLEY_BLAS_THREADS", "3")
    assert _reason(tmp_path) == "ValueError: blas threads here: 3"
    assert _blas_threads() == before


def test_a_bad_setting_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_BLAS_THREADS", "many")
    with pytest.raises(ConfigError, match="PARLEY_BLAS_THREADS must be a whole number of 1 or more"):
        _reason(tmp_path)
