"""The event taxonomy (the file the ``PARLEY_EVENTS`` setting names, by default the shipped
``parley/data/events.yaml``; or another file of that form given by path): its types, each with
the senses of its words that are no event of it (:mod:`.event_senses`); and, beside the types
(:class:`Taxonomy`), the file's ``words`` (:mod:`.event_readings`: who can meet, verbs of
reporting, claiming, denial ...), ``hypotheses`` (words under which a trigger tells of no event
that happened, :mod:`.event_hypotheses`), ``places`` (where each place lies) and ``kin`` (types
that stand for one happening, :mod:`parley.reconcile.event_kin`). Each file is read once; the
extractor, the event merge and the rules they call read these lists from the taxonomy they were
given (the setting's when none is), so that another taxonomy's lists are the ones used."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import overload

import yaml

from parley import settings
from parley.errors import ConfigError
from parley.extract.event_hypotheses import Hypotheses, hypotheses_of
from parley.extract.event_readings import Words, words_of
from parley.extract.event_senses import Senses, senses_of

KEPT_READINGS = 16  # taxonomies kept: a file read once per version, the oldest dropped


@dataclass(frozen=True)
class EventType:
    id: str
    description: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    objects: frozenset[str]
    requires_any: frozenset[str]
    verb_deps: frozenset[str]
    figures: bool = False  # casualty figures in its sentence are its own
    verbs_with_objects: tuple[tuple[str, frozenset[str]], ...] = ()  # ("launch", {"drone", ...})
    place_words: frozenset[str] = frozenset()  # more words before a place: "to" for a visit
    party_verbs: frozenset[str] = frozenset()  # a meeting only when someone meets someone
    not_objects: frozenset[str] = frozenset()  # one party's acts: "signed a law"
    not_preps: frozenset[str] = frozenset()  # "agreed with the statement": an opinion
    stative_verbs: frozenset[str] = frozenset()  # "occupies": a state unless told in the past
    nouns_with_of: tuple[tuple[str, frozenset[str]], ...] = ()  # "a round of talks"
    plural_nouns: frozenset[str] = frozenset()  # "talks", not "talk of war"
    agent_modifiers: bool = False  # "Russian air strikes": the side's adjective names the doer
    recurring: bool = False  # happens day after day: a day apart and one party is not enough to merge
    place_objects: frozenset[str] = frozenset()  # verbs whose object is the place: "visited Kyiv"
    senses: Senses = Senses()  # its ``senses``: "X attacked the senator" is no strike
    own_act: bool = False  # one party's own act: reports naming different people are two events


@dataclass(frozen=True, eq=False)
class Taxonomy(Sequence[EventType]):
    """A taxonomy file's types, in its order (what the taxonomy holds and iterates over), with its
    lists that are no one type's: ``words``, ``hypotheses``, ``places`` (keys folded to lower
    case, values as written) and ``kin`` (pairs: the type kept, the type that joins it)."""

    types: tuple[EventType, ...]
    words: Words = Words()
    hypotheses: Hypotheses = Hypotheses()
    places: dict[str, str] = field(default_factory=dict)
    kin: tuple[tuple[str, str], ...] = ()

    @overload
    def __getitem__(self, index: int) -> EventType: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[EventType, ...]: ...

    def __getitem__(self, index: int | slice) -> EventType | tuple[EventType, ...]:
        return self.types[index]

    def __len__(self) -> int:
        return len(self.types)

    def __iter__(self) -> Iterator[EventType]:
        return iter(self.types)


def load_taxonomy(path: str | None = None) -> Taxonomy:
    """The taxonomy of the file at ``path``; by default the one the ``PARLEY_EVENTS`` setting
    names (the shipped ``events.yaml`` when it is unset). A file is read again only when it
    changes (its modification time or size), so a long-running process sees an edited file; the
    shipped one is read once."""
    path = path or settings.EVENTS.get() or None
    return _read(path, _stamp(path) if path else None)


def _stamp(path: str) -> tuple[int, int] | None:
    """The file's modification time (ns) and size; None when it cannot be read (:func:`_read`
    then raises the error)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def taxonomy_of(types: Sequence[EventType] | None) -> Taxonomy:
    """``types`` as a taxonomy: the setting's (:func:`load_taxonomy`) when none are given; types
    given without their file's lists (a list of :class:`EventType`) take that taxonomy's
    ``words``, ``hypotheses``, ``places`` and ``kin``."""
    if isinstance(types, Taxonomy):
        return types
    default = load_taxonomy()
    if not types:
        return default
    return replace(default, types=tuple(types))


@lru_cache(maxsize=KEPT_READINGS)
def _read(path: str | None, stamp: tuple[int, int] | None) -> Taxonomy:
    """The taxonomy of the file at ``path`` (the shipped one when None), kept by its path and
    its ``stamp`` (:func:`_stamp`): an edited file has a new stamp and is read anew."""
    source = Path(path) if path else resources.files("parley.data") / "events.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        types = tuple(
            EventType(
                t["id"],
                t.get("description", ""),
                frozenset(t.get("verbs") or ()),
                frozenset(t.get("nouns") or ()),
                frozenset(t.get("objects") or ()),
                frozenset(t.get("requires_any") or ()),
                frozenset(t.get("verb_deps") or ()),
                bool(t.get("figures", False)),
                tuple((v, frozenset(o)) for v, o in (t.get("verbs_with_objects") or {}).items()),
                frozenset(t.get("place_words") or ()),
                frozenset(t.get("party_verbs") or ()),
                frozenset(t.get("not_objects") or ()),
                frozenset(t.get("not_preps") or ()),
                frozenset(t.get("stative_verbs") or ()),
                tuple((n, frozenset(o)) for n, o in (t.get("nouns_with_of") or {}).items()),
                frozenset(t.get("plural_nouns") or ()),
                bool(t.get("agent_modifiers", False)),
                bool(t.get("recurring", False)),
                frozenset(t.get("place_objects") or ()),
                senses_of(t.get("senses") or {}),
                bool(t.get("own_act", False)),
            )
            for t in data["types"]
        )
        return Taxonomy(
            types,
            words_of(data.get("words") or {}),
            hypotheses_of(data.get("hypotheses") or {}),
            {str(k).casefold(): str(v) for k, v in (data.get("places") or {}).items()},
            tuple((str(kept), str(joins)) for kept, joins in data.get("kin") or ()),
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ConfigError(f"invalid event taxonomy {source}: {exc}") from exc
