"""``According to X, Y said ...``: Y's words, which X relays, are Y's statement, and X's record
is marked ``report`` (no claim of X's); a question asked, by the rules or the learned model
(``X asked Y whether ...``), is the asker's question. Sentences written for these tests."""

from __future__ import annotations

import pytest

from parley.extract.attribution import extract_attributions
from parley.extract.attribution.document import DocIndex
from parley.extract.attribution.learned import learned_attributions
from parley.nlp import SpacyParser


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _records(parser, text: str) -> list[tuple[str | None, str | None, str, str | None]]:
    """(source, cue, content, embedded_in) of every attribution, in text order."""
    doc = next(parser.parse([text]))
    return [
        (
            a.source.of(text) if a.source else None,
            a.cue.of(text) if a.cue else None,
            " … ".join(p.of(text) for p in a.parts),
            a.embedded_in,
        )
        for a in extract_attributions(doc)
    ]


@pytest.mark.parametrize(
    "text, relayer, inner",
    [
        (
            "According to the ministry, the envoy said talks would resume in the spring.",
            ("the ministry", "According to", "the envoy said talks would resume in the spring"),
            ("the envoy", "said", "talks would resume in the spring", None),
        ),
        (
            "The envoy told reporters the talks would resume in the spring, according to the ministry.",
            ("the ministry", "according to", "The envoy told reporters the talks would resume in the spring"),
            ("The envoy", "told", "the talks would resume in the spring", None),
        ),
        (
            "The governor, according to his office, told the council that the budget would be cut.",
            ("his office", "according to", "The governor … told the council that the budget would be cut"),
            ("The governor", "told", "that the budget would be cut", None),
        ),
        (
            'According to the record, after the verdict was read, the man said, "I regret nothing."',
            ("the record", "According to", 'after the verdict was read, the man said, "I regret nothing."'),
            ("the man", "said", '"I regret nothing."', None),
        ),
    ],
)
def test_according_to_x_y_said_relays_y_words(parser, text, relayer, inner):
    """Y's statement is Y's own; X's is marked as words X relays, X still its speaker."""
    assert sorted(_records(parser, text)) == sorted([(*relayer, "report"), inner])


@pytest.mark.parametrize(
    "text",
    [
        # X's claim is when Y spoke, not only that Y did
        'According to the clerk, it was only after the hearing closed that the man said "I regret nothing."',
        # what Y thinks is what the aides tell: no words of Y's
        "According to aides, the governor believes the deal is dead.",
        # no one else speaks
        "According to the ministry, the talks will resume in the spring.",
        # a claim of X's own after Y's words
        "According to the ministry, the envoy said talks would resume, but the army has not left the border.",
        # the pollster is the source of an outlet's figures, not of words passed on
        "The wire service reports that the senator has won or tied among voters earning more than "
        "the median, "
        "according to the polling centre.",
        # figures say no words
        "According to the report, the survey suggests that support for the levy has fallen.",
    ],
)
def test_according_to_x_with_no_words_of_another_is_x_claim(parser, text):
    records = [r for r in _records(parser, text) if r[1] and r[1].lower() == "according to"]
    assert len(records) == 1 and records[0][3] is None, records


@pytest.mark.parametrize(
    "text, cue, start",
    [
        (
            "Reporters asked the spokesman if the president would travel to the summit next week.",
            "asked",
            "the",
        ),
        (
            "Economists questioned how far the new levy could shift prices before the harvest.",
            "questioned",
            "how",
        ),
    ],
)
def test_a_learned_proposal_asking_a_question_is_marked_question(parser, text, cue, start):
    """The model's proposal of a question asked (the rules leave these sentences to it) is the
    asker's question, as the rules' own are, not a claim the asker makes."""
    doc = next(parser.parse([text]))
    proposals = [p.attribution for p in learned_attributions(DocIndex(doc), [])]
    asked = [a for a in proposals if a.cue is not None and a.cue.of(text) == cue]
    assert len(asked) == 1, proposals
    assert asked[0].content.of(text).startswith(start)
    assert asked[0].embedded_in == "question"
    assert [r[3] for r in _records(parser, text) if r[1] == cue] == ["question"]


def test_a_learned_proposal_of_a_request_is_no_question(parser):
    text = "The council asked residents to keep off the roads until the storm had passed."
    doc = next(parser.parse([text]))
    proposals = [p.attribution for p in learned_attributions(DocIndex(doc), [])]
    assert proposals and all(a.embedded_in is None for a in proposals), proposals
