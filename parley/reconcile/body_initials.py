"""An abbreviation and the body's name it abbreviates, heard in different articles: "the FBI" in
one and "the Federal Bureau of Investigation" in another are one body when the abbreviation, in
capitals, is exactly the initials of the name (small words such as "of", "and", "the" skipped; a
country's word before the name, "U.S." or "British", may be left out of the initials; a closing
"& Co." or "Inc.", ``company_legal_forms`` of ``names.yaml``, is no part of them) and just one
body heard so far fits (:class:`BodyInitials`, for :class:`parley.reconcile.bodies.Bodies`). An
abbreviation some other name already spells out takes no second one: two bodies are never made
one."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache

from parley.extract.registry import ActorRegistry, _names_yaml, fold
from parley.models import Actor
from parley.reconcile.actors import acronym, initials
from parley.reconcile.body_names import FUNCTION_WORDS

_DOTTED = re.compile(r"^(?:[A-Z]\.){2,3}$")  # "U.S.", "U.K."


@cache
def _closing() -> re.Pattern[str]:
    """The words that close a company's name and are left out of its initials ("Roe & Co.",
    "Roe Truck Corp.", "Roe L.P."): a legal form written short, or "Company" after "&"."""
    forms = sorted((str(w) for w in _names_yaml().get("company_legal_forms") or ()), key=len, reverse=True)
    short = "|".join(r"\.?".join(map(re.escape, w)) if w.isupper() else re.escape(w) for w in forms)
    return re.compile(rf",?\s+(?:(?:&|and|amp)\s+(?:Company|{short})|{short})\.?$")


@lru_cache(maxsize=4096)
def name_initials(name: str, registry: ActorRegistry) -> frozenset[str]:
    """The abbreviations a body's name may go by: the capitals of its words but small ones, with
    and without a country's word before it ("U.S. Immigration and Naturalization Service" ->
    "USINS", "INS"); none for a name of fewer than two such words or an abbreviation itself."""
    name = _closing().sub("", name.strip())
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if acronym(name) or not words:
        return frozenset()
    found = set()
    leads = [words]
    first = words[0]
    if len(words) > 2 and (
        _DOTTED.match(first) or registry.side_of_word(first) or registry.place_side(first.rstrip("'’s"))
    ):
        leads.append(words[1:])  # "U.S." + the body's name
    for ws in leads:
        kept = [w for w in ws if fold(w) not in FUNCTION_WORDS]
        if len(kept) < 2 or not all(w[:1].isupper() and w[:1].isalpha() for w in kept):
            continue  # every word of the name but small ones is written with a capital
        found.add(initials(" ".join(kept)))
    return frozenset(found)


def _spells(actor: Actor, registry: ActorRegistry) -> set[str]:
    """The abbreviations the names ``actor`` goes by spell out."""
    return {a for n in (actor.name, *actor.aliases) for a in name_initials(n, registry)}


def _short(actor: Actor) -> set[str]:
    """The abbreviations ``actor`` goes by."""
    return {a for n in (actor.name, *actor.aliases) if (a := acronym(n))}


class BodyInitials:
    """The bodies (no people) heard so far by the abbreviations their names spell out and by those
    they go by, each kept up to date as a body is heard again (:meth:`add`), so that finding the
    body an abbreviation or a name stands for reads a few entries, not every body."""

    def __init__(self, registry: ActorRegistry) -> None:
        self.registry = registry
        self.bodies: dict[str, Actor] = {}  # id -> the body as last added
        self.spelling: dict[str, set[str]] = defaultdict(set)  # abbreviation -> ids whose names spell it
        self.going_by: dict[str, set[str]] = defaultdict(set)  # abbreviation -> ids that go by it

    def add(self, actor: Actor) -> None:
        """Index ``actor`` (in place of the one of its id added before); a person is left out."""
        old = self.bodies.pop(actor.id, None)
        if old is not None:
            for a in _spells(old, self.registry):
                self.spelling[a].discard(old.id)
            for a in _short(old):
                self.going_by[a].discard(old.id)
        if actor.kind == "person":
            return
        self.bodies[actor.id] = actor
        for a in _spells(actor, self.registry):
            self.spelling[a].add(actor.id)
        for a in _short(actor):
            self.going_by[a].add(actor.id)

    def spelled_out(self, short: str) -> Actor | None:
        """The one body whose name ``short`` (an abbreviation) is the initials of and that goes by
        no other abbreviation of the same name, else None."""
        fits = [b for i in self.spelling.get(short, ()) if not (_short(b := self.bodies[i]) - {short})]
        return fits[0] if len(fits) == 1 else None

    def abbreviated(self, name: str) -> Actor | None:
        """The one body known by an abbreviation alone that is the initials of ``name``, when no
        other body fits it and none of its names spells out another name."""
        shorts = name_initials(name, self.registry)
        ids = {i for s in shorts for i in self.going_by.get(s, ())}
        fits = [b for i in ids if not _spells(b := self.bodies[i], self.registry)]
        if len(fits) != 1:
            return None
        others = {i for a in _short(fits[0]) for i in self.spelling.get(a, ())} - {fits[0].id}
        return None if others else fits[0]
