"""The registry of record types: everything Parley stores, exports and serves.

A record type is a frozen dataclass with a name. Registering it is all a new output needs: the
store persists and queries it (fields named in ``indexes`` get an index), ``parley export`` and
the API list it, and the analyse job saves what a component produces under that name. Built-in
types are registered in :mod:`parley.record_types`, the same way a plugin registers its own::

    @record_type("question", scope="article", key=lambda q: f"{q.span.start}")
    @dataclass(frozen=True)
    class Question:
        article_id: str
        span: Span
        text: str

``scope`` says who writes it: ``"article"`` records are produced per article by a pipeline
component and replaced when that article is analysed again; ``"corpus"`` records are written by
a corpus step (:mod:`parley.corpus`) from the whole store. ``key`` gives a record's identity, unique
within its article (article scope) or the corpus.

Plugins are found through the ``parley.components`` entry-point group: each entry point names a
module that registers its record types, components and corpus steps when imported.
"""

from __future__ import annotations

import dataclasses
import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Literal

from parley.codec import to_data
from parley.errors import ConfigError

ENTRY_POINT_GROUP = "parley.components"
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

Scope = Literal["article", "corpus"]


@dataclass(frozen=True)
class RecordType:
    name: str
    cls: type
    scope: Scope
    key: Callable[[Any], str]
    indexes: tuple[str, ...] = ()  # fields filtered on often: the store indexes them
    date_field: str | None = None  # what --since/--until filter on
    text_field: str | None = None  # what --contains searches
    order: tuple[str, ...] = ()  # default order (missing values last), then article and key
    exporter: Callable[[Any], dict[str, Any]] | None = None
    description: str = ""

    @property
    def fields(self) -> list[str]:
        return [f.name for f in dataclasses.fields(self.cls)]

    def export(self, record: Any) -> dict[str, Any]:
        """The export/API form: ``{"type": name, ...fields}`` unless the type gives its own."""
        if self.exporter is not None:
            return self.exporter(record)
        data = to_data(record)
        return {"type": self.name, **{self._export_name(k): v for k, v in data.items()}}

    def export_fields(self) -> list[str]:
        """Column names of the export form (for CSV and the docs)."""
        if self.exporter is not None and hasattr(self.exporter, "fields"):
            return list(self.exporter.fields)
        return ["type", *(self._export_name(f) for f in self.fields)]

    def _export_name(self, field: str) -> str:
        """A field called ``type`` would hide the record's own ``type``: it is exported as
        ``<record type>_type`` (an event's type is ``event_type``)."""
        return f"{self.name}_type" if field == "type" else field


RECORD_TYPES: dict[str, RecordType] = {}


def record_type(
    name: str,
    *,
    scope: Scope,
    key: Callable[[Any], str],
    indexes: tuple[str, ...] = (),
    date_field: str | None = None,
    text_field: str | None = None,
    order: tuple[str, ...] = (),
    exporter: Callable[[Any], dict[str, Any]] | None = None,
    description: str = "",
):
    """Class decorator registering a frozen dataclass as a record type."""

    def register(cls: type) -> type:
        if not _NAME.match(name):
            raise ConfigError(f"record type name {name!r}: use lower-case letters, digits and _")
        if not dataclasses.is_dataclass(cls):
            raise ConfigError(f"record type {name!r} must be a dataclass")
        names = {f.name for f in dataclasses.fields(cls)}
        for f in (*indexes, *order, date_field, text_field):
            if f is not None and f not in names:
                raise ConfigError(f"record type {name!r} has no field {f!r}")
        if scope == "article" and "article_id" not in names:
            raise ConfigError(f"article-scope record type {name!r} needs an article_id field")
        existing = RECORD_TYPES.get(name)
        if existing is not None and existing.cls.__qualname__ != cls.__qualname__:
            raise ConfigError(f"record type {name!r} is registered already by {existing.cls.__module__}")
        RECORD_TYPES[name] = RecordType(
            name, cls, scope, key, tuple(indexes), date_field, text_field, tuple(order), exporter, description
        )
        return cls

    return register


def get(name: str) -> RecordType:
    load_builtins()
    try:
        return RECORD_TYPES[name]
    except KeyError:
        raise ConfigError(f"no record type {name!r}; known: {', '.join(sorted(RECORD_TYPES))}") from None


def all_types() -> Iterator[RecordType]:
    """Every registered record type in a stable order, whatever order modules were imported in:
    the core types of :mod:`parley.models` first (as :mod:`parley.record_types` lists them),
    then every other type by name."""
    load_builtins()
    order = {name: n for n, name in enumerate(RECORD_TYPES)}
    yield from sorted(
        RECORD_TYPES.values(),
        key=lambda rt: (0, order[rt.name], "") if rt.cls.__module__ == "parley.models" else (1, 0, rt.name),
    )


_loaded = False


def load_builtins() -> None:
    """Register the built-in record types, then load the plugins. (The built-in components and
    corpus steps are imported by the pipeline and the corpus runner, which need spaCy and the
    reconcilers; the store needs neither.)"""
    global _loaded
    if _loaded:
        return
    _loaded = True
    importlib.import_module("parley.record_types")
    load_plugins()


PLUGINS: list[str] = []


def load_plugins() -> list[str]:
    """Import every module named in the ``parley.components`` entry-point group (once each)."""
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.value in PLUGINS:
            continue
        try:
            ep.load()
        except Exception as exc:  # noqa: BLE001 - a broken plugin is a configuration error
            raise ConfigError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from exc
        PLUGINS.append(ep.value)
    return PLUGINS
