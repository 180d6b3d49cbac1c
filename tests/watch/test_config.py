"""The watch config: the example parses, every key is documented, mistakes are refused."""

from __future__ import annotations

import ipaddress

import pytest

from parley.errors import ConfigError
from parley.watch.config import KEYS, load_config, parse_config
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "watch.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "parley" / "data" / "watch.example.yaml"
FEED = "https://x.example/f"


def test_the_example_config_parses_and_uses_every_key():
    config = load_config(EXAMPLE)
    assert len(config.feeds) == 2 and len(config.pages) == 1 and config.rate_limit == 2
    assert config.alerts.contested is not None and config.alerts.contested.kinds == ("denial", "quantity")
    assert config.deliver.webhook is not None and config.deliver.webhook.retries == 4
    assert config.deliver.jsonl == EXAMPLE.parent / "alerts.jsonl"  # relative to the config file
    written = EXAMPLE.read_text(encoding="utf-8")
    assert all(f"\n{key}:" in written for key in KEYS)


def test_every_key_is_documented():
    for key in (*KEYS, "positions", "contested", "events", "actors", "stdout", "jsonl", "webhook"):
        assert f"| `{key}` |" in DOC, key


def test_defaults_and_the_shorthands():
    config = parse_config(
        {
            "feeds": ["https://news.example.org/rss", {"url": "https://news.example.org/rss"}],
            "alerts": {"contested": True, "events": {}},
            "allow_networks": ["10.1.2.3"],
            "deliver": {"webhook": "https://hooks.example.org/x"},
        }
    )
    assert config.feeds == ("https://news.example.org/rss",)  # the same feed once
    assert config.alerts.contested is not None and config.alerts.contested.kinds == ("denial",)
    assert config.alerts.events is not None and config.alerts.events.types == ()
    assert config.alerts.positions is None and config.interval == 900
    assert config.allow_networks == (ipaddress.ip_network("10.1.2.3/32"),)
    assert config.deliver.stdout and config.deliver.webhook is not None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "at least one URL"),
        ({"feeds": ["ftp://x.example/feed"]}, "not an http(s) URL"),
        ({"feeds": ["https://x.example/f"], "intervall": 60}, "unknown key intervall"),
        ({"feeds": ["https://x.example/f"], "interval": 0}, "interval must be a number of at least 1"),
        ({"feeds": ["https://x.example/f"], "allow_networks": ["intranet"]}, "'intranet' is not a network"),
        (
            {"feeds": ["https://x.example/f"], "alerts": {"positions": {"change": ["new"]}}},
            "unknown key change",
        ),
        ({"feeds": ["https://x.example/f"], "alerts": {"positions": {"changes": ["gone"]}}}, "unknown gone"),
        ({"feeds": ["https://x.example/f"], "deliver": {"webhook": {"url": "hooks"}}}, "url must be"),
    ],
)
def test_mistakes_are_refused_with_the_reason(data, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_config(data)
