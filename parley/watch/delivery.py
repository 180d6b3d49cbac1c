"""Where alerts go: a text stream (stdout), a JSON Lines file, a webhook.

A sink failing never stops the watch: the error is logged (logger ``parley.watch``) and the other
sinks still get the alert. The webhook posts from a background thread, so a slow or unreachable
receiver never holds up a cycle: :meth:`WebhookSink.send` only queues the alert; the worker posts
it as JSON, retrying a failed connection, a timeout, a 429 or a 5xx after ``backoff`` seconds,
then twice that, and so on, ``retries`` times; any other 4xx is not retried. When the queue is
full (a receiver down for a long time), the oldest alert waiting is dropped and logged.

The webhook's URL is the operator's own choice, so the address guard of URL fetching does not
apply to it (a receiver on the local network is a normal set-up).
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol, TextIO

import httpx

from parley.ingest.fetch import USER_AGENT
from parley.watch.alerts import Alert
from parley.watch.config import Delivery, Webhook

log = logging.getLogger("parley.watch")

QUEUE_SIZE = 1000


class Sink(Protocol):
    def send(self, alert: Alert) -> None: ...
    def close(self) -> None: ...


def alert_line(alert: Alert) -> str:
    """One alert as a few lines of text: what happened, then each piece of evidence."""
    lines = [f"[{alert.kind}] {alert.summary}"]
    for e in alert.evidence:
        where = f"{e.article_id}" + (f" {e.span[0]}-{e.span[1]}" if e.span else "")
        source = ", ".join(x for x in (e.outlet, e.published) if x)
        lines.append(f"    {where}{f' ({source})' if source else ''}: {' '.join(e.text.split())}")
    return "\n".join(lines)


class StreamSink:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def send(self, alert: Alert) -> None:
        self.stream.write(alert_line(alert) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


class JsonlSink:
    """Appends one JSON object per alert and flushes it, so ``tail -f`` sees it at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)

    def send(self, alert: Alert) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(alert.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class WebhookSink:
    def __init__(
        self,
        hook: Webhook,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self.hook = hook
        self.delivered = 0
        self.failed = 0
        self._queue: queue.Queue[Alert | None] = queue.Queue(maxsize=QUEUE_SIZE)
        self._stopping = threading.Event()
        self._sleep = sleep or (lambda seconds: self._stopping.wait(seconds) and None)
        self._client = httpx.Client(
            timeout=hook.timeout,
            headers={"User-Agent": USER_AGENT, **dict(hook.headers)},
            transport=transport,
        )
        self._thread = threading.Thread(target=self._work, name="parley-webhook", daemon=True)
        self._thread.start()

    def send(self, alert: Alert) -> None:
        """Queue the alert and return at once."""
        while True:
            try:
                self._queue.put_nowait(alert)
                return
            except queue.Full:
                try:
                    dropped = self._queue.get_nowait()
                except queue.Empty:
                    continue
                if dropped is not None:
                    self.failed += 1
                    log.warning("webhook queue full: dropped alert %s %s", dropped.kind, dropped.record_key)

    def close(self, wait: float = 30.0) -> None:
        """Deliver what is queued, waiting at most ``wait`` seconds, then stop the worker."""
        deadline = time.monotonic() + wait
        self._queue.put(None)
        self._thread.join(timeout=wait)
        if self._thread.is_alive():
            self._stopping.set()  # cut short the backoff of a retry in progress
            self._thread.join(timeout=max(0.0, deadline - time.monotonic()) + 1.0)
        self._client.close()

    def _work(self) -> None:
        while True:
            alert = self._queue.get()
            if alert is None:
                return
            if self._post(alert):
                self.delivered += 1
            else:
                self.failed += 1

    def _post(self, alert: Alert) -> bool:
        body = alert.to_dict()
        for attempt in range(self.hook.retries + 1):
            try:
                answer = self._client.post(self.hook.url, json=body)
                if answer.status_code < 300:
                    return True
                why = f"HTTP {answer.status_code}"
                if answer.status_code < 500 and answer.status_code != 429:
                    log.error("webhook %s refused alert %s: %s", self.hook.url, alert.record_key, why)
                    return False
            except httpx.HTTPError as exc:
                why = f"{type(exc).__name__}: {exc}"
            if attempt == self.hook.retries or self._stopping.is_set():
                log.error("webhook %s: alert %s not delivered: %s", self.hook.url, alert.record_key, why)
                return False
            log.warning("webhook %s: %s; trying again", self.hook.url, why)
            self._sleep(self.hook.backoff * 2**attempt)
        return False


class Deliverer:
    """Sends each alert to every sink; a sink's failure is logged, never raised."""

    def __init__(self, sinks: Iterable[Sink]) -> None:
        self.sinks = list(sinks)

    def deliver(self, alerts: Iterable[Alert]) -> None:
        for alert in alerts:
            for sink in self.sinks:
                try:
                    sink.send(alert)
                except Exception:  # a full disk or a closed stream must not stop the watch
                    log.exception("could not deliver alert %s to %s", alert.record_key, type(sink).__name__)

    def close(self) -> None:
        for sink in self.sinks:
            try:
                sink.close()
            except Exception:
                log.exception("could not close %s", type(sink).__name__)


def sinks_for(delivery: Delivery, stdout: TextIO | None) -> list[Sink]:
    """The sinks a config's ``deliver`` section names (``stdout`` only when a stream is given)."""
    found: list[Sink] = []
    if delivery.stdout and stdout is not None:
        found.append(StreamSink(stdout))
    if delivery.jsonl is not None:
        found.append(JsonlSink(delivery.jsonl))
    if delivery.webhook is not None:
        found.append(WebhookSink(delivery.webhook))
    return found
