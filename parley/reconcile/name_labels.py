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
(:func:`described_as_thing`); nor is one the words around it show a thing's or a group's, and
none a person's (:meth:`NameLabels.kind_of`, :mod:`parley.reconcile.thing_words`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Literal

from parley.extract.registry import fold, name_list
from parley.models import Article, Mention
from parley.reconcile.thing_words import (
    a_model_after_the,
    a_persons_signs,
    group_members_after,
    product_pieces,
)

PLACE_LABELS = ("GPE", "LOC", "FAC")
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:his|her|its|their|our|my|your|the|a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
# where a role's head noun ends: a comma, or a word that starts what qualifies it
_HEAD_ENDS = re.compile(
    r",|\s(?:of|for|at|with|in|from|on|to|by|that|which|who|whose|and|or|since|until)\s", re.IGNORECASE
)
_WORD = re.compile(r"[\w'’-]+")
FIRM_ARTICLES = 5
FIRM_TIMES = 10


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

    def kind_of(self, mentions: list[Mention]) -> Literal["group", "thing"] | None:
        """What the words around a person's mentions show the name is, when not a person's
        (:mod:`parley.reconcile.thing_words`): a group's, when its members follow it ("Roe Haram
        militants"), a thing's, when it is a model's code after "the" ("the Model S") or a firm's
        product ("Roe Pay"); None when they show neither, or a mention has a role or a verb of
        saying."""
        text = self._texts()
        kind: Literal["group", "thing"] | None = None
        if group_members_after(mentions, text):
            kind = "group"
        elif a_model_after_the(mentions, text) or self._a_firms_product(mentions, text):
            kind = "thing"
        return None if kind is None or a_persons_signs(mentions, text) else kind

    def _a_firms_product(self, mentions: list[Mention], text: Callable[[str], str]) -> bool:
        """Whether every full name starts with a firm's name (:meth:`_a_firm`) and no word after it
        is a surname used alone, here or in any other mention the model tags a person's ("Roe Pay"
        and "Roe Watches" of the firm Roe; not "Roe Smith", whom the article calls "Smith")."""
        full = [m for m in mentions if len(m.text.split()) >= 2]
        if not full or not all(self._a_firm(m.text.split()[0]) for m in full):
            return False
        pieces = product_pieces(mentions, text)
        rest = {fold(w) for m in full for w in m.text.split()[1:]}
        return pieces is not None and all(self.person[w] <= pieces[w] for w in rest)

    def _a_firm(self, word: str) -> bool:
        """Whether the model calls a word alone an organisation all over the corpus: in
        ``FIRM_ARTICLES`` articles or more, ``FIRM_TIMES`` times as often as a person or more (a
        given name it tags an organisation's now and then is not)."""
        found = self.body.get(fold(word), ())
        return len({m.article_id for m in found}) >= FIRM_ARTICLES and len(found) >= FIRM_TIMES * max(
            1, self.person[fold(word)]
        )

    def _texts(self) -> Callable[[str], str]:
        """An article's text by its id, each read once for the one name (not kept for the corpus)."""
        texts: dict[str, str] = {}

        def text(article_id: str) -> str:
            if article_id not in texts:
                article = self._articles(article_id) if self._articles is not None else None
                texts[article_id] = article.text if article is not None else ""
            return texts[article_id]

        return text

    def _as_bodies(self, mentions: list[Mention]) -> int:
        """How many of a name's mentions as an organisation's do not qualify a noun ("his Roe
        ringtone": a determiner before the name, a lower-case word after it)."""
        count = 0
        texts = self._texts()
        for m in mentions:
            text = texts(m.article_id)
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
