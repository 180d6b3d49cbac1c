"""Sources and content at the edges of a reported statement. Sentences written for these tests.

- A gerund clause that opens the sentence is what the verb of saying after it says, when that
  verb has no clause of its own (``Saying no was never an option, she told the BBC``); a gerund
  before any other verb, or before a verb with its own clause, is still a saying.
- A place or the speaking itself after a speaker's apposition is the verb's (``X, the foreign
  minister, in Riga said``; ``..., speaking in Riga, said``), not part of the speaker.
- A cue whose subject is a channel (``The ministry's statement on Telegram said``) has that channel.
- The writer's own piece (``This analysis asks whether ...``) is no source.
- A fact or a situation that "explains" or "echoes" is no speaker; a surname the parser read as
  an interjection or adverb, a verb's subject, can be one.
- A "that" clause after the addressee that the parser read as a relative clause on it (``told a
  meeting of the forum here that settling ... could be left to ...``) is the content.
"""

from __future__ import annotations

import pytest

from parley.extract.attribution import extract_attributions
from parley.nlp import SpacyParser
from tests.extract.attribution_records import records


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saying no was never an option for the team, she told the BBC.",
            [("reported", "she", "told", ("Saying no was never an option for the team",))],
        ),
        (
            "Saying sorry was never easy for him, the minister said.",
            [("reported", "the minister", "said", ("Saying sorry was never easy for him",))],
        ),
        (
            "Admitting defeat would be a disaster, he told reporters.",
            [("reported", "he", "told", ("Admitting defeat would be a disaster",))],
        ),
        # still a saying: the head verb is no verb of saying, or has a clause of its own
        (
            "Saying the talks had failed, she walked out.",
            [("reported", "she", "Saying", ("the talks had failed",))],
        ),
        (
            "Saying the talks had failed, she told the BBC she would resign.",
            [
                ("reported", "she", "Saying", ("the talks had failed",)),
                ("reported", "she", "told", ("she would resign",)),
            ],
        ),
    ],
)
def test_a_fronted_gerund_clause_is_the_content_of_the_verb_of_saying(parser, text, expected):
    assert records(parser, text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Maria Lind, Sweden's foreign minister, in Stockholm said the talks had failed.",
            "Maria Lind, Sweden's foreign minister",
        ),
        (
            "Maria Lind, the foreign minister, speaking in Stockholm, said the talks had failed.",
            "Maria Lind, the foreign minister",
        ),
        (
            "The Swedish foreign minister, Maria Lind, in Stockholm on Monday said the talks had failed.",
            "The Swedish foreign minister, Maria Lind",
        ),
        (
            "Anna Holm, the mayor, in the city of Lviv, said the talks had failed.",
            "Anna Holm, the mayor",
        ),
        # what identifies the speaker stays
        (
            "Anna Holm, a professor at Uppsala University, said the talks had failed.",
            "Anna Holm, a professor at Uppsala University",
        ),
        (
            "Anna Holm, the envoy, in charge of talks with Russia, said the talks had failed.",
            "Anna Holm, the envoy, in charge of talks with Russia",
        ),
    ],
)
def test_a_place_or_the_speaking_after_an_apposition_is_the_verbs(parser, text, speaker):
    [(kind, source, cue, content)] = records(parser, text)
    assert (kind, source, cue, content) == ("reported", speaker, "said", ("the talks had failed",))


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("The minister's statement on Telegram said that talks would go on.", "statement"),
        ("A statement from the ministry said the talks would go on.", "statement"),
        ("The minister said that talks would go on.", None),
    ],
)
def test_a_channel_that_is_the_cues_subject_is_the_channel(parser, text, channel):
    [attribution] = extract_attributions(next(parser.parse([text])))
    assert attribution.channel == channel


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This analysis asks whether the plan can survive the winter.", []),
        ("This column argues that the deal is weak.", []),
        ("This article was updated to say that talks resumed.", []),
        # another's piece is a source
        (
            "The analysis by the institute says the deal is weak.",
            [("reported", "The analysis by the institute", "says", ("the deal is weak",))],
        ),
        (
            "This report by the commission says that the deal is weak.",
            [("reported", "This report by the commission", "says", ("that the deal is weak",))],
        ),
    ],
)
def test_the_writers_own_piece_is_no_source(parser, text, expected):
    assert records(parser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The envoy told a meeting of the forum here that settling the border question could be "
            "left to the two presidents.",
            [
                (
                    "reported",
                    "The envoy",
                    "told",
                    ("that settling the border question could be left to the two presidents",),
                )
            ],
        ),
        # a relative clause on the object is no content
        ("The minister told the crowd that gathered outside the hall to go home.", []),
        # nor is a clause on an object that is no one spoken to: the claims' own
        (
            "The envoy dismissed claims by an official that she had approved most of the proposal "
            "before it was made public.",
            [
                (
                    "reported",
                    "The envoy",
                    "dismissed",
                    (
                        "claims by an official that she had approved most of the proposal "
                        "before it was made public",
                    ),
                )
            ],
        ),
    ],
)
def test_a_that_clause_the_parser_hung_on_the_addressee_is_the_content(parser, text, expected):
    assert records(parser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "This limited expected payoff helps explain why offers of sanctions relief have failed "
            "to change the calculus in the capital.",
            [],
        ),
        ("That explains why the talks failed.", []),
        (
            "The minister explained why the talks failed.",
            [("reported", "The minister", "explained", ("why the talks failed",))],
        ),
        (
            "The report explains that the talks failed.",
            [("reported", "The report", "explains", ("that the talks failed",))],
        ),
    ],
)
def test_a_fact_that_explains_is_no_speaker(parser, text, expected):
    assert records(parser, text) == expected


def test_a_surname_the_parser_read_as_an_interjection_can_hold_a_view(parser):
    """The parser sometimes tags an unknown surname at the start of a sentence INTJ or ADV; as a
    verb's subject it is still a name (a Doc built with that reading: the tagger's own choice
    varies with the context)."""
    from spacy.tokens import Doc

    from parley.extract.attribution.agentive import can_hold_view

    words = ["Holm", "went", "on", "to", "explain", "why", "it", "failed", "."]
    heads = [1, 1, 1, 4, 1, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "prt", "aux", "advcl", "advmod", "nsubj", "ccomp", "punct"]
    vocab = parser.nlp.vocab
    for pos, expected in (("INTJ", True), ("ADV", True), ("NOUN", False)):
        doc = Doc(
            vocab,
            words=words,
            heads=heads,
            deps=deps,
            pos=[pos, "VERB", "ADP", "PART", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
        )
        assert can_hold_view(doc[0], "explain") is expected, pos
    lower = Doc(
        vocab,
        words=["well", *words[1:]],
        heads=heads,
        deps=deps,
        pos=["INTJ", "VERB", "ADP", "PART", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"],
    )
    assert can_hold_view(lower[0], "explain") is False  # not a capitalised word: no name
