"""Statements built by the real pipeline (parse, mentions, attributions, times, statements) on
a small article written for these tests, with a small actor registry."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import clean_article
from parley.extract.registry import ActorRegistry
from parley.models import RawArticle
from parley.nlp import SpacyParser
from parley.pipeline import DEFAULT_COMPONENTS, Context, Pipeline

REGISTRY = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland]
actors:
  - id: marta-kowalczyk
    name: Marta Kowalczyk
    kind: person
    side: north
    roles: [Deputy foreign minister]
  - id: tomas-lind
    name: Tomas Lind
    kind: person
    side: north
    roles: [Finance minister]
"""

ARTICLE = (
    "Northland rejects the draft trade deal\n\n"
    "The talks in the capital ended on Tuesday without an agreement. Tomas Lind, the finance "
    "minister, opened the session with a short speech.\n\n"
    "The delegation was led by Marta Kowalczyk, the deputy foreign minister, who said: "
    '"We will not sign this draft as it stands."\n\n'
    "Observers expect a new round of talks next month."
)


@pytest.fixture(scope="module")
def statements(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = ActorRegistry.load(path)
    article = clean_article(
        RawArticle("test-article", "text", ARTICLE, title="Northland rejects the draft trade deal"),
        today=dt.date(2026, 1, 15),
    )
    pipeline = Pipeline(DEFAULT_COMPONENTS, SpacyParser(), Context(registry))
    (analysis,) = pipeline.run([article])
    return article, analysis["statement"]


def test_who_said_is_resolved_to_the_antecedent(statements):
    article, found = statements
    quote = [s for s in found if "will not sign this draft" in s.text]
    assert len(quote) == 1, [(s.speaker, s.text) for s in found]
    s = quote[0]
    assert s.kind == "direct" and s.cue == "said"
    # the speaker is the noun phrase "who" stands for, not the earlier person in the text
    assert s.speaker_actor_id == "marta-kowalczyk", (s.speaker, s.speaker_actor_id)
    assert s.speaker is not None and s.speaker.startswith("Marta Kowalczyk")
    assert s.speaker_span is not None and s.speaker_span.of(article.text) == s.speaker
    assert s.speaker_ref is not None and s.speaker_ref.of(article.text) == "Marta Kowalczyk"


REPEATED = (
    "Northland holds firm on the trade deal\n\n"
    "Key points: Tomas Lind said Northland would not cut its steel tariffs this year.\n\n"
    "The finance ministry published its budget figures on Monday, and the opposition asked for a "
    "debate in parliament.\n\n"
    "Tomas Lind said Northland would not cut its steel tariffs this year.\n\n"
    "Marta Kowalczyk said the next round would start in March."
)


def _statements_of(tmp_path, raw: RawArticle) -> list:
    """The statements the whole per-article pipeline finds in one article, with REGISTRY."""
    path = tmp_path / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    article = clean_article(raw, today=dt.date(2026, 1, 15))
    pipeline = Pipeline(DEFAULT_COMPONENTS, SpacyParser(), Context(ActorRegistry.load(path)))
    (analysis,) = pipeline.run([article])
    return analysis["statement"]


def test_a_paragraph_the_page_repeats_gives_its_statement_once(tmp_path):
    found = _statements_of(tmp_path, RawArticle("repeated", "text", REPEATED))
    tariffs = [s for s in found if "steel tariffs" in s.text]
    assert len(tariffs) == 1, [(s.speaker, s.text, s.span) for s in found]
    assert tariffs[0].speaker_actor_id == "tomas-lind"
    assert any("next round" in s.text for s in found)


def test_one_content_with_two_cues_is_one_statement_the_verbs(tmp_path):
    text = (
        "Talks stall in the capital\n\n"
        "Tomas Lind spoke to the committee on Monday, adding that during January, according to the "
        "customs office and its partners, steel exports fell by a third."
    )
    found = _statements_of(tmp_path, RawArticle("two-cues", "text", text))
    assert len({s.id for s in found}) == len(found), [(s.speaker, s.cue, s.span) for s in found]
    (exports,) = [s for s in found if "steel exports" in s.text]
    assert exports.cue == "adding" and exports.speaker_actor_id == "tomas-lind"


def test_a_statement_the_sentence_puts_in_an_earlier_month_is_not_dated_by_the_article(tmp_path):
    text = (
        "Northland counts the cost\n\n"
        "The ministry last published its own figures in September 2022, when it said that about "
        "six thousand jobs had been lost.\n\n"
        "Tomas Lind said on Monday that the budget would be balanced."
    )
    found = _statements_of(
        tmp_path, RawArticle("earlier-month", "text", text, published=dt.datetime(2026, 1, 14))
    )
    by_words = {("jobs" in s.text): s for s in found}
    assert (by_words[True].said_on, by_words[True].said_on_from) == (None, "unknown")
    assert by_words[False].said_on == dt.date(2026, 1, 12) and by_words[False].said_on_from == "text"
