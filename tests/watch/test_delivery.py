"""Delivery: the webhook worker retries with backoff and never holds up the caller; a failing sink
is logged, not fatal; the JSON Lines file gets one object per alert."""

from __future__ import annotations

import io
import json
import logging
import time

from parley.watch.alerts import Alert, Evidence
from parley.watch.config import Webhook
from parley.watch.delivery import Deliverer, JsonlSink, StreamSink, WebhookSink
from tests.watch.conftest import WebhookReceiver

ALERT = Alert(
    kind="contested",
    rule="contested",
    record_type="contested",
    record_key="42fe55b6ba4ae1e1",
    summary="denial (new): that the minister had accepted a cap on the army",
    evidence=(Evidence("b1e1cfe208d8e71d", (0, 44), "The minister denied accepting any cap.", "Denial"),),
    details={"contested_kind": "denial"},
    cycle=3,
)


def test_the_webhook_is_retried_with_backoff_until_it_answers():
    receiver = WebhookReceiver(fail=2)
    try:
        sink = WebhookSink(Webhook(receiver.url, retries=3, backoff=0.05, timeout=2))
        sink.send(ALERT)
        sink.close(wait=10)
        assert receiver.statuses == [503, 503, 200]
        assert receiver.received == [ALERT.to_dict()] and sink.delivered == 1 and sink.failed == 0
    finally:
        receiver.server.stop()


def test_an_unreachable_webhook_never_blocks_and_its_failure_is_logged(closed_port, caplog):
    sink = WebhookSink(Webhook(f"http://127.0.0.1:{closed_port}/hook", retries=2, backoff=0.2, timeout=1))
    jsonl = io.StringIO()
    broken = StreamSink(io.StringIO())
    broken.stream.close()  # a sink that raises on every alert
    deliverer = Deliverer([broken, sink, StreamSink(jsonl)])
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="parley.watch"):
        deliverer.deliver([ALERT, ALERT])
        queued_in = time.monotonic() - started
        deliverer.close()
    assert queued_in < 0.1  # the posts and their 0.2 s + 0.4 s of backoff happen in the worker
    assert sink.failed == 2 and sink.delivered == 0
    assert jsonl.getvalue().count("[contested]") == 2  # the sinks after the broken one still got both
    messages = [r.getMessage() for r in caplog.records]
    assert any("could not deliver alert 42fe55b6ba4ae1e1 to StreamSink" in m for m in messages)
    assert sum("not delivered" in m for m in messages) == 2


def test_a_4xx_is_not_retried():
    receiver = WebhookReceiver(fail=5, fail_status=410)
    try:
        sink = WebhookSink(Webhook(receiver.url, retries=3, backoff=0.05, timeout=2))
        sink.send(ALERT)
        sink.close(wait=10)
        assert sink.failed == 1 and receiver.statuses == [410]
    finally:
        receiver.server.stop()


def test_the_jsonl_file_gets_one_object_per_alert_with_its_evidence(tmp_path):
    sink = JsonlSink(tmp_path / "out" / "alerts.jsonl")
    sink.send(ALERT)
    sink.send(ALERT)
    lines = (tmp_path / "out" / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    evidence = json.loads(lines[0])["evidence"][0]
    assert evidence["article_id"] == "b1e1cfe208d8e71d" and evidence["span"] == [0, 44]
