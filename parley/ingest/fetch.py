"""HTTP(S) fetching with httpx: timeouts, a size cap, only http and https, and no private addresses.

A backend is one narrow callable, ``Fetcher.get(url) -> Fetched``; tests point it at a real
local server. httpx's errors are translated into :class:`parley.errors.FetchError` here.

The address guard (against server-side request forgery): before every request, the first and
each redirect, the host is resolved and the request is refused when any of its addresses is not
a public one (loopback, private, link-local such as the 169.254.169.254 metadata service,
carrier-grade NAT, multicast, reserved), unless the operator allows that network explicitly
(``allow_networks``, the ``PARLEY_ALLOW_NETWORKS`` setting, ``--allow-network``). The check
happens when the request is sent; a name that resolves differently a moment later (DNS rebinding)
is not caught.

Errors raised here, all :class:`~parley.errors.FetchError` (E107)::

    FetchError              could not fetch: network, HTTP status
    ├── AddressRefused      the host resolves to an address that is not allowed
    └── TransientFetchError a timeout, a failed connection or a 5xx: worth trying again later
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from parley import __version__, settings
from parley.errors import ConfigError, FetchError, TooLarge, UnsupportedInput

DEFAULT_TIMEOUT = float(settings.TIMEOUT.default)
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Placeholder until the project has a public home: ".invalid" (RFC 2606) never names another site.
# An operator names their own contact with the watch config's ``contact``.
PROJECT_URL = "https://parley.invalid/"
USER_AGENT = f"parley/{__version__} (+{PROJECT_URL})"

ALLOW_NETWORKS = settings.Setting(
    "PARLEY_ALLOW_NETWORKS",
    "",
    "Networks URL fetching may reach although they are not public, comma-separated "
    "(e.g. 127.0.0.0/8,10.1.0.0/16); by default loopback, private, link-local and metadata "
    "addresses are refused.",
)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(FetchError):
    """The URL's host resolves to an address that is not public and not allowed."""


class TransientFetchError(FetchError):
    """A timeout, a refused or reset connection, or a 5xx answer: another try may succeed."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    status: int = 200  # 304 (not modified, empty content) when asked conditionally
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def check_url(url: str) -> None:
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError as exc:  # "http://[not-an-address/"
        raise UnsupportedInput(url, f"not a URL that can be fetched: {exc}") from exc
    if scheme not in ("http", "https"):
        raise UnsupportedInput(url, f"only http and https URLs are fetched, not {scheme or 'no scheme'}")


def default_timeout() -> float:
    """The PARLEY_TIMEOUT setting, in seconds."""
    value = settings.TIMEOUT.get()
    try:
        timeout = float(value)
    except ValueError:
        timeout = -1.0
    if not timeout > 0:
        raise ConfigError(f"{settings.TIMEOUT.name} must be a positive number of seconds, not {value!r}")
    return timeout


def parse_networks(values: Iterable[str], where: str = "allow_networks") -> tuple[Network, ...]:
    """``["127.0.0.0/8", "10.1.2.3"]`` -> networks; a bad value is a ConfigError naming ``where``."""
    networks = []
    for value in values:
        value = str(value).strip()
        if not value:
            continue
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as exc:
            raise ConfigError(f"{where}: {value!r} is not a network such as 127.0.0.0/8 ({exc})") from exc
    return tuple(networks)


def default_allowed() -> tuple[Network, ...]:
    """The networks the PARLEY_ALLOW_NETWORKS setting allows (none by default)."""
    return parse_networks(ALLOW_NETWORKS.get().split(","), ALLOW_NETWORKS.name)


def allowed_networks(extra: Iterable[str] = (), where: str = "--allow-network") -> tuple[Network, ...]:
    """The setting's networks and those given on the command line (``extra``), each once."""
    return tuple(dict.fromkeys((*default_allowed(), *parse_networks(extra, where))))


def refusal(address: Address) -> str | None:
    """Why an address is not public ("a loopback address"), or None for a public address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for test, what in (
        ("is_loopback", "a loopback address"),
        ("is_unspecified", "an unspecified address"),
        ("is_link_local", "a link-local address (cloud metadata lives there)"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(address, test):
            return what
    return None if address.is_global else "not a public address"


def check_host(url: str, host: str, port: int, allowed: tuple[Network, ...]) -> None:
    """Resolve ``host`` and raise AddressRefused unless every address is public or allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(url, f"could not fetch: cannot resolve {host}: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        why = refusal(address)
        if why and not any(address in network for network in allowed if network.version == address.version):
            raise AddressRefused(
                url,
                f"not fetched: {host} is {address}, {why}; allow its network explicitly "
                f"(allow_networks, {ALLOW_NETWORKS.name}) to fetch it",
            )


class Fetcher:
    def __init__(
        self,
        timeout: float | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        transport: httpx.BaseTransport | None = None,
        allow_networks: Iterable[Network] | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        """``timeout`` in seconds; None: the PARLEY_TIMEOUT setting (default 15).
        ``allow_networks``: non-public networks that may be fetched; None: the
        PARLEY_ALLOW_NETWORKS setting."""
        self.max_bytes = max_bytes
        if timeout is None:
            timeout = default_timeout()
        self.allowed = tuple(allow_networks) if allow_networks is not None else default_allowed()
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": user_agent},
            transport=transport,
            event_hooks={"request": [self._guard]},
        )

    def _guard(self, request: httpx.Request) -> None:
        """Runs before the first request and before each redirect."""
        url = request.url
        if url.scheme not in ("http", "https"):
            return  # httpx refuses it (UnsupportedProtocol), translated below
        port = url.port or (443 if url.scheme == "https" else 80)
        check_host(str(url), url.host, port, self.allowed)

    def get(self, url: str, headers: Mapping[str, str] | None = None) -> Fetched:
        """GET ``url``. With conditional ``headers`` (If-None-Match, If-Modified-Since) a 304
        answer is returned as ``Fetched(status=304)``; any other status of 400 or more raises."""
        check_url(url)
        try:
            with self._client.stream("GET", url, headers=dict(headers or {})) as response:
                check_url(str(response.url))
                if response.status_code == 304 and headers:
                    return Fetched(str(response.url), b"", "", 304, *_validators(response))
                if response.status_code >= 500:
                    reason = f"HTTP {response.status_code} {response.reason_phrase}"
                    raise TransientFetchError(url, reason)
                if response.status_code >= 400:
                    raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise TooLarge(url, f"{int(declared)} bytes is over the {self.max_bytes}-byte cap")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise TooLarge(url, f"more than the {self.max_bytes}-byte cap")
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "")
                return Fetched(
                    str(response.url),
                    b"".join(chunks),
                    content_type,
                    response.status_code,
                    *_validators(response),
                )
        except httpx.UnsupportedProtocol as exc:  # a redirect to ftp:, file:, ...
            raise UnsupportedInput(url, f"redirected to a URL that is not http or https: {exc}") from exc
        except httpx.TimeoutException as exc:
            raise TransientFetchError(url, f"timed out ({type(exc).__name__})") from exc
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise TransientFetchError(url, f"could not fetch: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"could not fetch: {exc}") from exc

    def close(self) -> None:
        self._client.close()


def _validators(response: httpx.Response) -> tuple[str | None, str | None]:
    return response.headers.get("etag"), response.headers.get("last-modified")
