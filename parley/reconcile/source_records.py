"""Record types across sources: fingerprints, copies, citations, stories and independence.

All corpus scope, written by the corpus steps in :mod:`parley.reconcile.source_steps`:

- ``fingerprint``: what copy and story detection compare, one per article (kept so a new run
  never reads or encodes an old article again);
- ``copy``: a later article that repeats (``status="copy"``, one record for the article in its
  copy group) or rewrites with a fact changed (``status="altered"``, with its differences) an
  earlier one;
- ``citation``: an outlet an article names as its origin, with the articles of that outlet in the
  corpus it points to;
- ``story``: articles grouped by what they report, with a stable id;
- ``independence``: for each event, how many of its sources are independent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parley.models import Span
from parley.records import record_type


@dataclass(frozen=True)
class Fingerprint:
    article_id: str
    title: str
    published: dt.date | None
    outlet: str | None
    cites: tuple[str, ...]
    language: str | None
    minhash: str  # base64 of 128 uint32 MinHash values over five-word shingles
    vector: str  # base64 of the int8 lead vector (title and first sentences)
    version: str


@dataclass(frozen=True)
class CopyChange:
    kind: str  # "number", "month", "weekday", "name", "negation"
    original: str
    changed: str
    original_span: Span  # into the original's text
    copy_span: Span  # into this article's text


@dataclass(frozen=True)
class Copy:
    article_id: str  # the later article
    of_id: str  # the article it repeats or rewrites
    original_id: str  # the earliest article of its copy group (of_id for an altered rewrite)
    status: str  # "copy" or "altered" (a fact changed: a different report, never merged)
    kind: str  # "near", "rewrite" or "translation"
    similarity: float  # mean similarity of the aligned sentences (1.0 the same words)
    coverage: float  # share of the shorter article's sentences aligned, in order
    original_by: str  # how the original was told: "citation", "date" or "undetermined"
    changes: tuple[CopyChange, ...] = ()
    also_of: tuple[str, ...] = ()  # the other articles of its copy group it was found to repeat


@dataclass(frozen=True)
class Citation:
    article_id: str
    outlet: str  # as the article's cites give it
    cited_ids: tuple[str, ...] = ()  # that outlet's articles on the same story, published no later


@dataclass(frozen=True)
class Story:
    id: str
    title: str  # the title of the article that started it
    articles: tuple[str, ...]  # in the order they joined
    first: dt.date | None
    last: dt.date | None
    size: int


@dataclass(frozen=True)
class SourceIndependence:
    subject: str  # "event"
    subject_id: str
    sources: int
    independent: int
    groups: tuple[tuple[str, ...], ...]  # each group's article ids, the earliest first


record_type(
    "fingerprint",
    scope="corpus",
    key=lambda f: f.article_id,
    indexes=("article_id",),
    date_field="published",
    description="an article's MinHash signature and lead vector, kept for copy and story detection",
)(Fingerprint)

record_type(
    "copy",
    scope="corpus",
    key=lambda c: f"{c.article_id}>{c.of_id}",
    indexes=("article_id", "original_id", "status"),
    order=("status",),
    description="an article repeating an earlier one, or rewriting it with a fact changed (altered)",
)(Copy)

record_type(
    "citation",
    scope="corpus",
    key=lambda c: f"{c.article_id}>{c.outlet}",
    indexes=("article_id",),
    text_field="outlet",
    description="an outlet an article names as its origin, with that outlet's articles it points to",
)(Citation)

record_type(
    "story",
    scope="corpus",
    key=lambda s: s.id,
    date_field="first",
    text_field="title",
    order=("first",),
    description="articles grouped by what they report; ids stay when articles are added",
)(Story)

record_type(
    "independence",
    scope="corpus",
    key=lambda i: f"{i.subject}:{i.subject_id}",
    indexes=("subject_id",),
    description="how many of an event's sources are independent (copies and citations collapsed)",
)(SourceIndependence)
