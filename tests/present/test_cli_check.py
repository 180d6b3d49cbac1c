"""`parley check "CLAIM"` through the real command: stored articles, each with its stance and
evidence sentences taken from the stored text. The articles are the news-length reports written
for the model's own tests (tests/check/test_check.py)."""

from __future__ import annotations

import json

from tests.check.test_check import PRISONERS, PRISONERS_AGREE, PRISONERS_DISAGREE
from tests.conftest import run_cli


def test_check_lists_each_source_with_its_stance_and_evidence(tmp_path):
    lines = [
        {"title": "Prisoner deal signed", "text": PRISONERS_AGREE, "outlet": "Harbor Times"},
        {"title": "No prisoner deal, officials say", "text": PRISONERS_DISAGREE, "outlet": "Capital Wire"},
    ]
    feed = tmp_path / "reports.jsonl"
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    db = tmp_path / "check.db"
    run_cli("ingest", str(feed), db=db)
    found = json.loads(run_cli("check", PRISONERS, "--json", db=db).stdout)
    assert {r["outlet"]: r["stance"] for r in found} == {"Capital Wire": "disagree", "Harbor Times": "agree"}
    assert found[0]["stance"] == "disagree"  # disagreeing sources first
    articles = {a["id"]: a for a in json.loads(run_cli("articles", "--json", db=db).stdout)}
    for r in found:
        text = json.loads(run_cli("articles", r["article_id"], "--json", db=db).stdout)["text"]
        assert r["evidence"] and all(text[e["span"][0] : e["span"][1]] == e["text"] for e in r["evidence"])
        assert r["article_id"] in articles
    assert "1 disagree" in run_cli("check", PRISONERS, db=db).stdout
    assert run_cli("check", " ", db=db, check=2).returncode == 2
