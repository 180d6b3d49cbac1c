"""Exports for people: the brief as Markdown and as one self-contained HTML file, and Parquet
beside JSON Lines and CSV; all through the real ``parley`` command."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pyarrow.parquet as pq

from parley.present.export import record_fields
from tests.conftest import run_cli


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_html_brief_is_one_self_contained_file(sample_db):
    html = run_cli("brief", "--format", "html", db=sample_db).stdout
    tags = tags_of(html)
    names = [t for t, _ in tags]
    assert names.count("svg") == 2 and "style" in names  # both charts and the CSS inline
    assert "script" not in names and "link" not in names and "img" not in names
    assert not [a for _, attrs in tags for a in attrs if a in ("src", "href") or a.startswith("on")]
    assert "Who said what" in html and "Volodymyr Zelensky" in html
    brief = json.loads(run_cli("brief", "--json", db=sample_db).stdout)
    assert f"{brief['articles']} articles from {len(brief['outlets'])} outlets" in html


def test_html_and_markdown_briefs_keep_hostile_words_inert(hostile_db):
    html = run_cli("brief", "--format", "html", db=hostile_db).stdout
    tags = tags_of(html)
    assert {t for t, _ in tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "h2",
        "h3",
        "p",
        "span",
        "svg",
        "text",
        "rect",
        "line",
        "table",
        "tr",
        "th",
        "td",
        "ul",
        "li",
        "code",
    }
    assert not [a for _, attrs in tags for a in attrs if a.startswith("on") or a in ("src", "href")]
    assert "&lt;b onmouseover=" in html
    markdown = run_cli("brief", "--format", "md", db=hostile_db).stdout
    assert markdown.startswith("# Parley brief: 1 article from 1 outlet")
    assert re.search(r"(?<!\\)[<>]", markdown) is None  # every angle bracket escaped: no HTML
    assert "\\<script\\>" in markdown and "\\<b onmouseover" in markdown


def test_markdown_brief_has_the_briefs_sections(sample_db):
    markdown = run_cli("brief", "--format", "md", db=sample_db).stdout
    for heading in ("## Articles per day", "## Outlets", "## Who said what", "## What happened when"):
        assert heading in markdown
    assert "| Continental Wire |" in markdown


def test_parquet_export_of_every_type_matches_the_jsonl(sample_db, tmp_path):
    for record_type, fields in record_fields().items():
        target = tmp_path / f"{record_type}.parquet"
        run_cli("export", "--format", "parquet", "--type", record_type, "-o", str(target), db=sample_db)
        table = pq.read_table(target)
        assert table.column_names == fields, record_type
        lines = run_cli("export", "--type", record_type, db=sample_db).stdout.splitlines()
        assert table.num_rows == len(lines), record_type
    statements = pq.read_table(tmp_path / "statement.parquet")
    assert str(statements.schema.field("span").type) == "list<element: int64>"
    assert str(statements.schema.field("said_on").type) == "date32[day]"
    first = json.loads(run_cli("export", "--type", "statement", db=sample_db).stdout.splitlines()[0])
    row = statements.slice(0, 1).to_pylist()[0]
    assert row["id"] == first["id"] and row["span"] == first["span"] and row["text"] == first["text"]
    assert row["said_on"].isoformat() == first["said_on"]
    events = pq.read_table(tmp_path / "event.parquet").to_pylist()
    assert all(isinstance(e["sources"], str) and json.loads(e["sources"]) for e in events)  # nested: JSON


def test_parquet_holds_one_type(sample_db, tmp_path):
    result = run_cli(
        "export", "--format", "parquet", "--type", "all", "-o", str(tmp_path / "x"), db=sample_db, check=2
    )
    assert "one record type" in result.stderr
