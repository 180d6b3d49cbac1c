"""``python -m parley.bench.corpora SPLIT OUT``: one PolNeAR split as a stream ``parley ingest``
reads, each article with its publisher, date and title (read from ../shared at run time)."""

from __future__ import annotations

import json

import pytest

from parley.bench.corpora import main
from tests.conftest import SHARED

POLNEAR = SHARED / "datasets" / "polnear"


def test_a_polnear_split_is_written_as_articles_with_their_metadata(tmp_path):
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip("../shared/datasets/polnear is not present")
    out = tmp_path / "dev.jsonl"
    assert main(["dev", str(out), "--root", str(POLNEAR)]) == 0
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(items) == len(list((POLNEAR / "dev" / "text").glob("*.txt")))
    assert all(set(item) == {"url", "outlet", "published", "title", "text"} for item in items)
    assert all(item["text"].strip() and item["outlet"] and item["published"] for item in items)
