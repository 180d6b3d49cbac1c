"""Pronoun speakers the text does not name, through the real pipeline on short articles written
for these tests: "he" after an unnamed person keeps that person's description, after a new
description of a named person takes that person; "it" takes the nearest body before it; a
plural "they" takes the plural group before it."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import clean_article
from parley.extract.statements import build_statements
from parley.models import Attribution, RawArticle, Span
from parley.nlp import SpacyParser
from parley.pipeline import DEFAULT_COMPONENTS, Context, Pipeline
from tests.extract.statement_runs import load_registry, one, text_and_statements

REGISTRY = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland, Nordholm]
  - id: south
    name: Southland
    adjectives: [Southern]
    places: [Southland, Sudport]
actors:
  - id: tomas-lind
    name: Tomas Lind
    kind: person
    side: north
"""


@pytest.fixture(scope="module")
def analyse(tmp_path_factory):
    return text_and_statements(tmp_path_factory, REGISTRY)


def test_he_after_an_unnamed_person_keeps_the_description(analyse):
    text, found = analyse(
        "The court heard the case of the farmer Piet Arends on Monday.\n\n"
        "The secretary of one of the magistrates from the earlier hearing appeared as a witness. "
        "He recalled that Arends had shouted at the bench twice.\n"
    )
    s = one(found, "shouted at the bench")
    assert s.speaker == "The secretary of one of the magistrates from the earlier hearing"
    assert s.speaker_actor_id is None and s.speaker_ref is None


def test_he_after_a_named_subject_still_takes_the_name(analyse):
    """Guard: a named person nearer the pronoun is its antecedent, not the description before."""
    text, found = analyse(
        "The secretary of one of the magistrates appeared as a witness on Monday. "
        "Tomas Lind then spoke for the defence. He said that the hearing had been unfair.\n"
    )
    s = one(found, "the hearing had been unfair")
    assert s.speaker_actor_id == "tomas-lind"


def test_he_does_not_take_a_description_two_paragraphs_back(analyse):
    """Guard: no description from more than one paragraph before."""
    text, found = analyse(
        "The secretary of one of the magistrates appeared as a witness.\n\n"
        "The hearing lasted for four hours.\n\n"
        "Later, he said that the verdict would be appealed.\n"
    )
    s = one(found, "the verdict would be appealed")
    assert s.speaker == "he" and s.speaker_actor_id is None


def test_she_after_a_new_description_of_a_named_person(analyse):
    text, found = analyse(
        "The economy is shrinking fast, said Maria Kessel, a fellow at a research institute.\n\n"
        "In a recent column, the former central bank adviser compared it to a slow leak.\n\n"
        "\u201cThe reserves are running out faster than anyone admits,\u201d she wrote.\n"
    )
    s = one(found, "The reserves are running out")
    assert s.speaker == "she"
    assert s.speaker_ref is not None and s.speaker_ref.of(text) == "Maria Kessel"


def test_it_takes_the_body_of_the_sentence_before(analyse):
    text, found = analyse(
        "Nordholm had vowed to keep fighting until the spring, a ministry said on Monday.\n\n"
        "Sudport had hoped to take the port in days when it launched its offensive last year.\n\n"
        "Two years later, it conceded that it has not reached all of its aims.\n"
    )
    s = one(found, "it has not reached all of its aims")
    assert s.speaker_actor_id == "south-government"


def test_it_after_a_thing_stays_unresolved(analyse):
    """Guard: an "it" after a report (a thing) is not the body named before it."""
    text, found = analyse(
        "Nordholm said on Monday that it would keep fighting.\n\n"
        "The report was released by a research group on Tuesday. "
        "It said that the front line had barely moved.\n"
    )
    s = one(found, "the front line had barely moved")
    assert s.speaker_actor_id is None


def test_she_after_an_unnamed_person_of_her_own(analyse):
    """Guard: a description restricted by words after it is someone new, not the person before."""
    text, found = analyse(
        "The economy is shrinking fast, said Maria Kessel, a fellow at a research institute.\n\n"
        "The secretary of one of the magistrates told the hearing about the case. "
        "She said that the files had been lost.\n"
    )
    s = one(found, "the files had been lost")
    assert s.speaker_ref is None and s.speaker == "The secretary of one of the magistrates"


