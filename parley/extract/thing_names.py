"""Names the small model calls a person's that are a company's, a thing's or a place's, read from
the rest of the article (for :mod:`parley.extract.mentions`, before its own checks):

- a name the article writes elsewhere with a company's closing word after it ("Roe Truck" and
  "Roe Truck Corp.", "Jane Roe & Partners": ``company_legal_forms`` and ``company_closing_words``
  of ``names.yaml``), or a name of two words or more with one or two capitalised words and then
  one ("Roe Insurance" and "Roe Insurance Group Inc."), is the company's (ORG), unless a courtesy
  title comes before its last word somewhere ("Mr. Roe") or it is a registered person's; so is
  a name that is, or starts, one half of a body's name joined by "&" ("Roe Federal Savings &
  Loan Association" ... "Roe rose 25 cents", "the Doe Country Club & Golf Course"), a name with
  initials for a given name the article tags an organisation's however it dots them ("J.R. Roe"
  and "J.R Roe"), and a name whose first word the article tags alone as an organisation's and
  which starts another of its organisations' or products' names ("Roe Pay" beside "Roe" and "Roe
  Watch": the firm's product);
- a name of two words ending in one capital letter after "the" ("the Roe S") is a product's model;
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
from parley.extract.registry import COURTESY_TITLES, ActorRegistry, _names_yaml, fold, name_list
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
        self.joined: list[list[str]] = []  # the people's names that are half a body's ("Roe & Co")
        # a person's name and the body's name after "&" the model split one name into: the whole
        # name, by the first half's start, and the second half's start ("Roe Savings" + "Loan
        # Association"), so the body is one mention and not half of another body's name
        self.whole: dict[int, SpacySpan] = {}
        self.second_halves: set[int] = set()
        ents = list(doc.ents)
        for e, after in zip(ents, ents[1:], strict=False):
            if e.label_ == "PERSON" and _halves(e, after):
                self.whole[e.start] = SpacySpan(doc, e.start, after.end, label="ORG")
                self.second_halves.add(after.start)
        for e in ents:
            self.tags.setdefault(fold(_bare(e.text)), Counter())[e.label_] += 1
            if e.label_ == "PERSON" and self._joined_to_body(e):
                self.joined.append(_bare(e.text).split())
            elif e.label_ in ("ORG", "FAC") and (half := _first_half(e)):
                self.joined.append(half)
            if e.label_ == "PERSON" and len(words := _bare(e.text).split()) >= 2:
                self.full.add((fold(words[0]), fold(words[-1])))

    def of(self, ent: SpacySpan) -> tuple[SpacySpan, str]:
        """The name's words and the label they are read with (:data:`NO_ONE` for no one's)."""
        if ent.label_ != "PERSON":
            return ent, NO_ONE if ent.start in self.second_halves else ent.label_
        if (whole := self.whole.get(ent.start)) is not None:
            return whole, "ORG"  # "Roe Federal Savings & Loan Association", split by the model
        ent = self._without_nationality(without_glued_words(ent))
        if not len(ent):
            return ent, NO_ONE
        name = _bare(ent.text)
        if self.registry.match_name(name, person=True):
            return ent, "PERSON"
        if self._company(name) or self._joined(name) or self._initials_of_a_body(name) or self._a_brand(name):
            return ent, "ORG"
        words = [fold(w) for w in name.split()]
        if len(words) == 2 and words[0] in place_words(self.doc) and self._other_full(words[1], words[0]):
            return ent, NO_ONE  # "the Oakdale Roe family": a place before another person's surname
        if _a_model(ent):
            return ent, NO_ONE  # "the Roe S": a product's model, no one
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

    def _joined(self, name: str) -> bool:
        """Whether the name, or it and one or two capitalised words after it, is one half of a
        body's name joined by "&" somewhere in the article (:func:`_joined_to_body`: "Roe
        Federal Savings & Loan Association" ... "Roe rose 25 cents"), and never comes after a
        courtesy title."""
        words = name.split()
        if not any(j[: len(words)] == words and len(j) - len(words) <= 2 for j in self.joined):
            return False
        return _titled(words[-1]).search(self.text) is None

    @staticmethod
    def _joined_to_body(ent: SpacySpan) -> bool:
        """Whether the name is one half of a body's name joined by "&" (or an "amp" that lost its
        marks): after an organisation's or a building's name ("the Roe Country Club & Golf
        Course"), or before capitalised words that end as a body's name does ("Roe Federal
        Savings & Loan Association"); not "Jane Roe & John Doe"."""
        doc = ent.doc
        if ent.start >= 2 and doc[ent.start - 1].lower_ in _AMPERSAND:
            if doc[ent.start - 2].ent_type_ in ("ORG", "FAC"):
                return True
        i = ent.end
        if i >= len(doc) or doc[i].lower_ not in _AMPERSAND:
            return False
        run = []
        for t in doc[i + 1 : i + 5]:
            if not (t.is_alpha and t.text[:1].isupper()):
                break
            run.append(fold(t.text))
        return bool(run) and run[-1] in name_list("organisation_last_words")

    def _a_brand(self, name: str) -> bool:
        """Whether the name's first word is an organisation's name in the article: tagged an
        organisation's alone twice or more and never a person's, and the first word of another
        name it tags an organisation's or a product's ("Roe" alone, "Roe Watch": "Roe Pay" is
        one of the firm's products, not a person whose first name is "Roe")."""
        words = fold(name).split()
        if len(words) < 2:
            return False
        alone = self.tags.get(words[0], Counter())
        if alone["ORG"] < 2 or alone["PERSON"]:
            return False
        return any(
            w[0] == words[0] and len(w) >= 2 and w[: len(words)] != words and (tags["ORG"] or tags["PRODUCT"])
            for written, tags in self.tags.items()
            if (w := written.split())
        )

    def _initials_of_a_body(self, name: str) -> bool:
        """Whether a name whose given name is initials alone ("J.R Roe") is one the article tags an
        organisation's at least as often as a person's, however the initials are written
        ("J.R. Roe" a bank's elsewhere): a firm named after its founder, not someone."""
        words = name.split()
        if len(words) < 2 or not _INITIALS.fullmatch(words[0]):
            return False
        key = _squeezed(name)
        tags = Counter[str]()
        for written, counted in self.tags.items():
            if _squeezed(written) == key:
                tags.update(counted)
        return tags["ORG"] >= tags["PERSON"]

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


def _a_model(ent: SpacySpan) -> bool:
    """Whether a name of two words ending in one capital letter with no dot after it comes right
    after "the" or "a" and qualifies no noun after it ("Roe makes one car, the Roe S, and"): a
    product's model, as no one is written (a person's initial takes a dot; "Malcolm X" is
    written without "the")."""
    doc, start = ent.doc, ent.start
    if len(ent) == 3 and ent[0].lower_ in _DETERMINERS:
        start += 1  # the model took "the" into the name
    last = ent[-1].text
    if ent.end - start != 2 or len(last) != 1 or not last.isupper() or start == 0:
        return False
    if doc[start - 1].lower_ not in _DETERMINERS:
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is None or (after.text != "." and not (after.pos_ == "NOUN" and ent.root.head.i == after.i))


def _halves(first: SpacySpan, second: SpacySpan) -> bool:
    """Whether a person's name and an organisation's right after it with "&" between are one
    body's name split by the model ("Roe Federal Savings" & "Loan Association")."""
    return (
        second.label_ in ("ORG", "FAC")
        and second.start == first.end + 1
        and first.doc[first.end].lower_ in _AMPERSAND
        and fold(second[-1].text) in name_list("organisation_last_words")
    )


def _first_half(ent: SpacySpan) -> list[str]:
    """The words before "&" of a body's name the model found whole that ends as one does ("Roe
    Federal Savings & Loan Association": "Roe Federal Savings"), else none."""
    words = [t.text for t in ent if t.lower_ != "the"]
    joins = [i for i, w in enumerate(words) if w.lower() in _AMPERSAND]
    if not joins or fold(words[-1]) not in name_list("organisation_last_words"):
        return []
    return words[: joins[0]]


_DETERMINERS = frozenset({"the", "a"})
_AMPERSAND = frozenset({"&", "amp", "&amp;"})
_INITIALS = re.compile(r"(?:[A-Z]\.?){2,3}")


def _squeezed(name: str) -> str:
    """A name folded without its dots and spaces: "J.R Roe" and "J.R. Roe" are one."""
    return re.sub(r"[.\s]", "", fold(name))


def _bare(text: str) -> str:
    """A name without the possessive after it."""
    return re.sub(r"['’]s?$", "", text.strip())


def _occurrences(name: str, text: str):
    return re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
