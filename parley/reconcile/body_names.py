"""One body's name written several ways: the side's word that qualifies it, and the kind of
body the rest names.

"the Ukrainian General Staff", "Ukraine's General Staff" and "the General Staff of the Armed
Forces of Ukraine" are one body: a side's adjective or possessive place before the name, or "of"
and the side's country after it, qualify the same kind of body, and a kind is the set of the
name's words, the ways of writing one kind listed in ``body_name_forms`` of
``parley/data/names.yaml`` being one ("Defence Ministry", "Ministry of Defense", "MoD"). Two
names are one body's only when they qualify one kind by one country (:func:`body_key`): a side of
several countries (European allies) keeps each word apart ("British" is not "Polish", nor even
"Britain's"), so "Russia's Defence Ministry" and "the UK Ministry of Defence" never meet, and
neither do "Russia's General Staff" and "Ukraine's General Staff". "of Ukraine" qualifies only a
name of a kind of body ("the Orthodox Church of Ukraine" is not "the Ukrainian Orthodox Church").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from parley.extract.registry import ActorRegistry, Side, _names_yaml, fold, name_list

# Words of a body's name that say what kind of body it is but not whose: a name of these alone
# ("the Ministry of Defence", "the General Staff") names a different body in each country.
GENERIC_BODY_WORDS = frozenset(
    "ministry ministries defence defense foreign affairs interior internal general staff armed force "
    "forces air navy naval army command headquarters security service services council office "
    "parliament government presidential administration police border guard emergency emergencies "
    "state national federal central bank intelligence military justice health finance economy "
    "economic development court supreme constitutional committee department agency commission "
    "delegation embassy operational joint special operations industry trade energy infrastructure "
    "prosecutor prosecutor's general's public affairs press people's republic".split()
)
FUNCTION_WORDS = frozenset("the of for and on in to at de".split())
_POSSESSIVE = re.compile(r"['’]s?$")


@cache
def _forms() -> dict[frozenset[str], tuple[frozenset[str], str]]:
    """Each listed way of writing a kind of body -> (the kind's words, its name to show)."""
    found: dict[frozenset[str], tuple[frozenset[str], str]] = {}
    for line in _names_yaml().get("body_name_forms") or ():
        first = str(line[0])
        kind = _words(first)
        for form in line:
            found.setdefault(_words(str(form)), (kind, first))
    return found


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in (fold(x) for x in text.split()) if w and w not in FUNCTION_WORDS)


def kind_of(rest: str) -> frozenset[str]:
    """The kind of body a name without its side's word names: its words, a listed way of writing
    a kind being that kind ("Defence Ministry", "MoD" -> {ministry, defence})."""
    words = _words(rest)
    return _forms().get(words, (words, ""))[0]


def listed_kind(rest: str) -> bool:
    """Whether the words are a listed way of writing a kind of body ("general staff")."""
    return _words(rest) in _forms()


def generic(rest: str) -> bool:
    """Whether the words name a kind of body alone ("General Staff of the Armed Forces")."""
    words = _words(rest)
    return bool(words) and (words in _forms() or words <= GENERIC_BODY_WORDS)


@dataclass(frozen=True)
class Qualified:
    """A body's name as a side's word and the rest: ``country`` is the side's id when the side is
    one country, else the word itself, folded."""

    country: str
    side: str
    rest: str
    form: str  # "adjective" ("the Ukrainian X"), "possessive" ("Ukraine's X") or "of" ("X of Ukraine")


def one_country(side: Side) -> str | None:
    """The adjective of a side that is one country ("Ukrainian"), else None: a side with several
    adjectives besides its places' names (European allies: "French", "Polish" ...) is several."""
    places = {fold(p) for p in (side.name, *side.places)}
    own = [a for a in side.adjectives if fold(a) not in places]
    return own[0] if len(own) == 1 else None


