"""The ``parley`` command: ingest, articles, export, brief, exit codes, PARLEY_DB.

One module-wide store is filled the way a user would, with the real command in a subprocess: the
good fixtures (their RSS teaser linking to the local HTTP server), then a batch mixing bad inputs
with the same good files again. End-to-end behaviour (output a user sees, exit codes, environment,
Ctrl-C) runs the command in a subprocess; the many read-only queries and option checks run the same
click command in-process (``invoke``), because each subprocess costs a second of start-up.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.present.cli import cli
from parley.present.export import record_fields
from parley.store import open_store
from tests.conftest import FIXTURES, GOOD_ARTICLES, TEASER_PAGE, LocalServer, Route

pytestmark = pytest.mark.usefixtures("loopback_only")  # no address but 127.0.0.1

GOOD = FIXTURES / "good"
BAD = FIXTURES / "bad"
FIELDS = record_fields()["article"]
DOCUMENTED = [
    "type",
    "id",
    "title",
    "url",
    "outlet",
    "cites",
    "published",
    "published_from",
    "language",
    "text",
    "sha256",
]
BAD_NAMES = [
    "empty.txt",
    "whitespace.txt",
    "binary.txt",
    "no_article.html",
    "malformed.rss.xml",
    "not_a_feed.xml",
]


def parley(
    *args: str,
    db: Path | None = None,
    check: int | None = 0,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """Run ``python -m parley ARGS`` (``--db`` right after the subcommand when given) with a wide
    terminal, no proxies, and ``env`` on top of this process's environment."""
    command = [sys.executable, "-m", "parley", *args]
    if db is not None:
        command.insert(4, f"--db={db}")
    environment = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    environment.update({"COLUMNS": "250", "NO_PROXY": "127.0.0.1,localhost"})
    environment.pop("PARLEY_DB", None)
    environment.update(env or {})
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd, env=environment)
    if check is not None:
        assert result.returncode == check, (result.returncode, result.stdout, result.stderr)
    return result


def invoke(
    *args: str, db: Path | None = None, check: int | None = 0, env: dict[str, str | None] | None = None
):
    """The same command in-process: (exit code, stdout, stderr)."""
    argv = list(args)
    if db is not None:
        argv.insert(1, f"--db={db}")
    result = CliRunner().invoke(cli, argv, env={"PARLEY_DB": None, **(env or {})}, catch_exceptions=False)
    if check is not None:
        assert result.exit_code == check, (result.exit_code, result.stdout, result.stderr)
    return result


class Loaded:
    def __init__(self, db: Path, good: Path, server: LocalServer, first, second, bad_inputs, tmp: Path):
        self.db, self.good, self.server, self.first, self.second = db, good, server, first, second
        self.bad_inputs, self.tmp = bad_inputs, tmp

    def articles(self):
        store = open_store(str(self.db))
        try:
            return list(store.articles())
        finally:
            store.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    server = LocalServer().start()
    page = GOOD.joinpath("page.html").read_bytes()
    server.routes.update(
        {
            "/teaser-story": Route(TEASER_PAGE),
            "/slow": Route(page, delay=5),
            "/missing": Route(b"gone", status=404),
        }
    )
    good = tmp / "good"
    shutil.copytree(GOOD, good)
    feed = good / "feed.rss.xml"
    feed.write_bytes(
        feed.read_bytes().replace(b"https://example.test/teaser-story", server.url("/teaser-story").encode())
    )
    db = tmp / "parley.db"
    first = parley("ingest", str(good), db=db)
    bad_inputs = [
        *(str(BAD / n) for n in BAD_NAMES),
        server.url("/missing"),
        server.url("/slow"),
        "ftp://127.0.0.1/x",
        str(tmp / "no-such-file.txt"),
    ]
    second = parley(
        "ingest", *bad_inputs[:3], str(good), *bad_inputs[3:], db=db, check=1, env={"PARLEY_TIMEOUT": "0.5"}
    )
    try:
        yield Loaded(db, good, server, first, second, bad_inputs, tmp)
    finally:
        server.stop()


