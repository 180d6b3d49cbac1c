"""An abbreviation and the body's name it abbreviates, heard in different articles: "the FBI" in
one and "the Federal Bureau of Investigation" in another are one body when the abbreviation, in
capitals, is exactly the initials of the name (small words such as "of", "and", "the" skipped; a
country's word before the name, "U.S." or "British", may be left out of the initials; a closing
"& Co." or "Inc." is no part of them) and just one body heard so far fits (for
:class:`parley.reconcile.bodies.Bodies`). An abbreviation some other name already spells out
takes no second one: two bodies are never made one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from parley.extract.registry import ActorRegistry, fold
from parley.models import Actor
from parley.reconcile.actors import acronym
from parley.reconcile.body_names import FUNCTION_WORDS

_DOTTED = re.compile(r"^(?:[A-Z]\.){2,3}$")  # "U.S.", "U.K."
# the words that close a company's name and are left out of its initials ("Roe & Co.")
_CLOSING = re.compile(
    r"(?:,?\s+(?:&|and|amp)\s+(?:Co|Company|Cos)\.?|,?\s+(?:Inc|Corp|Co|Ltd|L\.?P|PLC|LLC)\.?)$"
)


@lru_cache(maxsize=4096)
def name_initials(name: str, registry: ActorRegistry) -> frozenset[str]:
    """The abbreviations a body's name may go by: the capitals of its words but small ones, with
    and without a country's word before it ("U.S. Immigration and Naturalization Service" ->
    "USINS", "INS"); none for a name of fewer than two such words or an abbreviation itself."""
    name = _CLOSING.sub("", name.strip())
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
        found.add("".join(w.replace(".", "") if _DOTTED.match(w) else w[0] for w in kept).upper())
    return frozenset(found)


def _spells(actor: Actor, registry: ActorRegistry) -> set[str]:
    """The abbreviations the names ``actor`` goes by spell out."""
    return {a for n in (actor.name, *actor.aliases) for a in name_initials(n, registry)}


def _short(actor: Actor) -> set[str]:
    """The abbreviations ``actor`` goes by."""
    return {a for n in (actor.name, *actor.aliases) if (a := acronym(n))}


def spelled_out(short: str, bodies: Iterable[Actor], registry: ActorRegistry) -> Actor | None:
    """The one body among ``bodies`` whose name ``short`` (an abbreviation) is the initials of and
    that goes by no other abbreviation of the same name, else None."""
    fits = [b for b in bodies if short in _spells(b, registry) and not (_short(b) - {short})]
    return fits[0] if len(fits) == 1 else None


def abbreviated(name: str, bodies: Iterable[Actor], registry: ActorRegistry) -> Actor | None:
    """The one body among ``bodies`` known by an abbreviation alone that is the initials of
    ``name``, when no other body fits it and none of its names spells out another name."""
    shorts = name_initials(name, registry)
    if not shorts:
        return None
    bodies = list(bodies)
    fits = [b for b in bodies if _short(b) & shorts and not _spells(b, registry)]
    if len(fits) != 1:
        return None
    others = [b for b in bodies if b is not fits[0] and _spells(b, registry) & _short(fits[0])]
    return None if others else fits[0]
