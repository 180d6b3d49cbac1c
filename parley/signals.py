"""Warning signs on articles, as plain data for the CLI, the brief and the API: the reliability
signals the ``signals`` corpus step stored (:mod:`parley.reconcile.signals`: a weekday that does
not fit its date, dates that disagree, a rewriting tool's lines, a hedged claim with no source, a
misspelt name, a role others do not give, a value no other source gives), grouped by article.

- :func:`article_signals` — one article's signals, in the order of the text.
- :func:`flagged_articles` — each article with a signal, with its title, outlet and date: those
  with the most kinds of signal first (an article with a rewriting tool's lines *and* dates that
  disagree is read before one with a single hedge), then those whose most telling kind comes
  first in :data:`KIND_ORDER`, then the most signals, then the newest.

None of them says an article is wrong; each says why to read it closely, with the words it was
read from (``span``: characters of the article's text; None for the article's metadata).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from parley import records
from parley.reconcile.contested_records import Signal
from parley.store import RecordQuery, Store

__all__ = [
    "FlaggedArticle",
    "SIGNAL_TYPE",
    "article_signals",
    "flagged_articles",
    "flagged_count",
    "signal_kinds",
]
SIGNAL_TYPE = "signal"  # the record type (registered with the contested steps)
# the kinds, those most telling of a careless or copied page first (the order a list shows them in)
KIND_ORDER = (
    "machine-rewrite",
    "date-conflict",
    "weekday",
    "misspelt-name",
    "role",
    "lone-claim",
    "unattributed",
)


@dataclass(frozen=True)
class FlaggedArticle:
    article_id: str
    title: str
    outlet: str | None
    published: dt.date | None
    signals: tuple[Signal, ...]  # in the order of the text, the metadata's (no span) first

    @property
    def kinds(self) -> tuple[str, ...]:
        """Its kinds of signal, most telling first."""
        return tuple(sorted({s.kind for s in self.signals}, key=_rank))

    def as_dict(self) -> dict[str, Any]:
        """As JSON: the article's id, title, outlet and day, its kinds, and each signal in its
        export form (the ``signal`` record as ``parley export`` writes it)."""
        export = records.get(SIGNAL_TYPE).export
        return {
            "article_id": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "kinds": list(self.kinds),
            "signals": [export(s) for s in self.signals],
        }


def signal_kinds() -> tuple[str, ...]:
    return KIND_ORDER


def article_signals(store: Store, article_id: str) -> list[Signal]:
    """The signals of one article (full id), in the order of its text."""
    found = store.records(SIGNAL_TYPE, RecordQuery(equals=(("article_id", (article_id,)),)))
    return sorted(found, key=_in_text)


def flagged_count(store: Store) -> int:
    """How many stored articles have a signal (no article is read)."""
    return len(store.published({s.article_id for s in store.records(SIGNAL_TYPE)}))


def flagged_articles(
    store: Store,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int | None = None,
) -> list[FlaggedArticle]:
    """Each article with a signal (of ``kind``, if given; published within ``since`` and
    ``until``, if given: an undated article only when neither is), most kinds of signal first."""
    query = RecordQuery(equals=(("kind", (kind,)),)) if kind else RecordQuery()
    by_article: dict[str, list[Signal]] = {}
    for s in store.records(SIGNAL_TYPE, query):
        by_article.setdefault(s.article_id, []).append(s)
    dates = store.published(by_article)  # ids and dates only: an article is read once chosen
    if since or until:
        dates = {
            i: d for i, d in dates.items() if d and not (since and d < since) and not (until and d > until)
        }

    def rank(article_id: str) -> tuple[int, int, int, int, str]:
        found = by_article[article_id]
        kinds = {s.kind for s in found}
        day = dates[article_id] or dt.date.min
        return (-len(kinds), min(map(_rank, kinds)), -len(found), -day.toordinal(), article_id)

    chosen = sorted(dates, key=rank)
    flagged = []
    for article_id in chosen[:limit] if limit is not None else chosen:
        article = store.article(article_id)
        if article is not None:
            signals = tuple(sorted(by_article[article_id], key=_in_text))
            flagged.append(
                FlaggedArticle(article_id, article.title, article.outlet, article.published, signals)
            )
    return flagged


def _rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _in_text(s: Signal) -> tuple[int, int]:
    return (s.span.start if s.span else -1, _rank(s.kind))
