"""Quantities the sources may disagree on: a number next to one of the words of a kind in
``quantities`` of ``parley/data/contested.yaml`` ("an army of 800,000", "capped at 600,000
personnel", "a 28-point plan", "about 90 percent agreed", "20% of Ukraine").

A percentage is compared per thing counted ("of the Donbas", "of Ukraine"), or as "share
agreed" when a word of agreement follows it; a kind with ``by_region`` (an area regained) per
compass region its sentence names ("in the southern region", "those southern gains": south), and
not at all in a sentence naming none or two; a kind with ``exact`` does not compare a floor or a
ceiling ("at least 168 square kilometres" does not disagree with 300); the other kinds are
compared as one quantity. A unit may follow the number without a space ("400sq km").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from parley.reconcile.claim_words import Words, phrase_pattern
from parley.reconcile.facts import numbers

_NUMBER = (
    r"(?P<n>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion))?"
)
_OBJECT = re.compile(r"^\s+of\s+(?:the\s+|its\s+|all\s+)?(?P<obj>[\w’'-]+(?:\s+[A-Z][\w-]+)?)")
_YEAR = re.compile(r"^(19|20)\d\d$")
_REGION = re.compile(r"\b(north|south)?-?(east|west)?(?:ern|erly)?\b", re.IGNORECASE)
_BOUND = re.compile(
    r"\b(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|upwards\s+of)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    kind: str  # the kind's name: "army size", "percent"
    topic: str  # what is counted: "" for kinds compared as one, "the donbas", "agreed"
    value: float
    start: int  # the number and its words, in the text given
    end: int
    at: int = 0  # where the number itself starts

    @property
    def subject(self) -> str:
        if self.kind == "percent":
            return "share agreed" if self.topic == "agreed" else f"percent of {self.topic}"
        return f"{self.kind} ({self.topic})" if self.topic else self.kind

    @property
    def shown(self) -> str:
        value = f"{self.value:,.0f}" if self.value.is_integer() else f"{self.value:g}"
        return f"{value} %" if self.kind == "percent" else value


@cache
def _number_patterns(units: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number followed by one of the unit words, and one of them followed by a number."""
    glued = units.replace(r"(?<![\w-])", r"(?<![^\W\d]|-)")  # "400sq km": a digit may come right before
    after = re.compile(_NUMBER + r"\s*-?\s*(?:[A-Za-z’'-]+\s+){0,2}?(?P<unit>" + glued + ")", re.I)
    before = re.compile(r"(?P<unit>" + units + r")\s+(?:of|at)\s+(?:about\s+|some\s+)?" + _NUMBER, re.I)
    return after, before


_DIGIT = re.compile(r"\d")


def quantities_in(words: Words, text: str) -> list[Quantity]:
    if not _DIGIT.search(text):
        return []  # every quantity is written with a digit
    found: list[Quantity] = []
    for kind, spec in words.quantities.items():
        if spec.get("context") and not phrase_pattern(spec["context"]).search(text):
            continue
        units = phrase_pattern(spec.get("words") or ())
        agreed = phrase_pattern(spec.get("agreed") or ())
        after, before = _number_patterns(units.pattern)
        for m in (*after.finditer(text), *before.finditer(text)):
            value = _value(m.group("n"), m.group("scale"))
            if value is None or _YEAR.match(m.group("n")) or not _within(value, spec):
                continue
            topic = ""
            if spec.get("exact") and _BOUND.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # "at least 168.9": a floor, not a figure to compare
            if spec.get("by_region"):
                topic = region(text)
                if not topic:
                    continue  # no region or two: what is counted is not known
            elif spec.get("by_object"):
                tail = text[m.end() : m.end() + 100]
                clause = re.split(r"[,;.:]", tail, maxsplit=1)[0]
                if agreed.search(" ".join(clause.split()[:12])):
                    topic = "agreed"
                elif obj := _OBJECT.match(tail):
                    topic = obj.group("obj").casefold()
                else:
                    continue  # a percentage of nothing named: not comparable
                if spec.get("objects") and topic not in spec["objects"]:
                    continue
            found.append(Quantity(kind, topic, value, m.start(), m.end(), m.start("n")))
    return _unique(found)


def region(text: str) -> str:
    """The one compass region a sentence names ("southern" and "the south": south; "the
    south-east": southeast), or "" when it names none or two different ones."""
    found = {
        (m.group(1) or "").casefold() + (m.group(2) or "").casefold()
        for m in _REGION.finditer(text)
        if m.group(1) or m.group(2)
    }
    return found.pop() if len(found) == 1 else ""


def _value(raw: str, scale: str | None) -> float | None:
    values = numbers(raw + (f" {scale}" if scale else ""))
    return values[0] if values else None


def _within(value: float, spec: dict) -> bool:
    low, high = spec.get("min"), spec.get("max")
    return (low is None or value >= float(low)) and (high is None or value <= float(high))


def _unique(found: list[Quantity]) -> list[Quantity]:
    """One quantity per number: the first kind that read it."""
    seen: set[int] = set()
    kept = []
    for q in sorted(found, key=lambda q: (q.at, q.end - q.start)):
        if q.at not in seen:
            seen.add(q.at)
            kept.append(q)
    return kept
