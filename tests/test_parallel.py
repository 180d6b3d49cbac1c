"""The analyse job run in parallel stores what a local run stores.

The bundled sample corpus, plus two articles of our own (one too long to parse, one a component
refuses), is analysed three times: in this process, in a pool of two processes and on a local
Dask cluster of two worker processes. Every stored record of every type, the failures and the
report must be the same; only timings may differ.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from click.testing import CliRunner

from parley import records
from parley.analyse import AnalyseReport, analyse
from parley.bench.ingest import sample_files
from parley.clean import clean_article
from parley.errors import ConfigError
from parley.ingest.job import ingest
from parley.models import RawArticle
from parley.parallel import EXECUTORS, Executor, create, executor_for, register_executor
from parley.parallel.base import lost
from parley.parallel.local import LocalExecutor
from parley.pipeline import COMPONENTS, component, default_components
from parley.store import open_store

MAX_CHARS = 6_000
TIMING = {"seconds"}  # fields that measure a run, not what it found

LONG = "The mediators said the working groups would meet again after the holiday. " * 120
GARBLED = (
    "The delegation\ufffds spokeswoman said on Tuesday that the draft had been sent back with "
    "comments.\n\nShe said the \ufffdsecond reading\ufffd would wait until the experts had met."
)


@component("refuses_garbled_text", requires=("article",), produces=())
def refuses_garbled_text(ctx):  # a component that fails on one article: the run must go on
    def step(analysis):
        if "\ufffd" in analysis.article.text:
            raise ValueError("the text holds replacement characters: the encoding was guessed wrong")
        return {}

    return step


@pytest.fixture(scope="module", autouse=True)
def _unregister_test_component():
    yield
    COMPONENTS.pop("refuses_garbled_text", None)  # later tests see only the real components


def _corpus(path):
    store = open_store(str(path))
    ingest([str(f) for f in sample_files()], store, today=dt.date(2026, 1, 15))
    run = store.begin_run(["test"])
    ours = [
        RawArticle("mem://long", "text", LONG, title="Runaway page", published=dt.date(2025, 12, 2)),
        RawArticle("mem://garbled", "text", GARBLED, title="Draft sent back", published=dt.date(2025, 12, 3)),
    ]
    store.add_articles([clean_article(r, today=dt.date(2026, 1, 15)) for r in ours], run)
    return store


def _run(path, **parallel: Any) -> tuple[AnalyseReport, dict[str, list[Any]]]:
    store = _corpus(path)
    components = tuple(dict.fromkeys((*default_components(), "refuses_garbled_text")))
    with executor_for(**parallel) as executor:
        report = analyse(store, components=components, max_chars=MAX_CHARS, executor=executor)
    stored = {rt.name: sorted(map(_plain, store.records(rt.name))) for rt in records.all_types()}
    stored["analysis_error"] = sorted(store.analysis_errors())
    store.close()
    return report, stored


def _plain(record: Any) -> str:
    fields = {k: v for k, v in dataclasses.asdict(record).items() if k not in TIMING}
    return repr(fields)


def _summary(report: AnalyseReport) -> tuple[Any, ...]:
    steps = [(s.name, s.changed) for s in report.corpus_steps]
    failures = sorted(report.failures, key=lambda f: f.article_id)
    return report.pipeline, report.analysed, report.statements, report.actors, failures, steps


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("local") / "p.db")


def test_local_run_stores_records_and_reports_each_failure(local):
    report, stored = local
    assert report.analysed == 29
    assert len(stored["statement"]) > 100 and len(stored["event"]) > 10 and len(stored["actor"]) > 10
    reasons = {f.component: f.reason for f in report.failures}
    assert set(reasons) == {"parse", "refuses_garbled_text"}
    assert "over the limit of 6,000" in reasons["parse"]
    assert "replacement characters" in reasons["refuses_garbled_text"]
    assert len(stored["analysis_error"]) == 2


@pytest.mark.parametrize(
    "parallel", [{"processes": 2}, {"workers": 2}], ids=["2 processes", "2 dask workers"]
)
def test_a_parallel_run_stores_what_a_local_run_stores(local, tmp_path, parallel):
    report, stored = _run(tmp_path / "p.db", **parallel)
    local_report, local_stored = local
    assert _summary(report) == _summary(local_report)
    assert stored.keys() == local_stored.keys()
    for name in stored:
        assert stored[name] == local_stored[name], name


def test_parallel_options_cannot_be_combined(tmp_path):
    with pytest.raises(ConfigError, match="--processes and --workers cannot be combined"):
        executor_for(processes=2, workers=2)
    from parley.present.cli import cli

    db = str(tmp_path / "p.db")
    result = CliRunner().invoke(cli, ["--db", db, "analyse", "--workers", "2", "--scheduler", "tcp://h:1"])
    assert result.exit_code == 2
    assert "--workers and --scheduler cannot be combined" in result.output


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path):
    store = open_store(str(tmp_path / "p.db"))
    article = clean_article(RawArticle("mem://1", "text", GARBLED), today=dt.date(2026, 1, 15))
    store.add_articles([article], store.begin_run(["test"]))
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with create("dask", address="tcp://127.0.0.1:9", timeout=2) as executor:
            analyse(store, executor=executor)
    assert store.unanalysed("") == [article.id]  # nothing was stored
    store.close()


class _LosesFirstPartition(Executor):
    """Runs in this process, but the worker of the first partition 'dies' before answering."""

    name = "loses-first"
    partition = 1

    def map(self, job, partitions):
        partitions = iter(partitions)
        first = next(partitions)
        yield lost(first, ConnectionError("the worker's connection closed"))
        yield from LocalExecutor().map(job, partitions)


def test_articles_a_lost_worker_held_are_reported_not_stored_and_retried(tmp_path):
    register_executor("loses-first")(_LosesFirstPartition)
    try:
        store = open_store(str(tmp_path / "p.db"))
        texts = [GARBLED.replace("\ufffd", "'"), "The envoy said on Friday that the talks had ended early."]
        day = dt.date(2025, 12, 5)
        raw = [RawArticle(f"mem://{n}", "text", t, published=day) for n, t in enumerate(texts)]
        articles = [clean_article(r, today=dt.date(2026, 1, 15)) for r in raw]
        store.add_articles(articles, store.begin_run(["t"]))
        with create("loses-first") as executor:
            report = analyse(store, executor=executor)
        assert report.analysed == 2
        [failure] = report.failures
        assert failure.component == "worker" and "will be retried" in failure.reason
        assert "connection closed" in failure.reason
        assert store.analysis_errors() == []  # nothing stored for it ...
        assert store.unanalysed(report.pipeline) == [failure.article_id]  # ... so it is still to do
        assert store.count("statement") > 0  # the other article's records are stored
        again = analyse(store)
        assert again.analysed == 1 and again.failures == []
        assert store.unanalysed(report.pipeline) == []
        store.close()
    finally:
        EXECUTORS.pop("loses-first", None)
