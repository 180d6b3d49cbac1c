"""The watch job: poll, store what is new, analyse it, alert on what changed; again and again.

One cycle::

    snapshot of the watched records ─┐
    poll feeds and pages (polite, conditional) -> store new articles -> analyse (new ones only)
    snapshot again ──────────────────┴─> diff under the rules -> alerts -> stdout, JSONL, webhook

The analysis is :func:`parley.analyse.analyse`, which parses only articles not analysed yet and
then runs the corpus steps; it runs when the cycle stored something new (articles ingested by
other means are analysed along with them, or by ``parley analyse``). The state (validators,
entries read) is saved after every cycle, so a restart neither fetches everything again nor
ingests an entry twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley import __version__
from parley.analyse import analyse
from parley.ingest.fetch import PROJECT_URL, Fetcher
from parley.models import Failure
from parley.nlp import DEFAULT_MODEL, SpacyParser
from parley.store import Store
from parley.watch.alerts import Alert, diff, needed_types, snapshot
from parley.watch.config import WatchConfig
from parley.watch.delivery import Deliverer
from parley.watch.polite import PoliteFetcher
from parley.watch.poller import poll, store_articles
from parley.watch.state import WatchState

log = logging.getLogger("parley.watch")

Analyse = Callable[[Store], Any]


@dataclass
class CycleReport:
    number: int
    started_at: str
    fetched: list[str] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)
    disallowed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)  # article ids
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)
    analysed: int = 0
    alerts: list[Alert] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "cycle": self.number,
            "started_at": self.started_at,
            "fetched": self.fetched,
            "not_modified": self.not_modified,
            "disallowed": self.disallowed,
            "new": self.new,
            "duplicates": self.duplicates,
            "failed": [{"origin": f.origin, "reason": f.reason} for f in self.failures],
            "analysed": self.analysed,
            "alerts": len(self.alerts),
            "requests": self.requests,
            "seconds": round(self.seconds, 3),
        }


def user_agent(contact: str | None) -> str:
    return f"parley/{__version__} (+{contact or PROJECT_URL})"


def default_state_path(store_location: str) -> Path:
    """Next to a SQLite store (``parley.db`` -> ``parley.db.watch.json``); in the working folder
    for a PostgreSQL URL."""
    if "://" in store_location and not store_location.startswith("sqlite:///"):
        return Path("parley-watch.json")
    return Path(store_location.removeprefix("sqlite:///") + ".watch.json")


class Watcher:
    def __init__(
        self,
        config: WatchConfig,
        store: Store,
        deliverer: Deliverer,
        *,
        state_path: Path | None = None,
        fetcher: Fetcher | None = None,
        analyse_fn: Analyse | None = None,
        today: dt.date | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.store = store
        self.deliverer = deliverer
        self.state = WatchState.load(state_path) if state_path else WatchState()
        fetcher = fetcher or Fetcher(
            timeout=config.timeout,
            allow_networks=config.allow_networks or None,
            user_agent=user_agent(config.contact),
        )
        self.fetcher = PoliteFetcher(
            fetcher, rate_limit=config.rate_limit, retries=config.retries, backoff=config.backoff, sleep=sleep
        )
        self.analyse_fn = analyse_fn or _analyser()
        self.today = today
        self.cycles = 0
        self._sleep = sleep

    def cycle(self) -> CycleReport:
        started = time.monotonic()
        self.cycles += 1
        report = CycleReport(self.cycles, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
        requests = self.fetcher.requests
        types = needed_types(self.config.alerts) if self.config.analyse else ()
        before = snapshot(self.store, types)
        found = poll(self.config.feeds, self.config.pages, self.fetcher, self.state)
        report.fetched, report.not_modified = found.fetched, found.not_modified
        report.disallowed = found.disallowed
        stored = store_articles(self.store, [*self.config.feeds, *self.config.pages], found, today=self.today)
        if stored is not None:
            report.new = [a.id for a in stored.new]
            report.duplicates = len(stored.duplicates)
            report.failures = stored.failures
        self.state.save()
        if self.config.analyse and report.new:
            result = self.analyse_fn(self.store)
            report.analysed = int(getattr(result, "analysed", 0))
            if types:
                report.alerts = diff(
                    before, snapshot(self.store, types), self.config.alerts, self.store, self.cycles
                )
                self.deliverer.deliver(report.alerts)
        report.requests = self.fetcher.requests - requests
        report.seconds = time.monotonic() - started
        return report

    def run(
        self,
        cycles: int | None = None,
        interval: float | None = None,
        on_cycle: Callable[[CycleReport], None] | None = None,
    ) -> int:
        """Run ``cycles`` cycles (None: until interrupted), one every ``interval`` seconds (None:
        the config's), timed from the start of one to the start of the next. Returns the count."""
        interval = self.config.interval if interval is None else interval
        done = 0
        while cycles is None or done < cycles:
            started = time.monotonic()
            report = self.cycle()
            done += 1
            if on_cycle:
                on_cycle(report)
            if cycles is not None and done >= cycles:
                break
            self._sleep(max(0.0, interval - (time.monotonic() - started)))
        return done

    def close(self) -> None:
        self.state.save()
        self.fetcher.close()
        self.deliverer.close()


def _analyser() -> Analyse:
    """``analyse`` with one parser kept across cycles, so the model loads once."""
    kept: list[SpacyParser] = []

    def run(store: Store) -> Any:
        if not kept:
            kept.append(SpacyParser(DEFAULT_MODEL))
        return analyse(store, parser=kept[0])

    return run
