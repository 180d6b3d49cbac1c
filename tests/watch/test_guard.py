"""The address guard of URL fetching: loopback, private, link-local (cloud metadata) addresses are
refused after name resolution and on every redirect, unless the operator allows the network."""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import sys
import time

import pytest

from parley.errors import ConfigError
from parley.ingest.fetch import AddressRefused, Fetcher, parse_networks, refusal
from tests.watch.conftest import GENEVA, NewsSite, Resource, html_page

LOOPBACK = parse_networks(["127.0.0.0/8"])


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("10.20.30.40", "private"),
        ("192.168.1.1", "private"),
        ("172.16.5.4", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "not a public address"),  # carrier-grade NAT
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4 written as IPv6
        ("fd00:ec2::254", "private"),  # a cloud's IPv6 metadata address
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
    ],
)
def test_addresses_that_are_not_public_are_named(address, why):
    assert why in refusal(ipaddress.ip_address(address))


def test_public_addresses_pass():
    assert refusal(ipaddress.ip_address("93.184.215.14")) is None
    assert refusal(ipaddress.ip_address("2606:4700::1111")) is None


@pytest.mark.usefixtures("guard_on")
def test_the_local_server_is_refused_by_default_and_never_contacted(site):
    site.resources["/story.html"] = Resource(html_page(GENEVA))
    fetcher = Fetcher(timeout=2)
    with pytest.raises(AddressRefused, match=r"127\.0\.0\.1, a loopback address"):
        fetcher.get(site.url("/story.html"))
    with pytest.raises(AddressRefused, match="loopback"):
        fetcher.get(f"http://localhost:{site.server.port}/story.html")  # refused after resolving
    assert site.hits == []


@pytest.mark.usefixtures("guard_on")
@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.8/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://0x7f000001/",
    ],
)
def test_private_and_metadata_addresses_are_refused_without_a_connection(url):
    started = time.monotonic()
    with pytest.raises(AddressRefused, match="not fetched"):
        Fetcher(timeout=5).get(url)
    assert time.monotonic() - started < 1  # refused before any connection was tried


def test_an_allowed_network_is_fetched(site, guard_on, monkeypatch):
    site.resources["/story.html"] = Resource(html_page(GENEVA))
    assert Fetcher(timeout=2, allow_networks=LOOPBACK).get(site.url("/story.html")).status == 200
    monkeypatch.setenv("PARLEY_ALLOW_NETWORKS", "10.0.0.0/8, 127.0.0.1/32")
    assert Fetcher(timeout=2).get(site.url("/story.html")).status == 200
    monkeypatch.setenv("PARLEY_ALLOW_NETWORKS", "localhost")
    with pytest.raises(ConfigError, match="PARLEY_ALLOW_NETWORKS: 'localhost' is not a network"):
        Fetcher(timeout=2)


@pytest.fixture
def two_hosts():
    """A site on 127.0.0.2 (the one the operator allows) and one on 127.0.0.1 (not allowed)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("127.0.0.2 is a loopback address only where all of 127/8 is (Linux)")
    outer, inner = NewsSite("127.0.0.2"), NewsSite("127.0.0.1")
    yield outer, inner
    outer.server.stop()
    inner.server.stop()


@pytest.mark.usefixtures("guard_on")
def test_every_redirect_is_checked(two_hosts):
    outer, inner = two_hosts
    inner.resources["/secret"] = Resource(b"internal only")
    targets = {
        "/to-loopback": inner.url("/secret"),
        "/to-private": "http://10.1.2.3/",
        "/to-metadata": "http://169.254.169.254/latest/meta-data/iam/",
    }
    allowed = parse_networks(["127.0.0.2/32"])
    fetcher = Fetcher(timeout=2, allow_networks=allowed)
    for path, target in targets.items():
        outer.resources[path] = Resource(b"")
        outer.redirects[path] = target
        with pytest.raises(AddressRefused, match="not fetched"):
            fetcher.get(outer.url(path))
    assert inner.hits == []  # the redirect to the server that is not allowed was never followed
    assert [p for p, status in outer.hits] == list(targets)
    # the operator allows the inner network too: the same redirect is followed
    both = Fetcher(timeout=2, allow_networks=parse_networks(["127.0.0.1/32", "127.0.0.2/32"]))
    assert both.get(outer.url("/to-loopback")).content == b"internal only"


def test_parley_ingest_refuses_loopback_unless_the_setting_allows_it(site, tmp_path):
    site.resources["/story.html"] = Resource(html_page(GENEVA))
    url = site.url("/story.html")
    env = {k: v for k, v in os.environ.items() if k != "PARLEY_ALLOW_NETWORKS"}
    command = [sys.executable, "-m", "parley", "ingest", f"--db={tmp_path / 'p.db'}", url, "--json"]
    refused = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert refused.returncode == 1, refused.stderr
    (failure,) = json.loads(refused.stdout)["failed"]
    assert "loopback address" in failure["reason"] and site.hits == []
    env["PARLEY_ALLOW_NETWORKS"] = "127.0.0.0/8"
    allowed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert allowed.returncode == 0, allowed.stderr
    assert len(json.loads(allowed.stdout)["new"]) == 1 and site.requests_for("/story.html") == [200]
