"""Alerts on what a cycle changed, read from the store's records before and after its analysis.

A :class:`Snapshot` holds, for each record type a rule needs, every record by its key (the
type's registered key: a position's ``holder:issue``, a contested item's id ...), read through
the store's generic ``records`` API. :func:`diff` compares two snapshots under the rules:

- ``positions``: a position whose key is new (``position-new``), or whose label or condition
  changed (``position-changed``);
- ``contested``: a contested item of a watched kind whose id is new, or one seen before that
  gained a side (a second denial of one claim);
- ``events``: an event of a watched type with a new id none of whose reports belonged to an
  event of that type before (so a merge that renames an event is not news);
- ``actors``: an actor holding a position on a watched issue it held none on before.

Every alert carries its evidence: the article id, the character span and the words, plus the
article's title, outlet and URL, so a reader can open the source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from parley import records
from parley.models import Span
from parley.store import Store
from parley.watch.config import AlertRules


@dataclass(frozen=True)
class Evidence:
    article_id: str
    span: tuple[int, int] | None
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Alert:
    kind: str  # "position-new", "position-changed", "contested", "event", "actor"
    rule: str  # the config section that asked for it: positions, contested, events, actors
    record_type: str
    record_key: str
    summary: str
    evidence: tuple[Evidence, ...]
    details: dict[str, Any] = field(default_factory=dict)
    cycle: int = 0
    at: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = [{**asdict(e), "span": list(e.span) if e.span else None} for e in self.evidence]
        return data


Snapshot = dict[str, dict[str, Any]]  # record type -> key -> record


def needed_types(rules: AlertRules) -> tuple[str, ...]:
    wanted = []
    if rules.positions or rules.actors:
        wanted.append("position")
    if rules.contested:
        wanted.append("contested")
    if rules.events:
        wanted.append("event")
    return tuple(wanted)


def snapshot(store: Store, types: Iterable[str]) -> Snapshot:
    found: Snapshot = {}
    for name in types:
        key = records.get(name).key
        found[name] = {key(r): r for r in store.records(name)}
    return found


def diff(before: Snapshot, after: Snapshot, rules: AlertRules, store: Store, cycle: int = 0) -> list[Alert]:
    found: list[Alert] = []
    if rules.positions:
        found += _positions(before.get("position", {}), after.get("position", {}), rules)
    if rules.actors:
        found += _actors(before.get("position", {}), after.get("position", {}), rules)
    if rules.contested:
        found += _contested(before.get("contested", {}), after.get("contested", {}), rules)
    if rules.events:
        found += _events(before.get("event", {}), after.get("event", {}), rules)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    articles = _ArticleInfo(store)
    return [
        replace(a, evidence=tuple(articles.fill(e) for e in a.evidence), cycle=cycle, at=now) for a in found
    ]


def _positions(before: dict[str, Any], after: dict[str, Any], rules: AlertRules) -> list[Alert]:
    rule = rules.positions
    assert rule is not None
    found = []
    for key, p in after.items():
        if rule.issues and p.issue not in rule.issues:
            continue
        if rule.holders and p.holder not in rule.holders:
            continue
        if rule.positions and p.position not in rule.positions:
            continue
        old = before.get(key)
        if old is None and "new" in rule.changes:
            kind, summary = "position-new", f"{p.holder_name} {_label(p)} on {p.issue}"
        elif old is not None and "changed" in rule.changes and _label(old) != _label(p):
            kind, summary = "position-changed", f"{p.holder_name} on {p.issue}: {_label(old)} -> {_label(p)}"
        else:
            continue
        evidence = (_evidence(p.evidence.article_id, p.evidence.span, p.evidence.text),)
        details = {"holder": p.holder, "issue": p.issue, "position": p.position, "condition": p.condition}
        if old is not None:
            details["previous"] = {"position": old.position, "condition": old.condition}
        found.append(Alert(kind, "positions", "position", key, summary, evidence, details))
    return found


def _label(p: Any) -> str:
    label = p.position.replace("_", " ")
    return f"{label} ({p.condition})" if p.condition else label


def _actors(before: dict[str, Any], after: dict[str, Any], rules: AlertRules) -> list[Alert]:
    rule = rules.actors
    assert rule is not None
    had = {(p.holder, p.issue) for p in before.values()}
    found = []
    for key, p in after.items():
        if p.holder_kind != "actor" or (rule.issues and p.issue not in rule.issues):
            continue
        if (p.holder, p.issue) in had:
            continue
        summary = f"{p.holder_name} takes a position on {p.issue} for the first time: {_label(p)}"
        evidence = (_evidence(p.evidence.article_id, p.evidence.span, p.evidence.text),)
        details = {"actor": p.holder, "issue": p.issue, "position": p.position, "side": p.side}
        found.append(Alert("actor", "actors", "position", key, summary, evidence, details))
    return found


def _contested(before: dict[str, Any], after: dict[str, Any], rules: AlertRules) -> list[Alert]:
    rule = rules.contested
    assert rule is not None
    found = []
    for key, c in after.items():
        if c.kind not in rule.kinds:
            continue
        old = before.get(key)
        sides = c.sides
        if old is not None:
            known = {(s.article_id, s.span) for s in old.sides}
            sides = tuple(s for s in c.sides if (s.article_id, s.span) not in known)
            if not sides:
                continue
            sides = (c.sides[0], *sides) if c.sides[0] not in sides else sides
        who = (
            ", ".join(dict.fromkeys(s.who for s in c.sides[1:] if s.who and s.value != "claims"))
            or "a source"
        )
        verb = "new" if old is None else "new side"
        summary = f"{c.kind} ({verb}): {c.subject}" + (f" — {who}" if c.kind == "denial" else "")
        evidence = tuple(_evidence(s.article_id, s.span, s.text) for s in sides)
        details = {
            "contested_kind": c.kind,
            "subject": c.subject,
            "explanation": c.explanation,
            "sides": [{"value": s.value, "who": s.who, "actor_id": s.actor_id} for s in sides],
        }
        found.append(Alert("contested", "contested", "contested", key, summary, evidence, details))
    return found


def _events(before: dict[str, Any], after: dict[str, Any], rules: AlertRules) -> list[Alert]:
    rule = rules.events
    assert rule is not None
    reported = {(e.type, s.article_id, s.span) for e in before.values() for s in e.sources}
    found = []
    for key, e in after.items():
        if key in before or (rule.types and e.type not in rule.types):
            continue
        if any((e.type, s.article_id, s.span) in reported for s in e.sources):
            continue  # an event seen before, merged or renamed
        when = e.date.isoformat() if e.date else "undated"
        summary = f"{e.type} ({when}{', ' + e.place if e.place else ''}): {e.summary}"
        evidence = tuple(_evidence(s.article_id, s.span, None) for s in e.sources)
        details = {"event_type": e.type, "date": when, "place": e.place, "participants": list(e.participants)}
        found.append(Alert("event", "events", "event", key, summary, evidence, details))
    return found


def _evidence(article_id: str, span: Span | None, text: str | None) -> Evidence:
    return Evidence(article_id, (span.start, span.end) if span else None, text or "")


class _ArticleInfo:
    """Fills each piece of evidence with its article's title, outlet, URL and date (and its
    words, read from the article, when the record did not carry them)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, Any] = {}

    def fill(self, e: Evidence) -> Evidence:
        if e.article_id not in self.cache:
            self.cache[e.article_id] = self.store.article(e.article_id)
        article = self.cache[e.article_id]
        if article is None:
            return e
        text = e.text or (article.text[e.span[0] : e.span[1]] if e.span else "")
        published = article.published.isoformat() if article.published else None
        return Evidence(e.article_id, e.span, text, article.title, article.outlet, article.url, published)
