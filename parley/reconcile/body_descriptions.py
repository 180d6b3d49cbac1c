"""A body a speaker's words describe by a noun for its kind ("the German think-tank", "the
institute") instead of naming it: the one organisation the article named before them whose name
holds a word of that kind ("the Roe Institute"), when just one did. The nouns and the name
words of each kind are ``body_noun_classes`` in ``parley/data/names.yaml``. A side's adjective in
the words must not point to another side than the body's name does ("the Southern institute"
is not "the Northern Institute of X"), and words that make the body another one ("the other
institute", "a new think-tank") find no one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from parley.extract.registry import ActorRegistry, _names_yaml, fold
from parley.models import Mention
from parley.reconcile.actors import body_name

_ANOTHER = frozenset("other another second third new different".split())


@cache
def _kinds() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {}
    for line in _names_yaml().get("body_noun_classes") or ():
        words = [fold(str(w)) for w in line]
        if words:  # a noun alone on its line is the word its names hold too
            kinds.setdefault(_noun(words[0]), set()).update(words[1:] or words[:1])
    return {noun: frozenset(names) for noun, names in kinds.items()}


def _noun(text: str) -> str:
    """A noun for a kind of body however written: "think tank", "think-tank", "Think-Tank"."""
    return re.sub(r"[\s-]+", "-", fold(text))


@cache
def _pattern() -> re.Pattern[str]:
    nouns = sorted(_kinds(), key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(re.escape(w) for w in n.split("-")) for n in nouns)
    return re.compile(rf"[Tt]he\s+((?:[\w’'.-]+\s+){{0,2}}?)({alternatives})", re.IGNORECASE)


def described_body(words: str, before: Iterable[Mention], registry: ActorRegistry) -> str | None:
    """The name of the one body named in ``before`` (the article's mentions before the speaker
    words) that the words describe by its kind, or None (see the module)."""
    found = _pattern().fullmatch(words.strip())
    if found is None:
        return None
    adjectives = found.group(1).split()
    if any(fold(a) in _ANOTHER for a in adjectives):
        return None
    kind = _kinds().get(_noun(found.group(2)))
    if not kind:
        return None
    named: dict[str, str] = {}
    for m in before:
        name = body_name(m.text)
        if m.label == "ORG" and kind & set(re.split(r"[\s-]+", fold(name))):
            named.setdefault(fold(name), name)
    if len(named) != 1:
        return None
    (name,) = named.values()
    said = {s for a in adjectives if (s := registry.side_of_word(a))}
    own = {s for w in name.split() if (s := registry.side_of_word(w) or registry.place_side(w))}
    if said and own and said != own:
        return None  # "the Southern institute" is not the Northern one named before
    return name
