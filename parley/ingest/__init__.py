"""Ingest: one reader per input format, each turning bytes into :class:`RawArticle` records.

Readers: ``text`` (plain-text articles), ``html`` (trafilatura + htmldate), ``feed`` (RSS/Atom via
feedparser, fetching the page of an entry with no body), ``jsonl`` (one article per line).
Sources: files, folders (recursively, by suffix) and http(s) URLs (httpx, size cap, timeouts).
"""

from parley.ingest.sources import Discovery, Source, SourceReader, discover

__all__ = ["Discovery", "Source", "SourceReader", "discover"]
