"""Canonical actors across the corpus.

Registered actors come from the registry. People the registry does not list are clustered:

1. full names ("Kaja Kallas") form clusters; two spellings join when their surnames are the
   same or a near-miss (``names_agree``: "Sybhia" ~ "Sybiha", a "Jr."/"III" after it no surname)
   *and* their first names are one given name however spelt ("Andrii" ~ "Andriy", not "Ivana" ~
   "Ivanka") or one with a letter dropped inside it, so two people who share a surname are never
   merged; two spellings of a given name one article writes are two people, a hyphen written as
   a space no other name (:mod:`parley.reconcile.name_spellings`); a full name's leading words
   ("Jon Paul" of "Jon Paul Roe") and a given name after a royal title ("King Jon") are no
   surname (:mod:`parley.reconcile.given_names`);
2. a surname alone ("Kallas", "von der Leyen") is the registered person with that surname, unless
   a courtesy title says another gender; else it joins the full-name cluster with that surname
   (or a near spelling of it) in the same article, else the only one in the corpus with just that
   surname, if named so within a year or with the same title (:mod:`parley.reconcile.name_times`);
   several bearers: the one the article names in full first, before using the surname alone, or
   the one whose full name carries the office the article gives it ("President Roe":
   :mod:`parley.reconcile.surname_bearers`); no full name: one person when articles near in time
   give it a title and show it (:mod:`parley.reconcile.titled_surnames`). A surname used before a
   less-known bearer is named is the best-known one; "the Kallases" is a family, no one
   (:mod:`parley.reconcile.family_names`);
3. the cluster's name is its most frequent full spelling; role and side are the most frequent
   role words and side read next to its mentions, with those sentences as evidence.

A name the model calls a place (GPE, LOC, FAC) or an organisation more often than a person, or
one whose every mention comes with a role saying what thing it is ("streaming service"), a
model's ("the Model S") or a firm's product ("Roe Pay"), is no person, and one a group's members
follow ("Roe Haram militants") a group (:mod:`parley.reconcile.name_labels`); a role holding a
dateline, a date or a courtesy title alone ("Mr.") is no role.

Organisations the registry does not list become actors when they speak (the actors step,
:class:`parley.reconcile.bodies.Bodies`): by name (:func:`is_body_name`), an abbreviation
grouped with the name an article spells out for it ("the Institute for the Study of War
(ISW)"), a near spelling of a registered body's name being that body ("Defense" for "Defence"),
and one kind of body qualified by one country being one body however the side is written
("Ukraine's General Staff", "the Ukrainian General Staff": :mod:`parley.reconcile.body_names`);
a name of a kind of body alone ("the Ministry of Defence") names a different body in each
country and is no actor.

User decisions (``parley actors merge A B``, ``parley actors split A NAME``) are applied last.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from parley.clean.outlets import default_registry as known_outlets
from parley.extract.registry import (
    COURTESY_TITLES,
    ActorRegistry,
    fold,
    name_list,
    strip_honorifics,
    surname_of,
)
from parley.models import Actor, Article, Mention
from parley.reconcile.body_names import (
    FUNCTION_WORDS,
    GENERIC_BODY_WORDS,
    listed_kind,
    qualified,
)
from parley.reconcile.family_names import (
    named_in_full,
    not_this_person,
    plural_of,
    prominent_bearer,
    registered_bearer,
    surname_fits,
    surname_is,
)
from parley.reconcile.given_names import Cluster as _Cluster
from parley.reconcile.given_names import RoyalNames, leading_names, leads_another, royal_people, writes_word
from parley.reconcile.name_labels import NameLabels, described_as_thing
from parley.reconcile.name_spellings import Spellings, initial
from parley.reconcile.name_times import NameTimes, publication_dates
from parley.reconcile.surname_bearers import SurnameTitles, first_named, first_places, office_bearer
from parley.reconcile.titled_surnames import titled_people

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
NOT_A_ROLE = re.compile(
    rf"\([^()]{{1,40}}\)\s*[-–—]|\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}(?:\s|$)|\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def particles() -> frozenset[str]:
    """Particles inside a name ("von der Leyen"): a name starting with one is a surname (names.yaml)."""
    return name_list("particles")


@dataclass(frozen=True)
class Override:
    action: str  # "merge" (source into target) | "split" (name out of source)
    source: str
    target: str


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"


def resolve_actors(
    mentions: list[Mention],
    registry: ActorRegistry,
    overrides: Sequence[Override] = (),
    articles: Callable[[str], Article | None] | None = None,
) -> tuple[list[Actor], list[Mention]]:
    """Actors for the corpus, and the mentions with ``actor_id`` filled in where known."""
    mentions = list(mentions)
    resolution = Resolution.of(mentions, registry, overrides, articles)
    return resolution.actors, [resolution.resolve(m) for m in mentions]


@dataclass
class Resolution:
    """The corpus's actors, found in one pass over its mentions (:meth:`of`), and how each
    mention resolves (:meth:`resolve`): what is held is the people the registry does not know,
    not every mention, so a caller can walk the mentions again in pieces to resolve them."""

    actors: list[Actor]
    assigned: dict[tuple[str, int, int], str]  # a clustered person's mention -> its actor
    # the user's decisions as they took effect, in order: ("merge", from, to, "") moves every
    # mention of an actor; ("split", from, to, folded name) moves the mentions by that name
    moves: list[tuple[str, str, str, str]]
    # mentions the extractor gave a registered person that are another of the family ("Mrs. Roe")
    refused: frozenset[tuple[str, int, int]] = frozenset()

    @classmethod
    def of(
        cls,
        mentions: Iterable[Mention],
        registry: ActorRegistry,
        overrides: Sequence[Override] = (),
        articles: Callable[[str], Article | None] | None = None,
    ) -> Resolution:
        """``articles`` (an id -> the article) shows a first name before a surname found alone."""
        people: list[Mention] = []
        full_names: dict[str, set[str]] = defaultdict(set)  # article -> the full names it gives people
        seen_names: dict[str, set[str]] = defaultdict(set)
        labels = NameLabels(articles)  # how often each unregistered name is a person's, a place's, a body's
        registered: defaultdict[str, set[object]] = defaultdict(set)  # article -> registered people it names
        refused: set[tuple[str, int, int]] = set()
        royal = RoyalNames(registry)  # given names after a royal title ("King Jon"): no surnames
        for m in mentions:
            where = (m.article_id, m.span.start, m.span.end)
            if royal.see(m):
                continue
            if m.actor_id is not None and m.label == "PERSON" and not_this_person(m, m.actor_id, registry):
                refused.add(where)
                m = replace(m, actor_id=None)  # noqa: PLW2901
            if m.label == "PERSON" and _full_name(_name(m)):
                full_names[m.article_id].add(fold(_name(m)))
            if m.actor_id is None:
                labels.see(m)
                if m.label == "PERSON":
                    people.append(m)
            elif m.label != "ROLE":
                seen_names[m.actor_id].add(m.text)
                if m.label == "PERSON":  # people only tie titled surnames
                    registered[m.article_id].add(m.actor_id)
        people = [m for m in people if labels.a_person(m)]  # more often a place's or a body's: no one's
        people, refused = royal.others(people), refused | royal.refused()  # not "Jon" by "King Jon"
        alone = [n for n, m in enumerate(people) if not _full_name(_name(m))]
        people = named_in_full(people, alone, full_names, articles)
        assigned: dict[tuple[str, int, int], str] = {}
        for m in people:
            if not _full_name(_name(m)) and (found := registered_bearer(m, registry)):
                assigned[(m.article_id, m.span.start, m.span.end)] = found  # a registered surname alone
                seen_names[found].add(m.text)
        people = [m for m in people if (m.article_id, m.span.start, m.span.end) not in assigned]
        actors: dict[str, Actor] = {}
        dated = publication_dates(articles)
        clustered = _cluster_people(people, dated, writes_word(articles), registered)
        clustered += royal_people(royal.titled, dated)
        for cluster in clustered:
            kind = "thing" if described_as_thing(cluster.mentions) else labels.kind_of(cluster.mentions)
            if kind == "thing":
                continue  # "streaming service Roe Beats", "the Model S": a thing's name, no one's
            name = _canonical(cluster.names)
            actor_id = _free_id(slug(name), registry, actors)
            roles = Counter(m.role for m in cluster.mentions if m.role and _plausible_role(m.role))
            sides = Counter(m.side for m in cluster.mentions if m.side)
            evidence = [f"{m.article_id}@{m.span.start}: {m.role}" for m in cluster.mentions if m.role]
            actors[actor_id] = Actor(
                id=actor_id,
                name=name,
                kind=kind or "person",  # or a group's ("Roe Haram militants")
                side=sides.most_common(1)[0][0] if sides else None,
                roles=tuple(r for r, _ in roles.most_common(3)),
                aliases=tuple(sorted(set(cluster.names) - {name})),
                evidence=tuple(evidence[:5]),
            )
            for m in cluster.mentions:
                assigned[(m.article_id, m.span.start, m.span.end)] = actor_id
        for actor_id, names in seen_names.items():
            base = registry.actor(actor_id)
            if base is None:
                continue
            spelled = sorted(n for n in names if fold(n) != fold(base.name) and n.strip() and len(n) <= 60)
            actors[actor_id] = replace(base, aliases=tuple(sorted(set(base.aliases) | set(spelled))))
        moves = _apply_overrides(actors, overrides, registry)
        return cls(sorted(actors.values(), key=lambda a: a.id), assigned, moves, frozenset(refused))

    def resolve(self, m: Mention) -> Mention:
        """The mention with its actor filled in (itself when that changes nothing)."""
        where = (m.article_id, m.span.start, m.span.end)
        given = None if where in self.refused else m.actor_id
        actor_id = given or self.assigned.get(where)
        for action, source, target, name in self.moves:
            if actor_id == source and (action == "merge" or fold(_name(m)) == name):
                actor_id = target
        return m if actor_id == m.actor_id else replace(m, actor_id=actor_id)


def _plausible_role(role: str) -> bool:
    """No dateline ("Feb 1 (Agency) - ..."), no date ("June 5, 2025") and no courtesy title
    alone ("Mr.") is a role."""
    return not NOT_A_ROLE.search(role) and fold(role).rstrip(".") not in COURTESY_TITLES


def _cluster_people(
    people: list[Mention],
    dated: Callable[[str], dt.date | None],
    writes: Callable[[str, str], bool],
    others: defaultdict[str, set[object]],
) -> list[_Cluster]:
    """The people's clusters; ``others`` are the registered actors each article names."""
    full = [m for m in people if _full_name(_name(m))]
    single = [m for m in people if not _full_name(_name(m))]
    clusters: list[_Cluster] = []
    # a name's cluster never changes once found (a cluster only grows, so no earlier one can come
    # to agree with it): each distinct name is placed once, however often it is mentioned
    homes: dict[str, _Cluster] = {}
    # names agree only when their surnames start alike, so every name of a cluster has the
    # first one's surname initial: a name is looked for only among the clusters of its initial
    by_initial: dict[str, list[_Cluster]] = defaultdict(list)
    alone = {(m.article_id, fold(_name(m))) for m in single}
    leads = leading_names(((m.article_id, _name(m)) for m in full), dated, alone, writes)  # "Jon Paul" (Roe)
    spellings = Spellings(full)  # the articles and sides of each full name
    for m in sorted(full, key=lambda m: -len(_name(m))):
        key = fold(_name(m))
        home_key = leads.get((m.article_id, key)) or key
        home = homes.get(home_key)
        if home is None:  # the cluster whose names all agree, else a new one; filed under this initial
            home = spellings.home(key, by_initial)
            if home is None:
                home = _Cluster(Counter(), [])
                clusters.append(home)
            spellings.file(home, key, by_initial)
        homes[home_key] = home
        home.names[_name(m)] += 1
        home.mentions.append(m)
    by_article: dict[str, list[_Cluster]] = defaultdict(list)
    for c in clusters:
        for article_id in {m.article_id for m in c.mentions}:
            by_article[article_id].append(c)
    fits: dict[str, list[_Cluster]] = {}  # by surname; only full names decide, and they are placed
    surnames = {surname_of(fold(n)) for c in clusters for n in c.names}  # full names', before any joins
    named_in = {id(c): len({m.article_id for m in c.mentions}) for c in clusters}
    keyed = [(m, fold(_name(m))) for m in single]
    times = NameTimes(keyed, clusters, dated)
    titled = SurnameTitles(keyed, clusters, times.titles)
    introduced, first_alone = first_places(clusters, keyed)  # where first named in full, first alone
    untaken: list[tuple[Mention, str]] = []
    for m in single:
        key = fold(_name(m))
        if plural_of(key, surnames):
            continue  # "the Roes": a family, no one
        if key not in fits:
            fits[key] = [c for c in by_initial[initial(key)] if surname_fits(key, c.names)]
        corpus = fits[key]
        local = [c for c in by_article[m.article_id] if any(c is x for x in corpus)]
        bearers = [c for c in corpus if surname_is(key, c.names)]
        target: _Cluster | None = None
        if len(local) == 1:
            target = local[0]
            if first_alone[(m.article_id, key)] < introduced[(m.article_id, id(target))]:
                target = prominent_bearer(target, bearers, named_in) or target
        elif local:  # several named in full: the first, when named before the surname is used alone
            target = first_named(m, local, first_alone[(m.article_id, key)], introduced, titled, named_in)
        elif len(corpus) == 1 and bearers and times.links(m, key, corpus[0]):
            target = corpus[0]  # in another article only by the very surname, and near in time
        elif len(corpus) > 1 and (found := office_bearer(m, key, corpus, bearers, titled, times.near)):
            target = found  # the one bearer whose full name carries the office the article gives
        elif not any(times.links(m, key, c) for c in corpus):
            untaken.append((m, key))  # no full name it may be: a titled surname's own (titled_people)
        if target is not None:
            target.names[_name(m)] += 1
            target.mentions.append(m)
    # a surname never seen with a first name ("Post") is no actor, unless titled in articles near in
    # time that show it is one person (the same office, or another person both name)
    return clusters + titled_people(untaken, dated, lambda a: {id(c) for c in by_article[a]} | others[a])


