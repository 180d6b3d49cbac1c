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


def test_tempeval3_is_written_as_plain_dated_news(tmp_path):
    root = SHARED / "datasets" / "tempeval3"
    if not root.is_dir():
        pytest.skip("../shared/datasets/tempeval3 is not present")
    out = tmp_path / "te3.jsonl"
    assert main(["tempeval3", str(out), "--root", str(root), "--limit", "5"]) == 0
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(items) == 5
    assert all("<TIMEX3" not in item["text"] and "<EVENT" not in item["text"] for item in items)
    assert all(item["published"][:2] in {"19", "20"} and item["outlet"].isalpha() for item in items)


def test_an_empty_folder_is_refused_and_nothing_is_left_behind(tmp_path):
    out = tmp_path / "none.jsonl"
    with pytest.raises(SystemExit):
        main(["fnc1", str(out), "--root", str(tmp_path)])
    assert not out.exists()
