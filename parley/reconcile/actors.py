"""Canonical actors across the corpus.

Registered actors come from the registry. People the registry does not list are clustered:

1. full names ("Kaja Kallas") form clusters; two spellings join when their surnames are the
   same or a near-miss (``names_agree``: "Sybhia" ~ "Sybiha") *and* their first names agree, so
   two people who share a surname are never merged;
2. a surname alone ("Kallas") joins the full-name cluster with that surname in the same article,
   else the only one in the corpus; when two clusters share the surname, or no full name has
   it, it stays unresolved;
3. the cluster's name is its most frequent full spelling; role and side are the most frequent
   role words and side read next to its mentions, with those sentences as evidence.

User decisions (``parley actors merge A B``, ``parley actors split A NAME``) are applied last.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from parley.extract.registry import ActorRegistry, fold, names_agree, strip_honorifics
from parley.models import Actor, Mention


@dataclass(frozen=True)
class Override:
    action: str  # "merge" (source into target) | "split" (name out of source)
    source: str
    target: str


@dataclass
class _Cluster:
    names: Counter
    mentions: list[Mention]


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"


def resolve_actors(
    mentions: list[Mention], registry: ActorRegistry, overrides: Sequence[Override] = ()
) -> tuple[list[Actor], list[Mention]]:
    """Actors for the corpus, and the mentions with ``actor_id`` filled in where known."""
    clusters = _cluster_people([m for m in mentions if m.label == "PERSON" and m.actor_id is None])
    assigned: dict[tuple[str, int, int], str] = {}
    actors: dict[str, Actor] = {}
    for cluster in clusters:
        name = _canonical(cluster.names)
        actor_id = _free_id(slug(name), registry, actors)
        roles = Counter(m.role for m in cluster.mentions if m.role)
        sides = Counter(m.side for m in cluster.mentions if m.side)
        evidence = [f"{m.article_id}@{m.span.start}: {m.role}" for m in cluster.mentions if m.role]
        actors[actor_id] = Actor(
            id=actor_id,
            name=name,
            kind="person",
            side=sides.most_common(1)[0][0] if sides else None,
            roles=tuple(r for r, _ in roles.most_common(3)),
            aliases=tuple(sorted(set(cluster.names) - {name})),
            evidence=tuple(evidence[:5]),
        )
        for m in cluster.mentions:
            assigned[(m.article_id, m.span.start, m.span.end)] = actor_id

    seen_names: dict[str, set[str]] = defaultdict(set)
    resolved = []
    for m in mentions:
        resolved_id = m.actor_id or assigned.get((m.article_id, m.span.start, m.span.end))
        if resolved_id and m.actor_id and m.label != "ROLE":
            seen_names[resolved_id].add(m.text)
        resolved.append(replace(m, actor_id=resolved_id) if resolved_id != m.actor_id else m)
    for actor_id, names in seen_names.items():
        base = registry.actor(actor_id)
        if base is None:
            continue
        spelled = sorted(n for n in names if fold(n) != fold(base.name) and _plausible_alias(n))
        actors[actor_id] = replace(base, aliases=tuple(sorted(set(base.aliases) | set(spelled))))
    return _apply_overrides(actors, resolved, overrides, registry)


def _plausible_alias(name: str) -> bool:
    return bool(name.strip()) and len(name) <= 60


def _cluster_people(people: list[Mention]) -> list[_Cluster]:
    full = [m for m in people if len(_name(m).split()) >= 2]
    single = [m for m in people if len(_name(m).split()) == 1]
    clusters: list[_Cluster] = []
    # a name's cluster never changes once found (a cluster only grows, so no earlier one can come
    # to agree with it): each distinct name is placed once, however often it is mentioned
    homes: dict[str, _Cluster] = {}
    # names agree only when their surnames start alike, so every name of a cluster has the
    # first one's surname initial: a name is looked for only among the clusters of its initial
    by_initial: dict[str, list[_Cluster]] = defaultdict(list)
    for m in sorted(full, key=lambda m: -len(_name(m))):
        key = fold(_name(m))
        home = homes.get(key) or next(
            (c for c in by_initial[_initial(key)] if all(names_agree(key, fold(n)) for n in c.names)), None
        )
        if home is None:
            home = _Cluster(Counter(), [])
            clusters.append(home)
            by_initial[_initial(key)].append(home)
        homes[key] = home
        home.names[_name(m)] += 1
        home.mentions.append(m)
    by_article: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        for article_id in {m.article_id for m in c.mentions}:
            by_article[article_id].append(c)
    loose: dict[str, _Cluster] = {}
    fits: dict[str, list[_Cluster]] = {}  # by surname; only full names decide, and they are placed
    for m in single:
        key = fold(_name(m))
        if key not in fits:
            fits[key] = [c for c in by_initial[_initial(key)] if _surname_fits(key, c)]
        corpus = fits[key]
        local = [c for c in by_article[m.article_id] if any(c is x for x in corpus)]
        target = local[0] if len(local) == 1 else corpus[0] if len(corpus) == 1 and not local else None
        if target is None:
            target = loose.setdefault(key, _Cluster(Counter(), []))
        target.names[_name(m)] += 1
        target.mentions.append(m)
    # A surname seen alone and never with a first name is too thin to be an actor of its own
    # ("Post" out of a newspaper's name); its mentions stay unresolved.
    return clusters


def _initial(folded_name: str) -> str:
    """The first letter of a folded name's surname (its last word)."""
    words = folded_name.split()
    return words[-1][:1] if words else ""


def _surname_fits(surname: str, cluster: _Cluster) -> bool:
    return any(names_agree(surname, fold(n).split()[-1]) for n in cluster.names if len(n.split()) >= 2)


def _name(m: Mention) -> str:
    return strip_honorifics(m.text)


def _canonical(names: Counter) -> str:
    full = [(n, c) for n, c in names.items() if len(n.split()) >= 2] or list(names.items())
    return max(full, key=lambda nc: (nc[1], len(nc[0])))[0]


def _free_id(base: str, registry: ActorRegistry, taken: dict[str, Actor]) -> str:
    candidate, n = base, 2
    while candidate in taken or registry.actor(candidate) is not None:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _apply_overrides(
    actors: dict[str, Actor],
    mentions: list[Mention],
    overrides: Sequence[Override],
    registry: ActorRegistry,
) -> tuple[list[Actor], list[Mention]]:
    for o in overrides:
        if o.action == "merge" and o.source in actors and o.target in actors:
            gone, kept = actors.pop(o.source), actors[o.target]
            actors[o.target] = replace(
                kept,
                aliases=tuple(sorted(set(kept.aliases) | {gone.name, *gone.aliases} - {kept.name})),
                evidence=(*kept.evidence, f"merged by user: {gone.id}"),
            )
            mentions = [replace(m, actor_id=o.target) if m.actor_id == o.source else m for m in mentions]
        elif o.action == "split" and o.source in actors:
            new_id = _free_id(slug(o.target), registry, actors)
            old = actors[o.source]
            actors[o.source] = replace(
                old, aliases=tuple(a for a in old.aliases if fold(a) != fold(o.target))
            )
            actors[new_id] = Actor(new_id, o.target, old.kind, evidence=(f"split by user from {old.id}",))
            mentions = [
                replace(m, actor_id=new_id)
                if m.actor_id == o.source and fold(_name(m)) == fold(o.target)
                else m
                for m in mentions
            ]
    return sorted(actors.values(), key=lambda a: a.id), mentions