# -- ingest ----------------------------------------------------------------------------------------


def test_ingest_summary_line_and_failure_lines(loaded):
    assert loaded.first.stdout.splitlines() == ["7 new, 0 duplicate, 0 failed  (store: 7 articles)"]
    lines = loaded.second.stdout.splitlines()
    n_bad = len(loaded.bad_inputs)
    assert lines[0] == f"0 new, {GOOD_ARTICLES} duplicate, {n_bad} failed  (store: 7 articles)"
    failed = dict(re.fullmatch(r"  failed (\S+): (.+)", line).groups() for line in lines[1:])
    assert set(failed) == set(loaded.bad_inputs)
    assert failed[str(BAD / "empty.txt")] == "empty file"
    assert failed[str(BAD / "whitespace.txt")] == "only whitespace"
    assert failed[str(BAD / "binary.txt")].startswith("binary data")
    assert failed[str(BAD / "no_article.html")].startswith("no article text in the page")
    assert failed[str(BAD / "malformed.rss.xml")].startswith("malformed feed")
    assert failed[str(BAD / "not_a_feed.xml")] == "not an RSS or Atom feed"
    assert failed[loaded.server.url("/missing")] == "HTTP 404 Not Found"
    assert failed[loaded.server.url("/slow")] == "timed out (ReadTimeout)"  # PARLEY_TIMEOUT=0.5
    assert failed["ftp://127.0.0.1/x"] == "only http and https URLs are fetched, not ftp"
    assert failed[str(loaded.tmp / "no-such-file.txt")] == "no such file, folder or URL"


