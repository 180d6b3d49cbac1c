"""The watch configuration: what to poll, how politely, what to alert on and where to send it.

Read from a YAML file (``docs/watch.md`` documents every key; ``parley/data/watch.example.yaml``
is an example). Unknown keys are refused, so a typo is caught at start-up rather than ignored.
Relative paths (``state``, ``deliver.jsonl``) are taken from the config file's folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from parley.errors import ConfigError
from parley.ingest.fetch import Network, parse_networks

CONTESTED_KINDS = ("denial", "quantity", "event-detail", "role", "attribution", "unverified")
POSITION_CHANGES = ("new", "changed")


@dataclass(frozen=True)
class PositionRule:
    """A new or changed position (``position`` records) of these holders on these issues."""

    issues: tuple[str, ...] = ()  # empty: every issue
    holders: tuple[str, ...] = ()  # actor, side or document ids; empty: every holder
    positions: tuple[str, ...] = ()  # labels (rejects, accepts ...); empty: every label
    changes: tuple[str, ...] = POSITION_CHANGES


@dataclass(frozen=True)
class ContestedRule:
    """A new contested item of these kinds, or a new side (a second denial) of one seen before."""

    kinds: tuple[str, ...] = ("denial",)


@dataclass(frozen=True)
class EventRule:
    """A new event of these types (``meeting``, ``agreement`` ...); empty: every type."""

    types: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorRule:
    """An actor taking a position on one of these issues for the first time; empty: every issue."""

    issues: tuple[str, ...] = ()


@dataclass(frozen=True)
class AlertRules:
    positions: PositionRule | None = None
    contested: ContestedRule | None = None
    events: EventRule | None = None
    actors: ActorRule | None = None

    @property
    def any(self) -> bool:
        return any((self.positions, self.contested, self.events, self.actors))


@dataclass(frozen=True)
class Webhook:
    url: str
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    timeout: float = 10.0
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Delivery:
    stdout: bool = True
    jsonl: Path | None = None
    webhook: Webhook | None = None


@dataclass(frozen=True)
class WatchConfig:
    feeds: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    interval: float = 900.0  # seconds from the start of one cycle to the start of the next
    rate_limit: float = 1.0  # seconds between two requests to one host (robots.txt may ask more)
    retries: int = 3  # further tries after a timeout, a failed connection or a 5xx
    backoff: float = 2.0  # seconds before the first retry, doubled for each next one
    timeout: float | None = None  # one request, in seconds; None: the PARLEY_TIMEOUT setting
    contact: str | None = None  # a URL or address for site operators, put in the user agent
    allow_networks: tuple[Network, ...] = ()
    state: Path | None = None  # None: next to the store
    analyse: bool = True
    alerts: AlertRules = field(default_factory=AlertRules)
    deliver: Delivery = field(default_factory=Delivery)


KEYS = {
    "feeds", "pages", "interval", "rate_limit", "retries", "backoff", "timeout", "contact",
    "allow_networks", "state", "analyse", "alerts", "deliver",
}  # fmt: skip


def load_config(path: str | Path) -> WatchConfig:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the watch config: {exc}") from exc
    return parse_config(data, base=path.parent, where=str(path))


def parse_config(data: Any, base: Path = Path("."), where: str = "watch config") -> WatchConfig:
    top = _mapping(data, where, KEYS)
    feeds = _urls(top.get("feeds"), f"{where}: feeds")
    pages = _urls(top.get("pages"), f"{where}: pages")
    if not feeds and not pages:
        raise ConfigError(f"{where}: give at least one URL under feeds or pages")
    state = top.get("state")
    return WatchConfig(
        feeds=feeds,
        pages=pages,
        interval=_number(top, "interval", 900.0, where, minimum=1.0),
        rate_limit=_number(top, "rate_limit", 1.0, where, minimum=0.0),
        retries=int(_number(top, "retries", 3, where, minimum=0)),
        backoff=_number(top, "backoff", 2.0, where, minimum=0.0),
        timeout=_number(top, "timeout", None, where, minimum=0.1),
        contact=str(top["contact"]) if top.get("contact") else None,
        allow_networks=parse_networks(_strings(top.get("allow_networks"), f"{where}: allow_networks")),
        state=(base / str(state)) if state else None,
        analyse=bool(top.get("analyse", True)),
        alerts=_alerts(top.get("alerts"), f"{where}: alerts"),
        deliver=_delivery(top.get("deliver"), base, f"{where}: deliver"),
    )


def _alerts(data: Any, where: str) -> AlertRules:
    rules = _mapping(data, where, {"positions", "contested", "events", "actors"})

    def section(name: str, keys: set[str]) -> dict[str, Any] | None:
        value = rules.get(name)
        if value is None or value is False:
            return None
        return {} if value is True else _mapping(value, f"{where}: {name}", keys)

    positions = section("positions", {"issues", "holders", "positions", "changes"})
    contested = section("contested", {"kinds"})
    events = section("events", {"types"})
    actors = section("actors", {"issues"})
    return AlertRules(
        positions=None
        if positions is None
        else PositionRule(
            issues=_strings(positions.get("issues"), f"{where}: positions.issues"),
            holders=_strings(positions.get("holders"), f"{where}: positions.holders"),
            positions=_strings(positions.get("positions"), f"{where}: positions.positions"),
            changes=_choices(positions, "changes", POSITION_CHANGES, where),
        ),
        contested=None
        if contested is None
        else ContestedRule(kinds=_choices(contested, "kinds", CONTESTED_KINDS, where, ("denial",))),
        events=None if events is None else EventRule(_strings(events.get("types"), f"{where}: events.types")),
        actors=None
        if actors is None
        else ActorRule(_strings(actors.get("issues"), f"{where}: actors.issues")),
    )


def _delivery(data: Any, base: Path, where: str) -> Delivery:
    found = _mapping(data, where, {"stdout", "jsonl", "webhook"})
    webhook = found.get("webhook")
    hook: Webhook | None = None
    if isinstance(webhook, str):
        webhook = {"url": webhook}
    if webhook is not None:
        spec = _mapping(webhook, f"{where}: webhook", {"url", "retries", "backoff", "timeout", "headers"})
        url = str(spec.get("url") or "")
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}: webhook: url must be an http(s) URL, not {url!r}")
        headers = _mapping(spec.get("headers"), f"{where}: webhook.headers", None)
        hook = Webhook(
            url=url,
            retries=int(_number(spec, "retries", 3, f"{where}: webhook", minimum=0)),
            backoff=_number(spec, "backoff", 1.0, f"{where}: webhook", minimum=0.0),
            timeout=_number(spec, "timeout", 10.0, f"{where}: webhook", minimum=0.1),
            headers=tuple((str(k), str(v)) for k, v in headers.items()),
        )
    jsonl = found.get("jsonl")
    return Delivery(
        stdout=bool(found.get("stdout", True)),
        jsonl=(base / str(jsonl)) if jsonl else None,
        webhook=hook,
    )


def _mapping(data: Any, where: str, keys: set[str] | None) -> dict[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of keys to values, got {type(data).__name__}")
    if keys is not None and (unknown := set(map(str, data)) - keys):
        raise ConfigError(
            f"{where}: unknown key {', '.join(sorted(unknown))}; known: {', '.join(sorted(keys))}"
        )
    return {str(k): v for k, v in data.items()}


def _strings(data: Any, where: str) -> tuple[str, ...]:
    if data is None:
        return ()
    if isinstance(data, str):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(v, str | int | float) for v in data):
        raise ConfigError(f"{where}: expected a list of words")
    return tuple(str(v) for v in data)


def _urls(data: Any, where: str) -> tuple[str, ...]:
    urls = []
    for item in data or []:
        url = item.get("url") if isinstance(item, dict) else item
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ConfigError(f"{where}: {url!r} is not an http(s) URL")
        urls.append(url)
    return tuple(dict.fromkeys(urls))


def _choices(
    data: dict[str, Any], key: str, valid: tuple[str, ...], where: str, default: tuple[str, ...] | None = None
) -> tuple[str, ...]:
    chosen = _strings(data.get(key), f"{where}: {key}") or (default or valid)
    if bad := [c for c in chosen if c not in valid]:
        raise ConfigError(f"{where}: {key}: unknown {', '.join(bad)}; choose from {', '.join(valid)}")
    return chosen


def _number(data: dict[str, Any], key: str, default: Any, where: str, minimum: float) -> Any:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        raise ConfigError(f"{where}: {key} must be a number of at least {minimum}, not {value!r}")
    return float(value)
