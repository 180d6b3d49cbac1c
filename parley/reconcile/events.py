"""Merging reports of the same event across articles into one :class:`Event`.

Two reports are of the same event when they have the same type and, scoring the evidence:

- dates: the same day (+2); one or both unknown, with the undated report's publication date
  no earlier than the event and at most ``REPORT_WINDOW_DAYS`` after it (0); dates a day apart
  (0, kept as a conflict); further apart: never the same event;
- participants: overlap coefficient |A∩B| / min(|A|,|B|) at least 0.5 (+2), any overlap (+1),
  none while both name someone: never the same event;
- place: the same (+1), different (-1, kept as a conflict);
- duration: the same (+1).
A report joins the best-scoring event at ``MERGE_SCORE`` or more (``UNDATED_MERGE_SCORE`` for a
report with no date of its own joining a dated event reported by other articles), else starts a
new one.
Conflicting details (date, place, duration) are kept side by side with their sources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from parley.models import Article, Event, EventMention, EventSource, Precision

MERGE_SCORE = 2
# A report without a date of its own joins a dated event of another article only on more
# evidence: the participants and a place or duration in common.
UNDATED_MERGE_SCORE = 3
REPORT_WINDOW_DAYS = 10
MAX_DATE_GAP_DAYS = 1


@dataclass
class _Draft:
    type: str
    reports: list[tuple[EventMention, frozenset[str], Article | None]] = field(default_factory=list)

    @property
    def participants(self) -> set[str]:
        return set().union(*(p for _, p, _ in self.reports)) if self.reports else set()

    def dates(self) -> list[dt.date]:
        return [m.date for m, _, _ in self.reports if m.date and m.precision == "day"]

    def places(self) -> set[str]:
        return {m.place for m, _, _ in self.reports if m.place}

    def durations(self) -> set[str]:
        return {m.duration for m, _, _ in self.reports if m.duration}


def merge_events(
    reports: Iterable[EventMention], participants: dict[int, frozenset[str]], articles: dict[str, Article]
) -> list[Event]:
    """``participants`` maps ``id(report)`` to its resolved actor ids."""
    drafts: list[_Draft] = []
    ordered = sorted(reports, key=lambda m: (m.date or dt.date.max, m.article_id, m.span.start))
    for m in ordered:
        people = participants.get(id(m), frozenset(m.participants))
        article = articles.get(m.article_id)
        scored: list[tuple[_Draft, int]] = []
        for d in drafts:
            score = _score(d, m, people, article) if d.type == m.type else None
            if score is not None and score >= _needed(d, m):
                scored.append((d, score))
        if scored:
            max(scored, key=lambda ds: ds[1])[0].reports.append((m, people, article))
        else:
            drafts.append(_Draft(m.type, [(m, people, article)]))
    return [_event(d) for d in drafts]


def _needed(d: _Draft, m: EventMention) -> int:
    """The score a report needs to join a draft event."""
    same_article = any(r.article_id == m.article_id for r, _, _ in d.reports)
    if m.date or not d.dates() or same_article:
        return MERGE_SCORE
    return UNDATED_MERGE_SCORE


def _score(d: _Draft, m: EventMention, people: frozenset[str], article: Article | None) -> int | None:
    score = 0
    dates = d.dates()
    if m.date and m.precision == "day" and dates:
        gap = min(abs((m.date - x).days) for x in dates)
        if gap > MAX_DATE_GAP_DAYS:
            return None
        score += 2 if gap == 0 else 0
    elif dates or (m.date and m.precision == "day"):
        event_day = dates[0] if dates else m.date
        assert event_day is not None
        published = [a.published for _, _, a in d.reports if a and a.published] if not dates else []
        published = [day for day in published if day is not None]
        published += [article.published] if article and article.published and not m.date else []
        for day in published:
            if not (event_day <= day <= event_day + dt.timedelta(days=REPORT_WINDOW_DAYS)):
                return None
    theirs = d.participants
    if people and theirs:
        shared = len(people & theirs)
        if not shared:
            return None
        score += 2 if shared / min(len(people), len(theirs)) >= 0.5 else 1
    if m.place and d.places():
        score += 1 if m.place in d.places() else -1
    if m.duration and m.duration in d.durations():
        score += 1
    return score


def _event(d: _Draft) -> Event:
    first, _, first_article = min(
        d.reports,
        key=lambda r: ((r[2].published if r[2] and r[2].published else dt.date.max), r[0].span.start),
    )
    days = Counter(m.date for m, _, _ in d.reports if m.date and m.precision == "day")
    dated = [m for m, _, _ in d.reports if m.date]
    date: dt.date | None = None
    precision: Precision | None = None
    if days:
        date, precision = min(days.items(), key=lambda kv: (-kv[1], kv[0]))[0], "day"
    elif dated:
        best = min(dated, key=lambda m: m.date or dt.date.max)
        date, precision = best.date, best.precision
    places = Counter(m.place for m, _, _ in d.reports if m.place)
    durations = Counter(m.duration for m, _, _ in d.reports if m.duration)
    conflicts: dict[str, list] = {}
    for key in ("date", "place", "duration"):
        told = [(m, value, written) for m, _, _ in d.reports for value, written in [_detail(m, key)] if value]
        if len({value for _, value, _ in told}) > 1:
            conflicts[key] = [
                {"value": value, "as_written": written, "article_id": m.article_id, "span": m.span.as_list()}
                for m, value, written in told
            ]
    figures: dict[str, int] = {}
    for m, _, _ in d.reports:
        for k, v in m.figures.items():
            figures[k] = max(figures.get(k, 0), v)
    participants = Counter(p for _, ps, _ in d.reports for p in ps)
    status = "reported" if any(m.status == "reported" for m, _, _ in d.reports) else "planned"
    sources = tuple(
        EventSource(
            m.article_id,
            m.span,
            m.date,
            m.place,
            m.duration,
            a.published if a else None,
            a.outlet if a else None,
        )
        for m, _, a in sorted(d.reports, key=lambda r: (r[0].article_id, r[0].span.start))
    )
    summary = " ".join(
        (first_article.text[first.span.start : first.span.end] if first_article else "").split()
    )
    key = f"{d.type}:{first.article_id}:{first.span.start}"
    return Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        type=d.type,
        date=date,
        precision=precision,
        participants=tuple(p for p, _ in participants.most_common()),
        place=places.most_common(1)[0][0] if places else None,
        summary=summary,
        sources=sources,
        duration=durations.most_common(1)[0][0] if durations else None,
        figures=figures,
        conflicts=conflicts,
        status=status,
    )


def _detail(m: EventMention, key: str) -> tuple[str | None, str | None]:
    """A report's value for a detail that may conflict, and the words it used."""
    if key == "date":
        return (m.date.isoformat(), m.date_text) if m.date and m.precision == "day" else (None, None)
    if key == "place":
        return m.place, m.place
    return m.duration, m.duration_text