def test_ingest_json_output_and_skipped_files(tmp_path, db):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(GOOD / "article.txt", folder / "sub" / "a.txt")
    shutil.copy(BAD / "empty.txt", folder / "b.txt")
    (folder / "slides.pdf").write_bytes(b"%PDF-1.4")
    (folder / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff")

    report = json.loads(parley("ingest", str(folder), "--json", db=db, check=1).stdout)
    assert set(report) == {"run", "new", "duplicate", "failed", "skipped"}
    assert report["run"] == 1 and report["duplicate"] == []
    assert len(report["new"]) == 1 and re.fullmatch(r"[0-9a-f]{16}", report["new"][0])
    assert report["failed"] == [{"origin": str(folder / "b.txt"), "reason": "empty file"}]
    assert sorted(report["skipped"]) == [str(folder / "slides.pdf"), str(folder / "sub" / "photo.jpg")]

    text = invoke("ingest", str(folder), db=db, check=1).stdout.splitlines()
    assert text == [
        "0 new, 1 duplicate, 1 failed, 2 skipped (not a supported file type)  (store: 1 articles)",
        f"  failed {folder / 'b.txt'}: empty file",
    ]
    quiet = invoke("ingest", "-q", str(folder), db=db, check=1).stdout.splitlines()
    assert quiet == [text[0]]


def test_cp1251_and_utf16_files_are_read_through_the_cli(db):
    report = json.loads(
        invoke("ingest", str(BAD / "cp1251.txt"), str(BAD / "utf16.txt"), "--json", db=db).stdout
    )
    assert len(report["new"]) == 2 and report["failed"] == []
    shown = json.loads(invoke("articles", "--contains", "Песков", "--json", db=db).stdout)
    assert [a["title"] for a in shown] == ['Kremlin says peace proposal still "under study"']


def test_max_bytes_option(db):
    result = invoke(
        "ingest",
        "--max-bytes",
        "1500",
        str(GOOD / "page.html"),
        str(GOOD / "article.txt"),
        "--json",
        db=db,
        check=1,
    )
    report = json.loads(result.stdout)
    assert len(report["new"]) == 1
    assert report["failed"] == [
        {"origin": str(GOOD / "page.html"), "reason": "2329 bytes is over the 1500-byte cap"}
    ]


def test_nothing_already_stored_is_lost_or_duplicated(loaded):
    articles = loaded.articles()
    assert len(articles) == GOOD_ARTICLES
    assert len({a.sha256 for a in articles}) == GOOD_ARTICLES
    # every article keeps its first origin and its full text
    by_origin = {a.origin.replace(str(loaded.good), "GOOD"): a for a in articles}
    assert set(by_origin) == {
        "GOOD/article.txt",
        "GOOD/page.html",
        "GOOD/feed.rss.xml#entry1",
        "GOOD/feed.rss.xml#entry2",
        "GOOD/feed.atom.xml#entry1",
        "GOOD/articles.jsonl#L1",
        "GOOD/articles.jsonl#L2",
    }
    assert by_origin["GOOD/article.txt"].text.endswith("in the Talvarian capital, Ostrel.")
    assert "safeguard clause" in by_origin["GOOD/feed.rss.xml#entry2"].text


# -- exit codes ------------------------------------------------------------------------------------


def test_exit_0_when_everything_was_read(db):
    assert invoke("ingest", str(GOOD / "article.txt"), db=db).exit_code == 0


def test_exit_2_on_usage_errors(tmp_path, db):
    no_args = parley("ingest", check=2, cwd=tmp_path)
    assert "Missing argument" in no_args.stderr
    assert list(tmp_path.iterdir()) == []  # no store was created for a usage error
    invoke("ingest", str(GOOD / "article.txt"), db=db)
    bad_since = invoke("articles", "--since", "2024-02-30", db=db, check=2)
    assert "expected a date as YYYY-MM-DD, got '2024-02-30'" in bad_since.stderr
    assert "expected a date" in invoke("articles", "--until", "last week", db=db, check=2).stderr
    invoke("articles", "--limit", "many", db=db, check=2)
    invoke("export", "--format", "xml", db=db, check=2)
    invoke("no-such-command", check=2)
    missing = invoke("articles", "ffffffffffff", db=db, check=2)
    assert "no article with id 'ffffffffffff'" in " ".join(missing.stderr.split())


def test_exit_3_when_the_store_cannot_be_opened(tmp_path):
    nowhere = tmp_path / "no" / "such" / "dir" / "parley.db"
    result = parley("ingest", str(GOOD / "article.txt"), db=nowhere, check=3)
    assert "cannot open the SQLite store" in " ".join(result.stderr.split())
    assert not nowhere.parent.exists()
    invoke("articles", db=nowhere, check=3)
    invoke("brief", db=nowhere, check=3)

    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_text("this is a text file, not a database\n" * 20, encoding="utf-8")
    before = not_sqlite.read_bytes()
    result = invoke("ingest", str(GOOD / "article.txt"), db=not_sqlite, check=3)
    assert "file is not a database" in " ".join(result.stderr.split())
    invoke("export", db=not_sqlite, check=3)
    invoke("articles", db=not_sqlite, check=3)
    assert not_sqlite.read_bytes() == before  # the file was not touched


def test_exit_3_on_a_bad_timeout_setting_and_no_run_is_started(db):
    result = invoke("ingest", str(GOOD / "article.txt"), db=db, check=3, env={"PARLEY_TIMEOUT": "soon"})
    assert "PARLEY_TIMEOUT" in result.stderr
    store = open_store(str(db))
    assert store.runs() == [] and store.count_articles() == 0
    store.close()


def test_exit_130_when_interrupted_and_the_same_command_completes(tmp_path, local_server):
    local_server.routes["/slow"] = Route(GOOD.joinpath("page.html").read_bytes(), delay=30)
    db = tmp_path / "parley.db"
    inputs = [str(GOOD / "article.txt"), local_server.url("/slow"), str(GOOD / "feed.atom.xml")]
    command = [sys.executable, "-m", "parley", "ingest", f"--db={db}", *inputs]
    # a shell's background job ignores SIGINT, and its children inherit that (CI started with
    # "nohup ... &" failed here: the ingest never saw the Ctrl-C); a terminal's Ctrl-C is not ignored
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 30
        while "/slow" not in local_server.hits and time.monotonic() < deadline:
            time.sleep(0.02)
        assert "/slow" in local_server.hits
        process.send_signal(signal.SIGINT)  # Ctrl-C while the slow page is being fetched
        said, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, (said, err)  # what it said, if it finished otherwise
    assert "interrupted" in err and "run the same command" in err

    local_server.routes["/slow"].delay = 0  # the site answers now
    again = json.loads(invoke("ingest", *inputs, "--json", db=db).stdout)
    assert len(again["new"]) == 3 and again["failed"] == []
    store = open_store(str(db))
    shas = [row[0] for row in store.db.execute("SELECT sha256 FROM articles")]
    assert len(shas) == len(set(shas)) == 3
    store.close()


# -- articles --------------------------------------------------------------------------------------


def listed(loaded, *args: str) -> list[str]:
    return [a["title"] for a in json.loads(invoke("articles", *args, "--json", db=loaded.db).stdout)]


def test_articles_list_text(loaded):
    lines = parley("articles", db=loaded.db).stdout.splitlines()
    assert lines[-1] == f"{GOOD_ARTICLES} articles"
    assert lines[0].split() == ["id", "published", "outlet", "title"]  # "cites" only when some article cites
    for article in loaded.articles():
        row = next(line for line in lines if line.strip().startswith(article.id[:10]))
        assert article.title in row and article.published.isoformat() in row and article.outlet in row


def test_articles_list_json_is_every_field_but_the_text(loaded):
    records = json.loads(invoke("articles", "--json", db=loaded.db).stdout)
    assert len(records) == GOOD_ARTICLES
    assert all(list(r) == [f for f in FIELDS if f != "text"] for r in records)
    assert [r["published"] for r in records] == sorted(r["published"] for r in records)
    assert {r["type"] for r in records} == {"article"}


def test_articles_filters(loaded):
    harbor = listed(loaded, "--outlet", "harbor times")  # outlet names match in any case
    assert harbor == [
        "Marelia and Talvaria agree to cut steel tariffs in first phase of trade pact",
        "Fishing quotas stall Marelia-Talvaria talks",
        "Grain deal within reach, officials say",
        "Marelian farmers protest grain quota plan",
    ]
    assert len(listed(loaded, "--outlet", "Ostrel Gazette")) == 3
    assert listed(loaded, "--outlet", "Nobody") == []
    april = listed(loaded, "--since", "2024-04-01", "--until", "2024-04-22")
    assert april == [
        "Fishing quotas stall Marelia-Talvaria talks",
        "Grain deal within reach, officials say",
        "Marelian farmers protest grain quota plan",
    ]
    assert listed(loaded, "--since", "2024-05-02") == ["Marelia and Talvaria initial draft trade agreement"]
    assert listed(loaded, "--until", "2024-03-14") == [
        "Marelia and Talvaria agree to cut steel tariffs in first phase of trade pact"
    ]
    assert listed(loaded, "--contains", "SAFEGUARD") == ["Grain deal within reach, officials say"]
    assert listed(loaded, "--contains", "tribunal") == [
        "Marelia and Talvaria agree to cut steel tariffs in first phase of trade pact",
        "Talvaria demands dispute tribunal before signing trade deal",
        "Talvarian parliament committee backs trade talks mandate",
        "Marelia and Talvaria initial draft trade agreement",
    ]
    assert listed(loaded, "--limit", "2") == [
        "Marelia and Talvaria agree to cut steel tariffs in first phase of trade pact",
        "Talvaria demands dispute tribunal before signing trade deal",
    ]
    assert listed(loaded, "--outlet", "Harbor Times", "--contains", "fishing", "--limit", "2") == [
        "Marelia and Talvaria agree to cut steel tariffs in first phase of trade pact",  # "fishing rights"
        "Fishing quotas stall Marelia-Talvaria talks",
    ]


def test_show_one_article_by_id_prefix(loaded):
    article = next(a for a in loaded.articles() if a.format == "html")
    out = invoke("articles", article.id[:6], db=loaded.db).stdout
    assert re.search(r"^\s+title  Talvaria demands dispute tribunal before signing trade deal$", out, re.M)
    assert re.search(r"^\s+outlet  Ostrel Gazette$", out, re.M)
    assert re.search(r"^\s+published  2024-03-20$", out, re.M)
    assert re.search(r"^\s+published_from  metadata$", out, re.M)
    assert re.search(r"^\s+author  Rena Voss$", out, re.M)
    assert " ".join(article.text.split()) in " ".join(out.split())  # the whole text, however wrapped
    record = json.loads(invoke("articles", article.id[:8], "--json", db=loaded.db).stdout)
    assert list(record) == FIELDS
    assert record["id"] == article.id and record["sha256"] == article.sha256
    assert record["text"] == article.text


# -- export ----------------------------------------------------------------------------------------


def test_export_jsonl(loaded):
    assert FIELDS[: len(DOCUMENTED)] == DOCUMENTED  # the documented fields come first, in order
    result = parley("export", "--format", "jsonl", db=loaded.db)
    assert re.search(r"exported 7 ", result.stderr)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    articles = [r for r in records if r["type"] == "article"]
    stored = {a.id: a for a in loaded.articles()}
    assert len(articles) == GOOD_ARTICLES and {r["id"] for r in articles} == set(stored)
    for record in articles:
        assert list(record) == FIELDS
        article = stored[record["id"]]
        assert record["title"] == article.title and record["text"] == article.text
        assert record["url"] == article.url and record["outlet"] == article.outlet
        assert record["cites"] == list(article.cites)
        assert record["published"] == article.published.isoformat()
        assert record["published_from"] == article.published_from
        assert record["language"] == "en" and record["sha256"] == article.sha256
    # with --type article only article records are written, to a file with --output
    target = loaded.tmp / "articles.jsonl"
    invoke("export", "--format", "jsonl", "--type", "article", "-o", str(target), db=loaded.db)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == articles


def test_export_csv(tmp_path):
    noisy = tmp_path / "cites.txt"
    noisy.write_text(
        GOOD.joinpath("article.txt")
        .read_text(encoding="utf-8")
        .replace("The next round", "Source: https://www.reuters.com/x\n\nThe next round"),
        encoding="utf-8",
    )
    db = tmp_path / "copy.db"
    invoke("ingest", str(noisy), str(GOOD / "articles.jsonl"), db=db)
    out = invoke("export", "--format", "csv", db=db).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0] == ",".join(FIELDS)
    assert len(rows) == 3 and {r["type"] for r in rows} == {"article"}
    cited = next(r for r in rows if r["origin"] == str(noisy))
    assert json.loads(cited["cites"]) == ["Reuters"]
    assert cited["published"] == "2024-03-14" and cited["published_from"] == "text"
    assert "\n\n" in cited["text"] and cited["text"].startswith("Port Serrano, March 14 (Harbor Times)")
    jsonl = next(r for r in rows if r["origin"].endswith("#L2"))
    assert jsonl["outlet"] == "Ostrel Gazette" and json.loads(jsonl["cites"]) == []
    store = open_store(str(db))
    assert {r["sha256"] for r in rows} == {a.sha256 for a in store.articles()}
    store.close()


