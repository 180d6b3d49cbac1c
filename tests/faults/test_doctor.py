"""``parley doctor`` on real SQLite stores: a healthy one, then one damaged in each way the doctor
names (rows changed behind the store's back, an analysis written in half, a damaged file)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.clean import clean_article
from parley.doctor import diagnose
from parley.models import Mention, RawArticle, Span
from parley.present.cli_doctor import doctor
from parley.store import ArticleRecords, open_store
from parley.store.sqlite import MIGRATIONS

COMPONENTS = "mentions@1+statements@1"
PIPELINE = f"test_model-1.0+{COMPONENTS}"
BODY = (
    "Delegations from the two governments met in the harbour city on {day} for a {n}th round of "
    "talks on the ceasefire line.\n\nThe envoy of the mediating council said the round was useful."
)


def _article(n: int):
    raw = RawArticle(
        origin=f"wire/{n}.txt",
        format="text",
        title=f"Round {n} of talks ends without a deal",
        text=BODY.format(n=n, day=f"{n} March"),
        url=f"https://wire.example/talks/{n}",
    )
    return clean_article(raw, today=dt.date(2026, 3, 30))


def _mentions(article) -> tuple[Mention, ...]:
    start = article.text.index("Delegations")
    envoy = article.text.index("envoy")
    return (
        Mention(article.id, Span(start, start + len("Delegations")), "Delegations", "ROLE"),
        Mention(article.id, Span(envoy, envoy + len("envoy")), "envoy", "ROLE", role="envoy"),
    )


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """A store of four articles, three of them analysed (two mentions each, one an error)."""
    path = tmp_path / "doctor.db"
    store = open_store(str(path))
    run = store.begin_run(["wire"])
    articles = [_article(n) for n in range(1, 5)]
    store.add_articles(articles, run)
    store.finish_run(run, 4, 0, 0)
    results = [ArticleRecords(a.id, {"mention": _mentions(a)}) for a in articles[:2]]
    results.append(ArticleRecords(articles[2].id, error="skipped: too long"))
    store.save_analyses(results, PIPELINE)
    store.close()
    return path


def _sql(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def _checks(path: Path) -> dict[str, tuple[str, int]]:
    found = diagnose(str(path), components=COMPONENTS)
    return {p.check: (p.severity, p.count) for p in found.problems}


def test_a_healthy_store_has_no_problems_and_exits_0(store_path):
    found = diagnose(str(store_path), components=COMPONENTS)
    assert found.healthy and found.problems == ()
    assert (found.articles, found.analysed, found.records) == (4, 3, 4)
    assert found.schema_version == found.expected_schema == len(MIGRATIONS)
    result = CliRunner().invoke(doctor, ["--db", str(store_path)])
    assert result.exit_code == 0, result.output
    assert "healthy" in result.output


def test_an_article_deleted_behind_the_stores_back_leaves_orphans(store_path):
    first = _article(1).id
    _sql(store_path, f"DELETE FROM articles WHERE id = '{first}'")
    checks = _checks(store_path)
    assert checks["orphan_records"] == ("error", 2)
    assert checks["orphan_analyses"] == ("error", 1)
    assert checks["orphan_sightings"] == ("error", 1)
    assert checks["foreign_keys"][0] == "error"  # analyses and sightings reference articles
    result = CliRunner().invoke(doctor, ["--db", str(store_path), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["healthy"] is False
    orphan = next(p for p in report["problems"] if p["check"] == "orphan_records")
    assert orphan["examples"] == [first] and "DELETE FROM records WHERE" in orphan["fix"]


def test_changed_text_and_undecodable_records_are_errors(store_path):
    second = _article(2).id
    _sql(
        store_path,
        f"UPDATE articles SET text = substr(text, 1, 40) WHERE id = '{second}'",
        f'UPDATE records SET data = \'{{"article_id": "{second}", "span": 7}}\' '
        f"WHERE article_id = '{second}' AND key LIKE '0-%'",
    )
    checks = _checks(store_path)
    assert checks["content_hash"] == ("error", 1)
    assert checks["undecodable_records"] == ("error", 1)
    found = diagnose(str(store_path), components=COMPONENTS)
    bad = next(p for p in found.problems if p.check == "undecodable_records")
    assert bad.examples[0].startswith(f"mention {second}/0-")


def test_records_without_an_analysis_mark_are_a_half_written_analysis(store_path):
    _sql(store_path, f"DELETE FROM analyses WHERE article_id = '{_article(1).id}'")
    assert _checks(store_path) == {"unmarked_records": ("error", 1)}


def test_warnings_leave_the_store_healthy(store_path):
    _sql(
        store_path,
        "INSERT INTO ingest_runs (started_at, inputs) VALUES ('2026-03-30T10:00:00+00:00', '[]')",
        f"UPDATE analyses SET pipeline = 'test_model-1.0+mentions@0' WHERE article_id = '{_article(2).id}'",
        f"DELETE FROM records WHERE article_id = '{_article(1).id}'",
        "INSERT INTO records (type, article_id, key, seq, data) VALUES ('vote', '', 'v1', 0, '{}')",
    )
    checks = _checks(store_path)
    assert checks == {
        "unfinished_runs": ("warning", 1),
        "stale_analyses": ("warning", 1),
        "analysed_without_records": ("warning", 1),
        "unknown_record_types": ("warning", 1),
    }
    assert diagnose(str(store_path), components=COMPONENTS).healthy


def test_a_newer_schema_is_an_error_and_an_older_one_skips_the_other_checks(store_path):
    _sql(store_path, f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    assert _checks(store_path)["schema"] == ("error", 1)
    _sql(store_path, "PRAGMA user_version = 4")
    found = diagnose(str(store_path), components=COMPONENTS)
    assert found.healthy and [p.check for p in found.problems] == ["schema"]
    assert found.checks == ("engine", "schema")


def test_a_damaged_file_is_reported_not_a_crash(store_path, tmp_path):
    store = open_store(str(store_path))  # checkpoint the WAL so every page is in the main file
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(store_path.read_bytes())
    page = sqlite3.connect(store_path).execute("PRAGMA page_size").fetchone()[0]
    for n in range(2, len(data) // page):  # every page but the header page, half overwritten
        data[n * page + 8 : n * page + page // 2] = b"\xa5" * (page // 2 - 8)
    store_path.write_bytes(bytes(data))
    result = CliRunner().invoke(doctor, ["--db", str(store_path)])
    assert result.exit_code == 1, result.output
    assert "error" in result.output and "integrity check" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_missing_store_or_a_file_that_is_not_a_database_exits_3(tmp_path):
    result = CliRunner().invoke(doctor, ["--db", str(tmp_path / "none.db")])
    assert result.exit_code == 3 and "no store" in result.output
    assert not (tmp_path / "none.db").exists()  # the doctor created nothing
    notes = tmp_path / "notes.db"
    notes.write_text("minutes of the third round\n" * 200)
    result = CliRunner().invoke(doctor, ["--db", str(notes)])
    assert result.exit_code == 3 and "not a database" in result.output


def test_the_doctor_reads_a_postgresql_store_too():
    pytest.importorskip("psycopg")
    from tests.store.test_contract import postgres_database

    with postgres_database() as url:
        store = open_store(url)
        run = store.begin_run(["wire"])
        articles = [_article(n) for n in range(1, 4)]
        store.add_articles(articles, run)
        store.finish_run(run, 3, 0, 0)
        store.save_analyses([ArticleRecords(a.id, {"mention": _mentions(a)}) for a in articles], PIPELINE)
        found = diagnose(url, components=COMPONENTS)
        assert found.healthy and found.problems == () and found.backend == "postgresql"
        assert (found.articles, found.analysed, found.records) == (3, 3, 6)
        assert "parley@" in found.store and "parley:parley" not in found.store  # no password shown
        store.db.execute(
            "INSERT INTO records (type, article_id, key, seq, data) VALUES "
            "('mention', 'feedc0ffee000000', '1-2-ROLE', 0, '{\"span\": [1, 2]}'::jsonb), "
            "('mention', %s, '9-9-ROLE', 0, '{\"span\": \"nine\"}'::jsonb)",
            (articles[0].id,),
        )
        store.close()
        problems = {p.check: (p.severity, p.count) for p in diagnose(url, components=COMPONENTS).problems}
        assert problems == {"orphan_records": ("error", 1), "undecodable_records": ("error", 2)}
