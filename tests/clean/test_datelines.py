"""Datelines a story opens with, on lines written for these tests."""

from __future__ import annotations

from parley.clean.dateline import find_dateline


def test_a_place_in_capitals_and_a_dash_is_a_dateline():
    for text, place in [
        (
            "WASHINGTON -- President Dana Reyes, opening the new museum, said it told the whole story.",
            "WASHINGTON",
        ),
        ("HARBOURTON, N.L. - The coal was piled high beside the rail line.", "HARBOURTON, N.L."),
        ("KYIV — Ukrainian forces struck a depot overnight, the army said.", "KYIV"),
    ]:
        found = find_dateline(text, [0])
        assert found is not None and found.place == place
        assert text[found.span.end :].startswith(("President", "The", "Ukrainian"))


def test_a_name_and_a_dash_in_ordinary_case_is_no_dateline():
    assert find_dateline("Reyes - who had opened the museum - said it told the whole story.", [0]) is None
    assert find_dateline("The talks - the third round this year - ended early.", [0]) is None


def test_a_story_label_or_an_acronym_before_a_dash_and_lower_case_is_no_dateline():
    assert find_dateline("NATO - the alliance said on Monday it would send more jets.", [0]) is None
    assert find_dateline("EXCLUSIVE -- The envoy met the minister in secret last week.", [0]) is None
    assert find_dateline("BREAKING — Talks in Geneva have ended without a deal.", [0]) is None
