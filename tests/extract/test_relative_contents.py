"""A reported content whose subject is the relative pronoun of the cue's clause, or left out,
keeps the noun phrase it is about (``about``), and its text opens with it in square brackets;
an infinitive after the cue ("which X sought to keep"), a content with a subject of its own and
an ordinary "X said Y" are left as they are. Short articles written for these tests, on a
made-up negotiation."""

from __future__ import annotations

import pytest

from tests.extract.statement_runs import SIDES, load_registry, one, statements_of

HEADING = "Talks on the river treaty"


@pytest.fixture(scope="module")
def analyse(tmp_path_factory):
    return statements_of(load_registry(tmp_path_factory, SIDES + "actors: []\n"), HEADING)


@pytest.mark.parametrize(
    ("text", "words", "about", "shown"),
    [
        (
            "Other issues remain open, including the running of the Velmar river dam, which Nordstad "
            "insists should be managed jointly by both sides.",
            "managed jointly",
            "the Velmar river dam",
            "[the Velmar river dam] should be managed jointly by both sides",
        ),
        (
            "Southland still faces heavy tariffs, which Northern officials say are meant to limit its "
            "grain exports.",
            "limit its grain exports",
            "heavy tariffs",
            "[heavy tariffs] are meant to limit its grain exports",
        ),
        (
            "The fishermen were sceptical that the council would embark on a plan they felt was "
            "likely to fail.",
            "likely to fail",
            "a plan",
            "[a plan] was likely to fail",
        ),
    ],
)
def test_the_content_keeps_what_it_is_about(analyse, text, words, about, shown):
    s = one(analyse(text), words)
    full = f"{HEADING}\n\n{text}"
    assert s.about is not None and s.about.of(full) == about
    assert s.text == shown
    assert s.span.of(full) == shown.split("] ", 1)[1]  # the span stays the content's own words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The port, which the mayor says he will never give up, was shelled again.", "never give up"),
        ("The council, which the envoy sought to calm, met again on Friday.", "calm"),
        ("The minister said the plan would fail.", "would fail"),
        # a "which" after a comma that takes up the whole clause, not the noun before it
        (
            "Southland withdrew its troops from the city, which officials say was a major setback "
            "for the council.",
            "major setback",
        ),
        (
            "The army shelled the port for a week, which the mayor says has left thousands without power.",
            "thousands",
        ),
    ],
)
def test_a_content_with_its_own_subject_or_no_relative_clause_is_left_alone(analyse, text, words):
    found = [s for s in analyse(text) if words in s.text]
    assert all(s.about is None and not s.text.startswith("[") for s in found)
