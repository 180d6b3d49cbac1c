"""The codec rebuilds every field shape a record type may use, exactly as it was."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from parley.codec import from_data, to_data
from parley.models import Span


@dataclass(frozen=True)
class Source:
    article_id: str
    span: Span
    published: dt.date | None = None


@dataclass(frozen=True)
class Shapes:
    id: str
    count: int
    score: float
    flag: bool
    day: dt.date
    span: Span
    kind: Literal["direct", "reported"]
    maybe_day: dt.date | None = None
    maybe_span: Span | None = None
    spans: tuple[Span, ...] = ()
    days: tuple[dt.date | None, ...] = ()
    names: tuple[str, ...] = ()
    pair: tuple[str, int] = ("", 0)
    sources: tuple[Source, ...] = ()
    source: Source | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    tags: frozenset[str] = frozenset()
    ordered: list[int] = field(default_factory=list)


def test_every_shape_survives_json() -> None:
    record = Shapes(
        id="a1",
        count=3,
        score=0.5,
        flag=True,
        day=dt.date(2025, 11, 30),
        span=Span(4, 19),
        kind="reported",
        maybe_day=dt.date(2025, 12, 2),
        maybe_span=Span(0, 2),
        spans=(Span(1, 2), Span(5, 9)),
        days=(dt.date(2025, 1, 1), None),
        names=("envoy", "minister"),
        pair=("army", 600_000),
        sources=(Source("x", Span(1, 3), dt.date(2025, 11, 21)), Source("y", Span(7, 8))),
        source=Source("z", Span(2, 4)),
        extra={"value": [1, 2], "note": None},
        tags=frozenset({"b", "a"}),
        ordered=[3, 1, 2],
    )
    data = json.loads(json.dumps(to_data(record)))
    assert from_data(Shapes, data) == record


def test_missing_fields_take_defaults_and_unknown_ones_are_ignored() -> None:
    data = {"id": "a", "count": 1, "score": 1.0, "flag": False, "day": "2026-01-02", "span": [0, 1]}
    data |= {"kind": "direct", "added_by_a_newer_parley": 1, "maybe_day": None}
    rebuilt = from_data(Shapes, data)
    assert rebuilt.day == dt.date(2026, 1, 2) and rebuilt.span == Span(0, 1)
    assert rebuilt.maybe_day is None and rebuilt.sources == () and rebuilt.extra == {}


def test_short_strings_are_shared_between_decoded_records():
    """The corpus steps hold every mention at once: a label or an article id decoded from the
    store is one string object, not a copy per record."""
    from parley.models import Mention

    stored = json.dumps(to_data(Mention("a1b2c3", Span(0, 4), "Kyiv", "GPE", "kyiv")))
    first, second = (from_data(Mention, json.loads(stored)) for _ in range(2))
    assert first == second
    assert first.article_id is second.article_id
    assert first.label is second.label and first.text is second.text and first.actor_id is second.actor_id
