"""A surname alone in one article and a full name in another are one person only when the two
articles are near in time, or the surname is given the title the person holds.

The actors step lets a surname written alone ("Roe said ...") stand for the only person the corpus
names in full with that surname, even in an article that never gives the first name. That holds
within one story's coverage; across years it does not: a stream of news spanning a decade names
one Roe as president in one year and another Roe as governor ten years on, and the surname alone
in the first year's articles is not the second. So the link is made when the surname's article
was published within ``NEAR_DAYS`` of a dated article that names the person in full, when the
surname's article or every article naming the person in full has no known date (nothing to tell
them apart then), or when the article gives the surname a
title ("President Roe") that a full-name mention of the person carries ("President Jon Roe"),
compared by the title's last word ("U.S. President" and "President" agree); a courtesy title
("Mr.") tells nothing.

The dates come from the store in one read of every article's id and date (never the articles'
text), and each person's dates are kept sorted, so a surname is checked against them by bisection
whatever the number of articles naming the person.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, runtime_checkable

from parley.extract.registry import COURTESY_TITLES, fold
from parley.models import Article, Mention

NEAR_DAYS = 365  # a year: the longest gap over which a surname alone still names the same person


class _Named(Protocol):
    mentions: list[Mention]


@runtime_checkable
class DatedArticles(Protocol):
    """An article id -> the article, which also gives an article's date alone (``published``):
    :class:`parley.store.lazy.ArticleDates`, a store's."""

    def __call__(self, article_id: str) -> Article | None: ...
    def published(self, article_id: str) -> dt.date | None: ...


def publication_dates(articles: Callable[[str], Article | None] | None) -> Callable[[str], dt.date | None]:
    """An article id -> its publication date (None when unknown): the dates ``articles`` gives
    alone when it does (:class:`DatedArticles`), else each article read once."""
    if isinstance(articles, DatedArticles):
        return articles.published
    dates: dict[str, dt.date | None] = {}

    def published(article_id: str) -> dt.date | None:
        if article_id not in dates:
            article = articles(article_id) if articles is not None else None
            dates[article_id] = article.published if article is not None else None
        return dates[article_id]

    return published


def near_in_time(
    article_id: str, named_in: Iterable[str], published: Callable[[str], dt.date | None]
) -> bool:
    """Whether the article ``article_id`` is near in time to one of the articles ``named_in``
    (those that name the person in full), or the dates cannot tell."""
    day = published(article_id)
    if day is None:
        return True
    days = [d for d in map(published, named_in) if d is not None]
    return not days or any(abs((day - d).days) <= NEAR_DAYS for d in days)


def title(role: str | None) -> str | None:
    """The title a role word ends in, folded ("U.S. President" -> "president"); none for a
    courtesy title."""
    words = fold(role or "").rstrip(".").split()
    return words[-1] if words and words[-1] not in COURTESY_TITLES else None


class Days:
    """The days of the dated articles naming one person, kept sorted (each article once), so
    that whether an article is near in time to one of them is answered by bisection, whatever
    their number (:func:`near_in_time` reads every article's date on every call and is kept as the
    plain statement of the same test). Articles may be added between questions."""

    def __init__(self, published: Callable[[str], dt.date | None]) -> None:
        self.published = published
        self.articles: set[str] = set()
        self.days: list[int] = []  # day numbers of the dated articles, sorted

    def add(self, article_id: str) -> None:
        if article_id in self.articles:
            return
        self.articles.add(article_id)
        day = self.published(article_id)
        if day is not None:
            insort(self.days, day.toordinal())  # at the end when added in date order

    def near(self, article_id: str) -> bool:
        """Whether the article is published within ``NEAR_DAYS`` of one of the dated articles,
        or the dates cannot tell (it has none, or none of them has one)."""
        day = self.published(article_id)
        if day is None or not self.days:
            return True
        n = day.toordinal()
        first = bisect_left(self.days, n - NEAR_DAYS)  # the first day not more than a year before
        return first < len(self.days) and self.days[first] <= n + NEAR_DAYS


class NameTimes:
    """Whether a surname alone (a mention, its folded surname) links to a full-name cluster read
    in other articles: ``links``. Built from the surnames alone (each with its folded surname) and
    the clusters of full names before any surname joins them."""

    def __init__(
        self,
        alone: Iterable[tuple[Mention, str]],
        clusters: Sequence[_Named],
        published: Callable[[str], dt.date | None],
    ):
        self.published = published
        self.named_in = {id(c): {m.article_id for m in c.mentions} for c in clusters}
        self.days: dict[int, Days] = {}  # a cluster's dated articles' days (when first asked)
        self.titles = {id(c): {t for m in c.mentions if (t := title(m.role))} for c in clusters}
        self.given: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, surname) -> titles
        for m, surname in alone:
            if t := title(m.role):
                self.given[(m.article_id, surname)].add(t)

    def links(self, m: Mention, surname: str, cluster: _Named) -> bool:
        if self.near(m.article_id, id(cluster)):
            return True
        return bool(self.given.get((m.article_id, surname), set()) & self.titles[id(cluster)])

    def near(self, article_id: str, cluster: int) -> bool:
        """:func:`near_in_time` for the articles naming the cluster in full, by bisection of
        their days (:class:`Days`, made when first asked)."""
        days = self.days.get(cluster)
        if days is None:
            days = self.days[cluster] = Days(self.published)
            for article_id_ in self.named_in[cluster]:
                days.add(article_id_)
        return days.near(article_id)
