"""An article's text cut into segments by the spans of every record found in it.

Every article-scope record type is read from the registry, and every ``Span`` field of a record
is a mark: a statement's ``span`` (what was said), ``speaker_span`` and ``cue_span``; a time
expression; an event report's sentence and ``trigger``; a stance; a reliability signal … A new
record type with spans is highlighted with no change here. Marks may overlap: the text is cut at
every mark's start and end, and each segment carries every mark over it. The caller escapes the
text (the templates do, with Jinja's autoescape): nothing here builds HTML.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from parley import records
from parley.models import Span
from parley.store import RecordQuery, Store

LABEL_FIELDS = ("speaker", "value", "position", "type", "label", "holder", "issue")


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # "statement", "statement-speaker_span", "time_expression" …
    label: str  # what the tooltip says


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    kinds: tuple[str, ...]
    labels: tuple[str, ...]
    anchors: tuple[str, ...]  # ids of the marks that start here ("s120-180")
    target: bool  # inside the span the page was opened for


def anchor(start: int, end: int) -> str:
    return f"s{start}-{end}"


def article_highlights(store: Store, article_id: str) -> tuple[list[Highlight], dict[str, int]]:
    """Every span of every record of the article — article-scope records, and corpus-scope ones
    that index their ``article_id`` (a reliability signal) — and how many of each type."""
    found: list[Highlight] = []
    counts: dict[str, int] = {}
    for rt in records.all_types():
        if rt.scope == "article":
            where = RecordQuery(article_ids=(article_id,))
        elif "article_id" in rt.indexes:
            where = RecordQuery(equals=(("article_id", (article_id,)),))
        else:
            continue
        rows = list(store.records(rt.name, where))
        counts[rt.name] = len(rows)
        for record in rows:
            found += list(spans_of(rt.name, record))
    return found, counts


def spans_of(type_name: str, record: Any) -> Iterable[Highlight]:
    label = _label(type_name, record)
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Span) and value.end > value.start:
            kind = type_name if f.name == "span" else f"{type_name}-{f.name}"
            yield Highlight(
                value.start, value.end, kind, label if f.name == "span" else f"{label} ({f.name})"
            )


def _label(type_name: str, record: Any) -> str:
    parts = [type_name.replace("_", " ")]
    for name in LABEL_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            parts.append(f"{name} {value}")
    return ", ".join(parts[:4])


def segments(text: str, marks: list[Highlight], target: tuple[int, int] | None = None) -> list[Segment]:
    """``text`` cut at every mark's start and end (and the target's); marks outside the text are
    dropped. Joined back, the segments' texts are the text."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = {0, len(text)}
    for m in marks:
        cuts.update((m.start, m.end))
    if target is not None and 0 <= target[0] < target[1] <= len(text):
        cuts.update(target)
    else:
        target = None
    points = sorted(cuts)
    starting: dict[int, list[Highlight]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    active: list[Highlight] = []
    out = []
    for start, end in zip(points, points[1:], strict=False):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        here = [anchor(m.start, m.end) for m in starting.get(start, [])]
        if target is not None and start == target[0]:
            here.append(anchor(*target))
        out.append(
            Segment(
                start,
                end,
                text[start:end],
                tuple(sorted({m.kind for m in active})),
                tuple(dict.fromkeys(m.label for m in active)),
                tuple(dict.fromkeys(here)),
                target is not None and target[0] <= start and end <= target[1],
            )
        )
    return out
