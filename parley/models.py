"""Plain data objects that flow between Parley's pipeline stages.

Every object is a frozen dataclass: a stage never mutates what it was given, it returns new
records. Character spans always index into ``Article.text`` (the cleaned text that is stored),
so any record can be traced back to the sentence it came from.

Flow::

    reader  -> RawArticle          (one per file, page, feed entry or JSONL line)
    clean   -> Article             (boilerplate removed, metadata resolved, content hash)
    extract -> Mention, Statement, TimeExpression, Event ... (each with a Span)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What a reader found in one input, before cleaning.

    ``published`` is the date the source's own metadata gives (feed entry date, HTML meta tag,
    JSONL field), or None. ``origin`` is where it was read from: a path, a URL, or
    ``path#line`` / ``feed#entry``.
    """

    origin: str
    format: Literal["text", "html", "feed", "jsonl"]
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: dt.date | None = None
    language: str | None = None


PublishedFrom = Literal["metadata", "url", "text", "dateline", "unknown"]


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline such as ``Moscow, Dec 3 (NationPress)`` found at the start of a paragraph."""

    span: Span
    place: str | None
    date_text: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article as stored. ``id`` is derived from ``sha256`` of the cleaned text."""

    id: str
    sha256: str
    title: str
    text: str
    origin: str
    format: str
    url: str | None = None
    outlet: str | None = None
    outlet_from: str | None = None  # "metadata" | "url" | "dateline" | "text" | "known-outlets"
    cites: tuple[str, ...] = ()
    published: dt.date | None = None
    published_from: PublishedFrom = "unknown"
    author: str | None = None
    language: str | None = None
    dateline: Dateline | None = None
    removed: tuple[str, ...] = ()  # boilerplate lines taken out of the text, kept for audit
    links: tuple[tuple[str, str], ...] = ()  # (linked words, URL) of the links in the text
    # When the date sources disagreed: (source, what it said) for each, e.g. ("metadata",
    # "2024-06-13"), ("url", "2026-02-01"); "2026-02" is a month, "XXXX-02-01" a day without year.
    date_conflicts: tuple[tuple[str, str], ...] = ()
    # The last words (case folded, up to six, back to their sentence's start) before each footnote
    # mark the cleaner took out of the text ("reportedly operating near the river"): the sentence
    # that ends so, or a hedge that does, cites a note. Not part of the text nor of the id.
    noted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read, with the reason. A batch records it and goes on."""

    origin: str
    reason: str
    stage: str = "ingest"


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity or role phrase in an article, possibly resolved to a canonical actor."""

    article_id: str
    span: Span
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, FAC, ROLE (a registered title phrase)
    actor_id: str | None = None  # set when the registry names it; else by corpus resolution
    role: str | None = None  # role words around a person: "Ukrainian Foreign Minister"
    side: str | None = None  # side those words point to, if any


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world person or body, with every name it goes by in the corpus."""

    id: str
    name: str
    kind: Literal["person", "organisation", "country", "institution", "group"]
    side: str | None = None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # why the side/role is believed: registry or a sentence


# What an embedded statement's content is part of: a claim its speaker denies, a report or claim
# its speaker relays or answers, a question put to or by its speaker.
Embedding = Literal["denial", "report", "question"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source-cue-content triple found in one text, before speaker resolution.

    Spans index into the text the extractor was given. ``source`` is None when the speaker
    is not in the text (e.g. a bare quote continuing from the previous paragraph).
    ``more_content`` holds the further parts of the content, in text order, when one
    statement is quoted in pieces: a quote interrupted by its attribution ("'We will not,'
    he said, 'give up land.'") or continued right after it; ``content`` is the first part.
    ``embedded_in`` is set when the cue sits in a clause the speaker of another attribution
    denies, relays or is asked about ("Peskov refuted assertions that Putin has dismissed the
    plan"): ``source`` is then that outer speaker's, never the clause's subject, and ``outer``
    is the outer attribution's content.
    """

    content: Span
    kind: Literal["direct", "reported"]
    source: Span | None = None
    cue: Span | None = None
    channel: str | None = None
    more_content: tuple[Span, ...] = ()
    embedded_in: Embedding | None = None
    outer: Span | None = None

    @property
    def parts(self) -> tuple[Span, ...]:
        """Every part of the content, in text order."""
        return (self.content, *self.more_content)


