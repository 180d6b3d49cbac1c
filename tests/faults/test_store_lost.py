"""An ingest whose store goes away mid-run (a database server restarted, a connection dropped)
reports the write that failed, not the bookkeeping that failed after it."""

from __future__ import annotations

import pytest

from parley.errors import StoreError
from parley.ingest.job import ingest
from parley.store import open_store
from tests.conftest import SAMPLE


def test_the_error_that_stopped_the_run_is_the_one_reported(tmp_path):
    store = open_store(str(tmp_path / "lost.db"))
    texts = sorted(str(p) for p in SAMPLE.glob("*.txt"))[:3]

    def connection_lost(done: int, total: int, current: str) -> None:
        if done == 1:
            store.db.close()  # as a server restart closes a PostgreSQL connection

    with pytest.raises(StoreError, match="add_articles failed"):  # "add_failures failed" before
        ingest(texts, store, batch_size=1, progress=connection_lost)
    again = open_store(str(tmp_path / "lost.db"))
    assert again.count_articles() == 1  # the batch stored before the loss is complete
    assert [r.finished_at for r in again.runs()] == [None]
    again.close()
