"""The analysis commands through the real CLI on the bundled sample corpus: analyse, quotes,
actors (list, merge, split), timeline, and the statement, actor and event exports."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLE, run_cli


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "parley.db"
    run_cli("ingest", str(SAMPLE), "--quiet", db=db)
    report = json.loads(run_cli("analyse", "--json", db=db).stdout)
    assert report["analysed"] == 27 and report["failures"] == []
    return db


def test_analyse_again_does_only_new_articles(analysed):
    again = json.loads(run_cli("analyse", "--json", db=analysed).stdout)
    assert again["analysed"] == 0


def test_quotes_filters_by_speaker_alias_kind_and_date(analysed):
    quotes = json.loads(
        run_cli("quotes", "--speaker", "Zelenskyy", "--since", "2025-12-01", "--json", db=analysed).stdout
    )
    # the actor by any of its names, or statements whose speaker words contain the words typed
    assert quotes and all(
        q["speaker_actor_id"] == "volodymyr-zelensky" or "zelenskyy" in q["speaker"].lower() for q in quotes
    )
    assert sum(q["speaker_actor_id"] == "volodymyr-zelensky" for q in quotes) >= 5
    assert all(q["said_on"] >= "2025-12-01" for q in quotes)
    direct = json.loads(run_cli("quotes", "--kind", "direct", "--json", db=analysed).stdout)
    assert direct and all(q["kind"] == "direct" and q["text"][0] in "\"“«'‘" for q in direct)
    table = run_cli("quotes", "--speaker", "peskov", "--limit", "3", db=analysed).stdout
    assert "Dmitry Peskov" in table and "3 statements" in table


def test_actors_merge_and_split_survive_reanalysis(analysed):
    actors = {a["id"]: a for a in json.loads(run_cli("actors", "--json", db=analysed).stdout)}
    assert actors["volodymyr-zelensky"]["side"] == "ukraine"
    assert actors["volodymyr-zelensky"]["statements"] > 0
    run_cli("actors", "merge", "andriy-yermak", "volodymyr-zelensky", db=analysed)
    merged = {a["id"]: a for a in json.loads(run_cli("actors", "list", "--json", db=analysed).stdout)}
    assert "andriy-yermak" not in merged
    assert "Andriy Yermak" in merged["volodymyr-zelensky"]["aliases"]
    run_cli("analyse", "--force", "--json", db=analysed)  # decisions are kept across re-analysis
    kept = {a["id"] for a in json.loads(run_cli("actors", "--json", db=analysed).stdout)}
    assert "andriy-yermak" not in kept
    run_cli("actors", "split", "volodymyr-zelensky", "Andriy Yermak", db=analysed)
    split = {a["name"]: a for a in json.loads(run_cli("actors", "--json", db=analysed).stdout)}
    assert "Andriy Yermak" in split and "Andriy Yermak" not in split["Volodymyr Zelensky"]["aliases"]
    bad = run_cli("actors", "merge", "nobody", "volodymyr-zelensky", db=analysed, check=2)
    assert "no actor with id nobody" in bad.stderr


def test_timeline_lists_merged_events_with_sources(analysed):
    events = json.loads(run_cli("timeline", "--type", "meeting", "--json", db=analysed).stdout)
    assert events and all(e["event_type"] == "meeting" for e in events)
    moscow = [e for e in events if e["date"] == "2025-12-02" and e["place"] == "Moscow"]
    assert moscow and len(moscow[0]["sources"]) >= 3  # reported by several sample articles
    assert "duration" in moscow[0]["conflicts"]  # "about five hours" against "nearly six hours"
    text = run_cli("timeline", "--actor", "Witkoff", "--since", "2025-12-01", "--sources", db=analysed).stdout
    assert "2025-12-02" in text and "disagrees" in text


def test_export_writes_every_record_type(analysed, tmp_path):
    out = tmp_path / "all.jsonl"
    run_cli("export", "--format", "jsonl", "--output", str(out), db=analysed)
    types = {json.loads(line)["type"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert types == {"article", "actor", "statement", "event"}
    csv_out = run_cli("export", "--format", "csv", "--type", "statement", db=analysed).stdout
    header = csv_out.splitlines()[0].split(",")
    assert header[:4] == ["type", "id", "article_id", "speaker"]
    assert run_cli("export", "--format", "csv", "--type", "all", db=analysed, check=2).returncode == 2


def test_brief_shows_who_said_what_and_what_happened(analysed):
    brief = json.loads(run_cli("brief", "--json", db=analysed).stdout)
    speakers = {sp["actor_id"]: sp for sp in brief["speakers"]}
    assert {"volodymyr-zelensky", "dmitry-peskov", "vladimir-putin"} <= set(speakers)
    latest = speakers["dmitry-peskov"]["latest"][0]
    assert latest["span"][1] > latest["span"][0] and latest["article_id"]
    moscow = [e for e in brief["events"] if e["date"] == "2025-12-02" and e["type"] == "meeting"]
    assert moscow and moscow[0]["sources"] >= 3
    text = run_cli("brief", db=analysed).stdout
    assert "Who said what" in text and "What happened when" in text
