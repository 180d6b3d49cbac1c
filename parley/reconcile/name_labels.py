"""What the small model calls a name across the corpus, to tell a person's name from a place's or an
organisation's that it sometimes tags a person's.

A name the registry does not list is no person when the model calls it a place (GPE, LOC, FAC)
more often than a person ("X Yar"), or an organisation more often than a person (a company
named after its founder: "Roe Flakes said ... Roe Flakes' plant ... at Roe Flakes"). A name
between a determiner and a common noun ("his Jane Roe ringtone", "the Roe Flakes brand") qualifies
the noun, and its label says nothing of what the name is: it is not counted as an organisation's.

A person the model found whose every mention comes with a role saying what kind of thing or body
the name is ("South Korean newspaper Roe Ilbo", "Roe Insights, a trade newsletter": the role's
head noun, in lower case, one of ``thing_role_nouns`` of names.yaml) is no one
(:func:`described_as_thing`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from parley.extract.registry import fold, name_list
from parley.models import Article, Mention

PLACE_LABELS = ("GPE", "LOC", "FAC")
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:his|her|its|their|our|my|your|the|a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
# where a role's head noun ends: a comma, or a word that starts what qualifies it
_HEAD_ENDS = re.compile(
    r",|\s(?:of|for|at|with|in|from|on|to|by|that|which|who|whose|and|or|since|until)\s", re.IGNORECASE
)
_WORD = re.compile(r"[\w'’-]+")


class NameLabels:
    """How often the model gives each unregistered name a person's, a place's and a body's label;
    ``articles`` (an id -> the article) shows the words around a name, read only for a name the
    model calls an organisation more often than a person."""

    def __init__(self, articles: Callable[[str], Article | None] | None = None) -> None:
        self.person: Counter[str] = Counter()
        self.place: Counter[str] = Counter()
        self.body: dict[str, list[Mention]] = defaultdict(list)
        self._articles = articles
        self._bodies: dict[str, int] = {}  # a name -> its mentions as an organisation's that count

    def see(self, m: Mention) -> None:
        """Count a mention the registry gave no actor."""
        name = fold(m.text)
        if m.label == "PERSON":
            self.person[name] += 1
        elif m.label in PLACE_LABELS:
            self.place[name] += 1
        elif m.label == "ORG":
            self.body[name].append(m)

    def a_person(self, m: Mention) -> bool:
        """Whether the model calls the mention's name a person's at least as often as a place's,
        and at least as often as an organisation's."""
        name = fold(m.text)
        if self.place[name] > self.person[name]:
            return False
        if len(self.body.get(name, ())) <= self.person[name]:
            return True
        if name not in self._bodies:
            self._bodies[name] = self._as_bodies(self.body[name])
        return self._bodies[name] <= self.person[name]

    def _as_bodies(self, mentions: list[Mention]) -> int:
        """How many of a name's mentions as an organisation's do not qualify a noun ("his Roe
        ringtone": a determiner before the name, a lower-case word after it)."""
        texts: dict[str, str] = {}
        count = 0
        for m in mentions:
            if m.article_id not in texts:
                article = self._articles(m.article_id) if self._articles is not None else None
                texts[m.article_id] = article.text if article is not None else ""
            text = texts[m.article_id]
            qualifies = (
                text[m.span.start : m.span.end] == m.text
                and _DETERMINER_BEFORE.search(text, max(0, m.span.start - 16), m.span.start) is not None
                and _NOUN_AFTER.match(text, m.span.end) is not None
            )
            count += not qualifies
        return count


def thing_role(role: str | None) -> bool:
    """Whether a role says what kind of thing or body a name is: its head noun (the last word
    before a comma or a word like "of", "that") is one of ``thing_role_nouns``, written in lower
    case ("streaming service", "a trade newsletter"; not "Salem Radio's", nor "Provincial
    Council", a body a person belongs to)."""
    if not role or role.rstrip().endswith(("'s", "’s", "'", "’")):
        return False
    words = _WORD.findall(_HEAD_ENDS.split(role, maxsplit=1)[0])
    return bool(words) and words[-1].islower() and words[-1] in name_list("thing_role_nouns")


def described_as_thing(mentions: Iterable[Mention]) -> bool:
    """Whether every one of a person's mentions comes with a role saying what thing or body the
    name is (:func:`thing_role`): the name is that thing's, no one's."""
    roles = [m.role for m in mentions]
    return bool(roles) and all(thing_role(r) for r in roles)
