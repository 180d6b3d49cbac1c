"""A quote under a cue negated, supposed or in a condition is no one's words, as the reported
pass reads its cues (:func:`parley.extract.attribution.not_words.not_said`). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from parley.nlp import SpacyParser
from tests.extract.attribution_records import records


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _credited(found, words: str):
    return [r for r in found if any(words in p for p in r[3]) and r[1]]


@pytest.mark.parametrize(
    "text",
    [
        'The harbour master did not say "the port will close" at any point during the hearing.',
        'The harbour master never said "the port will close."',
        '"The port will close," the harbour master did not say, though many expected it.',
        'Should the harbour master say "the port will close," the ferries stop at once.',
        'If the harbour master says "the port will close," the ferries stop at once.',
        'The harbour master would never say "the port will close."',
        'Had the harbour master said "the port will close," the ferries would have stopped.',
        "Had the harbour master said the port will close, the ferries would have stopped.",
        "If the harbour master says the port will close, the ferries stop at once.",
        # negated otherwise than by a "not" of the cue's own
        "Instead of saying the port will close, the harbour master blamed the weather.",
        "Rather than saying the port will close, the harbour master blamed the weather.",
        "Not once did the harbour master say the port will close.",
    ],
)
def test_a_quote_under_a_cue_not_said_is_nobodys(parser, text):
    found = records(parser, text)
    assert not _credited(found, "the port will close"), found


def test_the_same_quote_said_is_credited(parser):
    found = records(parser, 'The harbour master said "the port will close" on Monday, and it did.')
    assert [r for r in _credited(found, "the port will close") if r[1] == "The harbour master"], found
    found = records(parser, '"The port will close," the harbour master said on Monday.')
    assert [r for r in _credited(found, "The port will close") if r[1] == "the harbour master"], found


def test_a_negation_inside_the_quote_is_the_speakers_own(parser):
    found = records(parser, '"We will not close the port," the harbour master said.')
    assert [r for r in _credited(found, "We will not close the port") if r[1] == "the harbour master"], found


def test_a_not_opening_the_quote_is_the_speakers_own(parser):
    found = records(parser, '"Is the port ready? Probably not," the harbour master said. "Will it be? Yes."')
    assert [r for r in _credited(found, "Probably not") if r[1] == "the harbour master"], found


def test_an_aside_inside_a_condition_is_said(parser):
    """The cue of "as X has suggested" inside an "if" clause is said whatever the condition; the
    cue of the "if" clause itself is not."""
    from parley.extract.attribution.hypothetical import unsaid

    doc = next(
        parser.parse(
            [
                "If, as the harbour master has suggested, the ferries lose money on every crossing, "
                "the council will have to pay. If the harbour master suggests that the ferries lose "
                "money, the council will pay."
            ]
        )
    )
    suggested = [t for t in doc if t.lemma_ == "suggest"]
    assert len(suggested) == 2, [t.text for t in doc]
    aside, condition = suggested
    assert not unsaid(aside)
    assert unsaid(condition)


@pytest.mark.parametrize(
    "text, speaker, words",
    [
        # a modal is no reason: habits, what a recording lets one hear, prepared remarks
        ('"Check the moorings twice," the old pilot would tell us every morning.', "the old pilot", "Check"),
        ('"Stay back from the quay," a guard can be heard shouting in the footage.', "a guard", "Stay back"),
        (
            '"The port will stay open," the mayor will say, according to excerpts released by her office.',
            "the mayor",
            "The port will stay open",
        ),
        # the parser's VB root before its speaker is no imperative
        ('"Act now," urge campaigners from the Harbour Trust.', "campaigners", "Act now"),
        ('"The figures are plain," add the authors of the report.', "the authors", "The figures are plain"),
        # a "not" after the cue contrasts, it does not negate it
        ('"No," she said, not "later."', "she", "No"),
    ],
)
def test_a_quote_said_whatever_the_modal_or_a_later_not(parser, text, speaker, words):
    found = records(parser, text)
    assert [r for r in _credited(found, words) if r[1].startswith(speaker)], found


def test_not_only_is_no_negation(parser):
    found = records(parser, "Not only did the harbour master say the port will close, he also resigned.")
    assert [r for r in _credited(found, "the port will close") if r[1] == "the harbour master"], found
