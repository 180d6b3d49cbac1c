"""The ingest job: discover -> read -> clean -> store, in batches of one transaction each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from parley.clean import clean_article
from parley.clean.outlets import OutletRegistry, default_registry
from parley.errors import InputError, StoreError
from parley.ingest.fetch import DEFAULT_MAX_BYTES, Fetcher
from parley.ingest.sources import SourceReader, discover
from parley.models import Article, Failure
from parley.store import Store

BATCH_SIZE = 500


@dataclass
class IngestReport:
    run_id: int
    new: list[Article] = field(default_factory=list)
    duplicates: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


Progress = Callable[[int, int, str], None]  # (done, total, current source)


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    today: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
    outlets: OutletRegistry | None = None,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestReport:
    inputs = list(inputs)
    outlets = outlets or default_registry()
    found = discover(inputs)
    reader = SourceReader(max_bytes=max_bytes, fetcher=fetcher)  # before the run: a bad setting starts none
    report = IngestReport(run_id=store.begin_run(inputs), skipped=found.skipped)
    report.failures.extend(found.failures)
    pending: list[Article] = []
    failures_stored = 0

    def flush() -> None:
        nonlocal failures_stored
        for article, is_new in zip(pending, store.add_articles(pending, report.run_id), strict=True):
            (report.new if is_new else report.duplicates).append(article)
        pending.clear()
        store.add_failures(report.failures[failures_stored:], report.run_id)
        failures_stored = len(report.failures)

    complete = False
    try:
        total = len(found.sources)
        for done, source in enumerate(found.sources, start=1):
            for item in reader.read(source):
                if isinstance(item, Failure):
                    report.failures.append(item)
                    continue
                try:
                    pending.append(clean_article(item, today=today, outlets=outlets))
                except InputError as exc:
                    report.failures.append(Failure(exc.origin, exc.reason, stage="clean"))
            if len(pending) >= batch_size:
                flush()
            if progress:
                progress(done, total, source.location)
        flush()
        complete = True
    finally:
        # Also when interrupted: the run records what was stored and what failed until then,
        # and stays unfinished (articles read but not yet flushed are stored by the next run).
        try:
            store.add_failures(report.failures[failures_stored:], report.run_id)
            store.finish_run(
                report.run_id,
                len(report.new),
                len(report.duplicates),
                len(report.failures),
                complete=complete,
            )
        except StoreError:
            if complete:
                raise
            # the store failed mid-run (a server gone): the error that stopped the run is reported
        if fetcher is None:
            reader.close()
    return report
