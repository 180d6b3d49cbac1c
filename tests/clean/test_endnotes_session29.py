"""Endnote marks the cleaner takes out of a report's text ("... near the river.[[37]](#edn37)") are
remembered on the article (``Article.noted``: the last words before each), so a hedged claim the
report cites in a note is no "unattributed" signal. Every text here is made up."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from parley.clean import clean_article
from parley.clean.footnotes import footnote_notes, noted_words
from parley.clean.lines import clean_lines
from parley.clean.markdown import read_line
from parley.models import Article, RawArticle, Span
from parley.reconcile.claims import Corpus
from parley.reconcile.contested_records import Claim, ClaimSource
from parley.reconcile.signals import unattributed_signals
from parley.store import open_store
from tests.store.test_contract import postgres_database

DAY = dt.date(2026, 3, 2)
LEAD = (
    "Delegations from both sides met in the lakeside hotel on Tuesday for a third round of talks, "
    "the mediators' office said in a statement."
)
HEDGED = "Drone crews of the northern group are reportedly striking positions near the river crossing."
NOTE = "[[37]](https://example.org/analysis/<#_edn4f2a37>)"


def _article(*paragraphs: str) -> Article:
    raw = RawArticle(
        origin="mem://report",
        format="text",
        title="Campaign assessment, March 2",
        text="\n\n".join(paragraphs),
        url="https://example.org/analysis/campaign-assessment-march-2",
        published=DAY,
    )
    return clean_article(raw, today=DAY)


def _signals(article: Article, sentence: str) -> list[str]:
    start = article.text.index(sentence)
    source = ClaimSource(article.id, Span(start, start + len(sentence)), sentence)
    claim = Claim(
        "c1", sentence, "report", None, None, "article", DAY, (), article.id, source.span, (source,), 1
    )
    corpus = Corpus({article.id: article}, [], {}, {})
    return [s.text for s in unattributed_signals([claim], corpus)]


# -- what the cleaner keeps ---------------------------------------------------------------------


def test_a_markdown_endnote_mark_goes_and_the_words_before_it_are_kept():
    line = read_line(f"{HEDGED}{NOTE} Fighting continued near the bridge.[[38]](#edn38)")
    assert line.text == f"{HEDGED} Fighting continued near the bridge."
    assert line.noted == ("striking positions near the river crossing", "fighting continued near the bridge")
    assert line.links == ()


def test_the_words_kept_stop_at_their_sentence_start():
    line = read_line("Rain fell overnight. Crews reportedly withdrew.[[3]](#edn3) Shelling resumed at dawn.")
    assert line.noted == ("crews reportedly withdrew",)
    assert noted_words("The envoy left at noon. U.S. officials reportedly") == "u s officials reportedly"


def test_a_mark_right_after_a_hedge_keeps_the_words_up_to_the_hedge():
    line = read_line("Two brigades were reportedly[[12]](#edn12) moved to the southern front.")
    assert line.text == "Two brigades were reportedly moved to the southern front."
    assert line.noted == ("two brigades were reportedly",)


def test_a_footnote_number_glued_to_a_sentence_end_keeps_its_words_too():
    text = "The factory is reportedly doubling its drone output.24 The ministry denies this."
    assert footnote_notes(text) == ["is reportedly doubling its drone output"]
    cleaned = clean_lines(text, None)
    assert cleaned.noted == ["is reportedly doubling its drone output"]
    assert cleaned.paragraphs == [text.replace(".24", ".")]


def test_the_article_keeps_the_words_and_its_id_is_that_of_its_text():
    marked = _article(LEAD, f"{HEDGED}{NOTE} Fighting continued near the bridge.")
    plain = _article(LEAD, f"{HEDGED} Fighting continued near the bridge.")
    assert marked.text == plain.text
    assert marked.id == plain.id and marked.sha256 == plain.sha256
    assert marked.noted == ("striking positions near the river crossing",)
    assert plain.noted == ()


def test_guard_lines_without_marks_and_links_are_read_as_before():
    line = read_line("The talks, [reported here](https://example.org/news/talks), resume on Monday.")
    assert line.text == "The talks, reported here, resume on Monday."
    assert line.links == (("reported here", "https://example.org/news/talks"),)
    assert line.noted == ()
    assert read_line("Ceasefire [2](https://example.org/ceasefire-2) holds.").noted == ()  # a link, no mark


# -- the signal ---------------------------------------------------------------------------------


def test_a_hedge_whose_sentence_ended_in_a_mark_is_no_signal():
    article = _article(LEAD, f"{HEDGED}{NOTE} Fighting continued near the bridge.")
    assert _signals(article, HEDGED) == []


def test_a_hedge_a_mark_followed_is_no_signal():
    sentence = "Two brigades were reportedly moved to the southern front, where the shelling grew heavier."
    article = _article(LEAD, sentence.replace("reportedly", "reportedly[[12]](#edn12)"))
    assert _signals(article, sentence) == []


def test_guard_a_hedge_with_no_mark_is_still_a_signal():
    article = _article(LEAD, f"{HEDGED} Fighting continued near the bridge.")
    assert _signals(article, HEDGED) == [HEDGED]
    other = "Fighting continued near the bridge."
    article = _article(LEAD, f"{HEDGED} {other}[[38]](#edn38)")  # the mark is the next sentence's
    assert article.noted == ("fighting continued near the bridge",)
    assert _signals(article, HEDGED) == [HEDGED]


def test_guard_words_a_mark_followed_elsewhere_do_not_source_a_different_ending():
    """Only the whole phrase kept counts: a sentence ending in a part of it is not sourced."""
    article = _article(LEAD, f"{HEDGED}{NOTE}", "Crews were reportedly seen near the river crossing.")
    assert _signals(article, "Crews were reportedly seen near the river crossing.")


# -- stores -------------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path: Path):
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "endnotes.db"))
        yield s
        s.close()
    else:
        with postgres_database() as url:
            s = open_store(url)
            yield s
            s.close()


def test_a_store_keeps_the_words(store):
    article = _article(LEAD, f"{HEDGED}{NOTE}")
    assert store.add_articles([article], store.begin_run(["mem"])) == [True]
    assert store.article(article.id).noted == article.noted == ("striking positions near the river crossing",)


def test_an_article_stored_before_the_field_loads_without_words(tmp_path: Path):
    path = tmp_path / "old.db"
    article = _article(LEAD, f"{HEDGED}{NOTE}")
    store = open_store(str(path))
    store.add_articles([article], store.begin_run(["mem"]))
    store.close()
    with sqlite3.connect(path) as db:  # write the row as an earlier Parley did: no "noted" field
        data = json.loads(db.execute("SELECT data FROM articles").fetchone()[0])
        del data["noted"]
        db.execute("UPDATE articles SET data=?", (json.dumps(data),))
    store = open_store(str(path))
    assert store.article(article.id) == dataclasses.replace(article, noted=())
    store.close()