# -- brief -----------------------------------------------------------------------------------------


def test_brief_json(loaded):
    brief = json.loads(invoke("brief", "--json", db=loaded.db).stdout)
    assert brief["articles"] == GOOD_ARTICLES
    assert brief["outlets"] == {"Harbor Times": 4, "Ostrel Gazette": 3}
    assert brief["days"] == {
        d: 1
        for d in [
            "2024-03-14",
            "2024-03-20",
            "2024-04-11",
            "2024-04-12",
            "2024-04-22",
            "2024-04-24",
            "2024-05-02",
        ]
    }
    assert brief["by_outlet_day"] == {
        "Harbor Times": {"2024-03-14": 1, "2024-04-11": 1, "2024-04-12": 1, "2024-04-22": 1},
        "Ostrel Gazette": {"2024-03-20": 1, "2024-04-24": 1, "2024-05-02": 1},
    }
    last = brief["last_run"]
    assert (last["id"], last["new"], last["duplicate"], last["failed"]) == (
        2,
        0,
        GOOD_ARTICLES,
        len(loaded.bad_inputs),
    )
    failures = {f["origin"]: f["reason"] for f in brief["failures"]}
    assert set(failures) == set(loaded.bad_inputs)  # the last run's failures, with reasons
    assert failures[str(BAD / "empty.txt")] == "empty file"
    assert failures[loaded.server.url("/slow")] == "timed out (ReadTimeout)"


