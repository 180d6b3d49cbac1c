"""Corpus steps over the copies step's records (:mod:`parley.reconcile.source_steps`):

- ``stories``: places the articles no story holds yet (a copy in the story of what it copies),
  ``PLACE_AT_ONCE`` at a time in the clusterer's own order; placed ones never move.
- ``independence``: for each event, how many of its sources are independent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

import numpy as np

from parley.corpus import CorpusContext, corpus_step
from parley.extract import fingerprint as fp
from parley.reconcile.independence import SourceIndex
from parley.reconcile.source_records import SourceIndependence, Story
from parley.reconcile.source_steps import VERSION
from parley.reconcile.stories import Cluster, Clusterer, Item, placing_order

PLACE_AT_ONCE = 1_000  # articles given to the story clusterer at once


@corpus_step("stories", reads=("fingerprint", "copy"), writes=("story",), version=VERSION)
def stories_step(ctx: CorpusContext) -> int:
    store = ctx.store
    # what stories need of each fingerprint, kept as they stream past (not the hashes); every
    # fingerprint is an article's (articles are never removed)
    rows = fp.QuantisedRows(store.unanalysed(""))  # every article ("" is no pipeline)
    published: dict[str, dt.date | None] = {}
    first_title: dict[str, str] = {}
    for f in store.records("fingerprint"):
        if rows.put(f.article_id, f.vector):
            published[f.article_id], first_title[f.article_id] = f.published, f.title
    ids, quantised = rows.vectors()
    del rows
    # the vectors stay quantised (a quarter of their float32 size); a unit row is made for each
    # story's members once, and for each article still to place
    vectors = _UnitRows(ids, quantised)
    clusterer = Clusterer()
    titles = {}
    for story in store.records("story"):
        members = [a for a in story.articles if a in vectors]
        if not members:
            continue
        total = vectors.total(members)
        clusterer.restore(Cluster(story.id, members, total, story.first, story.last))
        titles[story.id] = story.title
    if all(clusterer.story_of(i) for i in ids):
        return 0  # every article has its story, and placed articles never move
    # a copy or a rewrite joins the story of the article it repeats, whatever its lead says
    follows = {c.article_id: c.of_id for c in store.records("copy")}
    # (``add`` places only articles with no story yet: the others are not made into items)
    unplaced = [i for i in ids if clusterer.story_of(i) is None]
    _place(clusterer, [i for i in unplaced if i not in follows], vectors, published)
    clusterer.follow([(i, follows[i], published[i]) for i in unplaced if i in follows], vectors)
    _place(clusterer, [i for i in unplaced if clusterer.story_of(i) is None], vectors, published)
    stories = [
        Story(
            c.id,
            titles.get(c.id) or first_title[c.members[0]],
            tuple(c.members),
            c.first,
            c.last,
            len(c.members),
        )
        for c in clusterer.clusters()
    ]
    return store.replace_records("story", stories)


def _place(
    clusterer: Clusterer,
    ids: list[str],
    vectors: Mapping[str, np.ndarray],
    published: dict[str, dt.date | None],
) -> None:
    """Place ``ids`` in the order :meth:`Clusterer.add` takes them (:func:`placing_order`),
    ``PLACE_AT_ONCE`` at a time: the same stories as one call, without a float32 vector (2 KB)
    held for every article to place (a first analysis places them all)."""
    order = sorted(ids, key=lambda i: placing_order(i, published[i]))
    for start in range(0, len(order), PLACE_AT_ONCE):
        clusterer.add(Item(i, vectors[i], published[i]) for i in order[start : start + PLACE_AT_ONCE])


@corpus_step("independence", reads=("event", "copy", "fingerprint"), writes=("independence",))
def independence_step(ctx: CorpusContext) -> int:
    store = ctx.store
    index = SourceIndex.load(store)
    records = []
    for event in store.records("event"):
        result = index.independence(s.article_id for s in event.sources)
        records.append(
            SourceIndependence("event", event.id, result.sources, result.independent, result.groups)
        )
    return store.replace_records("independence", records)


class _UnitRows(Mapping[str, np.ndarray]):
    """Each article's unit lead vector by id, made from its quantised row when asked for."""

    def __init__(self, ids: list[str], vectors: fp.LeadVectors) -> None:
        self._at = {i: n for n, i in enumerate(ids)}
        self._vectors = vectors

    def __getitem__(self, article_id: str) -> np.ndarray:
        return self._vectors.row(self._at[article_id])

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def total(self, members: list[str]) -> np.ndarray:
        """The sum of the members' unit vectors (as ``np.sum`` of them, row by row)."""
        return self._vectors.rows([self._at[a] for a in members]).sum(axis=0)
