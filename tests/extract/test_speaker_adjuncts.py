"""A phrase of time or channel after a speaker's apposition is the verb's, not the speaker's.

The parser hangs ``on Tuesday`` or ``in a statement`` after ``said X, the deputy minister,`` on
the speaker's noun; the speaker is ``X, the deputy minister``, and the learned model's wider
source (it takes the phrase in) does not replace it. What identifies the speaker stays: an
apposition's own phrases, ``of`` a place, a phrase after a relative clause (which may own it).
Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from parley.nlp import SpacyParser
from tests.extract.attribution_records import records


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We will not sign," said Ivan Petrenko, the deputy foreign minister, on Tuesday.',
            "Ivan Petrenko, the deputy foreign minister",
        ),
        (
            '"We will not sign," said the deputy foreign minister, Ivan Petrenko, on Tuesday evening.',
            "the deputy foreign minister, Ivan Petrenko",
        ),
        (
            '"We will not sign," said Ivan Petrenko, the minister since 2019, after the meeting.',
            "Ivan Petrenko, the minister since 2019",
        ),
        (
            '"The door is open," said Anna Kovac, a spokeswoman for the commission, in a statement.',
            "Anna Kovac, a spokeswoman for the commission",
        ),
        (
            '"The door is open," said Anna Kovac, the commission\'s spokeswoman, at a briefing.',
            "Anna Kovac, the commission's spokeswoman",
        ),
        (
            '"It is over," said Marta Lis, the mayor, at a news conference in the town hall.',
            "Marta Lis, the mayor",
        ),
        # what identifies the speaker stays
        (
            '"We will not sign," said Ivan Petrenko, a professor of law at the university in Lviv.',
            "Ivan Petrenko, a professor of law at the university in Lviv",
        ),
        (
            '"We will not sign," said Marta Lis, 41, of the village of Dolyna, on Sunday.',
            "Marta Lis, 41, of the village of Dolyna",
        ),
        ('"We will not sign," said Ivan Petrenko on Tuesday.', "Ivan Petrenko"),
    ],
)
def test_the_speaker_ends_before_the_verbs_time_or_channel(parser, text, speaker):
    [(kind, source, cue, _)] = records(parser, text)
    assert (kind, source, cue) == ("direct", speaker, "said")