@dataclass(frozen=True, slots=True)
class Statement:
    """An attributed statement with its speaker resolved as far as the evidence allows."""

    id: str
    article_id: str
    speaker: str | None  # the words used: "Peskov", "an unnamed US official", "he"
    speaker_actor_id: str | None
    cue: str | None
    text: str
    kind: Literal["direct", "reported"]
    span: Span  # the content span
    speaker_span: Span | None = None
    cue_span: Span | None = None
    channel: str | None = None
    said_on: dt.date | None = None
    said_on_from: str = "unknown"  # "text" | "article" | "unknown"
    speaker_ref: Span | None = None  # the mention that identifies the speaker (antecedent of "he")
    extractor: str = ""
    # Further parts of a statement quoted in pieces ("'We will not,' he said, 'give up land.'"),
    # in text order; ``span`` is the first part and ``text`` joins every part with " … ".
    more_spans: tuple[Span, ...] = ()
    # Set when the content is not its speaker's own claim but part of a claim the speaker denies
    # ("denial"), a report or claim the speaker relays or answers ("report"), or a question put to
    # or by the speaker ("question"): "Peskov refuted assertions that Putin dismissed the plan".
    # The speaker is then the outer statement's (``outer_id``), never the clause's subject; read
    # no one's position from such content.
    embedded_in: Embedding | None = None
    outer_id: str | None = None
    # True when the cue reports no words but a thought, a wish or a stand the writer ascribes to
    # the speaker ("Moscow believes it can outlast them", "X wants a deal", "X supports the
    # plan"): the speaker's view as the article tells it, not something they are reported to say.
    ascribed: bool = False
    # The noun phrase a reported content is about when the cue stands in a relative clause and
    # the content's subject is the relative pronoun or left out ("the dam, which Nordstad insists
    # should be run jointly"): ``text`` then opens with it in square brackets ("[the dam] should
    # be run jointly"), words put in as an editor marks them; ``span`` stays the content's.
    about: Span | None = None

    @property
    def parts(self) -> tuple[Span, ...]:
        """Every part of the content, in text order."""
        return (self.span, *self.more_spans)


Precision = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century"]


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression normalised against an anchor (normally the publication date).

    ``value`` is a TIMEX3-style value: ``2025-12-03``, ``2025-12``, ``2025-W49``, ``2022``,
    ``PRESENT_REF``, ``P5H`` for durations. ``start``/``end`` are the calendar days it covers
    when it is a date or period that could be resolved; None when it could not be.
    """

    span: Span
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    precision: Precision | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    anchor: dt.date | None = None
    anchor_from: str = "unknown"  # "publication" | "text" | "unknown"
    article_id: str = ""  # set when stored with its article


@dataclass(frozen=True, slots=True)
class EventMention:
    """One article's report of an event, before reports of the same event are merged.

    ``participant_refs`` are the spans of the mentions naming participants; the corpus stage
    resolves them to actors. ``date`` is the first day the report's time expression covers
    (None when the sentence gives no date); ``status`` is "planned" for a future or possible
    event ("will meet", "could be scheduled").
    """

    article_id: str
    type: str
    span: Span  # the sentence
    trigger: Span
    participant_refs: tuple[Span, ...] = ()
    participants: tuple[str, ...] = ()
    place: str | None = None
    date: dt.date | None = None
    date_end: dt.date | None = None
    precision: Precision | None = None
    date_text: str | None = None
    duration: str | None = None
    duration_text: str | None = None
    figures: dict[str, Any] = field(default_factory=dict)
    status: str = "reported"


@dataclass(frozen=True, slots=True)
class EventSource:
    """One article's report of a merged event, with the details as that article gives them."""

    article_id: str
    span: Span
    date: dt.date | None = None
    place: str | None = None
    duration: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    precision: Precision | None = None  # of ``date``


@dataclass(frozen=True, slots=True)
class Event:
    """A negotiation event (meeting, call, strike ...) merged across the articles reporting it."""

    id: str
    type: str
    date: dt.date | None
    precision: Precision | None
    participants: tuple[str, ...]  # actor ids
    place: str | None
    summary: str
    sources: tuple[EventSource, ...] = ()
    duration: str | None = None
    figures: dict[str, Any] = field(default_factory=dict)
    conflicts: dict[str, list[Any]] = field(default_factory=dict)
    status: str = "reported"

    @property
    def source_articles(self) -> int:
        """How many articles tell of the event: its sources are spans, and one article may give
        several ("the Alaska summit ... the summit ... the meeting")."""
        return len({s.article_id for s in self.sources})
