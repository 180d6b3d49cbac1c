"""Record types of what is claimed, what is contested, and each article's reliability signals.

All corpus scope, written by the corpus steps in :mod:`parley.reconcile.contested_steps`:

- ``claim``: a factual claim worth checking (who did or said what, a number, a report from
  unnamed officials, a leak, a document) with its claimant, date, every article that makes it
  and how many of those are independent;
- ``contested``: something the sources do not agree on: a denial and the claim it denies, a
  quantity given with different values, an event's date, place or duration, an actor's role, a
  quote whose attribution the quoted party disputes, a report its own outlet has not verified.
  Each side carries its evidence; Parley never says which side is right;
- ``article_claims``: one article's claims before they are merged across articles, with a digest
  of what they were read from, so the claims step reads again only the articles that changed;
- ``signal``: a warning sign in one article (a weekday that does not match its date, a sitting
  president called "former", dates that disagree, machine-rewrite markers, an unattributed
  claim, a misspelt name, a claim no other source makes and others contradict), with the words
  it was read from and why it is shown. A signal is a reason to read closely, never a verdict.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parley.models import Span
from parley.records import record_type


@dataclass(frozen=True)
class Said:
    """One article's claim, before claims are merged across articles."""

    article_id: str
    span: Span
    text: str
    kind: str
    claimant: str | None
    claimant_actor_id: str | None
    claimant_kind: str
    date: dt.date | None
    about: tuple[str, ...]
    family: str | None
    negated: bool
    statement_id: str | None = None


@dataclass(frozen=True)
class ArticleClaims:
    article_id: str
    inputs: str  # a digest of the article, its statements and mentions, and the word lists
    said: tuple[Said, ...]
    claim_ids: tuple[str, ...] = ()  # the claim each one was merged into, in the same order


@dataclass(frozen=True)
class ClaimSource:
    """One article making a claim, in its words."""

    article_id: str
    span: Span
    text: str
    claimant: str | None = None  # who the article says makes it, as written
    published: dt.date | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Claim:
    id: str
    text: str  # the claim, in the words of its first source
    kind: str  # "action", "number", "unnamed-source", "leak", "document", "report", "denied"
    claimant: str | None  # who makes it, as written: "an unnamed US official", "Der Spiegel"
    claimant_actor_id: str | None
    claimant_kind: str  # "named", "unnamed", "outlet", "article" (no one), "unknown"
    date: dt.date | None  # when it was first made
    about: tuple[str, ...]  # actor ids the claim is about
    article_id: str  # its first source
    span: Span
    sources: tuple[ClaimSource, ...]
    independent: int  # how many of the sources are independent of each other
    statement_id: str | None = None


@dataclass(frozen=True)
class ContestedSide:
    """What one side says: the words, the value where there is one, who says it and where."""

    text: str
    value: str | None
    who: str | None
    actor_id: str | None
    article_id: str
    span: Span
    date: dt.date | None
    outlet: str | None
    sources: tuple[str, ...] = ()  # every article that says the same
    independent: int = 1
    claim_id: str | None = None


@dataclass(frozen=True)
class Contested:
    id: str
    kind: str  # "denial", "quantity", "event-detail", "role", "attribution", "unverified"
    subject: str  # what is contested, in a few words
    date: dt.date | None  # the earliest side's date
    sides: tuple[ContestedSide, ...]  # the claim (or the first value) first, then what disputes it
    article_id: str  # the first side's article and span
    span: Span
    explanation: str


@dataclass(frozen=True)
class Signal:
    article_id: str
    # "weekday", "role", "date-conflict", "machine-rewrite", "unattributed", "misspelt-name", "lone-claim"
    kind: str
    span: Span | None  # the evidence, or None for the article's metadata
    text: str  # the words it was read from
    explanation: str


record_type(
    "claim",
    scope="corpus",
    key=lambda c: c.id,
    indexes=("kind", "claimant_actor_id", "date"),
    date_field="date",
    text_field="text",
    order=("date",),
    description="a factual claim worth checking, with its claimant, sources and independent sources",
)(Claim)

record_type(
    "contested",
    scope="corpus",
    key=lambda c: c.id,
    indexes=("kind", "date"),
    date_field="date",
    text_field="subject",
    order=("date", "kind"),
    description="what the sources disagree on: denials, values, event details, roles, attributions",
)(Contested)

record_type(
    "article_claims",
    scope="corpus",
    key=lambda a: a.article_id,
    description="one article's claims before merging, with a digest of what they were read from",
)(ArticleClaims)

record_type(
    "signal",
    scope="corpus",
    key=lambda s: f"{s.article_id}:{s.kind}:{s.span.start if s.span else '-'}",
    indexes=("article_id", "kind"),
    text_field="text",
    description="a reliability signal in one article, with its evidence and why it is shown",
)(Signal)
