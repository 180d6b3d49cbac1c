"""``Store.published``: each article's publication date by id, read in bulk without the
articles' text, the same from every backend (the contract tests' backends)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.clean import clean_article
from parley.models import RawArticle
from parley.store import open_store
from tests.store.test_contract import BACKENDS, postgres_database


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path: Path):
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "published.db"))
        yield s
        s.close()
    elif request.param == "postgresql":
        with postgres_database() as url:
            s = open_store(url)
            yield s
            s.close()


def _article(n: int, published: dt.date | None):
    raw = RawArticle(
        origin=f"mem://dated/{n}",
        format="text",
        title=f"Ceasefire talks, day {n}",
        text=f"Negotiators sat down again on day {n}.\n\nA spokesman said the mood was calm.",
        outlet="Coast Courier",
        published=published,
    )
    return clean_article(raw, today=dt.date(2026, 3, 1))


@pytest.fixture
def stored(store):
    articles = [_article(1, dt.date(2025, 11, 3)), _article(2, dt.date(2026, 2, 14)), _article(3, None)]
    store.add_articles(articles, store.begin_run(["mem"]))
    return articles


def test_the_dates_of_the_ids_asked_for(store, stored):
    a, b, undated = stored
    assert undated.published is None
    found = store.published([a.id, undated.id, "no-such-article"])
    assert found == {a.id: dt.date(2025, 11, 3), undated.id: None}  # one not stored is left out
    assert store.published([]) == {}
    assert store.published(iter([b.id])) == {b.id: dt.date(2026, 2, 14)}  # any iterable of ids


def test_every_articles_date_when_no_ids_are_given(store, stored):
    assert store.published() == {x.id: x.published for x in stored}


def test_many_ids_at_once(store, stored):
    # more ids than one query takes at a time
    asked = [f"missing-{n}" for n in range(1200)] + [x.id for x in stored]
    assert store.published(asked) == {x.id: x.published for x in stored}
