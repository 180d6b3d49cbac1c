"""Where articles come from: files, folders (recursively, by file type) and http(s) URLs.

``discover`` turns what the user typed into a list of :class:`Source`; ``read_source`` reads one
and yields :class:`RawArticle` records and :class:`Failure` records (one bad feed entry or JSON
line does not stop the others).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from parley.errors import InputError, TooLarge, UnsupportedInput
from parley.ingest.feed import read_feed
from parley.ingest.fetch import DEFAULT_MAX_BYTES, Fetcher
from parley.ingest.html import read_html
from parley.ingest.jsonl import read_jsonl
from parley.ingest.text import read_text
from parley.models import Failure, RawArticle

FORMAT_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True)
class Source:
    location: str  # a file path or an http(s) URL
    kind: str  # "file" | "url"
    format: str | None = None  # None: decided from content (URLs, unknown suffixes)


@dataclass
class Discovery:
    sources: list[Source]
    skipped: list[str]  # files in folders whose type Parley does not read
    failures: list[Failure]  # inputs that do not exist or cannot be read at all


def is_url(value: str) -> bool:
    return "://" in value[:12]


def discover(inputs: Iterable[str]) -> Discovery:
    found = Discovery([], [], [])
    for value in inputs:
        if is_url(value):
            found.sources.append(Source(value, "url"))
            continue
        path = Path(value)
        if path.is_dir():
            for file in _walk(path):
                fmt = FORMAT_BY_SUFFIX.get(file.suffix.lower())
                if fmt is None:
                    found.skipped.append(str(file))
                else:
                    found.sources.append(Source(str(file), "file", fmt))
        elif path.is_file():
            found.sources.append(Source(str(path), "file", FORMAT_BY_SUFFIX.get(path.suffix.lower())))
        else:
            found.failures.append(Failure(value, "no such file, folder or URL"))
    return found


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower() != "readme.md":
                yield Path(root) / name


def sniff_format(data: bytes, content_type: str = "") -> str:
    """Guess the format of bytes whose file name or URL does not tell."""
    ctype = content_type.lower()
    if "html" in ctype:
        return "html"
    if any(t in ctype for t in ("rss", "atom", "xml")):
        return "feed"
    if "json" in ctype:
        return "jsonl"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        return "feed"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


class SourceReader:
    """Reads sources of every kind with one fetcher and one size cap."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES, fetcher: Fetcher | None = None) -> None:
        self.max_bytes = max_bytes
        self.fetcher = fetcher or Fetcher(max_bytes=max_bytes)

    def read(self, source: Source) -> Iterator[RawArticle | Failure]:
        try:
            if source.kind == "url":
                fetched = self.fetcher.get(source.location)
                data, url = fetched.content, fetched.url
                fmt = source.format or sniff_format(data, fetched.content_type)
            else:
                data, url = self._read_file(source.location), None
                fmt = source.format or sniff_format(data)
            yield from self._parse(fmt, data, source.location, url)
        except InputError as exc:
            yield Failure(exc.origin, exc.reason)

    def _read_file(self, location: str) -> bytes:
        try:
            size = os.path.getsize(location)
            if size > self.max_bytes:
                raise TooLarge(location, f"{size} bytes is over the {self.max_bytes}-byte cap")
            with open(location, "rb") as handle:
                return handle.read()
        except OSError as exc:
            raise InputError(location, f"cannot read file: {exc.strerror}") from exc

    def _parse(self, fmt: str, data: bytes, origin: str, url: str | None) -> Iterable[RawArticle | Failure]:
        readers: dict[str, Callable[[], Iterable[RawArticle | Failure]]] = {
            "text": lambda: [read_text(data, origin)],
            "html": lambda: [read_html(data, origin, url=url)],
            "feed": lambda: read_feed(data, origin, fetch_page=self.fetch_page),
            "jsonl": lambda: read_jsonl(data, origin),
        }
        if fmt not in readers:
            raise UnsupportedInput(origin, f"unsupported format {fmt}")
        return readers[fmt]()

    def fetch_page(self, url: str) -> tuple[bytes, str]:
        fetched = self.fetcher.get(url)
        return fetched.content, fetched.url

    def close(self) -> None:
        self.fetcher.close()
