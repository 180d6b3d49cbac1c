from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = ROOT / "parley" / "data" / "sample"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "parley.db"


def run_cli(*args: str, db: Path | None = None, check: int | None = 0) -> subprocess.CompletedProcess:
    """Run the real ``parley`` command in a subprocess, as a user would."""
    command = [sys.executable, "-m", "parley", *args]
    if db is not None:
        command[3:3] = []  # keep args first; --db goes after the subcommand
        command.insert(4, f"--db={db}")
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if check is not None:
        assert result.returncode == check, (result.returncode, result.stdout, result.stderr)
    return result