def test_brief_text(loaded):
    lines = parley("brief", db=loaded.db).stdout.splitlines()
    assert lines[0] == "Parley brief: 7 articles from 2 outlets, 2024-03-14 to 2024-05-02"
    text = "\n".join(lines)
    assert "Harbor Times 4 · Ostrel Gazette 3" in text  # outlets with their counts, most first
    months = {line.split()[0]: line.split()[-1] for line in lines if re.match(r"  \d{4}-\d\d  ", line)}
    assert months == {"2024-03": "2", "2024-04": "4", "2024-05": "1"}  # one line a month, with its total
    march = next(line for line in lines if line.startswith("  2024-03"))
    assert march.split()[1][13] != "·" and march.split()[1][19] != "·"  # 14 and 20 March have articles
    assert f"Last ingest (run 2): 0 new, 7 duplicate, {len(loaded.bad_inputs)} failed" in lines
    start = lines.index("Could not be read:")
    failures = json.loads(invoke("brief", "--json", db=loaded.db).stdout)["failures"]
    shown = " ".join(" ".join(lines[start + 1 :]).split())
    assert all(f"{f['origin']}: {f['reason']}" in shown for f in failures)


def test_brief_of_an_empty_store(db):
    brief = json.loads(invoke("brief", "--json", db=db).stdout)
    assert brief["articles"] == 0 and brief["outlets"] == {} and brief["days"] == {}
    assert brief["last_run"] is None and brief["failures"] == []


