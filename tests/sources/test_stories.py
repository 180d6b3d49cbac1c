"""Stories keep their ids and members when articles are added."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np

from parley.ingest.job import ingest
from parley.reconcile.stories import Clusterer, Item, story_id
from parley.store import open_store
from tests.sources.conftest import FIXTURE, ids_by_key, run_steps


def _stories(store) -> dict[str, tuple[str, ...]]:
    return {s.id: s.articles for s in store.records("story")}


def test_stories_keep_their_ids_when_articles_are_added(tmp_path):
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    keys = [json.loads(line)["title"] for line in lines]
    early = [line for line, title in zip(lines, keys, strict=True) if "Grain" not in title][:3]
    first.write_text("\n".join(early) + "\n", encoding="utf-8")
    later.write_text("\n".join(line for line in lines if line not in early) + "\n", encoding="utf-8")
    store = open_store(str(tmp_path / "parley.db"))
    ingest([str(first)], store, today=dt.date(2026, 3, 10))
    run_steps(store, changed=store.unanalysed(""))
    before = _stories(store)
    ids = ids_by_key(store)
    talks = next(s for s, members in before.items() if ids["original"] in members)
    assert set(before[talks]) >= {ids["original"], ids["rewrite"]}

    ingest([str(later)], store, today=dt.date(2026, 3, 10))
    ids = ids_by_key(store)
    new = [i for i in store.unanalysed("") if i not in {a for m in before.values() for a in m}]
    run_steps(store, changed=new)
    after = _stories(store)
    for story, members in before.items():  # every old story is still there, its members first
        assert after[story][: len(members)] == members
    assert ids["translation"] in after[talks]  # a copy joins the story of its original
    grain = next(s for s, members in after.items() if ids["other_story"] in members)
    assert grain not in before and grain != talks

    assert [r.changed for r in run_steps(store)] == [0, 0, 0]  # nothing new: nothing moves
    assert _stories(store) == after
    store.close()


def _unit(*values: float) -> np.ndarray:
    v = np.zeros(512, dtype=np.float32)
    v[: len(values)] = values
    return v / np.linalg.norm(v)


def test_the_clusterer_places_each_article_once_and_never_renumbers():
    day = dt.date(2026, 3, 2)
    clusterer = Clusterer(threshold=0.8, window_days=2)
    clusterer.add([Item("a1", _unit(1, 0), day), Item("b1", _unit(0, 1), day)])
    assert clusterer.story_of("a1") == story_id("a1")
    placed = clusterer.add([Item("a2", _unit(1, 0.1), day + dt.timedelta(days=1)), Item("a1", _unit(0, 1))])
    assert placed == [("a2", story_id("a1"))]  # a1 is placed already: it does not move
    # the same subject after the story went quiet is a new story
    clusterer.add([Item("a3", _unit(1, 0), day + dt.timedelta(days=10))])
    assert clusterer.story_of("a3") == story_id("a3")
    assert [c.members for c in clusterer.clusters()] == [["a1", "a2"], ["b1"], ["a3"]]
