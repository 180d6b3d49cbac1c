"""Whom a noun for a person stands for when the article never used that noun for anyone but
described one person with a word of its class: "the prelate" for the one person named with the
title "Archbishop", "the linguist" for the one named "a linguistic expert". The classes are
``person_noun_classes`` in ``parley/data/names.yaml``; a person is described by their role words
and the titles their name starts with. Only when exactly one person named before the speaker
words is so described (:mod:`parley.extract.role_speakers` checks the words restricting the
noun and that no other source came in with it)."""

from __future__ import annotations

from functools import cache

from parley.extract.registry import HONORIFICS, _names_yaml, fold
from parley.extract.speaker_reading import SpeakerContext, _is_person, _person_key
from parley.models import Mention


@cache
def _classes() -> dict[str, frozenset[str]]:
    """Each noun -> every word of the classes it is in, itself among them."""
    data = _names_yaml()
    found: dict[str, set[str]] = {}
    for line in data.get("person_noun_classes") or ():
        words = {fold(str(w)) for w in line}
        for w in words:
            found.setdefault(w, set()).update(words)
    return {w: frozenset(c) for w, c in found.items()}


def noun_class(noun: str) -> frozenset[str]:
    """The words of the classes a noun for a person is in (none when it is in no class)."""
    return _classes().get(fold(noun), frozenset())


def _described_by(m: Mention) -> set[str]:
    """The words that describe a person at a mention: its role words and the titles the name
    starts with ("Archbishop" of "Archbishop Roe")."""
    words = set(fold(m.role or "").split())
    for w in m.text.split()[:-1]:
        if fold(w).rstrip(".") not in HONORIFICS:
            break
        words.add(fold(w).rstrip("."))
    return words


def described_person(ctx: SpeakerContext, noun: str, before: int) -> Mention | None:
    """The latest mention of the one person named before ``before`` whom a word of the noun's
    class describes, or None when no one or more than one person is."""
    words = noun_class(noun)
    if not words:
        return None
    found: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.span.end <= before and _is_person(ctx, m) and _described_by(m) & words:
            found[_person_key(ctx, m)] = m
    if len(found) != 1:
        return None
    (person,) = found.values()
    return person
