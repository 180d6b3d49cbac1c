"""The record types of positions, registered like the built-ins (:mod:`parley.record_types`).

Per article (the ``stances`` component): ``stance`` — a holder's position on an issue, read from
one statement or sentence; ``provision`` — what a known document says on an issue, as one article
reports it. Across the corpus (the ``positions`` corpus step): ``position`` — a holder's latest
position on an issue with its history; ``document`` — a known document with its provisions merged
across articles and the changes from the version it revises.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from parley.models import Span
from parley.records import record_type

PositionLabel = Literal[
    "demands",
    "proposes",
    "supports",
    "accepts",
    "accepts_on_condition",
    "opposes",
    "rejects",
    "open_to_discuss",
    "denies",
]
POSITIONS: tuple[str, ...] = PositionLabel.__args__  # type: ignore[attr-defined]
HolderKind = Literal["actor", "side", "document"]


@dataclass(frozen=True)
class Stance:
    """A holder's position on one issue, with the words it was read from."""

    article_id: str
    issue: str
    position: str  # one of POSITIONS
    span: Span  # the evidence: the statement's content or the sentence
    text: str
    holder: str | None  # actor, side or document id; None until the speaker is resolved
    holder_kind: str = "actor"  # "actor" | "side" | "document"
    holder_text: str | None = None  # the words naming the holder
    holder_span: Span | None = None
    side: str | None = None
    condition: str | None = None  # for accepts_on_condition: "in exchange for ..."
    document_id: str | None = None  # the document the stance is about ("rejected the 28-point plan")
    statement_id: str | None = None  # the statement it came from, when it came from one
    cue: str | None = None  # the words the position was read from ("insisted", "must", "ready to")
    date: dt.date | None = None
    date_from: str = "unknown"  # "statement" | "text" | "article" | "unknown"
    confidence: float = 0.0
    extractor: str = ""
    period: str = "current"  # "earlier": the sentence places it before its time of writing
    period_cue: str | None = None  # the words that place it, or that state the change
    replaces: str | None = None  # the earlier position the sentence says this one replaces


@dataclass(frozen=True)
class Provision:
    """What a known document says on an issue, as one article reports it."""

    article_id: str
    document_id: str
    issue: str
    span: Span
    text: str
    value: str  # the option's label when one matched, else the words of the provision
    option: str | None = None
    reported_by: str | None = None  # the speaker, when the provision is in someone's statement
    statement_id: str | None = None
    date: dt.date | None = None
    confidence: float = 0.0
    extractor: str = ""


@dataclass(frozen=True)
class Evidence:
    """Where a position or provision was read: article, span, date and words."""

    article_id: str
    span: Span
    text: str
    date: dt.date | None = None
    position: str | None = None
    condition: str | None = None
    confidence: float = 0.0
    period: str = "current"  # "earlier": held before the article's time of writing, as it says
    period_cue: str | None = None  # "previously", "long-held", "has abandoned", "no longer" ...
    replaces: str | None = None  # the earlier position the article says this one replaces
    implied: bool = False  # an earlier position read only from a current stance's ``replaces``
    date_from: str = "unknown"  # as the stance's: "text" dates an earlier stance by its own words


@dataclass(frozen=True)
class Position:
    """A holder's position on an issue: the latest stance, and every stance before it."""

    id: str  # "holder:issue"
    holder: str
    holder_kind: str
    holder_name: str
    side: str | None
    issue: str
    position: str
    condition: str | None
    date: dt.date | None
    evidence: Evidence
    history: tuple[Evidence, ...] = ()  # oldest first; undated first of all; earlier before current
    side_name: str | None = None  # the dossier's name for ``side`` ("European allies" for "europe")


@dataclass(frozen=True)
class DocumentProvision:
    issue: str
    value: str
    option: str | None
    sources: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Change:
    """How a document differs from the version it revises on one issue."""

    issue: str
    change: str  # "added" | "changed" | "not_reported" (the new version's articles do not say)
    old: str | None
    new: str | None


@dataclass(frozen=True)
class DocumentRecord:
    """A known document: who proposed it, its provisions as reported, and what changed."""

    id: str
    name: str
    kind: str
    date: dt.date | None
    proposed_by: tuple[str, ...] = ()
    follows: str | None = None
    compared_with: str | None = None  # the earlier version the changes are from
    provisions: tuple[DocumentProvision, ...] = ()
    changes: tuple[Change, ...] = ()
    sources: tuple[str, ...] = ()  # articles that report it


def _holder_key(s: Stance) -> str:
    key = str(s.holder_span.start) if s.holder_span else str(s.holder)
    return key if s.period == "current" else f"{key}-{s.period}"


record_type(
    "stance",
    scope="article",
    key=lambda s: f"{s.span.start}-{s.span.end}-{s.issue}-{s.position}-{_holder_key(s)}",
    indexes=("holder", "issue", "side"),
    date_field="date",
    text_field="text",
    order=("date",),
    description="a holder's position on an issue, read from one statement or sentence",
)(Stance)

record_type(
    "provision",
    scope="article",
    key=lambda p: f"{p.span.start}-{p.span.end}-{p.document_id}-{p.issue}",
    indexes=("document_id", "issue"),
    date_field="date",
    text_field="text",
    order=("date",),
    description="what a known document says on an issue, as one article reports it",
)(Provision)

record_type(
    "position",
    scope="corpus",
    key=lambda p: p.id,
    indexes=("holder", "issue", "side"),
    date_field="date",
    order=("issue", "side", "holder"),
    description="a holder's latest position on an issue, with the stances before it",
)(Position)

record_type(
    "document",
    scope="corpus",
    key=lambda d: d.id,
    date_field="date",
    text_field="name",
    order=("date",),
    description="a known plan or draft: its provisions as reported and its changes from the last version",
)(DocumentRecord)