def _full_name(name: str) -> bool:
    """A first name and a surname; "von der Leyen" is a surname alone."""
    words = name.split()
    return len(words) >= 2 and fold(words[0]) not in particles()


def _name(m: Mention) -> str:
    return strip_honorifics(m.text)


def _canonical(names: Counter) -> str:
    full = [(n, c) for n, c in names.items() if len(n.split()) >= 2] or list(names.items())
    return max(full, key=lambda nc: (not leads_another(nc[0], names), nc[1], len(nc[0])))[0]


def _free_id(base: str, registry: ActorRegistry, taken: dict[str, Actor]) -> str:
    candidate, n = base, 2
    while candidate in taken or registry.actor(candidate) is not None:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _apply_overrides(
    actors: dict[str, Actor], overrides: Sequence[Override], registry: ActorRegistry
) -> list[tuple[str, str, str, str]]:
    """Apply the user's merges and splits to ``actors`` (in place); the mention moves they make."""
    moves: list[tuple[str, str, str, str]] = []
    for o in overrides:
        if o.action == "merge" and o.source in actors and o.target in actors:
            gone, kept = actors.pop(o.source), actors[o.target]
            actors[o.target] = replace(
                kept,
                aliases=tuple(sorted(set(kept.aliases) | {gone.name, *gone.aliases} - {kept.name})),
                evidence=(*kept.evidence, f"merged by user: {gone.id}"),
            )
            moves.append(("merge", o.source, o.target, ""))
        elif o.action == "split" and o.source in actors:
            new_id = _free_id(slug(o.target), registry, actors)
            old = actors[o.source]
            actors[o.source] = replace(
                old, aliases=tuple(a for a in old.aliases if fold(a) != fold(o.target))
            )
            actors[new_id] = Actor(new_id, o.target, old.kind, evidence=(f"split by user from {old.id}",))
            moves.append(("split", o.source, new_id, fold(o.target)))
    return moves


