"""The bounds of ``according to X``: the source keeps its own modifiers when the phrase is set off
inside the clause it credits (``A, according to a person close to the talks, is B``) and when a
channel word sits in a phrase that says who made it or what it is of (``an analysis of filing
data by a research website``, ``a letter to a television network from Y``); a clause complete before the
phrase ends the content there (``X won, according to Y, but ...``), unless "and" or "because"
carries it on or the words after it are more of the fact (``in heavy fighting``). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from parley.nlp import SpacyParser
from tests.extract.attribution_records import records as _records


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


def _according(parser, text: str) -> tuple[str | None, tuple[str, ...]]:
    """(source, content parts) of the one ``according to`` record of ``text``."""
    found = [
        (s, parts) for _, s, cue, parts in _records(parser, text) if (cue or "").lower() == "according to"
    ]
    assert len(found) == 1, found
    return found[0]


# -- an aside inside the clause: the source is the whole noun phrase up to its closing comma ------


@pytest.mark.parametrize(
    "text, source, parts",
    [
        (
            "One of the choices the team has made, according to a person close to the talks, is to "
            "answer every attack with a counterattack.",
            "a person close to the talks",
            ("One of the choices the team has made", "is to answer every attack with a counterattack"),
        ),
        (
            "Missing from the meeting, according to members who spoke with reporters afterward, was any "
            "mention of the budget.",
            "members who spoke with reporters afterward",
            ("Missing from the meeting", "was any mention of the budget"),
        ),
        (
            "The deal had been, according to diplomats close to the talks, drafted in secret.",
            "diplomats close to the talks",
            ("The deal had been", "drafted in secret"),
        ),
    ],
)
def test_aside_source_keeps_its_modifiers(parser, text, source, parts):
    assert _according(parser, text) == (source, parts)


def test_aside_with_a_bare_source_is_unchanged(parser):
    text = "The deal, according to the minister, is dead."
    assert _according(parser, text) == ("the minister", ("The deal", "is dead"))


def test_leading_phrase_source_keeps_its_apposition(parser):
    text = (
        "According to Jane Doe, a researcher at the institute, one outcome of the war is a strain on "
        "supplies."
    )
    assert _according(parser, text) == (
        "Jane Doe, a researcher at the institute",
        ("one outcome of the war is a strain on supplies",),
    )


# -- a channel word in a phrase of maker or matter stays in the source -----------------------------


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "The mayor resigned, according to a letter to a television network from the party chairman.",
            "a letter to a television network from the party chairman",
        ),
        (
            "Turnout fell by a third, according to an analysis of polling data by a news website.",
            "an analysis of polling data by a news website",
        ),
    ],
)
def test_channel_word_of_the_maker_stays_in_the_source(parser, text, source):
    assert _according(parser, text)[0] == source


@pytest.mark.parametrize(
    "text, source",
    [
        ('"We will not sign," Senator Jane Doe (D-Ill.) said in an interview.', "Senator Jane Doe (D-Ill.)"),
        ('"We will not sign," said Jane Doe in an interview with a radio station.', "Jane Doe"),
    ],
)
def test_channel_where_the_speaker_spoke_is_still_cut(parser, text, source):
    (record,) = [r for r in _records(parser, text) if r[0] == "direct"]
    assert record[1] == source


# -- a clause whole before the phrase: the content ends at the phrase ------------------------------


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "The mayor has won 758 delegates so far, according to a party tally, but his path to "
            "outright victory is narrowing.",
            ("The mayor has won 758 delegates so far",),
        ),
        (
            "The company has struck a deal with the unions, according to the ministry, taking a step "
            "toward ending the strike.",
            ("The company has struck a deal with the unions",),
        ),
        (
            "The firm earned about 600 million dollars last year, according to public filings, a huge sum "
            "for a firm with 35 partners.",
            ("The firm earned about 600 million dollars last year",),
        ),
    ],
)
def test_what_follows_a_whole_clause_is_not_the_sources(parser, text, parts):
    assert _according(parser, text)[1] == parts


def test_and_carries_the_content_on(parser):
    text = (
        "Only one person was killed by a gun last year, according to the police, and there were eight "
        "reported shootings."
    )
    assert _according(parser, text) == (
        "the police",
        ("Only one person was killed by a gun last year", "and there were eight reported shootings"),
    )


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            "At the heart of the trouble, according to a former envoy, was a decision by the president "
            "to keep his distance.",
            ("At the heart of the trouble", "was a decision by the president to keep his distance"),
        ),
        ("The army retook the village, according to the ministry.", ("The army retook the village",)),
        (
            "The army advanced two miles, according to the ministry, in heavy fighting near the river.",
            ("The army advanced two miles", "in heavy fighting near the river"),
        ),
        (
            "The country became the ninth-biggest economy in the world, according to the fund, ahead of "
            "two rivals.",
            ("The country became the ninth-biggest economy in the world", "ahead of two rivals"),
        ),
    ],
)
def test_aside_and_final_phrase_keep_their_content(parser, text, parts):
    assert _according(parser, text)[1] == parts
