"""Who struck, when only the weapon says: a strike whose doer goes unnamed and whose weapon is
one a side alone uses (the dossier's ``arms``: "four Shahed drones struck a bus", "the city was
struck with Kinzhal missiles") is that side's. Read by :mod:`parley.extract.events` for the types
with ``agent_modifiers`` (strikes, captures).

The weapon must be what does the striking: the subject of the trigger's verb (or the noun a
"which"/"that" clause of the trigger describes: "drones that struck a bus"), its agent ("struck by
Iskander missiles"), its instrument ("with Kalibr missiles"), or a word of a noun trigger's own
name ("a Shahed attack"). A doer named beside the weapon ("Russia launched Shaheds", "Ukraine's
forces struck with Neptune missiles") leaves the reading to the parties already found; whoever
shot a weapon down ("Ukraine shot down 40 Shahed drones") is no part of this, since the weapon
is then no subject of a strike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from spacy.tokens import Token

from parley.dossier.model import Dossier
from parley.extract.registry import ActorRegistry

# how the words of a weapon's name hang from its noun: "four Shahed drones", "Storm Shadow missiles"
NAME_DEPS = ("compound", "amod", "nmod", "nummod", "npadvmod")
# nouns of a weapon, whose name words say whose it is ("Shahed drone"); any other noun's name words
# name that thing ("the Shahed depot")
WEAPON_NOUNS = frozenset("drone missile rocket bomb shell munition torpedo projectile".split())
# the pronouns of a relative clause, which stand for the noun it describes ("drones that struck")
RELATIVES = {"that", "which", "who"}


def armed_sides(trigger: Token, registry: ActorRegistry) -> list[str]:
    """The sides whose arms (the dossier's) strike in the trigger's report, when it names no
    other doer (module docstring); at most one, else none (two sides' arms: no telling)."""
    arms = Dossier.from_registry(registry).arms
    if not arms:
        return []
    if trigger.pos_ == "VERB":
        doers = [c for c in trigger.children if c.dep_ == "nsubj"]
        doers = [trigger.head if d.lower_ in RELATIVES and trigger.dep_ == "relcl" else d for d in doers]
        doers += [o for c in trigger.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        tools = [o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children]
    elif trigger.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "poss" for c in trigger.children):
            return []  # "Russia's Shahed attack": the possessor is the doer
        doers = [o for c in trigger.children if c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
        # "a Shahed attack", "a Shahed drone attack"; not "the Shahed depot strike" (a depot's name)
        before = trigger.doc[trigger.i - 1] if trigger.i else trigger
        named_thing = (
            before.head == trigger and before.pos_ == "NOUN" and before.lemma_.lower() not in WEAPON_NOUNS
        )
        tools = (
            [] if named_thing else [c for c in trigger.children if c.dep_ in NAME_DEPS and c.i < trigger.i]
        )
        tools += [o for c in trigger.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children]
    else:
        return []
    found = [_sides_named(d, arms) for d in doers]
    if any(not sides for sides in found):
        return []  # a doer named that is no weapon ("Russia launched ...", "Ukrainian forces struck")
    sides = {s for named in found for s in named} | {s for t in tools for s in _sides_named(t, arms)}
    return sorted(sides) if len(sides) == 1 else []


def _sides_named(noun: Token, arms: Mapping[str, tuple[str, ...]]) -> set[str]:
    """The sides whose arms a noun's name holds ("four Shahed drones", "the Iskander missile and
    12 drones"): the noun, the words of its name, and those of the nouns joined to it."""
    words: list[Token] = []
    for item in (noun, *noun.conjuncts):
        words += _name_words(item)
    text = " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))
    return {side for side, names in arms.items() if _pattern(names).search(text)}


def _name_words(noun: Token) -> Iterable[Token]:
    yield noun
    for c in noun.children:
        if c.dep_ in NAME_DEPS and c.i < noun.i:
            yield from _name_words(c)


_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """The names as written, whole, a plural "s" or a hyphened suffix allowed ("Shaheds",
    "Iskander-M", "Shahed-type")."""
    found = _PATTERNS.get(names)
    if found is None:
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        found = _PATTERNS[names] = re.compile(rf"(?<![\w-])(?:{alternation})(?:e?s)?(?!\w)")
    return found
