"""The tagger: run every rule over the text, keep the best non-overlapping matches, join times
of day to the day next to them, then resolve the expressions in text order.

Order of work (each step in its own function below):

1. ``_candidates``: every match of every rule whose guard accepts it.
2. ``_select``: the longest matches win; on equal length the rule listed first wins
   (absolute dates, then relative dates, then amounts).
3. ``_extend_modifiers``: "early", "late", "mid-", "the end of", "earlier", "later",
   "the week of" in front of a date join its span ("late November" is still ``2025-11``, its
   days narrowed to the last third of the month).
4. ``_merge_times``: a time of day next to a day becomes one TIME expression ("Tuesday
   night" ``2025-12-02TNI``, "5 p.m. EST, Nov. 6").
5. ``_resolve``: left to right, so that "the next day" or "a year earlier" can lean on the
   dates already found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from ...models import Span, TimeExpression
from . import absolute, amounts, anaphora, holidays, relative, scan
from . import calendar as cal
from .context import Context, Resolved
from .grammar import Rule

RULES: tuple[Rule, ...] = (*absolute.RULES, *holidays.RULES, *relative.RULES, *anaphora.RULES, *amounts.RULES)
_PRIORITY = {r.name: i for i, r in enumerate(RULES)}
# Rules whose expression can take "early", "late", "mid-", "the end of" ... in front.
_NOT_MODIFIABLE = {
    "ref_word",
    "within_period",
    "decade",
    "day_range",
    "day_range_dmy",
    "year_range",
    "year_end",
}
_MODIFIABLE = {
    r.name for r in (*absolute.RULES, *holidays.RULES, *relative.RULES) if r.name not in _NOT_MODIFIABLE
} | {"step_from_ref", "next_day"}
_PREFIX = re.compile(
    r"(?:(?P<pre>(?i:the\s+(?:very\s+)?(?:end|beginning|start|middle|turn|close)\s+of|the\s+week\s+of|"
    r"early|late|earlier|later|mid))[\s-]+|(?P<mid>(?i:mid))-)$"
)
_NARROW = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
    "close": "late",
}
_TIME_GAP = re.compile(r"\s*,?\s*(?:(?i:on|at|of|in\s+the)\s+)?\s*")
_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
# "the August 1988 cease-fire", "Putin's June 2024 speech": a date naming a thing, not the time
# the narration has moved to
_ATTRIBUTIVE = re.compile(r"(?:\b[Tt]he|['’]s)\s+$")
_MODEL_PRECISION = {"weekend": "week", "half": None}
# "the summer", "(the rest) of the month": read on the anchor for want of better, but in a story of
# an earlier year they are that year's; they do not bring the text back to its own time
_DEFINITE = frozenset({"the_season", "of_the_period"})


@dataclass
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    modifier: str | None = None
    time: _Candidate | None = None


def find_time_expressions(text: str, anchor: dt.date | dt.datetime | None) -> list[TimeExpression]:
    """Find the time expressions in ``text`` and normalise them against ``anchor``.

    ``anchor`` is the date the text is relative to, normally its publication date. Without
    one, relative expressions are still found but get no value (or an X-pattern such as
    ``XXXX-WXX-2``) and ``anchor_from="unknown"``: no year is guessed.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    chosen = _select(_candidates(text), len(text))
    chosen = _extend_modifiers(chosen, text)
    chosen = _merge_times(chosen, text)
    return _resolve(chosen, Context(text, anchor))


_BACK, _AHEAD = 120, 80  # how far a match may reach before and after its key word