def test_brief_shows_only_the_last_runs_failures(db):
    invoke("ingest", str(BAD / "empty.txt"), str(GOOD / "article.txt"), db=db, check=1)
    assert [f["reason"] for f in json.loads(invoke("brief", "--json", db=db).stdout)["failures"]] == [
        "empty file"
    ]
    invoke("ingest", str(GOOD / "article.txt"), db=db)
    brief = json.loads(invoke("brief", "--json", db=db).stdout)
    assert brief["failures"] == [] and brief["last_run"]["duplicate"] == 1


# -- PARLEY_DB -------------------------------------------------------------------------------------


def test_parley_db_environment_variable_is_used_when_db_is_not_given(tmp_path, monkeypatch):
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    env_db = tmp_path / "from-env.db"
    parley("ingest", str(GOOD / "article.txt"), cwd=elsewhere, env={"PARLEY_DB": str(env_db)})
    assert env_db.exists() and not (elsewhere / "parley.db").exists()
    monkeypatch.chdir(elsewhere)
    titles = json.loads(invoke("articles", "--json", env={"PARLEY_DB": str(env_db)}).stdout)
    assert [t["title"] for t in titles] == [
        "Marelia and Talvaria agree to cut steel tariffs in first phase of trade pact"
    ]
    # --db wins over the environment
    other = tmp_path / "other.db"
    invoke("ingest", str(GOOD / "articles.jsonl"), db=other, env={"PARLEY_DB": str(env_db)})
    assert json.loads(invoke("brief", "--json", db=other).stdout)["articles"] == 2
    assert json.loads(invoke("brief", "--json", env={"PARLEY_DB": str(env_db)}).stdout)["articles"] == 1
    # with neither, parley.db in the working directory
    invoke("ingest", str(GOOD / "article.txt"))
    assert (elsewhere / "parley.db").exists()
