"""Old newswire types a quote with two backticks and two apostrophes (or two apostrophes on both
sides): cleaning makes them typographic quotes, so the quote is found and shown as any other.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from parley.clean.characters import normalise_characters
from tests.extract.statement_runs import ONE_SIDE, load_registry, one, statements_of


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("``It was a bomb,'' an official said.", "\u201cIt was a bomb,\u201d an official said."),
        (
            "He told reporters: ''Three days.'' Then he left.",
            "He told reporters: \u201cThree days.\u201d Then he left.",
        ),
        ("(''Yes.'')", "(\u201cYes.\u201d)"),
        ("``First,'' she said. ``Second.''", "\u201cFirst,\u201d she said. \u201cSecond.\u201d"),
    ],
)
def test_typewriter_pairs_become_typographic_quotes(typed, plain):
    assert normalise_characters(typed) == plain


def test_a_single_apostrophe_and_a_plain_text_are_left_alone():
    text = "The minister's aides said 'no' twice; the 'plan' stands."
    assert normalise_characters(text) == text


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    return statements_of(load_registry(tmp_path_factory, ONE_SIDE), "Talks stall")


def test_a_newswire_quote_is_one_direct_quote_with_its_speaker(run):
    statements = run(
        "Officials met on Friday in the capital.\n\n"
        "``We will not sign anything that divides the country,'' said Maria Odell, the chief "
        "negotiator. ``Nobody should expect that.''"
    )
    quote = one(statements, "We will not sign")
    assert quote.kind == "direct"
    assert quote.speaker.startswith("Maria Odell")
    assert "``" not in quote.text and "''" not in quote.text
