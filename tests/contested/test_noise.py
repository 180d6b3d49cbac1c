"""What must not become a contested item (``fixtures/noise.jsonl``, three short pieces written
for these tests): a think tank's daily list of unconfirmed claims, a claim paired with an
"Unconfirmed claims" line about something else, a hedged disagreement ("I would dispute"), and
"nonsense" inside a quote within a quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.analyse import analyse
from parley.ingest.job import ingest
from parley.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "noise.jsonl"


@pytest.fixture(scope="module")
def contested(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("noise") / "parley.db"))
    ingest([str(FIXTURE)], store)
    analyse(store)
    yield list(store.records("contested"))
    store.close()


def _texts(item) -> str:
    return " | ".join([item.subject, *(s.text for s in item.sides)])


def test_a_digest_of_unconfirmed_claims_is_not_listed_line_by_line(contested):
    digest = [c for c in contested if "Unconfirmed claims" in _texts(c)]
    assert len(digest) <= 1, [c.subject for c in digest]


def test_a_claim_is_not_paired_with_an_unconfirmed_line_about_something_else(contested):
    for c in contested:
        if "maintained positions" in _texts(c):
            assert not any("Unconfirmed claims" in s.text for s in c.sides), _texts(c)


def test_a_hedged_disagreement_is_not_a_denial(contested):
    assert not any("would dispute" in _texts(c) for c in contested)


def test_nonsense_inside_a_quote_within_the_quote_is_not_the_speakers_denial(contested):
    assert not any("nonsense" in _texts(c) for c in contested)
