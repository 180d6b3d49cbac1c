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

    def as_dict(self) -> dict[str, Any]:
        return {
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
        articles=total,
        outlets=sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0])),
        days=sorted(days.items(), key=lambda kv: (kv[0] == UNKNOWN, kv[0])),
        by_outlet_day={o: dict(sorted(c.items())) for o, c in sorted(grid.items())},
        last_run=(
            {"id": last.id, "new": last.new, "duplicate": last.duplicate, "failed": last.failed,
             "finished_at": last.finished_at}
            if last else None
        ),
        failures=[{"origin": f.origin, "reason": f.reason} for f in failures],
    )
