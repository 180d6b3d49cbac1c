"""The bodies that speak, found or added by name (:class:`Bodies`, for the actors step in
:mod:`parley.corpus_steps`): by a name or abbreviation an actor goes by, by the same kind of body
qualified by the same country (:mod:`parley.reconcile.body_names`), by a near spelling, or by an
abbreviation that is the initials of its name (:mod:`parley.reconcile.body_initials`). The bodies
heard so far are held by their names, keys and abbreviations, so a name heard is looked up, not
compared with each of them."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import OSA

from parley.extract.registry import ActorRegistry, fold
from parley.models import Actor
from parley.reconcile.actors import _free_id, acronym, slug
from parley.reconcile.body_initials import BodyInitials
from parley.reconcile.body_names import body_key, qualified, same_country, shown_name


class Bodies:
    """The bodies among ``known`` actors by the names they go by, to find or add the actor of a
    body that speaks (:meth:`actor`)."""

    def __init__(self, known: dict[str, Actor], registry: ActorRegistry) -> None:
        self.known, self.registry = known, registry
        self.ids: dict[str, str] = {}  # a folded name or abbreviation -> the body's id
        self.keys: dict[tuple[str, frozenset[str]], str] = {}  # see body_names.body_key
        self.initials = BodyInitials(registry)  # the bodies by the abbreviations they spell or go by
        self.seen: set[str] = set()  # the ids of ``known`` indexed so far
        for a in known.values():
            self.add(a)
        # the registry's bodies in order (read once, not per name heard), and the first with each key
        self.listed = [spec.actor for spec in registry.specs.values() if spec.actor.kind != "person"]
        self.listed_keys: dict[tuple[str, frozenset[str]], int] = {}
        for n, listed in enumerate(self.listed):
            for k in _keys_of(listed, registry):
                self.listed_keys.setdefault(k, n)

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
            found = self._listed(name, keys, key)
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

    def _listed(self, name: str, keys: set[str], key: tuple[str, frozenset[str]] | None) -> Actor | None:
        """The first of the registry's bodies with the key of ``name`` or a name near one of
        ``keys`` in spelling (of a country not other than the one qualifying ``name``)."""
        first = self.listed_keys.get(key, len(self.listed)) if key is not None else len(self.listed)
        near = (
            listed
            for listed in self.listed[:first]
            if any(
                OSA.normalized_similarity(k, fold(n)) >= BODY_SIMILARITY
                and same_country(name, n, self.registry)
                for k in keys
                for n in (listed.name, *listed.aliases)
            )
        )
        return next(near, self.listed[first] if first < len(self.listed) else None)

    def _by_initials(self, name: str) -> Actor | None:
        """The one body heard before whose name ``name`` abbreviates, or that goes by the
        abbreviation ``name`` is spelled out by (:mod:`parley.reconcile.body_initials`), shown by
        its name in full from then on unless the dossier names it."""
        self._catch_up()
        short = acronym(name)
        if short:
            return self.initials.spelled_out(short)
        found = self.initials.abbreviated(name)
        if found is None or self.registry.actor(found.id) is not None:
            return found  # a registered body keeps the name the dossier gives it
        shown = shown_name(name, self.registry)
        return replace(found, name=shown, aliases=tuple(sorted({*found.aliases, found.name} - {shown})))

    def _catch_up(self) -> None:
        """Index the actors put in ``known`` without :meth:`add` (a side's government that speaks
        is added so by the actors step); ``known`` only grows while its bodies are looked up."""
        if len(self.known) != len(self.seen):
            for i, a in [(i, a) for i, a in self.known.items() if i not in self.seen]:
                self.seen.add(i)
                self.initials.add(a)

    def add(self, actor: Actor) -> Actor:
        """Put ``actor`` among the known ones, to be found by the names it goes by."""
        self.known[actor.id] = actor
        self.seen.add(actor.id)
        self.initials.add(actor)
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
