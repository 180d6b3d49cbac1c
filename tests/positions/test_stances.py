"""Stances read from the parse: polarity, modality, conditions, and whose stance it is."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from parley.analyse import analyse
from parley.dossier import Dossier
from parley.extract.registry import default_registry
from parley.extract.stances.component import reader_for
from parley.extract.stances.records import Stance
from parley.models import Article, Span
from parley.nlp import SpacyParser
from parley.pipeline import Context, Pipeline, default_components
from parley.reconcile.positions import resolve_holder


@cache
def _pipeline() -> Pipeline:
    parser = SpacyParser()
    return Pipeline(default_components(), parser, Context(default_registry(), parser.name))


def stances(text: str) -> set[tuple[str | None, str, str]]:
    article = Article("a1", "x", "", text, "test", "text", published=dt.date(2025, 12, 1))
    (analysis,) = _pipeline().run([article])
    return {(s.holder, s.issue, s.position) for s in analysis["stance"]}


def test_a_denial_is_the_speakers_and_never_the_inner_subjects():
    found = stances(
        "Kremlin spokesperson Dmitry Peskov refuted assertions that Vladimir Putin rejected the peace plan."
    )
    assert ("dmitry-peskov", "peace-plan", "denies") in found
    assert not [s for s in found if s[0] in ("vladimir-putin", "russia")]


def test_a_stance_reported_by_someone_else_belongs_to_no_one():
    found = stances("Sybiha said that Putin rejected any ceasefire and insists on keeping the Donbas.")
    assert not [s for s in found if s[0] == "vladimir-putin"]
    assert not [s for s in found if s[0] == "andrii-sybiha" and s[2] == "rejects"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Zelensky has rejected ceding any territory to Russia.",
            ("volodymyr-zelensky", "territory", "rejects"),
        ),
        # refusing membership is demanding the issue's proposition, that Ukraine gives joining up
        ("Moscow will never accept NATO membership for Ukraine.", ("russia", "nato", "demands")),
        (
            "Ukraine is ready to discuss a demilitarised zone in the Donbas.",
            ("ukraine", "territory", "open_to_discuss"),
        ),
        (
            "Putin insists that Ukrainian troops must leave the Donbas.",
            ("vladimir-putin", "territory", "demands"),
        ),
        (
            "Zelensky said Ukraine did not agree to give up NATO membership.",
            ("volodymyr-zelensky", "nato", "denies"),
        ),
    ],
)
def test_polarity_and_modality_come_from_the_parse(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kyiv said it would not sign a deal without security guarantees from its allies.",
            ("ukraine", "security-guarantees", "demands"),
        ),
        (
            "Ukrainian officials have opposed reaching a ceasefire with Russia for months.",
            ("ukraine", "ceasefire", "opposes"),
        ),
    ],
)
def test_what_governs_the_stance_word_decides_the_position(text, expected):
    assert expected in stances(text)


@pytest.mark.parametrize(
    "text",
    [
        # the writer's prescription, under no verb of saying
        "Ukraine must also secure enough recruits to hold its territory through the winter.",
        # a hypothesis
        "For Russia to agree to a ceasefire, the war would first have to turn against it.",
        # an issue word inside a fronted adjunct is not what the verb takes a position on
        "With no road to victory in the Donbas, Putin is embracing a strategy of terror.",
    ],
)
def test_the_writers_own_analysis_is_no_ones_position(text):
    assert stances(text) == set()


def test_a_conditional_acceptance_keeps_its_condition():
    text = "Kyiv is prepared to set aside its NATO bid in exchange for security guarantees from Washington."
    article = Article("a2", "y", "", text, "test", "text", published=dt.date(2025, 12, 1))
    (analysis,) = _pipeline().run([article])
    by_issue = {s.issue: s for s in analysis["stance"]}
    assert by_issue["nato"].position == "accepts_on_condition"
    assert by_issue["nato"].condition.startswith("in exchange for security guarantees")
    assert by_issue["security-guarantees"].position == "demands"


def test_a_document_provides_and_a_plain_plan_is_the_one_current_that_day():
    text = (
        "The 28-point plan caps the Ukrainian army at 600,000. Under the plan, Ukraine would not join NATO."
    )
    article = Article("a3", "z", "", text, "test", "text", published=dt.date(2025, 11, 21))
    (analysis,) = _pipeline().run([article])
    provisions = {(p.document_id, p.issue, p.option) for p in analysis["provision"]}
    assert ("us-28-point-plan", "army-size", "cap-600000") in provisions
    assert any(p[0] == "us-28-point-plan" and p[1] == "nato" for p in provisions)


def test_no_dossier_issues_no_stances(tmp_path):
    path = tmp_path / "plain.yaml"
    path.write_text("sides: []\nactors: []\n")
    from parley.extract.registry import ActorRegistry

    reader = reader_for(Dossier.from_registry(ActorRegistry.load(path)))
    assert reader.read(Article("a", "b", "", "x", "t", "text"), None, [], []) == ([], [])  # type: ignore[arg-type]


def test_the_corpus_step_gives_a_statements_stance_to_its_resolved_speaker_only():
    dossier = Dossier.load()
    stance = Stance(
        "a1",
        "peace-plan",
        "rejects",
        Span(10, 40),
        "Putin rejected the plan",
        "vladimir-putin",
        statement_id="s1",
    )
    # the actors step resolved the statement's speaker to Peskov: the stance is his, not Putin's
    holder, kind, side = resolve_holder(stance, {"s1": "dmitry-peskov"}, {}, {}, dossier)
    assert (holder, kind, side) == ("dmitry-peskov", "actor", "russia")
    holder, kind, side = resolve_holder(stance, {"s1": "russia-government"}, {}, {}, dossier)
    assert (holder, kind, side) == ("russia", "side", "russia")


def test_on_the_seeds_every_statement_stance_is_its_speakers(seeds_store):
    statements = {s.id: s for s in seeds_store.statements()}
    speakers = {i: s.speaker_actor_id for i, s in statements.items()}

    def coordinated(s) -> bool:  # "X and Y said ...": Y, named in the speaker's words, holds it too
        said = statements[s.statement_id]
        words, ref = said.speaker_span, said.speaker_ref
        inside = words is not None and words.start <= s.holder_span.start and s.holder_span.end <= words.end
        return inside and s.holder_span not in (words, ref)

    for s in seeds_store.records("stance"):
        if s.statement_id and speakers.get(s.statement_id) and s.holder_kind != "document":
            if coordinated(s):
                continue
            expected = speakers[s.statement_id].removesuffix("-government")
            assert s.holder == expected, (s.holder, s.text)
    putin = [s for s in seeds_store.records("stance") if s.holder == "vladimir-putin"]
    assert not [s for s in putin if "Peskov" in s.text or "refuted" in s.text]


def test_analyse_is_unchanged_for_a_store_without_issues(tmp_path):
    from parley.ingest.job import ingest
    from parley.store import open_store
    from tests.conftest import FIXTURES

    store = open_store(str(tmp_path / "p.db"))
    ingest([str(FIXTURES / "good" / "article.txt")], store)
    path = tmp_path / "plain.yaml"
    path.write_text("sides: []\nactors: []\n")
    from parley.extract.registry import ActorRegistry

    analyse(store, registry=ActorRegistry.load(path))
    assert store.count("stance") == 0 and store.count("position") == 0
    store.close()


def test_the_stances_component_and_the_positions_records_are_registered():
    """Golden: the component's contract, its record types and the corpus step's place."""
    from parley import records
    from parley.corpus import ordered
    from parley.pipeline import COMPONENTS

    _pipeline()
    spec = COMPONENTS["stances"]
    assert (spec.requires, spec.produces) == (
        ("doc", "mention", "statement", "time_expression"),
        ("stance", "provision"),
    )
    assert "stances" in default_components()
    scopes = {rt.name: rt.scope for rt in records.all_types()}
    assert {k: scopes[k] for k in ("stance", "provision", "position", "document")} == {
        "stance": "article",
        "provision": "article",
        "position": "corpus",
        "document": "corpus",
    }
    steps = [s.name for s in ordered()]
    assert steps.index("actors") < steps.index("positions")  # positions read resolved speakers
