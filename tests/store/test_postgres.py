"""The PostgreSQL store on a real server (``PARLEY_TEST_POSTGRES``; skipped without one): migrations,
writers in several processes at once, a server that goes away, and the real CLI end to end."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from parley import records
from parley.errors import StoreError
from parley.store import open_store
from tests.conftest import ROOT, SAMPLE, run_cli
from tests.store.test_contract import postgres_database

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def url():
    with postgres_database() as url:
        yield url


def test_migrations_run_once_and_a_newer_schema_is_refused(url):
    from parley.store.postgres import MIGRATIONS

    store = open_store(url)
    assert store.schema_version == len(MIGRATIONS)
    store.close()
    again = open_store(url)
    assert again.schema_version == len(MIGRATIONS)
    assert again.db.execute("SELECT count(*) FROM parley_schema").fetchone()[0] == len(MIGRATIONS)
    again.db.execute("INSERT INTO parley_schema (version) VALUES (%s)", (len(MIGRATIONS) + 1,))
    again.close()
    with pytest.raises(StoreError, match="newer than this Parley"):
        open_store(url)


def test_declared_indexes_are_partial_expression_indexes(url):
    store = open_store(url)
    assert store.count("statement") == 0
    rows = store.db.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'records' AND indexname LIKE %s",
        ("records_statement_%",),
    ).fetchall()
    store.close()
    names = {name for name, _ in rows}
    # one per declared field, and the lists' order (said_on, then article and producer's order)
    assert names == {f"records_statement_{f}" for f in ("speaker_actor_id", "said_on", "kind", "_order")}
    assert all("WHERE (type = 'statement'" in definition for _, definition in rows)


# One writer: opens the store when told to (so migrations race too), then ingests 120 articles in
# batches of 7, in the order given. Prints the ids it stored as new.
WRITER = textwrap.dedent(
    """
    import datetime as dt, json, sys
    from parley.clean import clean_article
    from parley.models import RawArticle
    from parley.store import open_store

    url, order = sys.argv[1], sys.argv[2]
    articles = [
        clean_article(
            RawArticle(origin=f"mem://{n}", format="text", title=f"Round {n}",
                       text=f"Delegates met for round {n}.\\n\\nThe mediator said round {n} was useful.",
                       outlet="Wire", published=dt.date(2026, 1, 1 + n % 28)),
            today=dt.date(2026, 2, 1),
        )
        for n in range(120)
    ]
    if order == "backwards":
        articles.reverse()
    print("ready", flush=True)
    sys.stdin.readline()
    store = open_store(url)
    run = store.begin_run([order])
    new = []
    for start in range(0, len(articles), 7):
        batch = articles[start : start + 7]
        new += [a.id for a, fresh in zip(batch, store.add_articles(batch, run)) if fresh]
    store.finish_run(run, len(new), len(articles) - len(new), 0)
    store.close()
    print(json.dumps(new))
    """
)


def test_two_processes_ingesting_the_same_articles_at_once(url):
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, order],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for order in ("forwards", "backwards")
    ]
    for writer in writers:  # both have imported everything: start them together
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
    forwards, backwards = (set(json.loads(out)) for out, _ in outputs)

    store = open_store(url)
    try:
        stored = {a.id for a in store.articles()}
        assert store.count_articles() == len(stored) == 120  # nothing stored twice, nothing lost
        assert forwards | backwards == stored and not forwards & backwards  # each new exactly once
        counts = sorted((r.new, r.duplicate) for r in store.runs())
        assert counts == sorted((len(new), 120 - len(new)) for new in (forwards, backwards))
        assert all(len(store.sightings(i)) == 1 for i in stored)  # same origin: one sighting
    finally:
        store.close()


def test_a_server_that_goes_away_is_a_store_error(url):
    store = open_store(url)
    admin = psycopg.connect(url, autocommit=True)
    try:
        admin.execute("SELECT pg_terminate_backend(%s)", (store.db.info.backend_pid,))
    finally:
        admin.close()
    with pytest.raises(StoreError, match="count_articles failed"):
        store.count_articles()
    with pytest.raises(StoreError, match="records failed"):
        list(store.statements())
    store.close()  # closing what the server dropped is quiet


def test_an_unreachable_server_is_a_store_error_without_the_password(closed_port: int):
    location = f"postgresql://parley:s3cret@127.0.0.1:{closed_port}/parley?connect_timeout=3"
    with pytest.raises(StoreError, match="cannot open the PostgreSQL store") as caught:
        open_store(location)
    assert "s3cret" not in str(caught.value)
    result = run_cli("quotes", db=location, check=3)
    assert "error:" in result.stderr and "Traceback" not in result.stderr
    assert "s3cret" not in result.stderr


def test_cli_end_to_end_gives_what_sqlite_gives(url, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PYTHONHASHSEED", "0")  # the same analysis in every process
    sqlite = tmp_path / "parley.db"
    quotes = {}
    for db in (url, sqlite):
        ingest = run_cli("ingest", str(SAMPLE), "--quiet", db=db)
        assert "27 new" in ingest.stdout
        report = json.loads(run_cli("analyse", "--json", db=db).stdout)
        assert report["analysed"] == 27 and report["failures"] == []
        quotes[str(db)] = json.loads(run_cli("quotes", "--json", db=db).stdout)
    assert len(quotes[url]) > 100
    assert quotes[url] == quotes[str(sqlite)]
    again = run_cli("ingest", str(SAMPLE), "--quiet", db=url)
    assert "0 new, 27 duplicate" in again.stdout
    table = run_cli("quotes", "--speaker", "peskov", "--limit", "3", db=url).stdout
    assert "Dmitry Peskov" in table and "3 statements" in table


def test_a_list_page_can_be_read_off_the_order_index():
    """The index holds exactly the lists' ORDER BY: with sorting off, the planner still finds a
    plan with no Sort node (on a small table it would sort anyway, being cheap)."""
    from psycopg import sql

    from parley.store import RecordQuery
    from parley.store.postgres.records import _sort_keys

    with postgres_database() as url:
        store = open_store(url)
        try:
            list(store.records("statement", RecordQuery(limit=1)))  # the type's indexes are made on first use
            rt = records.get("statement")
            order = sql.SQL(", ").join([*(_sort_keys(f) for f in rt.order), sql.SQL("article_id, seq")])
            store.db.execute("SET enable_sort = off")
            plan = store.db.execute(
                sql.SQL(
                    "EXPLAIN SELECT data FROM records WHERE type = 'statement' ORDER BY {} LIMIT 51"
                ).format(order)
            ).fetchall()
            text = "\n".join(r[0] for r in plan)
            assert "records_statement__order" in text and "Sort" not in text, text
        finally:
            store.close()