# -- organisations that speak ------------------------------------------------------------------
# A name of a kind of body alone (``GENERIC_BODY_WORDS``: "the Ministry of Defence", "the General
# Staff") names a different body in each country, so it is no actor unless a side's word comes
# with it ("the Ukrainian General Staff"); the ways of writing one body's name are in
# :mod:`parley.reconcile.body_names`.
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,8}$")


def acronym(name: str) -> str | None:
    """An abbreviation in capitals ("ISW", "U.N.") without its dots, else None."""
    return name.replace(".", "") if _ACRONYM.match(name) else None


def initials(name: str) -> str:
    """The capitals a name abbreviates to ("Institute for the Study of War" -> "ISW"), all the
    letters of a word written as initials with dots ("U.S. Trade Office" -> "USTO")."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper() and fold(w) not in FUNCTION_WORDS]
    return "".join(w.replace(".", "") if re.fullmatch(r"(?:[A-Z]\.){2,3}", w) else w[0] for w in words)


def body_name(text: str) -> str:
    """A body's name without the article and possessive around it ("the Kiel Institute's")."""
    name = re.sub(r"^[Tt]he\s+", "", text.strip())
    return re.sub(r"['’]s?$", "", name).strip()


def is_body_name(name: str, after_the: bool, registry: ActorRegistry) -> bool:
    """Whether a name the model calls an organisation is one's, and names one body wherever it is
    read: an abbreviation, or a name after "the", or with a word for a kind of body ("Institute"),
    or with "of"/"for" inside; not a side's place or adjective alone, not a fragment ending in a
    small word ("the State Service of"), and not a name of a kind of body alone ("the Ministry of
    Defence") unless a side's word qualifies it."""
    words = name.split()
    q = qualified(name, registry)
    if q is not None and q.form != "of" and listed_kind(q.rest):
        return True  # "Ukraine's general staff", "the Russian MoD": a listed kind of a side's
    if not words or not words[-1][:1].isupper() or registry.place_side(name) or registry.side_of_word(name):
        return False
    if acronym(name):
        return True
    folded = [fold(w) for w in words]
    if not [w for w in folded if w not in FUNCTION_WORDS and w not in GENERIC_BODY_WORDS]:
        return False  # "the Ministry of Defence", "the General Staff"
    shaped = folded[-1] in name_list("organisation_last_words") or any(
        w in ("of", "for") for w in folded[1:-1]
    )
    return after_the or shaped or known_outlets().known(name)
