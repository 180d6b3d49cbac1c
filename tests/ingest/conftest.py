"""Fixtures shared by the ingest tests."""

from __future__ import annotations

import datetime as dt

import pytest

from parley.ingest.job import ingest
from parley.store import open_store

TODAY = dt.date(2026, 1, 1)


@pytest.fixture
def store(db):
    store = open_store(str(db))
    yield store
    store.close()


def run(inputs, store, fetcher=None, **kwargs):
    """Ingest through the library, with a fixed "today" so dateline years are stable."""
    return ingest([str(i) for i in inputs], store, today=TODAY, fetcher=fetcher, **kwargs)
