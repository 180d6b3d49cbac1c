"""The pipeline: declared requirements checked at build time, registered components, and a
component that fails on one article recorded without stopping the others."""

from __future__ import annotations

import datetime as dt

import pytest

from parley import records
from parley.analyse import analyse
from parley.clean import clean_article
from parley.errors import ConfigError
from parley.extract.registry import default_registry
from parley.models import RawArticle
from parley.nlp import SpacyParser
from parley.pipeline import COMPONENTS, DEFAULT_COMPONENTS, Analysis, Context, Pipeline, component
from parley.store import open_store


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def test_built_in_components_are_registered(parser):
    """Golden: a built-in component that disappears, or changes what it needs or makes, fails here."""
    Pipeline([], parser, Context(default_registry()))  # building a pipeline registers them
    contracts = {name: (COMPONENTS[name].requires, COMPONENTS[name].produces) for name in DEFAULT_COMPONENTS}
    assert contracts == {
        "mentions": (("doc",), ("mention",)),
        "attributions": (("doc",), ("attribution",)),
        "times": (("article",), ("time_expression",)),
        "statements": (("doc", "attribution", "mention", "time_expression"), ("statement",)),
        "events": (("doc", "mention", "time_expression", "attribution"), ("event_mention",)),
    }
    stored = {rt.name: rt.scope for rt in records.all_types()}
    assert {
        k: stored[k] for k in ("mention", "time_expression", "statement", "event_mention", "actor", "event")
    } == {
        "mention": "article",
        "time_expression": "article",
        "statement": "article",
        "event_mention": "article",
        "actor": "corpus",
        "event": "corpus",
    }
    assert "attribution" not in stored  # handed between components, never stored


def test_a_missing_requirement_is_caught_when_the_pipeline_is_built(parser):
    with pytest.raises(ConfigError, match="statements.*needs"):
        Pipeline(["statements"], parser, Context(default_registry()))
    with pytest.raises(ConfigError, match="no component named"):
        Pipeline(["nonexistent"], parser, Context(default_registry()))


def test_one_failing_article_does_not_stop_the_batch(tmp_path, parser):
    @component("explodes_on_marker", requires=("article",), produces=())
    def explodes(ctx: Context):
        def step(a: Analysis) -> dict:
            if "MARKER" in a.article.text:
                raise RuntimeError("cannot read this one")
            return {}

        return step

    try:
        store = open_store(str(tmp_path / "parley.db"))
        run = store.begin_run(["test"])
        texts = [
            "The minister said talks would resume.",
            "MARKER text here, said the envoy.",
            "The envoy said on Monday that talks went well.",
        ]
        store.add_articles(
            [
                clean_article(RawArticle(f"t{i}", "text", t, title=f"T{i}"), today=dt.date(2026, 1, 1))
                for i, t in enumerate(texts)
            ],
            run,
        )
        report = analyse(store, parser=parser, components=[*DEFAULT_COMPONENTS, "explodes_on_marker"])
        assert report.analysed == 3
        assert [(f.component, f.reason) for f in report.failures] == [
            ("explodes_on_marker", "RuntimeError: cannot read this one")
        ]
        assert len(store.analysis_errors()) == 1
        assert sum(1 for s in store.statements()) >= 2  # the other two articles were analysed
        store.close()
    finally:
        COMPONENTS.pop("explodes_on_marker", None)
