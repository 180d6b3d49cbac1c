"""What a resolver is given (:class:`Context`) and what it gives back (:class:`Resolved`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .calendar import Period, day
from .tense import governed_by, narrated, tense_near

Basis = Literal["text", "publication", "ref", "unknown"]


@dataclass(frozen=True)
class Resolved:
    """A normalised expression before it becomes a :class:`parley.models.TimeExpression`.

    ``basis`` says what the value rests on: ``text`` (the words alone: a full date, a
    duration), ``publication`` (the anchor date), ``ref`` (another date found earlier in the
    same text, ``ref_date``), ``unknown`` (an anchor was needed and there was none).
    """

    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    period: Period | None = None
    basis: Basis = "text"
    ref_date: dt.date | None = None
    topical: bool = True  # False for a comparison ("a year earlier"): not a date later words lean on


@dataclass
class Context:
    """The text being tagged, its anchor, and the dates resolved so far (in text order)."""

    text: str
    anchor: dt.date | None
    refs: list[tuple[int, Period]] = field(default_factory=list)
    stated: set[int] = field(default_factory=set)  # ends of the refs whose year is written out
    clock: set[int] = field(default_factory=set)  # ends of the refs that are a time of day alone

    def tense(self, start: int, end: int, both_sides: bool = True) -> str | None:
        return tense_near(self.text, start, end, both_sides)

    def placement(self, start: int, end: int) -> str | None:
        """How to place a date written without its year: ``"since"`` (take the past one),
        ``"deadline"`` (the coming one), else the tense of the clause: ``"narrated"`` for a
        date of a past verb's own clause ("announced the start ... on 24 February"), which is
        the latest such date not after the anchor."""
        governed = governed_by(self.text, start)
        if governed:
            return governed
        tense = self.tense(start, end)
        if tense == "past" and narrated(self.text, start, end):
            return "narrated"
        return tense

    def stated_year(self, pos: int, within: int = 600) -> Period | None:
        """The latest date before ``pos`` whose year is written out with its month ("in
        February 2022", "on 21 February 2022"), to lend its year to a day written without one
        (a caption's "in early February 2022" just before "on 12 February"); None when none is
        within ``within`` characters, when a date placed by the anchor comes between (the
        narration is back in its own time), or when the latest is a year alone ("in 1994" is
        too vague to tell which January follows)."""
        for end, period in reversed(self.refs):
            if end > pos:
                continue
            if pos - end > within:
                return None
            if end in self.clock:
                continue  # "at 4.50am": a time of day read on the anchor's day says no year
            if end not in self.stated:
                return None  # a later date placed by the anchor: the narration is back in its time
            return period if period.precision in ("day", "week", "month") else None
        return None

    def last_ref(
        self, pos: int, within: int = 400, precisions: tuple[str, ...] = (), ended: bool = False
    ) -> Period | None:
        """The latest date resolved before ``pos`` (at most ``within`` characters back),
        optionally only one of the given precisions, and with ``ended`` only one that was over
        by the anchor (not a forecast)."""
        for end, period in reversed(self.refs):
            if end > pos:
                continue
            if pos - end > within:
                return None
            if ended and self.anchor is not None and period.end >= self.anchor:
                continue
            if not precisions or period.precision in precisions:
                return period
        return None

    def relative(self, period: Period | None, type_: str = "DATE") -> Resolved:
        """A result computed from the anchor (publication date)."""
        if period is None:
            return Resolved(type_, None, None, "unknown")  # type: ignore[arg-type]
        return Resolved(type_, period.value, period, "publication")  # type: ignore[arg-type]

    def from_ref(self, period: Period, ref: Period, type_: str = "DATE") -> Resolved:
        """A result computed from another date in the text."""
        return Resolved(type_, period.value, period, "ref", ref.start)  # type: ignore[arg-type]

    def anchor_day(self) -> Period | None:
        return day(self.anchor) if self.anchor else None


def absolute(period: Period, type_: str = "DATE") -> Resolved:
    return Resolved(type_, period.value, period, "text")  # type: ignore[arg-type]


def unresolved(value: str | None, type_: str = "DATE") -> Resolved:
    """Needed an anchor and had none: an X-pattern value (``XXXX-12-03``) or None."""
    return Resolved(type_, value, None, "unknown")  # type: ignore[arg-type]
