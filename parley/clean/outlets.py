"""Outlets: naming an article's outlet and finding the outlets it cites as its origin.

The known outlets come from a YAML file (``parley/data/outlets.yaml`` by default) a user can
edit; an outlet that is not listed is still found after "citing ..." and in "Source: URL" lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from parley.errors import ConfigError


def host_of(url: str) -> str | None:
    """The URL's host name in lower case; None when it has none or is not a URL at all
    ("http://[not-an-address/" makes urlsplit raise)."""
    try:
        return (urlsplit(url).hostname or "").lower() or None
    except ValueError:
        return None


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


class OutletRegistry:
    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = outlets
        self._by_domain = {d.lower(): o for o in outlets for d in o.domains}
        self._by_name = {n.casefold(): o for o in outlets for n in (o.name, *o.aliases)}
        names = sorted(self._by_name, key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        self._mention = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)

    @classmethod
    def load(cls, path: str | Path | None = None) -> OutletRegistry:
        source = Path(path) if path else resources.files("parley.data") / "outlets.yaml"
        try:
            entries = yaml.safe_load(source.read_text(encoding="utf-8")) or []
            return cls(
                [
                    Outlet(e["name"], tuple(e.get("aliases") or ()), tuple(e.get("domains") or ()))
                    for e in entries
                ]
            )
        except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
            raise ConfigError(f"invalid outlets file {source}: {exc}") from exc

    def by_name(self, name: str) -> str:
        """The display name for a name the text uses ("Tass" -> "TASS"); unknown names as given."""
        cleaned = re.sub(r"^(the)\s+", "", name.strip(), flags=re.I)
        outlet = self._by_name.get(name.strip().casefold()) or self._by_name.get(cleaned.casefold())
        return outlet.name if outlet else name.strip()

    def by_url(self, url: str) -> str | None:
        """The outlet a URL belongs to: a known name, else the registrable part of the host."""
        host = host_of(url if "://" in url else f"http://{url}") or ""
        if not host:
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):
            outlet = self._by_domain.get(".".join(parts[i:]))
            if outlet:
                return outlet.name
        return host.removeprefix("www.")

    def known(self, name: str) -> bool:
        return name.strip().casefold() in self._by_name

    def mentions(self, text: str):
        return self._mention.finditer(text)


@cache
def default_registry() -> OutletRegistry:
    return OutletRegistry.load()


def outlet_key(name: str) -> str:
    """A key under which "The Meridian Post", "meridianpost.eu" and "Meridian Post" are equal."""
    key = name.strip().lower()
    if "/" not in key and "." in key and " " not in key:  # a domain: drop www. and the TLD
        key = key.removeprefix("www.").rsplit(".", 1)[0]
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"[^a-z0-9]", "", key)


# Cue words before or after an outlet's name that make it a cited origin, not just a mention.
_CITE_BEFORE = re.compile(
    r"(citing|according to(?: what)?|as reported by|reported by|quoted(?: as \w+)? by|"
    r"report(?:ed)? in|cited by|via)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
_CITE_AFTER = re.compile(
    r"^(?:'s)?(?:\s+[\w'’-]+){0,3}?\s+(reported|reports|said in a report|quoted|cited|wrote|"
    r"published|revealed|first reported)\b",
    re.IGNORECASE,
)
_CITING_ANY = re.compile(r"\b(?i:citing)\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})")
_URL = re.compile(r"https?://\S+|\b(?:www\.)?[a-z0-9-]+\.[a-z]{2,}(?:\.[a-z]{2})?/\S*", re.I)


def find_cites(text: str, refs: list[str], own_outlet: str | None, registry: OutletRegistry) -> list[str]:
    """Outlets the article names as the origin of what it reports, in order of first citation."""
    found: list[str] = []

    own = outlet_key(own_outlet) if own_outlet else None

    def add(name: str) -> None:
        if name and outlet_key(name) != own and name not in found:
            found.append(name)

    for ref in refs:
        url = _URL.search(ref)
        add((registry.by_url(url.group(0)) if url else registry.by_name(ref)) or "")
    for match in registry.mentions(text):
        before = text[max(0, match.start() - 80) : match.start()]
        after = text[match.end() : match.end() + 60]
        if _CITE_BEFORE.search(before) or _CITE_AFTER.match(after):
            add(registry.by_name(match.group(0)))
    for match in _CITING_ANY.finditer(text):
        add(registry.by_name(match.group("name")))
    return found
