"""The dossier's ``pronouns`` as evidence for a "he"/"she" speaker where the article shows no
gender, the article's own evidence winning where they disagree; dossiers without the field still
load, and a bad value names the file and the actor. Short articles written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import clean_article
from parley.dossier import Dossier
from parley.errors import ConfigError
from parley.extract.registry import ActorRegistry
from parley.models import RawArticle, Statement
from parley.nlp import SpacyParser
from parley.pipeline import DEFAULT_COMPONENTS, Context, Pipeline

SIDES = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland]
actors:
"""
PEOPLE = {
    "ines-alvaro": ("Ines Alvaro", "Mediator"),
    "pavel-orsk": ("Pavel Orsk", "President of Northland"),
    "sam-reyes": ("Sam Reyes", "Observer"),
}


def _dossier(tmp_path, pronouns: dict[str, str], name: str = "talks.yaml") -> str:
    lines = [SIDES]
    for actor_id, (full, role) in PEOPLE.items():
        lines.append(f"  - id: {actor_id}\n    name: {full}\n    kind: person\n    roles: [{role}]\n")
        if actor_id in pronouns:
            lines.append(f"    pronouns: {pronouns[actor_id]}\n")
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return str(path)


# loading


def test_a_dossier_without_pronouns_loads_and_knows_none(tmp_path):
    dossier = Dossier.load(_dossier(tmp_path, {}))
    assert dossier.pronouns("ines-alvaro") is None
    assert all(spec.gender is None for spec in dossier.registry.specs.values())


def test_pronouns_are_read_in_the_forms_a_user_writes(tmp_path):
    path = _dossier(tmp_path, {"ines-alvaro": "she/her", "pavel-orsk": "He", "sam-reyes": "they"})
    dossier = Dossier.load(path)
    assert [dossier.pronouns(a) for a in PEOPLE] == ["she", "he", "they"]


def test_a_bad_value_names_the_file_and_the_actor(tmp_path):
    path = _dossier(tmp_path, {"pavel-orsk": "him"})
    with pytest.raises(ConfigError) as caught:
        Dossier.load(path)
    assert path in str(caught.value) and "pavel-orsk" in str(caught.value) and "'him'" in str(caught.value)


def test_pronouns_on_a_body_are_an_error(tmp_path):
    path = tmp_path / "body.yaml"
    body = "  - id: the-council\n    name: The Council\n    kind: institution\n    pronouns: they\n"
    path.write_text(SIDES + body, encoding="utf-8")
    with pytest.raises(ConfigError, match="the-council"):
        Dossier.load(str(path))


def test_the_bundled_dossiers_give_their_people_pronouns():
    dossier = Dossier.load()
    people = [i for i, spec in dossier.registry.specs.items() if spec.actor.kind == "person"]
    assert people and all(dossier.pronouns(i) in ("he", "she") for i in people)


# resolution


@pytest.fixture(scope="module")
def parser():
    return SpacyParser()


@pytest.fixture
def analyse(tmp_path, parser):
    made: list[str] = []

    def run(text: str, pronouns: dict[str, str]) -> list[Statement]:
        made.append(_dossier(tmp_path, pronouns, f"dossier-{len(made)}.yaml"))
        registry = ActorRegistry.load(made[-1])
        pipeline = Pipeline(DEFAULT_COMPONENTS, parser, Context(registry))
        article = clean_article(
            RawArticle("test-article", "text", "Talks on the border pact\n\n" + text, title="Talks"),
            today=dt.date(2026, 3, 2),
        )
        (analysis,) = pipeline.run([article])
        return list(analysis["statement"])

    return run


def _speaker(statements: list[Statement], words: str) -> str | None:
    found = [s for s in statements if words in s.text]
    assert len(found) == 1, [(s.speaker, s.text) for s in statements]
    return found[0].speaker_actor_id


NO_GENDER_IN_TEXT = (
    "Ines Alvaro opened the session in the morning. Pavel Orsk then addressed the delegates. "
    "“We will not sign this week,” she said."
)


def test_she_skips_a_man_the_dossier_gives_as_he_when_the_text_shows_no_gender(analyse):
    assert _speaker(analyse(NO_GENDER_IN_TEXT, {}), "not sign") == "pavel-orsk"  # no evidence
    found = analyse(NO_GENDER_IN_TEXT, {"pavel-orsk": "he", "ines-alvaro": "she"})
    assert _speaker(found, "not sign") == "ines-alvaro"


def test_the_articles_own_evidence_wins_over_the_dossier(analyse):
    text = (
        "Pavel Orsk opened the session in the morning. Ines Alvaro and her team then addressed the "
        "delegates. “We will not sign this week,” she said."
    )
    # the dossier is wrong about her; the article says "her team"
    found = analyse(text, {"pavel-orsk": "he", "ines-alvaro": "he"})
    assert _speaker(found, "not sign") == "ines-alvaro"


def test_neither_he_nor_she_stands_for_a_person_given_as_they(analyse):
    text = (
        "Pavel Orsk opened the session in the morning. Sam Reyes then addressed the delegates. "
        "“Nobody will sign this week,” he said."
    )
    assert _speaker(analyse(text, {}), "Nobody will sign") == "sam-reyes"
    assert _speaker(analyse(text, {"sam-reyes": "they"}), "Nobody will sign") == "pavel-orsk"
