"""Names the small model calls a person's that are a company's, a thing's or a place's, read from
the rest of the article (for :mod:`parley.extract.mentions`, before its own checks):

- a name the article writes elsewhere with a company's closing word after it ("Roe Truck" and
  "Roe Truck Corp.", "Jane Roe & Partners": ``company_legal_forms`` and ``company_closing_words``
  of ``names.yaml``), or a name of two words or more with one or two capitalised words and then
  one ("Roe Insurance" and "Roe Insurance Group Inc."), is the company's (ORG), unless a courtesy
  title comes before its last word somewhere ("Mr. Roe") or it is a registered person's;
- a name the model tags a product's, a work's, a building's or a place's elsewhere in the article
  more often than a person's, or one in a list with products or with companies alone ("Roe Flakes,
  Doe Puffs and Fen Crisps"), is no one;
- a name of two words that is a place the article writes alone after "in" (or another preposition
  of place) and the surname of a person it names in full ("the Oakdale Roe family") is no one
  (nor is that place a first name before the surname: :func:`parley.extract.surnames.place_words`);
- the marks a line began with ("--- Jane Roe") are no part of the name, nor is a word in capitals
  after it ("Jane Roe TWA": the name of what the person flies for, glued on by a lost break;
  :func:`parley.extract.name_kinds.without_glued_words`);
- a word for a nationality (a side's adjective in the dossier, or a word the model tags a
  nationality's alone in the article) never ends a person's name when it qualifies the noun after
  the name ("to grant Ana Southlandish citizenship": "Ana").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from parley.extract.name_kinds import without_glued_words
from parley.extract.registry import COURTESY_TITLES, ActorRegistry, _names_yaml, fold
from parley.extract.surnames import place_words
from parley.nlp import text_of

NO_ONE = "THING"  # the label of a name that is no one's: no entity label the mentions keep
_THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "FAC", "LOC", "GPE", "EVENT"})


@cache
def _closing(between: bool = False) -> re.Pattern[str]:
    """A company's closing word after a name (``company_legal_forms`` and ``company_closing_words``
    of names.yaml, read once): "Roe Corp.", "Roe, Inc.", "Roe & Co.", "Roe amp Partners" (an
    "&amp;" that lost its marks); with ``between``, also after one or two capitalised words and
    no comma ("Roe Insurance Group Inc.")."""
    listed = (w for k in ("company_legal_forms", "company_closing_words") for w in _names_yaml().get(k) or ())
    words = sorted({str(w) for w in listed}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    gap = r"(?:,|(?:\s+[A-Z][\w'’-]*){1,2})?" if between else ",?"
    return re.compile(rf"{gap}\s+(?:(?:&|amp|&amp;)\s+)?(?:{alternatives})(?![\w-])")


@lru_cache(maxsize=1024)
def _titled(last: str) -> re.Pattern[str]:
    """A courtesy title before the word ``last``, one word between them at most ("Mr. Roe",
    "Mrs. Jane Roe"): compiled once a word."""
    titles = "|".join(sorted(COURTESY_TITLES))
    return re.compile(rf"\b(?:{titles})\.?\s+(?:\S+\s+)?{re.escape(last)}\b", re.IGNORECASE)


class ThingNames:
    """What one article says of the names in it (see the module)."""

    def __init__(self, doc: Doc, registry: ActorRegistry) -> None:
        self.doc, self.registry, self.text = doc, registry, text_of(doc)
        self.tags: dict[str, Counter[str]] = {}
        self.full: set[tuple[str, str]] = set()  # (first word, last word) of the people named in full
        for e in doc.ents:
            self.tags.setdefault(fold(_bare(e.text)), Counter())[e.label_] += 1
            if e.label_ == "PERSON" and len(words := _bare(e.text).split()) >= 2:
                self.full.add((fold(words[0]), fold(words[-1])))

    def of(self, ent: SpacySpan) -> tuple[SpacySpan, str]:
        """The name's words and the label they are read with (:data:`NO_ONE` for no one's)."""
        if ent.label_ != "PERSON":
            return ent, ent.label_
        ent = self._without_nationality(without_glued_words(ent))
        if not len(ent):
            return ent, NO_ONE
        name = _bare(ent.text)
        if self.registry.match_name(name, person=True):
            return ent, "PERSON"
        if self._company(name):
            return ent, "ORG"
        words = [fold(w) for w in name.split()]
        if len(words) == 2 and words[0] in place_words(self.doc) and self._other_full(words[1], words[0]):
            return ent, NO_ONE  # "the Oakdale Roe family": a place before another person's surname
        tags = self.tags.get(fold(name), Counter())
        if sum(n for label, n in tags.items() if label in _THING_LABELS) > tags["PERSON"] > 0:
            return ent, NO_ONE  # "Roe Flakes" a product twice, "a person" once
        if self._listed_with_things(ent):
            return ent, NO_ONE
        return ent, "PERSON"

    def _without_nationality(self, ent: SpacySpan) -> SpacySpan:
        """The name without a word for a nationality at its end that qualifies the common noun
        right after the name ("Ana Southlandish citizenship")."""
        if len(ent) < 2:
            return ent
        last = ent[-1]
        word = last.text
        nationality = (self.registry.side_of_word(word) and not self.registry.place_side(word)) or (
            "NORP" in self.tags.get(fold(word), ())
        )
        head = last.head
        qualifies = head.i == ent.end and head.pos_ == "NOUN" and head.text.islower()
        if nationality and qualifies and word[:1].isupper():
            return SpacySpan(ent.doc, ent.start, ent.end - 1, label=ent.label)
        return ent

    def _other_full(self, surname: str, first: str) -> bool:
        """Whether the article names a person in full with that surname and another first word."""
        return any(last == surname and given != first for given, last in self.full)

    def _company(self, name: str) -> bool:
        """Whether the article writes the name with a company's closing word after it (a name of
        two words or more also with one or two capitalised words between), and never a courtesy
        title before its last word. A one-word name with words between is often a family's
        ("Roe" of "Roe Brothers Inc."), so it is left as the model reads it."""
        words = name.split()
        closing = _closing(len(words) >= 2)
        closed = (closing.match(self.text, m.end()) for m in _occurrences(name, self.text))
        if not words or not any(closed):
            return False
        return _titled(words[-1]).search(self.text) is None

    def _listed_with_things(self, ent: SpacySpan) -> bool:
        """Whether the name is one of a list of names the model tags a product's, or of two
        others or more it tags companies' alone ("Roe Flakes, Doe Puffs and Fen Crisps")."""
        root = ent.root
        top = root
        while top.dep_ == "conj" and top.head.i < top.i:
            top = top.head
        members = [t for t in top.subtree if t.i == top.i or (t.dep_ == "conj" and t.i != root.i)]
        labels = [t.ent_type_ for t in members if not (ent.start <= t.i < ent.end)]
        if not labels or "PERSON" in labels or "" in labels:
            return False
        return "PRODUCT" in labels or (len(labels) >= 2 and set(labels) == {"ORG"})


def _bare(text: str) -> str:
    """A name without the possessive after it."""
    return re.sub(r"['’]s?$", "", text.strip())


def _occurrences(name: str, text: str):
    return re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
