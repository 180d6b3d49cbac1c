"""A list of what was called for, whose later nouns the parser hangs on the verb, is the whole
content; a clause after the list is not. Sentences written for these tests."""

from __future__ import annotations

import pytest

from parley.extract.attribution import extract_attributions
from parley.nlp import SpacyParser


@pytest.fixture(scope="module")
def parse():
    parser = SpacyParser()
    return lambda text: next(iter(parser.parse([text])))


def _contents(parse, text: str) -> list[str]:
    doc = parse(text)
    return [text[a.content.start : a.content.end] for a in extract_attributions(doc)]


def test_the_whole_list_called_for_is_the_content(parse):
    text = "The minister called for a negotiated ceasefire, security guarantees and territorial compromises."
    listed = "a negotiated ceasefire, security guarantees and territorial compromises"
    assert _contents(parse, text) == [listed]


def test_a_clause_after_what_was_called_for_stays_out(parse):
    assert _contents(parse, "The leaders called for calm, and the talks resumed.") == ["calm"]
    assert "new elections" in _contents(parse, "She called for new elections, saying the vote was rigged.")
