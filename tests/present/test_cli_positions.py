"""`parley positions`, `parley changes` and `parley dossier init` through the real command, on
the second negotiation bundled with Parley (US-China trade talks) with its own dossier: nothing
of the Russia-Ukraine dossier is used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

TRADE = ROOT / "parley" / "data" / "trade_sample"
DOSSIER = ROOT / "parley" / "data" / "dossiers" / "us-china-trade-2025.yaml"


@pytest.fixture(scope="module")
def trade_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("trade") / "trade.db"
    run_cli("ingest", str(TRADE), db=db)
    run_cli("analyse", "--actors", str(DOSSIER), db=db)
    return db


def test_positions_are_a_matrix_of_this_negotiations_sides_with_evidence(trade_db):
    cells = json.loads(run_cli("positions", "--json", db=trade_db).stdout)
    assert cells, "no positions at all"
    sides = {c["side"] for c in cells}
    assert sides & {"china", "united-states"}, sides
    for cell in cells:
        assert cell["evidence"], cell
    text = run_cli("positions", db=trade_db).stdout
    assert any(c["issue"] in text for c in cells)
    only = json.loads(run_cli("positions", "--issue", cells[0]["issue"], "--json", db=trade_db).stdout)
    assert only and {c["issue"] for c in only} == {cells[0]["issue"]}
    # a row keeps its side's name whatever issue is asked for (not the side's id when no position
    # of that issue is held by the side itself)
    names = {(c["row"], c["row_name"]) for c in cells}
    for issue in {c["issue"] for c in cells}:
        one = json.loads(run_cli("positions", "--issue", issue, "--json", db=trade_db).stdout)
        assert {(c["row"], c["row_name"]) for c in one} <= names, issue


def test_changes_and_a_drafted_dossier(trade_db, tmp_path):
    moves = json.loads(run_cli("changes", "--json", db=trade_db).stdout)
    assert isinstance(moves, list)
    out = tmp_path / "draft.yaml"
    run_cli("--db", str(trade_db), "dossier", "init", "--output", str(out))  # --db before the command
    draft = out.read_text(encoding="utf-8")
    assert "actors:" in draft and "issues:" in draft
