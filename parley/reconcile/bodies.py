"""The bodies that speak, found or added by name (:class:`Bodies`, for the actors step in
:mod:`parley.corpus_steps`): by a name or abbreviation an actor goes by, by the same kind of body
qualified by the same country (:mod:`parley.reconcile.body_names`), by a near spelling, or by an
abbreviation that is the initials of its name (:mod:`parley.reconcile.body_initials`)."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import OSA

from parley.extract.registry import ActorRegistry, fold
from parley.models import Actor
from parley.reconcile.actors import _free_id, acronym, slug
from parley.reconcile.body_initials import abbreviated, spelled_out
from parley.reconcile.body_names import body_key, qualified, same_country, shown_name


class Bodies:
    """The bodies among ``known`` actors by the names they go by, to find or add the actor of a
    body that speaks (:meth:`actor`)."""

    def __init__(self, known: dict[str, Actor], registry: ActorRegistry) -> None:
        self.known, self.registry = known, registry
        self.ids: dict[str, str] = {}
        self.keys: dict[tuple[str, frozenset[str]], str] = {}  # see body_names.body_key
        for a in known.values():
            self.add(a)
        self.listed = [  # the registry's bodies, with their keys (read once, not per name heard)
            (spec.actor, _keys_of(spec.actor, registry))
            for spec in registry.specs.values()
            if spec.actor.kind != "person"
        ]

    def actor(self, name: str, short: str | None, evidence: str) -> Actor:
        """The actor of ``known`` or the registry by that name, its abbreviation, the same kind
        of body qualified by the same country ("Ukraine's General Staff" for "the Ukrainian
        General Staff", :func:`body_key`) or a near spelling ("Defense" for "Defence") of a name
        no other country qualifies, else a new organisation (its side the one its qualifying
        word, else a word of its name, points to); added to ``known`` with the names it goes by."""
        keys = {fold(n) for n in (name, short) if n}
        key = body_key(name, self.registry)
        found_id = next((self.ids[k] for k in sorted(keys) if k in self.ids), None)
        if found_id is None and key is not None:
            found_id = self.keys.get(key)
        found = self.known.get(found_id) if found_id else None
        if found is None:
            found = next(
                (
                    listed
                    for listed, listed_keys in self.listed
                    if (key is not None and key in listed_keys)
                    or any(
                        OSA.normalized_similarity(k, fold(n)) >= BODY_SIMILARITY
                        and same_country(name, n, self.registry)
                        for k in keys
                        for n in (listed.name, *listed.aliases)
                    )
                ),
                None,
            )
            found = self.known.get(found.id, found) if found is not None else None
        if found is None:
            found = self._by_initials(name)
        if found is None:
            q = qualified(name, self.registry)
            sides = (self.registry.side_of_word(w) for w in name.split())
            side = q.side if q else next((s for s in sides if s), None)
            shown = shown_name(name, self.registry)
            new_id = _free_id(slug(shown), self.registry, self.known)
            found = Actor(new_id, shown, "organisation", side, evidence=(evidence,))
        spelled = {n for n in (name, short) if n and fold(n) not in _names_of(found)}
        if spelled:
            found = replace(found, aliases=tuple(sorted(set(found.aliases) | spelled)))
        return self.add(found)

    def _by_initials(self, name: str) -> Actor | None:
        """The one body heard before whose name ``name`` abbreviates, or that goes by the
        abbreviation ``name`` is spelled out by (:mod:`parley.reconcile.body_initials`), shown by
        its name in full from then on unless the dossier names it."""
        bodies = [a for a in self.known.values() if a.kind != "person"]
        short = acronym(name)
        if short:
            return spelled_out(short, bodies, self.registry)
        found = abbreviated(name, bodies, self.registry)
        if found is None or self.registry.actor(found.id) is not None:
            return found  # a registered body keeps the name the dossier gives it
        shown = shown_name(name, self.registry)
        return replace(found, name=shown, aliases=tuple(sorted({*found.aliases, found.name} - {shown})))

    def add(self, actor: Actor) -> Actor:
        """Put ``actor`` among the known ones, to be found by the names it goes by."""
        self.known[actor.id] = actor
        if actor.kind != "person":
            self.ids.update((n, actor.id) for n in _names_of(actor))
            for key in _keys_of(actor, self.registry):
                self.keys.setdefault(key, actor.id)
        return actor


BODY_SIMILARITY = 0.9  # OSA similarity from which two spellings of a body's name are one name


def _names_of(actor: Actor) -> set[str]:
    return {fold(n) for n in (actor.name, *actor.aliases)}


def _keys_of(actor: Actor, registry: ActorRegistry) -> set[tuple[str, frozenset[str]]]:
    return {k for n in (actor.name, *actor.aliases) if (k := body_key(n, registry)) is not None}
