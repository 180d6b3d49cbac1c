"""What the watcher remembers between cycles and restarts, in one JSON file.

Per URL: the validators of its last answer (ETag, Last-Modified) for the next conditional GET,
and the hash of a page's content (for servers that send no validators). Per feed: the keys of
the entries already read (the entry's id, else its link), so an entry is ingested once even when
the feed around it changes. The file is replaced atomically after each cycle.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley.errors import ConfigError

VERSION = 1
MAX_SEEN = 5000  # entry keys kept per feed: far more than any feed lists at once


@dataclass
class Validators:
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None

    def headers(self) -> dict[str, str]:
        found = {}
        if self.etag:
            found["If-None-Match"] = self.etag
        if self.last_modified:
            found["If-Modified-Since"] = self.last_modified
        return found


@dataclass
class WatchState:
    path: Path | None = None
    validators: dict[str, Validators] = field(default_factory=dict)
    seen: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> WatchState:
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            validators = {url: Validators(**v) for url, v in data.get("validators", {}).items()}
            seen = {url: list(keys) for url, keys in data.get("seen", {}).items()}
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            raise ConfigError(
                f"{path}: the watch state cannot be read ({exc}); move it away to start afresh"
            ) from exc
        return cls(path, validators, seen)

    def for_url(self, url: str) -> Validators:
        return self.validators.get(url) or Validators()

    def remember(self, url: str, validators: Validators) -> None:
        self.validators[url] = validators

    def seen_keys(self, feed: str) -> set[str]:
        return set(self.seen.get(feed, ()))

    def add_seen(self, feed: str, keys: list[str]) -> None:
        known = self.seen.setdefault(feed, [])
        known.extend(k for k in keys if k not in set(known))
        del known[:-MAX_SEEN]

    def save(self) -> None:
        if self.path is None:
            return
        data: dict[str, Any] = {
            "version": VERSION,
            "validators": {url: v.__dict__ for url, v in sorted(self.validators.items())},
            "seen": self.seen,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(self.path.name + ".partial")
        partial.write_text(json.dumps(data, indent=1), encoding="utf-8")
        os.replace(partial, self.path)
