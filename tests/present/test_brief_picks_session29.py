"""Which of a speaker's statements the brief shows, and one contested item by its id."""

from __future__ import annotations

from click.testing import CliRunner

from parley.models import Span, Statement
from parley.present.cli import cli
from parley.store import ArticleRecords
from tests.present.test_brief_session29 import DAY, desk  # noqa: F401  (the fixture)


def _run(store, *args: str):
    return CliRunner().invoke(
        cli, ["--db", str(store.path), *args], env={"PARLEY_DB": None, "COLUMNS": "100"}
    )


def _say(article_id: str, n: int, text: str, ascribed: bool = False) -> Statement:
    return Statement(
        id=f"vale-{n}",
        article_id=article_id,
        speaker="Ines Vale",
        speaker_actor_id="ines-vale",
        cue="said",
        text=text,
        kind="indirect",
        span=Span(100 + n, 110 + n),
        said_on=DAY,
        ascribed=ascribed,
    )


def test_the_brief_shows_a_speakers_statements_that_tell_something_about_the_negotiation(desk):  # noqa: F811
    from parley.models import Actor
    from parley.quoted import latest_said

    desk.replace_records("actor", [*desk.actors(), Actor("ines-vale", "Ines Vale", "person")])
    article = next(iter(desk.articles())).id
    said = [
        _say(article, 1, "such claims"),  # tells nothing on its own
        _say(article, 2, "the storm closed the airport for a whole day"),  # another story
        _say(article, 3, "the catch limits must hold for every trawler in the bay"),  # the dossier's issue
    ]
    desk.save_analyses([ArticleRecords(article, {"statement": said})], "v2")
    assert [s.id for s in latest_said(desk, "ines-vale", 1)] == ["vale-3"]
    assert [s.id for s in latest_said(desk, "ines-vale", 2)] == ["vale-2", "vale-3"]  # in their order
    assert len(latest_said(desk, "ines-vale", 3)) == 3  # none is dropped when there is room
    view = _say(article, 0, "the catch limits are believed too low by every trawler crew", ascribed=True)
    desk.save_analyses([ArticleRecords(article, {"statement": [view, *said]})], "v3")
    assert [s.id for s in latest_said(desk, "ines-vale", 1)] == ["vale-3"]  # words said before a view


def test_one_contested_item_by_its_id_or_a_unique_prefix(desk):  # noqa: F811
    done = _run(desk, "contested", "c-qu")
    assert done.exit_code == 0, done.output
    assert "Uplandian boats broke the catch limits" in done.stdout
    assert "meeting was cancelled" not in done.stdout and "contested items" not in done.stdout
    missing = _run(desk, "contested", "c-nowhere")
    assert missing.exit_code != 0 and "no contested with id 'c-nowhere'" in missing.output
    assert "is the start of 3 contested ids" in _run(desk, "contested", "c-").output
