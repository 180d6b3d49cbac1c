"""The corpus-step cost report on a small store: every step named is run and reported once, in
order, with its seconds, records changed and memory."""

from __future__ import annotations

import datetime as dt
import re

from parley.bench.step_memory import main
from parley.ingest.job import ingest
from parley.store import open_store
from tests.sources.conftest import FIXTURE


def test_each_step_named_is_run_and_reported(tmp_path, capsys):
    db = str(tmp_path / "parley.db")
    store = open_store(db)
    ingest([str(FIXTURE)], store, today=dt.date(2026, 3, 10))
    store.close()
    assert main([db, "--steps", "copies,stories", "--new", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "8 articles, 3 counted as new" in out[0]
    rows = [line for line in out if re.match(r"^(copies|stories) ", line)]
    assert [r.split()[0] for r in rows] == ["copies", "stories"]
    for row in rows:
        changed = int(re.search(r"changed\s+(\d+)", row).group(1))
        assert changed > 0  # a first run writes fingerprints, copies and stories
        assert re.search(r"resident\s+\d+ MiB\s+peak\s+\d+ MiB", row)
    assert out[-1].startswith("all steps: ")
