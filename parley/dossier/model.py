"""The dossier of one negotiation: its sides and actors, the issues at stake and the documents on
the table, read from one YAML file (the format is described at the top of the bundled
``parley/data/dossiers/russia-ukraine-2025.yaml``).

The actors are read by :class:`~parley.extract.registry.ActorRegistry` (so there is one place for
them); :class:`Dossier` adds the issues and documents from the same file's other sections.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry, default_registry, fold

_PRONOUN = {"m": "he", "f": "she", "x": "they"}

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DOCUMENT_WORDS = ("plan", "proposal", "draft", "framework", "document", "agreement", "deal")


@dataclass(frozen=True)
class Option:
    """A named value a document can give an issue ("capped at 800,000"), with the words that signal it."""

    id: str
    label: str
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Issue:
    id: str
    name: str
    description: str
    cues: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    about_documents: bool = False  # "the plan as a whole": stances whose object is a known document
    # words naming the opposite of what the description proposes ("gives up joining": membership)
    opposite: tuple[str, ...] = ()
    beneficiary: str | None = None  # the side the issue is for ("guarantees for Ukraine")

    @property
    def prototypes(self) -> tuple[str, ...]:
        """What a sentence is compared with: the description, then the examples."""
        return (self.description, *self.examples)


@dataclass(frozen=True)
class DocumentSpec:
    """A plan, draft or framework, with every name the press gives it."""

    id: str
    name: str
    kind: str = "plan"
    aliases: tuple[str, ...] = ()
    proposed_by: tuple[str, ...] = ()  # side or actor ids
    drafted_by: tuple[str, ...] = ()
    date: dt.date | None = None  # first reported
    follows: str | None = None  # the version it revises

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Dossier:
    id: str
    name: str
    registry: ActorRegistry
    issues: tuple[Issue, ...] = ()
    documents: tuple[DocumentSpec, ...] = ()
    document_words: tuple[str, ...] = DOCUMENT_WORDS
    source: str | None = None
    # side id -> the names of the arms and forces only that side uses ("Shahed" drones): a strike
    # whose doer goes unnamed and whose weapon is one of them is that side's (dossier ``arms``)
    arms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Dossier:
        """The dossier in a YAML file (default: the bundled Russia-Ukraine one)."""
        registry = ActorRegistry.load(path) if path else default_registry()
        return cls.from_registry(registry)

    @classmethod
    def from_registry(cls, registry: ActorRegistry) -> Dossier:
        """The dossier a registry was read from (issues and documents from its other sections)."""
        cached = _CACHE.get(id(registry))
        if cached is not None and cached.registry is registry:
            return cached
        dossier = _parse(registry)
        _CACHE[id(registry)] = dossier
        return dossier

    def pronouns(self, actor_id: str) -> str | None:
        """ "he", "she" or "they" as the dossier gives them for a person (its ``pronouns``, read
        and checked with the actors by the registry); None when unknown."""
        spec = self.registry.specs.get(actor_id)
        return _PRONOUN.get(spec.gender) if spec and spec.gender else None

    def issue(self, issue_id: str) -> Issue | None:
        return next((i for i in self.issues if i.id == issue_id), None)

    def document(self, document_id: str) -> DocumentSpec | None:
        return next((d for d in self.documents if d.id == document_id), None)

    @property
    def plan_issue(self) -> Issue | None:
        """The issue "the plan as a whole", if the dossier has one."""
        return next((i for i in self.issues if i.about_documents), None)

    def current_document(self, on: dt.date | None) -> DocumentSpec | None:
        """The latest document first reported by ``on`` (what "the plan" meant that day)."""
        if on is None:
            return None
        dated = [
            d for d in self.documents if d.date is not None and d.date <= on and d.kind != "counter-proposal"
        ]
        return max(dated, key=lambda d: d.date or dt.date.min, default=None)

    def side_of(self, holder: str) -> str | None:
        """The side of an actor id, a side id, or a side's government id."""
        if holder in self.registry.sides:
            return holder
        if holder.endswith("-government") and holder.removesuffix("-government") in self.registry.sides:
            return holder.removesuffix("-government")
        actor = self.registry.actor(holder)
        return actor.side if actor else None


