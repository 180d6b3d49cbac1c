"""Story clustering on RUWA: B-cubed precision, recall and F1 against its event labels, and
throughput, for Parley's stories and a TF-IDF baseline under the same conditions.

    python -m parley.bench.ruwa ../shared/datasets/ruwa/RUWA_01.08.23.csv.zip

RUWA (Khairova et al., github.com/ninakhairova/dataset_RUWA): 16,545 news items on the
Russia–Ukraine war (Feb–Sep 2022) from 9 sites, each with a title and/or subheading, a date and
one of 9 event labels. The zip is read as it is; nothing is copied.

Both systems see the same text (title and subheading), take the items in date order and run the
same single-pass clustering (:class:`parley.reconcile.stories.Clusterer`: join the nearest
story centroid within ``--window`` days if the cosine reaches the threshold, else start a story):

- **parley**: the multilingual sentence encoder's unit vectors (what the ``stories`` step uses);
- **tfidf**: TF-IDF unit vectors (lower-cased words, sublinear tf, smoothed idf fitted on the
  whole set: a baseline allowed to see the future), centroids kept sparse.

RUWA's labels are nine broad event categories (the invasion's beginning, the nuclear plant,
Azovstal, ...), assigned by keywords; a story is one development reported over a few days. So
B-cubed precision says how seldom a story mixes categories, and recall is low by design: one
category holds thousands of items over months, and a story-sized cluster can never hold them all.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import re
import time
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from parley.reconcile.stories import Clusterer, Item

DEFAULT = Path("../shared/datasets/ruwa/RUWA_01.08.23.csv.zip")


@dataclass(frozen=True)
class NewsItem:
    id: str
    text: str
    date: dt.date | None
    label: str


def load(path: Path, limit: int | None = None) -> list[NewsItem]:
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv") and not n.startswith("__MACOSX"))
        with zf.open(name) as raw:
            rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    items = []
    for n, row in enumerate(rows):
        text = ". ".join(p.strip() for p in (row["title"], row["desc"]) if p and p.strip())
        if not text:
            continue
        try:
            date = dt.datetime.strptime(row["Date"], "%m/%d/%Y").date()
        except ValueError:
            date = None
        items.append(NewsItem(str(n), text, date, row["Event"]))
    items.sort(key=lambda i: (i.date or dt.date.max, int(i.id)))
    return items[:limit] if limit else items


def bcubed(clusters: dict[str, str], labels: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin 1998; Amigó et al. 2009)."""
    both: Counter = Counter((clusters[i], labels[i]) for i in labels)
    by_cluster: Counter = Counter(clusters[i] for i in labels)
    by_label: Counter = Counter(labels.values())
    n = len(labels)
    precision = sum(c * c / by_cluster[k] for (k, _), c in both.items()) / n
    recall = sum(c * c / by_label[g] for (_, g), c in both.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def embed(items: list[NewsItem]) -> tuple[np.ndarray, float]:
    from parley.embed import default_embedder

    embedder = default_embedder()
    embedder.encode(["warm up"])
    start = time.perf_counter()
    rows = [embedder.encode([i.text for i in items[k : k + 64]]) for k in range(0, len(items), 64)]
    return np.vstack(rows), time.perf_counter() - start


def cluster_dense(items: list[NewsItem], vectors: np.ndarray, threshold: float, window: int):
    start = time.perf_counter()
    clusterer = Clusterer(threshold=threshold, window_days=window)
    clusterer.add(Item(i.id, v, i.date) for i, v in zip(items, vectors, strict=True))
    seconds = time.perf_counter() - start
    return {i.id: clusterer.story_of(i.id) or "" for i in items}, seconds


_WORD = re.compile(r"\w\w+", re.UNICODE)


def tfidf(items: list[NewsItem]) -> tuple[list[dict[str, float]], float]:
    start = time.perf_counter()
    docs = [Counter(_WORD.findall(i.text.casefold())) for i in items]
    df: Counter = Counter(t for d in docs for t in d)
    n = len(docs)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    vectors = []
    for d in docs:
        v = {t: (1 + math.log(c)) * idf[t] for t, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({t: x / norm for t, x in v.items()})
    return vectors, time.perf_counter() - start


def cluster_sparse(items: list[NewsItem], vectors: list[dict[str, float]], threshold: float, window: int):
    """The same single pass as :class:`Clusterer`, on sparse centroids with an inverted index;
    a story that went quiet (items come in date order) leaves the index."""
    start = time.perf_counter()
    totals: list[dict[str, float]] = []
    norms: list[float] = []
    first: list[int] = []
    last: list[int] = []
    postings: dict[str, set[int]] = defaultdict(set)
    assigned: dict[str, str] = {}
    open_stories: set[int] = set()
    for item, vec in zip(items, vectors, strict=True):
        day = item.date.toordinal() if item.date else None
        if day is not None:
            for k in [k for k in open_stories if last[k] >= 0 and last[k] + window < day]:
                open_stories.discard(k)
                for term in totals[k]:
                    postings[term].discard(k)
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vec.items():
            for k in postings.get(term, ()):
                scores[k] += weight * totals[k][term]
        best, best_sim = -1, threshold
        for k, dot in scores.items():
            if day is not None and first[k] >= 0 and not (first[k] - window <= day <= last[k] + window):
                continue
            sim = dot / norms[k]
            if sim >= best_sim:
                best, best_sim = k, sim
        if best < 0:
            best = len(totals)
            totals.append({})
            norms.append(0.0)
            first.append(day if day is not None else -1)
            last.append(day if day is not None else -1)
        total = totals[best]
        for term, weight in vec.items():
            total[term] = total.get(term, 0.0) + weight
            postings[term].add(best)
        norms[best] = math.sqrt(sum(x * x for x in total.values())) or 1.0
        if day is not None:
            first[best] = day if first[best] < 0 else min(first[best], day)
            last[best] = max(last[best], day)
        assigned[item.id] = str(best)
        open_stories.add(best)
    return assigned, time.perf_counter() - start


def _row(
    system: str,
    threshold: float,
    clusters: dict[str, str],
    labels: dict[str, str],
    seconds: float,
    vector_seconds: float,
) -> str:
    p, r, f = bcubed(clusters, labels)
    k = len(set(clusters.values()))
    n = len(labels)
    return (
        f"{system:<7} {threshold:>9.2f} {k:>8} {p:>6.3f} {r:>6.3f} {f:>6.3f} "
        f"{n / (seconds + vector_seconds):>13,.0f} {n / seconds:>13,.0f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="first N items in date order")
    parser.add_argument("--window", type=int, default=4, help="days a story stays open (both systems)")
    parser.add_argument("--parley", type=float, nargs="*", default=[0.5, 0.6, 0.7], help="thresholds")
    parser.add_argument("--tfidf", type=float, nargs="*", default=[0.1, 0.15, 0.2, 0.3], help="thresholds")
    args = parser.parse_args(argv)
    items = load(args.path, args.limit)
    labels = {i.id: i.label for i in items}
    print(f"RUWA: {len(items)} items with a title or subheading, {len(set(labels.values()))} labels")
    print(f"label sizes: {dict(Counter(labels.values()).most_common())}")
    print(f"single pass in date order, stories open {args.window} days; one label for all: ", end="")
    print("P {:.3f} R {:.3f} F1 {:.3f}".format(*bcubed(dict.fromkeys(labels, "all"), labels)))
    vectors, embed_seconds = embed(items) if args.parley else (np.zeros((0, 512)), 0.0)
    sparse, tfidf_seconds = tfidf(items)
    if args.parley:
        print(f"vectors: encoder {embed_seconds:.1f} s ({len(items) / embed_seconds:,.0f} items/s); ", end="")
    print(f"tf-idf {tfidf_seconds:.1f} s")
    print("system  threshold  stories   B3-P   B3-R  B3-F1  items/s (all)  (clustering)")
    for threshold in args.parley:
        clusters, seconds = cluster_dense(items, vectors, threshold, args.window)
        print(_row("parley", threshold, clusters, labels, seconds, embed_seconds))
    for threshold in args.tfidf:
        clusters, seconds = cluster_sparse(items, sparse, threshold, args.window)
        print(_row("tfidf", threshold, clusters, labels, seconds, tfidf_seconds))


if __name__ == "__main__":
    main()