def _windows(keys: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The stretches of text around the key words' occurrences (merged where they touch)."""
    out: list[tuple[int, int]] = []
    window: list[int] = []
    for k in keys.finditer(text):
        start, end = max(0, k.start() - _BACK), min(len(text), k.end() + _AHEAD)
        if window and start <= window[1]:
            window[1] = end
            continue
        if window:
            out.append((window[0], window[1]))
        window = [start, end]
    if window:
        out.append((window[0], window[1]))
    return out


@cache
def _finder(r: Rule) -> re.Pattern[str] | None:
    return scan.finder(r.pattern)


def _matches(
    r: Rule, text: str, windows: dict[str, list[tuple[int, int]]] | None = None
) -> Iterator[re.Match[str]]:
    """The pattern's matches; with key words, only in windows around them (merged).
    ``windows``: each key pattern's windows in ``text`` found so far (several rules share keys)."""
    finder = _finder(r)
    if r.keys is None:
        yield from scan.finditer(r.pattern, finder, text)
        return
    if windows is None:
        windows = {}
    found = windows.get(r.keys.pattern)
    if found is None:
        found = windows[r.keys.pattern] = _windows(r.keys, text)
    for start, end in found:
        yield from scan.finditer(r.pattern, finder, text, start, end)


def _candidates(text: str) -> list[_Candidate]:
    found = []
    windows: dict[str, list[tuple[int, int]]] = {}
    for r in RULES:
        for m in _matches(r, text, windows):
            if r.guard is not None and not r.guard(m, text):
                continue
            if callable(r.span_group):
                start, end = r.span_group(m)
            else:
                start, end = m.span(r.span_group) if r.span_group else m.span()
            if end > start:
                found.append(_Candidate(start, end, r, m))
    return found


def _select(candidates: list[_Candidate], length: int) -> list[_Candidate]:
    taken = bytearray(length + 1)
    chosen = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, _PRIORITY[c.rule.name], c.start)):
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _extend_modifiers(chosen: list[_Candidate], text: str) -> list[_Candidate]:
    previous_end = 0
    for c in chosen:
        if c.rule.name in _MODIFIABLE or c.rule.kind == "time":
            m = _PREFIX.search(text, max(previous_end, c.start - 40), c.start)
            if m is not None and m.end() == c.start:
                word = (m.group("pre") or m.group("mid")).lower().split()
                c.modifier = (
                    "week of"
                    if word[:3] == ["the", "week", "of"]
                    else _NARROW.get(word[-2] if word[0] == "the" else word[0], "")
                )
                c.start = m.start()
        previous_end = c.end
    return chosen


def _merge_times(chosen: list[_Candidate], text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if prev is not None and prev.time is None and {prev.rule.kind, c.rule.kind} == {"day", "time"}:
            if _TIME_GAP.fullmatch(text, prev.end, c.start):
                day, time = (prev, c) if prev.rule.kind == "day" else (c, prev)
                out[-1] = replace(day, start=prev.start, end=c.end, time=time)
                continue
        out.append(c)
    return out


def _resolve(chosen: list[_Candidate], ctx: Context) -> list[TimeExpression]:
    out = []
    for c in chosen:
        res = c.rule.resolve(c.match, ctx)
        if res is None:
            continue
        if c.time is not None:
            res = _with_time(res, c.time)
        res = _apply_modifier(res, c.modifier)
        if res.period is not None and res.topical and res.type in ("DATE", "TIME") and res.value not in _REFS:
            ctx.refs.append((c.end, res.period))
            if res.basis == "text" and not _ATTRIBUTIVE.search(ctx.text, max(0, c.start - 12), c.start):
                ctx.stated.add(c.end)  # a year written out that later days may take
            elif res.basis == "ref" and _leans_on_told(ctx, res.ref_date):
                ctx.narrated.add(c.end)  # its year is the one the text tells of: the narration goes on
            elif res.fallback or c.rule.name in _DEFINITE:
                ctx.quiet.add(c.end)
            if c.rule.kind == "time":
                ctx.clock.add(c.end)
        out.append(_to_model(c, res, ctx))
    return out


def _leans_on_told(ctx: Context, ref_date: dt.date | None) -> bool:
    """The date a result was computed from (the latest one starting on ``ref_date``) has its year
    from the text: written out, or itself placed by the narration."""
    for end, period in reversed(ctx.refs[:-1]):
        if period.start == ref_date:
            return end in ctx.stated or end in ctx.narrated
    return False


def _with_time(res: Resolved, time: _Candidate) -> Resolved:
    suffix = time.rule.suffix(time.match) if time.rule.suffix else None
    if suffix is None or res.value is None or "/" in res.value:
        return res
    return replace(res, type="TIME", value=res.value + suffix)


def _apply_modifier(res: Resolved, modifier: str | None) -> Resolved:
    if not modifier or res.period is None:
        return res
    if modifier == "week of":
        w = cal.week(res.period.start)
        return replace(res, value=w.value, period=w)
    return replace(res, period=res.period.narrowed(modifier))


def _to_model(c: _Candidate, res: Resolved, ctx: Context) -> TimeExpression:
    period = res.period
    precision = None
    if period is not None and res.type in ("DATE", "TIME") and res.value not in _REFS:
        precision = _MODEL_PRECISION.get(period.precision, period.precision)
    anchor = {"publication": ctx.anchor, "ref": res.ref_date}.get(res.basis)
    anchor_from = {"publication": "publication", "ref": "text", "text": "text"}.get(res.basis, "unknown")
    return TimeExpression(
        span=Span(c.start, c.end),
        text=ctx.text[c.start : c.end],
        type=res.type,
        value=res.value,
        precision=precision,  # type: ignore[arg-type]
        start=period.start if period else None,
        end=period.end if period else None,
        anchor=anchor,
        anchor_from=anchor_from,
    )
