"""The actors step's time checks at scale (name_times): the dates are read from the store in one
read of ids and dates, never article by article, and a surname alone is checked against a
person's dates by bisection, each date read once however many surnames are checked."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from parley.clean import clean_article
from parley.extract.registry import ActorRegistry
from parley.models import Mention, RawArticle, Span
from parley.reconcile import name_times
from parley.reconcile.actors import resolve_actors
from parley.reconcile.name_times import NameTimes, near_in_time, publication_dates
from parley.store import open_store
from parley.store.lazy import ArticleDates


def _m(article: str, start: int, text: str, role: str | None = None) -> Mention:
    return Mention(article, Span(start, start + len(text)), text, "PERSON", None, role)


class _Cluster:
    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions


class _Counted:
    """A store whose reads are counted (the rest is the store's)."""

    def __init__(self, store):
        self.store = store
        self.calls: Counter = Counter()

    def __getattr__(self, name):
        self.calls[name] += 1
        return getattr(self.store, name)


def _raw(n: int, day: dt.date | None, text: str):
    raw = RawArticle(origin=f"mem://{n}", format="text", title=f"Budget row {n}", text=text, published=day)
    return clean_article(raw, today=dt.date(2030, 1, 1))


@pytest.fixture
def store(tmp_path):
    store = open_store(str(tmp_path / "times.db"))
    yield store
    store.close()


def _add(store, dated: list[tuple[dt.date | None, str]]) -> list[str]:
    articles = [_raw(n, day, text) for n, (day, text) in enumerate(dated)]
    store.add_articles(articles, store.begin_run(["mem"]))
    return [a.id for a in articles]


def test_the_dates_come_in_one_read_without_the_articles(store):
    ids = _add(store, [(dt.date(2024, 5, n), f"Story {n} about the budget vote.") for n in range(1, 21)])
    counted = _Counted(store)
    published = publication_dates(ArticleDates(counted))
    assert [published(i) for i in ids * 3] == [dt.date(2024, 5, n) for n in range(1, 21)] * 3
    assert published("no-such-article") is None
    assert counted.calls == Counter({"published": 1})  # no article was read whole


def test_an_article_is_still_read_whole_when_called_for(store):
    (only,) = _add(store, [(dt.date(2024, 5, 2), "Mayor Lin Okafor said the budget would pass.")])
    articles = ArticleDates(store)
    article = articles(only)
    assert article is not None and "Okafor" in article.text
    assert articles("no-such-article") is None


def test_a_plain_reader_still_gives_the_dates():
    # an id -> article function (no bulk read): each article read once
    reads: Counter = Counter()

    def article(article_id: str):
        reads[article_id] += 1
        return _raw(1, dt.date(2023, 1, 9), "The council met.") if article_id == "known" else None

    published = publication_dates(article)
    day = dt.date(2023, 1, 9)
    assert [published("known"), published("known"), published("other")] == [day, day, None]
    assert reads == Counter({"known": 1, "other": 1})


def test_each_date_is_read_once_however_many_surnames_are_checked():
    # a person named in full in 300 articles over three years; 200 surnames alone elsewhere
    days = {f"full-{n}": dt.date(2001, 1, 1) + dt.timedelta(days=4 * n) for n in range(300)}
    days |= {f"alone-{n}": dt.date(2000, 1, 1) + dt.timedelta(days=11 * n) for n in range(200)}
    asked: Counter = Counter()

    def published(article_id: str) -> dt.date | None:
        asked[article_id] += 1
        return days.get(article_id)

    cluster = _Cluster([_m(f"full-{n}", 0, "Ana Brandt", "Senator") for n in range(300)])
    alone = [(_m(f"alone-{n}", 10, "Brandt"), "brandt") for n in range(200)]
    times = NameTimes(alone, [cluster], published)
    linked = [times.links(m, key, cluster) for m, key in alone]
    named_in = [f"full-{n}" for n in range(300)]
    assert linked == [near_in_time(m.article_id, named_in, days.get) for m, _ in alone]
    assert True in linked and False in linked
    assert max(asked.values()) <= 2 and sum(asked.values()) <= 300 + 2 * 200


def test_bisection_agrees_with_the_plain_check():
    rng = random.Random(7)
    start = dt.date(1995, 1, 1)
    days: dict[str, dt.date | None] = {}
    clusters = []
    for c in range(30):
        ids = [f"c{c}-{n}" for n in range(rng.randint(1, 12))]
        for i in ids:
            days[i] = None if rng.random() < 0.15 else start + dt.timedelta(days=rng.randint(0, 4000))
        clusters.append(_Cluster([_m(i, 0, "Pia Santos") for i in ids]))
    for n in range(400):
        days[f"a{n}"] = None if rng.random() < 0.1 else start + dt.timedelta(days=rng.randint(0, 4000))
    alone = [(_m(f"a{n}", 5, "Santos"), "santos") for n in range(400)]
    times = NameTimes(alone, clusters, days.get)
    for m, key in alone:
        for c in clusters:
            named_in = {x.article_id for x in c.mentions}
            assert times.links(m, key, c) == near_in_time(m.article_id, named_in, days.get)


def test_a_year_either_way_is_the_limit(monkeypatch):
    named = dt.date(2010, 6, 1)
    days = {
        "named": named,
        "before": named - dt.timedelta(days=365),
        "after": named + dt.timedelta(days=365),
        "too-early": named - dt.timedelta(days=366),
        "too-late": named + dt.timedelta(days=366),
        "undated": None,
    }
    cluster = _Cluster([_m("named", 0, "Ola Berg", "Minister")])
    alone = [(_m(a, 3, "Berg"), "berg") for a in days if a != "named"]
    times = NameTimes(alone, [cluster], days.get)
    assert {m.article_id: times.links(m, k, cluster) for m, k in alone} == {
        "before": True,
        "after": True,
        "too-early": False,
        "too-late": False,
        "undated": True,  # nothing to tell them apart
    }
    monkeypatch.setattr(name_times, "NEAR_DAYS", 400)
    later = NameTimes(alone, [cluster], days.get)
    assert later.links(alone[3][0], "berg", cluster)  # 366 days, within the longer limit


def test_no_dated_article_naming_the_person_links_and_the_title_still_links_years_away():
    days: dict[str, dt.date | None] = {"named": None, "other": dt.date(1990, 3, 3)}
    days["far"] = dt.date(2005, 1, 1)
    undated = _Cluster([_m("named", 0, "Ola Berg", "Minister")])
    alone = [(_m("other", 3, "Berg"), "berg"), (_m("far", 3, "Berg", "Minister"), "berg")]
    assert NameTimes(alone, [undated], days.get).links(alone[0][0], "berg", undated)
    dated = _Cluster([_m("other", 0, "Ola Berg", "Foreign Minister")])
    times = NameTimes(alone, [dated], days.get)
    assert times.links(alone[1][0], "berg", dated)  # "Minister Berg" 15 years on: the title
    courtesy = NameTimes([(_m("far", 3, "Berg", "Mr."), "berg")], [dated], days.get)
    assert not courtesy.links(_m("far", 3, "Berg", "Mr."), "berg", dated)


def test_a_stores_dates_decide_the_actors(store):
    # "Governor Rui Tanaka" in 2012; "Tanaka said" the same autumn, and again nine years before
    ids = _add(
        store,
        [
            (dt.date(2012, 3, 5), "Governor Rui Tanaka signed the water bill on Monday."),
            (dt.date(2012, 10, 1), "Tanaka said the water bill had worked."),
            (dt.date(2003, 2, 2), "Tanaka said the port would reopen."),
        ],
    )
    mentions = [_m(ids[0], 9, "Rui Tanaka", "Governor"), _m(ids[1], 0, "Tanaka"), _m(ids[2], 0, "Tanaka")]
    counted = _Counted(store)
    actors, resolved = resolve_actors(mentions, ActorRegistry([], []), articles=ArticleDates(counted))
    (rui,) = actors
    assert [m.actor_id for m in resolved] == [rui.id, rui.id, None]
    assert counted.calls["published"] == 1
