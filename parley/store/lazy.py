"""A store's articles as a mapping read on demand, for work that walks the whole corpus.

The corpus steps look articles up by id again and again (a statement's sentence, a claim's
date) and walk every article a few times; holding every text at once makes their memory grow
with the corpus. :class:`StoredArticles` keeps only the ids (in the store's article order) and
the articles read last, and walks the corpus by streaming it from the store.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping

from parley.models import Article
from parley.store import Store

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
