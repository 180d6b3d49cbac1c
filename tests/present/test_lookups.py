"""The library behind the CLI's look-ups: speaker words to actors, a statement's sentence."""

from __future__ import annotations

import pytest

from parley.errors import NotFound
from parley.lookups import event_types, match_actors, sentence_context
from parley.models import Actor, Span

ACTORS = [
    Actor("volodymyr-zelensky", "Volodymyr Zelensky", "person", aliases=("Zelenskyy", "Volodymyr Zelenskiy")),
    Actor("dmitry-peskov", "Dmitry Peskov", "person", aliases=("Peskov",)),
    Actor("elysee", "the Élysée Palace", "institution", aliases=("Élysée",)),
    Actor("russia-government", "Russia (government)", "country", aliases=("Russia", "Moscow")),
    Actor("russian-defence-ministry", "Russian Defence Ministry", "institution"),
]


def ids(words: str) -> list[str]:
    return [a.id for a in match_actors(ACTORS, words)]


def test_words_match_a_name_alias_or_id_folded_and_as_whole_words():
    assert ids("Zelenskyy") == ids("zelenskiy") == ids("volodymyr-zelensky") == ["volodymyr-zelensky"]
    assert ids("PESKOV") == ["dmitry-peskov"]
    assert ids("elysee palace") == ids("The Élysée") == ["elysee"]
    assert ids("russia") == ["russia-government"]  # not "Russian Defence Ministry"
    assert ids("Zelenskyy's") == ["volodymyr-zelensky"]  # a possessive is folded away
    for nobody in ("Zelen", "a spokesperson for Zelenskyy's office", "", "   "):
        with pytest.raises(NotFound):
            match_actors(ACTORS, nobody)


def test_sentence_context_is_the_rest_of_the_sentence_around_a_statement():
    text = 'Talks went on. Peskov said on Thursday that Moscow was working on it. "No," he added.\nNext.'
    start = text.index("that Moscow")
    end = text.index(" on it.") + len(" on it")
    before, said, after = sentence_context(text, Span(start, end))
    assert before == "Peskov said on Thursday " and said == "that Moscow was working on it" and after == "."
    assert sentence_context(text, Span(start, end + 1))[2] == ""  # the statement ends the sentence
    quote = text.index('"No,"')
    assert sentence_context(text, Span(quote, quote + 5)) == ("", '"No,"', " he added.")


def test_event_types_are_the_taxonomys():
    assert event_types()[:2] == ("proposal-leaked", "proposal-presented") and "meeting" in event_types()
