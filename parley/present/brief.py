"""The brief: what the store holds at a glance. Grows with each capability."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from parley.store import Store


@dataclass
class Brief:
    articles: int
    outlets: list[tuple[str, int]]
    days: list[tuple[str, int]]
    by_outlet_day: dict[str, dict[str, int]]
    last_run: dict[str, Any] | None
    failures: list[dict[str, str]] = field(default_factory=list)
    speakers: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "speakers": self.speakers,
            "events": self.events,
            "articles": self.articles,
            "outlets": dict(self.outlets),
            "days": dict(self.days),
            "by_outlet_day": self.by_outlet_day,
            "last_run": self.last_run,
            "failures": self.failures,
        }


UNKNOWN = "unknown"


def build_brief(store: Store) -> Brief:
    outlets: Counter[str] = Counter()
    days: Counter[str] = Counter()
    grid: dict[str, Counter[str]] = {}
    total = 0
    for article in store.articles():
        total += 1
        outlet = article.outlet or UNKNOWN
        day = article.published.isoformat() if article.published else UNKNOWN
        outlets[outlet] += 1
        days[day] += 1
        grid.setdefault(outlet, Counter())[day] += 1
    runs = store.runs()
    last = runs[-1] if runs else None
    failures = store.failures(last.id) if last else []
    return Brief(
        speakers=_speakers(store),
        events=_events(store),
        articles=total,
        outlets=sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        days=sorted(days.items(), key=lambda kv: (kv[0] == UNKNOWN, kv[0])),
        by_outlet_day={o: dict(sorted(c.items())) for o, c in sorted(grid.items())},
        last_run=(
            {
                "id": last.id,
                "new": last.new,
                "duplicate": last.duplicate,
                "failed": last.failed,
                "finished_at": last.finished_at,
            }
            if last
            else None
        ),
        failures=[{"origin": f.origin, "reason": f.reason} for f in failures],
    )


# How many speakers the brief lists, and how many of each one's latest statements.
TOP_SPEAKERS = 8
LATEST_PER_SPEAKER = 2


def _speakers(store: Store) -> list[dict[str, Any]]:
    """The most quoted actors with their latest statements (empty before `parley analyse`)."""
    actors = {a.id: a for a in store.actors()}
    said: dict[str, list] = {}
    for s in store.statements():
        if s.speaker_actor_id in actors:
            said.setdefault(s.speaker_actor_id, []).append(s)
    ranked = sorted(said.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:TOP_SPEAKERS]
    out = []
    for actor_id, statements in ranked:
        actor = actors[actor_id]
        latest = sorted(statements, key=lambda s: (s.said_on is not None, s.said_on or 0), reverse=True)
        out.append(
            {
                "actor_id": actor_id,
                "name": actor.name,
                "side": actor.side,
                "statements": len(statements),
                "latest": [
                    {
                        "said_on": s.said_on.isoformat() if s.said_on else None,
                        "cue": s.cue,
                        "text": s.text,
                        "kind": s.kind,
                        "article_id": s.article_id,
                        "span": s.span.as_list(),
                    }
                    for s in latest[:LATEST_PER_SPEAKER]
                ],
            }
        )
    return out


# How many events the brief shows: the dated ones reported by the most sources.
TOP_EVENTS = 10


def _events(store: Store) -> list[dict[str, Any]]:
    """The dated events reported by the most sources (latest first among equals), in date
    order (empty before analysis)."""
    actors = {a.id: a.name for a in store.actors()}
    dated = [(e.date, e) for e in store.events() if e.date is not None and e.status == "reported"]
    latest = sorted(dated, key=lambda de: (len(de[1].sources), de[0]), reverse=True)[:TOP_EVENTS]
    return [
        {
            "id": e.id,
            "date": day.isoformat(),
            "precision": e.precision,
            "type": e.type,
            "participants": [actors.get(p, p) for p in e.participants],
            "place": e.place,
            "sources": len(e.sources),
            "conflicts": sorted(e.conflicts),
            "summary": e.summary,
        }
        for day, e in sorted(latest, key=lambda de: de[0])
    ]
