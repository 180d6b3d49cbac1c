"""``parley watch`` end to end: the real click command, three runs against the local news site
(the state carries over, as after a restart), Parley's real analysis, and an alert for the
denial of an earlier claim written to the JSON Lines file and posted to a local webhook."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from parley.present.cli_watch import watch
from parley.present.contested import contested
from parley.store import open_store
from tests.watch.conftest import CLAIM, DENIAL, GENEVA, WebhookReceiver


@pytest.fixture
def receiver():
    found = WebhookReceiver(fail=1)  # the first post fails: the worker tries again
    yield found
    found.server.stop()


def _alerts(path):
    return (
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []
    )


@pytest.mark.usefixtures("guard_on")
def test_a_denial_of_an_earlier_claim_raises_an_alert_with_its_evidence(site, receiver, tmp_path):
    site.publish("/feed.rss", [GENEVA, CLAIM])
    config = tmp_path / "watch.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "feeds": [site.url("/feed.rss")],
                "rate_limit": 0,
                "allow_networks": ["127.0.0.0/8"],  # the operator allows the local site explicitly
                "state": "state.json",
                "alerts": {
                    "contested": {"kinds": ["denial"]},
                    "events": {"types": ["meeting"]},
                    "positions": {"issues": ["army-size"]},
                },
                "deliver": {
                    "jsonl": "alerts.jsonl",
                    "webhook": {"url": receiver.url, "retries": 2, "backoff": 0.05},
                },
            }
        )
    )
    db = tmp_path / "parley.db"
    runner = CliRunner()
    args = [str(config), "--db", str(db), "--once", "--json"]
    jsonl = tmp_path / "alerts.jsonl"

    first = runner.invoke(watch, args)
    assert first.exit_code == 0, first.output
    (cycle,) = [json.loads(line) for line in first.stderr.splitlines() if line.startswith("{")]
    assert len(cycle["new"]) == 2 and cycle["analysed"] == 2
    before = _alerts(jsonl)
    assert not [a for a in before if a["rule"] == "contested"]  # a claim alone contests nothing
    (meeting,) = [a for a in before if a["kind"] == "event"]
    assert meeting["details"]["event_type"] == "meeting"
    assert meeting["evidence"][0]["title"] == GENEVA["title"] and "Geneva" in meeting["evidence"][0]["text"]

    second = runner.invoke(watch, args)  # a restart: the feed has not changed
    assert second.exit_code == 0, second.output
    (idle,) = [json.loads(line) for line in second.stderr.splitlines() if line.startswith("{")]
    assert idle["not_modified"] == [site.url("/feed.rss")] and idle["new"] == [] and idle["alerts"] == 0
    assert site.requests_for("/feed.rss") == [200, 304]

    site.publish("/feed.rss", [DENIAL, GENEVA, CLAIM])
    third = runner.invoke(watch, args)
    assert third.exit_code == 0, third.output
    (denial,) = [a for a in _alerts(jsonl) if a["rule"] == "contested"]
    assert denial["kind"] == "contested" and denial["details"]["contested_kind"] == "denial"
    assert "Andrii Sybiha" in denial["summary"] and "denial (new)" in denial["summary"]
    store = open_store(str(db))
    try:
        for evidence in denial["evidence"]:  # each piece of evidence is the article's own words
            article = store.article(evidence["article_id"])
            start, end = evidence["span"]
            assert article.text[start:end] == evidence["text"]
        titles = [e["title"] for e in denial["evidence"]]
        assert titles[0] == CLAIM["title"] and DENIAL["title"] in titles[1:]
        assert any("did not agree" in e["text"] for e in denial["evidence"])
        record = next(c for c in store.records("contested") if c.id == denial["record_key"])
        assert record.kind == "denial"
    finally:
        store.close()
    assert "[contested] denial (new)" in third.stdout  # stdout is a sink too

    posted = [a for a in receiver.received if a["rule"] == "contested"]
    assert [a["record_key"] for a in posted] == [denial["record_key"]]
    assert receiver.statuses[0] == 503 and len(receiver.received) == len(_alerts(jsonl))

    shown = CliRunner().invoke(contested, ["--db", str(db), "--kind", "denial"])
    assert shown.exit_code == 0 and "denial:" in shown.output and "Sybiha" in shown.output


def test_the_command_refuses_a_bad_config(tmp_path):
    config = tmp_path / "watch.yaml"
    config.write_text("feeds: [https://news.example/feed.rss]\nalerts:\n  contested: {kinds: [rumour]}\n")
    result = CliRunner().invoke(watch, [str(config), "--db", str(tmp_path / "p.db"), "--once"])
    assert result.exit_code == 3 and "kinds: unknown rumour" in result.stderr
