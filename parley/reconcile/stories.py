"""Stories: articles grouped by what they report, built up one article at a time.

Single-pass clustering on the articles' lead vectors (:mod:`parley.extract.fingerprint`): new
articles are taken in order of publication; each joins the story whose centroid (the mean of its
members' vectors) is nearest, if the cosine is at least ``threshold`` and the story has an article
within ``window_days`` of it; otherwise it starts a story of its own. An article without a date
is compared with every story. A copy (:mod:`parley.reconcile.copies`) joins the story of the
article it repeats (:meth:`Clusterer.follow`).

Ids are stable: a story's id is made from the id of the article that started it, and an article
placed in a story stays there, so adding articles never renumbers or moves what was there, and
running it again with nothing new changes nothing. (Two stories a new article would bridge are
not merged, for the same reason.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

THRESHOLD = 0.7
WINDOW_DAYS = 4


@dataclass
class Cluster:
    id: str
    members: list[str]
    total: np.ndarray  # sum of the members' unit vectors
    first: dt.date | None = None
    last: dt.date | None = None


@dataclass(frozen=True)
class Item:
    id: str
    vector: np.ndarray
    date: dt.date | None = None


def story_id(article_id: str) -> str:
    return f"s{article_id[:11]}"


def placing_order(article_id: str, date: dt.date | None) -> tuple[dt.date, str]:
    """The order articles are placed in: by date (undated last), then by id."""
    return (date or dt.date.max, article_id)


@dataclass
class Clusterer:
    """Holds the stories; :meth:`add` places new articles, :meth:`clusters` gives them back."""

    threshold: float = THRESHOLD
    window_days: int = WINDOW_DAYS
    dim: int = 512
    _clusters: list[Cluster] = field(default_factory=list)
    _centroids: np.ndarray = field(default_factory=lambda: np.zeros((0, 512), dtype=np.float32))
    _first: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # ordinal, -1 undated
    _last: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _placed: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._centroids = np.zeros((64, self.dim), dtype=np.float32)
        self._first = np.full(64, -1, dtype=np.int64)
        self._last = np.full(64, -1, dtype=np.int64)

    def restore(self, cluster: Cluster) -> None:
        """Take back a story from an earlier run, as it was."""
        self._append(cluster)

    def add(self, items: Iterable[Item]) -> list[tuple[str, str]]:
        """Place the articles not placed yet, in :func:`placing_order`; returns (article id,
        story id) for each."""
        placed = []
        todo = [i for i in items if i.id not in self._placed]
        todo.sort(key=lambda i: placing_order(i.id, i.date))
        for item in todo:
            target = self._nearest(item)
            if target is None:
                cluster = Cluster(story_id(item.id), [item.id], item.vector.astype(np.float32).copy())
                cluster.first = cluster.last = item.date
                self._append(cluster)
                placed.append((item.id, cluster.id))
                continue
            self._join(target, item)
            placed.append((item.id, self._clusters[target].id))
        return placed

    def follow(self, links: list[tuple[str, str, dt.date | None]], vectors: Mapping[str, np.ndarray]) -> None:
        """Place each (article, article it copies, date) in the story of the one it copies, when
        that one is placed and this one is not."""
        for article_id, of_id, date in sorted(links, key=lambda x: (x[2] or dt.date.max, x[0])):
            story = self._placed.get(of_id)
            if article_id in self._placed or story is None:
                continue
            index = next(n for n, c in enumerate(self._clusters) if c.id == story)
            self._join(index, Item(article_id, vectors[article_id], date))

    def clusters(self) -> list[Cluster]:
        return list(self._clusters)

    def story_of(self, article_id: str) -> str | None:
        return self._placed.get(article_id)

    def _nearest(self, item: Item) -> int | None:
        n = len(self._clusters)
        if n == 0:
            return None
        if item.date is None:
            candidates = np.arange(n)
        else:
            day = item.date.toordinal()
            first, last = self._first[:n], self._last[:n]
            near = (first - self.window_days <= day) & (day <= last + self.window_days)
            candidates = np.flatnonzero((first < 0) | near)
            if candidates.size == 0:
                return None
        sims = self._centroids[candidates] @ item.vector
        best = int(np.argmax(sims))
        return int(candidates[best]) if sims[best] >= self.threshold else None

    def _append(self, cluster: Cluster) -> None:
        n = len(self._clusters)
        if n >= len(self._centroids):
            size = 2 * len(self._centroids)
            self._centroids = np.vstack([self._centroids, np.zeros_like(self._centroids)])
            self._first = np.concatenate([self._first, np.full(size - n, -1, dtype=np.int64)])
            self._last = np.concatenate([self._last, np.full(size - n, -1, dtype=np.int64)])
        self._clusters.append(cluster)
        self._centroids[n] = _unit(cluster.total)
        self._first[n] = cluster.first.toordinal() if cluster.first else -1
        self._last[n] = cluster.last.toordinal() if cluster.last else -1
        for member in cluster.members:
            self._placed[member] = cluster.id

    def _join(self, index: int, item: Item) -> None:
        cluster = self._clusters[index]
        cluster.members.append(item.id)
        cluster.total = cluster.total + item.vector
        self._centroids[index] = _unit(cluster.total)
        if item.date is not None:
            cluster.first = min(cluster.first or item.date, item.date)
            cluster.last = max(cluster.last or item.date, item.date)
            self._first[index] = cluster.first.toordinal()
            self._last[index] = cluster.last.toordinal()
        self._placed[item.id] = cluster.id


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
