"""Speaker words that name a work ("according to reporting from X", "a report from Y
commented", "research by Z shows"): the speaker is its maker when a named organisation or
person made it, and no one for a place, a coordination or words naming no one. Short articles
written for these tests, on a made-up negotiation."""

from __future__ import annotations

import pytest

from tests.extract.statement_runs import SIDES, load_registry, one, statements_of

HEADING = "Talks on the river treaty"


@pytest.fixture(scope="module")
def analyse(tmp_path_factory):
    return statements_of(load_registry(tmp_path_factory, SIDES + "actors: []\n"), HEADING)


def _ref(text: str, s) -> str | None:
    return s.speaker_ref.of(f"{HEADING}\n\n{text}") if s.speaker_ref is not None else None


@pytest.mark.parametrize(
    ("text", "words", "maker"),
    [
        (
            "The flooded valley covers some 900 square kilometres, according to reporting from the "
            "Harbour Times, a weekly newspaper.",
            "900 square kilometres",
            "the Harbour Times",
        ),
        (
            "A recent report from the Riverside Policy Institute commented that the dam talks had "
            "stalled since the spring.",
            "dam talks had stalled",
            "the Riverside Policy Institute",
        ),
        (
            "Research by Hanna Ostrova shows that the fishing fleet has shrunk by a third.",
            "fishing fleet has shrunk",
            "Hanna Ostrova",
        ),
    ],
)
def test_a_work_speaks_for_its_named_maker(analyse, text, words, maker):
    s = one(analyse(text), words)
    assert _ref(text, s) == maker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a reporter's place, not the town speaking
        (
            "The bridge will reopen next week, according to reporting from Sudport on Monday.",
            "bridge will reopen",
        ),
        # two makers: no one actor
        (
            "A study by the Nordstad Gazette and the Riverside Policy Institute found that the "
            "river had risen by two metres.",
            "river had risen",
        ),
        # words naming no one
        ("A report from local officials said the ferries had stopped.", "ferries had stopped"),
    ],
)
def test_a_work_with_no_one_named_maker_has_no_speaker_mention(analyse, text, words):
    s = one(analyse(text), words)
    assert s.speaker_ref is None and s.speaker_actor_id is None
