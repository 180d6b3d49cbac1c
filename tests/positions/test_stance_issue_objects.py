"""Which issue a stance is on when the sentence names several: an issue's word that only says where
or as what another issue's thing would be is no stance of its own; a verb that sets a condition on
its subject gives an acceptance on that condition; and the conditions a stance is stated with are
kept. Sentences written for these tests, on the shipped dossier and on the invented fisheries
talks of ``test_general_readings``."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from parley.extract.registry import ActorRegistry, default_registry
from parley.models import Article
from parley.nlp import SpacyParser
from parley.pipeline import Analysis, Context, Pipeline, default_components
from tests.positions.test_general_readings import DOSSIER


def _read(pipeline: Pipeline, text: str) -> list:
    article = Article("a1", "x", "", text, "test", "text", published=dt.date(2025, 12, 1))
    (analysis,) = pipeline.run([article])
    assert isinstance(analysis, Analysis), analysis
    return list(analysis["stance"])


@functools.cache
def _pipeline() -> Pipeline:
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def read(text: str) -> list:
    return _read(_pipeline(), text)


def triples(text: str) -> set[tuple[str | None, str, str]]:
    return {(s.holder, s.issue, s.position) for s in read(text)}


@pytest.fixture(scope="module")
def fisheries(tmp_path_factory):
    path = tmp_path_factory.mktemp("fisheries") / "fisheries.yaml"
    path.write_text(DOSSIER, encoding="utf-8")
    parser = SpacyParser()
    pipeline = Pipeline(default_components(), parser, Context(ActorRegistry.load(path), parser.name))
    return lambda text: {(s.holder, s.issue, s.position, s.condition) for s in _read(pipeline, text)}


# -- an issue's word that is only a circumstance of another issue's thing ---------------------------
def test_where_troops_would_be_and_what_they_would_be_part_of_are_not_stances_of_their_own():
    got = triples(
        "The Kremlin rejected plans to deploy foreign troops on Ukrainian territory as part of "
        "security guarantees for Kyiv."
    )
    assert ("kremlin", "foreign-troops", "rejects") in got
    assert not [t for t in got if t[1] in ("territory", "security-guarantees")]
    # the guarantees as the thing refused are still read
    assert ("kremlin", "security-guarantees", "rejects") in triples(
        "The Kremlin rejected security guarantees for Kyiv."
    )


@pytest.mark.parametrize(
    "text, kept, dropped",
    [
        ("Moscow opposes NATO security guarantees for Kyiv.", "security-guarantees", "nato"),
        ("The Kremlin rejected a ceasefire along the current front line.", "ceasefire", "territory"),
        (
            "Moscow demands that Kyiv give up the territories held by its armed forces.",
            "territory",
            "army-size",
        ),
    ],
)
def test_a_modifier_of_another_issues_word_is_not_its_own_issue(text, kept, dropped):
    got = {t[1] for t in triples(text)}
    assert kept in got
    assert dropped not in got


# -- a verb that sets a condition on its subject ---------------------------------------------------
def test_a_withdrawal_that_would_require_a_referendum_is_accepted_on_that_condition():
    stances = read("Zelensky said any withdrawal of troops would require approval in a national referendum.")
    got = {(s.holder, s.issue, s.position): s for s in stances}
    territory = got[("volodymyr-zelensky", "territory", "accepts_on_condition")]
    assert territory.condition == "approval in a national referendum"
    assert ("volodymyr-zelensky", "territory", "demands") not in got
    # the vote asked for is the speaker's demand on the issue of votes, as an issue inside a condition
    assert ("volodymyr-zelensky", "elections", "demands") in got


def test_a_settlement_that_would_depend_on_something_is_accepted_on_it(fisheries):
    got = fisheries("Anna Vrell said any cut to the fishing quotas would depend on lower import duties.")
    assert ("anna-vrell", "quotas", "accepts_on_condition", "on lower import duties") in got
    assert ("anna-vrell", "duties", "demands", None) in got
    # a subject that is no issue's word sets no condition on one
    assert not [
        t
        for t in fisheries("Anna Vrell said the talks would require lower import duties.")
        if t[2] != "demands"
    ]


# -- conditions kept ---------------------------------------------------------------------------------
def test_a_condition_after_only_with_or_on_the_verb_of_an_adjective_is_kept(fisheries):
    got = {
        (s.holder, s.issue, s.position, s.condition)
        for s in read(
            "Zelensky said Kyiv would accept a ceasefire only with security guarantees from its allies."
        )
    }
    assert (
        "volodymyr-zelensky",
        "ceasefire",
        "accepts_on_condition",
        "only with security guarantees from its allies",
    ) in got
    assert ("volodymyr-zelensky", "security-guarantees", "demands") in {t[:3] for t in got}
    got = fisheries("Velmar is ready to lower its import duties, provided that Lestria opens its harbours.")
    assert ("corvania", "duties", "accepts_on_condition", "provided that Lestria opens its harbours") in got
    # without a condition, still a plain acceptance
    assert ("corvania", "duties", "accepts", None) in fisheries("Velmar is ready to lower its import duties.")
