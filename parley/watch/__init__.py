"""``parley watch``: poll feeds and pages, ingest and analyse what is new, alert on what changed.

Modules, each with one job: :mod:`~parley.watch.config` (the YAML config), :mod:`~parley.watch.state`
(what is remembered between cycles), :mod:`~parley.watch.polite` (robots.txt, rate limit, retries),
:mod:`~parley.watch.poller` (one polling pass and storing it), :mod:`~parley.watch.alerts` (the diff
of records before and after a cycle), :mod:`~parley.watch.delivery` (stdout, JSONL, webhook) and
:mod:`~parley.watch.watcher` (the cycle). :func:`run_watch` puts them together, as the CLI uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TextIO

from parley.ingest.fetch import Network
from parley.store import Store
from parley.watch.alerts import Alert, Evidence
from parley.watch.config import WatchConfig, load_config
from parley.watch.delivery import Deliverer, sinks_for
from parley.watch.watcher import CycleReport, Watcher, default_state_path


def run_watch(
    config: WatchConfig,
    store: Store,
    *,
    store_location: str,
    cycles: int | None = None,
    interval: float | None = None,
    allow_networks: tuple[Network, ...] = (),
    stdout: TextIO | None = None,
    on_cycle: Callable[[CycleReport], None] | None = None,
) -> int:
    """Watch until ``cycles`` cycles are done (None: until interrupted); returns how many ran.
    ``allow_networks`` adds to the config's; alerts go to the config's sinks (``stdout`` when a
    stream is given). The webhook worker is given time to deliver what is queued at the end."""
    if allow_networks:
        config = _with_networks(config, allow_networks)
    state = config.state or default_state_path(store_location)
    watcher = Watcher(config, store, Deliverer(sinks_for(config.deliver, stdout)), state_path=state)
    try:
        return watcher.run(cycles, interval, on_cycle)
    finally:
        watcher.close()


def _with_networks(config: WatchConfig, networks: tuple[Network, ...]) -> WatchConfig:
    return replace(config, allow_networks=tuple(dict.fromkeys((*config.allow_networks, *networks))))


__all__ = [
    "Alert",
    "CycleReport",
    "Evidence",
    "WatchConfig",
    "Watcher",
    "load_config",
    "run_watch",
]
