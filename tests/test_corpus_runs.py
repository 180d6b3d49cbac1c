"""Corpus steps run only when what they read may have changed: new articles, an earlier step's
new output, the user's merges and splits, or a run that did not finish."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from parley.clean import clean_article
from parley.corpus import CORPUS_STEPS, corpus_step, run_corpus_steps
from parley.extract.registry import default_registry
from parley.models import RawArticle
from parley.records import RECORD_TYPES, record_type
from parley.store import open_store

STEPS = ["tally_articles", "read_tally"]


@dataclass(frozen=True)
class Tally:
    name: str
    count: int


@pytest.fixture
def toy_steps():
    """Two steps: one counts the articles into a ``tally`` record, one reads the tally."""
    calls: list[str] = []
    built: list[str] = []
    fail = {"read_tally": False}
    record_type("tally", scope="corpus", key=lambda t: t.name)(Tally)

    @corpus_step("tally_articles", reads=("article",), writes=("tally",))
    def tally_articles(ctx) -> int:
        calls.append("tally_articles")
        ctx.shared("ids", ("mention",), lambda: built.append("ids") or sorted(ctx.changed))
        ctx.shared("tallied", ("tally",), lambda: built.append("tallied") or 0)
        return ctx.store.replace_records("tally", [Tally("articles", ctx.store.count_articles())])

    @corpus_step("read_tally", reads=("tally",), writes=())
    def read_tally(ctx) -> int:
        calls.append("read_tally")
        ctx.shared("ids", ("mention",), lambda: built.append("ids") or sorted(ctx.changed))
        ctx.shared("tallied", ("tally",), lambda: built.append("tallied") or 0)
        if fail["read_tally"]:
            raise RuntimeError("the machine went down")
        return 0

    yield calls, built, fail
    for name in STEPS:
        CORPUS_STEPS.pop(name)
    RECORD_TYPES.pop("tally")


def _add(store, n: int, start: int = 0) -> list[str]:
    run = store.begin_run(["test"])
    articles = [
        clean_article(
            RawArticle(f"mem://{i}", "text", f"The envoy met the minister, visit {i}.", title=f"T{i}"),
            today=dt.date(2026, 2, 1),
        )
        for i in range(start, start + n)
    ]
    store.add_articles(articles, run)
    return [a.id for a in articles]


def _ran(reports) -> list[str]:
    return [r.name for r in reports if not r.skipped]


def test_a_rerun_with_nothing_new_skips_every_step(tmp_path, toy_steps):
    calls, built, _ = toy_steps
    store = open_store(str(tmp_path / "c.db"))
    registry = default_registry()
    ids = _add(store, 2)
    assert _ran(run_corpus_steps(store, registry, changed=ids, names=STEPS)) == STEPS
    # built once for both steps, except what was built from the tally the first step then wrote
    assert built == ["ids", "tallied", "tallied"]
    calls.clear()
    reports = run_corpus_steps(store, registry, names=STEPS)
    assert calls == [] and all(r.skipped for r in reports)
    # new articles: the tally changes, so its reader runs too
    more = _add(store, 1, start=2)
    assert _ran(run_corpus_steps(store, registry, changed=more, names=STEPS)) == STEPS
    assert [t.count for t in store.records("tally")] == [3]
    store.close()


def test_a_step_whose_input_did_not_change_is_skipped_even_after_new_articles(tmp_path, toy_steps):
    store = open_store(str(tmp_path / "c.db"))
    registry = default_registry()
    ids = _add(store, 2)
    run_corpus_steps(store, registry, changed=ids, names=STEPS)
    # the same articles again (re-analysed): the tally is the same, so nothing it feeds runs
    assert _ran(run_corpus_steps(store, registry, changed=ids, names=STEPS)) == ["tally_articles"]
    store.close()


def test_a_users_merge_reruns_the_steps(tmp_path, toy_steps):
    store = open_store(str(tmp_path / "c.db"))
    registry = default_registry()
    run_corpus_steps(store, registry, changed=_add(store, 1), names=STEPS)
    store.add_override("merge", "someone", "someone-else")
    assert _ran(run_corpus_steps(store, registry, names=STEPS)) == STEPS  # the dossier or decisions changed
    assert _ran(run_corpus_steps(store, registry, names=STEPS)) == []
    store.close()


def test_a_run_cut_short_leaves_the_rest_pending_for_the_next_run(tmp_path, toy_steps):
    calls, _, fail = toy_steps
    store = open_store(str(tmp_path / "c.db"))
    registry = default_registry()
    run_corpus_steps(store, registry, changed=_add(store, 1), names=STEPS)
    fail["read_tally"] = True
    with pytest.raises(RuntimeError):
        run_corpus_steps(store, registry, changed=_add(store, 1, start=1), names=STEPS)
    states = {r.name: r.state for r in store.records("corpus_step")}
    assert states == {"tally_articles": "done", "read_tally": "pending"}
    fail["read_tally"] = False
    calls.clear()
    assert _ran(run_corpus_steps(store, registry, names=STEPS)) == ["read_tally"]
    assert calls == ["read_tally"]
    store.close()
