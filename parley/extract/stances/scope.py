"""What a dossier's negotiation covers, so that news of another time or of other parties gives no
stances on its issues (for :mod:`.extract`):

- its time: an article published before the negotiation's period (the registry's
  :meth:`~parley.extract.registry.ActorRegistry.period`: the dossier's ``negotiation.from``, else
  a year before its first dated document) is about another time, and holds no stances at all
  (:meth:`Scope.before`);
- its parties: an issue whose description names sides ("Whether X gives up joining the bloc")
  concerns them, and an article that names none of them (no name, adjective or place of the side,
  no actor of it) nor any of the issue's cues that is a name ("the Y region") holds no stance on
  that issue; an issue whose description names no side, in an article that names no side at
  all, neither (:meth:`Scope.away`);
- a country in the clause: an issue's word aimed at a country that is none of the dossier's sides
  ("sanctions against X") is not the issue (:func:`another_country`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from spacy.tokens import Token

from parley.dossier import Dossier
from parley.extract.registry import ActorRegistry, fold, surname_of
from parley.extract.stances import lexicon as lx

W = lx.PERIOD
COUNTRY_ENTITIES = ("GPE",)


def _words_pattern(words: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    words = sorted({w for w in words if w.strip()}, key=len, reverse=True)
    if not words:
        return None
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<![\w-])(?:{alternation})s?(?![\w-])", flags)  # case kept: "IT" is not "it"


def surname(name: str) -> str:
    """A registered person's surname as written, the word the registry reads as one
    (:func:`~parley.extract.registry.surname_of`: the last word but a "Jr." or "III")."""
    words = name.split()
    last = surname_of(fold(name))
    return next((w for w in reversed(words) if fold(w) == last), words[-1] if words else name)


class Scope:
    def __init__(self, dossier: Dossier) -> None:
        registry = dossier.registry
        period = registry.period()
        self.start = period[0] if period is not None else None
        side_words = {s.id: (s.name, *s.adjectives, *s.places) for s in registry.sides.values()}
        named = {side: _words_pattern(words) for side, words in side_words.items()}
        people: dict[str, list[str]] = {side: [] for side in side_words}
        for spec in registry.specs.values():
            a = spec.actor
            if a.side in people:  # a person by surname too
                people[a.side] += [surname(n) if a.kind == "person" else n for n in (a.name, *a.aliases)]
        self._mentions = {side: _words_pattern((*words, *people[side])) for side, words in side_words.items()}
        self.parties = {  # issue id -> the sides its description names
            i.id: {side for side, p in named.items() if p is not None and p.search(i.description)}
            for i in dossier.issues
        }
        self._names = {  # issue id -> its cues that are names: the issue's own places
            i.id: _words_pattern((c for c in i.cues if c[:1].isupper()), re.IGNORECASE)
            for i in dossier.issues
        }

    def before(self, published: dt.date | None) -> bool:
        """Was the article published long before the negotiation (its first document) began?"""
        return self.start is not None and published is not None and published < self.start

    def away(self, text: str) -> set[str]:
        """The issues whose parties the article never names (an issue whose description names no
        side: no side at all), nor any of the issue's cues that is a name ("the Y region"): it cannot
        be about them."""
        named = {side for side, p in self._mentions.items() if p is not None and p.search(text)}
        return {
            issue
            for issue, sides in self.parties.items()
            if not (sides or set(self._mentions)) & named  # an issue of no side: of any side
            and not ((own := self._names[issue]) and own.search(text))
        }


def another_country(token: Token, registry: ActorRegistry, issue_at: Mapping[int, str]) -> bool:
    """Is the issue's word (``token``), or the object of a verb that is one, aimed at a country none
    of the dossier's sides is ("sanctions against X", "lift the sanctions on X")? A place that is
    itself an issue's word is the issue's own. (Not an owner, "X's territory", nor a place left,
    "withdraw from X": a region of a side is named so as well, and no list tells it from a country.)"""
    words = [token, *(c for c in token.children if c.dep_ == "dobj" and token.pos_ == "VERB")]
    named = [
        o
        for t in words
        for p in t.children
        if p.dep_ == "prep" and p.lower_ in W.target_prepositions
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for word in named:
        if word.ent_type_ not in COUNTRY_ENTITIES or word.i in issue_at:
            continue
        entity = next((e for e in word.doc.ents if e.start <= word.i < e.end), None)
        words = list(entity) if entity is not None else [word]
        if any(w.i in issue_at for w in words):
            continue
        name = " ".join(w.text for w in words if w.pos_ != "DET")
        if registry.side_of_word(name) or registry.place_side(name):
            continue
        if any(registry.side_of_word(w.text) or registry.place_side(w.text) for w in words):
            continue
        return True
    return False