_CACHE: dict[int, Dossier] = {}


def _parse(registry: ActorRegistry) -> Dossier:
    data = registry.sections
    where = registry.source or "dossier"
    try:
        head = data.get("negotiation") or {}
        issues = tuple(_issue(entry) for entry in data.get("issues") or [])
        documents = tuple(_document(entry) for entry in data.get("documents") or [])
        words = tuple(data.get("document_words") or DOCUMENT_WORDS)
        arms = {str(side): _strings(_listed(names)) for side, names in dict(data.get("arms") or {}).items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"invalid dossier {where}: {exc}") from exc
    _check(where, registry, issues, documents)
    unknown = sorted(side for side in arms if side not in registry.sides)
    if unknown:
        raise ConfigError(f"{where}: arms of unknown sides: {', '.join(unknown)}")
    return Dossier(
        id=str(head.get("id") or Path(where).stem),
        name=str(head.get("name") or head.get("id") or Path(where).stem),
        registry=registry,
        issues=issues,
        documents=documents,
        document_words=words,
        source=registry.source,
        arms=arms,
    )


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or ())


def _issue(entry: dict[str, Any]) -> Issue:
    options = tuple(
        Option(str(o["id"]), str(o.get("label") or o["id"]), _strings(o.get("cues")))
        for o in entry.get("options") or []
    )
    return Issue(
        id=str(entry["id"]),
        name=str(entry.get("name") or entry["id"]),
        description=str(entry.get("description") or entry.get("name") or entry["id"]),
        cues=_strings(entry.get("cues")),
        examples=_strings(entry.get("examples")),
        options=options,
        about_documents=bool(entry.get("about_documents", False)),
        opposite=tuple(w.lower() for w in _strings(entry.get("opposite"))),
        beneficiary=str(entry["beneficiary"]) if entry.get("beneficiary") else None,
    )


def _document(entry: dict[str, Any]) -> DocumentSpec:
    date = entry.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return DocumentSpec(
        id=str(entry["id"]),
        name=str(entry.get("name") or entry["id"]),
        kind=str(entry.get("kind") or "plan"),
        aliases=_strings(entry.get("aliases")),
        proposed_by=_strings(entry.get("proposed_by")),
        drafted_by=_strings(entry.get("drafted_by")),
        date=date if isinstance(date, dt.date) else None,
        follows=entry.get("follows"),
    )


def _check(
    where: str, registry: ActorRegistry, issues: tuple[Issue, ...], docs: tuple[DocumentSpec, ...]
) -> None:
    ids = [i.id for i in issues] + [d.id for d in docs]
    for value in ids:
        if not _ID.match(value):
            raise ConfigError(f"{where}: id {value!r}: use lower-case letters, digits and -")
    duplicates = {v for v in ids if ids.count(v) > 1}
    if duplicates:
        raise ConfigError(f"{where}: ids used twice: {', '.join(sorted(duplicates))}")
    known = set(registry.sides) | set(registry.specs)
    for d in docs:
        unknown = [h for h in (*d.proposed_by, *d.drafted_by) if h not in known]
        if unknown:
            raise ConfigError(f"{where}: document {d.id} names unknown sides or actors: {', '.join(unknown)}")
        if d.follows and d.follows not in {x.id for x in docs}:
            raise ConfigError(f"{where}: document {d.id} follows unknown document {d.follows!r}")
    if sum(i.about_documents for i in issues) > 1:
        raise ConfigError(f"{where}: only one issue can be about_documents")
    for i in issues:
        if not fold(i.name):
            raise ConfigError(f"{where}: issue {i.id} has no name")
        if i.beneficiary is not None and i.beneficiary not in registry.sides:
            raise ConfigError(f"{where}: issue {i.id} is for unknown side {i.beneficiary!r}")


def _listed(value: Any) -> list[Any]:
    """A list in the YAML ("arms: {side: [A, B]}"), not one name whose letters would be read as names."""
    if not isinstance(value, list):
        raise ValueError(f"expected a list of names, got {value!r}")
    return value
