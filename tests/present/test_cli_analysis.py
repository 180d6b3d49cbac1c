"""The analysis commands through the real CLI on the bundled sample corpus: analyse, quotes,
actors (list, merge, split), timeline, and the statement, actor and event exports."""

from __future__ import annotations

import json
import re

import pytest

from parley.present.export import record_fields
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
    assert "no actor with id 'nobody'" in bad.stderr


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
    # the article and every registered record type that has records
    assert {"article", "actor", "statement", "event", "mention", "time_expression", "event_mention"} <= types
    assert types <= set(record_fields())
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


# -- what a new user met: speakers, whole statements, short ids, the brief at 80 columns -------------


def invoke(*argv: str, db, check: int = 0, columns: int = 250):
    """The command in-process, with ``--db`` before it and a terminal of ``columns``."""
    from click.testing import CliRunner

    from parley.present.cli import cli

    env = {"PARLEY_DB": None, "COLUMNS": str(columns)}
    result = CliRunner().invoke(cli, ["--db", str(db), *argv], env=env, catch_exceptions=False)
    assert result.exit_code == check, (result.exit_code, result.stdout, result.stderr)
    return result


def test_speaker_matches_the_resolved_actor_by_any_name_and_speaker_text_the_words(analysed):
    for words in ("Zelenskyy", "zelensky", "VOLODYMYR ZELENSKIY", "volodymyr-zelensky"):
        said = json.loads(invoke("quotes", "--speaker", words, "--json", db=analysed).stdout)
        assert said and {q["speaker_actor_id"] for q in said} == {"volodymyr-zelensky"}, words
    # "a spokesperson for Zelenskyy's office" is not Zelensky; --speaker-text finds it by its words
    words = json.loads(invoke("quotes", "--speaker-text", "Zelenskyy's office", "--json", db=analysed).stdout)
    assert words and all("zelenskyy's office" in q["speaker"].lower() for q in words)
    assert all(q["speaker_actor_id"] != "volodymyr-zelensky" for q in words)
    elysee = json.loads(invoke("quotes", "--speaker", "elysee", "--json", db=analysed).stdout)
    assert {q["speaker_actor_id"] for q in elysee} <= {"elysee"}  # accents folded: "Élysée"


def test_a_statement_is_shown_whole_by_its_id_and_in_full_lists(analysed):
    said = json.loads(invoke("quotes", "--json", db=analysed).stdout)
    long = max(said, key=lambda q: len(q["text"]))
    assert len(long["text"]) > 160
    cut = invoke("quotes", "--article", long["article_id"][:8], db=analysed).stdout
    assert "cut short" in cut and " ".join(long["text"].split()) not in " ".join(cut.split())
    whole = invoke("quotes", "--article", long["article_id"][:8], "--full", db=analysed).stdout
    assert " ".join(long["text"].split()) in " ".join(whole.split())
    one = invoke("quotes", long["id"][:8], db=analysed, columns=80).stdout
    flat = " ".join(one.split())
    assert " ".join(long["text"].split()) in flat and long["id"] in flat and long["article_id"] in flat
    assert f"span {long['span'][0]}-{long['span'][1]}" in flat and f"cue {long['cue']}" in flat
    assert "In its sentence:" in one
    assert json.loads(invoke("quotes", long["id"][:8], "--json", db=analysed).stdout) == long


def test_article_statement_and_event_ids_are_taken_as_the_8_characters_shown(analysed):
    said = json.loads(invoke("quotes", "--json", db=analysed).stdout)
    article = said[0]["article_id"]
    mine = json.loads(invoke("quotes", "--article", article[:8], "--json", db=analysed).stdout)
    assert mine and {q["article_id"] for q in mine} == {article}
    event = json.loads(invoke("timeline", "--json", db=analysed).stdout)[0]
    assert json.loads(invoke("timeline", event["id"][:8], "--json", db=analysed).stdout) == event
    shown = invoke("timeline", event["id"][:8], db=analysed).stdout
    assert event["id"] in shown and "Sources:" in shown


def test_the_brief_reads_at_80_columns(analysed):
    text = invoke("brief", db=analysed, columns=80).stdout
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert not re.search(r"\d{4}-…|\d{4}-\d\d-…|\d{4}-\d\d-\d…", text)  # no date is cut
    brief = json.loads(invoke("brief", "--json", db=analysed).stdout)
    for speaker in brief["speakers"]:
        assert any(line.strip().startswith(speaker["name"]) for line in lines)
        for statement in speaker["latest"]:
            assert statement["id"][:8] in text and (statement["said_on"] or "unknown") in text
    for event in brief["events"]:
        assert f"{event['date']} {event['type']}" in text and event["id"][:8] in text
    assert "Continental Wire 6 ·" in text  # outlets with counts, not a column each


def test_actors_merge_and_split_take_id_prefixes_and_names_in_any_case(analysed):
    invoke("actors", "merge", "kirill-d", "steve-wit", db=analysed)
    merged = {a["id"]: a for a in json.loads(invoke("actors", "--json", db=analysed).stdout)}
    assert "kirill-dmitriev" not in merged and "Kirill Dmitriev" in merged["steve-witkoff"]["aliases"]
    invoke("actors", "split", "steve-wit", "kirill dmitriev", db=analysed)  # recorded as written
    names = {a["name"] for a in json.loads(invoke("actors", "--json", db=analysed).stdout)}
    assert "Kirill Dmitriev" in names
    itself = invoke("actors", "merge", "steve-wit", "steve-witkoff", db=analysed, check=2)
    assert "cannot be merged into itself" in itself.stderr
    unnamed = invoke("actors", "split", "steve-witkoff", "Nobody", db=analysed, check=2)
    assert "steve-witkoff has no name 'Nobody'; its names: Steve Witkoff" in " ".join(unnamed.stderr.split())
    vague = invoke("actors", "merge", "s", "steve-witkoff", db=analysed, check=2)
    assert "is the start of" in vague.stderr and "sergei-lavrov" in " ".join(vague.stderr.split())


def test_a_nested_statement_is_marked_in_the_list_and_not_counted_as_the_speakers_own(analysed):
    said = json.loads(invoke("quotes", "--json", db=analysed).stdout)
    nested = [q for q in said if q["embedded_in"]]
    assert nested, "the sample has denials of claims and questions put to a speaker"
    q = nested[0]
    listed = invoke("quotes", "--article", q["article_id"][:8], "--full", db=analysed).stdout
    marks = {"denial": "(denied)", "question": "(asked)", "report": "(relayed)"}
    row = next(line for line in listed.splitlines() if line.strip().startswith(q["id"][:8]))
    assert marks[q["embedded_in"]] in row
    assert "not counted as the speaker's own claim" in listed.splitlines()[-1]
    counts = json.loads(invoke("brief", "--json", db=analysed).stdout)["counts"]
    assert counts["statements"] == len(said)
    assert counts["attributed"] == sum(1 for x in said if x["speaker_actor_id"] and not x["embedded_in"])
