"""Warning signs shown to a reader: ``parley signals``, the brief's section (text, JSON,
Markdown, HTML) and the lines under ``parley articles ID``: each article with its signals, those
with the most kinds of signal first, each signal with its words and where they are. Articles and
signals written for these tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from parley.models import Article, Span
from parley.present.brief import build_brief
from parley.present.cli import cli
from parley.present.web.document import render_html, render_markdown
from parley.reconcile.contested_records import Signal
from parley.signals import article_signals, flagged_articles
from parley.store import open_store

HEDGED = "Officials reportedly drafted a second annex over the weekend."
COPIED = "Source Article: the harbour talks ended without a joint text. Generated on: 3 May."
PLAIN = "The harbour commission met on Tuesday and published its minutes."


def _article(aid: str, text: str, day: dt.date | None, outlet: str) -> Article:
    return Article(aid, aid * 4, f"Title of {aid[:4]}", text, "test", "text", published=day, outlet=outlet)


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "w.db")
    store = open_store(path)
    articles = [
        _article("a" * 16, HEDGED, dt.date(2026, 5, 4), "harbour-times.example"),
        _article("b" * 16, COPIED, None, "aggregator.example"),
        _article("c" * 16, PLAIN, dt.date(2026, 5, 2), "gazette.example"),
    ]
    store.add_articles(articles, store.begin_run(["test"]))
    at = COPIED.index("Generated on:")
    store.replace_records(
        "signal",
        [
            Signal(
                "a" * 16, "unattributed", Span(0, len(HEDGED)), HEDGED, "a hedged claim that names no source"
            ),
            Signal("b" * 16, "machine-rewrite", None, "Source Article", "a rewriting tool's line (removed)"),
            Signal(
                "b" * 16, "machine-rewrite", Span(at, at + 13), "Generated on:", "a rewriting tool's line"
            ),
            Signal(
                "b" * 16, "date-conflict", None, "metadata: 2026-05-03; url: 2026-04-03", "dates disagree"
            ),
        ],
    )
    store.close()
    return path


def test_the_article_with_most_kinds_of_signal_comes_first(db):
    store = open_store(db)
    found = flagged_articles(store)
    assert [f.article_id[0] for f in found] == ["b", "a"]  # "c" has none
    assert found[0].kinds == ("machine-rewrite", "date-conflict")
    assert [s.text for s in found[0].signals] == [
        "Source Article", "metadata: 2026-05-03; url: 2026-04-03", "Generated on:",
    ]  # fmt: skip
    assert [f.article_id[0] for f in flagged_articles(store, kind="unattributed")] == ["a"]
    assert [f.article_id[0] for f in flagged_articles(store, since=dt.date(2026, 5, 1))] == ["a"]
    assert article_signals(store, "c" * 16) == []


def test_at_equal_kinds_the_most_telling_kind_comes_first(db):
    """One kind each: a date conflict (read before a hedge) outranks two hedges."""
    store = open_store(db)
    hedge = Signal("a" * 16, "unattributed", Span(10, 20), HEDGED[10:20], "a hedged claim")
    dated = Signal("c" * 16, "date-conflict", None, "metadata: 2026-05-01; url: 2026-05-02", "dates disagree")
    store.replace_records("signal", [*store.records("signal"), hedge, dated])
    found = flagged_articles(store, since=dt.date(2026, 5, 1))
    assert [(f.article_id[0], len(f.signals)) for f in found] == [("c", 1), ("a", 2)]


def test_the_signals_command_lists_articles_and_their_evidence(db):
    runner = CliRunner()
    shown = runner.invoke(cli, ["--db", db, "signals"], catch_exceptions=False).output
    lines = shown.splitlines()
    assert lines[0].startswith("undated aggregator.example — Title of bbbb bbbbbbbb")
    assert "machine-rewrite (metadata): “Source Article”" in shown
    assert f"machine-rewrite ({COPIED.index('Generated')}-{COPIED.index('Generated') + 13})" in shown
    assert lines[-1] == "4 signals in 2 articles"
    one = runner.invoke(cli, ["--db", db, "signals", "aaaa"], catch_exceptions=False).output
    assert "unattributed (0-" in one and "Title of cccc" not in one
    data = json.loads(runner.invoke(cli, ["--db", db, "signals", "--json"]).output)
    assert data[0]["kinds"] == ["machine-rewrite", "date-conflict"] and data[1]["published"] == "2026-05-04"
    assert data[1]["signals"][0]["span"] == [0, len(HEDGED)]
    bad = runner.invoke(cli, ["--db", db, "signals", "--kind", "gossip"])
    assert bad.exit_code != 0 and "unattributed" in bad.output


def test_an_article_shows_its_warning_signs_before_its_text(db):
    shown = CliRunner().invoke(cli, ["--db", db, "articles", "bbbb"], catch_exceptions=False).output
    assert "warning signs (3;" in shown
    assert shown.index("date-conflict (metadata)") < shown.index("Source Article: the harbour talks")
    plain = CliRunner().invoke(cli, ["--db", db, "articles", "cccc"], catch_exceptions=False).output
    assert "warning signs" not in plain


def test_the_brief_has_a_warning_signs_section_in_every_form(db):
    text = CliRunner().invoke(cli, ["--db", db, "brief"], catch_exceptions=False).output
    section = text[text.index("Warning signs (2 articles flagged; 2 shown") :]
    assert section.index("aggregator.example") < section.index("harbour-times.example")
    store = open_store(db)
    b = build_brief(store)
    assert [w["article_id"][0] for w in b.warnings] == ["b", "a"]
    assert "## Warning signs" in render_markdown(b) and "“Generated on:”" in render_markdown(b)
    assert "<h2>Warning signs</h2>" in render_html(b)


def test_no_section_when_no_article_has_a_sign(tmp_path):
    path = str(tmp_path / "n.db")
    store = open_store(path)
    store.add_articles(
        [_article("c" * 16, PLAIN, dt.date(2026, 5, 2), "gazette.example")], store.begin_run(["t"])
    )
    store.close()
    text = CliRunner().invoke(cli, ["--db", path, "brief"], catch_exceptions=False).output
    assert "Warning signs" not in text
    assert "0 signals in 0 articles" in CliRunner().invoke(cli, ["--db", path, "signals"]).output
