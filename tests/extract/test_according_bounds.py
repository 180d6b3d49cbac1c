"""The content of ``according to X``: a phrase set off by commas after an auxiliary (``X have,
according to Y, given Z``) splits the content in two around it; a capitalised ``According`` after
a word ending in a full stop opens its own sentence even when the parser ran it into the one
before; and a clause the parser cut loose from its verb (``Some believe A shows B``) is the
believer's content, its verb no cue of its own. Sentences written for these tests."""

from __future__ import annotations

import pytest

from parley.nlp import SpacyParser
from tests.extract.attribution_records import records as _records


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


# -- "X have, according to Y, given Z": the content in two parts around the phrase ----------------


@pytest.mark.parametrize(
    "text, source, parts",
    [
        (
            "Together, the states and their banks have, according to the Velmar Institute, given the "
            "army loans exceeding $90bn since the war began.",
            "the Velmar Institute",
            (
                "Together, the states and their banks have",
                "given the army loans exceeding $90bn since the war began",
            ),
        ),
        (
            "The members have, according to the bank, given aid worth $6bn.",
            "the bank",
            ("The members have", "given aid worth $6bn"),
        ),
        (
            "Its neighbours have, according to the report, given the refugees shelter since the war began.",
            "the report",
            ("Its neighbours have", "given the refugees shelter since the war began"),
        ),
    ],
)
def test_according_after_auxiliary_keeps_both_parts(parser, text, source, parts):
    assert _records(parser, text) == [("reported", source, "according to", parts)]


# -- "... worth €250m. According to X, ...": its own sentence ----------------------------------------


def test_according_after_abbreviation_like_stop_opens_its_sentence(parser):
    text = (
        "The second project is the purchase of radars worth €250m. According to the magazine "
        "Defence Weekly, thanks to the loan, the army could buy:"
    )
    assert _records(parser, text) == [
        (
            "reported",
            "the magazine Defence Weekly",
            "According to",
            ("thanks to the loan, the army could buy",),
        )
    ]


def test_according_after_figure_does_not_reach_back(parser):
    text = "The first project cost €90m. According to the newspaper, the army bought two ships."
    assert _records(parser, text) == [
        ("reported", "the newspaper", "According to", ("the army bought two ships",))
    ]


def test_lower_case_according_after_stop_is_left_alone(parser):
    # guard: "according" in the middle of a sentence still takes the clause before it
    text = "The bridge was destroyed overnight, according to the ministry."
    assert _records(parser, text) == [
        ("reported", "the ministry", "according to", ("The bridge was destroyed overnight",))
    ]


# -- "Some believe A shows B": one belief, no cue "shows" -----------------------------------------


@pytest.mark.parametrize(
    "text, source, cue, content",
    [
        (
            "Some believe the sheer amount of money being spent on courting older voters in the south "
            "shows the party is nervous about its prospects there.",
            "Some",
            "believe",
            "the sheer amount of money being spent on courting older voters in the south shows the party "
            "is nervous about its prospects there",
        ),
        (
            "Some say the level of effort being put into recruiting new members in the capital shows "
            "the movement is worried about its support.",
            "Some",
            "say",
            "the level of effort being put into recruiting new members in the capital shows the movement "
            "is worried about its support",
        ),
    ],
)
def test_clause_cut_loose_is_the_believers_content(parser, text, source, cue, content):
    assert _records(parser, text) == [("reported", source, cue, (content,))]


def test_verb_after_coordinated_noun_runs_the_content_on(parser):
    text = (
        "The envoy said the team has great respect for the mediators and his earlier remark was a "
        "joke about the venue."
    )
    assert _records(parser, text) == [
        (
            "reported",
            "The envoy",
            "said",
            (
                "the team has great respect for the mediators and his earlier remark was a joke about "
                "the venue",
            ),
        )
    ]


def test_cue_after_coordinated_noun_keeps_its_own_speaker(parser):
    # guard: "... and Liberals accused ...": a statement of its own, not the first speaker's
    text = (
        "Conservatives said they're increasingly sure the ministry mishandled the audit and Liberals "
        "accused the party of exploiting the matter for electoral gain."
    )
    found = {(src, cue) for _, src, cue, _ in _records(parser, text)}
    assert ("Liberals", "accused") in found
    assert ("Conservatives", "accused") not in found


def test_cue_after_but_stays_a_second_statement(parser):
    # guard: "... but said B": two statements of one speaker
    text = (
        "The mayor said on Monday that she thinks the report should be published but said "
        '"the problem is the date."'
    )
    assert _records(parser, text) == [
        ("reported", "The mayor", "said", ("that she thinks the report should be published",)),
        ("reported", "The mayor", "said", ("the problem is the date",)),
    ]


def test_second_clause_with_its_own_subject_stays_apart(parser):
    # guard: a second verb of saying with a subject of its own is a statement of its own
    text = "Many believe the embargo has failed, and the minister says the talks will resume."
    assert _records(parser, text) == [
        ("reported", "Many", "believe", ("the embargo has failed",)),
        ("reported", "the minister", "says", ("the talks will resume",)),
    ]


# -- guards: the other forms of "according to" and the direct quote ------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "According to the ministry, the bridge was destroyed overnight.",
            [("reported", "the ministry", "According to", ("the bridge was destroyed overnight",))],
        ),
        (
            "The harbour deal, according to the minister, is no longer on the table.",
            [("reported", "the minister", "according to", ("The harbour deal", "is no longer on the table"))],
        ),
        (
            "The envoy said, according to the newspaper, that the ceasefire would hold.",
            [
                ("reported", "The envoy", "said", ("that the ceasefire would hold",)),
                ("reported", "the newspaper", "according to", ("that the ceasefire would hold",)),
            ],
        ),
        (
            '"The talks are over." – according to the briefing.',
            [("direct", "the briefing", "according to", ('"The talks are over."',))],
        ),
        (
            '"We will not sign this," the minister said.',
            [("direct", "the minister", "said", ('"We will not sign this,"',))],
        ),
        (
            "Many think the decision shows the government is weak.",
            [("reported", "Many", "think", ("the decision shows the government is weak",))],
        ),
    ],
)
def test_other_forms_unchanged(parser, text, expected):
    assert _records(parser, text) == expected
