"""Six short articles written for these tests (``fixtures/reports.jsonl``), in our own words,
about the talks of late 2025: a leaked draft with a claim from an unnamed official, the denial
that answers it, two reports of one Kremlin meeting that disagree on its length, a later Miami
meeting that must not be merged into it, and a piece with a disputed quote, an unverified
transcript, a sitting president called "former" and a weekday that does not match its date.
The store is analysed once for the module that asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.analyse import analyse
from parley.ingest.job import ingest
from parley.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "reports.jsonl"


@pytest.fixture(scope="package")
def store(tmp_path_factory):
    found = open_store(str(tmp_path_factory.mktemp("contested") / "parley.db"))
    ingest([str(FIXTURE)], found)
    analyse(found)
    yield found
    found.close()


@pytest.fixture(scope="package")
def by_outlet_title(store):
    """Article ids by the first word of their title."""
    return {a.title.split()[0]: a.id for a in store.articles()}
