"""The brief as text: at 80 columns no line is wider and no date is cut, whatever the corpus."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from parley.present.brief import Brief, render_brief
from parley.present.cli import cli
from tests.conftest import SHARED

NEWS2026 = SHARED / "datasets" / "news2026" / "articles.jsonl"
CUT_DATE = re.compile(r"\d{4}-…|\d{4}-\d\d-…|\d{4}-\d\d-\d…|\d{2,3}…")


def lines_of(brief: Brief, width: int = 80) -> list[str]:
    return [line.plain for line in render_brief(brief, width)]


def corpus(days: dict[str, int], outlets: int) -> Brief:
    names = [(f"outlet-number-{i}.example.com", outlets - i) for i in range(outlets)]
    return Brief(
        articles=sum(days.values()),
        outlets=names,
        days=sorted(days.items()),
        by_outlet_day={},
        last_run={"id": 3, "new": 2, "duplicate": 1, "failed": 1, "finished_at": None},
        failures=[
            {"origin": "https://example.test/" + "very-long-path/" * 8, "reason": "HTTP 404 Not Found"}
        ],
    )


def test_many_outlets_and_months_fit_in_80_columns():
    start = dt.date(2024, 1, 1)
    days = {(start + dt.timedelta(days=3 * i)).isoformat(): 1 + i % 5 for i in range(200)}
    lines = lines_of(corpus(days, outlets=45))
    text = "\n".join(lines)
    assert max(map(len, lines)) <= 80 and not CUT_DATE.search(text)
    assert lines[0].startswith(f"Parley brief: {sum(days.values())} articles from 45 outlets, 2024-01-01 to")
    months = [line for line in lines if re.match(r"  \d{4}-\d\d  ", line)]
    assert len(months) == 12  # the last twelve months drawn day by day ...
    assert re.search(r"^  2024-01 to 2024-\d\d: \d+ articles$", text, re.M)  # ... the earlier ones summed
    assert "33 more with" in text  # 12 outlets named, the other 33 counted together
    assert "interrupted: run it again to finish" in " ".join(text.split())
    assert "HTTP 404 Not Found" in " ".join(text.split())


def test_a_month_line_marks_each_day_by_how_many_articles():
    lines = lines_of(corpus({"2025-02-01": 4, "2025-02-03": 1, "2025-02-28": 2}, outlets=1))
    feb = next(line for line in lines if line.startswith("  2025-02"))
    marks = feb[11:42]
    assert marks[0] == "█" and marks[1] == "·" and marks[2] == "▂" and marks[27] == "▄"
    assert marks[28:] == "   "  # no 29th, 30th or 31st of February 2025
    assert feb.split()[-1] == "7"
    assert "  busiest: 2025-02-01 (4), 2025-02-28 (2), 2025-02-03 (1)" in lines


@pytest.mark.skipif(not NEWS2026.exists(), reason="../shared/datasets/news2026 is not present")
def test_the_brief_of_a_real_crawl_reads_at_80_columns(tmp_path):
    db = tmp_path / "news.db"
    runner = CliRunner()
    env = {"PARLEY_DB": None, "COLUMNS": "80"}
    assert runner.invoke(cli, ["--db", str(db), "ingest", "-q", str(NEWS2026)], env=env).exit_code == 0
    text = runner.invoke(cli, ["--db", str(db), "brief"], env=env, catch_exceptions=False).stdout
    lines = text.splitlines()
    assert max(map(len, lines)) <= 80 and not CUT_DATE.search(text)
    brief = json.loads(runner.invoke(cli, ["--db", str(db), "brief", "--json"], env=env).stdout)
    assert len(brief["outlets"]) > 20 and len(lines) < 40  # not a column per outlet
    top, count = next(iter(brief["outlets"].items()))
    assert f"{top} {count} ·" in text
    for day in brief["days"]:
        if day != "unknown":
            assert re.search(rf"^  {day[:7]}  ", text, re.M), day  # every month with articles has its line
