"""A statement's line in the brief reads as a sentence: "undated" where the article gives no day
(not "unknown threatened: ..."), and "says" where the article names its source with "according
to" (which is no verb: "According to: ..." read as one). The statement itself keeps the words the
article used as its cue."""

from __future__ import annotations

import json

import pytest

from parley.wording import said_as
from tests.conftest import run_cli

DOSSIER = """
sides:
  - {id: harbour, name: Harbouria, adjectives: [Harbourian]}
  - {id: upland, name: Uplandia, adjectives: [Uplandian]}
actors:
  - {id: harbour-ministry, name: Harbour Ministry, kind: organization, side: harbour,
     aliases: [the Harbour Ministry]}
  - {id: upland-council, name: Upland council, kind: organization, side: upland,
     aliases: [The Upland council, The council]}
"""

# two articles written for this test: one dated, one with no date at all
ARTICLES = [
    {
        "title": "Harbour ministry counts the night's drone attacks",
        "text": (
            "The Harbour Ministry released its morning figures on Tuesday.\n\n"
            "According to the Harbour Ministry, the coast guard shot down 41 of the 45 drones "
            "launched overnight against the northern ports."
        ),
        "outlet": "Quay Herald",
        "published": "2026-03-10",
        "url": "https://quay.example/drones",
    },
    {
        "title": "Upland council warns over the northern waters",
        "text": (
            "The Upland council has met in closed session.\n\n"
            "The council threatened to close the northern waters to every foreign trawler if the "
            "quota talks fail."
        ),
        "outlet": "Ridge Courier",
        "url": "https://ridge.example/warning",
    },
]


@pytest.mark.parametrize(
    ("cue", "shown"),
    [
        ("According to", "says"),
        ("according to", "says"),
        ("said", "said"),
        ("threatened", "threatened"),
        (":", ""),
        ("–", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_the_verb_a_statement_line_shows_for_its_cue(cue, shown):
    assert said_as(cue) == shown


@pytest.fixture(scope="module")
def brief_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lines")
    feed = folder / "two.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    (folder / "dossier.yaml").write_text(DOSSIER, encoding="utf-8")
    db = folder / "parley.db"
    run_cli("ingest", str(feed), "--quiet", db=db)
    run_cli("analyse", "--actors", str(folder / "dossier.yaml"), "--json", db=db)
    return db


def test_the_according_to_statement_keeps_its_cue_and_reads_says_in_the_brief(brief_db):
    quotes = json.loads(run_cli("quotes", "--json", db=brief_db).stdout)
    according = [q for q in quotes if "41 of the 45 drones" in q["text"]]
    assert [q["cue"] for q in according] == ["According to"]
    text = run_cli("brief", db=brief_db).stdout
    assert "According to:" not in text
    assert "2026-03-10 says: the coast guard shot down 41" in " ".join(text.split())
    md = run_cli("brief", "--format", "md", db=brief_db).stdout
    assert "- 2026-03-10 says: the coast guard shot down 41" in md


def test_an_undated_statement_reads_undated_not_unknown(brief_db):
    quotes = json.loads(run_cli("quotes", "--json", db=brief_db).stdout)
    threat = [q for q in quotes if "northern waters to every foreign trawler" in q["text"]]
    assert len(threat) == 1 and threat[0]["said_on"] is None and threat[0]["cue"] == "threatened"
    flat = " ".join(run_cli("brief", db=brief_db).stdout.split())
    assert "undated threatened: to close the northern waters" in flat
    assert "unknown threatened" not in flat
