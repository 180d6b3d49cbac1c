"""The event taxonomy tidied: the ``hypotheses`` lists are the taxonomy's (one set for all its
types), its lists are read by the names of their fields, and one setting (``PARLEY_EVENTS``)
names the taxonomy file both the extractor and the corpus step read; a weekday right after an
adjective in ``-ed`` ("the delayed Monday talks") is placed by its clause, not by the adjective.
Sentences, names and places written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest
from click.testing import CliRunner

from parley.extract.event_hypotheses import hypotheses_of
from parley.extract.event_readings import words_of
from parley.extract.event_taxonomy import EventType, load_taxonomy, taxonomy_of
from parley.extract.events import find_events
from parley.extract.mentions import find_mentions
from parley.extract.registry import default_registry
from parley.extract.timex import find_time_expressions
from parley.nlp import SpacyParser
from parley.present.cli import cli
from parley.store import open_store

PUBLISHED = dt.date(2026, 3, 6)  # a Friday
SHIPPED = (resources.files("parley.data") / "events.yaml").read_text(encoding="utf-8")
VISIT_KIN = "  - [meeting, visit]\n"


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


# -- 1. one taxonomy, its lists read by their names ----------------------------------------------


def test_the_hypotheses_are_the_taxonomys_not_each_types():
    shipped = load_taxonomy()
    assert "possibility" in shipped.hypotheses.possibility_nouns
    assert "hypotheses" not in EventType.__dataclass_fields__


def test_types_given_alone_take_the_loaded_taxonomys_lists():
    shipped = load_taxonomy()
    mine = taxonomy_of([t for t in shipped if t.id == "meeting"])
    assert [t.id for t in mine] == ["meeting"]
    assert mine.hypotheses is shipped.hypotheses and mine.words is shipped.words
    assert mine.places is shipped.places and mine.kin == shipped.kin


def test_the_lists_are_read_by_the_names_of_their_fields():
    hypotheses = hypotheses_of({"possibility_nouns": ["Chance"], "inside_nouns": ["witness"]})
    assert hypotheses.possibility_nouns == {"chance"} and hypotheses.inside_nouns == {"witness"}
    assert hypotheses.happen_verbs == frozenset()
    words = words_of({"party_nouns": ["Envoy"], "measured_attend_preps": ["after"]})
    assert words.party_nouns == {"envoy"} and words.measured_attend_preps == {"after"}
    assert words.claim_verbs == frozenset()


# -- 2. a weekday after an adjective in -ed ------------------------------------------------------


def _day(text: str, word: str) -> str | None:
    (t,) = [t for t in find_time_expressions(text, PUBLISHED) if t.text == word]
    return t.value


@pytest.mark.parametrize(
    "text, word, value",
    [
        # the adjective is no past verb: the clause looks ahead
        ("The delayed Monday talks will take place in Marelia.", "Monday", "2026-03-09"),
        ("The postponed Thursday meeting is expected to go ahead.", "Thursday", "2026-03-12"),
        # nor a future one: the clause tells what happened
        ("A scheduled Tuesday call between the two leaders went ahead.", "Tuesday", "2026-03-03"),
    ],
)
def test_a_weekday_after_an_adjective_is_placed_by_its_clause(text, word, value):
    assert _day(text, word) == value


@pytest.mark.parametrize(
    "text, word, value",
    [
        ("The talks ended Monday in Marelia.", "Monday", "2026-03-02"),
        ("The talks were delayed Monday and will resume next month.", "Monday", "2026-03-02"),
        ("The talks, delayed Monday, will resume.", "Monday", "2026-03-02"),
        ("The truce that started Monday will hold, the ministers said.", "Monday", "2026-03-02"),
        ("The two envoys are expected Tuesday in Marelia.", "Tuesday", "2026-03-10"),
        ("The envoys met in Marelia on Monday.", "Monday", "2026-03-02"),
        ("Their planned Wednesday session was cut short by the sirens.", "Wednesday", "2026-03-04"),
    ],
)
def test_a_weekday_after_a_verb_still_takes_its_tense(text, word, value):
    assert _day(text, word) == value


def test_the_event_of_the_delayed_talks_is_dated_by_its_clause(parser):
    text = "The delayed Monday talks between the two envoys will take place in Marelia."
    doc = next(iter(parser.parse([text])))
    registry = default_registry()
    mentions = find_mentions(doc, "a", registry.on(PUBLISHED))
    times = find_time_expressions(text, PUBLISHED)
    (event,) = find_events(doc, "a", mentions, times, [], registry)
    assert (event.type, event.date) == ("meeting", dt.date(2026, 3, 9))


# -- 3. the setting names the taxonomy both the extractor and the corpus step read ---------------

ARTICLE = {
    "title": "Envoy visits Marelia as talks resume",
    "url": "https://example.org/envoy-visit",
    "published": PUBLISHED.isoformat(),
    "text": "The special envoy Lena Brandt arrived in Marelia on Tuesday for a two-day visit, her first "
    "since the ceasefire. On Tuesday Brandt met President Ivo Marek in the capital to discuss the "
    "next round of talks, officials said.\n",
}


def _analysed(tmp_path, name: str, taxonomy: str | None) -> tuple[list[str], list[str]]:
    """The types of the event reports and of the events of the article analysed with the
    ``PARLEY_EVENTS`` setting at ``taxonomy`` (unset: None)."""
    source = tmp_path / "article.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp_path / f"{name}.db")
    env = {"PARLEY_DB": None, "PARLEY_EVENTS": taxonomy}
    for argv in (["ingest", str(source)], ["analyse"]):
        result = CliRunner().invoke(cli, ["--db", db, *argv], env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
    store = open_store(db)
    try:
        reports = sorted(m.type for m in store.event_mentions())
        events = sorted(e.type for e in store.records("event"))
    finally:
        store.close()
    return reports, events


def test_the_setting_names_the_taxonomy_the_corpus_step_reads(tmp_path):
    # the shipped kin: the visit joins the meeting it was for, the same day, the same envoy
    reports, events = _analysed(tmp_path, "shipped", None)
    assert reports == ["meeting", "visit"] and events == ["meeting"]
    # a dossier's own taxonomy without that pair: the two stay apart
    assert VISIT_KIN in SHIPPED
    path = tmp_path / "events.yaml"
    path.write_text(SHIPPED.replace(VISIT_KIN, ""), encoding="utf-8")
    assert _analysed(tmp_path, "own", str(path)) == (["meeting", "visit"], ["meeting", "visit"])


def test_the_setting_names_the_taxonomy_the_extractor_reads(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(SHIPPED.replace(VISIT_KIN, ""), encoding="utf-8")
    monkeypatch.setenv("PARLEY_EVENTS", str(path))
    assert taxonomy_of(None) is load_taxonomy() is load_taxonomy(str(path))
    assert ("meeting", "visit") not in load_taxonomy().kin
    monkeypatch.delenv("PARLEY_EVENTS")
    assert ("meeting", "visit") in load_taxonomy().kin


def test_a_changed_taxonomy_is_read_again_by_the_next_analyse_without_force(tmp_path):
    # the same store, analysed with the shipped taxonomy, then with a changed copy: the articles
    # are analysed again and the corpus steps re-run, so the visit no longer joins the meeting
    assert _analysed(tmp_path, "same", None) == (["meeting", "visit"], ["meeting"])
    path = tmp_path / "events.yaml"
    path.write_text(SHIPPED.replace(VISIT_KIN, ""), encoding="utf-8")
    assert _analysed(tmp_path, "same", str(path)) == (["meeting", "visit"], ["meeting", "visit"])
    # the same content again: nothing to redo, the events stay
    again = tmp_path / "copy.yaml"
    again.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert _analysed(tmp_path, "same", str(again)) == (["meeting", "visit"], ["meeting", "visit"])
