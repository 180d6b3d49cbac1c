"""Where two reports' places agree, the place an event is told in, and the details the reports of
one event disagree on."""

from __future__ import annotations

from collections import Counter
from typing import Any

from parley.models import EventMention
from parley.reconcile.durations import readable_duration

Report = tuple[EventMention, frozenset[str], Any]


def same_place(a: str, b: str, places: dict[str, str]) -> bool:
    """The same place, or one inside the other."""
    x, y = a.casefold(), b.casefold()
    if x == y or x in y or y in x:
        return True
    return y in around(x, places) or x in around(y, places)


def main_place(told_places: list[str | None], places: dict[str, str]) -> str | None:
    """What most sources name; of places inside one another, the most precise."""
    told = Counter(p for p in told_places if p)
    if not told:
        return None
    best = told.most_common(1)[0][0]
    inner = [p for p in told if p != best and best.casefold() in around(p.casefold(), places)]
    return max(inner, key=lambda p: told[p]) if inner else best


def around(place: str, places: dict[str, str]) -> set[str]:
    """Every place ``place`` lies in, up the chain ("anchorage": alaska, united states)."""
    found: set[str] = set()
    while place in places:
        place = places[place].casefold()
        if place in found:
            break  # a loop in the list
        found.add(place)
    return found


def conflicts(reports: list[Report], places: dict[str, str]) -> dict[str, list[dict]]:
    """For each detail the sources disagree on, one entry per value: the value, its words, the
    first source that gives it and every source that does (``sources``)."""
    found: dict[str, list[dict]] = {}
    for key in ("date", "place", "duration"):
        told: dict[str, list[tuple[EventMention, str | None]]] = {}
        for m, _, _ in sorted(reports, key=lambda r: (r[0].article_id, r[0].span.start)):
            value, written = _detail(m, key)
            if value:
                told.setdefault(value, []).append((m, written))
        if len(told) < 2 or (key == "place" and _nested(list(told), places)):
            continue
        entries = []
        for value, given in sorted(told.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            m, written = given[0]
            entry: dict[str, Any] = {"value": readable_duration(value) if key == "duration" else value}
            if key == "duration":
                entry["iso"] = value
            entry |= {"as_written": written, "article_id": m.article_id, "span": m.span.as_list()}
            entry["sources"] = [
                {"article_id": r.article_id, "span": r.span.as_list(), "as_written": w} for r, w in given
            ]
            entries.append(entry)
        found[key] = entries
    return found


def _nested(values: list[str], places: dict[str, str]) -> bool:
    """Every place lies in (or holds) every other: no disagreement."""
    return all(same_place(a, b, places) for a in values for b in values)


def _detail(m: EventMention, key: str) -> tuple[str | None, str | None]:
    """A report's value for a detail that may conflict, and the words it used."""
    if key == "date":
        return (m.date.isoformat(), m.date_text) if m.date and m.precision == "day" else (None, None)
    if key == "place":
        return m.place, m.place
    return m.duration, m.duration_text
