"""The side a person's role words point to: a side's word on the role itself, not on what the
role is about or where it is held. Sentences and a small registry written for these tests."""

from __future__ import annotations

import pytest

from parley.extract.mentions import find_mentions
from parley.extract.registry import ActorRegistry
from parley.nlp import load_model

REGISTRY = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland]
  - id: south
    name: Southland
    adjectives: [Southern]
    places: [Southland]
actors: []
"""


@pytest.fixture(scope="module")
def side_of(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    registry = ActorRegistry.load(path)
    nlp = load_model()

    def run(text: str, name: str) -> str | None:
        (found,) = [m for m in find_mentions(nlp(text), "a", registry) if m.text == name]
        return found.side

    return run


@pytest.mark.parametrize(
    "text, side",
    [
        ("Northern Deputy Foreign Minister Oleh Petrenko said the talks would go on.", "north"),
        ("Oleh Petrenko, the Foreign Minister of Northland, said the talks would go on.", "north"),
        ("Oleh Petrenko, an official at the Southern defence ministry, said the talks would go on.", "south"),
        # a side's word inside a name of no side's body
        ("Oleh Petrenko, a fellow at the Carnegie Northland Center, said the talks would go on.", None),
        ("Southern envoy Oleh Petrenko said the talks would go on.", "south"),
        # what the role is about, or where it is held, is no side
        ("Oleh Petrenko, a leading expert on the Southern economy, said the budget was strained.", None),
        ("Oleh Petrenko, the agency's representative in Northland, said children were at risk.", None),
        ("Oleh Petrenko, a major player on Northern-Southern affairs, said the talks would go on.", None),
    ],
)
def test_the_side_is_the_roles_own(side_of, text, side):
    assert side_of(text, "Oleh Petrenko") == side
