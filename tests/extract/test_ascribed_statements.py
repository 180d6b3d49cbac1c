"""A statement whose cue is a verb of thinking, wishing or taking a stand is *ascribed*: the
article gives the speaker a view, it does not report words said. Built by the real pipeline on
an article written for this test; then the brief's latest statements put words said first."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.clean import clean_article
from parley.extract.registry import ActorRegistry
from parley.models import RawArticle
from parley.nlp import SpacyParser
from parley.pipeline import DEFAULT_COMPONENTS, Context, Pipeline

REGISTRY = """\
sides:
  - id: north
    name: Northland
    adjectives: [Northern]
    places: [Northland]
actors:
  - id: ilse-varga
    name: Ilse Varga
    kind: person
    side: north
    roles: [Prime minister]
"""

ARTICLE = (
    "Northland weighs the harbour deal\n\n"
    "Prime Minister Ilse Varga said on Monday that the harbour agreement would be signed within a "
    "month.\n\n"
    "Varga believes that the southern delegation will give way before the winter.\n\n"
    "She wants to close the talks before the budget vote, and she supports the plan to share the "
    "port fees.\n\n"
    '"We are close," Varga told reporters. "I think we can finish this week."'
)


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "actors.yaml"
    path.write_text(REGISTRY, encoding="utf-8")
    article = clean_article(
        RawArticle("harbour", "text", ARTICLE, title="Northland weighs the harbour deal"),
        today=dt.date(2026, 3, 4),
    )
    pipeline = Pipeline(DEFAULT_COMPONENTS, SpacyParser(), Context(ActorRegistry.load(path)))
    (analysis,) = pipeline.run([article])
    return {s.cue: s for s in analysis["statement"]}


def test_words_said_are_not_ascribed(found):
    said = [s for s in found.values() if s.cue in ("said", "told")]
    assert said and not any(s.ascribed for s in said)
    # a quote is words said, whatever it says ("I think ..." inside it)
    assert all(not s.ascribed for s in found.values() if s.kind == "direct")


def test_a_belief_a_wish_and_a_stand_are_ascribed(found):
    for cue in ("believes", "wants", "supports"):
        assert cue in found, sorted(found)
        assert found[cue].ascribed and found[cue].speaker_actor_id == "ilse-varga"


def test_the_brief_shows_words_said_before_a_view_ascribed(tmp_path):
    from parley.lookups import speaker_tally
    from parley.models import Actor, Span, Statement
    from parley.store import ArticleRecords, open_store

    store = open_store(str(tmp_path / "views.db"))
    article = clean_article(
        RawArticle("a1", "text", ARTICLE, title="Northland weighs the harbour deal"),
        today=dt.date(2026, 3, 4),
    )
    run = store.begin_run(["a1"])
    store.add_articles([article], run)
    store.finish_run(run, 1, 0, 0)

    def statement(n: int, day: int, ascribed: bool) -> Statement:
        return Statement(
            id=f"s{n}", article_id=article.id, speaker="Varga", speaker_actor_id="ilse-varga", cue="c",
            text=f"statement {n}", kind="reported", span=Span(n, n + 1), said_on=dt.date(2026, 3, day),
            ascribed=ascribed,
        )  # fmt: skip

    # the newest two are views the writer ascribes; two older ones are words said
    records = [statement(1, 1, False), statement(2, 2, False), statement(3, 3, True), statement(4, 4, True)]
    store.save_analyses([ArticleRecords(article.id, {"statement": tuple(records)})], "v1")
    store.replace_records("actor", [Actor("ilse-varga", "Ilse Varga", "person")])
    tally = speaker_tally(store, latest=2)
    assert dict(tally.by_actor) == {"ilse-varga": 4}
    assert [s.id for s in tally.latest("ilse-varga")] == ["s2", "s1"]  # words said, the latest first
    only_views = speaker_tally(store, latest=3).latest("ilse-varga")
    assert [s.id for s in only_views] == ["s4", "s2", "s1"]  # a view fills the third place
    store.close()
