"""Copy a whole store into another, empty one, through the :class:`~parley.store.Store` interface:
a desk moving from its SQLite file to a shared PostgreSQL server (or back) keeps everything it
has read, analysed and decided, and nothing needs parsing again.

    from parley.store.copy import copy_store
    report = copy_store("parley.db", "postgresql://user:password@host/parley")

What is copied, in this order:

1. the ingest runs (inputs, counts, finished or not), then each article under the run that stored
   it, then every other place it was seen (sightings, under their runs) and every ingest failure;
2. each article's analysis, under the pipeline version it was made with (its error, when it
   failed or was skipped), with every article-scope record as its component produced it, then the
   fields corpus steps set on those records (a resolved speaker, an actor id);
3. the user's merge and split decisions, and every corpus-scope record type (actors, events,
   claims, anything a plugin registered), the ``corpus_step`` bookkeeping last: a copy cut short
   leaves the corpus steps owed, and ``parley analyse`` on the target finishes them.

Every registered record type reads the same from the copy as from the original (the records, the
records as extracted, their order); ``tests/store/test_copy.py`` checks it for SQLite and
PostgreSQL. What the interface cannot set is not copied: the times (runs, ingests, analyses and
decisions are stamped with the time of the copy) and the ids of ingest runs (numbered anew, in the
same order). The bookkeeping the interface does not expose (which run stored an article, which
pipeline analysed it) is read with the backend's read-only probe (:func:`parley.doctor.open_probe`).
The target must hold no article and no record.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from parley import records as registry
from parley.codec import to_data
from parley.errors import StoreError
from parley.models import Failure
from parley.store import ArticleRecords, RecordQuery, Store, open_store

BATCH = 500  # articles read, written and analysed-copied at a time
Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class CopyReport:
    runs: int = 0
    articles: int = 0
    sightings: int = 0  # places an article was seen besides the one it was stored from
    failures: int = 0
    analyses: int = 0
    records: dict[str, int] = field(default_factory=dict)  # per record type
    annotated: int = 0  # fields set by corpus steps, copied onto article-scope records
    overrides: int = 0
    seconds: float = 0.0


def copy_store(
    source: str, target: str, *, batch: int = BATCH, progress: Progress | None = None
) -> CopyReport:
    """Copy the store at ``source`` into the empty store at ``target`` (paths or ``postgresql://``
    URLs, as ``--db`` takes them); returns what was copied."""
    from parley.doctor import open_probe

    started = time.perf_counter()
    probe = open_probe(source)
    src, dst = open_store(source), open_store(target)
    try:
        if dst.count_articles() or any(dst.count(rt.name) for rt in registry.all_types()):
            raise StoreError(f"{_shown(target)} is not empty: copy into a new store")
        report = CopyReport()
        runs = _copy_runs(src, dst, probe, report, batch, progress)
        _copy_failures(src, dst, runs, report)
        _copy_analyses(src, dst, probe, report, batch, progress)
        for action, what, into in src.overrides():
            dst.add_override(action, what, into)
            report.overrides += 1
        corpus = [rt for rt in registry.all_types() if rt.scope == "corpus"]
        for rt in sorted(corpus, key=lambda rt: rt.name == "corpus_step"):  # the bookkeeping last
            report.records[rt.name] = _copy_corpus_type(src, dst, rt)
        report.seconds = time.perf_counter() - started
        return report
    finally:
        probe.close()
        src.close()
        dst.close()


def _copy_runs(
    src: Store, dst: Store, probe: Any, report: CopyReport, batch: int, progress
) -> dict[int, int]:
    """Runs in order, each article under its run, then the other sightings; returns the run ids."""
    runs = {run.id: dst.begin_run(run.inputs) for run in src.runs()}
    report.runs = len(runs)
    stored_by: dict[int, list[str]] = {}
    for article_id, run_id in probe.rows("SELECT id, run_id FROM articles ORDER BY id"):
        if run_id not in runs:  # no run recorded for it: one run of the copy says so
            run_id = -1
            runs.setdefault(-1, dst.begin_run([f"copied from {_shown(probe.name)}, run unknown"]))
        stored_by.setdefault(run_id, []).append(article_id)
    total = sum(len(ids) for ids in stored_by.values())
    origins: dict[str, str] = {}
    for run_id, ids in stored_by.items():
        for chunk in _chunks(ids, batch):
            found = [a for i in chunk if (a := src.article(i)) is not None]
            report.articles += sum(dst.add_articles(found, runs[run_id]))
            origins.update((a.id, a.origin) for a in found)
            if progress:
                progress("articles", len(origins), total)
    # every other place an article was seen (the one it was stored from is recorded with it)
    seen: dict[int, list[tuple[str, str]]] = {}
    for article_id, origin, run_id in probe.rows(
        "SELECT article_id, origin, run_id FROM article_sightings ORDER BY run_id, article_id, origin"
    ):
        if article_id in origins and origin != origins[article_id]:
            seen.setdefault(run_id if run_id in runs else -1, []).append((article_id, origin))
    for run_id, pairs in seen.items():
        if run_id not in runs:
            runs[run_id] = dst.begin_run([f"copied from {_shown(probe.name)}, run unknown"])
        for chunk in _chunks(pairs, batch):
            articles = {i: src.article(i) for i in dict.fromkeys(i for i, _ in chunk)}
            again = [dataclasses.replace(a, origin=o) for i, o in chunk if (a := articles[i]) is not None]
            dst.add_articles(again, runs[run_id])
            report.sightings += len(again)
    for run in src.runs():
        dst.finish_run(runs[run.id], run.new, run.duplicate, run.failed, complete=run.finished_at is not None)
    if -1 in runs:
        dst.finish_run(runs[-1], len(stored_by.get(-1, ())), 0, 0)
    return runs


def _copy_failures(src: Store, dst: Store, runs: dict[int, int], report: CopyReport) -> None:
    by_run: dict[int, list[Failure]] = {}
    for f in src.failures():
        by_run.setdefault(f.run_id, []).append(Failure(f.origin, f.reason, f.stage))
    for run_id, failures in by_run.items():
        dst.add_failures(failures, runs[run_id])
        report.failures += len(failures)


def _copy_analyses(src: Store, dst: Store, probe: Any, report: CopyReport, batch: int, progress) -> None:
    """Each analysed article's records as extracted, under its pipeline version, then what the
    corpus steps resolved on them."""
    analysed = probe.rows("SELECT article_id, pipeline, error FROM analyses ORDER BY article_id")
    types = [rt for rt in registry.all_types() if rt.scope == "article"]
    for start in range(0, len(analysed), batch):
        chunk = analysed[start : start + batch]
        ids = tuple(a for a, _, _ in chunk)
        where = RecordQuery(article_ids=ids)
        found: dict[str, dict[str, list[Any]]] = {i: {} for i in ids}
        resolved: dict[str, list[tuple[Any, dict[str, Any]]]] = {}
        for rt in types:
            extracted = list(src.records(rt.name, where, extracted=True))
            current = list(src.records(rt.name, where))
            for record, now in zip(extracted, current, strict=True):
                found[record.article_id].setdefault(rt.name, []).append(record)
                changed = _changed_fields(record, now)
                if changed:
                    resolved.setdefault(rt.name, []).append((record, changed))
            report.records[rt.name] = report.records.get(rt.name, 0) + len(extracted)
        by_pipeline: dict[str, list[ArticleRecords]] = {}
        for article_id, pipeline, error in chunk:
            kept = {name: tuple(rs) for name, rs in found[article_id].items()}
            by_pipeline.setdefault(pipeline, []).append(ArticleRecords(article_id, kept, error))
        for pipeline, results in by_pipeline.items():
            dst.save_analyses(results, pipeline)
            report.analyses += len(results)
        for name, changes in resolved.items():
            dst.annotate(name, changes)
            report.annotated += sum(len(values) for _, values in changes)
        if progress:
            progress("analyses", start + len(chunk), len(analysed))


def _changed_fields(extracted: Any, current: Any) -> dict[str, Any]:
    """The fields whose current value differs from the extracted one (what a corpus step set)."""
    if extracted == current:
        return {}
    return {
        f.name: getattr(current, f.name)
        for f in dataclasses.fields(extracted)
        if to_data(getattr(extracted, f.name)) != to_data(getattr(current, f.name))
    }


def _copy_corpus_type(src: Store, dst: Store, rt: registry.RecordType) -> int:
    extracted = list(src.records(rt.name, extracted=True))
    dst.replace_records(rt.name, extracted)
    changes = [
        (record, changed)
        for record, now in zip(extracted, src.records(rt.name), strict=True)
        if (changed := _changed_fields(record, now))
    ]
    if changes:  # a backend that lets corpus steps annotate corpus records
        dst.annotate(rt.name, changes)
    return len(extracted)


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _shown(location: str) -> str:
    """A location without its password."""
    from parley.store.postgres.connection import describe

    return describe(location) if location.startswith(("postgresql://", "postgres://")) else location
