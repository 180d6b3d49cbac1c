"""A surname alone in another article is the person named in full only near in time: a stream
spanning years names two people of one surname a decade apart (name_times)."""

from __future__ import annotations

import datetime as dt

from parley.extract.registry import ActorRegistry
from parley.models import Article, Mention, Span
from parley.reconcile import name_times
from parley.reconcile.actors import resolve_actors


def _m(article: str, start: int, text: str, role: str | None = None) -> Mention:
    return Mention(article, Span(start, start + len(text)), text, "PERSON", None, role)


def _articles(dates: dict[str, dt.date | None]):
    def article(article_id: str) -> Article | None:
        if article_id not in dates:
            return None
        return Article(article_id, article_id, "t", "text", article_id, "text", published=dates[article_id])

    return article


# "Governor Dana Holm signed the bill" (2000); "Holm said ..." in a story of the same spring, and
# "President Holm said ..." in a story of 1991 that never gives a first name
MENTIONS = [
    _m("named", 0, "Dana Holm", "Governor"),
    _m("spring", 40, "Holm"),
    _m("decade", 20, "Holm", "President"),
    _m("decade", 40, "Holm"),
]
DATES = {"named": dt.date(2000, 4, 2), "spring": dt.date(2000, 5, 20), "decade": dt.date(1991, 1, 16)}


def test_a_surname_alone_years_away_is_not_the_person_named_in_full():
    actors, resolved = resolve_actors(MENTIONS, ActorRegistry([], []), articles=_articles(DATES))
    (dana,) = actors
    assert [m.actor_id for m in resolved] == [dana.id, dana.id, None, None]


def test_years_away_the_title_the_person_holds_still_links():
    # "U.S. President Dana Holm" in 2000; "President Holm ... Holm said" in 1991
    mentions = [_m("named", 0, "Dana Holm", "U.S. President"), *MENTIONS[1:]]
    actors, resolved = resolve_actors(mentions, ActorRegistry([], []), articles=_articles(DATES))
    (dana,) = actors
    assert [m.actor_id for m in resolved] == [dana.id] * 4
    mr = [_m("named", 0, "Dana Holm", "Governor"), _m("decade", 20, "Holm", "Mr.")]
    _, resolved = resolve_actors(mr, ActorRegistry([], []), articles=_articles(DATES))
    assert resolved[1].actor_id is None  # a courtesy title tells nothing


def test_without_dates_the_only_bearer_is_still_taken():
    dates: dict[str, dt.date | None] = {"named": dt.date(2000, 4, 2), "spring": None, "decade": None}
    actors, resolved = resolve_actors(MENTIONS, ActorRegistry([], []), articles=_articles(dates))
    (dana,) = actors
    assert [m.actor_id for m in resolved] == [dana.id] * 4


def test_a_year_is_the_limit(monkeypatch):
    dates = {"named": dt.date(2000, 4, 2), "spring": dt.date(2001, 3, 30), "decade": dt.date(2001, 4, 3)}
    published = name_times.publication_dates(_articles(dates))
    assert name_times.near_in_time("spring", ["named"], published)
    assert not name_times.near_in_time("decade", ["named"], published)
    monkeypatch.setattr(name_times, "NEAR_DAYS", 400)
    assert name_times.near_in_time("decade", ["named"], published)
