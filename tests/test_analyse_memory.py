"""What one analysis holds once its articles are parsed: a run that loaded the spaCy model
drops it (and the pipeline) before the corpus steps, which never need it; a run given a parser
(a watch loop's, kept across cycles) keeps it; a released executor loads the model again. The
sentence encoder likewise: dropped with the pipeline, then the ``copies`` step's own, gone when
that step ends (the steps after it do not need it), unless the process holds one."""

from __future__ import annotations

import datetime as dt
import gc
import platform
import weakref

import pytest

import parley.analyse as analyse_job
from parley import heap
from parley.clean import clean_article
from parley.embed import default_embedder, drop_embedders
from parley.extract.registry import default_registry
from parley.models import RawArticle
from parley.nlp import DEFAULT_MODEL, SpacyParser, drop_models, load_model
from parley.parallel.local import LocalExecutor
from parley.parallel.work import make_job
from parley.pipeline import default_components
from parley.reconcile import source_steps
from parley.store import open_store

TEXTS = [
    "Foreign Minister Ilse Varga said on Tuesday that the border crossings would reopen. "
    '"Trucks will move again by Friday," Varga told reporters in the capital.',
    "The opposition leader, Marek Lund, said the deal gave away too much. Lund called for a vote.",
]


def _store(path):
    store = open_store(str(path))
    run = store.begin_run(["test"])
    articles = [
        clean_article(
            RawArticle(f"mem://{n}", "text", text, title=f"Talks {n}", published=dt.date(2026, 3, 2 + n)),
            today=dt.date(2026, 3, 10),
        )
        for n, text in enumerate(TEXTS)
    ]
    store.add_articles(articles, run)
    return store


def _at_the_corpus_steps(monkeypatch, look) -> list[object]:
    """``look()`` once the garbage is collected, where each run's corpus steps start."""
    seen: list[object] = []
    run_corpus_steps = analyse_job.run_corpus_steps

    def watched(*args, **kwargs):
        gc.collect()
        seen.append(look())
        return run_corpus_steps(*args, **kwargs)

    monkeypatch.setattr(analyse_job, "run_corpus_steps", watched)
    return seen


def test_a_run_that_loaded_the_model_frees_it_before_the_corpus_steps(tmp_path, monkeypatch):
    drop_models()  # a model nobody else in this test process holds
    model = weakref.ref(load_model())  # the one the run's own parser will use
    seen = _at_the_corpus_steps(monkeypatch, lambda: model() is None)
    report = analyse_job.analyse(_store(tmp_path / "a.db"))
    assert report.analysed == 2 and report.statements >= 3
    assert seen == [True]  # the spaCy model itself is gone, not only the cache's reference
    assert report.corpus_steps  # and the corpus steps ran without it


def test_a_given_parser_keeps_its_model_for_the_next_run(tmp_path, monkeypatch):
    parser = SpacyParser()
    seen = _at_the_corpus_steps(monkeypatch, lambda: load_model() is parser.nlp)
    store = _store(tmp_path / "b.db")
    analyse_job.analyse(store, parser=parser)
    nlp = parser.nlp
    analyse_job.analyse(store, parser=parser, force=True)
    assert parser.nlp is nlp
    assert seen == [True, True]  # nor was it dropped from the process's models


def test_a_released_executor_loads_the_model_again_and_finds_the_same(tmp_path):
    store = _store(tmp_path / "c.db")
    articles = [store.article(article_id) for article_id in store.unanalysed("")]
    job = make_job(DEFAULT_MODEL, default_components(), default_registry())
    executor = LocalExecutor()
    first = [o.records for outcomes in executor.map(job, [articles]) for o in outcomes]
    model = weakref.ref(load_model())
    executor.release()
    gc.collect()
    assert model() is None
    again = [o.records for outcomes in executor.map(job, [articles]) for o in outcomes]
    assert len(first) == 2 and first[0] is not None and first[0].records["statement"]
    assert again == first


def _encoders_of_copies(monkeypatch) -> list[weakref.ref]:
    """A reference to each encoder the ``copies`` step takes, which does not keep it alive."""
    taken: list[weakref.ref] = []
    loaded_or_new = source_steps.loaded_or_new

    def watched():
        encoder = loaded_or_new()
        taken.append(weakref.ref(encoder))
        return encoder

    monkeypatch.setattr(source_steps, "loaded_or_new", watched)
    return taken


def test_the_sentence_encoder_goes_with_the_copies_step(tmp_path, monkeypatch):
    drop_embedders()
    registry = default_registry()
    seen = _at_the_corpus_steps(monkeypatch, lambda: default_embedder.cache_info().currsize)
    taken = _encoders_of_copies(monkeypatch)
    store = _store(tmp_path / "d.db")
    analyse_job.analyse(store, registry=registry)
    gc.collect()
    assert seen == [0]  # the stances component's encoder was dropped with the pipeline
    assert len(taken) == 1 and taken[0]() is None  # the step's own encoder went with it
    assert default_embedder.cache_info().currsize == 0
    assert store.count("fingerprint") == 2  # and the step did embed the articles


def test_a_held_encoder_is_the_one_the_copies_step_uses(tmp_path, monkeypatch):
    held = default_embedder()
    taken = _encoders_of_copies(monkeypatch)
    analyse_job.analyse(_store(tmp_path / "e.db"), parser=SpacyParser())
    assert [ref() for ref in taken] == [held]  # not a second one loaded beside it
    assert default_embedder() is held


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_the_heap_is_trimmed_on_glibc():
    assert heap.give_back() is True
