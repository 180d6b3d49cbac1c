"""The brief as a journalist reads it: the most widely quoted first (articles before statements),
contested items far from the negotiation left out of the short lists (kept and marked in
``parley contested``), cuts at a word's end, and no cue that is only a dash."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest
from click.testing import CliRunner

from parley.present.cli import cli

DAY = dt.date(2026, 3, 9)

DOSSIER = textwrap.dedent(
    """
    sides:
      - {id: harbour, name: Harbouria, adjectives: [Harbourian], places: [Port Lantern]}
      - {id: upland, name: Uplandia, adjectives: [Uplandian], places: [Cragmoor]}
    actors:
      - id: mira-selden
        name: Mira Selden
        kind: person
        side: harbour
        roles: [Chief negotiator of Harbouria]
        titles: [Harbouria's chief negotiator]
    issues:
      - id: fishing-quota
        name: Fishing quota
        description: Harbouria and Uplandia share the catch in the northern waters.
        cues: [fishing quota, catch limits, trawlers]
    """
)


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """Five articles of one week, analysed by hand: a negotiator quoted once in each of three
    articles, a poet quoted six times in one long profile, and three contested items."""
    from parley.clean import clean_article
    from parley.models import Actor, RawArticle, Span, Statement
    from parley.reconcile.contested_records import Contested, ContestedSide
    from parley.store import ArticleRecords, open_store

    (tmp_path / "dossier.yaml").write_text(DOSSIER, encoding="utf-8")
    store = open_store(str(tmp_path / "desk.db"))
    outlets = ["Quay Herald", "Ridge Courier", "Lantern Post", "Evening Slate", "Shore Weekly"]
    raws = [
        RawArticle(
            origin=f"mem://{i}",
            format="text",
            title=f"Quota talks, day {i}",
            text=f"Negotiators met again over the catch limits.\n\nThe talks resumed on day {i}.",
            outlet=outlet,
            published=DAY,
        )
        for i, outlet in enumerate(outlets)
    ]
    arts = [clean_article(r, today=DAY) for r in raws]
    run = store.begin_run(["mem"])
    store.add_articles(arts, run)
    store.finish_run(run, len(arts), 0, 0)
    store.replace_records(
        "actor",
        [
            Actor("mira-selden", "Mira Selden", "person", side="harbour", evidence=("registry",)),
            Actor("oskar-brandt", "Oskar Brandt", "person"),  # a poet profiled at length
            Actor("tobias-wren", "Tobias Wren", "person"),  # a fisherman quoted twice in one article
        ],
    )

    def said(i: int, n: int, who: str, cue: str = "said") -> Statement:
        return Statement(
            id=f"{arts[i].id[:6]}-{n}",
            article_id=arts[i].id,
            speaker="the speaker",
            speaker_actor_id=who,
            cue=cue,
            text=f"we will keep talking, point {n}",
            kind="direct",
            span=Span(n, n + 5),
            said_on=DAY,
        )

    by_article = {
        0: [said(0, 1, "mira-selden"), *(said(0, n, "oskar-brandt") for n in range(2, 8))],
        1: [said(1, 1, "mira-selden")],
        2: [said(2, 1, "mira-selden"), said(2, 2, "tobias-wren"), said(2, 3, "tobias-wren", cue="–")],
    }
    store.save_analyses([ArticleRecords(arts[i].id, {"statement": s}) for i, s in by_article.items()], "v1")

    def side(i: int, text: str, who: str | None, actor_id: str | None = None) -> ContestedSide:
        return ContestedSide(text, None, who, actor_id, arts[i].id, Span(0, 9), DAY, outlets[i])

    far = (
        "Storms left at least 300 more travellers stranded at the airport, though that could not be verified."
    )
    store.replace_records(
        "contested",
        [
            Contested(  # a figure from a weather round-up: neither a party nor an issue
                "c-far",
                "unverified",
                far,
                DAY,
                (side(3, far, "Evening Slate"),),
                arts[3].id,
                Span(0, 9),
                "a report its outlet says is not verified",
            ),
            Contested(  # a party named by its adjective in the dossier
                "c-quota",
                "denial",
                "denied: Uplandian boats broke the catch limits",
                DAY,
                (side(4, "Cragmoor denied that its boats broke the limits.", "Cragmoor"),),
                arts[4].id,
                Span(0, 9),
                "a denial",
            ),
            Contested(  # said by a party's actor
                "c-said",
                "denial",
                "denied: the meeting was cancelled",
                DAY,
                (side(1, "The meeting was not cancelled, she said.", "she", "mira-selden"),),
                arts[1].id,
                Span(0, 9),
                "a denial",
            ),
        ],
    )
    _analysed_with(store, tmp_path / "dossier.yaml")
    yield store
    store.close()


def _analysed_with(store, dossier) -> None:
    """What ``parley analyse --actors DOSSIER`` keeps of the dossier (its corpus step)."""
    from parley.corpus import run_corpus_steps
    from parley.extract.registry import ActorRegistry

    run_corpus_steps(store, ActorRegistry.load(dossier), names=["dossier_terms"])


def _brief_text(store, *args: str) -> str:
    runner = CliRunner()
    env = {"PARLEY_DB": None, "COLUMNS": "100"}
    done = runner.invoke(cli, ["--db", str(store.path), *args], env=env, catch_exceptions=False)
    assert done.exit_code == 0, done.output
    return done.stdout


# -- who was quoted most widely ------------------------------------------------------------------------


def test_a_speaker_quoted_across_articles_leads_one_quoted_at_length_in_one(desk):
    from parley.present.brief import build_brief

    b = build_brief(desk, since=DAY)
    ranked = [(s["name"], s["statements"], s["articles"]) for s in b.speakers]
    assert ranked == [("Mira Selden", 3, 3), ("Oskar Brandt", 6, 1), ("Tobias Wren", 2, 1)]
    quoted = [(q["name"], q["statements"], q["articles"]) for q in b.changes["most_quoted"]]
    assert quoted == ranked  # what changed ranks them the same way, and its JSON keeps every one
    text = " ".join(_brief_text(desk, "brief", "--since", DAY.isoformat()).split())
    assert "most widely quoted: Mira Selden 3 statements in 3 articles, Oskar Brandt 6 in 1" in text
    assert "Mira Selden (harbour): 3 statements in 3 articles" in text


def test_among_speakers_in_as_many_articles_the_party_and_then_the_most_statements_lead(desk):
    from parley.quoted import quoted_widely

    # one article each for the poet (6) and the fisherman (2): more statements first
    assert [q.actor.id for q in quoted_widely(desk)][1:] == ["oskar-brandt", "tobias-wren"]
    from parley.models import Actor

    fisherman = Actor("tobias-wren", "Tobias Wren", "person", side="upland")
    desk.replace_records("actor", [*(a for a in desk.actors() if a.id != fisherman.id), fisherman])
    # now the fisherman speaks for a party: he comes before the poet, both in one article
    assert [q.actor.id for q in quoted_widely(desk)] == ["mira-selden", "tobias-wren", "oskar-brandt"]
    assert sum(q.statements for q in quoted_widely(desk)) == 11  # every statement still counted


def test_the_first_of_the_whole_store_are_found_when_articles_are_counted_for_a_few(desk, monkeypatch):
    import parley.quoted
    from parley.quoted import quoted_widely

    # articles counted first for the one speaker with the most statements (the poet, in one
    # article): the negotiator, with fewer statements in more articles, must still come first
    monkeypatch.setattr(parley.quoted, "CANDIDATES", 1)
    assert [q.actor.id for q in quoted_widely(desk, limit=1)] == ["mira-selden"]
    assert quoted_widely(desk, limit=2) == quoted_widely(desk)[:2]


def test_what_changed_counts_speakers_since_the_day_only(desk):
    from parley.changes import changes_since

    later = changes_since(desk, DAY + dt.timedelta(days=1))
    assert later is not None and later.statements == 0 and later.most_quoted == []
    c = changes_since(desk, DAY)
    assert c is not None and c.statements == 11 and len(c.new_actors) == 3


def test_a_cue_that_is_only_a_dash_is_not_shown_and_a_word_cue_is(desk):
    text = _brief_text(desk, "brief", "--since", DAY.isoformat())
    assert "–:" not in text
    assert "said: we will keep talking" in text


# -- contested items outside the dossier ----------------------------------------------------------------


def test_an_item_touching_neither_party_nor_issue_is_left_out_of_the_brief_lists(desk):
    text = _brief_text(desk, "brief", "--since", DAY.isoformat())
    flat = " ".join(text.split())
    assert "contested: 3 new (2 denials); 1 outside the dossier, not listed" in flat
    assert "stranded at the airport" not in text
    assert "What is contested (3 items; 2 shown; 1 outside the dossier: `parley contested`)" in text
    assert "Uplandian boats broke the catch limits" in flat and "the meeting was cancelled" in flat


def test_the_contested_command_keeps_every_item_and_marks_those_outside(desk):
    text = _brief_text(desk, "contested")
    assert "unverified (outside the dossier): Storms left" in text
    assert "denial: denied: Uplandian boats" in text and "3 contested items" in text
    found = {x["id"]: x["in_dossier"] for x in json.loads(_brief_text(desk, "contested", "--json"))}
    assert found == {"c-far": False, "c-quota": True, "c-said": True}


def test_what_changed_lists_items_in_the_dossier_first_and_marks_the_others(desk):
    from parley.changes import changes_since

    c = changes_since(desk, DAY)
    assert c is not None and c.contested_total == 3 and c.contested_outside == 1
    assert [(x["id"], x["in_dossier"]) for x in c.contested][-1] == ("c-far", False)


def test_the_dossier_is_the_one_the_store_was_analysed_with(desk, tmp_path, monkeypatch):
    from parley.dossier_scope import dossier_scope

    other = tmp_path / "other.yaml"  # a dossier of another negotiation
    other.write_text("sides:\n  - {id: east, name: Eastland, adjectives: [Eastern]}\n", encoding="utf-8")
    monkeypatch.setenv("PARLEY_ACTORS", str(other))  # what a later command is given does not count
    scope = dossier_scope(desk)
    assert scope is not None and scope.names("a Harbourian trawler") and scope.names("new catch limits")
    assert scope.names("Ms Selden said") and not scope.names("a storm at the airport")
    assert not scope.names("an Eastland port")
    assert not scope.names("trawlers sailed from a distant port")  # one common word: in too many stories
    assert scope.names("the Harbourian-led talks") and scope.names(
        "the new catch\nlimits"
    )  # hyphen, line break
    _analysed_with(desk, other)  # analysed again with the other dossier: its words replace the first's
    scope = dossier_scope(desk)
    assert scope is not None and scope.names("an Eastland port") and not scope.names("a Harbourian trawler")
    assert scope.names("Mira Selden said")  # the store's party actors still are


def test_an_acronym_is_matched_as_written_and_nothing_is_outside_with_no_parties(tmp_path):
    from parley.dossier_scope import Scope, _scope
    from parley.models import Actor

    scope = Scope(["US", "Harbouria"], [])
    assert scope.names("the US envoy") and not scope.names("told us nothing")
    assert scope.names("Harbouria's offer") and scope.names("HARBOURIA")
    assert _scope([Actor("poet", "Oskar Brandt", "person")]) is None  # no party: every item touches


# -- cuts at a word's end -------------------------------------------------------------------------------


def test_clipped_words_end_at_a_word_and_short_text_is_left_whole():
    from parley.wording import clip_words

    text = "The delegation said the proposal was incorrect and would be answered in writing"
    assert clip_words(text, 40) == "The delegation said the proposal was…"
    assert clip_words(text, 200) == text
    assert clip_words("No compromise on the question, they said", 30) == "No compromise on the question…"
    assert clip_words("Ministerialdirektorenkonferenz", 10) == "Ministeri…"  # one word: cut where it must


def test_a_store_analysed_before_dossier_terms_reads_the_default_dossier(desk, tmp_path, monkeypatch):
    """With no ``dossier_terms`` record, the dossier PARLEY_ACTORS names serves when the store's
    listed actors are all in it, as before the step existed."""
    from parley.dossier_scope import dossier_scope

    desk.replace_records("dossier_terms", [])
    monkeypatch.setenv("PARLEY_ACTORS", str(tmp_path / "dossier.yaml"))
    scope = dossier_scope(desk)
    assert scope is not None and scope.names("new catch limits")
    other = tmp_path / "other.yaml"  # a dossier that does not list the store's negotiator
    other.write_text("sides:\n  - {id: east, name: Eastland, adjectives: [Eastern]}\n", encoding="utf-8")
    monkeypatch.setenv("PARLEY_ACTORS", str(other))
    from parley.models import Actor

    desk.replace_records("actor", [*desk.actors(), Actor("ida-lund", "Ida Lund", "person")])  # made again
    scope = dossier_scope(desk)
    assert scope is not None and not scope.names("new catch limits") and not scope.names("an Eastland port")


def test_clipped_to_nothing_is_only_the_mark():
    from parley.wording import clip_words

    assert clip_words("abc def", 1) == "…"