def qualified(name: str, registry: ActorRegistry) -> Qualified | None:
    """The side's word qualifying a body's name and the rest, or None when no side's word (or
    more than one) qualifies it."""
    words = name.split()
    found: tuple[str, str, list[str], str] | None = None  # (side, word, rest, form)
    for k in (3, 2, 1):
        if len(words) > k and _POSSESSIVE.search(words[k - 1]):
            place = " ".join(words[:k])
            if side := registry.place_side(place):
                found = (side, fold(place), words[k:], "possessive")
                break
    if found is None and len(words) > 1 and (side := registry.side_of_word(words[0])):
        if fold(words[0]) in {fold(a) for a in registry.sides[side].adjectives}:
            found = (side, fold(words[0]), words[1:], "adjective")
    if found is None:
        found = _of_country(words, registry)
    if found is None:
        return None
    side, word, rest, form = found
    if not rest or any(registry.side_of_word(w) or registry.place_side(w) for w in rest):
        return None  # "Russian-Ukrainian Commission", "the Ukrainian Embassy in Russia": whose?
    # a side of one country is its adjective, its name and a country's name of two words or more
    # ("Russian Federation"), not a city ("Kyiv's Military Administration" is the city's)
    country_word = form == "adjective" or word == fold(registry.sides[side].name) or " " in word
    country = side if country_word and one_country(registry.sides[side]) else word
    return Qualified(country, side, " ".join(rest), form)


def _of_country(words: list[str], registry: ActorRegistry) -> tuple[str, str, list[str], str] | None:
    """ "X of [the] <country>": the country is the side's name or a place's of two words or more
    ("of the Russian Federation"), not a city ("the University of Kyiv")."""
    for k in (3, 2, 1):
        if len(words) <= k + 1:
            continue
        place, before = words[-k:], words[:-k]
        if before and fold(before[-1]) == "the":
            before = before[:-1]
        if not before or before[-1] != "of":
            continue
        text = " ".join(place)
        side = registry.place_side(text)
        if side and (fold(text) == fold(registry.sides[side].name) or k > 1):
            return side, fold(text), before[:-1], "of"
    return None


def body_key(name: str, registry: ActorRegistry) -> tuple[str, frozenset[str]] | None:
    """What makes two names one body's: the country qualifying it and the kind of body, or None
    for a name no side's word qualifies (it goes by its name alone)."""
    q = qualified(name, registry)
    if q is None or (q.form == "of" and not generic(q.rest)):
        return None
    kind = kind_of(q.rest)
    return (q.country, kind) if kind else None


def shown_name(name: str, registry: ActorRegistry) -> str:
    """The name to show for a body first heard by this name: "Ukraine's General Staff" is the
    "Ukrainian General Staff" when the side is one country; a listed kind written in small
    letters is written as a name ("Russia's defence ministry" -> "Russian Defence Ministry")."""
    q = qualified(name, registry)
    if q is None or q.form == "of":
        return name
    rest = q.rest
    if listed_kind(rest) and rest == rest.lower():
        rest = " ".join(w if w in FUNCTION_WORDS else w[:1].upper() + w[1:] for w in rest.split())
    adjective = one_country(registry.sides[q.side])
    if q.form == "possessive" and adjective and q.country == q.side:
        return f"{adjective} {rest}"
    return name[: len(name) - len(q.rest)] + rest


def same_country(a: str, b: str, registry: ActorRegistry) -> bool:
    """Whether two body names may be one body's by their side's words: not when each is qualified
    by another country ("the Polish Ministry of Defence", "the British Ministry of Defence")."""
    qa, qb = qualified(a, registry), qualified(b, registry)
    return qa is None or qb is None or qa.country == qb.country


def introduced(text: str, start: int) -> bool:
    """Whether a noun for a kind of body stands right before a name ("broadcaster Yle")."""
    before = re.search(r"(\S+)[ \t]+$", text[max(0, start - 40) : start])
    return before is not None and fold(before.group(1)) in name_list("body_nouns")
