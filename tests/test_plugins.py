"""A third-party plugin, found through the ``parley.components`` entry point, adds a record type
and the component producing it; its records are stored, exported, listed and re-analysed by the
real ``parley`` command, with nothing under ``parley/`` changed for it.

The plugin is ``tests/plugins/parley_questions``. It is "installed" the way pip installs a
package: a ``*.dist-info`` folder with an ``entry_points.txt`` on the import path, which is where
``importlib.metadata`` finds entry points.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

PLUGINS = Path(__file__).parent / "plugins"
ARTICLE = """Ceasefire talks: what is still open

Negotiators met again on Tuesday. Who will pay for reconstruction? Nobody has said.

The envoy said the next round would start soon. Will the monitors be armed?
"""


@pytest.fixture
def installed(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    dist = site / "parley_questions-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: parley-questions\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[parley.components]\nquestions = parley_questions\n")
    root = Path(__file__).resolve().parent.parent
    path = os.pathsep.join([str(site), str(PLUGINS), str(root)])
    return {**os.environ, "PYTHONPATH": path, "PARLEY_DB": str(tmp_path / "p.db")}


def _parley(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "parley", *args], capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


def test_a_plugin_adds_a_record_type_that_is_stored_exported_and_listed(tmp_path: Path, installed):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    _parley(installed, "ingest", str(story), str(FIXTURES / "good" / "article.txt"))
    _parley(installed, "analyse")

    exported = _parley(installed, "export", "--type", "question").stdout.splitlines()
    questions = [json.loads(line) for line in exported]
    assert [q["text"] for q in questions if "reconstruction" in q["text"] or "monitors" in q["text"]] == [
        "Who will pay for reconstruction?",
        "Will the monitors be armed?",
    ]
    assert all(q["type"] == "question" and q["words"] >= 4 for q in questions)
    # the span points at the stored text
    article = json.loads(_parley(installed, "articles", "--contains", "monitors", "--json").stdout)[0]
    text = json.loads(_parley(installed, "articles", article["id"], "--json").stdout)["text"]
    for q in questions:
        if q["article_id"] == article["id"]:
            assert text[q["span"][0] : q["span"][1]] == q["text"]

    csv_lines = _parley(installed, "export", "--format", "csv", "--type", "question").stdout.splitlines()
    assert csv_lines[0] == "type,article_id,span,text,words"
    assert "question" in _parley(installed, "export", "--help").stdout  # listed among the types
    every = [json.loads(line)["type"] for line in _parley(installed, "export").stdout.splitlines()]
    assert "question" in every and "statement" in every


def test_a_plugin_joins_the_pipeline_and_its_arrival_reanalyses_the_corpus(tmp_path: Path, installed):
    story = tmp_path / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    without = {k: v for k, v in installed.items() if k != "PYTHONPATH"}
    without["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    _parley(without, "ingest", str(story))
    _parley(without, "analyse")
    again = _parley(installed, "analyse", "--json")  # the plugin is installed now
    assert json.loads(again.stdout)["analysed"] == 1
    assert "questions" in json.loads(again.stdout)["pipeline"]