def test_plural_they_takes_the_group_subject_of_its_sentence(analyse):
    text, found = analyse(
        "Northern and Southern officials were surprised by the new draft, especially as they "
        "believed that the talks had stalled for good.\n"
    )
    s = one(found, "the talks had stalled")
    assert s.speaker == "Northern and Southern officials" and s.speaker_actor_id is None


def test_plural_they_takes_the_researchers_of_the_sentence_before(analyse):
    text, found = analyse(
        "The trade is a sign of a wider pattern, the researchers concluded. "
        "\u201cThe ports have become a hub for banned goods,\u201d they wrote.\n"
    )
    s = one(found, "The ports have become a hub")
    assert s.speaker == "the researchers"


def test_plural_they_takes_the_names_an_estimate_is_by(analyse):
    text, found = analyse(
        "A joint count by Radio Nordvik and Kestrel Media, an independent outlet, found 9,000 "
        "names of soldiers killed in the war, they reported on Monday.\n"
    )
    s = one(found, "names of soldiers killed")
    assert s.speaker == "Radio Nordvik and Kestrel Media"


def test_plural_they_after_things_stays_unresolved(analyse):
    """Guard: a plural subject for things nearer the pronoun is no group of speakers."""
    text, found = analyse(
        "The researchers met in Nordholm on Monday. The assessments of both teams accepted that a "
        "strike was possible, but they rejected the idea of a full invasion.\n"
    )
    s = one(found, "the idea of a full invasion")
    assert s.speaker == "they"


def test_it_does_not_take_a_place_in_a_clause_of_the_sentence_before(analyse):
    """Guard: a place that is the subject of a clause deep in the sentence before is not "it"."""
    text, found = analyse(
        "A think tank in the capital pointed to the fact that Sudport had persuaded the firm to "
        "switch off its network.\n\n"
        "Troops used both networks for their communications, it said.\n"
    )
    s = one(found, "Troops used both networks")
    assert s.speaker_actor_id is None


def test_plural_they_in_someone_elses_quote_stays(tmp_path_factory):
    """Guard: a "they" inside a quote is the quoted speaker's word, not resolved to a group.

    The attribution passes make no record of a cue inside a quote, so the pipeline alone never
    asks whom this "they" stands for: the record of "they still say that ..." is written here
    and built into a statement with the article's own parse and mentions."""
    registry = load_registry(tmp_path_factory, REGISTRY)
    text = (
        "Northern officials met the envoys on Monday. \u201cIf the facts are shown and they still "
        "say that nothing has changed, there is a problem,\u201d Tomas Lind said.\n"
    )
    article = clean_article(
        RawArticle("test-article", "text", text, title="Talks on the border trade pact"),
        today=dt.date(2026, 3, 2),
    )
    (analysis,) = Pipeline(DEFAULT_COMPONENTS, SpacyParser(), Context(registry)).run([article])
    assert not any(s.speaker == "Northern officials" for s in analysis["statement"])

    def at(words: str) -> Span:
        start = article.text.index(words)
        return Span(start, start + len(words))

    inside = Attribution(
        content=at("that nothing has changed"), kind="reported", source=at("they"), cue=at("say")
    )
    (s,) = build_statements(
        article, analysis.doc, [inside], analysis["mention"], analysis["time_expression"], registry, "rules"
    )
    assert s.speaker == "they" and s.speaker_actor_id is None


def test_she_after_a_description_of_another_side_is_not_the_person_before(analyse):
    """Guard: a description naming another side than the person before is someone else."""
    text, found = analyse(
        "Tomas Lind said on Monday that the economy was shrinking fast.\n\n"
        "In a recent column, the former Southern central bank adviser compared it to a slow leak.\n\n"
        "\u201cThe reserves are running out faster than anyone admits,\u201d she wrote.\n"
    )
    s = one(found, "The reserves are running out")
    assert s.speaker_actor_id is None and s.speaker_ref is None
