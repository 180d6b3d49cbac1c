"""A store's articles and records read on demand, for work that walks the whole corpus.

The corpus steps look articles up by id again and again (a statement's sentence, a claim's
date) and walk every article and statement a few times; holding all of them at once makes their
memory grow with the corpus. :class:`StoredArticles` keeps only the ids (in the store's article
order) and the articles read last; :class:`ArticleDates` reads an article when asked for it, and
every article's date (ids and dates only) at once; :class:`RecordsByArticle` reads one type's
records of an article when asked for them; :class:`StoredRecords` streams a type's records on
each walk.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from itertools import groupby
from typing import Any

from parley.models import Article
from parley.store import RecordQuery, Store

KEEP = 512  # articles kept after reading: enough for the steps' look-ups, which go article by article


class StoredArticles(Mapping[str, Article]):
    """The store's articles at the time this was made, by id, in the store's order."""

    def __init__(self, store: Store, keep: int = KEEP) -> None:
        self._store = store
        self._keep = keep
        self._order = {a.id: n for n, a in enumerate(store.articles())}
        self._kept: OrderedDict[str, Article] = OrderedDict()

    def __getitem__(self, article_id: str) -> Article:
        if article_id not in self._order:
            raise KeyError(article_id)
        article = self._kept.get(article_id)
        if article is not None:
            self._kept.move_to_end(article_id)
            return article
        found = self._store.article(article_id)
        if found is None or found.id != article_id:  # deleted since, or an id prefix of another
            raise KeyError(article_id)
        self._remember(found)
        return found

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._order

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def items(self) -> Iterator[tuple[str, Article]]:  # type: ignore[override]
        """Every article, streamed from the store in one pass rather than one query each."""
        for article in self._store.articles():
            if article.id in self._order:
                self._remember(article)  # what the walker looks at next is about this article
                yield article.id, article

    def values(self) -> Iterator[Article]:  # type: ignore[override]
        return (article for _, article in self.items())

    def _remember(self, article: Article) -> None:
        self._kept[article.id] = article
        if len(self._kept) > self._keep:
            self._kept.popitem(last=False)


class ArticleDates:
    """A store's articles by id, each read whole when called for (None: no such article), and
    their publication dates (:meth:`published`): every article's id and date, read in one query
    the first time a date is asked for and kept."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._dates: dict[str, dt.date | None] | None = None

    def __call__(self, article_id: str) -> Article | None:
        return self._store.article(article_id)

    def published(self, article_id: str) -> dt.date | None:
        """The article's publication date; None when unknown or when no article has this id."""
        if self._dates is None:
            self._dates = self._store.published()
        return self._dates.get(article_id)


class RecordsByArticle(Mapping[str, list[Any]]):
    """One record type's records of each article (as the corpus steps left them), read from the
    store when an article's are asked for; an article with none has an empty list. The last
    ``keep`` articles' are kept: readers go statement by statement, mostly article by article."""

    def __init__(self, store: Store, type_name: str, keep: int = KEEP) -> None:
        self._store = store
        self._type = type_name
        self._keep = keep
        self._kept: OrderedDict[str, list[Any]] = OrderedDict()

    def __getitem__(self, article_id: str) -> list[Any]:
        found = self._kept.get(article_id)
        if found is not None:
            self._kept.move_to_end(article_id)
            return found
        found = list(self._store.records(self._type, RecordQuery(article_ids=(article_id,))))
        self._kept[article_id] = found
        if len(self._kept) > self._keep:
            self._kept.popitem(last=False)
        return found

    def items(self) -> Iterator[tuple[str, list[Any]]]:  # type: ignore[override]
        """Each article that has records with its records, in the type's stored order, streamed."""
        for article_id, records in groupby(self._store.records(self._type), key=lambda r: r.article_id):
            yield article_id, list(records)

    def values(self) -> Iterator[list[Any]]:  # type: ignore[override]
        return (records for _, records in self.items())

    def __iter__(self) -> Iterator[str]:
        return (article_id for article_id, _ in self.items())

    def __len__(self) -> int:
        return sum(1 for _ in self.items())


class StoredRecords(Iterable[Any]):
    """One record type's records (as the corpus steps left them), streamed from the store anew
    on each walk, in the type's stored order."""

    def __init__(self, store: Store, type_name: str) -> None:
        self._store = store
        self._type = type_name

    def __iter__(self) -> Iterator[Any]:
        return iter(self._store.records(self._type))
