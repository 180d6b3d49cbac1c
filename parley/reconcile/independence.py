"""How many of a set of articles are independent of each other.

Ten rewrites of one wire story are one source, not ten. Within the set asked about, two articles
are one source when:

- they are in the same **copy group** (a copy, a near-duplicate, a rewrite or a translation of the
  same original: :mod:`parley.reconcile.copies`; an *altered* rewrite is a different report);
- they come from the **same outlet**;
- one **cites** the other's outlet ("citing X", "X reported", "according to X", a ``Source:``
  line: ``Article.cites``), or both cite the same outlet (both relay it), so a citation chain
  (A cites B, B cites C) is one source however long.

An exact duplicate is one article already (one content hash), however many places it was seen.
The rules are conservative: an article that cites an outlet anywhere is tied to it, even when the
part cited is not the part counted; so a figure may undercount, never overcount.

:func:`independent_groups` works on plain :class:`SourceInfo`; :func:`independence` (one set)
and :class:`SourceIndex` (many sets) read them from a store (the ``fingerprint`` and ``copy``
records the ``copies`` corpus step writes; an article it has not seen yet is read from the store).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from parley.clean.outlets import outlet_key
from parley.store import RecordQuery, Store

__all__ = [
    "Independence",
    "SourceIndex",
    "SourceInfo",
    "cited_names",
    "count_independent",
    "independence",
    "independent_groups",
]


@dataclass(frozen=True)
class SourceInfo:
    article_id: str
    outlet: str | None = None
    cites: tuple[str, ...] = ()
    copy_of: str | None = None  # the original of its copy group (None: not a copy of anything)
    published: dt.date | None = None


@dataclass(frozen=True)
class Independence:
    sources: int  # articles in the set
    independent: int  # groups of articles that do not depend on each other
    groups: tuple[tuple[str, ...], ...]  # each group's article ids, the earliest first

    def __str__(self) -> str:
        return f"{self.independent} independent of {self.sources}"


def cited_names(cites: Iterable[str]) -> tuple[str, ...]:
    """The outlet names in ``Article.cites``, each cut at the end of its sentence or line (the
    "citing X" reader can run on past a full stop: "Harbour Gazette.\n\nThe")."""
    names = (re.split(r"\s*\n|[.;:,!?](?:\s|$)", c.strip(), maxsplit=1)[0].strip() for c in cites)
    return tuple(dict.fromkeys(n for n in names if n))


def independent_groups(infos: Iterable[SourceInfo]) -> list[tuple[str, ...]]:
    """The set's articles in groups that depend on each other, earliest article first in each
    group, groups in order of their earliest article."""
    infos = list({i.article_id: i for i in infos}.values())
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for info in infos:
        node = f"article:{info.article_id}"
        find(node)
        if info.copy_of:
            union(node, f"article:{info.copy_of}")
        if info.outlet and outlet_key(info.outlet):
            union(node, f"outlet:{outlet_key(info.outlet)}")
        for cited in info.cites:
            if outlet_key(cited):
                union(node, f"outlet:{outlet_key(cited)}")
    by_root: dict[str, list[SourceInfo]] = {}
    for info in infos:
        by_root.setdefault(find(f"article:{info.article_id}"), []).append(info)
    groups = [tuple(i.article_id for i in sorted(members, key=_age)) for members in by_root.values()]
    by_id = {i.article_id: i for i in infos}
    return sorted(groups, key=lambda g: _age(by_id[g[0]]))


def _age(info: SourceInfo) -> tuple[dt.date, int, str]:
    """Earliest first; on the same day, an article that copies or cites after one that does not."""
    relays = bool(info.cites) or (info.copy_of is not None and info.copy_of != info.article_id)
    return (info.published or dt.date.max, int(relays), info.article_id)


def count_independent(infos: Iterable[SourceInfo]) -> int:
    return len(independent_groups(infos))


class SourceIndex:
    """What independence needs of every article, read once: for a step that asks about many
    sets (every event) without a query per set."""

    def __init__(self, infos: dict[str, SourceInfo], store: Store | None = None) -> None:
        self._infos = infos
        self._store = store

    @classmethod
    def load(cls, store: Store, article_ids: Iterable[str] | None = None) -> SourceIndex:
        ids = tuple(dict.fromkeys(article_ids)) if article_ids is not None else None
        where = RecordQuery(equals=(("article_id", ids),)) if ids is not None else RecordQuery()
        copies = [c for c in store.records("copy", RecordQuery(equals=(("status", ("copy",)),)))]
        group = {c.article_id: c.original_id for c in copies}
        group.update({c.original_id: c.original_id for c in copies if c.original_id not in group})
        infos = {}  # streamed: a fingerprint's hashes and vector are not kept
        for f in store.records("fingerprint", where):
            i = f.article_id
            infos[i] = SourceInfo(i, f.outlet, tuple(f.cites), group.get(i), f.published)
        for i in ids or ():
            if i not in infos and i in group:
                infos[i] = SourceInfo(i, copy_of=group[i])
        return cls(infos, store)

    def info(self, article_id: str) -> SourceInfo:
        found = self._infos.get(article_id)
        if found is not None and (found.outlet or found.cites or found.published):
            return found
        article = self._store.article(article_id) if self._store is not None else None
        copy_of = found.copy_of if found else None
        if article is None:
            return found or SourceInfo(article_id)
        return SourceInfo(article_id, article.outlet, cited_names(article.cites), copy_of, article.published)

    def independence(self, article_ids: Iterable[str]) -> Independence:
        ids = list(dict.fromkeys(article_ids))
        groups = independent_groups(self.info(i) for i in ids)
        return Independence(len(ids), len(groups), tuple(groups))


def independence(store: Store, article_ids: Iterable[str]) -> Independence:
    """How many of these articles (the sources of an event, a claim, a brief line) are
    independent; for the brief: ``independence(store, [s.article_id for s in event.sources])``.
    An article the ``copies`` step has not fingerprinted yet is read from the store."""
    ids = list(dict.fromkeys(article_ids))
    return SourceIndex.load(store, ids).independence(ids)
