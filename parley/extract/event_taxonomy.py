"""The event taxonomy (``parley/data/events.yaml`` by default, or another file of that form):
its types, each with the senses of its words that are no event of it (:mod:`.event_senses`)
and the file's words under which a trigger tells of no event that happened
(:mod:`.event_hypotheses`). The file is read once; the extractor and the rules it calls read
these lists from the types it was given, so that another taxonomy's lists are the ones used."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from parley.errors import ConfigError
from parley.extract.event_hypotheses import Hypotheses, hypotheses_of
from parley.extract.event_senses import Senses, senses_of


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
    hypotheses: Hypotheses = Hypotheses()  # the file's ``hypotheses``, the same for each of its types


@cache
def load_taxonomy(path: str | None = None) -> tuple[EventType, ...]:
    source = Path(path) if path else resources.files("parley.data") / "events.yaml"
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        hypotheses = hypotheses_of(data.get("hypotheses") or {})
        return tuple(
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
                hypotheses,
            )
            for t in data["types"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"invalid event taxonomy {source}: {exc}") from exc
