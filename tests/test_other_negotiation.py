"""The same code on a different negotiation: a made-up trade pact between Marelia and Talvaria
(the `good` fixtures), given only its own actor registry. Nothing of the bundled Russia-Ukraine
registry is used."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from parley.analyse import analyse
from parley.extract.registry import ActorRegistry
from parley.ingest.job import ingest
from parley.store import EventFilter, StatementFilter, open_store
from tests.conftest import FIXTURES

REGISTRY = textwrap.dedent(
    """
    sides:
      - {id: marelia, name: Marelia, adjectives: [Marelian], places: [Marelia, Port Serrano]}
      - {id: talvaria, name: Talvaria, adjectives: [Talvarian], places: [Talvaria, Ostrel]}
    actors:
      - id: ines-calloway
        name: Ines Calloway
        side: marelia
        roles: [Trade Minister of Marelia]
        titles: [Marelian trade minister]
      - id: petr-odran
        name: Petr Odran
        side: talvaria
        roles: [Chief negotiator of Talvaria]
        titles: [Talvaria's chief negotiator]
    """
)


@pytest.fixture(scope="module")
def trade_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("trade")
    (folder / "actors.yaml").write_text(REGISTRY, encoding="utf-8")
    store = open_store(str(folder / "parley.db"))
    good = FIXTURES / "good"
    report = ingest(
        [str(good / "article.txt"), str(good / "articles.jsonl")], store, today=dt.date(2026, 1, 1)
    )
    assert report.failures == []
    analysis = analyse(store, registry=ActorRegistry.load(folder / "actors.yaml"))
    assert analysis.failures == []
    yield store
    store.close()


def test_speakers_resolve_to_this_negotiations_actors(trade_store):
    said = {}
    for s in trade_store.statements(StatementFilter()):
        said.setdefault(s.speaker_actor_id, []).append(s)
    assert any("first step" in s.text and s.kind == "direct" for s in said["ines-calloway"])
    # "According to Odran, ..." and "Talvaria's chief negotiator, Petr Odran, said ..."
    assert len(said["petr-odran"]) >= 2
    actors = {a.id: a for a in trade_store.actors()}
    assert actors["ines-calloway"].side == "marelia"
    assert not [a for a in actors if a in ("volodymyr-zelensky", "vladimir-putin")]


def test_unregistered_speaker_is_found_with_role_words(trade_store):
    actors = {a.name: a for a in trade_store.actors()}
    assert "Aldo Brenn" in actors  # the farmers' union leader, in no registry
    quotes = [s for s in trade_store.statements(StatementFilter()) if "not stay quiet" in s.text]
    assert quotes and quotes[0].speaker_actor_id == actors["Aldo Brenn"].id


def test_dates_and_events_are_resolved_against_each_article(trade_store):
    (article,) = [a for a in trade_store.articles() if a.title.startswith("Marelia and Talvaria agree")]
    assert article.published == dt.date(2024, 3, 14)
    quote = next(
        s for s in trade_store.statements(StatementFilter(article_id=article.id)) if "first step" in s.text
    )
    assert quote.said_on == dt.date(2024, 3, 14)
    agreements = trade_store.events(EventFilter(type="agreement"))
    assert any(e.date == dt.date(2024, 3, 13) for e in agreements)  # "agreed on Wednesday"
