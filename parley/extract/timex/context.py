"""What a resolver is given (:class:`Context`) and what it gives back (:class:`Resolved`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from .calendar import Period, day
from .tense import governed_by, narrated, tense_near

Basis = Literal["text", "publication", "ref", "unknown"]

# A text tells of a time before its own when the date it has established lies in an earlier year
# than its publication and this long before it (else the anchor places its dates as well).
OLD_NARRATION_DAYS = 180
# How far a year written out reaches, within its paragraph: about four sentences of news prose.
STATED_REACH = 600
# How far a date placed by the narration reaches, across paragraphs: a text that has dated
# events in an earlier year by it keeps that year through a few paragraphs with no date (a
# retrospective tells a day, then three or four paragraphs of what happened, then the next day).
NARRATED_REACH = 2500
_RANGE_JOIN = re.compile(r"\s*(?:and|to|through|until|till|-|–)\s+(?:(?:early|mid|late|the)[\s-]+)?", re.I)


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
    # True for a date counted from the anchor for want of an earlier date to count from ("a week
    # later", "the next day" with none before them): it does not bring the text back to its time
    fallback: bool = False


@dataclass
class Context:
    """The text being tagged, its anchor, and the dates resolved so far (in text order)."""

    text: str
    anchor: dt.date | None
    refs: list[tuple[int, Period]] = field(default_factory=list)
    stated: set[int] = field(default_factory=set)  # ends of the refs whose year is written out
    clock: set[int] = field(default_factory=set)  # ends of the refs that are a time of day alone
    narrated: set[int] = field(default_factory=set)  # ends of the refs whose year the narration gave
    quiet: set[int] = field(default_factory=set)  # ends of the refs from the anchor for want of a date

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

    def told_time(self, pos: int, anaphoric: bool = False) -> tuple[int, Period] | None:
        """The narrative reference time at ``pos``: the latest date before it whose year the text
        itself tells, either written out with its month ("in February 2022", "on 21 February
        2022"; or its season, "the spring of 2021", within its paragraph; a year alone, "in 2022",
        "since 2014", is passed over) or taken from such a date
        by narration (``narrated``: "on 12 February" placed in 2022,
        "the next day" after it). None when a date placed by the anchor comes between (the text
        is back in its own time: "on Monday", "this week", "in January" read as the anchor's),
        or when the latest is out of reach:

        * a year written out reaches to the end of its paragraph (``STATED_REACH`` characters at
          most), and across a line break only from a caption (a line with no full stop:
          "Soldiers near the river in March 2019. Photograph: agency"): a past year named in
          one paragraph of ordinary news says nothing of "on 24 February" in the next;
        * a date the narration has already placed in that year reaches ``NARRATED_REACH``
          characters, across paragraphs: a text that has gone on telling of that year keeps
          telling of it until a date of its own time says otherwise;
        * for words that must lean on an earlier date (``anaphoric``: "the next day", "at
          midnight") a year written out reaches as far: they have nothing else to lean on.

        Clock times and dates computed from the anchor for want of an earlier date ("a week
        later" with none before it) neither tell a year nor bring the text back (``quiet``)."""
        for end, period in reversed(self.refs):
            if end > pos:
                continue
            if end in self.clock or end in self.quiet:
                continue
            if end not in self.narrated and end not in self.stated:
                return None  # a later date placed by the anchor: the narration is back in its time
            if period.precision == "season" and end in self.stated:
                # "in the spring of 2021 ... due on 21 April": a season of a year written out
                # sets the year like a full date, in its paragraph; beyond it, it is passed over
                # ("as in spring 1941", a comparison in passing, does not end the story's year)
                if pos - end <= STATED_REACH and self._same_paragraph(end, pos):
                    return end, period
                continue
            if period.precision not in ("day", "week", "month"):
                if end in self.narrated:
                    return None  # "the following year": the narration has moved on, to no month
                continue  # "in 1994", "since 2014": too vague to tell which January follows
            if end in self.narrated or anaphoric:
                return (end, period) if pos - end <= NARRATED_REACH else None
            if pos - end > STATED_REACH or not self._same_paragraph(end, pos):
                return None
            return end, period
        return None

    def narrative_ref(self, pos: int, anaphoric: bool = False) -> Period | None:
        """:meth:`told_time`, when it lies in an earlier year than the anchor and well before it
        (``OLD_NARRATION_DAYS``): a text telling of a time before its own, whose dates written
        without a year take that time's year rather than the anchor's."""
        told = self.told_time(pos, anaphoric)
        if told is None or self.anchor is None:
            return None
        ref = told[1]
        if ref.start.year >= self.anchor.year or (self.anchor - ref.end).days < OLD_NARRATION_DAYS:
            return None
        return ref

    def range_end(self, pos: int) -> bool:
        """``pos`` follows the latest date as the end of a range ("between February 2022 and
        December", "from 21 February to 24 February"): it is not before it."""
        ends = [end for end, _ in self.refs if end <= pos]
        return bool(ends) and bool(_RANGE_JOIN.fullmatch(self.text, max(ends), pos))

    def _same_paragraph(self, end: int, pos: int) -> bool:
        """No line break between ``end`` and ``pos``, or only that of a caption line: a line
        ending without a full stop, question or exclamation mark (a photo credit, a heading)."""
        breaks = [i for i in range(end, pos) if self.text[i] == "\n"]
        if not breaks:
            return True
        line_start = self.text.rfind("\n", 0, end) + 1
        line = self.text[line_start : breaks[0]].rstrip()
        caption = not re.search(r"[.!?][\"'’”)]*$", line)
        between = self.text[breaks[0] : breaks[-1]]
        return caption and not between.strip()  # the caption's line, then the paragraph at once

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
