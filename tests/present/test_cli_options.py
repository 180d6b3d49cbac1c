"""What a new user met first: ``--db`` before the command, ids shown short, option values
checked, help that tells the truth, one word for a missing value."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.models import Article
from parley.present.cli import cli
from parley.store import open_store
from tests.conftest import FIXTURES

GOOD = FIXTURES / "good"


def invoke(*argv: str, check: int | None = 0, env: dict[str, str | None] | None = None):
    result = CliRunner().invoke(
        cli, list(argv), env={"PARLEY_DB": None, **(env or {})}, catch_exceptions=False
    )
    if check is not None:
        assert result.exit_code == check, (result.exit_code, result.stdout, result.stderr)
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("options") / "parley.db"
    files = ("article.txt", "page.html", "articles.jsonl", "feed.atom.xml")
    invoke("ingest", "--db", str(db), *(str(GOOD / f) for f in files))
    return db


def stored(db: Path) -> list[Article]:
    store = open_store(str(db))
    try:
        return list(store.articles())
    finally:
        store.close()


def ids(db: Path) -> list[str]:
    return [a.id for a in stored(db)]


def test_db_is_taken_before_the_command_as_well_as_after_it(db, tmp_path):
    assert json.loads(invoke("--db", str(db), "brief", "--json").stdout)["articles"] == 5
    assert json.loads(invoke(f"--db={db}", "articles", "--json").stdout)[0]["id"] in ids(db)
    assert invoke("--db", str(db), "actors", "list").stdout.strip().endswith("0 actors")  # not analysed
    other = tmp_path / "other.db"
    # the nearest wins: after the command over before it, before it over PARLEY_DB
    after = invoke("--db", str(other), "brief", "--db", str(db), "--json")
    assert json.loads(after.stdout)["articles"] == 5
    before = invoke("--db", str(db), "brief", "--json", env={"PARLEY_DB": str(other)})
    assert json.loads(before.stdout)["articles"] == 5
    env_only = invoke("brief", "--json", env={"PARLEY_DB": str(db)})
    assert json.loads(env_only.stdout)["articles"] == 5
    assert not other.exists()


def test_an_id_is_taken_by_any_unique_prefix_and_an_ambiguous_one_lists_the_candidates(db):
    first = ids(db)[0]
    for prefix in (first[:8], first[:4].upper(), first):
        shown = json.loads(invoke("--db", str(db), "articles", prefix, "--json").stdout)
        assert shown["id"] == first
    every = invoke("--db", str(db), "articles", first[:1], check=None)
    starting = [i for i in ids(db) if i.startswith(first[0])]
    if len(starting) > 1:
        assert every.exit_code == 2
        message = " ".join(every.stderr.split())
        assert f"is the start of {len(starting)} article ids" in message
        assert all(i in message for i in starting)
    missing = invoke("--db", str(db), "articles", "zz", check=2)
    assert "no article with id 'zz'" in missing.stderr


def test_ambiguous_prefixes_are_usage_errors_naming_every_candidate(tmp_path):
    from parley.errors import AmbiguousId, NotFound
    from parley.lookups import unique_id

    with pytest.raises(AmbiguousId) as raised:
        unique_id("event", "ab", ["ab12", "ab34", "cd56"])
    assert raised.value.candidates == ["ab12", "ab34"] and "ab12, ab34" in str(raised.value)
    assert unique_id("actor", "russia", ["russia", "russia-government"]) == "russia"  # exact wins
    assert unique_id("actor", "RUSSIA-G", ["russia", "russia-government"]) == "russia-government"
    with pytest.raises(NotFound):
        unique_id("statement", "ff", ["ab12"])


def test_the_article_view_says_unknown_like_the_tables(db):
    plain = next(a for a in stored(db) if a.url is None)  # article.txt: no URL, no author
    text = invoke("--db", str(db), "articles", plain.id[:8]).stdout
    assert "None" not in text
    assert re.search(r"^\s+url  unknown$", text, re.M) and re.search(r"^\s+author  unknown$", text, re.M)


def test_event_and_record_types_are_checked_and_the_valid_ones_listed(db):
    bad = invoke("--db", str(db), "timeline", "--type", "meating", check=2)
    message = " ".join(bad.stderr.split())
    assert "'meating' is not an event type" in message and "meeting" in message and "resignation" in message
    assert invoke("--db", str(db), "timeline", "--type", "meeting", "--json").stdout.strip() == "[]"
    export = invoke("--db", str(db), "export", "--type", "events", check=2)
    assert "'event'" in export.stderr
    csv_all = invoke("--db", str(db), "export", "--format", "csv", "--type", "all", check=2)
    assert "article, mention, time_expression, statement, event_mention, actor, event" in " ".join(
        csv_all.stderr.split()
    )


def test_brief_help_says_what_the_brief_holds():
    text = " ".join(invoke("brief", "--help").stdout.split())
    for part in ("articles per day", "top outlets", "most quoted actors", "most reported events"):
        assert part in text, part


def test_unknown_speaker_or_actor_is_a_usage_error(db):
    quotes = invoke("--db", str(db), "quotes", "--speaker", "Nobody Atall", check=2)
    assert "no actor is named 'Nobody Atall'" in quotes.stderr
    invoke("--db", str(db), "timeline", "--actor", "Nobody Atall", check=2)
    invoke("--db", str(db), "quotes", "0000", check=2)  # no statement has that id
    invoke("--db", str(db), "timeline", "0000", check=2)
    invoke("--db", str(db), "actors", "merge", "a", "b", check=2)


def test_an_article_over_max_chars_is_skipped_with_its_reason_and_the_run_says_so(tmp_path):
    db = tmp_path / "long.db"
    invoke("--db", str(db), "ingest", str(FIXTURES / "good" / "article.txt"))
    result = invoke("--db", str(db), "analyse", "--max-chars", "200", "--json", check=1)
    report = json.loads(result.stdout)
    assert report["analysed"] == 1
    assert "over the limit of 200" in report["failures"][0]["reason"]
    # not parsed again on the next run, and the limit can come from the environment
    again = invoke("--db", str(db), "analyse", "--json", env={"PARLEY_MAX_CHARS": "200"})
    assert json.loads(again.stdout)["analysed"] == 0
