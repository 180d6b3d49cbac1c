"""What the speaker tests share: a registry written for the test, the whole per-article pipeline
run on a short article under a heading, and the one statement that holds some words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from parley.clean import clean_article
from parley.extract.registry import ActorRegistry
from parley.models import RawArticle, Statement
from parley.nlp import SpacyParser
from parley.pipeline import DEFAULT_COMPONENTS, Context, Pipeline

# two made-up sides for a test registry to go on with its actors
SIDES = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland, Nordstad]
  - id: south
    name: Southland
    adjectives: [Southern]
    places: [Southland, Sudport]
"""


# one side and its finance minister: what a test of one speaker's statements needs
ONE_MINISTER = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland]
actors:
  - id: tomas-lind
    name: Tomas Lind
    kind: person
    side: north
    roles: [Finance minister]
"""


def load_registry(tmp_path_factory, text: str) -> ActorRegistry:
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    return ActorRegistry.load(path)


def statements_of(registry: ActorRegistry, heading: str) -> Callable[[str], list[Statement]]:
    """``run(text)``: the statements of an article titled "Talks" whose text is ``heading`` and
    ``text``, cleaned as ingest cleans it."""
    pipeline = Pipeline(DEFAULT_COMPONENTS, SpacyParser(), Context(registry))

    def run(text: str) -> list[Statement]:
        article = clean_article(
            RawArticle("test-article", "text", f"{heading}\n\n{text}", title="Talks"),
            today=dt.date(2026, 3, 2),
        )
        (analysis,) = pipeline.run([article])
        return list(analysis["statement"])

    return run


def one(statements: list[Statement], words: str) -> Statement:
    found = [s for s in statements if words in s.text]
    assert len(found) == 1, [(s.speaker, s.text) for s in statements]
    return found[0]


# a registry of one side and no actors, for tests of when statements were said
ONE_SIDE = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland]
actors: []
"""


def said_on_by_cue(tmp_path_factory, heading: str, published: dt.date) -> Callable[[str], dict]:
    """``run(text)``: each statement's cue with (said_on, said_on_from), for an article published
    on ``published`` whose text is ``heading`` and ``text``, cleaned as ingest cleans it."""
    pipeline = Pipeline(DEFAULT_COMPONENTS, SpacyParser(), Context(load_registry(tmp_path_factory, ONE_SIDE)))

    def run(text: str) -> dict[str, tuple[dt.date | None, str]]:
        raw = RawArticle("told", "text", f"{heading}\n\n{text}", title="t", published=published)
        article = clean_article(raw, today=published)
        (analysis,) = pipeline.run([article])
        return {s.cue or "": (s.said_on, s.said_on_from) for s in analysis["statement"]}

    return run


def text_and_statements(tmp_path_factory, registry_text: str) -> Callable[[str], tuple[str, list[Statement]]]:
    """``run(text)``: the cleaned text of an article titled "Talks on the border trade pact" whose
    text is ``text``, and its statements, with a registry made of ``registry_text``."""
    registry = load_registry(tmp_path_factory, registry_text)
    pipeline = Pipeline(DEFAULT_COMPONENTS, SpacyParser(), Context(registry))

    def run(text: str) -> tuple[str, list[Statement]]:
        article = clean_article(
            RawArticle("test-article", "text", text, title="Talks on the border trade pact"),
            today=dt.date(2026, 3, 2),
        )
        (analysis,) = pipeline.run([article])
        return article.text, list(analysis["statement"])

    return run
